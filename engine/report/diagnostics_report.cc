#include "engine/report/diagnostics_report.h"

#include "engine/diag/codes.h"
#include "engine/json/json.h"
#include "engine/report/sarif_log.h"

namespace tradelint {
namespace {

// Where `span` lies: file, and 1-based start and (exclusive) end positions; no file when the
// span points nowhere.
SarifRegion RegionOf(const Span& span) {
  if (!span.valid()) return {};
  const SourceFile::Position start = span.file->PositionOf(span.begin);
  const SourceFile::Position end = span.file->PositionOf(span.end);
  return {.file = span.file->path(),
          .start_line = start.line,
          .start_column = start.column,
          .end_line = end.line,
          .end_column = end.column};
}

void WritePlace(JsonWriter& json, const SarifRegion& region, bool with_end) {
  json.Key("file");
  region.file.empty() ? json.Null() : json.String(region.file);
  for (const auto& [key, number] : {std::pair<std::string_view, int>{"line", region.start_line},
                                    {"column", region.start_column},
                                    {"end_line", region.end_line},
                                    {"end_column", region.end_column}}) {
    if (!with_end && key.starts_with("end_")) continue;
    json.Key(key);
    region.file.empty() ? json.Null() : json.Int(number);
  }
}

std::string_view CodeSummary(std::string_view code) {
  for (const CodeInfo& info : AllCodes()) {
    if (info.code == code) return info.summary;
  }
  return {};
}

}  // namespace

void WriteDiagnosticsJson(std::ostream& out, const Diagnostics& diagnostics,
                          std::size_t ruleset_files) {
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject().Key("diagnostics").BeginArray();
  for (const Diagnostic& diagnostic : diagnostics.all()) {
    json.BeginObject();
    json.Key("code").String(diagnostic.code);
    json.Key("severity").String(SeverityName(diagnostic.severity));
    WritePlace(json, RegionOf(diagnostic.span), /*with_end=*/true);
    json.Key("message").String(diagnostic.message);
    json.Key("help");
    diagnostic.help.empty() ? json.Null() : json.String(diagnostic.help);
    json.Key("labels").BeginArray();
    for (const DiagnosticLabel& label : diagnostic.labels) {
      json.BeginObject();
      WritePlace(json, RegionOf(label.span), /*with_end=*/false);
      json.Key("message").String(label.message);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("summary").BeginObject();
  json.Key("errors").Int(diagnostics.error_count());
  json.Key("warnings").Int(diagnostics.warning_count());
  json.Key("rulesets").Int(static_cast<std::int64_t>(ruleset_files));
  json.EndObject().EndObject();
  out << text << '\n';
}

void WriteDiagnosticsSarif(std::ostream& out, const Diagnostics& diagnostics,
                           const std::string& tool_version) {
  SarifLog log(out, tool_version);
  log.Begin();
  for (const Diagnostic& diagnostic : diagnostics.all()) {
    const std::string_view level = SarifLevel(SeverityName(diagnostic.severity));
    const std::size_t index = log.RuleIndex(diagnostic.code, [&] {
      const std::string summary(CodeSummary(diagnostic.code));
      return SarifRule{.id = diagnostic.code,
                       .short_description = summary,
                       .full_description = "",
                       .help = "docs/diagnostics.md, `" + diagnostic.code + "`: " + summary,
                       .level = std::string(level),
                       .properties = {},
                       .tags = {"ruleset_diagnostic"}};
    });
    JsonWriter& json = log.BeginResult(index, level, diagnostic.message);
    if (diagnostic.span.valid()) {
      json.Key("locations").BeginArray();
      log.Location(RegionOf(diagnostic.span), {});
      json.EndArray();
    }
    if (!diagnostic.labels.empty()) {
      json.Key("relatedLocations").BeginArray();
      for (const DiagnosticLabel& label : diagnostic.labels) {
        log.Location(RegionOf(label.span), {}, label.message);
      }
      json.EndArray();
    }
    if (!diagnostic.help.empty()) {
      json.Key("properties").BeginObject().Key("help").String(diagnostic.help).EndObject();
    }
    log.EndResult();
  }
  log.End();
}

}  // namespace tradelint
