#pragma once
// ReportWriter: the results of a run, written as they are produced.
//
// A run calls Begin once, then Result once per result in report order (input order, then
// market order) and RecordEnd after the last result of each record, then End once. A writer puts
// each piece on its stream as soon as it is called and keeps no result after Result returns, so
// memory does not grow with the input. Writers do not flush; the caller decides when the stream is
// flushed.
//
// A result is one record judged for one market, or one record that could not be judged
// (`invalid`, docs/cli.md): then `error` is set, `verdict` is kInvalid, `market` is
// absent and `findings` is empty. The results of one record are consecutive.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/group_windows.h"
#include "engine/base/date.h"
#include "engine/eval/finding.h"
#include "engine/input/input_record.h"
#include "engine/plan/program.h"
#include "engine/schema/schema.h"

namespace tradelint {

// What the report's header says about the run.
struct RunInfo {
  std::string tool_version;                      // `0.1.0`
  std::vector<RulesetInfo> rulesets;             // every ruleset loaded, in load order
  std::vector<ReferenceTable> reference_tables;  // every data table the run used
};

struct RecordResult {
  // Position of the record among all records of the run, from 0; shared by the results of
  // one record.
  std::size_t record_index = 0;
  std::optional<RecordKind> kind;  // when known
  std::optional<std::string> id;   // when known
  std::string source;              // `file:line`
  // SHA-256 (lower-case hex) of the record's canonical JSON (engine/json/canonical_json.h);
  // empty when the record could not be read, or when the writer does not show it
  // (ReportWriter::shows_record_hash).
  std::string hash;
  std::optional<std::string> market;  // absent exactly when invalid
  std::optional<Date> as_of;          // absent when the record could not be read
  Verdict verdict = Verdict::kPass;   // see MarketJudgement, or kInvalid
  std::vector<Finding> findings;
  Coverage coverage;                 // when not invalid
  std::optional<RecordError> error;  // set exactly when verdict is kInvalid
  std::vector<std::string> notes;    // about the result as a whole (not covered, expired waivers)
  std::vector<RuleExplanation> explanations;  // with `check --explain` (MarketJudgement)
  // With `check --horizon`: the findings of rules not yet in force at `as_of` that come into
  // force within the horizon and would fire, each judged at its rule's effective_from, in
  // that order; nullopt without --horizon.
  std::optional<std::vector<Finding>> upcoming;
};

// Findings counted by severity; waived findings only under `waived`, whatever their severity.
struct FindingCounts {
  std::int64_t error = 0;
  std::int64_t warning = 0;
  std::int64_t info = 0;
  std::int64_t waived = 0;

  void Count(const Finding& finding);
  bool operator==(const FindingCounts&) const = default;
};

// The report's closing tally. Every record counts once in `records`, every result once in
// `results` and once under its verdict; an invalid record has exactly one (invalid) result,
// so `invalid` counts invalid records and invalid results alike.
struct Summary {
  std::int64_t records = 0;
  std::int64_t results = 0;
  std::int64_t pass = 0;
  std::int64_t not_covered = 0;
  std::int64_t warn = 0;
  std::int64_t fail = 0;
  std::int64_t invalid = 0;
  // Findings by rule id, by result market, by rule domain; keys in byte order.
  std::map<std::string, FindingCounts, std::less<>> by_rule;
  std::map<std::string, FindingCounts, std::less<>> by_market;
  std::map<std::string, FindingCounts, std::less<>> by_domain;
  // What the whole run should know, each once (e.g. exchange rates older than the as-of dates).
  std::vector<std::string> warnings;

  // Counts `result` in `results`, under its verdict and its findings in by_rule, by_market and
  // by_domain (not in `records`).
  void Count(const RecordResult& result);
};

// A result's `source` split at its last colon: `listings.jsonl:3` is file `listings.jsonl`,
// line 3. A source without a line number is all file, line 0.
struct SourceLine {
  std::string_view file;
  int line = 0;
};
SourceLine SplitSource(std::string_view source);

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void Begin(const RunInfo& run) = 0;
  virtual void Result(const RecordResult& result) = 0;
  // The results of a record are all given. A writer that shows a record's results together
  // writes them here (and also when a result of another record, or End, comes first).
  virtual void RecordEnd() {}
  // A group of records a group rule found against (engine/api/group_windows.h), once its
  // window closed: between results, or after the last one and before End. Results are never
  // revised; a writer reports groups on their own (`groups` in docs/cli.md). Formats without
  // a place for groups leave this as it is (they are then not reported).
  virtual void Group(const GroupResult&) {}
  virtual void End(const Summary& summary) = 0;
  // How much of each finding the writer shows (a run computes no more).
  virtual FindingDetail finding_detail() const { return FindingDetail::kFull; }
  // Whether the writer shows RecordResult::hash (a run computes it only then).
  virtual bool shows_record_hash() const { return true; }
};

}  // namespace tradelint
