#include "engine/eval/internal/field_leaf.h"

#include <utility>

namespace tradelint::eval_internal {

const Value& LeafOf(const Value& base, const std::vector<PathStep>& steps) {
  const Value* current = &base;
  for (const PathStep& step : steps) {
    current = step.kind == PathStep::Kind::kField
                  ? &current->Get(step.field)
                  : &current->At(static_cast<std::size_t>(step.index));
    if (current->is_missing() || current->is_null()) break;
  }
  return *current;
}

std::optional<Value> ReadAsType(const Value& leaf, FieldType type) {
  if (leaf.is_null()) return Value();
  if (leaf.is_list()) {
    if (type == FieldType::kAny) return std::nullopt;
    ValueList items;
    items.reserve(leaf.as_list().size());
    for (const Value& item : leaf.as_list()) items.push_back(ReadLeaf(item, type, true));
    return Value(std::move(items));
  }
  switch (type) {
    case FieldType::kMoney: {
      const Value& amount = leaf.Get("amount");
      const Value& currency = leaf.Get("currency");
      if (!amount.is_number() || !currency.is_string()) return Value();
      const Currency code = Currency::FromCode(currency.as_string());
      if (code.empty()) return Value();
      return Value(Money{amount.as_number(), code});
    }
    case FieldType::kDate:
      if (leaf.is_string()) {
        if (auto date = Date::Parse(leaf.as_string())) return Value(*date);
      }
      return Value();
    case FieldType::kDateTime:
      if (leaf.is_string()) {
        if (auto instant = DateTime::Parse(leaf.as_string())) return Value(*instant);
      }
      return Value();
    default:
      return std::nullopt;
  }
}

Value ReadLeaf(const Value& leaf, FieldType type, bool typed) {
  std::optional<Value> converted = typed ? ReadAsType(leaf, type) : std::nullopt;
  return converted ? std::move(*converted) : leaf;
}

}  // namespace tradelint::eval_internal
