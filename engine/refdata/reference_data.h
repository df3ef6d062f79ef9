#pragma once
// ReferenceData: the dated tables shipped beside the rulesets (`rulesets/reference/`) that
// functions read while evaluating: ECB euro foreign exchange reference rates and the official
// languages of each country. Each table records its source and snapshot date (`provenance`)
// for the report's `reference_data`, so that a decision can be replayed.
//
// Immutable once loaded and safe to share between threads: every method is const and reads
// only.
//
//   std::string error;
//   std::optional<ReferenceData> reference = ReferenceData::Load("rulesets/reference", &error);
//   if (!reference) { std::cerr << error << "\n"; return 2; }   // "…/languages.csv:12: …"
//   std::optional<FxRate> usd = reference->EurRate(Currency::FromCode("USD"), as_of);

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/date.h"
#include "engine/refdata/fx_table.h"
#include "engine/refdata/language_table.h"
#include "engine/refdata/provenance.h"
#include "engine/refdata/reference_overlay.h"
#include "engine/value/value.h"

namespace tradelint {

class ReferenceData {
 public:
  ReferenceData(FxTable fx, LanguageTable languages)
      : fx_(std::move(fx)), languages_(std::move(languages)) {}

  // Reads `<directory>/fx/ecb-euro-reference-rates.csv` and `<directory>/languages.csv`, or
  // the files of `overlay` that replace them, then adds the rows of `language_extensions`
  // (ruleset folders' `extension/languages.csv`, LanguageTable::Add) in order. On error
  // returns nullopt and sets `error` to `<path>:<line>: <message>` (or `<path>: cannot read
  // the file`).
  static std::optional<ReferenceData> Load(
      const std::string& directory, std::string* error,
      const ReferenceOverlay& overlay = ReferenceOverlay(),
      const std::vector<std::string>& language_extensions = {});

  // See FxTable::EurRate: units of `currency` per 1 EUR on the latest date on or before
  // `as_of`, with that date; nullopt before the table starts or for an unknown currency.
  std::optional<FxRate> EurRate(Currency currency, Date as_of) const {
    return fx_.EurRate(currency, as_of);
  }

  // The latest date of the FX rates (FxTable::latest_date).
  std::optional<Date> fx_latest_date() const { return fx_.latest_date(); }

  // ISO 639-1 subtags of the official languages of a country (`DE` -> {"de"}), or null for a
  // code the table does not have.
  const std::vector<std::string>* OfficialLanguages(std::string_view country) const {
    return languages_.Of(country);
  }

  // One entry per table, in a fixed order (FX rates, languages, then each language
  // extension, named by its path).
  std::vector<Provenance> provenance() const {
    std::vector<Provenance> tables = {fx_.provenance(), languages_.provenance()};
    tables.insert(tables.end(), extensions_.begin(), extensions_.end());
    return tables;
  }

 private:
  FxTable fx_;
  LanguageTable languages_;
  std::vector<Provenance> extensions_;
};

}  // namespace tradelint
