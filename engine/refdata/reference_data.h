#pragma once
// ReferenceData: the dated tables shipped beside the rulesets (`rulesets/reference/`) that
// functions read while evaluating: ECB euro foreign exchange reference rates, the official
// languages of each country, the Harmonized System nomenclature, and tables a later stage
// derives from reference files on first use (the sanctions lists and their index, Derived). Each
// table records its source and snapshot date (`provenance`) for the report's `reference_data`, so
// that a decision can be replayed.
//
// Immutable once loaded and safe to share between threads: every method is const and reads
// only.
//
//   std::string error;
//   std::optional<ReferenceData> reference = ReferenceData::Load("rulesets/reference", &error);
//   if (!reference) { std::cerr << error << "\n"; return 2; }   // "…/languages.csv:12: …"
//   std::optional<FxRate> usd = reference->EurRate(Currency::FromCode("USD"), as_of);

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/date.h"
#include "engine/refdata/fx_table.h"
#include "engine/refdata/hs_nomenclature.h"
#include "engine/refdata/language_table.h"
#include "engine/refdata/provenance.h"
#include "engine/refdata/reference_overlay.h"
#include "engine/value/value.h"

namespace tradelint {

class ReferenceData {
 public:
  ReferenceData(FxTable fx, LanguageTable languages, std::optional<HsNomenclature> hs = {},
                std::string directory = "", ReferenceOverlay overlay = ReferenceOverlay())
      : fx_(std::move(fx)),
        languages_(std::move(languages)),
        hs_(std::move(hs)),
        directory_(std::move(directory)),
        overlay_(std::move(overlay)),
        derived_(std::make_unique<DerivedTables>()) {}

  // Reads `<directory>/fx/ecb-euro-reference-rates.csv`, `<directory>/languages.csv` and
  // `<directory>/hs/harmonized-system-2022.csv`, or the files of `overlay` that replace them,
  // then adds the rows of `language_extensions` (ruleset folders' `extension/languages.csv`,
  // LanguageTable::Add) in order. On error returns nullopt and sets `error` to
  // `<path>:<line>: <message>` (or `<path>: cannot read the file`).
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
  const LanguageTable& languages() const { return languages_; }

  // The HS 2022 nomenclature; null when the data was built without it (tests).
  const HsNomenclature* hs() const { return hs_ ? &*hs_ : nullptr; }

  // A table derived from reference files, built by `build` on the first call with `key` and
  // kept for this object's life (later calls return the same table, or the same error,
  // without calling `build`). Thread-safe. `build` reads files through the reference
  // directory and overlay it is given, adds the provenance of what it read and returns the
  // table, or null with `error` set. A table used in a run is listed by provenance().
  struct DerivedTable {
    std::shared_ptr<const void> table;
    std::vector<Provenance> provenance;
    std::string error;
  };
  using DeriveFunction = std::function<std::shared_ptr<const void>(
      const std::string& directory, const ReferenceOverlay& overlay,
      std::vector<Provenance>* provenance, std::string* error)>;
  const DerivedTable& Derived(const std::string& key, const DeriveFunction& build) const;

  // One entry per table: FX rates, languages, each language extension (named by its path),
  // HS nomenclature, then the derived tables built so far, by key.
  std::vector<Provenance> provenance() const;

 private:
  struct DerivedTables {
    std::mutex mutex;
    std::map<std::string, DerivedTable> tables;
  };
  FxTable fx_;
  LanguageTable languages_;
  std::vector<Provenance> extensions_;
  std::optional<HsNomenclature> hs_;
  std::string directory_;
  ReferenceOverlay overlay_;
  std::unique_ptr<DerivedTables> derived_;
};

}  // namespace tradelint
