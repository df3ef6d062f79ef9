#pragma once
// ListCountries: the ISO 3166-1 alpha-2 code of each country name the sanctions lists write
// (`rulesets/reference/sanctions/list-countries.csv`, docs/screening.md, "Countries"), so that
// an entry's countries can be compared with a record's country codes.
//
//   std::optional<ListCountries> countries = ListCountries::Parse(text, file_name, &error);
//   countries->Code("Korea, North")  // "KP"
//
// Names are looked up in the matcher's normal form (NameTokens joined by spaces), so case,
// diacritics and punctuation do not matter ("KOREA, NORTH", "Korea North").

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/refdata/provenance.h"

namespace tradelint {

class ListCountries {
 public:
  static constexpr std::string_view kFileName = "sanctions/list-countries.csv";

  // Parses the table (columns `name,code`, provenance in its comment lines or `sidecar`). On
  // error returns nullopt and sets `error` to `<file_name>:<line>: <message>`.
  static std::optional<ListCountries> Parse(std::string_view text, std::string_view file_name,
                                            std::string* error,
                                            const Provenance* sidecar = nullptr);

  // The code of a country as a list writes it, or "" for a name the table does not have.
  std::string_view Code(std::string_view list_country) const;

  const Provenance& provenance() const { return provenance_; }

 private:
  Provenance provenance_;
  std::unordered_map<std::string, std::string> codes_;  // normal-form name -> code
};

}  // namespace tradelint
