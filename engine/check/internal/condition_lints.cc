#include "engine/check/internal/condition_lints.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/diag/codes.h"

namespace tradelint::check_internal {
namespace {

// Whether `expr` reads the record, the market or the date anywhere.
bool ReadsInput(const CheckedExpr& expr) {
  switch (expr.op) {
    case CheckedExpr::Op::kPath:
    case CheckedExpr::Op::kMarket:
    case CheckedExpr::Op::kAsOf:
    case CheckedExpr::Op::kPresent:
    case CheckedExpr::Op::kMissing:
      return true;
    default:
      break;
  }
  for (const CheckedExprPtr& child : expr.children) {
    if (child != nullptr && ReadsInput(*child)) return true;
  }
  return false;
}

// The conditions of a conjunction: `a and b` is a and b.
void Conjuncts(const CheckedExpr& expr, std::vector<const CheckedExpr*>& out) {
  if (expr.op == CheckedExpr::Op::kAnd) {
    for (const CheckedExprPtr& child : expr.children) Conjuncts(*child, out);
  } else {
    out.push_back(&expr);
  }
}

// `subject == constant` (either way round), where the subject is `market` or a field path
// from the record root.
struct Equality {
  std::string subject;  // `market` or the path
  Value value;
  Span span;
};

std::optional<Equality> EqualityOf(const CheckedExpr& expr) {
  if (expr.op != CheckedExpr::Op::kCompare || expr.binary_op != ast::BinaryOp::kEqual)
    return std::nullopt;
  for (int side = 0; side < 2; ++side) {
    const CheckedExpr& subject = *expr.children[side];
    const CheckedExpr& constant = *expr.children[1 - side];
    if (!constant.is_constant()) continue;
    if (subject.op == CheckedExpr::Op::kMarket)
      return Equality{"market", constant.constant, expr.span};
    if (subject.op == CheckedExpr::Op::kPath && subject.slot < 0 && !subject.fans_out)
      return Equality{subject.path_text, constant.constant, expr.span};
  }
  return std::nullopt;
}

// Reports the equalities among `conditions` (all of which must hold) that contradict an
// earlier one.
void LintContradictions(const std::vector<const CheckedExpr*>& conditions,
                        Diagnostics& diagnostics) {
  std::map<std::string, Equality> first;
  for (const CheckedExpr* condition : conditions) {
    std::optional<Equality> equality = EqualityOf(*condition);
    if (!equality) continue;
    auto [it, inserted] = first.emplace(equality->subject, *equality);
    if (inserted || it->second.value == equality->value) continue;
    diagnostics
        .Warning(code::kContradictoryConditions, equality->span,
                 "`" + equality->subject + "` cannot equal both " +
                     it->second.value.ToDisplayString() + " and " +
                     equality->value.ToDisplayString() + ": the conditions never hold together",
                 "remove one, or join them with `or`")
        .labels.push_back({it->second.span, "the other condition"});
  }
}

}  // namespace

void LintConditions(const CheckedRule& rule, const MarketTable& markets, Diagnostics& diagnostics) {
  const auto lint_constant = [&](const CheckedExprPtr& condition, std::string_view item) {
    // A single constant (`require true`, a `const`) is written so on purpose.
    if (condition == nullptr || condition->is_constant() || ReadsInput(*condition)) return;
    diagnostics.Warning(code::kConstantCondition, condition->span,
                        "this `" + std::string(item) +
                            "` reads nothing of the record, the market or the date: it is "
                            "always the same",
                        "compare a field of the record, or remove the condition");
  };
  for (const CheckedExprPtr& when : rule.when) lint_constant(when, "when");
  for (const CheckedExprPtr& unless : rule.unless) lint_constant(unless, "unless");

  std::vector<const CheckedExpr*> whens;
  for (const CheckedExprPtr& when : rule.when) {
    if (when != nullptr) Conjuncts(*when, whens);
  }
  LintContradictions(whens, diagnostics);
  if (rule.obligation != nullptr && !rule.forbid) {
    std::vector<const CheckedExpr*> required;
    Conjuncts(*rule.obligation, required);
    LintContradictions(required, diagnostics);
  }

  // `market == X` for a market the jurisdiction never selects, on the rule's first and last
  // day in force (group membership changes over time).
  const Date from = rule.effective_from.value_or(Date::TodayUtc());
  const Date until = rule.effective_until.value_or(Date::TodayUtc());
  for (const CheckedExpr* when : whens) {
    std::optional<Equality> equality = EqualityOf(*when);
    if (!equality || equality->subject != "market" || !equality->value.is_string()) continue;
    const std::string& market = equality->value.as_string();
    if (!markets.IsValidMarket(market) || markets.Selects(market, rule.jurisdiction, from) ||
        markets.Selects(market, rule.jurisdiction, until)) {
      continue;
    }
    diagnostics.Warning(code::kScopeNeverHolds, equality->span,
                        "the rule is judged only for markets of " + rule.jurisdiction +
                            ", never for " + market + ": it never applies",
                        "move the rule to a ruleset of " + market + "'s jurisdiction");
  }
}

}  // namespace tradelint::check_internal
