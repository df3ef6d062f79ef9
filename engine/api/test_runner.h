#pragma once
// Runs the test cases written inside rulesets (`test "..." { record ...; expect ... }`) and
// measures which rules they cover.
//
// A test's record is judged for its `market` (else the record's own markets) at its `as of`
// date (else the record's default date), with every loaded rule; each expectation is then
// compared with the findings. A rule is covered both ways when some test expects a finding
// from it (a failing case) and some test expects none (a passing case). A dated rule's
// boundaries are covered when tests judge it on both sides of each date: no finding the day
// before it applies and a finding on its first day; a finding on its last day (`until`) and
// none the day after.

#include <optional>
#include <string>
#include <vector>

#include "engine/api/engine.h"

namespace tradelint {

struct TestOutcome {
  const CheckedTest* test = nullptr;
  std::optional<Date> as_of;          // the date the record was judged at, when it was read
  std::vector<std::string> failures;  // one line per unmet expectation; empty when passed
  bool passed() const { return failures.empty(); }
};

// A date on which no test judges a rule the way its effective dates require.
struct MissingBoundary {
  const CheckedRule* rule = nullptr;
  Date date;
  bool expects_finding = false;  // the test needed there expects a finding (else none)
  std::string_view why;          // `the day before it applies`, `its first day`, ...
};

struct TestReport {
  std::vector<TestOutcome> outcomes;
  std::vector<const CheckedRule*> without_failing_case;  // no test expects a finding
  std::vector<const CheckedRule*> without_passing_case;  // no test expects its absence
  std::vector<MissingBoundary> missing_boundaries;       // in rule order
  int passed = 0;
  int failed = 0;
};

TestReport RunTests(const Engine& engine);

}  // namespace tradelint
