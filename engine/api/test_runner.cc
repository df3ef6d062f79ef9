#include "engine/api/test_runner.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "engine/api/group_windows.h"
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

// Reads the record of each of the test's `record`s, in order; false after noting why not.
bool ReadRecords(const Engine& engine, const CheckedTest& test, std::vector<InputRecord>& records,
                 TestOutcome& outcome) {
  for (const CheckedTestRecord& source : test.records) {
    std::string open_error;
    std::istringstream inline_text(source.inline_json);
    std::unique_ptr<RecordReader> reader =
        source.file.empty() ? MakeRecordReader(inline_text, InputFormat::kJson,
                                               source.span.Location(), engine.schema(), {})
                            : OpenRecordReader(source.file, engine.schema(), {}, &open_error);
    if (reader == nullptr) {
      outcome.failures.push_back(open_error);
      return false;
    }
    // A file's first record (docs/language.md, "Tests"); a group's records are several `record`s.
    if (InputRecord input; reader->Next(input)) {
      records.push_back(std::move(input));
    } else {
      outcome.failures.push_back(source.span.Location() + ": the test's record holds no record");
      return false;
    }
  }
  return true;
}

TestOutcome RunTest(const Engine& engine, const CheckedTest& test) {
  TestOutcome outcome;
  outcome.test = &test;
  std::vector<InputRecord> inputs;
  if (!ReadRecords(engine, test, inputs, outcome)) return outcome;
  std::vector<MarketJudgement> results;
  bool invalid = false;
  std::string invalid_reason;
  JudgeOptions options;
  if (!test.market.empty()) options.markets = {test.market};
  options.as_of = test.as_of;
  // Group rules judge the records together (GroupWindows); their findings count as a
  // market's findings for the expectations.
  GroupWindows groups(engine, options.language, test.as_of);
  std::vector<GroupResult> closed;
  for (const InputRecord& input : inputs) {
    if (input.error) {
      invalid = true;
      invalid_reason = input.error->code + ": " + input.error->message;
      continue;
    }
    RecordJudgement judgement =
        engine.Judge(input.record, *input.kind, input.id.value_or(""), options);
    if (judgement.no_market()) {
      invalid = true;
      invalid_reason = "no_market: the record names no market and the test gives none";
    }
    if (!outcome.as_of) outcome.as_of = judgement.as_of;
    for (MarketJudgement& result : judgement.results) results.push_back(std::move(result));
    const Date date = engine.DefaultAsOf(input.record, *input.kind, options.today);
    groups.Add(std::make_shared<const GroupMember>(
                   GroupMember{*input.kind, input.id.value_or(""), input.source}),
               date, groups.Links(input.record, *input.kind, date), closed);
  }
  groups.CloseAll(closed);
  if (!closed.empty()) {
    MarketJudgement& judged = results.emplace_back();
    judged.market = "groups";
    for (GroupResult& group : closed) {
      const Severity severity = group.finding.rule->severity;
      judged.verdict = std::max(judged.verdict, severity == Severity::kError     ? Verdict::kFail
                                                : severity == Severity::kWarning ? Verdict::kWarn
                                                                                 : Verdict::kPass);
      judged.findings.push_back(std::move(group.finding));
    }
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
