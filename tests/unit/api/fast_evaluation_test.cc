// The fast evaluation, which reads each path of the record once per record and market
// (EvaluationMode::kFast, the default), judges exactly as the reference evaluation, which walks
// the record at every read (kReference): the records of every test of the
// conformance suite and of the bundled rulesets, and the records of examples/, each judged for
// its test's market, its own markets and two more, on its date and another, in German (English
// where a rule has no German text); the two evaluations are compared field by field
// (tests/support/evaluation_text.h). rules_fuzz compares them on generated rulesets and records.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/record_reader.h"
#include "plugins/builtin_plugins.h"
#include "tests/support/evaluation_text.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<const Engine> CompileWith(const std::vector<std::string>& rule_paths,
                                          EvaluationMode evaluation_mode) {
  const BuiltinPlugins builtin;
  EngineOptions options;
  options.plugins = builtin.plugins();
  options.rule_paths = rule_paths;
  options.data_directory = TRADELINT_SOURCE_DIR;
  options.evaluation_mode = evaluation_mode;
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = Engine::Compile(options, diagnostics);
  EXPECT_NE(engine, nullptr) << diagnostics.RenderAll();
  return engine;
}

// A record to judge, with the market and date its test names (else none).
struct Case {
  InputRecord input;
  std::string market;
  std::optional<Date> as_of;
};

void ReadAll(RecordReader& reader, const std::string& market, std::optional<Date> as_of,
             std::vector<Case>& cases) {
  InputRecord input;
  while (reader.Next(input)) {
    if (!input.error && input.kind) cases.push_back({input, market, as_of});
  }
}

// The records of the program's tests, then those of examples/.
std::vector<Case> Cases(const Engine& engine) {
  std::vector<Case> cases;
  for (const CheckedTest& test : engine.program().tests()) {
    for (const CheckedTestRecord& source : test.records) {
      std::string error;
      std::istringstream inline_text(source.inline_json);
      const std::unique_ptr<RecordReader> reader =
          source.file.empty()
              ? MakeRecordReader(inline_text, InputFormat::kJson, "test", engine.schema(), {})
              : OpenRecordReader(source.file, engine.schema(), {}, &error);
      if (reader != nullptr) ReadAll(*reader, test.market, test.as_of, cases);
    }
  }
  for (const fs::directory_entry& entry :
       fs::recursive_directory_iterator(TRADELINT_SOURCE_DIR "/examples")) {
    const std::string extension = entry.path().extension().string();
    if (extension != ".json" && extension != ".jsonl") continue;
    std::string error;
    const std::unique_ptr<RecordReader> reader =
        OpenRecordReader(entry.path().string(), engine.schema(), {}, &error);
    if (reader != nullptr) ReadAll(*reader, "", std::nullopt, cases);
  }
  return cases;
}

// Judges every case with both engines and compares; returns how many evaluations agreed.
int CompareEvaluations(const Engine& fast, const Engine& reference) {
  const std::vector<Case> cases = Cases(fast);
  EXPECT_GT(cases.size(), 50u);
  const Date other_date = *Date::Parse("2019-12-31");
  int compared = 0;
  for (const Case& judged : cases) {
    const Value& record = judged.input.record;
    const RecordKind kind = *judged.input.kind;
    std::vector<std::string> markets = fast.DefaultMarkets(record, kind);
    if (!judged.market.empty()) markets.push_back(judged.market);
    for (const char* market : {"DE", "US"}) markets.push_back(market);
    const Date own_date =
        judged.as_of.value_or(fast.DefaultAsOf(record, kind, *Date::Parse("2025-06-01")));
    for (const Date date : {own_date, other_date}) {
      MarketIndependentResults fast_shared;
      MarketIndependentResults reference_shared;
      for (const std::string& market : markets) {
        const std::string expected = testing_support::EvaluationText(
            reference.Evaluate(record, kind, market, date, "de", &reference_shared));
        const std::string actual = testing_support::EvaluationText(
            fast.Evaluate(record, kind, market, date, "de", &fast_shared));
        EXPECT_EQ(actual, expected)
            << judged.input.source << " in " << market << " on " << date.ToString();
        ++compared;
      }
    }
  }
  return compared;
}

TEST(EvaluationMode, FastEvaluationJudgesTheConformanceSuiteAsTheReference) {
  const std::vector<std::string> paths = {TRADELINT_SOURCE_DIR "/tests/conformance"};
  const std::unique_ptr<const Engine> fast = CompileWith(paths, EvaluationMode::kFast);
  const std::unique_ptr<const Engine> reference = CompileWith(paths, EvaluationMode::kReference);
  ASSERT_NE(fast, nullptr);
  ASSERT_NE(reference, nullptr);
  EXPECT_GT(fast->program().record_path_count(), 20u);
  EXPECT_GT(CompareEvaluations(*fast, *reference), 2000);
}

TEST(EvaluationMode, FastEvaluationJudgesTheBundledRulesetsAsTheReference) {
  const std::unique_ptr<const Engine> fast = CompileWith({}, EvaluationMode::kFast);
  const std::unique_ptr<const Engine> reference = CompileWith({}, EvaluationMode::kReference);
  ASSERT_NE(fast, nullptr);
  ASSERT_NE(reference, nullptr);
  EXPECT_GT(fast->program().record_path_count(), 200u);
  EXPECT_GT(CompareEvaluations(*fast, *reference), 10000);
}

}  // namespace
}  // namespace tradelint
