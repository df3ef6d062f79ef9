#include "engine/report/jsonl_report_writer.h"

#include "engine/json/json.h"
#include "engine/report/result_json.h"

namespace tradelint {

void JsonLinesReportWriter::Result(const RecordResult& result) {
  line_.clear();
  JsonWriter json(line_, JsonWriter::Style::kCompact);
  WriteResultJson(json, result);
  line_ += '\n';
  out_ << line_;
}

void JsonLinesReportWriter::Group(const GroupResult& group) {
  line_.clear();
  JsonWriter json(line_, JsonWriter::Style::kCompact);
  json.BeginObject();
  WriteGroupJson(json.Key("group"), group);
  json.EndObject();
  line_ += '\n';
  out_ << line_;
}

}  // namespace tradelint
