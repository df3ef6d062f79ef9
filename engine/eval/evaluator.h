#pragma once
// Evaluation: Program + record + market + as-of date -> findings.
//
// Missing data follows Kleene's three-valued logic: a comparison with a missing operand is
// unknown; `false and unknown` is false, `true or unknown` is true. For each rule in force:
//   - `when` false: the rule does not apply. `when` unknown: the rule applies unless the
//     record complies whatever the scope (then nothing is reported); otherwise the finding has
//     basis `missing_data` naming the fields the scope needed.
//   - `unless` true: the record is excepted. Unknown: an exception must be shown by the data,
//     so the rule is judged.
//   - `require` false (or `forbid` true): a finding. Its basis is `violation` when the data
//     alone shows the failure (it still fails when `present`/`missing` of absent fields count
//     as unknown), else `missing_data`. `require` unknown: `missing_data`.
// Findings are explained (paths, missing fields, notes, basis) by evaluating the failing rule
// again with tracing on; the fast path never builds path strings.
//
// An Evaluator is immutable and may be shared by threads; each call is independent.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/eval/finding.h"
#include "engine/plan/program.h"
#include "engine/value/value.h"

namespace tradelint {

// What the rules that never read `market` concluded about one record, shared by the markets
// it is judged in: such a rule judges the record alike everywhere, so it is evaluated once.
// Use one per record, as-of date and language, on one thread.
class MarketIndependentResults {
 public:
  // The finding (or its absence) already concluded for `rule`; null when not judged yet.
  const std::optional<Finding>* Find(const CheckedRule* rule) const;
  void Store(const CheckedRule* rule, std::optional<Finding> finding);

 private:
  std::vector<std::pair<const CheckedRule*, std::optional<Finding>>> results_;  // few: one record's rules
};

class Evaluator {
 public:
  explicit Evaluator(const Program& program) : program_(program) {}

  // Findings of every rule that judges `record` (of `kind`) for `market` on `as_of`, in rule
  // load order. Messages and fixes in `language` (BCP 47) where the rule has it, else English.
  // With `shared`, rules that do not read `market` reuse what another market of the same
  // record concluded.
  std::vector<Finding> Evaluate(const Value& record, RecordKind kind, std::string_view market,
                                Date as_of, std::string_view language,
                                MarketIndependentResults* shared = nullptr) const;

 private:
  const Program& program_;
};

}  // namespace tradelint
