#pragma once
// The `markets` plugin: market codes and the languages of markets, on the as-of date.
//
//   country_of(code)          the country of a subdivision (`US-CA` -> `US`), a country itself
//   is_group(code)            whether the code is a group of countries (`EU`, `EEA`, `GCC`)
//   members(group)            the member countries of a group on the as-of date, sorted
//   official_languages(m)     the official language subtags of a market: a country's from the
//                             reference table; a subdivision's country's; for a group the
//                             union over its members on the as-of date
//   primary_language(tag)     the primary language subtag of a BCP 47 tag, lower case
//                             (`en-GB` -> `en`)
//
// Market codes are case-sensitive (upper case), as the market table defines them. A code that
// is not a market gives missing, except for is_group, which is false for it.

#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

class MarketsPlugin : public Plugin {
 public:
  std::string_view name() const override { return "markets"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;
};

}  // namespace tradelint
