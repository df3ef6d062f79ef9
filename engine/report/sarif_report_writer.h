#pragma once
// The `sarif` report of `check`: a SARIF 2.1.0 log (sarif_log.h), one result per finding,
// streamed. The mapping (docs/cli.md, "SARIF"):
//
//   - a finding is a result of its rule (`ruleId` the rule's full id) at the level of the
//     rule's severity (`error`, `warning`, `note` for info), with the finding's message;
//     its location is the record's input file and line (`record.source`) with each of the
//     finding's field paths as a logical location; `properties` carry the record's id, kind
//     and hash, the market, as-of date, verdict and basis, and the missing fields;
//   - a waived finding has a `suppressions` entry (kind `external`, status `accepted`, the
//     waiver's reason as justification, its expiry and approver as properties);
//   - an invalid record is a result of the rule named by its error code (`malformed_json`,
//     `no_market`, ...) at level `error`, with the error's paths as logical locations;
//   - each rule used appears once in the tool's rule table with its title, citation, help
//     text (the rule's fix as written, else its message) and catalogue ref.
// Results that pass or are not covered write nothing.

#include <optional>
#include <ostream>
#include <string>

#include "engine/report/report_writer.h"
#include "engine/report/sarif_log.h"

namespace tradelint {

class SarifReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  explicit SarifReportWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& run) override;
  void Result(const RecordResult& result) override;
  void End(const Summary& summary) override;

 private:
  void WriteFinding(const RecordResult& result, const Finding& finding);
  void WriteInvalid(const RecordResult& result);
  // Opens the result's `properties` with what every result of `result` carries; the caller
  // adds its own members and closes it.
  void WriteRecordProperties(const RecordResult& result);

  std::ostream& out_;
  std::optional<SarifLog> log_;  // from Begin on
};

}  // namespace tradelint
