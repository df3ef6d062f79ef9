// The report formats, checked against the shape docs/cli.md gives them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "engine/json/json.h"
#include "engine/report/html_report_writer.h"
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
  EXPECT_THAT(text, HasSubstr("L-1001 (listing, listings.jsonl:3, as of 2025-03-01)\n"
                              "  DE: fail, rules: 0 in force, "));
  EXPECT_THAT(text, HasSubstr("  DE  error  Manufacturer identity and contact on the offer "
                              "(Regulation (EU) 2023/988, Art. 19(a))\n"
                              "    name the manufacturer with a postal and an electronic address\n"
                              "    fix: fill product.manufacturer.postal_address\n"));
  EXPECT_THAT(text, HasSubstr("  to do:\n    fill in  product.manufacturer: postal_address\n"));
  EXPECT_THAT(text, Not(HasSubstr("EU-GPSR-19-MFR")));  // details are for --verbose
  EXPECT_THAT(text, HasSubstr("malformed_json"));
  EXPECT_THAT(text, HasSubstr("2 records, 2 results"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));  // no colour unless asked
}

TEST_F(ReportWriterTest, TextShowsAFindingSharedByMarketsOnce) {
  RecordResult french = failing_;
  french.market = "FR";
  std::ostringstream out;
  TextReportWriter writer(out, TextReportOptions{});
  writer.Begin(run_);
  writer.Result(failing_);
  writer.Result(french);
  EXPECT_EQ(out.str(), "");  // a record is written when it ends
  writer.RecordEnd();
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("  DE: fail, "));
  EXPECT_THAT(text, HasSubstr("  FR: fail, "));
  EXPECT_THAT(text, HasSubstr("  DE, FR  error  Manufacturer identity"));
  EXPECT_EQ(text.find("Manufacturer identity"), text.rfind("Manufacturer identity"));
  EXPECT_EQ(text.find("fill in  "), text.rfind("fill in  "));
}

TEST_F(ReportWriterTest, VerboseTextShowsEveryDetail) {
  std::ostringstream out;
  TextReportWriter writer(out, TextReportOptions{.verbose = true});
  writer.Result(failing_);
  writer.End(summary_);
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("  DE  error[eu.gpsr.manufacturer_contact] Manufacturer identity"));
  EXPECT_THAT(text, HasSubstr("law: Regulation (EU) 2023/988, Art. 19(a) [EU-GPSR-19-MFR]"));
  EXPECT_THAT(text, HasSubstr("responsible: seller"));
  EXPECT_THAT(text, HasSubstr("fields: product.manufacturer.postal_address, "
                              "product.manufacturer.email"));
  EXPECT_THAT(text, HasSubstr("missing: product.manufacturer.postal_address"));
}

TEST_F(ReportWriterTest, TextSpeaksTheLanguageAsked) {
  std::ostringstream out;
  TextReportWriter writer(out, TextReportOptions{.language = "de-AT"});
  writer.Result(failing_);
  writer.End(summary_);
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("(listing, listings.jsonl:3, Stand 2025-03-01)"));
  EXPECT_THAT(text, HasSubstr("  DE: nicht bestanden, Regeln: 0 in Kraft, "));
  EXPECT_THAT(text, HasSubstr("  DE  Fehler  Manufacturer identity"));
  EXPECT_THAT(text, HasSubstr("    Abhilfe: fill product.manufacturer.postal_address"));
  EXPECT_THAT(text, HasSubstr("  zu erledigen:\n    ausfüllen  product.manufacturer: "));
  EXPECT_THAT(text, HasSubstr("2 Datensätze, 2 Ergebnisse — nicht bestanden: 1, "));
}

TEST_F(ReportWriterTest, TextEscapesRecordData) {
  failing_.id = "L-\x1b[2J";
  failing_.findings[0].message = "text\nforged line \u202e";
  const std::string text = Write(ReportFormat::kText);
  EXPECT_THAT(text, HasSubstr("L-\\x1b[2J"));
  EXPECT_THAT(text, HasSubstr("text\\x0aforged line \\u202e"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
}

// Occurrences of `needle` in `haystack`.
std::size_t Count(const std::string& haystack, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

TEST_F(ReportWriterTest, HtmlIsOneSelfContainedPage) {
  const std::string html = Write(ReportFormat::kHtml);
  EXPECT_THAT(html, testing::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_THAT(html, HasSubstr("content=\"default-src 'none'; style-src 'unsafe-inline'; "
                              "script-src 'unsafe-inline'\""));
  EXPECT_THAT(html, Not(HasSubstr("://")));  // nothing to fetch
  EXPECT_THAT(html, HasSubstr("<details class=\"record\" id=\"r0\" data-markets=\" DE\""));
  EXPECT_THAT(html, HasSubstr("Regulation (EU) 2023/988, Art. 19(a) [EU-GPSR-19-MFR]"));
  EXPECT_THAT(html, HasSubstr("<code>product.manufacturer.postal_address</code>"));
  EXPECT_THAT(html, HasSubstr("malformed_json"));
  EXPECT_EQ(Count(html, "<svg"), 4u);  // by market, domain, severity, rule
  EXPECT_THAT(html, testing::EndsWith("</script></body></html>\n"));
}

TEST_F(ReportWriterTest, HtmlEscapesRecordData) {
  failing_.id = "<img src=x onerror=alert(1)>";
  failing_.source = "\"'&.jsonl:1";
  failing_.findings[0].message = "</template><script>alert(1)</script>\x1b[2J";
  const std::string html = Write(ReportFormat::kHtml);
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("</template><script>")));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, HasSubstr("&quot;&#39;&amp;.jsonl:1"));
  EXPECT_THAT(html, HasSubstr("&lt;/template&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J"));
  EXPECT_EQ(Count(html, "<script>"), 1u);  // its own
}

TEST_F(ReportWriterTest, HtmlBoundsTheDetailAndNamesEveryRecord) {
  std::ostringstream out;
  HtmlReportWriter writer(out, TextReportOptions{.language = "fr"});
  writer.Begin(run_);
  Summary summary;
  const std::size_t records = HtmlReportWriter::kDetailedRecords + 5;
  for (std::size_t i = 0; i < records; ++i) {
    RecordResult result = failing_;
    result.record_index = i;
    result.id = "L-" + std::to_string(i);
    writer.Result(result);
    writer.RecordEnd();
    ++summary.records;
    summary.Count(result);
  }
  writer.End(summary);
  const std::string html = out.str();
  EXPECT_THAT(html, HasSubstr("<html lang=\"fr\">"));
  EXPECT_THAT(html, HasSubstr("Vue d’ensemble"));
  EXPECT_EQ(Count(html, "<details class=\"record\""), HtmlReportWriter::kDetailedRecords);
  EXPECT_EQ(Count(html, " open>"), HtmlReportWriter::kOpenRecords);
  // The finding all records share is written once.
  EXPECT_EQ(Count(html, "name the manufacturer with a postal and an electronic address"), 1u);
  EXPECT_THAT(html, HasSubstr("<pre id=\"more-ids\""));
  EXPECT_THAT(html, HasSubstr("\nL-1004 DE:fail\n</pre>"));
  EXPECT_THAT(html, HasSubstr("href=\"#r999\""));
  EXPECT_THAT(html, Not(HasSubstr("href=\"#r1000\"")));  // the matrix has the detailed ones
  // A detailed record sharing its finding with the others takes a few hundred bytes.
  EXPECT_LT(html.size(), 600u * HtmlReportWriter::kDetailedRecords);
}

}  // namespace
}  // namespace tradelint
