#pragma once
// The `jsonl` report: each result as one compact JSON object (result_json.h) on its own
// line, written as it comes; each group a group rule found against as `{"group": {...}}`
// (WriteGroupJson) on its own line once its window closes. Nothing else: no header, no
// summary.

#include <ostream>
#include <string>

#include "engine/report/report_writer.h"

namespace tradelint {

class JsonLinesReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  explicit JsonLinesReportWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo&) override {}
  void Result(const RecordResult& result) override;
  void Group(const GroupResult& group) override;
  void End(const Summary&) override {}

 private:
  std::ostream& out_;
  std::string line_;  // reused between results
};

}  // namespace tradelint
