#include "engine/screening/ofac_sdn.h"

#include <cctype>
#include <span>
#include <string_view>
#include <unordered_map>

#include "engine/refdata/csv_records.h"

namespace tradelint {
namespace {

// std::isspace in the C locale (the program's), without a library call per character.
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A field trimmed, `-0-` (OFAC's empty) as empty.
std::string_view Clean(std::string_view field) {
  while (!field.empty() && IsSpace(field.front())) field.remove_prefix(1);
  while (!field.empty() && IsSpace(field.back())) field.remove_suffix(1);
  if (field == "-0-") return "";
  return field;
}

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

// The entry's digest continued over a row of its files: each field cleaned, then 0x1F.
std::uint64_t Digest(std::span<const std::string_view> fields, std::uint64_t digest) {
  for (const std::string_view field : fields) digest = Fnv1a("\x1f", Fnv1a(Clean(field), digest));
  return digest;
}

// The years of `DOB ...;` clauses: `DOB 07 Oct 1952`, `DOB circa 1960`, `DOB 1962 to 1965`.
std::vector<int> BirthYears(std::string_view remarks) {
  std::vector<int> years;
  std::size_t at = 0;
  while ((at = remarks.find("DOB ", at)) != std::string_view::npos) {
    const std::size_t end = std::min(remarks.find(';', at), remarks.size());
    const std::string_view clause = remarks.substr(at, end - at);
    for (std::size_t i = 0; i + 4 <= clause.size(); ++i) {
      const bool boundary =
          (i == 0 || !std::isdigit(static_cast<unsigned char>(clause[i - 1]))) &&
          (i + 4 == clause.size() || !std::isdigit(static_cast<unsigned char>(clause[i + 4])));
      if (!boundary) continue;
      int year = 0;
      bool digits = true;
      for (std::size_t k = i; k < i + 4; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(clause[k]))) digits = false;
        year = year * 10 + (clause[k] - '0');
      }
      if (digits && year >= 1880 && year <= 2100) years.push_back(year);
    }
    at = end;
  }
  return years;
}

// The countries of `nationality X;` and `citizen X;` clauses.
std::vector<std::string> Nationalities(std::string_view remarks) {
  std::vector<std::string> countries;
  for (std::string_view marker : {"nationality ", "citizen "}) {
    std::size_t at = 0;
    while ((at = remarks.find(marker, at)) != std::string_view::npos) {
      at += marker.size();
      const std::size_t end = std::min(remarks.find_first_of(";.", at), remarks.size());
      countries.push_back(Upper(Clean(remarks.substr(at, end - at))));
    }
  }
  return countries;
}

void AddCountry(ListEntry& entry, std::string country) {
  if (country.empty()) return;
  for (const std::string& known : entry.countries) {
    if (known == country) return;
  }
  entry.countries.push_back(std::move(country));
}

}  // namespace

std::optional<SanctionsList> ParseOfacSdn(const SdnFiles& files, Provenance provenance,
                                          std::string* error) {
  SanctionsList list;
  list.id = "sdn";
  list.title = "OFAC SDN List";
  list.provenance = std::move(provenance);
  std::unordered_map<std::string, std::size_t> index;  // ent_num -> entry
  for (CsvRows rows(files.sdn); rows.Next();) {
    const std::span<const std::string_view> row = rows.fields();
    if (row.size() == 1) continue;  // the files end with a DOS end-of-file mark (0x1A)
    if (row.size() < 4 || Clean(row[0]).empty()) {
      *error = "sdn.csv:" + std::to_string(rows.line()) +
               ": expected ent_num, SDN_Name, SDN_Type, "
               "Program, ... (OFAC's legacy CSV)";
      return std::nullopt;
    }
    ListEntry entry;
    entry.id = Clean(row[0]);
    entry.names.push_back({std::string(Clean(row[1])), "primary", false});
    const std::string_view type = Clean(row[2]);
    entry.type = type.empty() ? "entity" : type;
    std::string programs(Clean(row[3]));
    for (std::size_t at; (at = programs.find("] [")) != std::string::npos;)
      programs.replace(at, 3, "; ");
    if (!programs.empty() && programs.front() == '[') programs.erase(0, 1);
    if (!programs.empty() && programs.back() == ']') programs.pop_back();
    entry.programs = programs;
    const std::string_view remarks = row.size() > 11 ? Clean(row[11]) : "";
    entry.birth_years = BirthYears(remarks);
    for (std::string& country : Nationalities(remarks)) AddCountry(entry, std::move(country));
    entry.digest = Digest(row, Fnv1a(""));
    index.emplace(entry.id, list.entries.size());
    list.entries.push_back(std::move(entry));
  }
  if (list.entries.empty()) {
    *error = "sdn.csv: no entries";
    return std::nullopt;
  }
  auto entry_of = [&](std::span<const std::string_view> row) -> ListEntry* {
    if (row.empty()) return nullptr;
    auto found = index.find(std::string(Clean(row[0])));
    return found == index.end() ? nullptr : &list.entries[found->second];
  };
  for (CsvRows rows(files.alt); rows.Next();) {
    const std::span<const std::string_view> row = rows.fields();
    ListEntry* entry = entry_of(row);
    if (entry == nullptr || row.size() < 4 || Clean(row[3]).empty()) continue;
    const std::string_view remarks = row.size() > 4 ? Clean(row[4]) : "";
    const std::string_view type = Clean(row[2]);
    entry->names.push_back({std::string(Clean(row[3])), std::string(type.empty() ? "aka" : type),
                            remarks.find("weak") != std::string_view::npos});
    entry->digest = Digest(row, entry->digest);
  }
  for (CsvRows rows(files.add); rows.Next();) {
    const std::span<const std::string_view> row = rows.fields();
    ListEntry* entry = entry_of(row);
    if (entry == nullptr) continue;
    if (row.size() > 4) AddCountry(*entry, Upper(Clean(row[4])));
    entry->digest = Digest(row, entry->digest);
  }
  return list;
}

}  // namespace tradelint
