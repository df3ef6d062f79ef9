#pragma once
// Options and steps that several commands share: the rulesets to load, the as-of date,
// market codes, and how problems are printed on standard error.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/engine.h"
#include "engine/base/date.h"
#include "engine/markets/market_table.h"
#include "engine/screening/dispositions.h"
#include "plugins/builtin_plugins.h"

namespace tradelint::cli {

// `--rules PATH`, repeatable: ruleset files or folders searched recursively. Left empty, the
// commands use the bundled rulesets.
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

// Compiles the rulesets of `rule_paths` (empty: the bundled ones) with the shipped data
// (Engine::Compile); null on any error. Every diagnostic goes to `diagnostics`.
// `reference_data_directory` is --reference-data (empty: the bundled tables only).
// `plugin_options` configures the built-in plugins (e.g. --dispositions).
std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              Diagnostics& diagnostics,
                                              const std::string& reference_data_directory = "",
                                              const BuiltinPluginOptions& plugin_options = {});
// The same; on failure prints every diagnostic to standard error (PrintDiagnostics).
std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              const std::string& reference_data_directory = "",
                                              const BuiltinPluginOptions& plugin_options = {});

// `--dispositions FILE` read for the screening plugin; null (with the error printed) when the
// file cannot be read or is malformed. An empty `path` gives an empty set.
std::optional<std::shared_ptr<const Dispositions>> LoadDispositions(const std::string& path);

// Whether every one of `codes` is a market. For each that is not, prints an error naming
// `option` with MarketTable::Suggest's did-you-mean.
bool ValidateMarkets(const MarketTable& markets, const std::vector<std::string>& codes,
                     std::string_view option);

// Every diagnostic, rendered, on standard error; the text between line ends and tabs (which
// lay out the source excerpts) made Printable (engine/report/terminal_text.h), as it quotes
// file names and ruleset source.
void PrintDiagnostics(const Diagnostics& diagnostics);

// `tradelint: error: <message>`, `tradelint: warning: <message>` and
// `tradelint: note: <message>` on standard error, the message made Printable
// (engine/report/terminal_text.h): it may quote file names and record data.
void PrintError(std::string_view message);
void PrintWarning(std::string_view message);
void PrintNote(std::string_view message);

}  // namespace tradelint::cli
