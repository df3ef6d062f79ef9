#include "plugins/dates/dates_plugin.h"

#include <optional>
#include <string>
#include <utility>

#include "plugins/common/arguments.h"

namespace tradelint {
namespace {

// The calendar date of a date or an instant (UTC); nullopt for any other value.
std::optional<Date> CalendarDate(const Value& value) {
  if (value.is_date()) return value.as_date();
  if (value.is_datetime()) return value.as_datetime().utc_date();
  return std::nullopt;
}

// Checks `count` arguments that are each a date or a date-time.
CheckFunction DateArguments(std::string name, std::size_t count, Type result) {
  return [name = std::move(name), count,
          result](std::span<const ArgumentInfo> args) -> CheckResult {
    if (auto error = CheckArgumentCount(name, args, count)) return *error;
    for (std::size_t i = 0; i < count; ++i) {
      const Type::Kind kind = args[i].type.kind;
      if (kind != Type::Kind::kAny && kind != Type::Kind::kDate && kind != Type::Kind::kDateTime) {
        return ArgumentTypeError(i, "a date or a datetime", args[i].type);
      }
    }
    return result;
  };
}

// A function of one date or date-time.
FunctionDef DateFunction(std::string name, std::string signature, std::string summary, Type result,
                         Value (*compute)(Date)) {
  FunctionDef def;
  def.name = name;
  def.signature = std::move(signature);
  def.summary = std::move(summary);
  def.check = DateArguments(name, 1, std::move(result));
  def.eval = [compute](std::span<const Value> args, const CallContext&) -> Value {
    const std::optional<Date> date = CalendarDate(args[0]);
    return date ? compute(*date) : Value();
  };
  return def;
}

FunctionDef DaysBetween() {
  FunctionDef def;
  def.name = "days_between";
  def.signature = "days_between(from: date | datetime, to: date | datetime) -> number";
  def.summary =
      "the number of days from `from` to `to` (negative when `to` is earlier); "
      "instants count by their UTC date";
  def.check = DateArguments(def.name, 2, Type::Number());
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    const std::optional<Date> from = CalendarDate(args[0]);
    const std::optional<Date> to = CalendarDate(args[1]);
    if (!from || !to) return Value();
    return Value(Decimal(to->days() - from->days()));
  };
  return def;
}

FunctionDef Today() {
  FunctionDef def;
  def.name = "today";
  def.signature = "today() -> date";
  def.summary = "the as-of date the rules are judged at";
  def.check = FixedSignature("today", {}, Type::Date());
  def.eval = [](std::span<const Value>, const CallContext& context) {
    return Value(context.as_of);
  };
  return def;
}

// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the last day of the period it names (best-before
// dates printed as a month or a year); nullopt for anything else.
std::optional<Date> PeriodEnd(std::string_view text) {
  const auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() == 10) return Date::Parse(text);
  if (text.size() != 4 && !(text.size() == 7 && text[4] == '-')) return std::nullopt;
  const std::optional<int> year = number(0, 4);
  const std::optional<int> month = text.size() == 7 ? number(5, 2) : std::optional<int>(12);
  if (!year || !month || *month < 1 || *month > 12) return std::nullopt;
  const std::optional<Date> next =
      *month == 12 ? Date::FromYmd(*year + 1, 1, 1) : Date::FromYmd(*year, *month + 1, 1);
  if (!next) return std::nullopt;
  return next->AddDays(-1);
}

FunctionDef PeriodEndFunction() {
  FunctionDef def;
  def.name = "period_end";
  def.signature = "period_end(period: string) -> date";
  def.summary =
      "the last day of the period a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text names (`2025-05` is "
      "2025-05-31); unknown for other text";
  def.check = FixedSignature("period_end", {Type::String()}, Type::Date());
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_string()) return Value();
    const std::optional<Date> end = PeriodEnd(args[0].as_string());
    return end ? Value(*end) : Value();
  };
  return def;
}

}  // namespace

std::vector<FunctionDef> DatesPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(
      DateFunction("date", "date(value: date | datetime) -> date",
                   "the UTC calendar date of an instant (a date is returned unchanged)",
                   Type::Date(), [](Date date) { return Value(date); }));
  functions.push_back(DaysBetween());
  functions.push_back(DateFunction("year", "year(value: date | datetime) -> number",
                                   "the year of a date (UTC for an instant)", Type::Number(),
                                   [](Date date) { return Value(Decimal(date.year())); }));
  functions.push_back(DateFunction("month", "month(value: date | datetime) -> number",
                                   "the month of a date, 1 to 12 (UTC for an instant)",
                                   Type::Number(),
                                   [](Date date) { return Value(Decimal(date.month())); }));
  functions.push_back(DateFunction("day", "day(value: date | datetime) -> number",
                                   "the day of the month of a date, 1 to 31 (UTC for an instant)",
                                   Type::Number(),
                                   [](Date date) { return Value(Decimal(date.day())); }));
  functions.push_back(PeriodEndFunction());
  functions.push_back(Today());
  return functions;
}

}  // namespace tradelint
