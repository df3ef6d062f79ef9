#include "engine/api/group_outcome_memo.h"

#include <utility>

namespace tradelint {

RuleOutcome GroupOutcomeMemo::Judge(std::size_t rule, std::string_view seen,
                                    const std::function<RuleOutcome()>& judge) {
  OfRule& of_rule = rules_[rule];
  if (!of_rule.memoized) return judge();
  ++of_rule.lookups;
  if (const auto stored = of_rule.outcomes.find(seen); stored != of_rule.outcomes.end()) {
    ++of_rule.hits;
    return stored->second;
  }
  RuleOutcome outcome = judge();
  if (of_rule.lookups >= kTrial && 4 * of_rule.hits < of_rule.lookups) {
    of_rule.memoized = false;
    of_rule.outcomes = {};
    return outcome;
  }
  if (of_rule.outcomes.size() == kEntriesPerRule) of_rule.outcomes.clear();
  of_rule.outcomes.emplace(std::string(seen), outcome);
  return outcome;
}

}  // namespace tradelint
