#pragma once
// Turns an ANTLR parse tree (free of syntax errors) into the owned AST. Reports the errors
// only visible once tokens are decoded: bad escapes, impossible dates, numbers out of range,
// repeated rule items, expressions nested too deeply, and syntax errors inside `{expr}`
// interpolations.

#include <memory>

#include "RulesParser.h"
#include "engine/ast/ast.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/syntax.h"

namespace tradelint::parse_internal {

std::unique_ptr<ast::RulesetFile> BuildRulesetFile(
    tradelint_grammar::RulesParser::FileContext& tree, const Fragment& fragment,
    Diagnostics& diagnostics, const ParseLimits& limits);

// The reference path of ParseRuleset: ANTLR's parser (ParseFragment), then BuildRulesetFile.
// `source` must be valid UTF-8 (ValidateUtf8). Null when it reported an error.
std::unique_ptr<ast::RulesetFile> ParseWithAntlr(const std::shared_ptr<const SourceFile>& source,
                                                 Diagnostics& diagnostics,
                                                 const ParseLimits& limits, TestBlocks tests);

}  // namespace tradelint::parse_internal
