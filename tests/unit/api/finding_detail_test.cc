// FindingDetail::kVerdict (what `check --format compact` asks for) judges every record as
// kFull does: on every test record of the conformance suite and of the bundled rulesets, each
// market has the same verdict, coverage and findings (rule, basis, overrides, held-back
// rules; and for findings that are not violations, paths, missing fields and reason), while
// a lean violation carries no paths, value or texts.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/record_reader.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

// The first record of a test's `record`; empty when it cannot be read or is invalid.
std::optional<InputRecord> FirstRecord(const Engine& engine, const CheckedTestRecord& source) {
  std::istringstream inline_text(source.inline_json);
  std::string error;
  const std::unique_ptr<RecordReader> reader =
      source.file.empty() ? MakeRecordReader(inline_text, InputFormat::kJson,
                                             source.span.Location(), engine.schema(), {})
                          : OpenRecordReader(source.file, engine.schema(), {}, &error);
  InputRecord input;
  if (reader == nullptr || !reader->Next(input) || input.error) return std::nullopt;
  return input;
}

// The ids of the rules with a finding.
std::set<std::string> FiredRules(const std::vector<Finding>& findings) {
  std::set<std::string> rules;
  for (const Finding& finding : findings) rules.insert(finding.rule->id);
  return rules;
}

// Judges every test record of `engine`'s rulesets in kFull and in kVerdict, on the date of
// each test, and compares; returns the number of findings compared.
int CompareDetails(const Engine& engine) {
  int compared = 0;
  for (const CheckedTest& test : engine.program().tests()) {
    JudgeOptions full;
    if (!test.market.empty()) full.markets = {test.market};
    full.as_of = test.as_of;
    JudgeOptions lean = full;
    lean.detail = FindingDetail::kVerdict;
    for (const CheckedTestRecord& source : test.records) {
      const std::optional<InputRecord> read = FirstRecord(engine, source);
      if (!read) continue;
      const InputRecord& input = *read;
      const std::string id = input.id.value_or("");
      const RecordJudgement expected = engine.Judge(input.record, *input.kind, id, full);
      const RecordJudgement judged = engine.Judge(input.record, *input.kind, id, lean);
      const std::string where = test.ruleset + ": test \"" + test.name + "\"";
      EXPECT_EQ(judged.as_of, expected.as_of) << where;
      EXPECT_EQ(judged.results.size(), expected.results.size()) << where;
      for (std::size_t r = 0; r < std::min(judged.results.size(), expected.results.size()); ++r) {
        const MarketJudgement& want = expected.results[r];
        const MarketJudgement& got = judged.results[r];
        const std::string market = where + ", market " + want.market;
        EXPECT_EQ(got.market, want.market) << market;
        EXPECT_EQ(got.verdict, want.verdict) << market;
        EXPECT_EQ(got.coverage, want.coverage) << market;
        EXPECT_EQ(got.notes, want.notes) << market;
        // A group market combines its members' findings by message: the lean ones, which have
        // none, may be fewer, but name the same rules.
        if (want.findings.size() != got.findings.size()) {
          EXPECT_EQ(FiredRules(got.findings), FiredRules(want.findings)) << market;
          continue;
        }
        for (std::size_t f = 0; f < want.findings.size(); ++f) {
          const Finding& a = want.findings[f];
          const Finding& b = got.findings[f];
          const std::string finding = market + ", finding of " + a.rule->id;
          ++compared;
          EXPECT_EQ(b.rule, a.rule) << finding;
          EXPECT_EQ(b.basis, a.basis) << finding;
          EXPECT_EQ(b.overrides, a.overrides) << finding;
          EXPECT_EQ(b.held_back, a.held_back) << finding;
          EXPECT_EQ(b.waived.has_value(), a.waived.has_value()) << finding;
          if (a.basis != Basis::kViolation) {
            EXPECT_EQ(b.paths, a.paths) << finding;
            EXPECT_EQ(b.missing, a.missing) << finding;
            EXPECT_EQ(b.reason, a.reason) << finding;
            EXPECT_EQ(b.notes, a.notes) << finding;
          } else {
            EXPECT_TRUE(b.paths.empty()) << finding;
            EXPECT_FALSE(b.value.has_value()) << finding;
          }
          if (a.held_back.empty()) {
            EXPECT_TRUE(b.message.empty()) << finding;
            EXPECT_TRUE(b.fix.empty()) << finding;
          }
        }
      }
    }
  }
  return compared;
}

std::unique_ptr<const Engine> Compile(std::vector<std::string> rule_paths) {
  const BuiltinPlugins builtin;
  EngineOptions options;
  options.plugins = builtin.plugins();
  options.rule_paths = std::move(rule_paths);
  options.data_directory = TRADELINT_SOURCE_DIR;
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = Engine::Compile(options, diagnostics);
  EXPECT_NE(engine, nullptr) << diagnostics.RenderAll();
  return engine;
}

TEST(FindingDetail, VerdictDetailJudgesTheConformanceCasesAsFullDetail) {
  const std::unique_ptr<const Engine> engine = Compile({TRADELINT_SOURCE_DIR "/tests/conformance"});
  ASSERT_NE(engine, nullptr);
  EXPECT_GT(CompareDetails(*engine), 100);
}

TEST(FindingDetail, VerdictDetailJudgesTheBundledRuleTestsAsFullDetail) {
  const std::unique_ptr<const Engine> engine = Compile({});
  ASSERT_NE(engine, nullptr);
  EXPECT_GT(CompareDetails(*engine), 100);
}

}  // namespace
}  // namespace tradelint
