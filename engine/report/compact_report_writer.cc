#include "engine/report/compact_report_writer.h"

#include <algorithm>

#include "engine/json/json.h"

namespace tradelint {

void CompactReportWriter::Result(const RecordResult& result) {
  names_.clear();
  for (const Finding& finding : result.findings) {
    if (finding.waived) continue;
    names_.push_back(finding.rule->ref.empty() ? std::string_view(finding.rule->id)
                                               : std::string_view(finding.rule->ref));
  }
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());

  line_.assign("{\"id\":");
  if (result.id) {
    AppendJsonString(line_, *result.id);
  } else {
    line_ += "null";
  }
  line_ += ",\"market\":";
  if (result.market) {
    AppendJsonString(line_, *result.market);
  } else {
    line_ += "null";
  }
  line_ += ",\"rules\":[";
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (i > 0) line_ += ',';
    AppendJsonString(line_, names_[i]);
  }
  line_ += ']';
  if (result.verdict == Verdict::kNotCovered) line_ += ",\"not_covered\":true";
  if (result.error) {
    line_ += ",\"invalid\":";
    AppendJsonString(line_, result.error->code);
    line_ += ",\"source\":";
    AppendJsonString(line_, result.source);
  }
  line_ += "}\n";
  out_ << line_;
}

}  // namespace tradelint
