// `tradelint rules`: the rule catalogue, filtered by market and date, as text, JSON or
// Markdown.

#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/api/engine.h"
#include "engine/report/counted.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/rule_catalogue.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

struct RulesOptions {
  std::vector<std::string> rule_paths;
  std::vector<std::string> plugin_paths;  // --plugin
  std::string market;                     // empty: every market
  std::optional<Date> as_of;
  std::string format = "text";
};

// `2024-12-13 to 2028-06-30`, `from 2024-12-13`, `until 2028-06-30`, `always`.
std::string InForceText(const CheckedRule& rule) {
  if (rule.effective_from && rule.effective_until) {
    return rule.effective_from->ToString() + " to " + rule.effective_until->ToString();
  }
  if (rule.effective_from) return "from " + rule.effective_from->ToString();
  if (rule.effective_until) return "until " + rule.effective_until->ToString();
  return "always";
}

// What the rule judges: a record kind, or for a group rule `group of transaction, payment`.
std::string AppliesToText(const CheckedRule& rule) {
  if (!rule.group) return std::string(RecordKindName(rule.applies_to));
  std::string kinds;
  for (const GroupLink& link : rule.group->links)
    kinds += (kinds.empty() ? "" : ", ") + std::string(RecordKindName(link.kind));
  return "group of " + kinds;
}

void WriteText(const std::vector<const CheckedRule*>& rules) {
  for (const CheckedRule* rule : rules) {
    std::cout << rule->id << (rule->ref.empty() ? "" : " [" + rule->ref + "]") << '\n'
              << "  " << rule->title << '\n'
              << "  " << rule->jurisdiction << ", " << AppliesToText(*rule) << ", " << rule->domain
              << ", " << SeverityName(rule->severity) << '\n'
              << "  " << rule->citation << '\n'
              << "  in force: " << InForceText(*rule) << '\n';
  }
  std::cout << Counted(static_cast<std::int64_t>(rules.size()), "rule") << '\n';
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
  std::cout
      << "# Rules\n\n"
      << "| Jurisdiction | Rules | Listing | Transaction | Seller | Payment | Waybill | Group |\n"
      << "|---|---|---|---|---|---|---|---|\n";
  for (const auto& [jurisdiction, group] : by_jurisdiction) {
    std::array<int, kRecordKindCount + 1> per_kind{};  // the last: group rules
    for (const CheckedRule* rule : group) {
      ++per_kind[rule->group ? kRecordKindCount : static_cast<std::size_t>(rule->applies_to)];
    }
    std::cout << "| " << jurisdiction << " | " << group.size() << " | "
              << fmt::format("{}", fmt::join(per_kind, " | ")) << " |\n";
  }
  std::cout << "| all | " << rules.size() << " | | | | | | |\n";
  for (const auto& [jurisdiction, group] : by_jurisdiction) {
    std::cout << "\n## " << jurisdiction << "\n\n"
              << "| Rule | Title | Applies to | Domain | Severity | Citation | In force | Ref |\n"
              << "|---|---|---|---|---|---|---|---|\n";
    for (const CheckedRule* rule : group) {
      std::cout << "| `" << Cell(rule->id) << "` | " << Cell(rule->title) << " | "
                << AppliesToText(*rule) << " | " << Cell(rule->domain) << " | "
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
  const std::vector<const CheckedRule*> rules =
      SelectRules(engine->program(), {.market = options.market, .as_of = options.as_of});
  if (options.format == "json") {
    std::cout << RuleCatalogueJson(rules) << '\n';
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
