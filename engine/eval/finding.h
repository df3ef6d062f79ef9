#pragma once
// What evaluating one record for one market produces.

#include <optional>
#include <string>
#include <vector>

#include "engine/base/date.h"
#include "engine/check/checked.h"
#include "engine/value/value.h"

namespace tradelint {

// Why a finding was raised (docs/cli.md, "Findings"):
//   - kViolation: the data shows the requirement is not met;
//   - kMissingData: the data needed to decide is absent; `missing` names it and is never empty;
//   - kUndecided: the engine could not decide for another reason (a currency mismatch,
//     overflow, division by zero, no reference row or exchange rate, the evaluation budget);
//     `reason` says which.
// All three count toward the verdict by the rule's severity.
enum class Basis { kViolation, kMissingData, kUndecided };
std::string_view BasisName(Basis basis);

// A waiver that applies to a finding (docs/cli.md, "Waivers").
struct AppliedWaiver {
  std::string reason;
  Date expires;
  std::string approved_by;
};

struct Finding {
  const CheckedRule* rule = nullptr;
  Basis basis = Basis::kViolation;
  std::vector<std::string> paths;    // fields the finding concerns, with concrete indexes
  std::vector<std::string> missing;  // kMissingData: the absent fields (never empty)
  std::string reason;                // kUndecided: why the rule could not be decided
  std::string title;                 // the rule's title in the requested language, else English
  std::string message;               // in `language`
  std::string language;              // BCP 47 tag of `message`: the requested one, or `en`
  std::string fix;                   // may be empty
  // kViolation: what the record holds at the deciding path `value_path` (as read, before
  // conversion), when the obligation read a stated field.
  std::optional<Value> value;
  std::string value_path;
  std::vector<std::string> notes;      // e.g. the exchange rate a conversion used
  std::vector<std::string> overrides;  // group rules this rule replaced for the market
  std::vector<std::string> held_back;  // a scope finding: the rules that could not be judged
  std::vector<std::string> members;    // a group market's result: the members where it fired
  // A record read from a feed: the feed attributes that carry `paths` and `missing`
  // (FeedMapping::AttributesFor), e.g. `brand` for `product.brand.name`.
  std::vector<std::string> feed_attributes;
  std::optional<AppliedWaiver> waived;  // waived findings do not count toward the verdict

  // The title to show: `title`, else (a finding made without a language) the rule's.
  const std::string& shown_title() const { return title.empty() ? rule->title : title; }
};

// How much of each finding an evaluation computes, so that a run computes only what its
// report shows (ReportWriter::finding_detail).
enum class FindingDetail {
  // Every field.
  kFull,
  // What decides the verdict and which rules fired (`check --format compact`): `rule`,
  // `basis` and `overrides` are exactly those of kFull, and so is the whole of a scope finding
  // (`held_back`); `reason`, `paths`, `missing` and `notes` too unless the basis is
  // kViolation, where they are left empty, as are `value` and `value_path`; a rule's `title`,
  // `message`, `language` and `fix` are left empty. A violation then costs no traced
  // evaluation of its rule, and no finding the rendering of its texts.
  kVerdict,
};

// How many rules judged one (record, market) and how (docs/cli.md, "Coverage"):
// in_force = applied + not_applicable + undecided; fired counts rules with any finding.
struct Coverage {
  std::int64_t in_force = 0;
  std::int64_t applied = 0;
  std::int64_t not_applicable = 0;
  std::int64_t undecided = 0;
  std::int64_t fired = 0;

  Coverage& operator+=(const Coverage& other);
  bool operator==(const Coverage&) const = default;
};

// Ordered from best to worst, so that the worst of several is their maximum.
enum class Verdict { kPass, kNotCovered, kWarn, kFail, kInvalid };
std::string_view VerdictName(Verdict verdict);
// fail if any finding that is not waived is an error; else warn if any is a warning; else
// pass, or not_covered when `covered` is false (no rule of the market's own rulesets was in
// force: rules for every market alone do not make a market covered).
Verdict VerdictOf(const std::vector<Finding>& findings, bool covered = true);

}  // namespace tradelint
