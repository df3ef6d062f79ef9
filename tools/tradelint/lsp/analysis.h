#pragma once
// One look at a document's text: parsed and checked in the context of its folder, as
// `tradelint lint <folder>` would see it were the text saved. Other rulesets of the folder are
// read from disk and imports resolve as on the command line (the folder, then the bundled
// rulesets).

#include <memory>
#include <string>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/diag/diagnostic.h"
#include "tools/tradelint/lsp/language_data.h"

namespace tradelint::lsp {

struct Analysis {
  // The document's path as loaded (std::filesystem::weakly_canonical): the path of its
  // SourceFile.
  std::string path;
  // Every ruleset loaded: the document's folder and what it imports.
  std::vector<std::unique_ptr<ast::RulesetFile>> files;
  // The document's own ruleset among `files`; null when its text has a syntax error.
  const ast::RulesetFile* document = nullptr;
  // The parser's and checker's diagnostics located in the document, and those located
  // nowhere (a folder that cannot be read), in the order reported.
  std::vector<Diagnostic> diagnostics;
};

// Analyzes `text` as the contents of the file at `path` (which need not exist on disk; an
// editor's buffer without a file has a path of its own that names none, and is checked alone).
// `in_folder`: whether the other rulesets of the file's folder are loaded with it.
std::unique_ptr<const Analysis> Analyze(const LanguageData& data, const std::string& path,
                                        const std::string& text, bool in_folder);

}  // namespace tradelint::lsp
