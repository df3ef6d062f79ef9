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

namespace tradelint::cli {

// `--rules PATH`, repeatable: ruleset files or folders searched recursively. Left empty, the
// commands use the bundled rulesets.
void AddRulesOption(CLI::App& command, std::vector<std::string>& paths);

// `--as-of YYYY-MM-DD`: a valid calendar date (anything else is a usage error), stored in
// `date`, which must outlive the parse.
void AddAsOfOption(CLI::App& command, std::optional<Date>& date, const std::string& description);

// Compiles the rulesets of `rule_paths` (empty: the bundled ones) with the shipped data
// (Engine::Compile); null on any error. Every diagnostic goes to `diagnostics`.
std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              Diagnostics& diagnostics);
// The same; on failure prints every diagnostic to standard error (PrintDiagnostics).
std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths);

// Whether every one of `codes` is a market. For each that is not, prints an error naming
// `option` with MarketTable::Suggest's did-you-mean.
bool ValidateMarkets(const MarketTable& markets, const std::vector<std::string>& codes,
                     std::string_view option);

// Every diagnostic, rendered, on standard error; the text between line ends and tabs (which
// lay out the source excerpts) made Printable (engine/report/terminal_text.h), as it quotes
// file names and ruleset source.
void PrintDiagnostics(const Diagnostics& diagnostics);

// `tradelint: error: <message>` and `tradelint: note: <message>` on standard error, the
// message made Printable (engine/report/terminal_text.h): it may quote file names and
// record data.
void PrintError(std::string_view message);
void PrintNote(std::string_view message);

}  // namespace tradelint::cli
