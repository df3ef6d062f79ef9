#pragma once
// CheckRun: the core of `tradelint check`. Judges records, hands each result to a ReportWriter
// in input order, and keeps what the summary and the exit status need.
//
// For each record (docs/cli.md):
//   - a record the reader found invalid gives one invalid result with the reader's error;
//   - else Engine::Judge judges it: with no market at all it gives one invalid result with
//     code `no_market`; else one result per market (per member with --expand), in market
//     order.
// A `not_covered` result's note is also named once per market on standard error
// (Settings::notes_on_stderr).
// A record read from a feed: each finding names the feed attributes of its fields; the
// fields findings miss that the feed cannot carry are named once, by Finish, in
// Summary::warnings and on standard error, with how to supply them (`--supplement`).
// With a horizon, the record is judged again, by the same Engine::Judge, at each effective_from
// date of the rules that come into force within it; a rule's findings at its own date are the
// result's `upcoming`.
// A result judged at an as-of date more than FxTable::kStaleAfterDays days after the FX
// table's latest date would convert money at stale rates: the run warns once, on standard
// error and in Summary::warnings (each conversion also notes it in its finding). Likewise, at
// the end of the run (Finish), once for each reference table the run used that is stale
// (Provenance::stale_after_days, e.g. a sanctions list) at the latest as-of date judged.
// A language (Settings::language) whose primary subtag is no official language of any market
// (LanguageTable::AllLanguages) is warned of the same way, and the run goes on in English.
//
// Judging (Judge) is const and thread-safe, so that records can be judged on several threads;
// reporting (Report) happens on one thread, one record at a time, in input order.

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/input_record.h"
#include "engine/report/report_writer.h"

namespace tradelint::cli {

// One record judged (CheckRun::Judge): its results, and what the group rules need of it.
struct JudgedRecord {
  std::vector<RecordResult> results;
  // For GroupWindows, set when the record could be read and the rules have group rules: the
  // record's id and source, its date and its links (each with what its rule reads of it).
  std::shared_ptr<const GroupMember> member;
  Date date;
  std::vector<GroupLinkKey> links;
};

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
    // --horizon MONTHS: each result also lists the rules that come into force within this
    // many months after its as-of date and would fire (RecordResult::upcoming).
    std::optional<int> horizon_months = std::nullopt;
    // Whether not-covered markets and stale rates are also named on standard error (the
    // report has them either way; the server keeps standard error for its access log).
    bool notes_on_stderr = true;
  };

  // `engine` and `writer` must outlive the run.
  CheckRun(const Engine& engine, Settings settings, ReportWriter& writer);

  // The results of one record, in report order, and its links into groups; `record_index`
  // is its position among all records of the run, from 0. Thread-safe.
  JudgedRecord Judge(const InputRecord& input, std::size_t record_index) const;

  // Reports the results of the next record (as Judge made them), counts the record, adds it
  // to the groups (moving its member and links out of `judged`) and reports the groups its
  // date closed.
  void Report(JudgedRecord& judged);

  // Ends the run after the last record (call once, before the writer's End): closes the
  // groups still open and reports them, then adds the run's closing warnings to the summary
  // and standard error: the fields a feed cannot carry and the stale reference tables used.
  void Finish();

  // Judges the next record and reports its results.
  void Check(const InputRecord& input) {
    JudgedRecord judged = Judge(input, static_cast<std::size_t>(summary_.records));
    Report(judged);
  }

  const Summary& summary() const { return summary_; }
  // Groups the group rules judged, and those they found against (reported), so far.
  std::int64_t groups_judged() const { return groups_.judged(); }
  std::int64_t groups_fired() const { return groups_.fired(); }
  // Findings reported so far, of every severity, group findings included.
  std::int64_t findings() const { return findings_; }
  bool any_invalid() const { return summary_.invalid > 0; }
  // Whether some finding was at or above Settings::fail_on.
  bool fail_on_reached() const { return fail_on_reached_; }

 private:
  // A result for `input` with its record's identity filled in; `hash` is the record's
  // (RecordResult::hash), empty for a record that could not be read or when the writer does
  // not show it.
  static RecordResult StartResult(const InputRecord& input, std::size_t record_index,
                                  const std::string& hash);
  // The invalid result of a usable record that names no market.
  static RecordResult NoMarketResult(const InputRecord& input, std::size_t record_index,
                                     const std::string& hash, Date as_of);
  // Fills the `upcoming` of `results` (the record's results at `as_of`, one per market).
  void AddUpcoming(const InputRecord& input, Date as_of, std::vector<RecordResult>& results) const;
  // Adds a run-wide warning to the summary and, with Settings::notes_on_stderr, to standard
  // error.
  void Warn(std::string warning);
  // Warns once when `as_of` is later than the FX rates can serve fresh.
  void WarnOfStaleRates(Date as_of);
  // A feed record's findings: names their feed attributes, and keeps the missing fields the
  // feed cannot carry for Finish.
  void NameFeedAttributes(const InputRecord& input, std::vector<Finding>& findings) const;
  // Counts a finding toward the exit status.
  void CountFinding(const Finding& finding);
  // Reports the groups in `closed_` and empties it.
  void ReportGroups();

  const Engine& engine_;
  Settings settings_;
  JudgeOptions options_;  // from settings_, with the detail the writer shows
  // For records read from a feed: options_ with every finding's detail, since their findings
  // name the feed attributes of their paths and the run warns of the fields a feed cannot
  // carry (NameFeedAttributes).
  JudgeOptions feed_options_;
  ReportWriter& writer_;
  const Date today_;
  Summary summary_;
  bool fail_on_reached_ = false;
  std::int64_t findings_ = 0;
  std::set<std::string, std::less<>> noted_markets_;  // not covered markets named on stderr
  bool warned_of_stale_rates_ = false;
  // Missing fields that feeds cannot carry, by feed format (Judge runs on several threads).
  mutable std::mutex uncarried_mutex_;
  mutable std::map<std::string, std::set<std::string>, std::less<>> uncarried_;
  std::optional<Date> latest_as_of_;  // of the results reported so far
  GroupWindows groups_;
  std::vector<GroupResult> closed_;  // closed groups not yet reported
};

}  // namespace tradelint::cli
