#include "engine/report/sarif_report_writer.h"

namespace tradelint {
namespace {

// The rule's text as written: literal pieces, and each interpolated expression as `{expr}`.
std::string AsWritten(const CheckedText& text) {
  std::string out;
  for (const CheckedText::Piece& piece : text.pieces) {
    if (piece.expr == nullptr) {
      out += piece.literal;
    } else {
      out += '{';
      out += piece.expr->span.valid() ? piece.expr->span.text() : "...";
      out += '}';
    }
  }
  return out;
}

// The default-language text among `texts` (the one without a language, else the first).
const CheckedText* DefaultText(const std::vector<CheckedText>& texts) {
  for (const CheckedText& text : texts) {
    if (text.language.empty()) return &text;
  }
  return texts.empty() ? nullptr : &texts.front();
}

SarifRule DescribeRule(const CheckedRule& rule) {
  const CheckedText* help = DefaultText(rule.fixes);
  if (help == nullptr) help = DefaultText(rule.messages);
  SarifRule described{
      .id = rule.id,
      .short_description = rule.title,
      .full_description = rule.title + " (" + rule.citation + ")",
      .help = help == nullptr ? rule.title : AsWritten(*help),
      .level = std::string(SarifLevel(SeverityName(rule.severity))),
      .properties = {{"citation", rule.citation},
                     {"ref", rule.ref},
                     {"ruleset", rule.ruleset},
                     {"jurisdiction", rule.jurisdiction},
                     {"domain", rule.domain},
                     {"responsible", rule.responsible}},
      .tags = {rule.domain},
  };
  return described;
}

SarifRegion RegionOf(const RecordResult& result) {
  const SourceLine source = SplitSource(result.source);
  return {.file = std::string(source.file), .start_line = source.line};
}

void WriteStrings(JsonWriter& json, std::string_view key, const std::vector<std::string>& strings) {
  if (strings.empty()) return;
  json.Key(key).BeginArray();
  for (const std::string& text : strings) json.String(text);
  json.EndArray();
}

}  // namespace

void SarifReportWriter::Begin(const RunInfo& run) {
  log_.emplace(out_, run.tool_version);
  log_->Begin();
}

void SarifReportWriter::Result(const RecordResult& result) {
  if (result.error) {
    WriteInvalid(result);
    return;
  }
  for (const Finding& finding : result.findings) WriteFinding(result, finding);
}

void SarifReportWriter::End(const Summary&) { log_->End(); }

void SarifReportWriter::WriteFinding(const RecordResult& result, const Finding& finding) {
  const CheckedRule& rule = *finding.rule;
  const std::size_t index = log_->RuleIndex(rule.id, [&] { return DescribeRule(rule); });
  JsonWriter& json =
      log_->BeginResult(index, SarifLevel(SeverityName(rule.severity)), finding.message);
  json.Key("locations").BeginArray();
  log_->Location(RegionOf(result), finding.paths);
  json.EndArray();
  if (finding.waived) {
    json.Key("suppressions").BeginArray().BeginObject();
    json.Key("kind").String("external");
    json.Key("status").String("accepted");
    json.Key("justification").String(finding.waived->reason);
    json.Key("properties").BeginObject();
    json.Key("expires").String(finding.waived->expires.ToString());
    json.Key("approved_by").String(finding.waived->approved_by);
    json.EndObject();
    json.EndObject().EndArray();
  }
  WriteRecordProperties(result);
  json.Key("basis").String(BasisName(finding.basis));
  WriteStrings(json, "missing", finding.missing);
  if (finding.basis == Basis::kUndecided) json.Key("reason").String(finding.reason);
  WriteStrings(json, "members", finding.members);
  if (!finding.fix.empty()) json.Key("fix").String(finding.fix);
  json.EndObject();  // properties
  log_->EndResult();
}

void SarifReportWriter::WriteInvalid(const RecordResult& result) {
  const RecordError& error = *result.error;
  const std::size_t index = log_->RuleIndex(error.code, [&] {
    return SarifRule{.id = error.code,
                     .short_description = "The record cannot be judged: " + error.code + ".",
                     .full_description = "",
                     .help =
                         "Correct the record as the message says; docs/cli.md lists the "
                         "codes of invalid records.",
                     .level = "error",
                     .properties = {},
                     .tags = {"invalid_record"}};
  });
  JsonWriter& json = log_->BeginResult(index, "error", error.message);
  json.Key("locations").BeginArray();
  log_->Location(RegionOf(result), error.paths);
  json.EndArray();
  WriteRecordProperties(result);
  json.EndObject();  // properties
  log_->EndResult();
}

void SarifReportWriter::WriteRecordProperties(const RecordResult& result) {
  JsonWriter& json = log_->json();
  json.Key("properties").BeginObject();
  if (result.id) json.Key("record_id").String(*result.id);
  if (result.kind) json.Key("record_kind").String(RecordKindName(*result.kind));
  if (!result.hash.empty()) json.Key("record_hash").String(result.hash);
  if (result.market) json.Key("market").String(*result.market);
  if (result.as_of) json.Key("as_of").String(result.as_of->ToString());
  json.Key("verdict").String(VerdictName(result.verdict));
}

}  // namespace tradelint
