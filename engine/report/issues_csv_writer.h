#pragma once
// The `issues-csv` report: one row per (rule, market) that some finding reached, with counts
// and example record ids, like Google Merchant Center's item-issue export; for dashboards and
// spreadsheets (docs/cli.md, "Issues CSV"). RFC 4180 CSV (CRLF line ends), written at End:
//
//   issue,ref,severity,domain,market,title,citation,attributes,records,waived,example_record_ids
//   eu.gpsr.manufacturer_contact,EU-GPSR-19-MFR,error,product_safety,DE,...,12,1,L-1|L-7|L-9
//
// `records` counts the results with a finding of the rule that is not waived, `waived` those
// where it was waived; `attributes` are the fields the findings named (up to kMaxAttributes,
// space-separated), `example_record_ids` the first kMaxExamples record ids (`|`-separated; the
// source for a record without id). An invalid record counts under its error code as `issue`
// (severity `error`, market empty, title `invalid record`). Rows are ordered by severity (error
// first), then `records` (most first), then issue and market.
//
// Memory grows with the (rule, market) pairs that fired, not with the records.

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "engine/report/report_writer.h"

namespace tradelint {

class IssuesCsvWriter : public ReportWriter {
 public:
  static constexpr std::size_t kMaxExamples = 5;
  static constexpr std::size_t kMaxAttributes = 10;

  // `out` must outlive the writer.
  explicit IssuesCsvWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo&) override {}
  void Result(const RecordResult& result) override;
  void End(const Summary& summary) override;
  bool shows_record_hash() const override { return false; }

 private:
  struct Issue {
    const CheckedRule* rule = nullptr;  // null for an invalid record's error code
    std::int64_t records = 0;
    std::int64_t waived = 0;
    std::vector<std::string> attributes;
    std::vector<std::string> examples;
  };
  // Counts one result under (`name`, `market`), adding `paths` and the result's id.
  Issue& Count(const std::string& name, const std::string& market, const RecordResult& result,
               const std::vector<std::string>& paths, bool waived);

  std::ostream& out_;
  std::map<std::pair<std::string, std::string>, Issue> issues_;  // by (issue, market)
};

}  // namespace tradelint
