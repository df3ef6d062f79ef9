#include "engine/eval/explanation.h"

#include <algorithm>

#include "engine/eval/evaluator.h"
#include "engine/refdata/lookup_table.h"

namespace tradelint {
namespace {

std::string_view ClauseKeyword(EvaluationObserver::Clause clause, const CheckedRule& rule) {
  switch (clause) {
    case EvaluationObserver::Clause::kWhenUnstated:
    case EvaluationObserver::Clause::kWhen:
      return "when";
    case EvaluationObserver::Clause::kUnless:
      return "unless";
    case EvaluationObserver::Clause::kRequire:
      return rule.forbid ? "forbid" : "require";
  }
  return "";
}

// `text` on one line: each run of spaces, tabs and line ends as one space.
std::string OnOneLine(std::string_view text) {
  std::string line;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      line += c;
    } else if (!line.empty() && line.back() != ' ') {
      line += ' ';
    }
  }
  return line;
}

bool IsTrue(const Value& value) { return value.is_bool() && value.as_bool(); }
bool IsFalse(const Value& value) { return value.is_bool() && !value.as_bool(); }

}  // namespace

bool ExplainSelection::Selects(const CheckedRule& rule) const {
  return std::any_of(selectors_.begin(), selectors_.end(), [&](const std::string& selector) {
    return selector == "*" || selector == rule.id || selector == rule.ruleset ||
           (!rule.ref.empty() && selector == rule.ref);
  });
}

std::vector<std::string> ExplainSelection::Unmatched(
    const std::vector<const CheckedRule*>& rules) const {
  std::vector<std::string> unmatched;
  for (const std::string& selector : selectors_) {
    const ExplainSelection one({selector});
    if (std::none_of(rules.begin(), rules.end(),
                     [&](const CheckedRule* rule) { return one.Selects(*rule); })) {
      unmatched.push_back(selector);
    }
  }
  return unmatched;
}

void ExplanationRecorder::BeginRule(const CheckedRule& rule) {
  explanations_.emplace_back().rule = &rule;
  open_.clear();
}

void ExplanationRecorder::BeginClause(Clause clause, std::size_t index) {
  RuleExplanation& explanation = explanations_.back();
  ExplainedClause& added = explanation.clauses.emplace_back();
  added.keyword = std::string(ClauseKeyword(clause, *explanation.rule));
  added.index = index;
  added.scope_facts_unknown = clause == Clause::kWhenUnstated;
  open_.clear();
}

void ExplanationRecorder::Enter(const CheckedExpr& expr) {
  ExplainedExpr* node = open_.empty() ? &explanations_.back().clauses.back().condition
                                      : &open_.back()->operands.emplace_back();
  node->text = OnOneLine(expr.span.text());
  open_.push_back(node);
}

void ExplanationRecorder::Leave(const CheckedExpr& expr, const Value& value) {
  ExplainedExpr& node = *open_.back();
  node.value = value;
  open_.pop_back();
  RuleExplanation& explanation = explanations_.back();
  if (expr.op == CheckedExpr::Op::kPath) {
    const std::string& path = expr.path_text.empty() ? node.text : expr.path_text;
    const bool seen = std::any_of(
        explanation.fields.begin(), explanation.fields.end(), [&](const FieldRead& field) {
          return field.path == path && field.value.ToDisplayString() == value.ToDisplayString();
        });
    if (!seen) explanation.fields.push_back({path, value});
  } else if (expr.op == CheckedExpr::Op::kLookup && !node.operands.empty()) {
    const Value& key = node.operands.front().value;
    AddRow(expr.table->provenance().name + " " +
           (key.is_string() ? key.as_string() : ExplainedValueText(key)) + ": " +
           expr.table->columns()[expr.column].name + " " +
           (value.is_missing() ? "no value" : ExplainedValueText(value)));
  }
}

void ExplanationRecorder::CallNotes(const std::vector<std::string>& notes,
                                    const std::vector<std::string>& rows_read) {
  if (open_.empty()) return;
  ExplainedExpr& call = *open_.back();
  call.notes.insert(call.notes.end(), notes.begin(), notes.end());
  for (const std::string& row : rows_read) AddRow(row);
}

void ExplanationRecorder::AddRow(std::string row) {
  std::vector<std::string>& rows = explanations_.back().rows;
  if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(std::move(row));
}

void ExplanationRecorder::EndRule(const RuleOutcome& outcome) {
  RuleExplanation& explanation = explanations_.back();
  open_.clear();
  const ExplainedClause* last = explanation.clauses.empty() ? nullptr : &explanation.clauses.back();
  switch (outcome.status) {
    case RuleOutcome::Status::kNotApplicable:
      explanation.conclusion = "not_applicable";
      if (last != nullptr && last->keyword == "unless" && IsTrue(last->condition.value)) {
        explanation.reason = "unless #" + std::to_string(last->index + 1) + " holds";
      } else if (last != nullptr && last->keyword == "when" && IsFalse(last->condition.value)) {
        explanation.reason = "when #" + std::to_string(last->index + 1) + " is false";
      } else {
        explanation.reason = "the rule's scope does not hold";
      }
      break;
    case RuleOutcome::Status::kUndecided: {
      explanation.conclusion = "undecided";
      std::string facts;
      for (const std::string& fact : outcome.unstated_facts)
        facts += (facts.empty() ? "" : ", ") + fact;
      explanation.reason =
          "the record does not state " + facts + ", which decides whether the rule applies";
      break;
    }
    case RuleOutcome::Status::kApplied:
      if (!outcome.finding) {
        explanation.conclusion = "holds";
        explanation.reason = explanation.rule->forbid ? "the forbidden condition is false"
                                                      : "the requirement is true";
      } else {
        explanation.conclusion = "fired";
        explanation.reason =
            std::string(BasisName(outcome.finding->basis)) + ": " +
            (outcome.finding->reason.empty() ? outcome.finding->message : outcome.finding->reason);
      }
      break;
  }
}

std::string ExplainedValueText(const Value& value) {
  return value.is_missing() ? "unknown" : value.ToDisplayString();
}

}  // namespace tradelint
