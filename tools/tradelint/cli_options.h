#pragma once
// Steps that several commands (and the server and the Python package) share: compiling the
// rulesets, checking market codes, language tags and horizons, and printing problems on
// standard error. The options the commands register for them are in shared_options.h.

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
// kMaxHorizonMonths. ParseHorizonMonths reads it for the server's `horizon` parameter and the
// Python package's `horizon=`; for any other text, nullopt with `error` saying so.
inline constexpr int kMaxHorizonMonths = 1200;
std::optional<int> ParseHorizonMonths(std::string_view text, std::string& error);

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
