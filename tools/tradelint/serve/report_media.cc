#include "tools/tradelint/serve/report_media.h"

#include <fmt/format.h>

#include <vector>

namespace tradelint::serve {

std::string ContentTypeOfFormat(std::string_view name) {
  if (name == "json") return "application/json";
  if (name == "jsonl") return "application/x-ndjson";
  if (name == "sarif") return "application/sarif+json";
  if (name == "junit") return "application/xml; charset=utf-8";
  if (name == "html") return "text/html; charset=utf-8";
  if (name == "issues-csv") return "text/csv; charset=utf-8";
  return "text/plain; charset=utf-8";
}

std::optional<ReportMedia> NegotiateReportMedia(std::string_view format_parameter,
                                                std::string_view accept, std::string* error) {
  std::string_view name = format_parameter;
  if (name.empty()) name = accept.find("text/html") != std::string_view::npos ? "html" : "json";
  const std::optional<ReportFormat> format = ReportFormatFromName(name);
  if (!format) {
    *error = fmt::format("this server cannot write a `{}` report; formats: {} (?format=NAME)", name,
                         fmt::join(ReportFormatNames(), ", "));
    return std::nullopt;
  }
  return ReportMedia{*format, ContentTypeOfFormat(name)};
}

}  // namespace tradelint::serve
