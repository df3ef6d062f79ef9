#include "engine/parse/parser.h"

#include "engine/parse/internal/ast_builder.h"
#include "engine/parse/internal/direct_parser.h"
#include "engine/parse/internal/fragment.h"

namespace tradelint {

std::unique_ptr<ast::RulesetFile> ParseRuleset(std::shared_ptr<const SourceFile> source,
                                               Diagnostics& diagnostics, const ParseLimits& limits,
                                               TestBlocks tests) {
  if (!parse_internal::ValidateUtf8(source, diagnostics)) return nullptr;
  // The direct parser gives the reference's AST or declines; only then does ANTLR parse, and
  // report what made the direct parser decline (internal/direct_parser.h).
  if (auto file = parse_internal::ParseDirectly(source, limits, tests)) return file;
  return parse_internal::ParseWithAntlr(source, diagnostics, limits, tests);
}

}  // namespace tradelint
