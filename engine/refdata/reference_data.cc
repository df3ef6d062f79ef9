#include "engine/refdata/reference_data.h"

#include "engine/base/file.h"

namespace tradelint {

std::optional<ReferenceData> ReferenceData::Load(
    const std::string& directory, std::string* error, const ReferenceOverlay& overlay,
    const std::vector<std::string>& language_extensions) {
  const ReferenceOverlay::File fx_file =
      overlay.Locate(directory + "/" + std::string(FxTable::kFileName));
  const ReferenceOverlay::File languages_file =
      overlay.Locate(directory + "/" + std::string(LanguageTable::kFileName));
  const std::optional<std::string> fx_text = ReadFile(fx_file.path);
  if (!fx_text) {
    *error = fx_file.path + ": cannot read the file";
    return std::nullopt;
  }
  const std::optional<std::string> languages_text = ReadFile(languages_file.path);
  if (!languages_text) {
    *error = languages_file.path + ": cannot read the file";
    return std::nullopt;
  }
  std::optional<FxTable> fx =
      FxTable::Parse(*fx_text, fx_file.path, error, fx_file.sidecar ? &*fx_file.sidecar : nullptr);
  if (!fx) return std::nullopt;
  std::optional<LanguageTable> languages =
      LanguageTable::Parse(*languages_text, languages_file.path, error,
                           languages_file.sidecar ? &*languages_file.sidecar : nullptr);
  if (!languages) return std::nullopt;
  const ReferenceOverlay::File hs_file =
      overlay.Locate(directory + "/" + std::string(HsNomenclature::kFileName));
  const std::optional<std::string> hs_text = ReadFile(hs_file.path);
  if (!hs_text) {
    *error = hs_file.path + ": cannot read the file";
    return std::nullopt;
  }
  std::optional<HsNomenclature> hs = HsNomenclature::Parse(
      *hs_text, hs_file.path, error, hs_file.sidecar ? &*hs_file.sidecar : nullptr);
  if (!hs) return std::nullopt;
  ReferenceData data(std::move(*fx), std::move(*languages), std::move(hs), directory, overlay);
  for (const std::string& path : language_extensions) {
    const std::optional<std::string> text = ReadFile(path);
    if (!text) {
      *error = path + ": cannot read the file";
      return std::nullopt;
    }
    std::optional<LanguageTable> extra = LanguageTable::Parse(*text, path, error);
    if (!extra) return std::nullopt;
    data.languages_.Add(*extra);
    data.extensions_.push_back(extra->provenance());
    data.extensions_.back().name = path;
  }
  return data;
}

const ReferenceData::DerivedTable& ReferenceData::Derived(const std::string& key,
                                                          const DeriveFunction& build) const {
  const std::lock_guard<std::mutex> lock(derived_->mutex);
  const auto found = derived_->tables.find(key);
  if (found != derived_->tables.end()) return found->second;
  DerivedTable derived;
  derived.table = build(directory_, overlay_, &derived.provenance, &derived.error);
  return derived_->tables.emplace(key, std::move(derived)).first->second;
}

std::vector<Provenance> ReferenceData::provenance() const {
  std::vector<Provenance> tables = {fx_.provenance(), languages_.provenance()};
  tables.insert(tables.end(), extensions_.begin(), extensions_.end());
  if (hs_) tables.push_back(hs_->provenance());
  const std::lock_guard<std::mutex> lock(derived_->mutex);
  for (const auto& [key, derived] : derived_->tables) {
    tables.insert(tables.end(), derived.provenance.begin(), derived.provenance.end());
  }
  return tables;
}

}  // namespace tradelint
