#pragma once
// CheckRun: the core of `tradelint check`. Judges records, hands each result to a ReportWriter
// in input order, and keeps what the summary and the exit status need.
//
// For each record (docs/cli.md):
//   - a record the reader found invalid gives one invalid result with the reader's error;
//   - else its markets are Settings::markets, or Engine::DefaultMarkets when none are given;
//     with no market at all it gives one invalid result with code `no_market`;
//   - else it gives one result per market, in market order, judged at Settings::as_of or
//     Engine::DefaultAsOf (today's UTC date for records without their own date).
// A market that no ruleset covers (Program::Covers) still gets its result, with a note in
// the result, and is named once per run on standard error.
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
    std::string language = "en";       // of messages and fixes
    std::optional<Severity> fail_on;   // least severe finding that fails the run; empty: never
    bool bundled_rulesets = true;      // whether the rulesets are the bundled ones (for notes)
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
  // A result for `input` with its record's identity filled in.
  static RecordResult StartResult(const InputRecord& input, std::size_t record_index);
  // The invalid result of a usable record that names no market.
  static RecordResult NoMarketResult(const InputRecord& input, std::size_t record_index, Date as_of);
  // The note for a market no ruleset covers.
  std::string UncoveredMarketNote(std::string_view market) const;

  const Engine& engine_;
  Settings settings_;
  ReportWriter& writer_;
  const Date today_;
  Summary summary_;
  bool fail_on_reached_ = false;
  std::int64_t findings_ = 0;
  std::set<std::string, std::less<>> noted_markets_;  // uncovered markets named on stderr
};

}  // namespace tradelint::cli
