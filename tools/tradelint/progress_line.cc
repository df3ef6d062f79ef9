#include "tools/tradelint/progress_line.h"

#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "engine/report/counted.h"

namespace tradelint::cli {
namespace {

constexpr auto kDelay = std::chrono::seconds(2);          // before the line first appears
constexpr auto kRedraw = std::chrono::milliseconds(250);  // between redraws
constexpr std::int64_t kRecordsPerClockCheck = 64;

}  // namespace

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled), start_(Clock::now()) {}

void ProgressLine::Update(std::int64_t records, std::int64_t findings) {
  if (!enabled_ || ++calls_ % kRecordsPerClockCheck != 0) return;
  const Clock::time_point now = Clock::now();
  if (now - start_ < kDelay || (shown_ && now - last_drawn_ < kRedraw)) return;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::string line =
      fmt::format("tradelint: {}, {:.0f}/s, {:.1f} s, {}", Counted(records, "record"),
                  static_cast<double>(records) / seconds, seconds, Counted(findings, "finding"));
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  shown_ = true;
  last_drawn_ = now;
}

void ProgressLine::Finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace tradelint::cli
