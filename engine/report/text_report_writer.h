#pragma once
// The `text` report, for people: per record, one line per market with its verdict and
// coverage, the findings grouped across markets, then the to-do list (record_digest.h).
//
//   LST-1001 (listing, listings.jsonl:3, as of 2025-03-01)
//     DE: fail, rules: 38 in force, 17 applied, 21 not applicable, 0 undecided, 2 fired
//     FR: fail, rules: 37 in force, 17 applied, 20 not applicable, 0 undecided, 2 fired
//     MX: not_covered, rules: 0 in force, 0 applied, 0 not applicable, 0 undecided, 0 fired
//       note: no bundled ruleset covers market `MX`
//     DE, FR  error  Manufacturer identity and contact on the offer (Regulation (EU) 2023/988, Art.
//     19(a))
//       name the manufacturer with a postal and an electronic address
//       fix: fill product.manufacturer.name, .postal_address and .email
//     to do:
//       fill in  product.manufacturer: postal_address
//       fill in  one of product.manufacturer.email, product.manufacturer.url
//       correct  offer.price.currency (is "USD")
//   record (unknown kind, listings.jsonl:4)
//     invalid: malformed_json: line 4, column 9: expected `,` or `}` after an object member
//
//   group "ORD-7" (2026-03-01 to 2026-03-02)
//     CN: as of 2026-03-01
//       records: transaction ORD-7 (in.jsonl:5), payment PAY-7 (in.jsonl:6)
//       error[cn.cbec_three_documents.identity_match] ...
//
//   3 records, 4 results: 1 fail, 0 warn, 2 pass, 1 not covered, 0 invalid
//
// A finding takes at most four lines: markets, severity, title and citation; the message;
// the fix; the waiver, when it is waived. With `verbose`, each finding
// shows every detail instead: rule id, catalogue ref, who must act, fields, missing fields,
// the value found, why it is undecided, the rules held back, group members, waiver, overrides
// and notes. Fields to fill in are listed by the object that holds them. The words of the
// report are in `language` (report_words.h); rules give their own text.
//
// A record's results are held until it ends (RecordEnd, a result of another record, or End),
// so memory grows with one record's results. With `colour`, verdicts, severities and markets
// carry ANSI colours; otherwise the text has none. Control characters in the content (record
// data reaches messages) are shown escaped (`\x1b`), never sent raw.

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/report/record_digest.h"
#include "engine/report/report_words.h"
#include "engine/report/report_writer.h"

namespace tradelint {

// Options of the reports for people (text, HTML).
struct TextReportOptions {
  // ANSI colours (text only). The caller decides; it should only ask for them on a terminal.
  bool colour = false;
  // Leave out results that pass with no finding and no note (the summary still counts them).
  bool problems_only = false;
  // Every detail of each finding (text only).
  bool verbose = false;
  // The language of the report's own words (BCP 47, `--lang`).
  std::string language = "en";
};

class TextReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  TextReportWriter(std::ostream& out, TextReportOptions options)
      : out_(out), options_(std::move(options)), words_(options_.language) {}

  void Begin(const RunInfo&) override {}
  void Result(const RecordResult& result) override;
  void RecordEnd() override;
  // A block of its own, headed `group` with the link key, the dates of its records, then its
  // market, the records and the finding.
  void Group(const GroupResult& group) override;
  void End(const Summary& summary) override;
  bool shows_record_hash() const override { return false; }

 private:
  // `text`, printable, wrapped in the SGR sequence `style` (e.g. "1;31") when colouring.
  std::string Paint(std::string_view text, std::string_view style) const;
  // The lines of a finding after its markets, as shown (also its grouping key).
  std::string FindingText(const Finding& finding) const;
  std::string VerboseFindingText(const Finding& finding) const;
  // `waived: reason (approved by, expires)` when `finding` is waived.
  void AppendWaiver(std::string& text, std::string_view indent, const Finding& finding) const;
  void AppendMarketLine(const RecordResult& result);
  void AppendToDo(const std::vector<ToDoItem>& items);

  std::ostream& out_;
  TextReportOptions options_;
  ReportWords words_;
  ToDoList to_do_;
  std::vector<RecordResult> record_;  // the results of the record being read
  std::string text_;                  // the lines of the record being written
  bool wrote_record_ = false;
  bool grouped_ = false;  // some group was written
};

}  // namespace tradelint
