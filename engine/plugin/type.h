#pragma once
// Static types of the rule language, as the checker infers them and plugins declare them.
//
// Money may carry a statically known currency (`EUR 150`, `convert(x, EUR)`); money read
// from a record has an unknown currency until run time. Lists know their element type;
// objects know the schema node they came from, so paths through them can be checked.

#include <memory>
#include <string>

#include "engine/value/value.h"

namespace tradelint {

struct SchemaNode;

struct Type {
  enum class Kind {
    kAny,
    kBool,
    kNumber,
    kString,
    kDate,
    kDateTime,
    kDuration,
    kMoney,
    kList,
    kObject
  };
  Kind kind = Kind::kAny;
  std::shared_ptr<const Type> element;  // kList: the element type (kAny when unknown)
  // kObject: the schema of the object, if known; kMoney: the field's schema node; kString:
  // the field's schema node when it has an `enum` (whose values a literal must be one of).
  const SchemaNode* schema = nullptr;
  Currency currency;  // kMoney: the currency when statically known

  static Type Any() { return {}; }
  static Type Of(Kind kind) {
    Type t;
    t.kind = kind;
    return t;
  }
  static Type Bool() { return Of(Kind::kBool); }
  static Type Number() { return Of(Kind::kNumber); }
  static Type String() { return Of(Kind::kString); }
  static Type Date() { return Of(Kind::kDate); }
  static Type DateTime() { return Of(Kind::kDateTime); }
  static Type Duration() { return Of(Kind::kDuration); }
  static Type MoneyIn(Currency currency) {
    Type t = Of(Kind::kMoney);
    t.currency = currency;
    return t;
  }
  static Type ListOf(Type element) {
    Type t = Of(Kind::kList);
    t.element = std::make_shared<const Type>(std::move(element));
    return t;
  }
  static Type ObjectOf(const SchemaNode* schema) {
    Type t = Of(Kind::kObject);
    t.schema = schema;
    return t;
  }

  bool is_any() const { return kind == Kind::kAny; }
  // The element type of a list (kAny for non-lists).
  const Type& Element() const;
  // Whether a value of type `other` can be used where this type is expected (kAny matches
  // everything both ways; lists compare element types; money ignores currency).
  bool Accepts(const Type& other) const;
  // `number`, `list of string`, `money (EUR)`, ...
  std::string ToString() const;
};

}  // namespace tradelint
