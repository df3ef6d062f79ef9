// EngineOptions carries every choice of the caller: the function library and the limits.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;

// A listing rule that calls a built-in function and nests brackets three deep.
constexpr char kRuleset[] = R"(ruleset options.test {
  jurisdiction EU
}

rule shouting "Title in capitals" {
  applies to listing
  domain     consumer_protection
  severity   warning
  cite       "test"
  forbid     ((upper(title) == title))
  message    "shouting"
}
)";

class EngineOptionsTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "tradelint-engine-options-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    std::ofstream(directory_ / "options.trl") << kRuleset;
    options_.rule_paths = {directory_.string()};
    options_.data_directory = TRADELINT_SOURCE_DIR;
  }
  void TearDown() override { fs::remove_all(directory_); }

  std::vector<std::string> CompileCodes() {
    Diagnostics diagnostics;
    compiled_ = Engine::Compile(options_, diagnostics) != nullptr;
    std::vector<std::string> codes;
    for (const Diagnostic& diagnostic : diagnostics.all()) codes.push_back(diagnostic.code);
    return codes;
  }

  fs::path directory_;
  EngineOptions options_;
  bool compiled_ = false;
};

TEST_F(EngineOptionsTest, TheFunctionsAreThoseOfTheGivenPlugins) {
  const BuiltinPlugins builtin;
  options_.plugins = builtin.plugins();
  EXPECT_THAT(CompileCodes(), testing::IsEmpty());
  EXPECT_TRUE(compiled_);

  options_.plugins.clear();
  EXPECT_THAT(CompileCodes(), testing::Contains("unknown_function"));
  EXPECT_FALSE(compiled_);
}

TEST_F(EngineOptionsTest, TwoPluginsDefiningOneFunctionConflict) {
  const BuiltinPlugins builtin;
  options_.plugins = builtin.plugins();
  options_.plugins.push_back(builtin.plugins().front());
  EXPECT_THAT(CompileCodes(), testing::ElementsAre("plugin_conflict"));
  EXPECT_FALSE(compiled_);
}

TEST_F(EngineOptionsTest, ParseLimitsApplyToTheRulesets) {
  const BuiltinPlugins builtin;
  options_.plugins = builtin.plugins();
  options_.parse_limits.max_nesting = 2;
  EXPECT_THAT(CompileCodes(), testing::Contains("nesting_too_deep"));
  EXPECT_FALSE(compiled_);
}

}  // namespace
}  // namespace tradelint
