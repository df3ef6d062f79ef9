// `tradelint rules`: the rule catalogue, filtered by market and date, as text, JSON or
// Markdown.

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/engine.h"
#include "engine/json/json.h"
#include "engine/report/counted.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"

namespace tradelint::cli {
namespace {

struct RulesOptions {
  std::vector<std::string> rule_paths;
  std::vector<std::string> plugin_paths;  // --plugin
  std::string market;                     // empty: every market
  std::optional<Date> as_of;
  std::string format = "text";
};

// The rules of `program` that apply for `options.market` (its selection judged at the as-of
// date, else today) and are in force at `options.as_of` when given, in load order.
std::vector<const CheckedRule*> SelectRules(const Program& program, const RulesOptions& options) {
  const Date date = options.as_of.value_or(Date::TodayUtc());
  std::vector<const CheckedRule*> rules;
  for (const CheckedRule* rule : program.rules()) {
    if (!options.market.empty() && !program.markets().SelectsRuleset(
                                       options.market, rule->jurisdiction, rule->ruleset, date)) {
      continue;
    }
    if (options.as_of && !Program::InForce(*rule, *options.as_of)) continue;
    rules.push_back(rule);
  }
  return rules;
}

// `2024-12-13 to 2028-06-30`, `from 2024-12-13`, `until 2028-06-30`, `always`.
std::string InForceText(const CheckedRule& rule) {
  if (rule.effective_from && rule.effective_until) {
    return rule.effective_from->ToString() + " to " + rule.effective_until->ToString();
  }
  if (rule.effective_from) return "from " + rule.effective_from->ToString();
  if (rule.effective_until) return "until " + rule.effective_until->ToString();
  return "always";
}

void WriteText(const std::vector<const CheckedRule*>& rules) {
  for (const CheckedRule* rule : rules) {
    std::cout << rule->id << (rule->ref.empty() ? "" : " [" + rule->ref + "]") << '\n'
              << "  " << rule->title << '\n'
              << "  " << rule->jurisdiction << ", " << RecordKindName(rule->applies_to) << ", "
              << rule->domain << ", " << SeverityName(rule->severity) << '\n'
              << "  " << rule->citation << '\n'
              << "  in force: " << InForceText(*rule) << '\n';
  }
  std::cout << Counted(static_cast<std::int64_t>(rules.size()), "rule") << '\n';
}

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

// docs/cli.md's catalogue: {"rules": [...], "translation_coverage": {...}}; `ref` only when the
// rule has one.
void WriteJson(const std::vector<const CheckedRule*>& rules) {
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
  std::cout << text << '\n';
}

// `text` as one Markdown table cell: `|` escaped, line ends as spaces.
std::string Cell(std::string_view text) {
  std::string cell;
  for (char c : text) {
    if (c == '|')
      cell += "\\|";
    else
      cell += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return cell;
}

// A count per jurisdiction and record kind, then one table per jurisdiction, jurisdictions
// sorted, rules in load order; last, the rulesets that agreements extend to other markets
// (markets.json `extensions`).
void WriteMarkdown(const std::vector<const CheckedRule*>& rules, const MarketTable& markets) {
  std::map<std::string, std::vector<const CheckedRule*>> by_jurisdiction;
  for (const CheckedRule* rule : rules) by_jurisdiction[rule->jurisdiction].push_back(rule);
  std::cout << "# Rules\n\n"
            << "| Jurisdiction | Rules | Listing | Transaction | Seller |\n"
            << "|---|---|---|---|---|\n";
  for (const auto& [jurisdiction, group] : by_jurisdiction) {
    int per_kind[3] = {0, 0, 0};
    for (const CheckedRule* rule : group) ++per_kind[static_cast<int>(rule->applies_to)];
    std::cout << "| " << jurisdiction << " | " << group.size() << " | " << per_kind[0] << " | "
              << per_kind[1] << " | " << per_kind[2] << " |\n";
  }
  std::cout << "| all | " << rules.size() << " | | | |\n";
  for (const auto& [jurisdiction, group] : by_jurisdiction) {
    std::cout << "\n## " << jurisdiction << "\n\n"
              << "| Rule | Title | Applies to | Domain | Severity | Citation | In force | Ref |\n"
              << "|---|---|---|---|---|---|---|---|\n";
    for (const CheckedRule* rule : group) {
      std::cout << "| `" << Cell(rule->id) << "` | " << Cell(rule->title) << " | "
                << RecordKindName(rule->applies_to) << " | " << Cell(rule->domain) << " | "
                << SeverityName(rule->severity) << " | " << Cell(rule->citation) << " | "
                << InForceText(*rule) << " | " << Cell(rule->ref) << " |\n";
    }
  }
  if (markets.extensions().empty()) return;
  std::cout << "\n## Rulesets extended by agreement\n\n"
            << "| Ruleset | Market | Agreement | From | Until | Instrument | Ref |\n"
            << "|---|---|---|---|---|---|---|\n";
  for (const MarketTable::Extension& extension : markets.extensions()) {
    std::string refs;
    for (const std::string& ref : extension.refs) refs += (refs.empty() ? "" : ", ") + ref;
    std::cout << "| `" << Cell(extension.ruleset) << "` | " << extension.market << " | "
              << Cell(extension.agreement) << " | " << extension.from.ToString() << " | "
              << (extension.until ? extension.until->ToString() : "") << " | "
              << Cell(extension.instrument) << " | " << Cell(refs) << " |\n";
  }
}

int RunRules(const RulesOptions& options) {
  const std::unique_ptr<const Engine> engine =
      CompileRulesets(options.rule_paths, "", options.plugin_paths, TestBlocks::kSkip);
  if (engine == nullptr) return kUsageError;
  if (!options.market.empty() &&
      !ValidateMarkets(engine->markets(), {options.market}, "--market")) {
    return kUsageError;
  }
  const std::vector<const CheckedRule*> rules = SelectRules(engine->program(), options);
  if (options.format == "json") {
    WriteJson(rules);
  } else if (options.format == "markdown") {
    WriteMarkdown(rules, engine->markets());
  } else {
    WriteText(rules);
  }
  return kClean;
}

}  // namespace

Command AddRulesCommand(CLI::App& app) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* command = app.add_subcommand(
      "rules", "list the rules that apply, with their citations and dates in force");
  AddRulesOption(*command, options->rule_paths);
  AddPluginOption(*command, options->plugin_paths);
  command
      ->add_option("--market", options->market,
                   "only rules whose jurisdiction this market selects (DE takes EU and DE rules)")
      ->type_name("M")
      ->transform(MarketCodeCase());
  AddAsOfOption(*command, options->as_of, "only rules in force on this date");
  command->add_option("--format", options->format, "output format")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  return {command, [options] { return RunRules(*options); }};
}

}  // namespace tradelint::cli
