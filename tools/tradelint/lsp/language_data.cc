#include "tools/tradelint/lsp/language_data.h"

#include <filesystem>
#include <limits>
#include <optional>

#include "engine/base/file.h"
#include "engine/ruleset/ruleset_loader.h"
#include "plugins/builtin_plugins.h"

namespace tradelint::lsp {

std::unique_ptr<const LanguageData> LanguageData::Load(std::string* error) {
  const std::string data = FindDataDirectory();
  if (data.empty()) {
    *error = "cannot find tradelint's data (rulesets/ and schema/); set TRADELINT_DATA_DIR";
    return nullptr;
  }
  const std::filesystem::path root(data);
  std::optional<Schema> schema = Schema::Load((root / "schema").string(), error);
  if (!schema) return nullptr;
  std::optional<MarketTable> markets =
      MarketTable::Load((root / "rulesets" / "reference" / "markets.json").string(), error);
  if (!markets) return nullptr;
  const std::string languages_path =
      (root / "rulesets" / "reference" / std::string(LanguageTable::kFileName)).string();
  const std::optional<std::string> languages_text =
      ReadFile(languages_path, std::numeric_limits<std::size_t>::max(), error);
  if (!languages_text) {
    *error = languages_path + " " + *error;
    return nullptr;
  }
  std::optional<LanguageTable> languages =
      LanguageTable::Parse(*languages_text, languages_path, error);
  if (!languages) return nullptr;
  auto loaded = std::unique_ptr<LanguageData>(new LanguageData{data,
                                                               (root / "rulesets").string(),
                                                               std::move(*schema),
                                                               std::move(*markets),
                                                               std::move(*languages),
                                                               {},
                                                               {},
                                                               {}});
  RegisterBuiltinPlugins(loaded->functions);
  Diagnostics ignored;  // a bundled ruleset that does not parse is left out
  loaded->bundled = LoadRulesetFiles({loaded->library}, loaded->library, ignored);
  return loaded;
}

}  // namespace tradelint::lsp
