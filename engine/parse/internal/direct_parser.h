#pragma once
// The direct parser: builds the AST of a well-formed ruleset file straight from the scanner's
// tokens (rules_scanner.h), by recursive descent over grammar/Rules.g4's rules, without ANTLR.
//
// ANTLR's parser builds its own tree first and predicts each choice with an ATN simulation
// whose caches start empty in every process; with the AST builder it took most of the time of
// compiling the bundled rulesets. The ANTLR path (syntax.h, ast_builder.h) stays the reference
// and the only source of diagnostics: the direct parser declines, returning null, on anything
// about which the reference would report something (a syntax error, a bad escape or date, a
// number out of range, a repeated item, nesting near the limits), and the caller then runs the
// reference path. So diagnostics are the reference's by construction, and where the direct
// parser gives an AST it must be the reference's AST: a test compares the two on every ruleset
// of the repository and on generated text (tests/unit/parse/direct_parser_test.cc), and the
// `parser_fuzz` target on any input. A change to the grammar's parser rules must be made here
// too.

#include <memory>

#include "engine/ast/ast.h"
#include "engine/parse/parser.h"
#include "engine/source/source.h"

namespace tradelint::parse_internal {

// The AST of the whole of `source` (valid UTF-8), or null when the reference path must parse
// it. `tests` as for ParseRuleset.
std::unique_ptr<ast::RulesetFile> ParseDirectly(const std::shared_ptr<const SourceFile>& source,
                                                const ParseLimits& limits, TestBlocks tests);

}  // namespace tradelint::parse_internal
