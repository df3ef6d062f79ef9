#pragma once
// Parsing: ruleset source text -> owned AST + diagnostics.
//
// This stage is the only code that sees ANTLR. It reports every syntax error of a file
// (ANTLR's error recovery keeps going), each as a Diagnostic with a stable code:
// `syntax_error`, `unterminated_string`, `invalid_character`, `invalid_escape`,
// `invalid_date`, `invalid_number`, `invalid_utf8`, `nesting_too_deep`, `duplicate_item`.
// No exception escapes; a file that has syntax errors yields no AST.

#include <memory>

#include "engine/ast/ast.h"
#include "engine/diag/diagnostic.h"
#include "engine/source/source.h"

namespace tradelint {

struct ParseLimits {
  int max_nesting = 200;           // brackets and braces open at once
  int max_expression_depth = 400;  // operator nesting in one expression
  int max_errors = 50;             // syntax errors reported per file before giving up
};

// Whether a file's top-level `test "name" { ... }` blocks are parsed. Judging records needs
// none of them: kSkip passes over them unparsed (they are lexed, to find their closing brace,
// but syntax errors inside them go unreported), so the file has no `tests`.
enum class TestBlocks { kParse, kSkip };

// Parses a whole ruleset file. Returns null when the file has a syntax error (the errors are
// in `diagnostics`).
std::unique_ptr<ast::RulesetFile> ParseRuleset(std::shared_ptr<const SourceFile> source,
                                               Diagnostics& diagnostics,
                                               const ParseLimits& limits = {},
                                               TestBlocks tests = TestBlocks::kParse);

}  // namespace tradelint
