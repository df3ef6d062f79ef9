// textDocument/definition: where a `def`, `const`, `set` or `table`, an imported ruleset, a
// rule named elsewhere, or a table's file is defined.

#include <filesystem>

#include "tools/tradelint/lsp/features.h"
#include "tools/tradelint/lsp/name_lookup.h"
#include "tools/tradelint/lsp/syntax_target.h"
#include "tools/tradelint/lsp/uri.h"

namespace tradelint::lsp {

nlohmann::json Definition(const Document& document, Position position) {
  const std::optional<Cursor> cursor = CursorAt(document, position);
  if (!cursor) return nullptr;
  const Analysis& analysis = *cursor->analysis;
  const SyntaxTarget target = TargetAt(*cursor->file, cursor->offset);
  switch (target.kind) {
    case SyntaxTarget::Kind::kName:
    case SyntaxTarget::Kind::kFunction: {
      const FoundDefinition found = FindDefinition(analysis, *cursor->file, target.text);
      if (found.definition == nullptr) return nullptr;
      return LocationJson(document, found.definition->name_span);
    }
    case SyntaxTarget::Kind::kRuleReference: {
      const FoundRule found = FindRule(analysis, *cursor->file, target.text);
      if (found.rule == nullptr) return nullptr;
      return LocationJson(document, found.rule->id.span);
    }
    case SyntaxTarget::Kind::kRuleset: {
      const ast::RulesetFile* file = FindRuleset(analysis, target.text);
      if (file == nullptr) return nullptr;
      return LocationJson(document, file->id.span);
    }
    case SyntaxTarget::Kind::kTableFile: {
      // Named relative to the ruleset file.
      const std::filesystem::path file =
          std::filesystem::path(cursor->file->source->path()).parent_path() / target.text;
      std::error_code error;
      if (!std::filesystem::is_regular_file(file, error)) return nullptr;
      const nlohmann::json start = ToJson(Position{});
      return {{"uri", UriFromPath(std::filesystem::weakly_canonical(file, error).string())},
              {"range", {{"start", start}, {"end", start}}}};
    }
    case SyntaxTarget::Kind::kNone:
    case SyntaxTarget::Kind::kFieldPath:
    case SyntaxTarget::Kind::kDefinition:
    case SyntaxTarget::Kind::kRule:
      return nullptr;
  }
  return nullptr;
}

}  // namespace tradelint::lsp
