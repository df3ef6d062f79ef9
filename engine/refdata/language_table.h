#pragma once
// Official languages per country: for each ISO 3166-1 alpha-2 country code, the ISO 639-1
// language subtags (lower case) of its official or national languages, in the table's order.
//
// The table file (`languages.csv`) has the columns `country,languages`; `languages` is a
// space-separated list (`BE,nl fr de`). Immutable after Parse; safe to read from several
// threads.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/refdata/provenance.h"

namespace tradelint {

class LanguageTable {
 public:
  static constexpr std::string_view kFileName = "languages.csv";

  // Parses the CSV text of the table; `file_name` names it in errors only (the provenance's
  // name is always kFileName). A country code that is not two capital letters, a
  // repeated country, an empty language list or a subtag that is not two or three lower-case
  // letters is an error `<file_name>:<line>: <message>`. `sidecar`: see ParseCsvTable.
  static std::optional<LanguageTable> Parse(std::string_view text, std::string_view file_name,
                                            std::string* error,
                                            const Provenance* sidecar = nullptr);

  // Takes the rows of `extra` (a ruleset folder's extension table, docs/extending.md): a
  // country this table lacks is added, one it has gets `extra`'s languages. This table's
  // provenance stays; `extra` keeps its own.
  void Add(const LanguageTable& extra);

  // The languages of `country`, or null for a country the table does not have.
  const std::vector<std::string>* Of(std::string_view country) const;

  // Every language of some country, without repeats.
  std::set<std::string, std::less<>> AllLanguages() const;

  const Provenance& provenance() const { return provenance_; }

 private:
  Provenance provenance_;
  std::map<std::string, std::vector<std::string>, std::less<>> languages_;
};

}  // namespace tradelint
