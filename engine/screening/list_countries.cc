#include "engine/screening/list_countries.h"

#include <array>

#include "engine/refdata/csv_table.h"
#include "engine/screening/name_tokens.h"

namespace tradelint {
namespace {

std::string NormalForm(std::string_view name) {
  std::string normal;
  for (const std::string& word : NameTokens(name)) {
    if (!normal.empty()) normal += ' ';
    normal += word;
  }
  return normal;
}

bool IsAlpha2(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

}  // namespace

std::optional<ListCountries> ListCountries::Parse(std::string_view text, std::string_view file_name,
                                                  std::string* error, const Provenance* sidecar) {
  static constexpr std::array<std::string_view, 2> kColumns = {"name", "code"};
  std::optional<CsvTable> table = ParseCsvTable(text, file_name, kColumns, error, sidecar);
  if (!table) return std::nullopt;
  ListCountries countries;
  countries.provenance_ = std::move(table->provenance);
  countries.provenance_.name = std::string(kFileName);
  for (const CsvTable::Row& row : table->rows) {
    const std::string name = NormalForm(row.fields[0]);
    const std::string_view code = row.fields[1];
    const auto fail = [&](const std::string& message) {
      *error = std::string(file_name) + ":" + std::to_string(row.line) + ": " + message;
      return std::nullopt;
    };
    if (name.empty()) return fail("a country name is empty");
    if (!IsAlpha2(code))
      return fail("`" + std::string(code) + "` is not an ISO 3166-1 alpha-2 code");
    if (!countries.codes_.emplace(name, std::string(code)).second)
      return fail("`" + name + "` appears twice");
  }
  return countries;
}

std::string_view ListCountries::Code(std::string_view list_country) const {
  const auto found = codes_.find(NormalForm(list_country));
  return found == codes_.end() ? std::string_view() : std::string_view(found->second);
}

}  // namespace tradelint
