#include "engine/report/issues_csv_writer.h"

#include <algorithm>

namespace tradelint {
namespace {

// `field` as an RFC 4180 field: quoted when it holds a comma, a quote or a line break, with
// quotes doubled.
void AppendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

void AddOnce(std::vector<std::string>& items, const std::string& item, std::size_t limit) {
  if (items.size() < limit && std::find(items.begin(), items.end(), item) == items.end()) {
    items.push_back(item);
  }
}

}  // namespace

IssuesCsvWriter::Issue& IssuesCsvWriter::Count(const std::string& name, const std::string& market,
                                               const RecordResult& result,
                                               const std::vector<std::string>& paths, bool waived) {
  Issue& issue = issues_[{name, market}];
  ++(waived ? issue.waived : issue.records);
  for (const std::string& path : paths) AddOnce(issue.attributes, path, kMaxAttributes);
  if (!waived) AddOnce(issue.examples, result.id ? *result.id : result.source, kMaxExamples);
  return issue;
}

void IssuesCsvWriter::Result(const RecordResult& result) {
  if (result.error) {
    Count(result.error->code, "", result, result.error->paths, false);
    return;
  }
  for (const Finding& finding : result.findings) {
    Issue& issue =
        Count(finding.rule->id, *result.market, result, finding.paths, finding.waived.has_value());
    issue.rule = finding.rule;
  }
}

void IssuesCsvWriter::End(const Summary&) {
  using Row = std::pair<const std::pair<std::string, std::string>, Issue>;
  std::vector<const Row*> rows;
  for (const Row& row : issues_) rows.push_back(&row);
  const auto severity = [](const Row* row) {
    return row->second.rule == nullptr ? Severity::kError : row->second.rule->severity;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) {
    if (severity(a) != severity(b)) return severity(a) < severity(b);
    return a->second.records > b->second.records;
  });
  std::string text =
      "issue,ref,severity,domain,market,title,citation,attributes,records,waived,"
      "example_record_ids\r\n";
  for (const Row* row : rows) {
    const auto& [key, issue] = *row;
    const CheckedRule* rule = issue.rule;
    const std::string fields[] = {
        key.first,
        rule != nullptr ? rule->ref : "",
        std::string(SeverityName(severity(row))),
        rule != nullptr ? rule->domain : "",
        key.second,
        rule != nullptr ? rule->title : "invalid record",
        rule != nullptr ? rule->citation : "",
        Joined(issue.attributes, " "),
        std::to_string(issue.records),
        std::to_string(issue.waived),
        Joined(issue.examples, "|"),
    };
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i > 0) text += ',';
      AppendCsvField(text, fields[i]);
    }
    text += "\r\n";
  }
  out_ << text;
}

}  // namespace tradelint
