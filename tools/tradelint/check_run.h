#pragma once
// CheckRun: the core of `tradelint check`. Judges records, hands each result to a ReportWriter
// in input order, and keeps what the summary and the exit status need.
//
// For each record (docs/cli.md):
//   - a record the reader found invalid gives one invalid result with the reader's error;
//   - else Engine::Judge judges it: with no market at all it gives one invalid result with
//     code `no_market`; else one result per market (per member with --expand), in market
//     order.
// A `not_covered` result's note is also named once per market on standard error.
// A result judged at an as-of date more than FxTable::kStaleAfterDays days after the FX
// table's latest date would convert money at stale rates: the run warns once, on standard
// error and in Summary::warnings (each conversion also notes it in its finding).
// A language (Settings::language) whose primary subtag is no official language of any market
// (LanguageTable::AllLanguages) is warned of the same way, and the run goes on in English.
//
// Judging (Judge) is const and thread-safe, so that records can be judged on several threads;
// reporting (Report) happens on one thread, one record at a time, in input order.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/input_record.h"
#include "engine/report/report_writer.h"

namespace tradelint::cli {

class CheckRun {
 public:
  struct Settings {
    std::vector<std::string> markets;  // valid market codes; empty: each record's own
    std::optional<Date> as_of;         // empty: each record's default date
    std::string language = "en";       // of titles, messages and fixes
    std::optional<Severity> fail_on;   // least severe finding that fails the run; empty: never
    bool fail_on_not_covered = false;  // a `not_covered` result fails the run too
    bool expand_groups = false;        // a group market gives one result per member
    const Waivers* waivers = nullptr;  // not owned; may be null
    bool strict = false;               // a record with unknown fields is invalid
    const ExplainSelection* explain = nullptr;  // not owned; may be null (--explain)
  };

  // `engine` and `writer` must outlive the run.
  CheckRun(const Engine& engine, Settings settings, ReportWriter& writer);

  // The results of one record, in report order; `record_index` is its position among all
  // records of the run, from 0. Thread-safe.
  std::vector<RecordResult> Judge(const InputRecord& input, std::size_t record_index) const;

  // Reports the results of the next record (as Judge made them) and counts the record.
  void Report(const std::vector<RecordResult>& results);

  // Judges the next record and reports its results.
  void Check(const InputRecord& input) {
    Report(Judge(input, static_cast<std::size_t>(summary_.records)));
  }

  const Summary& summary() const { return summary_; }
  // Findings reported so far, of every severity.
  std::int64_t findings() const { return findings_; }
  bool any_invalid() const { return summary_.invalid > 0; }
  // Whether some finding was at or above Settings::fail_on.
  bool fail_on_reached() const { return fail_on_reached_; }

 private:
  // A result for `input` with its record's identity filled in; `hash` is the record's
  // (RecordResult::hash), empty for a record that could not be read.
  static RecordResult StartResult(const InputRecord& input, std::size_t record_index,
                                  const std::string& hash);
  // The invalid result of a usable record that names no market.
  static RecordResult NoMarketResult(const InputRecord& input, std::size_t record_index,
                                     const std::string& hash, Date as_of);
  // Prints `warning` on standard error and keeps it for the summary.
  void Warn(std::string warning);
  // Warns once when `as_of` is later than the FX rates can serve fresh.
  void WarnOfStaleRates(Date as_of);

  const Engine& engine_;
  Settings settings_;
  JudgeOptions options_;  // from settings_
  ReportWriter& writer_;
  const Date today_;
  Summary summary_;
  bool fail_on_reached_ = false;
  std::int64_t findings_ = 0;
  std::set<std::string, std::less<>> noted_markets_;  // not covered markets named on stderr
  bool warned_of_stale_rates_ = false;
};

}  // namespace tradelint::cli
