#include "engine/plan/planner.h"

#include <algorithm>
#include <unordered_set>

#include "engine/diag/codes.h"

namespace tradelint {
namespace {

// Whether `expr` or any expression below it reads the market being judged.
bool ReadsMarket(const CheckedExprPtr& expr) {
  if (expr == nullptr) return false;
  if (expr->op == CheckedExpr::Op::kMarket) return true;
  return std::any_of(expr->children.begin(), expr->children.end(), ReadsMarket);
}

// Whether `expr` is a constant list of strings only (a `set` of strings, a table's keys).
bool IsStringList(const CheckedExpr& expr) {
  if (!expr.is_constant() || !expr.constant.is_list()) return false;
  const ValueList& items = expr.constant.as_list();
  return std::all_of(items.begin(), items.end(),
                     [](const Value& item) { return item.is_string(); });
}

class Planner {
 public:
  explicit Planner(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Returns `expr` itself when nothing below it needs preparing, else a rebuilt copy.
  CheckedExprPtr Plan(const CheckedExprPtr& expr) {
    if (expr == nullptr) return expr;
    bool changed = false;
    std::vector<CheckedExprPtr> children;
    children.reserve(expr->children.size());
    for (const CheckedExprPtr& child : expr->children) {
      children.push_back(Plan(child));
      changed = changed || children.back() != child;
    }
    const bool prepare = expr->op == CheckedExpr::Op::kCall && expr->function->prepare;
    const bool hash_strings = expr->op == CheckedExpr::Op::kInList && IsStringList(*children[1]);
    if (!changed && !prepare && !hash_strings) return expr;
    auto planned = std::make_shared<CheckedExpr>(*expr);
    planned->children = std::move(children);
    if (hash_strings) {
      const ValueList& items = planned->children[1]->constant.as_list();
      auto strings =
          std::make_shared<std::unordered_set<std::string_view, StringHash, std::equal_to<>>>();
      strings->reserve(items.size());
      for (const Value& item : items) strings->insert(item.as_string());
      planned->string_set = std::move(strings);
    }
    if (prepare) {
      std::vector<ArgumentInfo> arguments;
      for (const CheckedExprPtr& child : planned->children) {
        arguments.push_back({child->type, child->is_constant() ? &child->constant : nullptr});
      }
      PrepareResult result = expr->function->prepare(arguments);
      if (const CheckError* error = std::get_if<CheckError>(&result)) {
        const Span& span = error->argument >= 0 && error->argument < int(planned->children.size())
                               ? planned->children[error->argument]->span
                               : planned->span;
        diagnostics_.Error(
            code::kInvalidArgument, span, error->message,
            expr->function->signature.empty() ? "" : "usage: `" + expr->function->signature + "`");
      } else {
        planned->prepared = std::get<PreparedState>(result);
      }
    }
    return planned;
  }

  void Plan(CheckedRule& rule) {
    bool reads_market = false;
    const auto plan = [&](CheckedExprPtr& expr) {
      expr = Plan(expr);
      reads_market = reads_market || ReadsMarket(expr);
    };
    for (CheckedExprPtr& when : rule.when) plan(when);
    for (CheckedExprPtr& unless : rule.unless) plan(unless);
    plan(rule.obligation);
    for (std::vector<CheckedText>* texts : {&rule.messages, &rule.fixes}) {
      for (CheckedText& text : *texts) {
        for (CheckedText::Piece& piece : text.pieces) plan(piece.expr);
      }
    }
    rule.reads_market = reads_market;
    if (rule.group) {
      for (GroupLink& link : rule.group->links) link.key = Plan(link.key);
    }
  }

 private:
  Diagnostics& diagnostics_;
};

}  // namespace

std::unique_ptr<const Program> PlanProgram(std::vector<CheckedRuleset> rulesets,
                                           std::shared_ptr<const MarketTable> markets,
                                           std::shared_ptr<const ReferenceData> reference,
                                           Diagnostics& diagnostics) {
  Planner planner(diagnostics);
  for (CheckedRuleset& ruleset : rulesets) {
    for (CheckedRule& rule : ruleset.rules) planner.Plan(rule);
  }
  if (diagnostics.has_errors()) return nullptr;
  return std::make_unique<const Program>(std::move(rulesets), std::move(markets),
                                         std::move(reference));
}

}  // namespace tradelint
