// libFuzzer target for the scanner: any bytes that are UTF-8 (what the parser is given to scan)
// must give the same tokens from the hand-written scanner as from the lexer ANTLR generates
// from grammar/Rules.g4 (tests/unit/parse/scanner_and_lexer.h). A difference aborts with both.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/unit/parse/scanner_and_lexer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto tokens = tradelint::parse_internal::LexerAndScannerTokens(
      std::string(reinterpret_cast<const char*>(data), size));
  if (!tokens) return 0;  // not UTF-8: refused before it is scanned
  if (tokens->first != tokens->second) {
    std::fprintf(stderr, "the scanner's tokens differ from the lexer's\nlexer:\n%s\nscanner:\n%s\n",
                 tokens->first.c_str(), tokens->second.c_str());
    std::abort();
  }
  return 0;
}
