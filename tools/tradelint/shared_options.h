#pragma once
// The command-line options several commands register (CLI11): the rulesets, the as-of date,
// reference data, plugins and market codes. What the commands then do with them is in
// cli_options.h.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/date.h"

namespace tradelint::cli {

// `--rules PATH`, repeatable: ruleset files or folders searched recursively, or `+bundled`
// (kBundledRules) for the bundled ones beside them. Left empty, the commands use the bundled
// rulesets.
void AddRulesOption(CLI::App& command, std::vector<std::string>& paths);

// An option `name` taking YYYY-MM-DD: a valid calendar date (anything else is a usage error),
// stored in `date`, which must outlive the parse.
void AddDateOption(CLI::App& command, const std::string& name, std::optional<Date>& date,
                   const std::string& description);

// `--as-of YYYY-MM-DD` (AddDateOption).
void AddAsOfOption(CLI::App& command, std::optional<Date>& date, const std::string& description);

// `--reference-data DIR`: files in DIR replace the bundled reference files at the same path
// under `rulesets/reference/` (EngineOptions::reference_data_directory).
void AddReferenceDataOption(CLI::App& command, std::string& directory);

// `--plugin LIB.so`, repeatable: plugin libraries built against the C plugin ABI
// (engine/plugin/abi/tradelint_plugin.h) whose functions the rulesets may call.
void AddPluginOption(CLI::App& command, std::vector<std::string>& paths);

// For `--market`: market codes are upper case (ISO 3166, group codes), so letters are
// upper-cased as the option is read (`de` -> `DE`, `us-ca` -> `US-CA`); ValidateMarkets
// (cli_options.h) then checks the codes.
CLI::Validator MarketCodeCase();

}  // namespace tradelint::cli
