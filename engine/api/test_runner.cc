#include "engine/api/test_runner.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "engine/input/record_reader.h"

namespace tradelint {
namespace {

std::string Describe(const std::vector<MarketJudgement>& results) {
  std::string text;
  for (const MarketJudgement& result : results) {
    text += (text.empty() ? "" : "; ") + result.market + ": " +
            std::string(VerdictName(result.verdict));
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
          ? MakeRecordReader(inline_text, InputFormat::kJson, test.span.Location(), engine.schema(),
                             {})
          : OpenRecordReader(test.record_file, engine.schema(), {}, &open_error);
  InputRecord input;
  if (reader == nullptr || !reader->Next(input)) {
    outcome.failures.push_back(reader == nullptr ? open_error
                                                 : "the test's record file holds no record");
    return outcome;
  }
  std::vector<MarketJudgement> results;
  bool invalid = input.error.has_value();
  std::string invalid_reason = invalid ? input.error->code + ": " + input.error->message : "";
  if (!invalid) {
    JudgeOptions options;
    if (!test.market.empty()) options.markets = {test.market};
    options.as_of = test.as_of;
    RecordJudgement judgement =
        engine.Judge(input.record, *input.kind, input.id.value_or(""), options);
    if (judgement.no_market()) {
      invalid = true;
      invalid_reason = "no_market: the record names no market and the test gives none";
    }
    outcome.as_of = judgement.as_of;
    results = std::move(judgement.results);
  }
  for (const CheckedExpectation& expectation : test.expectations) {
    const std::string where = expectation.span.Location();
    switch (expectation.kind) {
      case ast::Expectation::Kind::kVerdict: {
        // The worst verdict; `not_covered` only when no market was covered.
        std::optional<Verdict> worst;
        for (const MarketJudgement& result : results) {
          if (result.verdict != Verdict::kNotCovered)
            worst = std::max(worst.value_or(result.verdict), result.verdict);
        }
        const Verdict verdict =
            worst.value_or(results.empty() ? Verdict::kPass : Verdict::kNotCovered);
        const std::string_view actual = invalid ? "invalid" : VerdictName(verdict);
        if (actual != expectation.verdict) {
          outcome.failures.push_back(where + ": expected verdict " + expectation.verdict +
                                     ", got " + std::string(actual) + " (" +
                                     (invalid ? invalid_reason : Describe(results)) + ")");
        }
        break;
      }
      case ast::Expectation::Kind::kFinding:
      case ast::Expectation::Kind::kNoFinding: {
        bool found = false;
        for (const MarketJudgement& result : results) {
          for (const Finding& finding : result.findings) {
            found = found ||
                    (finding.rule->id == expectation.rule_id &&
                     (expectation.basis.empty() || BasisName(finding.basis) == expectation.basis));
          }
        }
        const bool want = expectation.kind == ast::Expectation::Kind::kFinding;
        if (invalid) {
          outcome.failures.push_back(where + ": the record is invalid (" + invalid_reason + ")");
        } else if (found != want) {
          outcome.failures.push_back(
              where + ": expected " + (want ? "a finding" : "no finding") + " from " +
              expectation.rule_id +
              (expectation.basis.empty() ? "" : " (" + expectation.basis + ")") + ", got " +
              Describe(results));
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
  // The dates at which some test expects a finding from a rule, and those at which some test
  // expects none.
  std::map<std::string, std::set<Date>> failing_dates, passing_dates;
  for (const CheckedTest& test : engine.program().tests()) {
    report.outcomes.push_back(RunTest(engine, test));
    const TestOutcome& outcome = report.outcomes.back();
    (outcome.passed() ? report.passed : report.failed)++;
    for (const CheckedExpectation& expectation : test.expectations) {
      if (expectation.kind == ast::Expectation::Kind::kVerdict) continue;
      auto& dates =
          expectation.kind == ast::Expectation::Kind::kFinding ? failing_dates : passing_dates;
      if (outcome.as_of) dates[expectation.rule_id].insert(*outcome.as_of);
    }
  }
  for (const CheckedRule* rule : engine.program().rules()) {
    const std::set<Date>& fails = failing_dates[rule->id];
    const std::set<Date>& passes = passing_dates[rule->id];
    if (fails.empty()) report.without_failing_case.push_back(rule);
    if (passes.empty()) report.without_passing_case.push_back(rule);
    const auto require = [&](Date date, bool expects_finding, std::string_view why) {
      if (!(expects_finding ? fails : passes).count(date)) {
        report.missing_boundaries.push_back({rule, date, expects_finding, why});
      }
    };
    if (rule->effective_from) {
      if (const std::optional<Date> before = rule->effective_from->AddDays(-1)) {
        require(*before, false, "the day before it applies");
      }
      require(*rule->effective_from, true, "its first day in force");
    }
    if (rule->effective_until) {
      require(*rule->effective_until, true, "its last day in force");
      if (const std::optional<Date> after = rule->effective_until->AddDays(1)) {
        require(*after, false, "the day after it ends");
      }
    }
  }
  return report;
}

}  // namespace tradelint
