#include "engine/report/report_format.h"

#include <array>
#include <string>

#include "engine/report/compact_report_writer.h"
#include "engine/report/html_report_writer.h"
#include "engine/report/issues_csv_writer.h"
#include "engine/report/json_report_writer.h"
#include "engine/report/jsonl_report_writer.h"
#include "engine/report/junit_report_writer.h"
#include "engine/report/sarif_report_writer.h"

namespace tradelint {
namespace {

constexpr std::array kFormats = {
    ReportFormat::kText, ReportFormat::kJson,  ReportFormat::kJsonLines, ReportFormat::kCompact,
    ReportFormat::kHtml, ReportFormat::kSarif, ReportFormat::kJunit,     ReportFormat::kIssuesCsv};

}  // namespace

std::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kText:
      return "text";
    case ReportFormat::kJson:
      return "json";
    case ReportFormat::kJsonLines:
      return "jsonl";
    case ReportFormat::kCompact:
      return "compact";
    case ReportFormat::kHtml:
      return "html";
    case ReportFormat::kSarif:
      return "sarif";
    case ReportFormat::kJunit:
      return "junit";
    case ReportFormat::kIssuesCsv:
      return "issues-csv";
  }
  return "text";
}

std::optional<ReportFormat> ReportFormatFromName(std::string_view name) {
  for (ReportFormat format : kFormats) {
    if (ReportFormatName(format) == name) return format;
  }
  return std::nullopt;
}

std::vector<std::string> ReportFormatNames() {
  std::vector<std::string> names;
  for (ReportFormat format : kFormats) names.emplace_back(ReportFormatName(format));
  return names;
}

std::unique_ptr<ReportWriter> MakeReportWriter(ReportFormat format, std::ostream& out,
                                               const TextReportOptions& text_options) {
  switch (format) {
    case ReportFormat::kText:
      return std::make_unique<TextReportWriter>(out, text_options);
    case ReportFormat::kJson:
      return std::make_unique<JsonReportWriter>(out);
    case ReportFormat::kJsonLines:
      return std::make_unique<JsonLinesReportWriter>(out);
    case ReportFormat::kCompact:
      return std::make_unique<CompactReportWriter>(out);
    case ReportFormat::kHtml:
      return std::make_unique<HtmlReportWriter>(out, text_options);
    case ReportFormat::kSarif:
      return std::make_unique<SarifReportWriter>(out);
    case ReportFormat::kJunit:
      return std::make_unique<JunitReportWriter>(out);
    case ReportFormat::kIssuesCsv:
      return std::make_unique<IssuesCsvWriter>(out);
  }
  return nullptr;
}

}  // namespace tradelint
