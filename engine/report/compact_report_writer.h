#pragma once
// The `compact` report: one short JSON line per result, for platforms that only need to know
// which rules fired where, and for diffing against other engines (the line shape of the
// bench workload listings-v1):
//
//   {"id":"L-1","market":"DE","rules":["EU-GPSR-19-MFR","EU-GPSR-19-RP"]}
//   {"id":"L-2","market":null,"rules":[],"invalid":"malformed_json","source":"in.jsonl:2"}
//
// `rules` names each rule with a finding by its `ref` (its catalogue id), or by its full id
// when it has none, sorted by byte value, each once. An invalid record has market null, no
// rules, its error code and its source. No header, no summary.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/report_writer.h"

namespace tradelint {

class CompactReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  explicit CompactReportWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo&) override {}
  void Result(const RecordResult& result) override;
  void End(const Summary&) override {}
  // Rule refs only: no paths, values or texts.
  FindingDetail finding_detail() const override { return FindingDetail::kVerdict; }
  bool shows_record_hash() const override { return false; }

 private:
  std::ostream& out_;
  std::string line_;                     // reused between results
  std::vector<std::string_view> names_;  // reused between results
};

}  // namespace tradelint
