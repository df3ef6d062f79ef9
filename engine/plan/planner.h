#pragma once
// Planning: checked rulesets -> Program. Prepares every function call whose plugin wants its
// constant arguments ahead of time (regular expressions compiled once, keyword sets built
// into one matcher), reporting what cannot be prepared (an invalid pattern) as diagnostics.
// Calls of one function with arguments of the same types and equal constants share one state.

#include <memory>
#include <vector>

#include "engine/check/checked.h"
#include "engine/diag/diagnostic.h"
#include "engine/plan/program.h"

namespace tradelint {

std::unique_ptr<const Program> PlanProgram(std::vector<CheckedRuleset> rulesets,
                                           std::shared_ptr<const MarketTable> markets,
                                           std::shared_ptr<const ReferenceData> reference,
                                           Diagnostics& diagnostics);

}  // namespace tradelint
