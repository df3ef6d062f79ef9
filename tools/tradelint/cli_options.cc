#include "tools/tradelint/cli_options.h"

#include <iostream>

#include "plugins/builtin_plugins.h"

namespace tradelint::cli {

void AddRulesOption(CLI::App& command, std::vector<std::string>& paths) {
  command
      .add_option("--rules", paths,
                  "a ruleset file, or a folder searched recursively for .trl files; "
                  "repeatable (default: the bundled rulesets)")
      ->type_name("PATH")
      ->allow_extra_args(false);
}

void AddAsOfOption(CLI::App& command, std::optional<Date>& date, const std::string& description) {
  const CLI::Validator is_date(
      [](std::string& text) -> std::string {
        return Date::Parse(text) ? "" : "`" + text + "` is not a date of the form YYYY-MM-DD";
      },
      "");
  command
      .add_option_function<std::string>(
          "--as-of", [&date](const std::string& text) { date = Date::Parse(text); }, description)
      ->type_name("YYYY-MM-DD")
      ->check(is_date);
}

std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              Diagnostics& diagnostics) {
  const BuiltinPlugins builtin;
  EngineOptions options;
  options.rule_paths = rule_paths;
  options.plugins = builtin.plugins();
  return Engine::Compile(options, diagnostics);
}

std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths) {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = CompileRulesets(rule_paths, diagnostics);
  if (engine == nullptr) std::cerr << diagnostics.RenderAll();
  return engine;
}

bool ValidateMarkets(const MarketTable& markets, const std::vector<std::string>& codes,
                     std::string_view option) {
  bool valid = true;
  for (const std::string& code : codes) {
    if (markets.IsValidMarket(code)) continue;
    valid = false;
    const std::string suggestion = markets.Suggest(code);
    PrintError(std::string(option) + ": `" + code + "` is not a market" +
               (suggestion.empty() ? "" : "; did you mean `" + suggestion + "`?"));
  }
  return valid;
}

void PrintError(std::string_view message) { std::cerr << "tradelint: error: " << message << '\n'; }

void PrintNote(std::string_view message) { std::cerr << "tradelint: note: " << message << '\n'; }

}  // namespace tradelint::cli
