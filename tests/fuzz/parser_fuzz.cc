// libFuzzer target for the rule language: any bytes, read as a ruleset file, go through the
// parser and, when they parse, through the checker and the planner with the project's real
// schema, markets, reference data and built-in functions, together with the library rulesets
// the input imports. Nothing may crash, hang or leak, and the stages must keep their
// contracts (tests/fuzz/fuzz_compile.h).

#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/fuzz_compile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tradelint::fuzz::CompileRuleset("parser_fuzz",
                                  std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
