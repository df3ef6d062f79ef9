#pragma once
// ParseRuleset builds the AST with a direct parser and leaves to ANTLR's parser, the reference,
// every file the direct parser declines (engine/parse/internal/direct_parser.h). This is the
// comparison of the two, for the direct parser's unit test and its fuzz target: each path's
// AST of a text, written out in full (every node, value and span).

#include <optional>
#include <string>

#include "engine/parse/parser.h"

namespace tradelint {

struct ParserCheck {
  bool declined = false;          // the direct parser left the text to the reference
  bool reference_failed = false;  // the reference reported an error
  std::string direct_ast;         // empty when declined
  std::string reference_ast;      // empty when the reference failed
};

// Both paths over `text`; nullopt when `text` is not UTF-8, which both refuse before parsing.
std::optional<ParserCheck> CheckDirectParser(const std::string& text, TestBlocks tests,
                                             const ParseLimits& limits = {});

}  // namespace tradelint
