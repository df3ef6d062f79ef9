#include "tools/tradelint/field_guide_query.h"

#include <algorithm>

#include "engine/base/spelling.h"
#include "engine/json/json.h"
#include "tools/tradelint/cli_options.h"

namespace tradelint::cli {

std::vector<std::string> ProductCategories(const Schema& schema) {
  const SchemaNode* node = schema.Resolve(RecordKind::kListing, {"product", "regulated_as", "[]"});
  return node == nullptr ? std::vector<std::string>{} : node->enum_values;
}

std::optional<FieldGuideRequest> MakeFieldGuideRequest(const Engine& engine,
                                                       const FieldGuideQuery& query,
                                                       std::vector<std::string>& errors,
                                                       std::vector<std::string>& warnings) {
  const std::optional<RecordKind> kind = RecordKindFromName(query.kind);
  if (!kind) {
    errors.push_back("`" + query.kind +
                     "` is not a record kind: listing, transaction, seller, payment or waybill");
    return std::nullopt;
  }
  std::vector<std::string> market_errors =
      MarketErrors(engine.markets(), query.markets, query.market_option);
  errors.insert(errors.end(), market_errors.begin(), market_errors.end());
  const std::vector<std::string> categories = ProductCategories(engine.schema());
  for (const std::string& category : query.categories) {
    if (std::find(categories.begin(), categories.end(), category) != categories.end()) continue;
    const std::string suggestion = ClosestMatch(category, categories);
    errors.push_back(query.category_option + ": `" + category + "` is not a product category" +
                     (suggestion.empty() ? "" : "; did you mean `" + suggestion + "`?"));
  }
  if (!errors.empty()) return std::nullopt;
  if (*kind != RecordKind::kListing && !query.categories.empty()) {
    warnings.push_back(query.category_option + " describes a listing's product; a " + query.kind +
                       " has no product categories, so it is ignored");
  }
  return FieldGuideRequest{*kind, query.markets, query.categories,
                           query.as_of.value_or(Date::TodayUtc())};
}

namespace {

void WriteStrings(JsonWriter& json, const std::vector<std::string>& items) {
  json.BeginArray();
  for (const std::string& item : items) json.String(item);
  json.EndArray();
}

}  // namespace

std::string FieldGuideJson(const FieldGuide& guide, const FieldGuideRequest& request) {
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject();
  json.Key("kind").String(RecordKindName(request.kind));
  WriteStrings(json.Key("markets"), guide.markets);
  WriteStrings(json.Key("categories"), request.categories);
  json.Key("as_of").String(request.as_of.ToString());
  json.Key("rules").BeginArray();
  for (const GuidedRule& guided : guide.rules) {
    const CheckedRule& rule = *guided.rule;
    json.BeginObject();
    json.Key("id").String(rule.id);
    json.Key("title").String(rule.title);
    json.Key("severity").String(SeverityName(rule.severity));
    json.Key("citation").String(rule.citation);
    if (!rule.ref.empty()) json.Key("ref").String(rule.ref);
    WriteStrings(json.Key("markets"), guided.markets);
    WriteStrings(json.Key("scope"), guided.fields.scope);
    json.Key("required").BeginArray();
    for (const RuleFields::Group& group : guided.fields.required) {
      json.BeginArray();
      for (const RuleFields::Alternative& alternative : group) WriteStrings(json, alternative);
      json.EndArray();
    }
    json.EndArray();
    WriteStrings(json.Key("absent"), guided.fields.absent);
    json.EndObject();
  }
  json.EndArray();
  json.Key("fields").BeginArray();
  for (const GuidedField& field : guide.fields) {
    json.BeginObject();
    json.Key("path").String(field.path);
    if (field.node != nullptr) {
      json.Key("type").String(field.node->type_name.empty() ? FieldTypeName(field.node->type)
                                                            : field.node->type_name);
      json.Key("guide").String(field.node->description);
      if (!field.node->enum_values.empty())
        WriteStrings(json.Key("values"), field.node->enum_values);
    }
    WriteStrings(json.Key("rules"), field.rules);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return text;
}

}  // namespace tradelint::cli
