#pragma once
// The `text` report, for people: results grouped by record, then by market.
//
//   LST-1001 (listing, listings.jsonl:3)
//     DE: fail, as of 2025-03-01
//       error[eu.gpsr.manufacturer_contact] Manufacturer identity and contact on the offer
//         name the manufacturer with a postal and an electronic address
//         cite: Regulation (EU) 2023/988, Art. 19(a) [EU-GPSR-19-MFR]
//         responsible: seller
//         fix: fill product.manufacturer.name, .postal_address and .email
//         fields: product.manufacturer.postal_address, product.manufacturer.email
//         missing: product.manufacturer.postal_address
//         overrides: eu.gdpr.child_consent
//         note: converted at the rate of 2025-02-28
//     MX: pass, as of 2025-03-01
//       note: no bundled ruleset covers market `MX`
//   record (unknown kind, listings.jsonl:4)
//     invalid: malformed_json: line 4, column 9: expected `,` or `}` after an object member
//
//   group "ORD-7" (2026-03-01 to 2026-03-02)
//     CN: as of 2026-03-01
//       records: transaction ORD-7 (in.jsonl:5), payment PAY-7 (in.jsonl:6)
//       error[cn.cbec_three_documents.identity_match] ...
//
//   3 records, 4 results: 1 fail, 0 warn, 2 pass, 1 invalid
//
// Lines without content are left out (no `fix:` when the rule has none). The record header
// is written before the first result of the record that is written. With `colour`, verdicts,
// severities and rule ids carry ANSI colours; otherwise the text has none. Control characters
// in the content (record data reaches messages) are shown escaped (`\x1b`), never sent raw.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/report/report_writer.h"

namespace tradelint {

struct TextReportOptions {
  // ANSI colours. The caller decides; it should only ask for them on a terminal.
  bool colour = false;
  // Leave out results that pass with no finding and no note (the summary still counts them).
  bool problems_only = false;
};

class TextReportWriter : public ReportWriter {
 public:
  // `out` must outlive the writer.
  TextReportWriter(std::ostream& out, TextReportOptions options) : out_(out), options_(options) {}

  void Begin(const RunInfo&) override {}
  void Result(const RecordResult& result) override;
  // A block of its own, headed `group` with the link key, the dates of its records, then its
  // market, the records and the finding.
  void Group(const GroupResult& group) override;
  void End(const Summary& summary) override;

 private:
  // `text`, printable, wrapped in the SGR sequence `style` (e.g. "1;31") when colouring.
  std::string Paint(std::string_view text, std::string_view style) const;
  void AppendHeader(const RecordResult& result);
  void AppendFinding(const Finding& finding);

  std::ostream& out_;
  TextReportOptions options_;
  std::string text_;                          // the lines of one result, written out at its end
  std::optional<std::size_t> headed_record_;  // the record whose header was written last
  bool grouped_ = false;                      // some group was written
};

}  // namespace tradelint
