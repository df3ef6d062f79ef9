// libFuzzer target for the rule language: any bytes, read as a ruleset file, go through the
// parser and, when they parse, through the checker and the planner with the project's real
// schema, markets, reference data and built-in functions, together with the library rulesets
// the input imports. Nothing may crash, hang or leak, and the stages must keep their
// contracts (tests/fuzz/fuzz_compile.h). First, the direct parser must give the reference's AST
// wherever it does not decline, with and without test blocks (engine/parse/parser_check.h); a
// difference aborts with both.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/parse/parser_check.h"
#include "tests/fuzz/fuzz_compile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const tradelint::TestBlocks tests :
       {tradelint::TestBlocks::kParse, tradelint::TestBlocks::kSkip}) {
    const auto check = tradelint::CheckDirectParser(text, tests);
    if (!check || check->declined) continue;
    if (check->reference_failed || check->direct_ast != check->reference_ast) {
      std::fprintf(stderr,
                   "the direct parser's AST differs from the reference's\n"
                   "reference%s:\n%s\ndirect:\n%s\n",
                   check->reference_failed ? " (reported an error)" : "",
                   check->reference_ast.c_str(), check->direct_ast.c_str());
      std::abort();
    }
  }
  tradelint::fuzz::CompileRuleset("parser_fuzz", text);
  return 0;
}
