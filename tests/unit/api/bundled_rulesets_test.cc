// The bundled rulesets compile cleanly and pass their own tests.
#include <gtest/gtest.h>

#include "engine/api/engine.h"
#include "engine/api/test_runner.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

std::unique_ptr<const Engine> CompileBundled(Diagnostics& diagnostics) {
  const BuiltinPlugins builtin;
  EngineOptions options;
  options.plugins = builtin.plugins();
  options.data_directory = TRADELINT_SOURCE_DIR;
  return Engine::Compile(options, diagnostics);
}

TEST(BundledRulesets, CompileWithoutDiagnostics) {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = CompileBundled(diagnostics);
  ASSERT_NE(engine, nullptr) << diagnostics.RenderAll();
  EXPECT_TRUE(diagnostics.all().empty()) << diagnostics.RenderAll();
  EXPECT_GE(engine->program().rules().size(), 9u);
}

TEST(BundledRulesets, OwnTestsPass) {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = CompileBundled(diagnostics);
  ASSERT_NE(engine, nullptr) << diagnostics.RenderAll();
  const TestReport report = RunTests(*engine);
  for (const TestOutcome& outcome : report.outcomes) {
    for (const std::string& failure : outcome.failures) {
      ADD_FAILURE() << outcome.test->ruleset << ": " << outcome.test->name << ": " << failure;
    }
  }
  EXPECT_GT(report.passed, 20);
  EXPECT_EQ(report.failed, 0);
}

TEST(BundledRulesets, EveryRuleHasAFailingAndAPassingCase) {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = CompileBundled(diagnostics);
  ASSERT_NE(engine, nullptr) << diagnostics.RenderAll();
  const TestReport report = RunTests(*engine);
  for (const CheckedRule* rule : report.without_failing_case)
    ADD_FAILURE() << rule->id << " has no failing case";
  for (const CheckedRule* rule : report.without_passing_case)
    ADD_FAILURE() << rule->id << " has no passing case";
}

}  // namespace
}  // namespace tradelint
