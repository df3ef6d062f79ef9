// `tradelint test`: run the test cases written inside the rulesets, and report coverage.

#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/api/test_runner.h"
#include "engine/report/counted.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

struct TestOptions {
  std::vector<std::string> rule_paths;
  std::vector<std::string> plugin_paths;  // --plugin
  std::string reference_data;             // --reference-data; empty: the bundled tables
  bool require_coverage = false;
};

void PrintFailures(const TestReport& report) {
  for (const TestOutcome& outcome : report.outcomes) {
    if (outcome.passed()) continue;
    std::cout << "FAILED " << outcome.test->ruleset << ": \"" << outcome.test->name << "\" ("
              << outcome.test->span.Location() << ")\n";
    for (const std::string& failure : outcome.failures) std::cout << "  " << failure << '\n';
  }
}

// Prints a warning per missing case and a coverage line; returns whether some case is missing.
bool PrintCoverage(const Engine& engine, const TestReport& report) {
  for (const CheckedRule* rule : report.without_failing_case) {
    std::cout << "warning: rule `" << rule->id
              << "` has no failing case (no test expects a finding from it)\n";
  }
  for (const CheckedRule* rule : report.without_passing_case) {
    std::cout << "warning: rule `" << rule->id
              << "` has no passing case (no test expects no finding from it)\n";
  }
  for (const MissingBoundary& boundary : report.missing_boundaries) {
    std::cout << "warning: rule `" << boundary.rule->id << "` has no test at "
              << boundary.date.ToString() << " (" << boundary.why << ") expecting "
              << (boundary.expects_finding ? "a finding" : "no finding") << "\n";
  }
  std::set<const CheckedRule*> uncovered(report.without_failing_case.begin(),
                                         report.without_failing_case.end());
  uncovered.insert(report.without_passing_case.begin(), report.without_passing_case.end());
  std::set<const CheckedRule*> boundaries_untested;
  for (const MissingBoundary& boundary : report.missing_boundaries)
    boundaries_untested.insert(boundary.rule);
  const std::size_t rules = engine.program().rules().size();
  std::cout << "coverage: " << rules - uncovered.size() << " of "
            << Counted(static_cast<std::int64_t>(rules), "rule")
            << " covered by a failing and a passing case; " << rules - boundaries_untested.size()
            << " with every effective-date boundary tested\n";
  return !uncovered.empty() || !boundaries_untested.empty();
}

int RunTestCommand(const TestOptions& options) {
  const std::unique_ptr<const Engine> engine =
      CompileRulesets(options.rule_paths, options.reference_data, options.plugin_paths);
  if (engine == nullptr) return kUsageError;
  const TestReport report = RunTests(*engine);
  PrintFailures(report);
  const bool coverage_missing = PrintCoverage(*engine, report);
  // CI parsers read this line; keep its form.
  std::cout << report.passed << " passed, " << report.failed << " failed\n";
  if (report.failed > 0) return kFindings;
  return options.require_coverage && coverage_missing ? kFindings : kClean;
}

}  // namespace

Command AddTestCommand(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = app.add_subcommand(
      "test", "run the rulesets' own test cases (exit 0: all pass, 1: a test failed)");
  AddRulesOption(*command, options->rule_paths);
  AddPluginOption(*command, options->plugin_paths);
  AddReferenceDataOption(*command, options->reference_data);
  command->add_flag("--require-coverage", options->require_coverage,
                    "exit 1 also when a rule lacks a failing or a passing test case, or a test on "
                    "each side of its effective dates");
  return {command, [options] { return RunTestCommand(*options); }};
}

}  // namespace tradelint::cli
