#include "tools/tradelint/rule_catalogue.h"

#include <cstdint>
#include <map>
#include <string_view>

#include "engine/json/json.h"

namespace tradelint::cli {
namespace {

// The parts of `rule` written in each language besides English (`title`, `message`, `fix`, in
// that order), by BCP 47 tag as the rule writes it.
std::map<std::string, std::vector<std::string_view>> Translations(const CheckedRule& rule) {
  std::map<std::string, std::vector<std::string_view>> parts;
  for (const auto& [language, title] : rule.title_translations) parts[language].push_back("title");
  for (const CheckedText& message : rule.messages) {
    if (!message.language.empty()) parts[message.language].push_back("message");
  }
  for (const CheckedText& fix : rule.fixes) {
    if (!fix.language.empty()) parts[fix.language].push_back("fix");
  }
  return parts;
}

// Whether a rule is wholly translated, given its `parts` in one language: title, message and,
// when the rule has a fix at all, fix.
bool Complete(const CheckedRule& rule, const std::vector<std::string_view>& parts) {
  return parts.size() == (rule.fixes.empty() ? 2u : 3u);
}

// Translation coverage of the listed rules in one language (docs/cli.md, "rules").
struct LanguageCoverage {
  std::int64_t complete = 0, title = 0, message = 0, fix = 0;
};

}  // namespace

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
  std::map<std::string, LanguageCoverage> coverage;
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
    const std::map<std::string, std::vector<std::string_view>> translations = Translations(*rule);
    json.Key("languages").BeginArray();
    for (const auto& [language, parts] : translations) {
      if (Complete(*rule, parts)) json.String(language);
    }
    json.EndArray();
    json.Key("translations").BeginObject();
    for (const auto& [language, parts] : translations) {
      json.Key(language).BeginArray();
      LanguageCoverage& counts = coverage[language];
      for (std::string_view part : parts) {
        json.String(part);
        ++(part == "title" ? counts.title : part == "message" ? counts.message : counts.fix);
      }
      json.EndArray();
      if (Complete(*rule, parts)) ++counts.complete;
    }
    json.EndObject();
    json.EndObject();
  }
  json.EndArray();
  json.Key("translation_coverage").BeginObject();
  for (const auto& [language, counts] : coverage) {
    json.Key(language).BeginObject();
    json.Key("rules").Int(static_cast<std::int64_t>(rules.size()));
    json.Key("complete").Int(counts.complete);
    json.Key("title").Int(counts.title);
    json.Key("message").Int(counts.message);
    json.Key("fix").Int(counts.fix);
    json.EndObject();
  }
  json.EndObject().EndObject();
  return text;
}

}  // namespace tradelint::cli
