#pragma once
// The `junit` report: the Ant/Jenkins JUnit XML that CI servers read (docs/cli.md, "JUnit").
//
//   <testsuites name="tradelint">
//     <testsuite name="listings.jsonl" tests= failures= errors= skipped= time="0">
//       <testcase classname="DE" name="L-1001" time="0">
//         <failure type="fail" message="2 error findings: eu.gpsr.a, eu.gpsr.b">
//           one line per error finding that is not waived</failure>
//         <system-out>the other findings (warnings, info, waived) and notes</system-out>
//       </testcase>
//     </testsuite>
//   </testsuites>
//
// One testsuite per input file (the file of `record.source`; results of one input are
// consecutive), one testcase per result: classname the market, name the record id (its
// source when it has none). Verdict fail: one `failure` listing every error finding; invalid:
// one `error` (type the error code); not_covered: `skipped`; pass and warn: no child but
// `system-out`. Text is made Printable (terminal_text.h), so the XML is well-formed whatever
// the data holds.
//
// A testsuite's counts are attributes of its opening tag, so the testcases of the current
// input are held (as XML text) until its results end; memory grows with the largest input,
// not with the run. The root carries no counts (they are optional for JUnit readers), so that
// earlier suites can be written before later ones are read.

#include <cstdint>
#include <ostream>
#include <string>

#include "engine/report/report_writer.h"

namespace tradelint {

class JunitReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  explicit JunitReportWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& run) override;
  void Result(const RecordResult& result) override;
  void End(const Summary& summary) override;
  bool shows_record_hash() const override { return false; }

 private:
  // Writes the current testsuite (if any) and starts none.
  void FinishSuite();

  std::ostream& out_;
  std::string suite_name_;  // the input file of the testcases held
  std::string testcases_;   // XML of the current suite's testcases
  std::int64_t tests_ = 0;  // counts of the current suite
  std::int64_t failures_ = 0;
  std::int64_t errors_ = 0;
  std::int64_t skipped_ = 0;
};

}  // namespace tradelint
