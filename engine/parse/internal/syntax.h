#pragma once
// Runs the scanner (rules_scanner.h) and ANTLR's parser over one Fragment and reports every syntax
// error as a Diagnostic at its place in the file, in words an author understands.

#include <memory>

#include "RulesLexer.h"
#include "RulesParser.h"
#include "antlr4-runtime.h"
#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/rules_scanner.h"
#include "engine/parse/internal/utf8_char_stream.h"

namespace tradelint::parse_internal {

// Owns everything ANTLR allocated for one parse; `root` lives as long as this does.
struct ParsedTree {
  std::unique_ptr<Utf8CharStream> input;  // reads `fragment`, which must outlive this
  std::unique_ptr<RulesScanner> scanner;
  std::unique_ptr<antlr4::CommonTokenStream> tokens;
  std::unique_ptr<tradelint_grammar::RulesParser> parser;
  antlr4::ParserRuleContext* root = nullptr;  // owned by `parser`
};

// Parses `fragment` as a whole ruleset file, or as one expression when `expression_only`.
// Returns null when there was any syntax error (all of them reported, up to
// limits.max_errors). `fragment` must outlive the tree. `tests` applies to a whole file.
std::unique_ptr<ParsedTree> ParseFragment(const Fragment& fragment, bool expression_only,
                                          Diagnostics& diagnostics, const ParseLimits& limits,
                                          TestBlocks tests = TestBlocks::kParse);

}  // namespace tradelint::parse_internal
