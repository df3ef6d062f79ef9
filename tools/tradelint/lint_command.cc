// `tradelint lint`: parse and check rulesets, print every diagnostic.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/report/counted.h"
#include "engine/report/diagnostics_report.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

struct LintOptions {
  std::vector<std::string> rule_paths;
  std::string format = "text";
  std::vector<std::string> plugin_paths;  // --plugin
};

int RunLint(const LintOptions& options) {
  const FunctionLibrary functions(options.plugin_paths);
  if (!functions.ok()) return kUsageError;
  Diagnostics diagnostics;
  EngineOptions engine_options;
  engine_options.rule_paths = options.rule_paths;
  engine_options.plugins = functions.plugins();
  Engine::CompileStats stats;
  const std::unique_ptr<const Engine> engine = Engine::Compile(engine_options, diagnostics, &stats);
  const std::size_t rulesets = stats.ruleset_files;
  if (options.format == "json") {
    WriteDiagnosticsJson(std::cout, diagnostics, rulesets);
  } else if (options.format == "sarif") {
    WriteDiagnosticsSarif(std::cout, diagnostics, TRADELINT_VERSION);
  } else {
    PrintDiagnostics(diagnostics);
  }
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
  command
      ->add_option("--format", options->format,
                   "text: rendered on standard error; json or sarif (SARIF 2.1.0): on standard "
                   "output, for CI")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  AddPluginOption(*command, options->plugin_paths);
  return {command, [options] { return RunLint(*options); }};
}

}  // namespace tradelint::cli
