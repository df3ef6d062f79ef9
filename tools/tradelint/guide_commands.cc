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
#include "engine/base/spelling.h"
#include "engine/json/json.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"

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

// The product categories of the data model (`product.regulated_as` elements).
std::vector<std::string> ProductCategories(const Schema& schema) {
  const SchemaNode* node = schema.Resolve(RecordKind::kListing, {"product", "regulated_as", "[]"});
  return node == nullptr ? std::vector<std::string>{} : node->enum_values;
}

// The request the options describe; nullopt after printing why it is not one.
std::optional<FieldGuideRequest> MakeRequest(const Engine& engine, const GuideOptions& options) {
  const std::optional<RecordKind> kind = RecordKindFromName(options.kind);
  if (!kind) {
    PrintError("`" + options.kind +
               "` is not a record kind: listing, transaction, seller, payment or waybill");
    return std::nullopt;
  }
  if (!ValidateMarkets(engine.markets(), options.markets, "--market")) return std::nullopt;
  const std::vector<std::string> categories = ProductCategories(engine.schema());
  bool valid = true;
  for (const std::string& category : options.categories) {
    if (std::find(categories.begin(), categories.end(), category) != categories.end()) continue;
    const std::string suggestion = ClosestMatch(category, categories);
    PrintError("--category: `" + category + "` is not a product category" +
               (suggestion.empty() ? "" : "; did you mean `" + suggestion + "`?"));
    valid = false;
  }
  if (!valid) return std::nullopt;
  if (*kind != RecordKind::kListing && !options.categories.empty()) {
    PrintWarning("--category describes a listing's product; a " + options.kind +
                 " has no product categories, so it is ignored");
  }
  return FieldGuideRequest{*kind, options.markets, options.categories,
                           options.as_of.value_or(Date::TodayUtc())};
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

void WriteStrings(JsonWriter& json, const std::vector<std::string>& items) {
  json.BeginArray();
  for (const std::string& item : items) json.String(item);
  json.EndArray();
}

void WriteFieldsJson(const FieldGuide& guide, const FieldGuideRequest& request) {
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
  std::cout << text << '\n';
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
  guided.request = MakeRequest(*guided.engine, options);
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
              WriteFieldsJson(guided->guide, *guided->request);
            } else {
              WriteFieldsText(guided->guide, *guided->request);
            }
            return kClean;
          }};
}

}  // namespace tradelint::cli
