#pragma once
// What the rule-language fuzz targets share: the project's schema, markets, reference data,
// built-in functions and library rulesets, loaded once, and the compilation of one ruleset
// text through the parser, the checker and the planner with the stages' contracts checked.

#include <memory>
#include <string>
#include <string_view>

#include "engine/markets/market_table.h"
#include "engine/plan/program.h"
#include "engine/schema/schema.h"

namespace tradelint::fuzz {

// Prints `what` prefixed with `target` and aborts: a broken contract, reported as a crash.
[[noreturn]] void Fail(std::string_view target, std::string_view what);

const Schema& FuzzSchema();
const MarketTable& FuzzMarkets();

// Compiles `text` as the ruleset file `fuzz/input.trl`, together with the library rulesets
// it imports (rulesets/ and tests/conformance/ of the source tree). Returns the program, or
// null when a stage reported an error. Aborts, naming `target`, when a stage breaks its
// contract: the parser returns an AST exactly when it reported no error, the planner a
// program exactly when it reported none, and every diagnostic has a code, a message and a
// span inside its file, and renders.
std::unique_ptr<const Program> CompileRuleset(std::string_view target, std::string text);

}  // namespace tradelint::fuzz
