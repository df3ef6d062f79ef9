#pragma once
// The concrete syntax of a ruleset file: every token as written and every comment, in a tree
// that follows the grammar (grammar/Rules.g4). For tools that rewrite the text as written
// (engine/format); the compiler reads the AST of parser.h instead.
//
// Comments attach to tokens: a comment on the line of a token, after it, is that token's
// `comment_after`; any other comment is one of the `comments_before` of the next token (the
// end of the file is a token with empty text, so it holds the comments after the last item).
// A list of strings, one token to the lexer (`["a", "b"]`), is split here into its brackets,
// strings and commas, so that the comments inside it attach like any other.

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/diag/diagnostic.h"
#include "engine/parse/parser.h"
#include "engine/source/source.h"

namespace tradelint::syntax {

// `#` to the end of its line.
struct Comment {
  std::string_view text;           // from `#`, without the line end
  bool blank_line_before = false;  // an empty line separates it from what comes before
};

struct Token {
  std::string_view text;  // as written; empty for the end of the file
  std::vector<Comment> comments_before;
  std::optional<Comment> comment_after;
  bool blank_line_before = false;  // an empty line separates it from the token or comment before
};

enum class NodeKind {
  kFile,        // the header block, the top items, the end-of-file token
  kBlock,       // `ruleset`, `rule` or `test`: words up to `{`, kItem nodes, `}`
  kItem,        // an item of a block: its keyword words, then its value
  kDefinition,  // `import`, `def`, `const`, `set`, `table`
  // Expressions. Each operand of an operator is a node of its own.
  kOr,          // `a or b`
  kAnd,         // `a and b`
  kNot,         // `not a`
  kNegate,      // `-a`
  kQuantifier,  // `any x in xs: body`, `all ...`
  kParen,       // `(a)`
  kList,        // `[a, b]`
  kCall,        // `f(a, b)`
  kIndex,       // `a[b]`, `a[*]`
  kExpression,  // any other: a literal, a name, a member, a comparison, arithmetic, `if`
};

struct Node;
// A child of a node: a token (an index into Tree::tokens) or a node.
struct Element {
  std::size_t token = 0;  // when `node` is null
  std::unique_ptr<Node> node;
};

struct Node {
  NodeKind kind = NodeKind::kExpression;
  std::vector<Element> elements;  // in source order
  // The node covers the tokens [first_token, last_token] of Tree::tokens.
  std::size_t first_token = 0;
  std::size_t last_token = 0;
  // kItem: how many leading tokens are its keyword (`applies to`, `message de`, `as of`: 2).
  std::size_t keyword_size = 0;
};

struct Tree {
  std::shared_ptr<const SourceFile> source;  // owns the text the tokens view
  std::vector<Token> tokens;                 // in source order, the end of the file last
  Node root;                                 // kFile
};

// Parses a whole ruleset file into its concrete syntax. Returns null when the file has a
// syntax error, reported in `diagnostics` as ParseRuleset reports it. Errors that ParseRuleset
// finds after the syntax (an invalid date or escape, an item given twice) are not looked for.
std::unique_ptr<Tree> ParseSyntaxTree(std::shared_ptr<const SourceFile> source,
                                      Diagnostics& diagnostics, const ParseLimits& limits = {});

}  // namespace tradelint::syntax
