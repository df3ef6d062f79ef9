#include "plugins/lists/lists_plugin.h"

#include <algorithm>
#include <compare>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugins/common/arguments.h"

namespace tradelint {
namespace {

using Kind = Type::Kind;

// Checks one list argument whose element type is one of `elements` (any element type when
// empty) and returns the result type `result(element type)`.
template <typename Result>
CheckFunction ListArgument(std::string name, std::initializer_list<Kind> elements,
                           std::string elements_text, Result result) {
  return [name = std::move(name), elements = std::vector<Kind>(elements),
          elements_text = std::move(elements_text),
          result](std::span<const ArgumentInfo> args) -> CheckResult {
    if (auto error = CheckArgumentCount(name, args, 1)) return *error;
    if (auto error = CheckArgumentType(args, 0, Type::ListOf(Type::Any()))) return *error;
    const Type& element = args[0].type.Element();
    if (!elements.empty() && !element.is_any() &&
        std::find(elements.begin(), elements.end(), element.kind) == elements.end()) {
      return ArgumentTypeError(0, "a list of " + elements_text, args[0].type);
    }
    return result(element);
  };
}

// The order of two values of one kind (numbers, dates, instants, money of one currency);
// nullopt when they cannot be compared.
std::optional<std::strong_ordering> Compare(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case Value::Kind::kNumber:
      return a.as_number() <=> b.as_number();
    case Value::Kind::kDate:
      return a.as_date() <=> b.as_date();
    case Value::Kind::kDateTime:
      return a.as_datetime() <=> b.as_datetime();
    case Value::Kind::kMoney:
      if (a.as_money().currency != b.as_money().currency) return std::nullopt;
      return a.as_money().amount <=> b.as_money().amount;
    default:
      return std::nullopt;
  }
}

// min (`want` = less) or max (`want` = greater) of a list.
Value Extreme(const Value& list, std::strong_ordering want) {
  if (!list.is_list() || list.as_list().empty()) return Value();
  const ValueList& elements = list.as_list();
  const Value* best = &elements.front();
  for (const Value& element : elements) {
    const std::optional<std::strong_ordering> order = Compare(element, *best);
    if (!order) return Value();
    if (*order == want) best = &element;
  }
  return *best;
}

// The sum of numbers or of money of one currency; nullopt for anything else or on overflow.
std::optional<Value> Sum(const ValueList& elements) {
  const Value& first = elements.front();
  Decimal total;
  for (const Value& element : elements) {
    std::optional<Decimal> next;
    if (element.is_number() && first.is_number()) {
      next = total.Add(element.as_number());
    } else if (element.is_money() && first.is_money() &&
               element.as_money().currency == first.as_money().currency) {
      next = total.Add(element.as_money().amount);
    }
    if (!next) return std::nullopt;
    total = *next;
  }
  if (first.is_money()) return Value(Money{total, first.as_money().currency});
  return Value(total);
}

FunctionDef Count() {
  FunctionDef def;
  def.name = "count";
  def.signature = "count(list: list) -> number";
  def.summary = "the number of elements of a list";
  def.check = ListArgument(def.name, {}, "", [](const Type&) { return Type::Number(); });
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_list()) return Value();
    return Value(Decimal(static_cast<std::int64_t>(args[0].as_list().size())));
  };
  return def;
}

FunctionDef SumFunction() {
  FunctionDef def;
  def.name = "sum";
  def.signature = "sum(list: list of number | list of money) -> number | money";
  def.summary =
      "the sum of numbers, or of money of one currency; missing when an element is "
      "missing or currencies differ";
  def.check = ListArgument(def.name, {Kind::kNumber, Kind::kMoney}, "numbers or money",
                           [](const Type& element) { return element; });
  // The sum of an empty list, which needs the static element type: 0, or 0 in the list's
  // currency. No state (so an empty sum is missing) when that type is not known.
  def.prepare = [](std::span<const ArgumentInfo> args) -> PrepareResult {
    const Type& element = args[0].type.Element();
    if (element.kind == Kind::kNumber)
      return PreparedState(std::make_shared<const Value>(Decimal()));
    if (element.kind == Kind::kMoney && !element.currency.empty()) {
      return PreparedState(std::make_shared<const Value>(Money{Decimal(), element.currency}));
    }
    return PreparedState();
  };
  def.eval = [](std::span<const Value> args, const CallContext& context) -> Value {
    if (!args[0].is_list()) return Value();
    if (args[0].as_list().empty()) {
      return context.prepared ? *static_cast<const Value*>(context.prepared) : Value();
    }
    std::optional<Value> sum = Sum(args[0].as_list());
    return sum ? std::move(*sum) : Value();
  };
  return def;
}

FunctionDef ExtremeFunction(std::string name, std::string_view which, std::strong_ordering want) {
  FunctionDef def;
  def.name = name;
  def.signature = name + "(list: list of number | date | datetime | money) -> element";
  def.summary = "the " + std::string(which) +
                " element of numbers, dates, instants or money of one currency; missing for an "
                "empty list, a missing element or mixed kinds";
  def.check = ListArgument(name, {Kind::kNumber, Kind::kDate, Kind::kDateTime, Kind::kMoney},
                           "numbers, dates, datetimes or money",
                           [](const Type& element) { return element; });
  def.eval = [want](std::span<const Value> args, const CallContext&) {
    return Extreme(args[0], want);
  };
  return def;
}

FunctionDef Distinct() {
  FunctionDef def;
  def.name = "distinct";
  def.signature = "distinct(list: list) -> list";
  def.summary =
      "the elements without repeats, keeping first occurrences in order "
      "(numbers compare by value: 150.00 and 150 are one)";
  def.check =
      ListArgument(def.name, {}, "", [](const Type& element) { return Type::ListOf(element); });
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_list()) return Value();
    ValueList unique;
    for (const Value& element : args[0].as_list()) {
      if (std::find(unique.begin(), unique.end(), element) == unique.end()) {
        unique.push_back(element);
      }
    }
    return Value(std::move(unique));
  };
  return def;
}

FunctionDef Flatten() {
  FunctionDef def;
  def.name = "flatten";
  def.signature = "flatten(list: list of list) -> list";
  def.summary =
      "the elements of a list of lists, concatenated in order; missing when an "
      "element is not a list";
  def.check = ListArgument(def.name, {Kind::kList}, "lists",
                           [](const Type& element) { return Type::ListOf(element.Element()); });
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_list()) return Value();
    ValueList flat;
    for (const Value& inner : args[0].as_list()) {
      if (!inner.is_list()) return Value();
      flat.insert(flat.end(), inner.as_list().begin(), inner.as_list().end());
    }
    return Value(std::move(flat));
  };
  return def;
}

}  // namespace

std::vector<FunctionDef> ListsPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(Count());
  functions.push_back(SumFunction());
  functions.push_back(ExtremeFunction("min", "smallest", std::strong_ordering::less));
  functions.push_back(ExtremeFunction("max", "largest", std::strong_ordering::greater));
  functions.push_back(Distinct());
  functions.push_back(Flatten());
  return functions;
}

}  // namespace tradelint
