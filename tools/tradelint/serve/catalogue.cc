#include "tools/tradelint/serve/catalogue.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "engine/api/field_guide.h"
#include "engine/api/starter_record.h"
#include "engine/json/json.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/field_guide_query.h"
#include "tools/tradelint/rule_catalogue.h"
#include "tools/tradelint/serve/json_error.h"
#include "tools/tradelint/serve/query_list.h"

namespace tradelint::serve {
namespace {

CatalogueAnswer BadParameter(std::string_view message) {
  return {400, JsonErrorBody("invalid_parameter", message)};
}

// The `as_of` parameter; false (with `*answer` set) when it is not a date.
bool ParseAsOf(const std::string& text, std::optional<Date>& as_of, CatalogueAnswer* answer) {
  if (text.empty()) return true;
  as_of = Date::Parse(text);
  if (!as_of) *answer = BadParameter("as_of: `" + text + "` is not a date (YYYY-MM-DD)");
  return as_of.has_value();
}

void WriteStrings(JsonWriter& json, const std::vector<std::string>& items) {
  json.BeginArray();
  for (const std::string& item : items) json.String(item);
  json.EndArray();
}

}  // namespace

CatalogueAnswer RulesAnswer(const Engine& engine, const CatalogueQuery& query) {
  CatalogueAnswer answer;
  cli::RuleFilter filter;
  const std::vector<std::string> markets = SplitList(query.markets, /*upper_case=*/true);
  if (markets.size() > 1) return BadParameter("market: give one market");
  if (!markets.empty()) {
    if (const std::vector<std::string> errors =
            cli::MarketErrors(engine.markets(), markets, "market");
        !errors.empty()) {
      return BadParameter(errors.front());
    }
    filter.market = markets.front();
  }
  if (!ParseAsOf(query.as_of, filter.as_of, &answer)) return answer;
  answer.body = cli::RuleCatalogueJson(cli::SelectRules(engine.program(), filter)) + '\n';
  return answer;
}

CatalogueAnswer MarketsAnswer(const Engine& engine) {
  const MarketTable& table = engine.markets();
  std::map<std::string, std::vector<std::string>> rulesets;  // by jurisdiction
  for (const std::string& group : table.GroupNames()) rulesets[group];
  for (const RulesetInfo& ruleset : engine.program().rulesets()) {
    if (table.IsValidMarket(ruleset.jurisdiction)) {
      rulesets[ruleset.jurisdiction].push_back(ruleset.id);
    }
  }
  const Date today = Date::TodayUtc();
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject().Key("markets").BeginArray();
  for (const auto& [code, ids] : rulesets) {
    const std::optional<MarketTable::Form> form = table.Classify(code);
    json.BeginObject();
    json.Key("code").String(code);
    json.Key("form").String(form == MarketTable::Form::kGroup     ? "group"
                            : form == MarketTable::Form::kCountry ? "country"
                                                                  : "subdivision");
    WriteStrings(json.Key("rulesets"), ids);
    if (form == MarketTable::Form::kGroup)
      WriteStrings(json.Key("members"), table.Members(code, today));
    json.EndObject();
  }
  json.EndArray();
  WriteStrings(json.Key("countries"), table.CountryCodes());
  json.EndObject();
  return {200, text + '\n'};
}

CatalogueAnswer CategoriesAnswer(const Engine& engine) {
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject();
  WriteStrings(json.Key("categories"), cli::ProductCategories(engine.schema()));
  json.EndObject();
  return {200, text + '\n'};
}

CatalogueAnswer FieldsAnswer(const Engine& engine, const CatalogueQuery& query, bool init) {
  CatalogueAnswer answer;
  cli::FieldGuideQuery guide_query;
  guide_query.kind = query.kind.empty() ? "listing" : query.kind;
  guide_query.markets = SplitList(query.markets, /*upper_case=*/true);
  guide_query.categories = SplitList(query.categories, /*upper_case=*/false);
  guide_query.market_option = "market";
  guide_query.category_option = "category";
  if (guide_query.markets.empty()) return BadParameter("market: give the markets (M[,M...])");
  if (!ParseAsOf(query.as_of, guide_query.as_of, &answer)) return answer;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  const std::optional<FieldGuideRequest> request =
      cli::MakeFieldGuideRequest(engine, guide_query, errors, warnings);
  if (!request) return BadParameter(fmt::format("{}", fmt::join(errors, "; ")));
  const FieldGuide guide = BuildFieldGuide(engine, *request);
  answer.body =
      init ? StarterRecordJson(guide, *request) : cli::FieldGuideJson(guide, *request) + '\n';
  return answer;
}

}  // namespace tradelint::serve
