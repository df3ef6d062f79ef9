#pragma once
// The process exit statuses of docs/cli.md. When several hold, the first of
// kUsageError, kUnusableInput, kFindings wins.

namespace tradelint::cli {

enum ExitStatus : int {
  kClean = 0,          // nothing at or above --fail-on (lint: no errors; test: all passed)
  kFindings = 1,       // a finding at or above --fail-on (test: a test failed)
  kUsageError = 2,     // bad usage or a ruleset error (nothing was checked), or the report
                       // could not be written
  kUnusableInput = 3,  // an input file could not be opened, or a record was invalid
};

}  // namespace tradelint::cli
