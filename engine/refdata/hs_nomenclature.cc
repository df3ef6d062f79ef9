#include "engine/refdata/hs_nomenclature.h"

#include <algorithm>
#include <cstdlib>

#include "engine/refdata/csv_records.h"

namespace tradelint {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<HsNomenclature> HsNomenclature::Parse(std::string_view text,
                                                    std::string_view file_name, std::string* error,
                                                    const Provenance* sidecar) {
  HsNomenclature table;
  table.provenance_.name = std::string(kFileName);
  // The `#` lines before the header carry the provenance.
  int line = 0;
  while (!text.empty() && text.front() == '#') {
    ++line;
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view comment = text.substr(1, end);
    while (!comment.empty() && (comment.front() == ' ')) comment.remove_prefix(1);
    while (!comment.empty() &&
           (comment.back() == '\n' || comment.back() == '\r' || comment.back() == ' '))
      comment.remove_suffix(1);
    for (auto [key, field] :
         {std::pair{std::string_view("source:"), &table.provenance_.source},
          std::pair{std::string_view("date:"), &table.provenance_.date},
          std::pair{std::string_view("version:"), &table.provenance_.version}}) {
      if (comment.starts_with(key)) {
        std::string_view value = comment.substr(key.size());
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        *field = std::string(value);
      }
    }
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  if (sidecar != nullptr) {
    table.provenance_.source = sidecar->source;
    table.provenance_.date = sidecar->date;
    table.provenance_.version = sidecar->version;
  }
  auto fail = [&](int at, const std::string& message) {
    *error = std::string(file_name) + ":" + std::to_string(at) + ": " + message;
    return std::nullopt;
  };
  if (table.provenance_.source.empty() || table.provenance_.date.empty())
    return fail(1, "the `# source:` and `# date:` lines are required");
  const std::vector<CsvRecord> records = ReadCsvRecords(text);
  if (records.empty() || records[0].fields.size() < 5 || records[0].fields[1] != "hscode")
    return fail(line + 1, "expected the header section,hscode,description,parent,level");
  for (std::size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& record = records[i];
    if (record.fields.size() < 5) return fail(line + record.line, "expected 5 fields");
    const std::string& code = record.fields[1];
    // UN Comtrade's rows "TOTAL" and chapter 99 ("commodities not specified according to
    // kind") are statistical codes, not HS codes: a declared 9999xx is unknown.
    if (code == "TOTAL" || code.starts_with("99")) continue;
    if (!AllDigits(code) || (code.size() != 2 && code.size() != 4 && code.size() != 6))
      return fail(line + record.line, "`" + code + "` is not a code of 2, 4 or 6 digits");
    table.descriptions_.emplace(code, record.fields[2]);
  }
  return table;
}

const std::string* HsNomenclature::Description(std::string_view code) const {
  const auto found = descriptions_.find(code);
  return found == descriptions_.end() ? nullptr : &found->second;
}

std::vector<std::string> HsNomenclature::Nearest(std::string_view code, std::size_t count) const {
  std::vector<std::string> nearest;
  if (code.size() < 6 || !AllDigits(code.substr(0, 6))) return nearest;
  const std::string_view six = code.substr(0, 6);
  const long wanted = std::atol(std::string(six).c_str());
  for (std::size_t prefix : {4, 2, 0}) {
    const std::string_view start = six.substr(0, prefix);
    std::vector<std::pair<long, std::string>> candidates;
    for (auto it = descriptions_.lower_bound(start);
         it != descriptions_.end() && it->first.starts_with(start); ++it) {
      if (it->first.size() == 6)
        candidates.emplace_back(std::labs(std::atol(it->first.c_str()) - wanted), it->first);
    }
    if (candidates.empty()) continue;
    std::sort(candidates.begin(), candidates.end());
    for (std::size_t i = 0; i < candidates.size() && i < count; ++i)
      nearest.push_back(candidates[i].second);
    break;
  }
  std::sort(nearest.begin(), nearest.end());
  return nearest;
}

}  // namespace tradelint
