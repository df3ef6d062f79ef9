#pragma once
// What the language server knows besides the open documents, loaded once at start-up from the
// data directory as Engine::Compile loads it: the data model, the market table and its languages,
// the built-in function library, and the bundled rulesets. Immutable after Load.

#include <memory>
#include <string>
#include <vector>

#include "engine/ast/ast.h"

#include "engine/markets/market_table.h"
#include "engine/plugin/plugin.h"
#include "engine/refdata/language_table.h"
#include "engine/refdata/reference_overlay.h"
#include "engine/schema/schema.h"

namespace tradelint::lsp {

struct LanguageData {
  std::string data_directory;  // holds `rulesets/` and `schema/`
  std::string library;         // the bundled rulesets: `<data_directory>/rulesets`
  Schema schema;
  MarketTable markets;
  LanguageTable languages;      // the markets' languages, which `message xx` tags must name
  FunctionRegistry functions;   // the built-in plugins (plugins/builtin_plugins.h)
  ReferenceOverlay no_overlay;  // tables are read as they are on disk
  // The bundled rulesets, parsed (not checked): their ids and rules for completion.
  std::vector<std::unique_ptr<ast::RulesetFile>> bundled;

  // Loads from FindDataDirectory(). On failure returns null and sets `error`.
  static std::unique_ptr<const LanguageData> Load(std::string* error);
};

}  // namespace tradelint::lsp
