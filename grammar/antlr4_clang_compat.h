// Forced include for clang only (see grammar/CMakeLists.txt). Debian's ANTLR 4.9 runtime
// header InterpreterDataReader.h declares a defaulted constructor of InterpreterData whose
// member dfa::Vocabulary has none; GCC accepts it, clang 14 rejects the header. Making the
// constructor a template defers its instantiation, which nothing ever asks for.
#pragma once
#define InterpreterData(...) \
  template <typename = void> \
  InterpreterData(__VA_ARGS__)
