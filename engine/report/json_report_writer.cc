#include "engine/report/json_report_writer.h"

#include "engine/report/result_json.h"

namespace tradelint {
namespace {

void WriteCounts(JsonWriter& json, std::string_view key,
                 const std::map<std::string, FindingCounts, std::less<>>& counts) {
  json.Key(key).BeginObject();
  for (const auto& [name, count] : counts) {
    json.Key(name).BeginObject();
    json.Key("error").Int(count.error);
    json.Key("warning").Int(count.warning);
    json.Key("info").Int(count.info);
    json.Key("waived").Int(count.waived);
    json.EndObject();
  }
  json.EndObject();
}

}  // namespace

void WriteSummaryJson(JsonWriter& json, const Summary& summary) {
  json.BeginObject();
  json.Key("records").Int(summary.records);
  json.Key("results").Int(summary.results);
  json.Key("invalid").Int(summary.invalid);
  json.Key("verdicts").BeginObject();
  json.Key("pass").Int(summary.pass);
  json.Key("not_covered").Int(summary.not_covered);
  json.Key("warn").Int(summary.warn);
  json.Key("fail").Int(summary.fail);
  json.Key("invalid").Int(summary.invalid);
  json.EndObject();
  WriteCounts(json, "by_rule", summary.by_rule);
  WriteCounts(json, "by_market", summary.by_market);
  WriteCounts(json, "by_domain", summary.by_domain);
  json.Key("warnings").BeginArray();
  for (const std::string& warning : summary.warnings) json.String(warning);
  json.EndArray();
  json.EndObject();
}

void JsonReportWriter::Begin(const RunInfo& run) {
  json_.BeginObject();
  json_.Key("tool").BeginObject();
  json_.Key("name").String("tradelint");
  json_.Key("version").String(run.tool_version);
  json_.EndObject();
  json_.Key("rulesets").BeginArray();
  for (const RulesetInfo& ruleset : run.rulesets) {
    json_.BeginObject();
    json_.Key("id").String(ruleset.id);
    json_.Key("version").String(ruleset.version);
    json_.Key("jurisdiction").String(ruleset.jurisdiction);
    json_.Key("title").String(ruleset.title);
    json_.EndObject();
  }
  json_.EndArray();
  json_.Key("reference_data").BeginArray();
  for (const ReferenceTable& table : run.reference_tables) {
    json_.BeginObject();
    json_.Key("name").String(table.name);
    json_.Key("source").String(table.source);
    json_.Key("date").String(table.date);
    if (!table.version.empty()) json_.Key("version").String(table.version);
    json_.EndObject();
  }
  json_.EndArray();
  json_.Key("results").BeginArray();
  Drain();
}

void JsonReportWriter::Result(const RecordResult& result) {
  WriteResultJson(json_, result);
  Drain();
}

void JsonReportWriter::Group(const GroupResult& group) { groups_.push_back(group); }

void JsonReportWriter::End(const Summary& summary) {
  json_.EndArray();
  json_.Key("groups").BeginArray();
  for (const GroupResult& group : groups_) WriteGroupJson(json_, group);
  json_.EndArray();
  WriteSummaryJson(json_.Key("summary"), summary);
  json_.EndObject();
  buffer_ += '\n';
  Drain();
}

void JsonReportWriter::Drain() {
  out_ << buffer_;
  buffer_.clear();
}

}  // namespace tradelint
