#include "tools/tradelint/lsp/analysis.h"

#include <filesystem>

#include "engine/check/checker.h"
#include "engine/ruleset/ruleset_loader.h"

namespace tradelint::lsp {
namespace fs = std::filesystem;

std::unique_ptr<const Analysis> Analyze(const LanguageData& data, const std::string& path,
                                        const std::string& text, bool in_folder) {
  auto analysis = std::make_unique<Analysis>();
  std::error_code ignored;
  const std::string canonical = fs::weakly_canonical(path, ignored).string();
  analysis->path = canonical;
  std::vector<std::string> paths;
  if (in_folder) paths.push_back(fs::path(canonical).parent_path().string());
  paths.push_back(canonical);
  Diagnostics diagnostics;
  analysis->files =
      LoadRulesetFiles(paths, data.library, diagnostics, nullptr, {}, {{canonical, text}});
  std::vector<const ast::RulesetFile*> views;
  for (const auto& file : analysis->files) {
    views.push_back(file.get());
    if (file->source->path() == canonical) analysis->document = file.get();
  }
  const CheckEnvironment environment{&data.schema, &data.functions, &data.markets, &data.no_overlay,
                                     {},           &data.languages};
  CheckRulesets(views, environment, diagnostics);
  for (const Diagnostic& diagnostic : diagnostics.all()) {
    if (!diagnostic.span.valid() || diagnostic.span.file->path() == canonical) {
      analysis->diagnostics.push_back(diagnostic);
    }
  }
  return analysis;
}

}  // namespace tradelint::lsp
