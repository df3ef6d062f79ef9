#pragma once
// The expression interpreter: evaluates a CheckedExpr against one record under Kleene logic.
// A missing Value is the language's `unknown`.

#include <string>
#include <vector>

#include "engine/check/checked.h"
#include "engine/eval/evaluation_observer.h"
#include "engine/eval/internal/record_paths.h"
#include "engine/eval/unknown_value_words.h"
#include "engine/plan/program.h"

namespace tradelint::eval_internal {

// Collected only while explaining a finding.
struct Trace {
  std::vector<std::string> read;     // concrete paths of the fields read
  std::vector<Value> values;         // what each field of `read` held, as stored in the record
  std::vector<std::string> missing;  // concrete paths of fields found absent
  std::vector<std::string> notes;    // from functions (exchange rates used, ...)
  // Why an operation gave unknown although its operands were known (a currency mismatch,
  // overflow, division by zero, no table row, a function that could not compute, the budget).
  std::vector<std::string> problems;

  struct Mark {
    std::size_t read, missing, notes, problems;
  };
  Mark mark() const { return {read.size(), missing.size(), notes.size(), problems.size()}; }
  // Forgets what was collected between `from` and `to` (the reads and notes of an operand that
  // did not decide the outcome).
  void Erase(Mark from, Mark to);
};

struct Frame {
  const Program* program = nullptr;
  const Value* record = nullptr;
  // When set (the fast evaluation), the record's paths are read through it (`record` is the
  // record it began with) and a variable's path without the traced walk's bookkeeping; when
  // null, every read walks, as the reference evaluation does.
  RecordPaths* record_paths = nullptr;
  std::string_view market;
  Date as_of;
  std::vector<Value> slots;             // quantifier variables
  std::vector<std::string> slot_paths;  // concrete path of each bound variable (tracing only)
  Trace* trace = nullptr;               // null on the fast path
  // When set, `present`/`missing` of an absent field are unknown rather than false/true.
  // Evaluating an obligation this way tells whether the data alone shows it is not met
  // (a `violation`) or whether absent fields decide it (`missing_data`).
  bool absent_is_unknown = false;
  // Set when `present`/`missing` found a field absent, whatever absent_is_unknown says: until
  // then, evaluating with absent_is_unknown would have gone the same way. Cleared by the caller.
  bool tested_absent = false;
  // Scope facts (`scope PATH`) the record does not state: while set, `present`/`missing` of
  // them are unknown, so a `when` that needs one of them is unknown rather than false.
  const std::vector<std::string>* unstated_facts = nullptr;
  // Evaluation steps left for the current rule; when none are left every expression is
  // unknown and `over_budget` is set (the finding is then `undecided`).
  std::int64_t steps_left = 0;
  bool over_budget = false;
  // When set, told of every expression evaluated (EvaluationObserver); null on the fast path
  // and while a finding is explained.
  EvaluationObserver* observer = nullptr;
};

Value Evaluate(const CheckedExpr& expr, Frame& frame);

// Text of a value inside a message: strings as they are, money as `EUR 19.99`, lists joined
// with `, `; `words.unknown` for a value the evaluation could not give (a message says what is
// not stated in its own words, never a placeholder).
std::string MessageText(const Value& value, const UnknownValueWords& words);

}  // namespace tradelint::eval_internal
