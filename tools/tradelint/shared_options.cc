#include "tools/tradelint/shared_options.h"

#include "engine/base/ascii_case.h"

namespace tradelint::cli {

void AddRulesOption(CLI::App& command, std::vector<std::string>& paths) {
  command
      .add_option("--rules", paths,
                  "a ruleset file, or a folder searched recursively for .trl files (its "
                  "extension/ adds data-model fields and language rows); +bundled: the "
                  "bundled rulesets; repeatable (default: the bundled rulesets)")
      ->type_name("PATH")
      ->allow_extra_args(false);
}

void AddDateOption(CLI::App& command, const std::string& name, std::optional<Date>& date,
                   const std::string& description) {
  const CLI::Validator is_date(
      [](std::string& text) -> std::string {
        return Date::Parse(text) ? "" : "`" + text + "` is not a date of the form YYYY-MM-DD";
      },
      "");
  command
      .add_option_function<std::string>(
          name, [&date](const std::string& text) { date = Date::Parse(text); }, description)
      ->type_name("YYYY-MM-DD")
      ->check(is_date);
}

void AddAsOfOption(CLI::App& command, std::optional<Date>& date, const std::string& description) {
  AddDateOption(command, "--as-of", date, description);
}

void AddReferenceDataOption(CLI::App& command, std::string& directory) {
  command
      .add_option("--reference-data", directory,
                  "a folder of reference files that replace the bundled ones at the same path "
                  "under rulesets/reference/ (e.g. DIR/fx/ecb-euro-reference-rates.csv)")
      ->type_name("DIR");
}

void AddPluginOption(CLI::App& command, std::vector<std::string>& paths) {
  command
      .add_option("--plugin", paths,
                  "a plugin library whose functions the rulesets may call (docs/plugins.md); "
                  "repeatable")
      ->type_name("LIB.so")
      ->allow_extra_args(false);
}

CLI::Validator MarketCodeCase() {
  return CLI::Validator(
      [](std::string& code) -> std::string {
        code = AsciiUpper(code);
        return "";
      },
      "");
}

}  // namespace tradelint::cli
