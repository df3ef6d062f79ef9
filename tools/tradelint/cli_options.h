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

// The function library of a command: the built-in plugins, then those of `--plugin`, in order.
class FunctionLibrary {
 public:
  // Loads each of `plugin_paths`; prints why one does not load (PrintError), and ok() is false.
  // The built-in plugins are built with `builtin_options`.
  explicit FunctionLibrary(const std::vector<std::string>& plugin_paths,
                           const BuiltinPluginOptions& builtin_options = {});
  bool ok() const { return ok_; }
  // Every plugin, for EngineOptions::plugins; valid while this object lives.
  std::vector<const Plugin*> plugins() const;

 private:
  BuiltinPlugins builtin_;
  std::vector<std::unique_ptr<const Plugin>> loaded_;
  bool ok_ = true;
};

// Compiles the rulesets of `rule_paths` (empty: the bundled ones) with the shipped data
// (Engine::Compile) and the built-in plugins (built with `builtin_options`, e.g. the
// screening decisions of --dispositions) and those of `plugin_paths` (--plugin); null on any
// error. Every diagnostic goes to `diagnostics`; a plugin that does not load is printed.
// `reference_data_directory` is --reference-data (empty: the bundled tables only). `tests`:
// whether the rulesets' `test` blocks are compiled (only `test` and `lint` need them).
std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              Diagnostics& diagnostics,
                                              const std::string& reference_data_directory = "",
                                              const std::vector<std::string>& plugin_paths = {},
                                              TestBlocks tests = TestBlocks::kParse,
                                              const BuiltinPluginOptions& builtin_options = {});
// The same; on failure prints every diagnostic to standard error (PrintDiagnostics).
std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              const std::string& reference_data_directory = "",
                                              const std::vector<std::string>& plugin_paths = {},
                                              TestBlocks tests = TestBlocks::kParse,
                                              const BuiltinPluginOptions& builtin_options = {});

// `--dispositions FILE` read for the screening plugin; null (with the error printed) when the
// file cannot be read or is malformed. An empty `path` gives an empty set.
std::optional<std::shared_ptr<const Dispositions>> LoadDispositions(const std::string& path);

// For `--market`: market codes are upper case (ISO 3166, group codes), so letters are
// upper-cased as the option is read (`de` -> `DE`, `us-ca` -> `US-CA`); ValidateMarkets then
// checks the codes.
CLI::Validator MarketCodeCase();

// An error message for each of `codes` that is not a market, naming `option`, with
// MarketTable::Suggest's did-you-mean.
std::vector<std::string> MarketErrors(const MarketTable& markets,
                                      const std::vector<std::string>& codes,
                                      std::string_view option);

// Whether every one of `codes` is a market. For each that is not, prints an error naming
// `option` with MarketTable::Suggest's did-you-mean.
bool ValidateMarkets(const MarketTable& markets, const std::vector<std::string>& codes,
                     std::string_view option);

// `--horizon MONTHS` (docs/cli.md, "What is coming"): a whole number of months from 0 to
// kMaxHorizonMonths; ParseHorizonMonths gives nullopt for any other text (the server's
// `horizon` parameter).
inline constexpr int kMaxHorizonMonths = 1200;
std::optional<int> ParseHorizonMonths(std::string_view text);

// `--lang`: empty when `text` has a BCP 47 tag's shape (a 2-8 letter language subtag, then
// subtags of 1-8 letters or digits, joined by `-`), else why not. The language subtag is
// lower-cased, as rules write it (`DE` -> `de`).
std::string NormalizeLanguageTag(std::string& text);

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
