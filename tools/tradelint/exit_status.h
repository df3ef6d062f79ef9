#pragma once
// The process exit statuses of docs/cli.md. When several hold, the first of kWriteError,
// kUsageError, kUnusableInput, kFindings wins.

namespace tradelint::cli {

enum ExitStatus : int {
  kClean = 0,          // nothing at or above --fail-on (lint: no errors; test: all passed)
  kFindings = 1,       // a finding at or above --fail-on (test: a test failed)
  kUsageError = 2,     // bad usage or a ruleset error (nothing was checked), or the report
                       // file could not be created
  kUnusableInput = 3,  // an input file could not be opened, or a record was invalid
  kWriteError = 4,     // the report or a message could not be written (a full disk, a closed
                       // pipe); the run stopped there
};

}  // namespace tradelint::cli
