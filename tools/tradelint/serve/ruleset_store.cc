#include "tools/tradelint/serve/ruleset_store.h"

#include <sstream>

#include "engine/report/diagnostics_report.h"
#include "tools/tradelint/cli_options.h"

namespace tradelint::serve {

ReloadOutcome RulesetStore::Reload() {
  const std::lock_guard<std::mutex> reloading(reload_mutex_);
  Diagnostics diagnostics;
  const cli::FunctionLibrary functions(source_.plugin_paths);
  std::unique_ptr<const Engine> engine;
  Engine::CompileStats stats;
  if (functions.ok()) {
    EngineOptions options;
    options.rule_paths = source_.rule_paths;
    options.reference_data_directory = source_.reference_data;
    options.plugins = functions.plugins();
    options.tests = TestBlocks::kSkip;
    engine = Engine::Compile(options, diagnostics, &stats);
  }
  ReloadOutcome outcome;
  std::ostringstream json;
  WriteDiagnosticsJson(json, diagnostics, stats.ruleset_files);
  outcome.diagnostics_json = json.str();
  outcome.diagnostics_text = diagnostics.RenderAll();
  const std::lock_guard<std::mutex> swapping(current_mutex_);
  if (engine != nullptr) {
    current_ = {std::move(engine), current_.generation + 1};
    outcome.reloaded = true;
  }
  outcome.generation = current_.generation;
  return outcome;
}

RulesetStore::Snapshot RulesetStore::Current() const {
  const std::lock_guard<std::mutex> reading(current_mutex_);
  return current_;
}

}  // namespace tradelint::serve
