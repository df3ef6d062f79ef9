#pragma once
// Evaluation: Program + record + market + as-of date -> findings and coverage.
//
// Missing data follows Kleene's three-valued logic: a comparison with a missing operand is
// unknown; `false and unknown` is false, `true or unknown` is true. For each rule in force:
//   - scope facts: while the record does not state a scope fact (`scope PATH` in the ruleset)
//     that the rule's `when` reads, `present`/`missing` of it are unknown; if the `when` is
//     then not false, the rule is undecided: it reports nothing itself, and one finding per
//     (ruleset, fact) names the fact and the rules held back (rule `<ruleset>.scope`).
//   - `when` false: the rule does not apply. `when` unknown: the rule applies unless the
//     record complies whatever the scope (then nothing is reported); otherwise the finding has
//     basis `missing_data` naming the fields the scope needed.
//   - `unless` true: the record is excepted. Unknown: an exception must be shown by the data,
//     so the rule is judged.
//   - `require` false (or `forbid` true): a finding. Its basis is `violation` when the data
//     alone shows the failure (it still fails when `present`/`missing` of absent fields count
//     as unknown), else `missing_data` when fields are absent, else `undecided` with the
//     reason (a currency mismatch, overflow, no exchange rate, the evaluation budget, ...).
// Findings are explained (paths, missing fields, notes, basis) by evaluating the failing rule
// again with tracing on, as far as the FindingDetail asked for needs; the fast path never
// builds path strings.
//
// An Evaluator is immutable and may be shared by threads; each call is independent.

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/eval/evaluation_observer.h"
#include "engine/eval/finding.h"
#include "engine/plan/program.h"
#include "engine/value/value.h"

namespace tradelint {

// Limits on evaluating one rule for one record.
struct EvaluationLimits {
  // Expression evaluations per (record, rule), and again per re-evaluation that explains a
  // finding: bounds nested quantifiers over long lists. Past it the rule is `undecided`.
  std::int64_t steps_per_rule = 20'000'000;
};

// How the evaluator goes about one record (the results are the same either way).
enum class EvaluationMode {
  // Each path the rules read from the record root is read once per record and market, and
  // every later read takes it from a table (eval_internal::RecordPaths, CheckedExpr::
  // record_path), and a quantifier variable's path without the traced walk's bookkeeping.
  kFast,
  // Every read walks the record, as written: the reference evaluation, which tests compare
  // kFast with.
  kReference,
};

// How one rule judged one record for one market.
struct RuleOutcome {
  enum class Status { kNotApplicable, kApplied, kUndecided };
  Status status = Status::kApplied;
  std::optional<Finding> finding;           // kApplied: the finding, if the rule fired
  std::vector<std::string> unstated_facts;  // kUndecided: the scope facts the record left out
};

// What the rules that never read `market` concluded about one record, shared by the markets
// it is judged in: such a rule judges the record alike everywhere, so it is evaluated once.
// Use one per record, as-of date, language and finding detail, on one thread.
class MarketIndependentResults {
 public:
  // The outcome already concluded for `rule`; null when not judged yet.
  const RuleOutcome* Find(const CheckedRule* rule) const;
  // Keeps `outcome`; the reference is valid until the next Store.
  const RuleOutcome& Store(const CheckedRule* rule, RuleOutcome outcome);

 private:
  std::vector<std::pair<const CheckedRule*, RuleOutcome>> results_;  // few: one record's rules
};

// One record judged for one market.
struct Evaluation {
  std::vector<Finding> findings;  // in rule load order, then the scope findings
  Coverage coverage;
  bool covered = false;  // see RuleSelection::covered
};

class Evaluator {
 public:
  Evaluator(const Program& program, EvaluationLimits limits,
            EvaluationMode evaluation_mode = EvaluationMode::kFast)
      : program_(program), limits_(limits), evaluation_mode_(evaluation_mode) {}

  // Judges `record` (of `kind`) for `market` on `as_of` with every rule selected there.
  // Messages and fixes in `language` (BCP 47) where the rule has it, else English. With
  // `shared`, rules that do not read `market` reuse what another market of the same record
  // concluded. With `observer`, the evaluation of the rules it observes is reported to it
  // (evaluation_observer.h). The findings have the fields `detail` asks for; pass one
  // `shared` only to calls of the same detail.
  Evaluation Evaluate(const Value& record, RecordKind kind, std::string_view market, Date as_of,
                      std::string_view language, MarketIndependentResults* shared = nullptr,
                      EvaluationObserver* observer = nullptr,
                      FindingDetail detail = FindingDetail::kFull) const;

  // Whether `rule` may apply to a record that states only what `partial` states (a starter
  // record: its markets and product categories): false only when `partial`'s fields make the
  // rule's `when` false or an `unless` true. Fields it leaves out are unknown, even to
  // `present` and `missing`.
  bool MayApply(const CheckedRule& rule, const Value& partial, std::string_view market,
                Date as_of) const;

  // The key that links `record` (of the link's kind) into a group: the link's expression
  // evaluated on the record alone, on `as_of`; missing when the record does not give it.
  Value LinkKey(const GroupLink& link, const Value& record, Date as_of) const;

  // How the group rule `rule` judges `group` (its group record: one list per linked kind and
  // `link`, docs/language.md "Group rules") for `market` on `as_of`, as any rule judges a
  // record: not applicable, applied (with its finding, if it fired) or undecided.
  RuleOutcome JudgeGroup(const CheckedRule& rule, const Value& group, std::string_view market,
                         Date as_of, std::string_view language) const;

 private:
  const Program& program_;
  EvaluationLimits limits_;
  EvaluationMode evaluation_mode_;
};

}  // namespace tradelint
