#pragma once
// Runs the test cases written inside rulesets (`test "..." { record ...; expect ... }`) and
// measures which rules they cover.
//
// A test's record is judged for its `market` (else the record's own markets) at its `as of`
// date (else the record's default date), with every loaded rule; each expectation is then
// compared with the findings. A rule is covered both ways when some test expects a finding
// from it (a failing case) and some test expects none (a passing case).

#include <string>
#include <vector>

#include "engine/api/engine.h"

namespace tradelint {

struct TestOutcome {
  const CheckedTest* test = nullptr;
  std::vector<std::string> failures;  // one line per unmet expectation; empty when passed
  bool passed() const { return failures.empty(); }
};

struct TestReport {
  std::vector<TestOutcome> outcomes;
  std::vector<const CheckedRule*> without_failing_case;  // no test expects a finding
  std::vector<const CheckedRule*> without_passing_case;  // no test expects its absence
  int passed = 0;
  int failed = 0;
};

TestReport RunTests(const Engine& engine);

}  // namespace tradelint
