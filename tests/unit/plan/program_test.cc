// Program::Select: which rules judge a (record kind, market, date), with dates in force,
// jurisdiction composition and overrides; Program::Covers; the planner's prepared states.
#include "engine/plan/program.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "engine/api/engine.h"
#include "plugins/builtin_plugins.h"
#include "tests/unit/api/inline_rules.h"

namespace tradelint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ProgramSelect : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    const BuiltinPlugins builtin;
    EngineOptions options;
    options.plugins = builtin.plugins();
    options.data_directory = TRADELINT_SOURCE_DIR;
    options.rule_paths = {TRADELINT_SOURCE_DIR "/tests/unit/plan/data"};
    Diagnostics diagnostics;
    engine_ = Engine::Compile(options, diagnostics).release();
    ASSERT_NE(engine_, nullptr) << diagnostics.RenderAll();
  }
  static void TearDownTestSuite() { delete engine_; }

  static std::vector<std::string> Selected(RecordKind kind, std::string_view market,
                                           std::string_view date) {
    std::vector<std::string> ids;
    for (const SelectedRule& selected :
         engine_->program().Select(kind, market, *Date::Parse(date))->rules) {
      ids.push_back(selected.rule->id);
    }
    return ids;
  }

  static const Engine* engine_;
};
const Engine* ProgramSelect::engine_ = nullptr;

TEST_F(ProgramSelect, AMemberStateTakesTheGroupsRules) {
  EXPECT_THAT(Selected(RecordKind::kListing, "DE", "2024-03-01"),
              ElementsAre("plan.eu.group_rule"));
}

TEST_F(ProgramSelect, RulesApplyOnlyOnTheirDatesBothEndsInclusive) {
  EXPECT_THAT(Selected(RecordKind::kListing, "DE", "2024-12-31"),
              ElementsAre("plan.eu.group_rule"));
  EXPECT_THAT(Selected(RecordKind::kListing, "DE", "2025-01-01"),
              ElementsAre("plan.eu.group_rule", "plan.eu.late_rule"));
  EXPECT_THAT(Selected(RecordKind::kListing, "DE", "2025-12-31"),
              ElementsAre("plan.eu.group_rule", "plan.eu.late_rule"));
  EXPECT_THAT(Selected(RecordKind::kListing, "DE", "2026-01-01"),
              ElementsAre("plan.eu.group_rule"));
  EXPECT_THAT(Selected(RecordKind::kListing, "DE", "2023-12-31"), IsEmpty());
}

TEST_F(ProgramSelect, RulesAreIndexedByRecordKind) {
  EXPECT_THAT(Selected(RecordKind::kSeller, "DE", "2024-03-01"),
              ElementsAre("plan.eu.seller_rule"));
  EXPECT_THAT(Selected(RecordKind::kTransaction, "DE", "2024-03-01"), IsEmpty());
}

TEST_F(ProgramSelect, ANationalRuleReplacesTheGroupRuleInsideItsJurisdiction) {
  const std::vector<SelectedRule> selected =
      engine_->program().Select(RecordKind::kListing, "FR", *Date::Parse("2024-07-01"))->rules;
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0].rule->id, "plan.fr.national_rule");
  EXPECT_THAT(selected[0].overrides, ElementsAre("plan.eu.group_rule"));
}

TEST_F(ProgramSelect, TheGroupRuleStaysUntilTheNationalRuleIsInForce) {
  EXPECT_THAT(Selected(RecordKind::kListing, "FR", "2024-05-31"),
              ElementsAre("plan.eu.group_rule"));
}

TEST_F(ProgramSelect, AWiderMarketTakesBothWithoutOverride) {
  const std::vector<SelectedRule> selected =
      engine_->program().Select(RecordKind::kListing, "EU", *Date::Parse("2024-07-01"))->rules;
  ASSERT_EQ(selected.size(), 2u);
  EXPECT_EQ(selected[0].rule->id, "plan.eu.group_rule");
  EXPECT_EQ(selected[1].rule->id, "plan.fr.national_rule");
  EXPECT_THAT(selected[1].overrides, IsEmpty());
}

TEST_F(ProgramSelect, ACountryReachesItsSubdivisionsRules) {
  EXPECT_THAT(Selected(RecordKind::kListing, "US", "2024-07-01"),
              ElementsAre("plan.us_ca.california_rule"));
  EXPECT_THAT(Selected(RecordKind::kListing, "US-CA", "2024-07-01"),
              ElementsAre("plan.us_ca.california_rule"));
  EXPECT_THAT(Selected(RecordKind::kListing, "US-TX", "2024-07-01"), IsEmpty());
}

TEST_F(ProgramSelect, ASelectionIsCoveredOnlyByRulesOfTheMarketsOwnRulesets) {
  const Date date = *Date::Parse("2024-07-01");
  auto covered = [&](RecordKind kind, std::string_view market) {
    return engine_->program().Select(kind, market, date)->covered;
  };
  EXPECT_TRUE(covered(RecordKind::kListing, "DE"));
  EXPECT_TRUE(covered(RecordKind::kListing, "US"));
  EXPECT_FALSE(covered(RecordKind::kListing, "MX"));
  EXPECT_FALSE(covered(RecordKind::kListing, "US-TX"));
  // No rule for transactions in these rulesets: no market is covered for them.
  EXPECT_FALSE(covered(RecordKind::kTransaction, "DE"));
}

TEST(Planner, AnInvalidRegularExpressionIsADiagnostic) {
  Diagnostics diagnostics;
  const InlineRules rules(
      "bad-regex",
      {{"bad_regex.trl",
        "ruleset plan.regex { jurisdiction EU }\n"
        "rule r \"r\" { applies to listing domain ip severity error cite \"c\"\n"
        "  forbid matches(title, r\"(unclosed\") message \"m\" }\n"}},
      diagnostics);
  EXPECT_EQ(rules.engine(), nullptr);
  ASSERT_EQ(diagnostics.error_count(), 1) << diagnostics.RenderAll();
  EXPECT_EQ(diagnostics.all()[0].code, "invalid_argument");
  // The span is the pattern argument.
  EXPECT_EQ(diagnostics.all()[0].span.Location(),
            (rules.directory() / "bad_regex.trl").string() + ":3:25");
}

TEST(Planner, CallsWithEqualConstantArgumentsShareOnePreparedState) {
  Diagnostics diagnostics;
  const InlineRules rules(
      "shared-prepare",
      {{"shared_prepare.trl",
        "ruleset plan.shared { jurisdiction EU }\n"
        "def says(t) = matches(t, r\"(?i)hurry\")\n"
        "rule a \"a\" { applies to listing domain ip severity error cite \"c\"\n"
        "  forbid says(title) message \"m\" }\n"
        "rule b \"b\" { applies to listing domain ip severity error cite \"c\"\n"
        "  forbid says(description) message \"m\" }\n"
        "rule c \"c\" { applies to listing domain ip severity error cite \"c\"\n"
        "  forbid matches(title, r\"(?i)last chance\") message \"m\" }\n"}},
      diagnostics);
  const Engine* engine = rules.engine();
  ASSERT_NE(engine, nullptr) << diagnostics.RenderAll();
  std::map<std::string, const void*> prepared;
  for (const CheckedRule* rule : engine->program().rules()) {
    prepared[rule->id] = rule->obligation->prepared.get();
  }
  ASSERT_NE(prepared["plan.shared.a"], nullptr);
  // The definition expanded in two rules: one regular expression, built once.
  EXPECT_EQ(prepared["plan.shared.a"], prepared["plan.shared.b"]);
  // Another pattern: its own.
  EXPECT_NE(prepared["plan.shared.a"], prepared["plan.shared.c"]);
}

}  // namespace
}  // namespace tradelint
