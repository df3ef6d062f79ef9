#include "engine/parse/parser.h"

#include "engine/parse/internal/ast_builder.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/syntax.h"

namespace tradelint {

std::unique_ptr<ast::RulesetFile> ParseRuleset(std::shared_ptr<const SourceFile> source,
                                               Diagnostics& diagnostics, const ParseLimits& limits,
                                               TestBlocks tests) {
  if (!parse_internal::ValidateUtf8(source, diagnostics)) return nullptr;
  const parse_internal::Fragment fragment(source, 0, source->text().size());
  std::unique_ptr<parse_internal::ParsedTree> tree =
      parse_internal::ParseFragment(fragment, false, diagnostics, limits, tests);
  if (tree == nullptr) return nullptr;
  const int errors_before = diagnostics.error_count();
  auto file = parse_internal::BuildRulesetFile(
      static_cast<tradelint_grammar::RulesParser::FileContext&>(*tree->root), fragment, diagnostics,
      limits);
  if (diagnostics.error_count() > errors_before) return nullptr;
  return file;
}

}  // namespace tradelint
