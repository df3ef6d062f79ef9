#pragma once
// The report formats by name (`--format`), and the writer for each.

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "engine/report/report_writer.h"
#include "engine/report/text_report_writer.h"

namespace tradelint {

enum class ReportFormat { kText, kJson, kJsonLines, kCompact, kHtml, kSarif, kJunit, kIssuesCsv };

// `text`, `json`, `jsonl`, `compact`, `html`, `sarif`, `junit`, `issues-csv`.
std::string_view ReportFormatName(ReportFormat format);
std::optional<ReportFormat> ReportFormatFromName(std::string_view name);
// Every format's name, in the order above (for help texts and validation).
std::vector<std::string> ReportFormatNames();

// A writer of `format` onto `out` (which must outlive it). `text_options` matter to the
// formats for people only (text, html).
std::unique_ptr<ReportWriter> MakeReportWriter(ReportFormat format, std::ostream& out,
                                               const TextReportOptions& text_options);

}  // namespace tradelint
