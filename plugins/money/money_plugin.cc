#include "plugins/money/money_plugin.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "plugins/common/arguments.h"
#include "plugins/money/conversion.h"

namespace tradelint {
namespace {

// The currency of a constant currency-code argument: nullopt when the argument is not a
// constant (allowed where the function says so), an error when it is not a valid code.
std::variant<std::optional<Currency>, CheckError> ConstantCurrency(
    std::span<const ArgumentInfo> args, std::size_t index) {
  const Value* constant = args[index].constant;
  if (constant == nullptr) return std::optional<Currency>();
  const Currency currency =
      constant->is_string() ? Currency::FromCode(constant->as_string()) : Currency();
  if (currency.empty()) {
    return CheckError{"expected a currency code of three capital letters such as `EUR`, found " +
                          constant->ToDisplayString(),
                      static_cast<int>(index)};
  }
  return std::optional<Currency>(currency);
}

FunctionDef Amount() {
  FunctionDef def;
  def.name = "amount";
  def.signature = "amount(value: money) -> number";
  def.summary = "the amount of money, without its currency";
  def.check = FixedSignature(def.name, {Type::Of(Type::Kind::kMoney)}, Type::Number());
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    return args[0].is_money() ? Value(args[0].as_money().amount) : Value();
  };
  return def;
}

FunctionDef CurrencyOf() {
  FunctionDef def;
  def.name = "currency";
  def.signature = "currency(value: money) -> string";
  def.summary = "the ISO 4217 code of the money's currency";
  def.check = FixedSignature(def.name, {Type::Of(Type::Kind::kMoney)}, Type::String());
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    return args[0].is_money() ? Value(std::string(args[0].as_money().currency.code())) : Value();
  };
  return def;
}

FunctionDef MakeMoney() {
  FunctionDef def;
  def.name = "money";
  def.signature = "money(amount: number, currency: string) -> money";
  def.summary =
      "money from an amount and an ISO 4217 currency code; missing when the code is "
      "not three capital letters";
  const CheckFunction types =
      FixedSignature(def.name, {Type::Number(), Type::String()}, Type::Of(Type::Kind::kMoney));
  def.check = [types](std::span<const ArgumentInfo> args) -> CheckResult {
    CheckResult checked = types(args);
    if (std::holds_alternative<CheckError>(checked)) return checked;
    const auto currency = ConstantCurrency(args, 1);
    if (const auto* error = std::get_if<CheckError>(&currency)) return *error;
    const std::optional<Currency>& known = std::get<std::optional<Currency>>(currency);
    return known ? Type::MoneyIn(*known) : checked;
  };
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_number() || !args[1].is_string()) return Value();
    const Currency currency = Currency::FromCode(args[1].as_string());
    if (currency.empty()) return Value();
    return Value(Money{args[0].as_number(), currency});
  };
  return def;
}

// `value` (money) in `target`, with the conversion's notes, or the reason there is no rate;
// missing for anything but money.
Value ConvertMoney(const Value& value, const Currency& target, const CallContext& context) {
  if (!value.is_money()) return Value();
  std::optional<Conversion> conversion =
      tradelint::Convert(value.as_money(), target, context.as_of, *context.reference);
  if (!conversion) {
    // The reason a finding gives for its `undecided` basis ("no FX rate for VND ...").
    if (context.notes != nullptr) {
      std::string reason =
          MissingRateReason(value.as_money(), target, context.as_of, *context.reference);
      if (!reason.empty()) context.notes->push_back(std::move(reason));
    }
    return Value();
  }
  if (context.notes != nullptr) {
    for (std::string* note : {&conversion->note, &conversion->stale_rate_note}) {
      if (!note->empty()) context.notes->push_back(std::move(*note));
    }
  }
  return Value(conversion->result);
}

FunctionDef ConvertFunction() {
  FunctionDef def;
  def.name = "convert";
  def.signature =
      "convert(value: money | list of money, currency: constant currency code) -> money | list "
      "of money";
  def.summary =
      "the money in another currency at the ECB euro reference rates of the latest "
      "date on or before the as-of date, rounded half-even to cents; missing when "
      "there is no rate at that date; a list is converted element by element (so that "
      "`sum(convert(payment[*].amount, CNY))` adds amounts of several currencies)";
  def.check = [](std::span<const ArgumentInfo> args) -> CheckResult {
    if (auto error = CheckArgumentCount("convert", args, 2)) return *error;
    const bool list = args[0].type.kind == Type::Kind::kList;
    if (list) {
      const Type& element = args[0].type.Element();
      if (!element.is_any() && element.kind != Type::Kind::kMoney)
        return CheckError{"`convert` takes money or a list of money", 0};
    } else if (auto error = CheckArgumentType(args, 0, Type::Of(Type::Kind::kMoney))) {
      return *error;
    }
    const auto currency = ConstantCurrency(args, 1);
    if (const auto* error = std::get_if<CheckError>(&currency)) return *error;
    const std::optional<Currency>& known = std::get<std::optional<Currency>>(currency);
    if (!known) {
      return CheckError{"the target currency must be a constant currency code such as `EUR`", 1};
    }
    return list ? Type::ListOf(Type::MoneyIn(*known)) : Type::MoneyIn(*known);
  };
  def.eval = [](std::span<const Value> args, const CallContext& context) -> Value {
    if (context.reference == nullptr || !args[1].is_string()) return Value();
    const Currency target = Currency::FromCode(args[1].as_string());
    if (target.empty()) return Value();
    if (args[0].is_list()) {
      ValueList converted;
      for (const Value& element : args[0].as_list())
        converted.push_back(ConvertMoney(element, target, context));
      return Value(std::move(converted));
    }
    return ConvertMoney(args[0], target, context);
  };
  return def;
}

}  // namespace

std::vector<FunctionDef> MoneyPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(Amount());
  functions.push_back(CurrencyOf());
  functions.push_back(MakeMoney());
  functions.push_back(ConvertFunction());
  return functions;
}

}  // namespace tradelint
