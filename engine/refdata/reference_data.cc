#include "engine/refdata/reference_data.h"

#include "engine/base/file.h"

namespace tradelint {

std::optional<ReferenceData> ReferenceData::Load(const std::string& directory, std::string* error) {
  const std::string fx_path = directory + "/" + std::string(FxTable::kFileName);
  const std::string languages_path = directory + "/" + std::string(LanguageTable::kFileName);
  const std::optional<std::string> fx_text = ReadFile(fx_path);
  if (!fx_text) {
    *error = fx_path + ": cannot read the file";
    return std::nullopt;
  }
  const std::optional<std::string> languages_text = ReadFile(languages_path);
  if (!languages_text) {
    *error = languages_path + ": cannot read the file";
    return std::nullopt;
  }
  std::optional<FxTable> fx = FxTable::Parse(*fx_text, fx_path, error);
  if (!fx) return std::nullopt;
  std::optional<LanguageTable> languages =
      LanguageTable::Parse(*languages_text, languages_path, error);
  if (!languages) return std::nullopt;
  return ReferenceData(std::move(*fx), std::move(*languages));
}

}  // namespace tradelint
