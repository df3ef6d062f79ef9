#pragma once
// ProgressLine: a one-line progress display of a long `tradelint check` on standard error,
//
//   tradelint: 1204352 records, 301088/s, 4.0 s, 2871050 findings
//
// rewritten in place. It appears only when enabled (standard error is a terminal and
// --quiet is not given) and once the run has lasted about two seconds, so short runs and
// piped or logged runs never show it; Finish erases it. Single-threaded.

#include <chrono>
#include <cstdint>

namespace tradelint::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);

  // Called after every record: cheap, it looks at the clock only every few records.
  void Update(std::int64_t records, std::int64_t findings);
  // Erases the line, if it was shown.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  std::int64_t calls_ = 0;
  Clock::time_point start_;
  Clock::time_point last_drawn_;
};

}  // namespace tradelint::cli
