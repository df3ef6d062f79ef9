// `tradelint lint`: parse and check rulesets, print every diagnostic.

#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/report/counted.h"
#include "engine/ruleset/ruleset_loader.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"

namespace tradelint::cli {
namespace {

struct LintOptions {
  std::vector<std::string> rule_paths;
};

// How many ruleset files a failed compilation read. Engine::Compile returns no Program then,
// so the files are loaded again (their diagnostics already printed are discarded) and
// counted together with the files that diagnostics point into (those that did not parse).
std::size_t CountRulesetFilesRead(const std::vector<std::string>& rule_paths,
                                  const Diagnostics& diagnostics) {
  const std::string data = FindDataDirectory();
  const std::string library = data.empty() ? std::string() : data + "/rulesets";
  Diagnostics repeated;
  std::set<std::string> files;
  for (const auto& file :
       LoadRulesetFiles(rule_paths.empty() ? std::vector<std::string>{library} : rule_paths,
                        library, repeated)) {
    files.insert(file->source->path());
  }
  for (const Diagnostic& diagnostic : diagnostics.all()) {
    if (diagnostic.span.valid()) files.insert(diagnostic.span.file->path());
  }
  return files.size();
}

int RunLint(const LintOptions& options) {
  Diagnostics diagnostics;
  const std::unique_ptr<const Engine> engine = CompileRulesets(options.rule_paths, diagnostics);
  std::cerr << diagnostics.RenderAll();
  const std::size_t rulesets = engine != nullptr
                                   ? engine->program().rulesets().size()
                                   : CountRulesetFilesRead(options.rule_paths, diagnostics);
  std::cerr << Counted(diagnostics.error_count(), "error") << ", "
            << Counted(diagnostics.warning_count(), "warning") << " in "
            << Counted(static_cast<std::int64_t>(rulesets), "ruleset") << '\n';
  return engine == nullptr ? kUsageError : kClean;
}

}  // namespace

Command AddLintCommand(CLI::App& app) {
  auto options = std::make_shared<LintOptions>();
  CLI::App* command = app.add_subcommand(
      "lint", "parse and check rulesets and print their diagnostics (exit 0: no errors)");
  AddRulesOption(*command, options->rule_paths);
  return {command, [options] { return RunLint(*options); }};
}

}  // namespace tradelint::cli
