#pragma once
// What judging one record produces (Engine::Judge), and how it is asked for.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/date.h"
#include "engine/eval/explanation.h"
#include "engine/eval/finding.h"

namespace tradelint {

class Waivers;

struct JudgeOptions {
  // Valid market codes; empty: the record's own (Engine::DefaultMarkets). A group (`EU`,
  // `EEA`, `GCC`) is judged as its members on the as-of date.
  std::vector<std::string> markets;
  std::optional<Date> as_of;  // empty: Engine::DefaultAsOf
  std::string language = "en";
  bool expand_groups = false;        // a group gives one result per member, not one for the group
  const Waivers* waivers = nullptr;  // not owned; may be null
  // Not owned; may be null. The rules whose evaluation each result explains (check --explain).
  const ExplainSelection* explain = nullptr;
  Date today = Date::TodayUtc();  // for default as-of dates and waiver expiry
  // How much of each finding to compute (FindingDetail); group markets combine their members'
  // findings by message, so a lean detail may merge findings of one rule that kFull keeps apart.
  FindingDetail detail = FindingDetail::kFull;
};

// One record judged for one market: a country, a subdivision, or a group whose members were
// each judged (docs/cli.md, "Group markets").
struct MarketJudgement {
  std::string market;
  Verdict verdict = Verdict::kPass;
  std::vector<Finding> findings;   // a group's: once per rule and message, with `members`
  Coverage coverage;               // a group's: the sum over its members
  std::vector<std::string> notes;  // about the result as a whole (not covered, expired waivers)
  // With JudgeOptions::explain: how each rule it selects judged the record, per market judged
  // (a group's: its members' in turn).
  std::vector<RuleExplanation> explanations;
};

struct RecordJudgement {
  Date as_of;
  // In market order; empty exactly when the record names no market and none was given
  // (the record is then `invalid` with code `no_market`).
  std::vector<MarketJudgement> results;
  bool no_market() const { return results.empty(); }
};

// The judgement of group `group` from its members' judgements: the worst verdict among the
// members covered (`not_covered` when none is), coverage summed, each finding once per rule,
// message and waiver with the members where it fired, and the members' notes prefixed with
// their code.
MarketJudgement CombineMembers(std::string_view group, const std::vector<MarketJudgement>& members);

}  // namespace tradelint
