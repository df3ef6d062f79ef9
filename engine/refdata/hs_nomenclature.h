#pragma once
// HsNomenclature: the Harmonized System nomenclature (WCO, 2022 edition) as published by UN
// Comtrade: chapters (2 digits), headings (4) and subheadings (6), each with its description.
// Declared HS codes are checked against it (docs/screening.md, "HS codes"); a national
// tariff code is valid when its first six digits are.
//
//   # source: ...
//   # date: 2022-01-01
//   # version: 2022.0
//   section,hscode,description,parent,level
//   I,010121,"Horses; live, pure-bred breeding animals",0101,6
//
// Immutable once loaded; safe to share between threads.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/refdata/provenance.h"

namespace tradelint {

class HsNomenclature {
 public:
  static constexpr std::string_view kFileName = "hs/harmonized-system-2022.csv";

  // Parses the file's text (RFC 4180 CSV after the `#` lines). On error returns nullopt and
  // sets `error` to `<file_name>:<line>: <message>`. `sidecar`: see ParseCsvTable.
  static std::optional<HsNomenclature> Parse(std::string_view text, std::string_view file_name,
                                             std::string* error,
                                             const Provenance* sidecar = nullptr);

  // Whether `code` (2, 4 or 6 digits) is a chapter, heading or subheading of the table.
  bool Contains(std::string_view code) const { return descriptions_.contains(code); }
  // The description of a code of the table, or null.
  const std::string* Description(std::string_view code) const;

  // For a code of 6 or more digits that the table lacks, up to `count` valid subheadings
  // nearest to it: those of its heading, else of its chapter, else any, nearest by number.
  std::vector<std::string> Nearest(std::string_view code, std::size_t count) const;

  const Provenance& provenance() const { return provenance_; }

 private:
  Provenance provenance_;
  std::map<std::string, std::string, std::less<>> descriptions_;  // code -> description
};

}  // namespace tradelint
