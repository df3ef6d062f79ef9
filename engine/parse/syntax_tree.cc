#include "engine/parse/syntax_tree.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "engine/parse/internal/fragment.h"
#include "engine/parse/internal/syntax.h"

namespace tradelint::syntax {
namespace {

using G = tradelint_grammar::RulesParser;
using tradelint_grammar::RulesLexer;

// A token or a comment: bytes [begin, end) of the file.
struct Lexeme {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool comment = false;
};

// The brackets, strings, commas and comments of a STRING_LIST token at bytes [begin, end).
void SplitStringList(std::string_view text, std::size_t begin, std::size_t end,
                     std::vector<Lexeme>& lexemes) {
  for (std::size_t i = begin; i < end;) {
    const char c = text[i];
    if (c == '[' || c == ']' || c == ',') {
      lexemes.push_back({i, i + 1, false});
      ++i;
    } else if (c == '#') {
      const std::size_t line_end = std::min(text.find('\n', i), end);
      lexemes.push_back({i, line_end, true});
      i = line_end;
    } else if (c == '"') {
      std::size_t close = i + 1;
      while (text[close] != '"') close += text[close] == '\\' ? 2 : 1;
      lexemes.push_back({i, close + 1, false});
      i = close + 1;
    } else {
      ++i;  // space or line end
    }
  }
}

// The grammar rules that become nodes; the others (names, codes, `primary` around a literal)
// add their tokens to the enclosing node.
std::optional<NodeKind> KindOf(antlr4::ParserRuleContext& context) {
  if (dynamic_cast<G::RulesetHeaderContext*>(&context) != nullptr ||
      dynamic_cast<G::RuleDeclContext*>(&context) != nullptr ||
      dynamic_cast<G::TestDeclContext*>(&context) != nullptr) {
    return NodeKind::kBlock;
  }
  if (dynamic_cast<G::TopItemContext*>(&context) != nullptr) return NodeKind::kDefinition;
  if (dynamic_cast<G::HeaderItemContext*>(&context) != nullptr ||
      dynamic_cast<G::RuleItemContext*>(&context) != nullptr ||
      dynamic_cast<G::TestItemContext*>(&context) != nullptr) {
    return NodeKind::kItem;
  }
  if (dynamic_cast<G::ExprContext*>(&context) != nullptr) {
    if (dynamic_cast<G::PrimaryExprContext*>(&context) != nullptr) return std::nullopt;
    if (dynamic_cast<G::OrExprContext*>(&context) != nullptr) return NodeKind::kOr;
    if (dynamic_cast<G::AndExprContext*>(&context) != nullptr) return NodeKind::kAnd;
    if (dynamic_cast<G::NotExprContext*>(&context) != nullptr) return NodeKind::kNot;
    if (dynamic_cast<G::NegateExprContext*>(&context) != nullptr) return NodeKind::kNegate;
    if (dynamic_cast<G::QuantifierExprContext*>(&context) != nullptr) return NodeKind::kQuantifier;
    if (dynamic_cast<G::IndexExprContext*>(&context) != nullptr) return NodeKind::kIndex;
    return NodeKind::kExpression;
  }
  if (dynamic_cast<G::PrimaryContext*>(&context) != nullptr) {
    if (dynamic_cast<G::CallExprContext*>(&context) != nullptr) return NodeKind::kCall;
    if (dynamic_cast<G::ParenExprContext*>(&context) != nullptr) return NodeKind::kParen;
    if (dynamic_cast<G::ListExprContext*>(&context) != nullptr ||
        dynamic_cast<G::StringListLiteralContext*>(&context) != nullptr) {
      return NodeKind::kList;
    }
    return NodeKind::kExpression;
  }
  return std::nullopt;
}

// How many leading tokens of an item are its keyword.
std::size_t KeywordSize(antlr4::ParserRuleContext& item) {
  if (dynamic_cast<G::RuleAppliesToContext*>(&item) != nullptr ||
      dynamic_cast<G::TestAsOfContext*>(&item) != nullptr) {
    return 2;
  }
  if (auto* message = dynamic_cast<G::RuleMessageContext*>(&item))
    return message->name() != nullptr ? 2 : 1;
  if (auto* fix = dynamic_cast<G::RuleFixContext*>(&item)) return fix->name() != nullptr ? 2 : 1;
  if (auto* title = dynamic_cast<G::RuleTitleContext*>(&item))
    return title->name() != nullptr ? 2 : 1;
  return 1;
}

class TreeBuilder {
 public:
  TreeBuilder(const parse_internal::Fragment& fragment, Tree& tree)
      : fragment_(fragment), tree_(tree) {}

  void Build(const parse_internal::ParsedTree& parsed) {
    Tokens(*parsed.tokens);
    tree_.root.kind = NodeKind::kFile;
    for (antlr4::tree::ParseTree* child : parsed.root->children) Add(*child, tree_.root);
    tree_.root.first_token = 0;
    tree_.root.last_token = tree_.tokens.size() - 1;
  }

 private:
  // Fills tree_.tokens from ANTLR's tokens (every channel), comments attached.
  void Tokens(antlr4::CommonTokenStream& stream) {
    const std::string_view text = fragment_.source()->text();
    std::vector<Lexeme> lexemes;
    for (antlr4::Token* token : stream.getTokens()) {
      const std::size_t begin = fragment_.ByteOffsetOf(token->getStartIndex());
      const std::size_t end = token->getType() == antlr4::Token::EOF
                                  ? begin
                                  : fragment_.ByteOffsetOf(token->getStopIndex() + 1);
      const std::size_t first_lexeme = lexemes.size();
      if (token->getType() == RulesLexer::STRING_LIST) {
        SplitStringList(text, begin, end, lexemes);
      } else {
        lexemes.push_back({begin, end, token->getType() == RulesLexer::COMMENT});
      }
      token_ranges_.push_back({first_lexeme, lexemes.size()});
    }
    // Lexeme index -> token index, then comments onto tokens.
    std::vector<std::size_t> token_of_lexeme(lexemes.size(), 0);
    std::vector<Comment> pending;
    std::size_t previous_end = 0;
    bool previous_is_token = false;
    for (std::size_t i = 0; i < lexemes.size(); ++i) {
      const Lexeme& lexeme = lexemes[i];
      const std::string_view gap = text.substr(previous_end, lexeme.begin - previous_end);
      const std::size_t line_ends =
          static_cast<std::size_t>(std::count(gap.begin(), gap.end(), '\n'));
      const bool blank_line = i > 0 && line_ends >= 2;
      const std::string_view lexeme_text = text.substr(lexeme.begin, lexeme.end - lexeme.begin);
      if (lexeme.comment) {
        if (previous_is_token && line_ends == 0) {
          tree_.tokens.back().comment_after = Comment{lexeme_text, false};
        } else {
          pending.push_back({lexeme_text, blank_line});
        }
        previous_is_token = false;
      } else {
        token_of_lexeme[i] = tree_.tokens.size();
        Token token;
        token.text = lexeme_text;
        token.comments_before = std::move(pending);
        pending.clear();
        token.blank_line_before = blank_line;
        tree_.tokens.push_back(std::move(token));
        previous_is_token = true;
      }
      previous_end = lexeme.end;
    }
    // ANTLR token index -> the range of tree tokens it became.
    for (auto& [first, last] : token_ranges_) {
      std::size_t count = 0;
      std::size_t first_token = tree_.tokens.size();
      for (std::size_t i = first; i < last; ++i) {
        if (lexemes[i].comment) continue;
        if (count++ == 0) first_token = token_of_lexeme[i];
      }
      first = first_token;
      last = first_token + count;
    }
  }

  void Add(antlr4::tree::ParseTree& tree, Node& parent) {
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(&tree)) {
      const auto [first, end] = token_ranges_.at(terminal->getSymbol()->getTokenIndex());
      for (std::size_t i = first; i < end; ++i) parent.elements.push_back({i, nullptr});
      return;
    }
    auto& context = static_cast<antlr4::ParserRuleContext&>(tree);
    const std::optional<NodeKind> kind = KindOf(context);
    if (!kind) {
      for (antlr4::tree::ParseTree* child : context.children) Add(*child, parent);
      return;
    }
    auto node = std::make_unique<Node>();
    node->kind = *kind;
    if (*kind == NodeKind::kItem) node->keyword_size = KeywordSize(context);
    for (antlr4::tree::ParseTree* child : context.children) Add(*child, *node);
    const Element& front = node->elements.front();
    const Element& back = node->elements.back();
    node->first_token = front.node != nullptr ? front.node->first_token : front.token;
    node->last_token = back.node != nullptr ? back.node->last_token : back.token;
    parent.elements.push_back({0, std::move(node)});
  }

  const parse_internal::Fragment& fragment_;
  Tree& tree_;
  // Per ANTLR token index: first the range of its lexemes, then (after Tokens) the range
  // [first, end) of tree tokens it became.
  std::vector<std::pair<std::size_t, std::size_t>> token_ranges_;
};

}  // namespace

std::unique_ptr<Tree> ParseSyntaxTree(std::shared_ptr<const SourceFile> source,
                                      Diagnostics& diagnostics, const ParseLimits& limits) {
  if (!parse_internal::ValidateUtf8(source, diagnostics)) return nullptr;
  const parse_internal::Fragment fragment(source, 0, source->text().size());
  const std::unique_ptr<parse_internal::ParsedTree> parsed =
      parse_internal::ParseFragment(fragment, false, diagnostics, limits);
  if (parsed == nullptr) return nullptr;
  auto tree = std::make_unique<Tree>();
  tree->source = source;
  TreeBuilder(fragment, *tree).Build(*parsed);
  return tree;
}

}  // namespace tradelint::syntax
