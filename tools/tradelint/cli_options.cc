#include "tools/tradelint/cli_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>

#include "engine/base/file.h"
#include "engine/report/terminal_text.h"
#include "plugins/shared_library/shared_library_plugin.h"

namespace tradelint::cli {

FunctionLibrary::FunctionLibrary(const std::vector<std::string>& plugin_paths,
                                 const BuiltinPluginOptions& builtin_options)
    : builtin_(builtin_options) {
  for (const std::string& path : plugin_paths) {
    std::string error;
    std::unique_ptr<const Plugin> plugin = LoadSharedLibraryPlugin(path, &error);
    if (plugin == nullptr) {
      PrintError(error);
      ok_ = false;
      continue;
    }
    loaded_.push_back(std::move(plugin));
  }
}

std::vector<const Plugin*> FunctionLibrary::plugins() const {
  std::vector<const Plugin*> plugins = builtin_.plugins();
  for (const std::unique_ptr<const Plugin>& plugin : loaded_) plugins.push_back(plugin.get());
  return plugins;
}

std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              Diagnostics& diagnostics,
                                              const std::string& reference_data_directory,
                                              const std::vector<std::string>& plugin_paths,
                                              TestBlocks tests,
                                              const BuiltinPluginOptions& builtin_options) {
  const FunctionLibrary functions(plugin_paths, builtin_options);
  if (!functions.ok()) return nullptr;
  EngineOptions options;
  options.rule_paths = rule_paths;
  options.reference_data_directory = reference_data_directory;
  options.tests = tests;
  options.plugins = functions.plugins();
  return Engine::Compile(options, diagnostics);
}

std::unique_ptr<const Engine> CompileRulesets(const std::vector<std::string>& rule_paths,
                                              const std::string& reference_data_directory,
                                              const std::vector<std::string>& plugin_paths,
                                              TestBlocks tests,
                                              const BuiltinPluginOptions& builtin_options) {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = CompileRulesets(
      rule_paths, diagnostics, reference_data_directory, plugin_paths, tests, builtin_options);
  if (engine == nullptr) PrintDiagnostics(diagnostics);
  return engine;
}

std::optional<std::shared_ptr<const Dispositions>> LoadDispositions(const std::string& path) {
  if (path.empty()) return std::shared_ptr<const Dispositions>();
  const std::optional<std::string> text = ReadFile(path);
  if (!text) {
    PrintError("cannot read `" + path + "` (--dispositions)");
    return std::nullopt;
  }
  std::string error;
  std::optional<Dispositions> dispositions = Dispositions::Parse(*text, path, &error);
  if (!dispositions) {
    PrintError(error);
    return std::nullopt;
  }
  return std::make_shared<const Dispositions>(std::move(*dispositions));
}

std::vector<std::string> MarketErrors(const MarketTable& markets,
                                      const std::vector<std::string>& codes,
                                      std::string_view option) {
  std::vector<std::string> errors;
  for (const std::string& code : codes) {
    if (markets.IsValidMarket(code)) continue;
    const std::string suggestion = markets.Suggest(code);
    errors.push_back(std::string(option) + ": `" + code + "` is not a market" +
                     (suggestion.empty() ? "" : "; did you mean `" + suggestion + "`?"));
  }
  return errors;
}

bool ValidateMarkets(const MarketTable& markets, const std::vector<std::string>& codes,
                     std::string_view option) {
  const std::vector<std::string> errors = MarketErrors(markets, codes, option);
  for (const std::string& error : errors) PrintError(error);
  return errors.empty();
}

std::optional<int> ParseHorizonMonths(std::string_view text, std::string& error) {
  int months = 0;
  const char* end = text.data() + text.size();
  const auto [stop, status] = std::from_chars(text.data(), end, months);
  if (text.empty() || status != std::errc() || stop != end || months < 0 ||
      months > kMaxHorizonMonths) {
    error = "horizon: `" + std::string(text) + "` is not a whole number of months from 0 to " +
            std::to_string(kMaxHorizonMonths);
    return std::nullopt;
  }
  return months;
}

std::string NormalizeLanguageTag(std::string& text) {
  std::size_t subtag_start = 0;
  bool well_formed = !text.empty();
  for (std::size_t i = 0; well_formed && i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-') {
      const std::size_t length = i - subtag_start;
      well_formed = subtag_start == 0 ? length >= 2 && length <= 8 : length >= 1 && length <= 8;
      subtag_start = i + 1;
    } else if (subtag_start == 0) {
      well_formed = std::isalpha(static_cast<unsigned char>(text[i])) != 0;
      text[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    } else {
      well_formed = std::isalnum(static_cast<unsigned char>(text[i])) != 0;
    }
  }
  return well_formed ? "" : "`" + text + "` is not a language tag (e.g. `de`, `zh-Hant`)";
}

void PrintDiagnostics(const Diagnostics& diagnostics) {
  const std::string rendered = diagnostics.RenderAll();
  std::string printable;
  std::size_t start = 0;
  while (start < rendered.size()) {
    const std::size_t end = std::min(rendered.find_first_of("\n\t", start), rendered.size());
    printable += Printable(std::string_view(rendered).substr(start, end - start));
    if (end < rendered.size()) printable += rendered[end];
    start = end + 1;
  }
  std::cerr << printable;
}

void PrintError(std::string_view message) {
  std::cerr << "tradelint: error: " << Printable(message) << '\n';
}

void PrintWarning(std::string_view message) {
  std::cerr << "tradelint: warning: " << Printable(message) << '\n';
}

void PrintNote(std::string_view message) {
  std::cerr << "tradelint: note: " << Printable(message) << '\n';
}

}  // namespace tradelint::cli
