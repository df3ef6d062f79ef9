#include "engine/plugin/type.h"

#include <string>

namespace tradelint {

const Type& Type::Element() const {
  static const Type kAnyType;
  if (kind == Kind::kList && element != nullptr) return *element;
  return kAnyType;
}

bool Type::Accepts(const Type& other) const {
  if (is_any() || other.is_any()) return true;
  if (kind != other.kind) return false;
  if (kind == Kind::kList) return Element().Accepts(other.Element());
  return true;
}

std::string Type::ToString() const {
  switch (kind) {
    case Kind::kAny:
      return "any";
    case Kind::kBool:
      return "boolean";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kDate:
      return "date";
    case Kind::kDateTime:
      return "datetime";
    case Kind::kDuration:
      return "duration";
    case Kind::kMoney:
      return currency.empty() ? "money" : "money (" + std::string(currency.code()) + ")";
    case Kind::kList:
      return Element().is_any() ? "list" : "list of " + Element().ToString();
    case Kind::kObject:
      return "object";
  }
  return "any";
}

}  // namespace tradelint
