#pragma once
// Explanations of how rules judged a record (`tradelint check --explain RULE`): for each rule
// selected, every `when`, `unless` and `require` evaluated, each sub-expression with its value
// (true, false, unknown, or the value itself), the record fields and reference-table rows read,
// and the conclusion. Built by an ExplanationRecorder from the interpreter's own evaluation
// (evaluation_observer.h): what it shows is what decided, never a second opinion.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/check/checked.h"
#include "engine/eval/evaluation_observer.h"
#include "engine/value/value.h"

namespace tradelint {

struct ExplainedExpr {
  std::string text;                     // as written in the ruleset (a `def` shows its own body)
  Value value;                          // missing: unknown
  std::vector<std::string> notes;       // a function's notes (the exchange rate used, ...)
  std::vector<ExplainedExpr> operands;  // in evaluation order; a quantifier's body once per
                                        // element evaluated, after its list
};

struct ExplainedClause {
  // `when`, `unless`, `require` or `forbid`; `scope_facts_unknown` for the `when` evaluated
  // with the scope facts the record leaves out read as unknown.
  std::string keyword;
  std::size_t index = 0;  // which `when` or `unless` of the rule
  bool scope_facts_unknown = false;
  ExplainedExpr condition;
};

struct FieldRead {
  std::string path;  // as written (`seller.legal_name`; a quantifier's variable: `w.language`)
  Value value;       // missing: absent
};

struct RuleExplanation {
  const CheckedRule* rule = nullptr;
  std::string market;  // the country or subdivision judged (a group's member)
  std::vector<ExplainedClause> clauses;
  std::vector<FieldRead> fields;  // each (path, value) once, in the order first read
  // Reference-table rows read: `<table> <key>: <values>` (a ruleset's `table`, the official
  // languages, ...), each once.
  std::vector<std::string> rows;
  // `not_applicable`, `undecided`, `holds` or `fired`, and in words why.
  std::string conclusion;
  std::string reason;
};

// The rules `--explain` names: each selector is a rule id (`eu.gpsr.manufacturer_contact`), a
// catalogue ref (`EU-GPSR-19-MFR`), a ruleset id (all its rules) or `*` (every rule).
class ExplainSelection {
 public:
  explicit ExplainSelection(std::vector<std::string> selectors)
      : selectors_(std::move(selectors)) {}
  bool Selects(const CheckedRule& rule) const;
  bool empty() const { return selectors_.empty(); }
  // The selectors no rule of `rules` answers to.
  std::vector<std::string> Unmatched(const std::vector<const CheckedRule*>& rules) const;

 private:
  std::vector<std::string> selectors_;
};

// Records the evaluation of the rules a selection names, for one record and market.
class ExplanationRecorder final : public EvaluationObserver {
 public:
  explicit ExplanationRecorder(const ExplainSelection& selection) : selection_(selection) {}

  bool Observes(const CheckedRule& rule) const override { return selection_.Selects(rule); }
  void BeginRule(const CheckedRule& rule) override;
  void BeginClause(Clause clause, std::size_t index) override;
  void Enter(const CheckedExpr& expr) override;
  void Leave(const CheckedExpr& expr, const Value& value) override;
  void CallNotes(const std::vector<std::string>& notes,
                 const std::vector<std::string>& rows_read) override;
  void EndRule(const RuleOutcome& outcome) override;

  // The explanations recorded, in the order the rules were judged.
  std::vector<RuleExplanation> Take() { return std::move(explanations_); }

 private:
  void AddRow(std::string row);

  const ExplainSelection& selection_;
  std::vector<RuleExplanation> explanations_;
  // The expressions entered and not yet left, outermost first. Only the innermost one gains
  // operands, so the pointers stay valid.
  std::vector<ExplainedExpr*> open_;
};

// The value as an explanation shows it: `true`, `false`, `unknown`, `"text"`, `EUR 19.99`,
// `["de", "fr"]`.
std::string ExplainedValueText(const Value& value);

}  // namespace tradelint
