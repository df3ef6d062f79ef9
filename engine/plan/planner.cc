#include "engine/plan/planner.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

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

// Whether two argument types are the same for a function's preparation: same kind, element,
// schema node and currency.
bool SameType(const Type& a, const Type& b) {
  if (a.kind != b.kind || a.schema != b.schema || !(a.currency == b.currency)) return false;
  if (a.element == nullptr || b.element == nullptr) return a.element == b.element;
  return SameType(*a.element, *b.element);
}

// The arguments a state was prepared from: their types, and the values of the constant ones
// (copies: a list shares its elements with the constant it was copied from).
struct PreparedCall {
  std::vector<Type> types;
  std::vector<std::optional<Value>> constants;
  PreparedState state;

  bool Matches(std::span<const ArgumentInfo> arguments) const {
    if (arguments.size() != types.size()) return false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
      if (!SameType(arguments[i].type, types[i])) return false;
      if ((arguments[i].constant == nullptr) != !constants[i].has_value()) return false;
      if (arguments[i].constant != nullptr && !(*arguments[i].constant == *constants[i])) {
        return false;
      }
    }
    return true;
  }
};

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
    const bool number_path = IsRecordPath(*expr);
    if (!changed && !prepare && !hash_strings && !number_path) return expr;
    auto planned = std::make_shared<CheckedExpr>(*expr);
    planned->children = std::move(children);
    if (number_path) planned->record_path = RecordPathNumber(*planned);
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
      if (PreparedState shared = Prepared(expr->function, arguments)) {
        planned->prepared = std::move(shared);
        return planned;
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
        Remember(expr->function, arguments, planned->prepared);
      }
    }
    return planned;
  }

  // How many record paths RecordPathNumber numbered.
  std::size_t record_path_count() const { return record_path_count_; }

  void Plan(CheckedRule& rule) {
    bool reads_market = false;
    ForEachExpression(rule, [&](CheckedExprPtr& expr) {
      expr = Plan(expr);
      reads_market = reads_market || ReadsMarket(expr);
    });
    rule.reads_market = reads_market;
    if (rule.group) {
      for (GroupLink& link : rule.group->links) link.key = Plan(link.key);
    }
  }

 private:
  // A state prepared before for the same function and equal arguments, or null. A phrase table
  // or pattern used by many calls (a definition is expanded at each use) is prepared once.
  PreparedState Prepared(const FunctionDef* function, std::span<const ArgumentInfo> arguments) {
    auto it = prepared_.find(function);
    if (it == prepared_.end()) return nullptr;
    for (const PreparedCall& call : it->second) {
      if (call.Matches(arguments)) return call.state;
    }
    return nullptr;
  }

  void Remember(const FunctionDef* function, std::span<const ArgumentInfo> arguments,
                PreparedState state) {
    if (state == nullptr) return;
    PreparedCall call;
    for (const ArgumentInfo& argument : arguments) {
      call.types.push_back(argument.type);
      call.constants.push_back(
          argument.constant != nullptr ? std::optional<Value>(*argument.constant) : std::nullopt);
    }
    call.state = std::move(state);
    prepared_[function].push_back(std::move(call));
  }

  // A path from the record root (not from a quantifier's variable).
  static bool IsRecordPath(const CheckedExpr& expr) {
    return expr.op == CheckedExpr::Op::kPath && expr.slot < 0;
  }

  // The number of `path` (IsRecordPath, a node that ends up in the Program): the same for every
  // path of the same text read as the same type, numbered from 0 in the order first met.
  int RecordPathNumber(const CheckedExpr& path) {
    std::vector<std::pair<FieldType, int>>& numbers = record_paths_[path.path_text];
    for (const auto& [leaf_type, number] : numbers) {
      if (leaf_type == path.leaf_type) return number;
    }
    numbers.emplace_back(path.leaf_type, static_cast<int>(record_path_count_));
    return static_cast<int>(record_path_count_++);
  }

  Diagnostics& diagnostics_;
  std::unordered_map<const FunctionDef*, std::vector<PreparedCall>> prepared_;
  // By path text (views of the numbered nodes' path_text), the number of each leaf type.
  std::unordered_map<std::string_view, std::vector<std::pair<FieldType, int>>> record_paths_;
  std::size_t record_path_count_ = 0;
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
                                         std::move(reference), planner.record_path_count());
}

}  // namespace tradelint
