#pragma once
// The `html` report: one self-contained HTML file for people (docs/cli.md, "HTML"). It opens
// without network access: CSS, script and charts (SVG) are inline, and its Content Security
// Policy forbids loading anything.
//
// What it shows, top to bottom:
//   - an overview: results per market and verdict for the whole run, and a matrix of the
//     verdict per record and market for the records shown in detail;
//   - bar charts of the findings by market, domain, severity and rule (the first
//     kChartedRules rules by count), stacked by severity;
//   - filters (market, severity, verdict) and a search box;
//   - the first kDetailedRecords records in detail, each a collapsible block (the first
//     kOpenRecords open): per market the verdict and coverage, the to-do list and the findings
//     grouped across markets (record_digest.h) with severity, title, message, citation and
//     catalogue ref, fix, fields and missing fields, the value found, the waiver. What records
//     share (a finding, a to-do list, a market line) is written once as a `<template>` and put
//     in place by the script when the record is opened, so that the page stays small when
//     many records have the same findings;
//   - every further record as one line of text, its id (else source) and verdict per market,
//     in a collapsed list;
//   - among the records, where their windows closed, the findings of group rules over several
//     records: the link key, dates, market, member records and the finding.
//
// The file is streamed: records are written as they end, the overview and charts at End (CSS
// places them first). Memory holds one record's results, the matrix rows of the detailed
// records and counts per market, never the run. Every text from records and rules is made
// Printable (terminal_text.h) and then HTML-escaped, so that record data can add no markup.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/report/record_digest.h"
#include "engine/report/report_words.h"
#include "engine/report/report_writer.h"
#include "engine/report/text_report_writer.h"

namespace tradelint {

class HtmlReportWriter : public ReportWriter {
 public:
  static constexpr std::size_t kDetailedRecords = 1000;
  static constexpr std::size_t kChartedRules = 25;
  static constexpr std::size_t kOpenRecords = 10;  // the first records are shown open

  // `out` must outlive the writer. `options.language` chooses the report's words.
  HtmlReportWriter(std::ostream& out, const TextReportOptions& options);

  void Begin(const RunInfo& run) override;
  void Result(const RecordResult& result) override;
  void RecordEnd() override;
  // A group rule's finding, where the records are: a block like a record's for the groups
  // closed while records are shown in detail (at most kDetailedRecords), else one line.
  void Group(const GroupResult& group) override;
  void End(const Summary& summary) override;
  bool shows_record_hash() const override { return false; }

 private:
  // A detailed record's row of the overview matrix.
  struct MatrixRow {
    std::size_t record_index = 0;
    std::string name;  // id, else source
    std::map<std::string, Verdict, std::less<>> by_market;
    bool invalid = false;
  };

  void WriteRecord();
  void WriteRecordLine();
  // The id of the template holding `html`; the template is written before its first use.
  std::string Shared(const std::string& html);
  std::string FindingHtml(const Finding& finding) const;
  std::string ToDoHtml(const std::vector<ToDoItem>& items) const;
  std::string OverviewHtml(const Summary& summary) const;
  std::string ChartsHtml(const Summary& summary) const;

  std::ostream& out_;
  ReportWords words_;
  ToDoList to_do_;
  std::vector<RecordResult> record_;  // the results of the record being read
  std::int64_t records_ = 0;          // records written
  std::size_t groups_ = 0;            // groups written
  std::vector<MatrixRow> matrix_;     // of the detailed records
  // The fragments written once as templates and put in place by the script (findings, to-do
  // lists and market lines that records share), by their HTML; of the detailed records.
  std::unordered_map<std::string, std::size_t> shared_;
  // Results by market and verdict, over the run (an invalid record under the empty market).
  std::map<std::string, std::array<std::int64_t, 5>, std::less<>> verdicts_by_market_;
};

}  // namespace tradelint
