#pragma once
// InlineRules: an Engine compiled from rulesets a test gives as text, with the project's data
// model and reference data, for the test fixtures that judge records with rules of their own.
//
// The rulesets are written into a fresh temporary folder, which lives as long as the
// InlineRules (the engine may read a ruleset's tables from it).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/api/engine.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {

class InlineRules {
 public:
  // Writes each (file name, ruleset text) of `files` into a temporary folder named after
  // `name` and compiles them; the checker's diagnostics go to `diagnostics`. engine() is null
  // when the folder cannot be made or the rules do not compile.
  InlineRules(const std::string& name,
              const std::vector<std::pair<std::string, std::string>>& files,
              Diagnostics& diagnostics) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("tradelint-" + name + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) return;
    directory_ = pattern;
    for (const auto& [file, text] : files) std::ofstream(directory_ / file) << text;
    const BuiltinPlugins builtin;
    EngineOptions options;
    options.plugins = builtin.plugins();
    options.rule_paths = {directory_.string()};
    options.data_directory = TRADELINT_SOURCE_DIR;
    engine_ = Engine::Compile(options, diagnostics);
  }
  ~InlineRules() {
    engine_.reset();
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }
  InlineRules(const InlineRules&) = delete;
  InlineRules& operator=(const InlineRules&) = delete;

  const Engine* engine() const { return engine_.get(); }
  // The folder the rulesets were written to (for the locations in diagnostics).
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<const Engine> engine_;
};

}  // namespace tradelint
