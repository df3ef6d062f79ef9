// The data-driven conformance suite of the rule language: every tests/conformance/*.trl file is
// a small ruleset whose `test` blocks state, for a record, a market and a date, the findings
// and verdicts docs/language.md specifies. All files are compiled together (so that they can
// import each other) and every unmet expectation is reported as a failure of its file's case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/test_runner.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;

const char kConformanceDirectory[] = TRADELINT_SOURCE_DIR "/tests/conformance";

// The conformance files, sorted by name.
std::vector<fs::path> ConformanceFiles() {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kConformanceDirectory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".trl")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The suite compiled once for all cases, with the outcome of every test it holds.
struct CompiledSuite {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine;
  TestReport report;
};

const CompiledSuite& Suite() {
  static const CompiledSuite* const suite = [] {
    auto compiled = new CompiledSuite();
    const BuiltinPlugins builtin;
    EngineOptions options;
    options.plugins = builtin.plugins();
    options.rule_paths = {kConformanceDirectory};
    options.data_directory = TRADELINT_SOURCE_DIR;
    compiled->engine = Engine::Compile(options, compiled->diagnostics);
    if (compiled->engine != nullptr) compiled->report = RunTests(*compiled->engine);
    return compiled;
  }();
  return *suite;
}

// The id of the ruleset loaded from `file`; empty when none was.
std::string RulesetIdOf(const Engine& engine, const fs::path& file) {
  for (const RulesetInfo& ruleset : engine.program().rulesets()) {
    std::error_code error;
    if (fs::equivalent(ruleset.path, file, error)) return ruleset.id;
  }
  return "";
}

TEST(Conformance, SuiteCompilesWithoutDiagnostics) {
  const CompiledSuite& suite = Suite();
  ASSERT_NE(suite.engine, nullptr) << suite.diagnostics.RenderAll();
  EXPECT_TRUE(suite.diagnostics.all().empty()) << suite.diagnostics.RenderAll();
}

class ConformanceFile : public testing::TestWithParam<fs::path> {};

TEST_P(ConformanceFile, MeetsEveryExpectation) {
  const CompiledSuite& suite = Suite();
  for (const Diagnostic& diagnostic : suite.diagnostics.all()) {
    std::error_code error;
    if (diagnostic.span.valid() &&
        fs::equivalent(diagnostic.span.file->path(), GetParam(), error)) {
      ADD_FAILURE() << diagnostic.Render();
    }
  }
  ASSERT_NE(suite.engine, nullptr) << "the suite does not compile";
  const std::string ruleset = RulesetIdOf(*suite.engine, GetParam());
  ASSERT_FALSE(ruleset.empty()) << GetParam() << " was not loaded";
  int tests = 0;
  for (const TestOutcome& outcome : suite.report.outcomes) {
    if (outcome.test->ruleset != ruleset) continue;
    ++tests;
    for (const std::string& failure : outcome.failures) {
      ADD_FAILURE() << ruleset << ": test \"" << outcome.test->name << "\": " << failure;
    }
  }
  EXPECT_GE(tests, 1) << GetParam() << " holds no test";
}

// Names each case after its file: `Files/ConformanceFile.MeetsEveryExpectation/kleene`.
std::string FileStem(const testing::TestParamInfo<fs::path>& file) {
  return file.param.stem().string();
}

INSTANTIATE_TEST_SUITE_P(Files, ConformanceFile, testing::ValuesIn(ConformanceFiles()), FileStem);

}  // namespace
}  // namespace tradelint
