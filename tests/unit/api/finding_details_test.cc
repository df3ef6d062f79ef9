// What a finding says beyond its rule and basis, which the rulesets' own tests cannot see
// (docs/language.md: Missing data, Money, Rules, Override): the paths that decided it with
// concrete list indexes, the absent fields, the notes of conversions, the message and fix in
// the requested language with `{expr}` interpolated, the rules an override replaced, and the
// verdict each severity gives.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/json/json.h"
#include "tests/unit/api/inline_rules.h"

namespace tradelint {
namespace {

using testing::Contains;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;
using testing::UnorderedElementsAre;

// Each rule applies only to records whose `x_case` names it, so that a record meets one rule.
constexpr char kGroupRuleset[] = R"(
ruleset details.group {
  title        "Finding details: group rules"
  jurisdiction EU
  instrument   "Test rules: no version, a draft not held to `ref`"
}

const CEILING = EUR 150

rule all_german "all" {
  applies to listing
  domain     product_safety
  severity   error
  cite       "test"
  when       x_case == "all_german"
  require    all w in product.warnings: w.language == "de"
  message    "warnings in German"
}

rule any_german "any" {
  applies to listing
  domain     product_safety
  severity   error
  cite       "test"
  when       x_case == "any_german"
  require    any w in product.warnings: w.language == "de"
  message    "a warning in German"
}

rule new_with_vat "and" {
  applies to listing
  domain     consumer_protection
  severity   error
  cite       "test"
  when       x_case == "new_with_vat"
  require    offer.condition == "new" and offer.includes_vat == true
  message    "new goods with VAT"
}

rule new_or_vat "or" {
  applies to listing
  domain     consumer_protection
  severity   error
  cite       "test"
  when       x_case == "new_or_vat"
  require    offer.condition == "new" or offer.includes_vat == true
  message    "new goods or VAT"
}

rule contact "present" {
  applies to listing
  domain     product_safety
  severity   error
  cite       "test"
  when       x_case == "contact"
  require    present(product.manufacturer.name) and present(product.manufacturer.postal_address)
  message    "name the manufacturer with its address"
}

rule warning_languages "present on a fan-out path" {
  applies to listing
  domain     product_safety
  severity   error
  cite       "test"
  when       x_case == "warning_languages"
  require    present(product.warnings[*].language)
  message    "every warning names its language"
}

rule reduction_prior_price "scope" {
  applies to listing
  domain     consumer_protection
  severity   error
  cite       "test"
  when       x_case == "reduction_prior_price"
  when       offer.reduction_announced == true
  require    present(offer.prior_price)
  message    "show the prior price"
}

rule price_ceiling "convert, interpolation and languages" {
  applies to listing
  domain     customs_tax
  severity   warning
  cite       "test"
  when       x_case == "price_ceiling"
  require    convert(offer.price, EUR) <= CEILING
  message    "the price {convert(offer.price, EUR)} is above {CEILING}; {{braces}} stay; brand: {product.brand.name}"
  message de "Der Preis {convert(offer.price, EUR)} liegt über {CEILING}; Marke: {product.brand.name}"
  fix        "lower the price"
  fix de     "Preis senken"
}

rule info_note "severity info" {
  applies to listing
  domain     consumer_protection
  severity   info
  cite       "test"
  when       x_case == "severities"
  require    x_info_ok == true
  message    "info"
}

rule warning_note "severity warning" {
  applies to listing
  domain     consumer_protection
  severity   warning
  cite       "test"
  when       x_case == "severities"
  require    x_warning_ok == true
  message    "warning"
}

rule error_note "severity error" {
  applies to listing
  domain     consumer_protection
  severity   error
  cite       "test"
  when       x_case == "severities"
  require    x_error_ok == true
  message    "error"
}

rule consent "the group rule an override replaces" {
  applies to transaction
  domain     privacy
  severity   error
  cite       "test"
  when       x_case == "consent"
  require    buyer.age_years >= 16
  message    "under 16"
}
)";

constexpr char kNationalRuleset[] = R"(
ruleset details.national {
  title        "Finding details: a national override"
  jurisdiction FR
  instrument   "Test rules: no version, a draft not held to `ref`"
}

rule consent "the national rule" {
  applies to transaction
  domain     privacy
  severity   error
  cite       "test"
  override   details.group.consent
  when       x_case == "consent"
  require    buyer.age_years >= 15
  message    "under 15"
}
)";

class FindingDetails : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diagnostics;
    rules_ = new InlineRules("finding-details",
                             {{"group.trl", kGroupRuleset}, {"national.trl", kNationalRuleset}},
                             diagnostics);
    engine_ = rules_->engine();
    ASSERT_NE(engine_, nullptr) << diagnostics.RenderAll();
    ASSERT_TRUE(diagnostics.all().empty()) << diagnostics.RenderAll();
  }

  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
    engine_ = nullptr;
  }

  // The findings for a listing (or, with `kind`, another record) given as JSON text.
  static std::vector<Finding> Check(const std::string& json, const std::string& market = "DE",
                                    const std::string& language = "en",
                                    RecordKind kind = RecordKind::kListing,
                                    const std::string& as_of = "2025-03-01") {
    JsonResult parsed = ParseJson(json);
    EXPECT_TRUE(std::holds_alternative<Value>(parsed)) << json;
    if (!std::holds_alternative<Value>(parsed)) return {};
    return engine_->Evaluate(std::get<Value>(parsed), kind, market, *Date::Parse(as_of), language)
        .findings;
  }

  // The one finding of `rule` (a rule id of details.group unless dotted).
  static Finding Only(const std::vector<Finding>& findings, const std::string& rule) {
    const std::string id = rule.find('.') == std::string::npos ? "details.group." + rule : rule;
    const Finding* match = nullptr;
    for (const Finding& finding : findings) {
      if (finding.rule->id != id) continue;
      EXPECT_EQ(match, nullptr) << "two findings from " << id;
      match = &finding;
    }
    if (match == nullptr) {
      ADD_FAILURE() << "no finding from " << id;
      return Finding();
    }
    return *match;
  }

  static bool HasFinding(const std::vector<Finding>& findings, const std::string& id) {
    for (const Finding& finding : findings) {
      if (finding.rule->id == id) return true;
    }
    return false;
  }

  static InlineRules* rules_;
  static const Engine* engine_;
};

InlineRules* FindingDetails::rules_ = nullptr;
const Engine* FindingDetails::engine_ = nullptr;

TEST_F(FindingDetails, AllNamesTheElementThatFailedWithItsIndex) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "all_german",
      "product": {"warnings": [{"type": "choking_hazard", "language": "de"},
                               {"type": "choking_hazard", "language": "en"},
                               {"type": "choking_hazard", "language": "de"}]}})"),
                               "all_german");
  EXPECT_EQ(finding.basis, Basis::kViolation);
  EXPECT_THAT(finding.paths, Contains("product.warnings[1].language"));
  EXPECT_THAT(finding.paths, Not(Contains("product.warnings[0].language")));
  EXPECT_THAT(finding.paths, Not(Contains("product.warnings[2].language")));
  EXPECT_THAT(finding.missing, IsEmpty());
}

TEST_F(FindingDetails, AnyNamesEveryElement) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "any_german",
      "product": {"warnings": [{"type": "choking_hazard", "language": "en"},
                               {"type": "choking_hazard", "language": "fr"}]}})"),
                               "any_german");
  EXPECT_EQ(finding.basis, Basis::kViolation);
  EXPECT_THAT(finding.paths, Contains("product.warnings[0].language"));
  EXPECT_THAT(finding.paths, Contains("product.warnings[1].language"));
}

TEST_F(FindingDetails, AndNamesOnlyTheOperandThatDecided) {
  const Finding vat = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "new_with_vat",
      "offer": {"condition": "new", "includes_vat": false}})"),
                           "new_with_vat");
  EXPECT_THAT(vat.paths, ElementsAre("offer.includes_vat"));
  const Finding condition = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "new_with_vat",
      "offer": {"condition": "used", "includes_vat": true}})"),
                                 "new_with_vat");
  EXPECT_THAT(condition.paths, ElementsAre("offer.condition"));
}

TEST_F(FindingDetails, AndWithAnUnknownOperandIsDecidedByTheFalseOne) {
  // `unknown and false` is false: the data shows the requirement unmet. The unknown operand
  // is still named: the seller has to supply it too.
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "new_with_vat",
      "offer": {"includes_vat": false}})"),
                               "new_with_vat");
  EXPECT_EQ(finding.basis, Basis::kViolation);
  EXPECT_THAT(finding.paths, UnorderedElementsAre("offer.condition", "offer.includes_vat"));
  EXPECT_THAT(finding.missing, ElementsAre("offer.condition"));
}

TEST_F(FindingDetails, AndWithAnUnknownOperandAndATrueOneIsMissingData) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "new_with_vat",
      "offer": {"includes_vat": true}})"),
                               "new_with_vat");
  EXPECT_EQ(finding.basis, Basis::kMissingData);
  EXPECT_THAT(finding.missing, ElementsAre("offer.condition"));
}

TEST_F(FindingDetails, OrNamesBothOperandsWhenBothAreFalse) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "new_or_vat",
      "offer": {"condition": "used", "includes_vat": false}})"),
                               "new_or_vat");
  EXPECT_EQ(finding.basis, Basis::kViolation);
  EXPECT_THAT(finding.paths, UnorderedElementsAre("offer.condition", "offer.includes_vat"));
}

TEST_F(FindingDetails, MissingNamesTheAbsentFields) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "contact",
      "product": {"manufacturer": {"name": "Acme"}}})"),
                               "contact");
  EXPECT_EQ(finding.basis, Basis::kMissingData);
  EXPECT_THAT(finding.missing, ElementsAre("product.manufacturer.postal_address"));
  EXPECT_THAT(finding.paths, Contains("product.manufacturer.postal_address"));
}

TEST_F(FindingDetails, MissingNamesTheElementOfAFanOutWithItsIndex) {
  const Finding finding =
      Only(Check(R"({"kind": "listing", "id": "A", "x_case": "warning_languages",
      "product": {"warnings": [{"type": "choking_hazard", "language": "de"},
                               {"type": "general_safety"}]}})"),
           "warning_languages");
  EXPECT_EQ(finding.basis, Basis::kMissingData);
  EXPECT_THAT(finding.missing, ElementsAre("product.warnings[1].language"));
}

TEST_F(FindingDetails, UnknownScopeNamesTheFieldsTheScopeNeeded) {
  const Finding finding =
      Only(Check(R"({"kind": "listing", "id": "A", "x_case": "reduction_prior_price",
      "offer": {}})"),
           "reduction_prior_price");
  EXPECT_EQ(finding.basis, Basis::kMissingData);
  EXPECT_THAT(finding.missing, Contains("offer.reduction_announced"));
  EXPECT_THAT(finding.missing, Contains("offer.prior_price"));
}

TEST_F(FindingDetails, UnknownScopeWithACompliantRecordReportsNothing) {
  const std::vector<Finding> findings = Check(R"({"kind": "listing", "id": "A",
      "x_case": "reduction_prior_price", "offer": {"prior_price": {"amount": 10, "currency": "EUR"}}})");
  EXPECT_FALSE(HasFinding(findings, "details.group.reduction_prior_price"));
}

TEST_F(FindingDetails, ConvertNamesTheRateDateInTheNotes) {
  // USD 200 at the rate of 2025-02-28 (1 EUR = 1.0411 USD), the latest on or before 2025-03-01.
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "price_ceiling",
      "offer": {"price": {"amount": 200, "currency": "USD"}}})"),
                               "price_ceiling");
  EXPECT_EQ(finding.basis, Basis::kViolation);
  ASSERT_EQ(finding.notes.size(), 1u);
  EXPECT_THAT(finding.notes[0], HasSubstr("2025-02-28"));
  EXPECT_THAT(finding.notes[0], HasSubstr("1.0411"));
  EXPECT_THAT(finding.paths, Contains("offer.price"));
}

TEST_F(FindingDetails, MessageInterpolatesValuesAndWritesBraces) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "price_ceiling",
      "offer": {"price": {"amount": 200, "currency": "USD"}}, "product": {"brand": {"name": "Zentora"}}})"),
                               "price_ceiling");
  EXPECT_EQ(finding.message,
            "the price EUR 192.10 is above EUR 150; {braces} stay; brand: Zentora");
  EXPECT_EQ(finding.fix, "lower the price");
}

TEST_F(FindingDetails, MessageShowsAFieldTheRecordLeavesOutAsNotStated) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "price_ceiling",
      "offer": {"price": {"amount": 150.01, "currency": "EUR"}}})"),
                               "price_ceiling");
  EXPECT_EQ(finding.message,
            "the price EUR 150.01 is above EUR 150; {braces} stay; brand: not stated");
}

TEST_F(FindingDetails, MessageAndFixInTheRequestedLanguage) {
  const std::string record = R"({"kind": "listing", "id": "A", "x_case": "price_ceiling",
      "offer": {"price": {"amount": 150.01, "currency": "EUR"}}})";
  const Finding german = Only(Check(record, "DE", "de"), "price_ceiling");
  EXPECT_EQ(german.message, "Der Preis EUR 150.01 liegt über EUR 150; Marke: nicht angegeben");
  EXPECT_EQ(german.fix, "Preis senken");
}

TEST_F(FindingDetails, RegionalTagFallsBackToItsLanguage) {
  const Finding finding = Only(Check(R"({"kind": "listing", "id": "A", "x_case": "price_ceiling",
      "offer": {"price": {"amount": 150.01, "currency": "EUR"}}})",
                                     "AT", "de-AT"),
                               "price_ceiling");
  EXPECT_EQ(finding.message, "Der Preis EUR 150.01 liegt über EUR 150; Marke: nicht angegeben");
  EXPECT_EQ(finding.fix, "Preis senken");
}

TEST_F(FindingDetails, LanguageWithoutATextFallsBackToEnglish) {
  const std::string record = R"({"kind": "listing", "id": "A", "x_case": "price_ceiling",
      "offer": {"price": {"amount": 150.01, "currency": "EUR"}}, "product": {"brand": {"name": "Z"}}})";
  const std::string english = "the price EUR 150.01 is above EUR 150; {braces} stay; brand: Z";
  EXPECT_EQ(Only(Check(record, "FR", "fr"), "price_ceiling").message, english);
  EXPECT_EQ(Only(Check(record, "FR", "fr"), "price_ceiling").fix, "lower the price");
  EXPECT_EQ(Only(Check(record, "DE", ""), "price_ceiling").message, english);
  EXPECT_EQ(Only(Check(record, "DE", "zz-Latn"), "price_ceiling").message, english);
}

TEST_F(FindingDetails, OverrideInsideTheNationalMarketListsTheReplacedRule) {
  const std::string record = R"({"kind": "transaction", "id": "T", "x_case": "consent",
      "created_at": "2025-03-01T10:00:00Z", "buyer": {"country": "FR", "age_years": 14}})";
  const std::vector<Finding> findings = Check(record, "FR", "en", RecordKind::kTransaction);
  EXPECT_THAT(Only(findings, "details.national.consent").overrides,
              ElementsAre("details.group.consent"));
  EXPECT_FALSE(HasFinding(findings, "details.group.consent"));
}

TEST_F(FindingDetails, WiderMarketJudgesBothRulesWithoutOverrides) {
  const std::string record = R"({"kind": "transaction", "id": "T", "x_case": "consent",
      "created_at": "2025-03-01T10:00:00Z", "buyer": {"country": "FR", "age_years": 14}})";
  const std::vector<Finding> findings = Check(record, "EU", "en", RecordKind::kTransaction);
  EXPECT_THAT(Only(findings, "details.national.consent").overrides, IsEmpty());
  EXPECT_THAT(Only(findings, "details.group.consent").overrides, IsEmpty());
}

struct SeverityCase {
  const char* flags;  // the x_*_ok fields of the record
  Verdict verdict;
};

class Verdicts : public FindingDetails, public testing::WithParamInterface<SeverityCase> {};

TEST_P(Verdicts, FollowTheWorstSeverity) {
  const std::vector<Finding> findings =
      Check(std::string(R"({"kind": "listing", "id": "V", "x_case": "severities", )") +
            GetParam().flags + "}");
  EXPECT_EQ(VerdictOf(findings), GetParam().verdict) << GetParam().flags;
}

INSTANTIATE_TEST_SUITE_P(
    Severities, Verdicts,
    testing::Values(SeverityCase{R"("x_info_ok": true, "x_warning_ok": true, "x_error_ok": true)",
                                 Verdict::kPass},
                    SeverityCase{R"("x_info_ok": false, "x_warning_ok": true, "x_error_ok": true)",
                                 Verdict::kPass},
                    SeverityCase{R"("x_info_ok": false, "x_warning_ok": false, "x_error_ok": true)",
                                 Verdict::kWarn},
                    SeverityCase{R"("x_info_ok": true, "x_warning_ok": true, "x_error_ok": false)",
                                 Verdict::kFail},
                    SeverityCase{
                        R"("x_info_ok": false, "x_warning_ok": false, "x_error_ok": false)",
                        Verdict::kFail},
                    // A missing_data finding counts like a violation.
                    SeverityCase{R"("x_info_ok": true, "x_warning_ok": true)", Verdict::kFail},
                    SeverityCase{R"("x_info_ok": true, "x_error_ok": true)", Verdict::kWarn}));

TEST(VerdictNames, AreTheContractWords) {
  EXPECT_EQ(VerdictName(Verdict::kPass), "pass");
  EXPECT_EQ(VerdictName(Verdict::kWarn), "warn");
  EXPECT_EQ(VerdictName(Verdict::kFail), "fail");
  EXPECT_EQ(VerdictName(Verdict::kInvalid), "invalid");
  EXPECT_EQ(BasisName(Basis::kViolation), "violation");
  EXPECT_EQ(BasisName(Basis::kMissingData), "missing_data");
  EXPECT_EQ(VerdictOf({}), Verdict::kPass);
}

}  // namespace
}  // namespace tradelint
