#include "tools/tradelint/rule_catalogue.h"

#include "engine/json/json.h"

namespace tradelint::cli {

std::vector<const CheckedRule*> SelectRules(const Program& program, const RuleFilter& filter) {
  const Date date = filter.as_of.value_or(Date::TodayUtc());
  std::vector<const CheckedRule*> rules;
  for (const CheckedRule* rule : program.rules()) {
    if (!filter.market.empty() &&
        !program.markets().SelectsRuleset(filter.market, rule->jurisdiction, rule->ruleset, date)) {
      continue;
    }
    if (filter.as_of && !Program::InForce(*rule, *filter.as_of)) continue;
    rules.push_back(rule);
  }
  return rules;
}

std::string RuleCatalogueJson(const std::vector<const CheckedRule*>& rules) {
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  const auto date_or_null = [](JsonWriter& writer, const std::optional<Date>& date) {
    date ? writer.String(date->ToString()) : writer.Null();
  };
  json.BeginObject().Key("rules").BeginArray();
  for (const CheckedRule* rule : rules) {
    json.BeginObject();
    json.Key("id").String(rule->id);
    json.Key("ruleset").String(rule->ruleset);
    json.Key("jurisdiction").String(rule->jurisdiction);
    json.Key("applies_to").String(RecordKindName(rule->applies_to));
    if (rule->group) {
      json.Key("group").BeginArray();
      for (const GroupLink& link : rule->group->links) json.String(RecordKindName(link.kind));
      json.EndArray();
    }
    json.Key("domain").String(rule->domain);
    json.Key("severity").String(SeverityName(rule->severity));
    json.Key("citation").String(rule->citation);
    date_or_null(json.Key("effective_from"), rule->effective_from);
    date_or_null(json.Key("effective_to"), rule->effective_until);
    json.Key("title").String(rule->title);
    if (!rule->ref.empty()) json.Key("ref").String(rule->ref);
    json.EndObject();
  }
  json.EndArray().EndObject();
  return text;
}

}  // namespace tradelint::cli
