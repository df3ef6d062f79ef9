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
  ReferenceData data(std::move(*fx), std::move(*languages));
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

}  // namespace tradelint
