// The bundled rulesets compile cleanly and pass their own tests.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "engine/api/engine.h"
#include "engine/api/test_runner.h"
#include "engine/eval/unknown_value_words.h"
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

// A message or fix shows an unknown value in its own language, so every language the bundled
// rules write texts in needs its words in the catalogue (engine/eval/unknown_value_words.h).
TEST(BundledRulesets, EveryTextLanguageHasItsWordsForAnUnknownValue) {
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = CompileBundled(diagnostics);
  ASSERT_NE(engine, nullptr) << diagnostics.RenderAll();
  std::set<std::string> languages;
  for (const auto* rules : {&engine->program().rules(), &engine->program().group_rules()}) {
    for (const CheckedRule* rule : *rules) {
      for (const CheckedText& text : rule->messages) languages.insert(text.language);
      for (const CheckedText& text : rule->fixes) languages.insert(text.language);
    }
  }
  EXPECT_GT(languages.size(), 10u);
  for (const std::string& language : languages)
    EXPECT_TRUE(HasUnknownValueWords(language)) << "no words for an unknown value in " << language;
}

TEST(UnknownValueWords, ChosenByThePrimarySubtagWithEnglishForAnyOtherLanguage) {
  EXPECT_EQ(UnknownValueWordsFor("zh-Hans-CN").not_stated, "未注明");
  EXPECT_EQ(UnknownValueWordsFor("de").unknown, "unbekannt");
  EXPECT_EQ(UnknownValueWordsFor("pt-BR").not_stated, "não indicado");
  EXPECT_EQ(UnknownValueWordsFor("").not_stated, "not stated");
  EXPECT_EQ(UnknownValueWordsFor("zz").unknown, "unknown");
  EXPECT_TRUE(HasUnknownValueWords("en"));
  EXPECT_TRUE(HasUnknownValueWords("ko-KR"));
  EXPECT_FALSE(HasUnknownValueWords("zz"));
}

}  // namespace
}  // namespace tradelint
