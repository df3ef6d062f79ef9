#pragma once
// GroupOutcomeMemo: the outcomes of the groups a run's group rules judged, by what each rule
// saw of its group, so that a group that looks to its rule exactly as an earlier group did is
// not judged again (GroupWindows; docs/language.md, "Group rules").
//
// A group rule's outcome is a function of what it is given: the rule (with its jurisdiction),
// the run's language, the date it is judged on and the group record, which GroupWindows builds
// from the group's packed bytes (RecordProjection: of each member in input order, its kind and
// what the rule reads of it; the link key). The members' ids and sources are not part of it.
// The caller names that input by `seen`, bytes that determine it (for a given rule); two groups
// with the same `seen` conclude alike, so the memo gives the second the first one's outcome,
// finding and all. Groups of rules that read only counts and listed values (enums, country
// codes) repeat often; groups that hold amounts or names seldom do.
//
// Bounded: at most kEntriesPerRule outcomes per rule (when full, a rule's entries are dropped
// and the memo fills again); a rule whose groups, once kTrial of them were looked up, have
// been found less than one time in four is no longer memoized (its groups are judged each
// time, and no outcome is kept). Not thread-safe: one run, one thread.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/string_hash.h"
#include "engine/eval/evaluator.h"

namespace tradelint {

class GroupOutcomeMemo {
 public:
  static constexpr std::size_t kEntriesPerRule = 256;
  static constexpr std::int64_t kTrial = 1024;

  // A memo for `rules` group rules, numbered from 0 (their index in Program::group_rules()).
  explicit GroupOutcomeMemo(std::size_t rules) : rules_(rules) {}

  // The outcome of `rule` for a group it sees as `seen`: the one stored for `seen`, else
  // `judge()`, stored when the rule is memoized.
  RuleOutcome Judge(std::size_t rule, std::string_view seen,
                    const std::function<RuleOutcome()>& judge);

  // Whether `rule`'s outcomes are still kept.
  bool memoized(std::size_t rule) const { return rules_[rule].memoized; }
  // Groups of `rule` looked up, and of those, the ones whose outcome was stored.
  std::int64_t lookups(std::size_t rule) const { return rules_[rule].lookups; }
  std::int64_t hits(std::size_t rule) const { return rules_[rule].hits; }

 private:
  struct OfRule {
    bool memoized = true;
    std::int64_t lookups = 0;
    std::int64_t hits = 0;
    std::unordered_map<std::string, RuleOutcome, StringHash, std::equal_to<>> outcomes;
  };

  std::vector<OfRule> rules_;
};

}  // namespace tradelint
