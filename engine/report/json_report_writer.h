#pragma once
// The `json` report: one pretty-printed report object (docs/cli.md), streamed.
//
//   {"tool": {"name": "tradelint", "version": ...},
//    "rulesets": [{"id", "version", "jurisdiction", "title"}],
//    "reference_data": [{"name", "source", "date"}],
//    "results": [<result_json.h objects>],
//    "groups": [<result_json.h group objects>],
//    "summary": {"records", "results", "invalid",
//                "verdicts": {"pass", "not_covered", "warn", "fail", "invalid"},
//                "by_rule", "by_market", "by_domain":
//                    {name: {"error", "warning", "info", "waived"}},
//                "warnings"}}
//
// Begin writes everything up to the opening of `results`, each Result one element, End the
// rest and a final newline. The stream holds valid JSON only after End.

#include <ostream>
#include <string>

#include "engine/json/json.h"
#include "engine/report/report_writer.h"

namespace tradelint {

// Writes `summary` as the report's `summary` object (the caller has placed the key).
void WriteSummaryJson(JsonWriter& json, const Summary& summary);

class JsonReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  explicit JsonReportWriter(std::ostream& out)
      : out_(out), json_(buffer_, JsonWriter::Style::kPretty) {}

  void Begin(const RunInfo& run) override;
  void Result(const RecordResult& result) override;
  void Group(const GroupResult& group) override;
  void End(const Summary& summary) override;

 private:
  // Moves what `json_` has written so far to `out_`. JsonWriter only ever appends to its
  // string, so emptying the string between calls keeps the document whole.
  void Drain();

  std::ostream& out_;
  std::string buffer_;
  JsonWriter json_;  // one document for the whole run, written into buffer_
  // The groups, written after the results: the only part of the report kept until End
  // (groups with findings only, few beside the results).
  std::vector<GroupResult> groups_;
};

}  // namespace tradelint
