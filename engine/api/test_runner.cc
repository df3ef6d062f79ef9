#include "engine/api/test_runner.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "engine/input/record_reader.h"

namespace tradelint {
namespace {

struct MarketFindings {
  std::string market;
  std::vector<Finding> findings;
};

std::string Describe(const std::vector<MarketFindings>& results) {
  std::string text;
  for (const MarketFindings& result : results) {
    text += (text.empty() ? "" : "; ") + result.market + ": " +
            std::string(VerdictName(VerdictOf(result.findings)));
    for (const Finding& finding : result.findings) {
      text += " " + finding.rule->id + "(" + std::string(BasisName(finding.basis)) + ")";
    }
  }
  return text.empty() ? "no market was judged" : text;
}

TestOutcome RunTest(const Engine& engine, const CheckedTest& test) {
  TestOutcome outcome;
  outcome.test = &test;
  std::string open_error;
  std::istringstream inline_text(test.inline_record);
  std::unique_ptr<RecordReader> reader =
      test.record_file.empty()
          ? MakeRecordReader(inline_text, InputFormat::kJson, test.span.Location(), engine.schema(), {})
          : OpenRecordReader(test.record_file, engine.schema(), {}, &open_error);
  InputRecord input;
  if (reader == nullptr || !reader->Next(input)) {
    outcome.failures.push_back(reader == nullptr ? open_error : "the test's record file holds no record");
    return outcome;
  }
  std::vector<MarketFindings> results;
  bool invalid = input.error.has_value();
  std::string invalid_reason = invalid ? input.error->code + ": " + input.error->message : "";
  if (!invalid) {
    const std::vector<std::string> markets =
        test.market.empty() ? engine.DefaultMarkets(input.record, *input.kind)
                            : std::vector<std::string>{test.market};
    if (markets.empty()) {
      invalid = true;
      invalid_reason = "no_market: the record names no market and the test gives none";
    }
    const Date as_of = test.as_of.value_or(engine.DefaultAsOf(input.record, *input.kind, Date::TodayUtc()));
    for (const std::string& market : markets) {
      results.push_back({market, engine.Check(input.record, *input.kind, market, as_of, "en")});
    }
  }
  for (const CheckedExpectation& expectation : test.expectations) {
    const std::string where = expectation.span.Location();
    switch (expectation.kind) {
      case ast::Expectation::Kind::kVerdict: {
        Verdict worst = Verdict::kPass;
        for (const MarketFindings& result : results) worst = std::max(worst, VerdictOf(result.findings));
        const std::string_view actual = invalid ? "invalid" : VerdictName(worst);
        if (actual != expectation.verdict) {
          outcome.failures.push_back(where + ": expected verdict " + expectation.verdict + ", got " +
                                     std::string(actual) + " (" +
                                     (invalid ? invalid_reason : Describe(results)) + ")");
        }
        break;
      }
      case ast::Expectation::Kind::kFinding:
      case ast::Expectation::Kind::kNoFinding: {
        bool found = false;
        for (const MarketFindings& result : results) {
          for (const Finding& finding : result.findings) {
            found = found || (finding.rule->id == expectation.rule_id &&
                              (expectation.basis.empty() || BasisName(finding.basis) == expectation.basis));
          }
        }
        const bool want = expectation.kind == ast::Expectation::Kind::kFinding;
        if (invalid) {
          outcome.failures.push_back(where + ": the record is invalid (" + invalid_reason + ")");
        } else if (found != want) {
          outcome.failures.push_back(where + ": expected " + (want ? "a finding" : "no finding") +
                                     " from " + expectation.rule_id +
                                     (expectation.basis.empty() ? "" : " (" + expectation.basis + ")") +
                                     ", got " + Describe(results));
        }
        break;
      }
    }
  }
  return outcome;
}

}  // namespace

TestReport RunTests(const Engine& engine) {
  TestReport report;
  std::set<std::string> failing_cases, passing_cases;
  for (const CheckedTest& test : engine.program().tests()) {
    report.outcomes.push_back(RunTest(engine, test));
    (report.outcomes.back().passed() ? report.passed : report.failed)++;
    for (const CheckedExpectation& expectation : test.expectations) {
      if (expectation.kind == ast::Expectation::Kind::kFinding) failing_cases.insert(expectation.rule_id);
      if (expectation.kind == ast::Expectation::Kind::kNoFinding) passing_cases.insert(expectation.rule_id);
    }
  }
  for (const CheckedRule* rule : engine.program().rules()) {
    if (!failing_cases.count(rule->id)) report.without_failing_case.push_back(rule);
    if (!passing_cases.count(rule->id)) report.without_passing_case.push_back(rule);
  }
  return report;
}

}  // namespace tradelint
