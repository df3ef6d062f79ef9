// `tradelint init` and `tradelint fields`: what a seller must fill in for some markets and
// product categories, taken from the rules in force (engine/api/field_guide.h) rather than
// from the whole field guide. `init` prints a starter record; `fields` lists the fields by rule.

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/field_guide.h"
#include "engine/api/starter_record.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/field_guide_query.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

// The options both commands take.
struct GuideOptions {
  std::vector<std::string> rule_paths;
  std::string reference_data;
  std::vector<std::string> plugin_paths;  // --plugin
  std::string kind = "listing";
  std::vector<std::string> markets;
  std::vector<std::string> categories;
  std::optional<Date> as_of;
  std::string format = "text";  // fields only
};

void AddGuideOptions(CLI::App& command, GuideOptions& options) {
  AddRulesOption(command, options.rule_paths);
  AddReferenceDataOption(command, options.reference_data);
  AddPluginOption(command, options.plugin_paths);
  command
      .add_option("--market", options.markets,
                  "markets the record is for: countries (DE), subdivisions (US-CA), groups (EU)")
      ->type_name("M[,M...]")
      ->delimiter(',')
      ->transform(MarketCodeCase())
      ->required();
  command
      .add_option("--category", options.categories,
                  "product categories (`product.regulated_as` values: toy, battery, cosmetic, "
                  "...); none: a product in no regulated category")
      ->type_name("C[,C...]")
      ->delimiter(',');
  AddAsOfOption(command, options.as_of, "the rules in force on this date (default: today, UTC)");
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

void WriteFieldsText(const FieldGuide& guide, const FieldGuideRequest& request) {
  std::cout << fmt::format("Fields the rules in force on {} read for a {} in {}",
                           request.as_of.ToString(), RecordKindName(request.kind),
                           Join(guide.markets, ", "));
  if (request.kind == RecordKind::kListing) {
    std::cout << (request.categories.empty()
                      ? " (no regulated product category)"
                      : " (categories: " + Join(request.categories, ", ") + ")");
  }
  std::cout << "\n";
  for (const GuidedRule& guided : guide.rules) {
    const CheckedRule& rule = *guided.rule;
    std::cout << fmt::format("\n{} [{}; {}]\n  {}\n  {}\n", rule.id, SeverityName(rule.severity),
                             Join(guided.markets, ", "), rule.title, rule.citation);
    if (!guided.fields.scope.empty()) {
      std::cout << "  applies by:  " << Join(guided.fields.scope, ", ") << '\n';
    }
    for (const RuleFields::Group& group : guided.fields.required) {
      std::vector<std::string> alternatives;
      for (const RuleFields::Alternative& alternative : group) {
        alternatives.push_back(Join(alternative, " + "));
      }
      std::cout << (group.size() == 1 ? "  fill:        " : "  fill one of: ")
                << Join(alternatives, " | ") << '\n';
    }
    if (!guided.fields.absent.empty()) {
      std::cout << "  leave out:   " << Join(guided.fields.absent, ", ") << '\n';
    }
  }
  std::cout << fmt::format("\n{} fields:\n", guide.fields.size());
  for (const GuidedField& field : guide.fields) {
    std::cout << "  " << field.path;
    if (field.node != nullptr) {
      std::cout << "  ("
                << (field.node->type_name.empty() ? FieldTypeName(field.node->type)
                                                  : field.node->type_name)
                << ")  " << FirstSentence(field.node->description);
    }
    std::cout << '\n';
  }
}

// Compiles the rulesets and builds the guide the options ask for; the exit status on failure.
struct Guided {
  std::unique_ptr<const Engine> engine;
  std::optional<FieldGuideRequest> request;
  FieldGuide guide;
};
std::optional<Guided> BuildGuide(const GuideOptions& options) {
  Guided guided;
  guided.engine = CompileRulesets(options.rule_paths, options.reference_data, options.plugin_paths,
                                  TestBlocks::kSkip);
  if (guided.engine == nullptr) return std::nullopt;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  guided.request = MakeFieldGuideRequest(*guided.engine,
                                         {.kind = options.kind,
                                          .markets = options.markets,
                                          .categories = options.categories,
                                          .as_of = options.as_of},
                                         errors, warnings);
  for (const std::string& error : errors) PrintError(error);
  for (const std::string& warning : warnings) PrintWarning(warning);
  if (!guided.request) return std::nullopt;
  guided.guide = BuildFieldGuide(*guided.engine, *guided.request);
  return guided;
}

}  // namespace

Command AddInitCommand(CLI::App& app) {
  auto options = std::make_shared<GuideOptions>();
  CLI::App* command = app.add_subcommand(
      "init",
      "print a starter record: the fields the rules in force read for some markets and "
      "product categories, each with a placeholder to fill in");
  command->add_option("KIND", options->kind, "listing, transaction, seller, payment or waybill")
      ->required()
      ->type_name("KIND");
  AddGuideOptions(*command, *options);
  command->footer(
      "The placeholders do not validate: `tradelint check` reports a starter as invalid, naming "
      "each field still to fill, until every one is replaced. Exit status: 0, or 2 on a usage "
      "or ruleset error.");
  return {command, [options] {
            const std::optional<Guided> guided = BuildGuide(*options);
            if (!guided) return kUsageError;
            std::cout << StarterRecordJson(guided->guide, *guided->request);
            return kClean;
          }};
}

Command AddFieldsCommand(CLI::App& app) {
  auto options = std::make_shared<GuideOptions>();
  CLI::App* command =
      app.add_subcommand("fields",
                         "list the fields the rules in force read for some markets and product "
                         "categories, by rule: which decide whether a rule applies, which to fill "
                         "(alternatives as `one of`), which to leave out");
  command->add_option("--kind", options->kind, "listing, transaction, seller, payment or waybill")
      ->type_name("KIND")
      ->capture_default_str();
  AddGuideOptions(*command, *options);
  command->add_option("--format", options->format, "output format")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  return {command, [options] {
            const std::optional<Guided> guided = BuildGuide(*options);
            if (!guided) return kUsageError;
            if (options->format == "json") {
              std::cout << FieldGuideJson(guided->guide, *guided->request) << '\n';
            } else {
              WriteFieldsText(guided->guide, *guided->request);
            }
            return kClean;
          }};
}

}  // namespace tradelint::cli
