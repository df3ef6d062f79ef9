#pragma once
// A window on the interpreter's evaluation: what each sub-expression of a rule evaluated to, in
// the order the evaluator went through them. The evaluator calls an observer only when one is
// given (Evaluator::Evaluate's `observer`), and then only for the rules it Observes; without one
// the cost is a null test per expression.
//
// The calls for one rule nest like this:
//   BeginRule
//     BeginClause, then Enter/Leave pairs (properly nested: an expression's operands are
//     entered and left between its own Enter and Leave), per clause evaluated
//   EndRule
// Clauses come in the evaluator's order: when the record leaves a scope fact unstated, the
// `when`s once with the fact read as unknown; the `when`s until one is false; the `unless`es
// until one holds; the `require` (or `forbid`). A clause not needed for the conclusion is not
// evaluated and so not reported. `and`, `or`, `any` and `all` stop at the operand or element
// that decides them, as always. Finding texts (messages) and the second, traced evaluation
// that explains a finding are not observed.

#include <string>
#include <vector>

#include "engine/check/checked.h"
#include "engine/value/value.h"

namespace tradelint {

struct RuleOutcome;

class EvaluationObserver {
 public:
  enum class Clause {
    kWhenUnstated,  // a `when`, with the scope facts the record leaves out read as unknown
    kWhen,
    kUnless,
    kRequire,  // the `require`, or the `forbid` of a rule that forbids
  };

  virtual ~EvaluationObserver() = default;

  // Whether the rule's evaluation is wanted; asked once per rule and market before it is
  // judged. A rule observed is judged afresh in each market, never reused from another.
  virtual bool Observes(const CheckedRule& rule) const = 0;

  virtual void BeginRule(const CheckedRule& rule) = 0;
  // `index`: which `when` or `unless` of the rule (0 for the `require`).
  virtual void BeginClause(Clause clause, std::size_t index) = 0;
  virtual void Enter(const CheckedExpr& expr) = 0;
  // `value` is what `expr` evaluated to; missing means unknown.
  virtual void Leave(const CheckedExpr& expr, const Value& value) = 0;
  // What a function call said about how it computed its value (the exchange rate a
  // conversion used, ...) and the reference-table rows it read (CallContext::rows_read),
  // between the call's Enter and Leave.
  virtual void CallNotes(const std::vector<std::string>& notes,
                         const std::vector<std::string>& rows_read) = 0;
  virtual void EndRule(const RuleOutcome& outcome) = 0;
};

}  // namespace tradelint
