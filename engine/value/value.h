#pragma once
// Value: the one data type of records and of rule evaluation.
//
// A record read from JSON is a tree of Values (objects, lists, strings, exact decimals,
// booleans). Evaluation adds the typed values the language computes with: dates, instants,
// durations and money. A Value is cheap to copy: lists and objects are shared, immutable
// after construction, and safe to read from several threads.
//
// JSON null is kept as kNull so the schema check can name it; the language treats null
// like an absent field (the data model never uses null).

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "engine/base/date.h"
#include "engine/base/decimal.h"

namespace tradelint {

// An ISO 4217 code, stored inline (`EUR`).
class Currency {
 public:
  constexpr Currency() = default;
  // Three upper-case ASCII letters; anything else gives nullopt-equivalent empty().
  static Currency FromCode(std::string_view code);
  bool empty() const { return code_[0] == '\0'; }
  std::string_view code() const { return {code_.data(), empty() ? 0u : 3u}; }
  // ISO 4217 minor units: the decimals an amount is rounded to (JPY 0, EUR 2, KWD 3).
  int minor_units() const;
  friend bool operator==(const Currency&, const Currency&) = default;

 private:
  std::array<char, 4> code_{};
};

struct Money {
  Decimal amount;
  Currency currency;
  friend bool operator==(const Money&, const Money&) = default;
};

class Value;
using ValueList = std::vector<Value>;
// Object members in input order. Keys are unique (a JSON object with a repeated key keeps the
// last value, as most JSON libraries do).
using ValueObject = std::vector<std::pair<std::string, Value>>;

class Value {
 public:
  enum class Kind {
    kMissing,
    kNull,
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

  Value() = default;  // missing
  static Value Null() {
    Value v;
    v.data_ = NullTag{};
    return v;
  }
  explicit Value(bool b) : data_(b) {}
  explicit Value(Decimal d) : data_(d) {}
  explicit Value(std::string s) : data_(std::move(s)) {}
  explicit Value(const char* s) : data_(std::string(s)) {}
  explicit Value(Date d) : data_(d) {}
  explicit Value(DateTime t) : data_(t) {}
  explicit Value(Duration d) : data_(d) {}
  explicit Value(Money m) : data_(m) {}
  explicit Value(ValueList list) : data_(std::make_shared<const ValueList>(std::move(list))) {}
  explicit Value(ValueObject object)
      : data_(std::make_shared<const ValueObject>(std::move(object))) {}

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_missing() const { return kind() == Kind::kMissing; }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_number() const { return kind() == Kind::kNumber; }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_date() const { return kind() == Kind::kDate; }
  bool is_datetime() const { return kind() == Kind::kDateTime; }
  bool is_duration() const { return kind() == Kind::kDuration; }
  bool is_money() const { return kind() == Kind::kMoney; }
  bool is_list() const { return kind() == Kind::kList; }
  bool is_object() const { return kind() == Kind::kObject; }

  // Accessors; each requires the matching kind.
  bool as_bool() const { return std::get<bool>(data_); }
  const Decimal& as_number() const { return std::get<Decimal>(data_); }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  Date as_date() const { return std::get<Date>(data_); }
  DateTime as_datetime() const { return std::get<DateTime>(data_); }
  const Duration& as_duration() const { return std::get<Duration>(data_); }
  const Money& as_money() const { return std::get<Money>(data_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(data_); }
  const ValueObject& as_object() const {
    return *std::get<std::shared_ptr<const ValueObject>>(data_);
  }

  // Member of an object by key; a missing Value when absent or when this is not an object.
  const Value& Get(std::string_view key) const;
  // Element of a list; a missing Value when out of range or when this is not a list.
  const Value& At(std::size_t index) const;

  // Deep equality with the language's semantics: numbers compare by value (150.00 == 150).
  friend bool operator==(const Value& a, const Value& b);

  // Compact JSON-like text for messages and debugging (strings quoted, money as `EUR 19.99`).
  std::string ToDisplayString() const;

  static const Value& MissingValue();

 private:
  struct MissingTag {
    friend bool operator==(MissingTag, MissingTag) = default;
  };
  struct NullTag {
    friend bool operator==(NullTag, NullTag) = default;
  };
  std::variant<MissingTag, NullTag, bool, Decimal, std::string, Date, DateTime, Duration, Money,
               std::shared_ptr<const ValueList>, std::shared_ptr<const ValueObject>>
      data_;
};

// Name of a kind for messages: `number`, `string`, `list`, ...
std::string_view KindName(Value::Kind kind);

}  // namespace tradelint
