#include "engine/refdata/language_table.h"

#include <algorithm>
#include <array>

#include "engine/refdata/csv_table.h"

namespace tradelint {
namespace {

bool IsLetters(std::string_view text, std::size_t min, std::size_t max, char first, char last) {
  return text.size() >= min && text.size() <= max &&
         std::all_of(text.begin(), text.end(), [&](char c) { return c >= first && c <= last; });
}

}  // namespace

std::optional<LanguageTable> LanguageTable::Parse(std::string_view text, std::string_view file_name,
                                                  std::string* error, const Provenance* sidecar) {
  static constexpr std::array<std::string_view, 2> kColumns = {"country", "languages"};
  std::optional<CsvTable> table = ParseCsvTable(text, file_name, kColumns, error, sidecar);
  if (!table) return std::nullopt;
  LanguageTable result;
  result.provenance_ = std::move(table->provenance);
  result.provenance_.name = std::string(kFileName);
  for (const CsvTable::Row& row : table->rows) {
    const auto fail = [&](const std::string& message) {
      *error = std::string(file_name) + ":" + std::to_string(row.line) + ": " + message;
      return std::nullopt;
    };
    const std::string country(row.fields[0]);
    if (!IsLetters(country, 2, 2, 'A', 'Z')) {
      return fail("`" + country + "` is not a country code (two capital letters)");
    }
    std::vector<std::string> languages;
    std::string_view list = row.fields[1];
    while (!list.empty()) {
      const std::size_t space = list.find(' ');
      const std::string_view tag = list.substr(0, space);
      list.remove_prefix(space == std::string_view::npos ? list.size() : space + 1);
      if (tag.empty()) continue;
      if (!IsLetters(tag, 2, 3, 'a', 'z')) {
        return fail("`" + std::string(tag) +
                    "` is not a language subtag (two or three lower-case letters)");
      }
      languages.emplace_back(tag);
    }
    if (languages.empty()) return fail("no language for " + country);
    if (!result.languages_.emplace(country, std::move(languages)).second) {
      return fail("a second row for " + country);
    }
  }
  return result;
}

void LanguageTable::Add(const LanguageTable& extra) {
  for (const auto& [country, languages] : extra.languages_) languages_[country] = languages;
}

const std::vector<std::string>* LanguageTable::Of(std::string_view country) const {
  const auto it = languages_.find(country);
  return it == languages_.end() ? nullptr : &it->second;
}

std::set<std::string, std::less<>> LanguageTable::AllLanguages() const {
  std::set<std::string, std::less<>> all;
  for (const auto& [country, languages] : languages_)
    all.insert(languages.begin(), languages.end());
  return all;
}

}  // namespace tradelint
