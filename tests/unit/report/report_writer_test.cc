// The report formats, checked against the shape docs/cli.md gives them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "engine/json/json.h"
#include "engine/report/report_format.h"
#include "engine/report/text_report_writer.h"

namespace tradelint {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportWriterTest : public testing::Test {
 protected:
  ReportWriterTest() {
    rule_.id = "eu.gpsr.manufacturer_contact";
    rule_.ruleset = "eu.gpsr";
    rule_.jurisdiction = "EU";
    rule_.domain = "product_safety";
    rule_.severity = Severity::kError;
    rule_.citation = "Regulation (EU) 2023/988, Art. 19(a)";
    rule_.title = "Manufacturer identity and contact on the offer";
    rule_.ref = "EU-GPSR-19-MFR";
    rule_.responsible = "seller";

    run_.tool_version = "0.1.0";
    RulesetInfo ruleset;
    ruleset.id = "eu.gpsr";
    ruleset.version = "2024-12-13";
    ruleset.jurisdiction = "EU";
    run_.rulesets.push_back(ruleset);
    run_.reference_tables.push_back({"markets", "ISO 3166", "2026-11-01", ""});

    failing_.record_index = 0;
    failing_.kind = RecordKind::kListing;
    failing_.id = "L-1001";
    failing_.source = "listings.jsonl:3";
    failing_.market = "DE";
    failing_.as_of = Date::Parse("2025-03-01");
    failing_.verdict = Verdict::kFail;
    Finding finding;
    finding.rule = &rule_;
    finding.title = rule_.title;
    finding.basis = Basis::kMissingData;
    finding.paths = {"product.manufacturer.postal_address", "product.manufacturer.email"};
    finding.missing = {"product.manufacturer.postal_address"};
    finding.message = "name the manufacturer with a postal and an electronic address";
    finding.fix = "fill product.manufacturer.postal_address";
    failing_.findings.push_back(finding);

    invalid_.record_index = 1;
    invalid_.source = "listings.jsonl:4";
    invalid_.verdict = Verdict::kInvalid;
    invalid_.error = RecordError{"malformed_json", "line 4, column 2: invalid literal", {}, {}};

    summary_.records = 2;
    summary_.Count(failing_);
    summary_.Count(invalid_);
  }

  std::string Write(ReportFormat format) {
    std::ostringstream out;
    std::unique_ptr<ReportWriter> writer = MakeReportWriter(format, out, TextReportOptions{});
    writer->Begin(run_);
    writer->Result(failing_);
    writer->Result(invalid_);
    writer->End(summary_);
    return out.str();
  }

  static Value Parse(const std::string& text) {
    JsonResult parsed = ParseJson(text);
    EXPECT_TRUE(std::holds_alternative<Value>(parsed)) << text;
    return std::holds_alternative<Value>(parsed) ? std::get<Value>(parsed) : Value();
  }

  CheckedRule rule_;
  RunInfo run_;
  RecordResult failing_;
  RecordResult invalid_;
  Summary summary_;
};

TEST_F(ReportWriterTest, JsonIsTheContractsReportObject) {
  const Value report = Parse(Write(ReportFormat::kJson));
  EXPECT_EQ(report.Get("tool").Get("name"), Value("tradelint"));
  EXPECT_EQ(report.Get("rulesets").At(0).Get("id"), Value("eu.gpsr"));
  EXPECT_EQ(report.Get("reference_data").At(0).Get("date"), Value("2026-11-01"));

  const Value& result = report.Get("results").At(0);
  EXPECT_EQ(result.Get("record").Get("kind"), Value("listing"));
  EXPECT_EQ(result.Get("record").Get("id"), Value("L-1001"));
  EXPECT_EQ(result.Get("record").Get("source"), Value("listings.jsonl:3"));
  EXPECT_EQ(result.Get("market"), Value("DE"));
  EXPECT_EQ(result.Get("as_of"), Value("2025-03-01"));
  EXPECT_EQ(result.Get("verdict"), Value("fail"));
  const Value& finding = result.Get("findings").At(0);
  EXPECT_EQ(finding.Get("rule"), Value("eu.gpsr.manufacturer_contact"));
  EXPECT_EQ(finding.Get("ruleset"), Value("eu.gpsr"));
  EXPECT_EQ(finding.Get("jurisdiction"), Value("EU"));
  EXPECT_EQ(finding.Get("domain"), Value("product_safety"));
  EXPECT_EQ(finding.Get("severity"), Value("error"));
  EXPECT_EQ(finding.Get("citation"), Value("Regulation (EU) 2023/988, Art. 19(a)"));
  EXPECT_EQ(finding.Get("basis"), Value("missing_data"));
  EXPECT_EQ(finding.Get("missing").At(0), Value("product.manufacturer.postal_address"));
  EXPECT_EQ(finding.Get("paths").as_list().size(), 2u);
  EXPECT_EQ(finding.Get("ref"), Value("EU-GPSR-19-MFR"));
  EXPECT_EQ(finding.Get("responsible"), Value("seller"));
  EXPECT_TRUE(finding.Get("overrides").is_missing());  // optional fields only when set

  const Value& invalid = report.Get("results").At(1);
  EXPECT_EQ(invalid.Get("verdict"), Value("invalid"));
  EXPECT_TRUE(invalid.Get("market").is_null());
  EXPECT_TRUE(invalid.Get("record").Get("kind").is_null());
  EXPECT_TRUE(invalid.Get("findings").is_list());
  EXPECT_TRUE(invalid.Get("findings").as_list().empty());
  EXPECT_EQ(invalid.Get("error").Get("code"), Value("malformed_json"));

  const Value& summary = report.Get("summary");
  EXPECT_EQ(summary.Get("records"), Value(Decimal(2)));
  EXPECT_EQ(summary.Get("results"), Value(Decimal(2)));
  EXPECT_EQ(summary.Get("invalid"), Value(Decimal(1)));
  EXPECT_EQ(summary.Get("verdicts").Get("fail"), Value(Decimal(1)));
  EXPECT_EQ(summary.Get("verdicts").Get("invalid"), Value(Decimal(1)));
  EXPECT_EQ(summary.Get("by_rule").Get("eu.gpsr.manufacturer_contact").Get("error"),
            Value(Decimal(1)));
  EXPECT_EQ(summary.Get("by_market").Get("DE").Get("warning"), Value(Decimal(0)));
  EXPECT_EQ(summary.Get("by_domain").Get("product_safety").Get("waived"), Value(Decimal(0)));
}

TEST_F(ReportWriterTest, SummaryCountsFindingsBySeverityAndWaivedApart) {
  RecordResult waived = failing_;
  waived.market = "FR";
  waived.findings[0].waived = AppliedWaiver{"on the label", *Date::Parse("2999-12-31"), "qa"};
  summary_.Count(waived);
  EXPECT_EQ(summary_.by_rule["eu.gpsr.manufacturer_contact"],
            (FindingCounts{.error = 1, .warning = 0, .info = 0, .waived = 1}));
  EXPECT_EQ(summary_.by_market["DE"].error, 1);
  EXPECT_EQ(summary_.by_market["FR"].waived, 1);
  EXPECT_EQ(summary_.by_domain.size(), 1u);
}

TEST_F(ReportWriterTest, SarifNamesEachRuleOnceWithItsCitationAndRef) {
  const Value log = Parse(Write(ReportFormat::kSarif));
  EXPECT_EQ(log.Get("version"), Value("2.1.0"));
  const Value& run = log.Get("runs").At(0);
  const Value& finding = run.Get("results").At(0);
  EXPECT_EQ(finding.Get("ruleId"), Value("eu.gpsr.manufacturer_contact"));
  EXPECT_EQ(finding.Get("level"), Value("error"));
  const Value& location = finding.Get("locations").At(0);
  EXPECT_EQ(location.Get("physicalLocation").Get("artifactLocation").Get("uri"),
            Value("listings.jsonl"));
  EXPECT_EQ(location.Get("physicalLocation").Get("region").Get("startLine"), Value(Decimal(3)));
  EXPECT_EQ(location.Get("logicalLocations").At(1).Get("fullyQualifiedName"),
            Value("product.manufacturer.email"));
  const Value& invalid = run.Get("results").At(1);
  EXPECT_EQ(invalid.Get("ruleId"), Value("malformed_json"));
  const Value& rules = run.Get("tool").Get("driver").Get("rules");
  ASSERT_EQ(rules.as_list().size(), 2u);
  EXPECT_EQ(rules.At(0).Get("properties").Get("citation"),
            Value("Regulation (EU) 2023/988, Art. 19(a)"));
  EXPECT_EQ(rules.At(0).Get("properties").Get("ref"), Value("EU-GPSR-19-MFR"));
}

TEST_F(ReportWriterTest, JunitHasAFailurePerFailingResultAndAnErrorPerInvalidRecord) {
  const std::string xml = Write(ReportFormat::kJunit);
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"listings.jsonl\" tests=\"2\" failures=\"1\" "
                             "errors=\"1\" skipped=\"0\""));
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"DE\" name=\"L-1001\""));
  EXPECT_THAT(xml, HasSubstr("<failure type=\"fail\" message=\"1 error finding: "
                             "eu.gpsr.manufacturer_contact\">"));
  EXPECT_THAT(xml, HasSubstr("<error type=\"malformed_json\""));
  EXPECT_THAT(xml, HasSubstr("</testsuites>\n"));
}

TEST_F(ReportWriterTest, IssuesCsvHasOneRowPerRuleAndMarket) {
  EXPECT_EQ(Write(ReportFormat::kIssuesCsv),
            "issue,ref,severity,domain,market,title,citation,attributes,records,waived,"
            "example_record_ids\r\n"
            "eu.gpsr.manufacturer_contact,EU-GPSR-19-MFR,error,product_safety,DE,Manufacturer "
            "identity and contact on the offer,\"Regulation (EU) 2023/988, Art. 19(a)\","
            "product.manufacturer.postal_address product.manufacturer.email,1,0,L-1001\r\n"
            "malformed_json,,error,,,invalid record,,,1,0,listings.jsonl:4\r\n");
}

TEST_F(ReportWriterTest, JsonLinesIsOneResultPerLineAndNothingElse) {
  std::istringstream lines(Write(ReportFormat::kJsonLines));
  std::vector<Value> results;
  for (std::string line; std::getline(lines, line);) results.push_back(Parse(line));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].Get("record").Get("id"), Value("L-1001"));
  EXPECT_EQ(results[1].Get("verdict"), Value("invalid"));
  EXPECT_TRUE(results[0].Get("summary").is_missing());
}

TEST_F(ReportWriterTest, TextGroupsByRecordAndNamesTheLawAndTheFix) {
  const std::string text = Write(ReportFormat::kText);
  EXPECT_THAT(text, HasSubstr("L-1001 (listing, listings.jsonl:3)"));
  EXPECT_THAT(text, HasSubstr("DE: fail, as of 2025-03-01"));
  EXPECT_THAT(text, HasSubstr("Regulation (EU) 2023/988, Art. 19(a)"));
  EXPECT_THAT(text, HasSubstr("fix: fill product.manufacturer.postal_address"));
  EXPECT_THAT(text, HasSubstr("malformed_json"));
  EXPECT_THAT(text, HasSubstr("2 records, 2 results"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));  // no colour unless asked
}

}  // namespace
}  // namespace tradelint
