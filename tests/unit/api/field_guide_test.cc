// What `tradelint fields` and `tradelint init` take from the rules (engine/api/rule_fields.h,
// field_guide.h, starter_record.h): the fields a rule reads by their part, alternatives under
// `or`, fields to leave out, paths through quantifiers, which rules a request's markets and
// categories keep, and a starter record that never validates until filled.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/field_guide.h"
#include "engine/api/rule_fields.h"
#include "engine/api/starter_record.h"
#include "engine/input/record_reader.h"
#include "tests/unit/api/inline_rules.h"

namespace tradelint {
namespace {

using testing::ElementsAre;
using testing::IsEmpty;

constexpr char kRuleset[] = R"(
ruleset guide.eu {
  title        "Field guide fixtures"
  jurisdiction EU
  instrument   "Test rules: no version, a draft not held to `ref`"
  scope        product.regulated_as
}

rule contact "Manufacturer contact" {
  applies to listing
  domain     product_safety
  severity   error
  cite       "test"
  when       present(product.regulated_as) and "toy" in product.regulated_as
  require    present(product.manufacturer.name)
             and (present(product.manufacturer.email) or present(product.manufacturer.url))
  message    "contact"
}

rule no_replica "No replica" {
  applies to listing
  domain     ip
  severity   error
  cite       "test"
  forbid     present(x_replica_of)
  message    "replica"
}

rule warnings "Warnings in German" {
  applies to listing
  domain     product_safety
  severity   warning
  cite       "test"
  unless     offer.condition == "used"
  require    all w in product.warnings: w.language == "de"
  message    "German"
}

rule cosmetic "Cosmetic" {
  applies to listing
  domain     product_safety
  severity   error
  cite       "test"
  when       present(product.regulated_as) and "cosmetic" in product.regulated_as
  require    present(product.cosmetic)
  message    "ingredients"
}
)";

TEST(FirstSentenceTest, EndsAtTheFirstFullStopOutsideBracketsAndAbbreviations) {
  EXPECT_EQ(FirstSentence("Legal name. Used on labels."), "Legal name.");
  EXPECT_EQ(FirstSentence("ISO 3166-1 country (e.g. DE). Most rules test it."),
            "ISO 3166-1 country (e.g. DE).");
  EXPECT_EQ(FirstSentence("Laboratory id, e.g. a CPSC number. More."),
            "Laboratory id, e.g. a CPSC number.");
  EXPECT_EQ(FirstSentence("As in Art. 9 of the GPSR. More."), "As in Art. 9 of the GPSR.");
  EXPECT_EQ(FirstSentence("Made by J. Smith Ltd. More."), "Made by J. Smith Ltd.");
  EXPECT_EQ(FirstSentence("No full stop here"), "No full stop here");
  EXPECT_EQ(FirstSentence("Ends with one."), "Ends with one.");
}

class FieldGuideTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diagnostics;
    rules_ = new InlineRules("field-guide", {{"guide.trl", kRuleset}}, diagnostics);
    engine_ = rules_->engine();
    ASSERT_NE(engine_, nullptr) << diagnostics.RenderAll();
  }

  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
    engine_ = nullptr;
  }

  static const CheckedRule& Rule(const std::string& id) {
    for (const CheckedRule* rule : engine_->program().rules()) {
      if (rule->id == id) return *rule;
    }
    ADD_FAILURE() << "no rule " << id;
    std::abort();
  }

  static std::vector<std::string> RuleIds(const FieldGuide& guide) {
    std::vector<std::string> ids;
    for (const GuidedRule& guided : guide.rules) ids.push_back(guided.rule->id);
    return ids;
  }

  static FieldGuideRequest Request(std::vector<std::string> markets,
                                   std::vector<std::string> categories) {
    return {RecordKind::kListing, std::move(markets), std::move(categories),
            *Date::Parse("2026-06-01")};
  }

  static inline const Engine* engine_ = nullptr;
  static inline InlineRules* rules_ = nullptr;
};

TEST_F(FieldGuideTest, AlternativesUnderOrFormOneGroup) {
  const RuleFields fields = FieldsOf(Rule("guide.eu.contact"));
  EXPECT_THAT(fields.scope, ElementsAre("product.regulated_as"));
  EXPECT_THAT(fields.required, ElementsAre(ElementsAre(ElementsAre("product.manufacturer.name")),
                                           ElementsAre(ElementsAre("product.manufacturer.email"),
                                                       ElementsAre("product.manufacturer.url"))));
  EXPECT_THAT(fields.absent, IsEmpty());
}

TEST_F(FieldGuideTest, ForbiddenPresenceIsAFieldToLeaveOut) {
  const RuleFields fields = FieldsOf(Rule("guide.eu.no_replica"));
  EXPECT_THAT(fields.required, IsEmpty());
  EXPECT_THAT(fields.absent, ElementsAre("x_replica_of"));
}

TEST_F(FieldGuideTest, QuantifiedPathsAreWrittenFromTheRoot) {
  const RuleFields fields = FieldsOf(Rule("guide.eu.warnings"));
  EXPECT_THAT(fields.scope, ElementsAre("offer.condition"));
  EXPECT_THAT(fields.required,
              ElementsAre(ElementsAre(ElementsAre("product.warnings[*].language"))));
}

TEST_F(FieldGuideTest, CategoriesKeepTheirRulesAndDropOthers) {
  const FieldGuide toy = BuildFieldGuide(*engine_, Request({"DE", "FR"}, {"toy"}));
  EXPECT_THAT(RuleIds(toy),
              ElementsAre("guide.eu.contact", "guide.eu.no_replica", "guide.eu.warnings"));
  EXPECT_THAT(toy.rules[0].markets, ElementsAre("DE", "FR"));
  const FieldGuide none = BuildFieldGuide(*engine_, Request({"DE"}, {}));
  EXPECT_THAT(RuleIds(none), ElementsAre("guide.eu.no_replica", "guide.eu.warnings"));
  // Fields to leave out are not fields to fill.
  for (const GuidedField& field : none.fields) EXPECT_NE(field.path, "x_replica_of");
}

TEST_F(FieldGuideTest, GroupsStandForTheirMembersAndOtherMarketsHaveNoRules) {
  const FieldGuide eu = BuildFieldGuide(*engine_, Request({"EU"}, {"cosmetic"}));
  EXPECT_EQ(eu.markets.size(), 27u);
  EXPECT_THAT(RuleIds(eu),
              ElementsAre("guide.eu.no_replica", "guide.eu.warnings", "guide.eu.cosmetic"));
  EXPECT_THAT(RuleIds(BuildFieldGuide(*engine_, Request({"US"}, {"toy"}))), IsEmpty());
}

TEST_F(FieldGuideTest, StarterNamesEveryFieldAndNeverValidates) {
  const FieldGuideRequest request = Request({"DE"}, {"toy"});
  const std::string starter = StarterRecordJson(BuildFieldGuide(*engine_, request), request);
  for (const char* field : {"\"manufacturer\"", "\"name\"", "\"email\"", "\"url\"", "\"warnings\"",
                            "\"language\"", "\"condition\"", "\"toy\""}) {
    EXPECT_THAT(starter, testing::HasSubstr(field));
  }
  EXPECT_THAT(starter, testing::Not(testing::HasSubstr("x_replica_of")));
  // Read back as a record, every placeholder is a schema violation.
  std::istringstream in(starter);
  const std::unique_ptr<RecordReader> reader =
      MakeRecordReader(in, InputFormat::kJson, "starter.json", engine_->schema(), {});
  InputRecord record;
  ASSERT_TRUE(reader->Next(record));
  ASSERT_TRUE(record.error.has_value());
  EXPECT_EQ(record.error->code, "schema_violation");
  EXPECT_THAT(record.error->paths,
              testing::IsSupersetOf({"product.manufacturer.name", "product.manufacturer.email",
                                     "product.manufacturer.url", "offer.condition",
                                     "product.warnings[0].language"}));
  EXPECT_THAT(record.error->message,
              testing::HasSubstr("`product.manufacturer.name`: not filled in (the placeholder of "
                                 "`tradelint init`): expected a string"));
}

}  // namespace
}  // namespace tradelint
