#include "plugins/markets/markets_plugin.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "engine/base/ascii_case.h"
#include "engine/markets/market_table.h"
#include "engine/refdata/reference_data.h"
#include "plugins/common/arguments.h"

namespace tradelint {
namespace {

using Form = MarketTable::Form;

// A function of one string argument.
FunctionDef StringFunction(std::string name, std::string signature, std::string summary,
                           Type result, Value (*compute)(std::string_view, const CallContext&)) {
  FunctionDef def;
  def.name = name;
  def.signature = std::move(signature);
  def.summary = std::move(summary);
  def.check = FixedSignature(name, {Type::String()}, std::move(result));
  def.eval = [compute](std::span<const Value> args, const CallContext& context) -> Value {
    return args[0].is_string() ? compute(args[0].as_string(), context) : Value();
  };
  return def;
}

Value StringList(std::vector<std::string> strings) {
  ValueList list;
  list.reserve(strings.size());
  for (std::string& text : strings) list.emplace_back(std::move(text));
  return Value(std::move(list));
}

// The country part of a country or subdivision code; nullopt for groups and non-markets.
std::optional<std::string_view> CountryOf(std::string_view code, const MarketTable& markets) {
  const std::optional<Form> form = markets.Classify(code);
  if (form == Form::kCountry) return code;
  if (form == Form::kSubdivision) return code.substr(0, 2);
  return std::nullopt;
}

Value CountryOfCode(std::string_view code, const CallContext& context) {
  if (context.markets == nullptr) return Value();
  const std::optional<std::string_view> country = CountryOf(code, *context.markets);
  return country ? Value(std::string(*country)) : Value();
}

Value IsGroup(std::string_view code, const CallContext& context) {
  if (context.markets == nullptr) return Value();
  return Value(context.markets->Classify(code) == Form::kGroup);
}

Value Members(std::string_view code, const CallContext& context) {
  if (context.markets == nullptr || context.markets->Classify(code) != Form::kGroup) {
    return Value();
  }
  return StringList(context.markets->Members(code, context.as_of));
}

Value OfficialLanguages(std::string_view code, const CallContext& context) {
  if (context.markets == nullptr || context.reference == nullptr) return Value();
  std::vector<std::string> countries;
  if (context.markets->Classify(code) == Form::kGroup) {
    countries = context.markets->Members(code, context.as_of);
  } else if (const auto country = CountryOf(code, *context.markets)) {
    countries.emplace_back(*country);
  } else {
    return Value();
  }
  static const std::vector<std::string> kNone;
  std::vector<std::string> languages;
  for (const std::string& country : countries) {
    const std::vector<std::string>* of_country = context.reference->OfficialLanguages(country);
    // A member the table does not cover leaves the answer undecided.
    if (context.rows_read != nullptr) {
      std::string row = "languages.csv " + country + ":";
      if (of_country == nullptr) row += " no row";
      for (const std::string& language : of_country != nullptr ? *of_country : kNone)
        row += " " + language;
      context.rows_read->push_back(std::move(row));
    }
    if (of_country == nullptr) return Value();
    for (const std::string& language : *of_country) {
      if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
        languages.push_back(language);
      }
    }
  }
  return StringList(std::move(languages));
}

Value PrimaryLanguage(std::string_view tag, const CallContext&) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  const bool letters = std::all_of(primary.begin(), primary.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  // BCP 47: a primary language subtag is 2 to 8 letters.
  if (!letters || primary.size() < 2 || primary.size() > 8) return Value();
  return Value(AsciiLower(primary));
}

}  // namespace

std::vector<FunctionDef> MarketsPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(StringFunction(
      "country_of", "country_of(code: string) -> string",
      "the country of a subdivision (`US-CA` -> `US`), or a country code itself; missing for a "
      "group or a code that is not a market",
      Type::String(), CountryOfCode));
  functions.push_back(StringFunction("is_group", "is_group(code: string) -> boolean",
                                     "whether the code is a group of countries such as `EU`",
                                     Type::Bool(), IsGroup));
  functions.push_back(StringFunction(
      "members", "members(group: string) -> list of string",
      "the member countries of a group on the as-of date, sorted; missing when the code is not "
      "a group",
      Type::ListOf(Type::String()), Members));
  functions.push_back(StringFunction(
      "official_languages", "official_languages(market: string) -> list of string",
      "the official language subtags of a market (for a subdivision its country's, for a "
      "group the union over its members on the as-of date)",
      Type::ListOf(Type::String()), OfficialLanguages));
  functions.push_back(StringFunction(
      "primary_language", "primary_language(tag: string) -> string",
      "the primary language subtag of a BCP 47 language tag in lower case (`en-GB` -> `en`)",
      Type::String(), PrimaryLanguage));
  return functions;
}

}  // namespace tradelint
