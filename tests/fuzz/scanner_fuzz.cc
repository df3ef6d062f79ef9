// libFuzzer target for the scanner: any bytes that are UTF-8 (what the parser is given to scan)
// must give the same tokens from the hand-written scanner as from the lexer ANTLR generates
// from grammar/Rules.g4 (engine/parse/scanner_check.h). A difference aborts with both.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/parse/scanner_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto tokens =
      tradelint::CheckScanner(std::string(reinterpret_cast<const char*>(data), size));
  if (!tokens) return 0;  // not UTF-8: refused before it is scanned
  if (tokens->lexer_tokens != tokens->scanner_tokens) {
    std::fprintf(stderr, "the scanner's tokens differ from the lexer's\nlexer:\n%s\nscanner:\n%s\n",
                 tokens->lexer_tokens.c_str(), tokens->scanner_tokens.c_str());
    std::abort();
  }
  return 0;
}
