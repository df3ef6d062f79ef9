#include "engine/parse/internal/syntax.h"

#include <string>
#include <vector>

#include "engine/diag/codes.h"
#include "engine/parse/internal/rules_scanner.h"
#include "engine/parse/internal/test_blocks.h"

namespace tradelint::parse_internal {
namespace {

using tradelint_grammar::RulesLexer;
using tradelint_grammar::RulesParser;

// How a token type is named in "expected ..." lists.
std::string DescribeTokenType(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF:
      return "end of file";
    case RulesLexer::STRING:
      return "a string";
    case RulesLexer::TRIPLE_STRING:
      return "a `\"\"\"` block";
    case RulesLexer::DATE:
      return "a date (YYYY-MM-DD)";
    case RulesLexer::NUMBER:
      return "a number";
    case RulesLexer::UPPER_ID:
      return "an upper-case code";
    case RulesLexer::SUBDIVISION:
      return "a subdivision code";
    case RulesLexer::IDENT:
      return "a name";
    default:
      break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'')
    literal = literal.substr(1, literal.size() - 2);
  return "`" + literal + "`";
}

std::string DescribeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::dfa::Vocabulary& vocabulary) {
  if (expected.contains(static_cast<size_t>(RulesLexer::NUMBER)) &&
      expected.contains(static_cast<size_t>(RulesLexer::LPAREN))) {
    return "an expression";
  }
  if (expected.contains(static_cast<size_t>(RulesLexer::IDENT)) && expected.size() > 8)
    return "a name";
  const std::vector<ssize_t> types = expected.toList();
  if (types.empty() || types.size() > 8) return "";
  std::string text;
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (i > 0) text += i + 1 == types.size() ? " or " : ", ";
    text += DescribeTokenType(vocabulary, static_cast<std::size_t>(types[i]));
  }
  return text;
}

class DiagnosticErrorListener : public antlr4::BaseErrorListener {
 public:
  // `end_name` names the end of the fragment in messages: the end of the file, or the `}`
  // that closes an interpolation.
  DiagnosticErrorListener(const Fragment& fragment, Diagnostics& diagnostics, int max_errors,
                          std::string end_name)
      : fragment_(fragment),
        diagnostics_(diagnostics),
        max_errors_(max_errors),
        end_name_(std::move(end_name)) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t /*line*/,
                   size_t /*column*/, const std::string& /*antlr_message*/,
                   std::exception_ptr /*e*/) override {
    ++count_;
    if (count_ > max_errors_) return;
    if (count_ == max_errors_) {
      diagnostics_.Error(code::kTooManyErrors, fragment_.SpanOf(offending),
                         "too many syntax errors; stopped reporting here");
      return;
    }
    // A list of strings is one token (see Rules.g4); an error there is an error at its `[`.
    const bool string_list =
        offending != nullptr && offending->getType() == RulesLexer::STRING_LIST;
    const Span span = string_list ? fragment_.SpanOfCodePoints(offending->getStartIndex(),
                                                               offending->getStartIndex())
                                  : fragment_.SpanOf(offending);
    if (offending != nullptr && offending->getType() == RulesLexer::UNTERMINATED_STRING) {
      diagnostics_.Error(code::kUnterminatedString, span, "unterminated string",
                         "close the string with `\"` on the same line");
      return;
    }
    if (offending != nullptr && offending->getType() == RulesLexer::ERROR_CHAR) {
      diagnostics_.Error(code::kInvalidCharacter, span,
                         "unexpected character `" + offending->getText() + "`");
      return;
    }
    std::string found = offending == nullptr || offending->getType() == antlr4::Token::EOF
                            ? end_name_
                            : "`" + (string_list ? "[" : offending->getText()) + "`";
    std::string message = "unexpected " + found;
    if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) {
      std::string expected;
      try {
        expected = DescribeExpected(parser->getExpectedTokens(), parser->getVocabulary());
      } catch (const std::exception&) {
        // The expected set is a courtesy; the error itself is already known.
      }
      if (!expected.empty()) message += "; expected " + expected;
    }
    // Inside message or fix text, the `{` may have been meant as a brace.
    diagnostics_.Error(code::kSyntaxError, span, message,
                       end_name_ == "`}`" ? "`{...}` in text holds an expression; write a literal "
                                            "brace as `{{`"
                                          : "");
  }

  int count() const { return count_; }

 private:
  const Fragment& fragment_;
  Diagnostics& diagnostics_;
  int max_errors_;
  std::string end_name_;
  int count_ = 0;
};

// Rejects bracket nesting deeper than the limit before the recursive parser sees it.
bool CheckNesting(antlr4::CommonTokenStream& tokens, const Fragment& fragment,
                  Diagnostics& diagnostics, int max_nesting) {
  int depth = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    switch (token->getType()) {
      case RulesLexer::LPAREN:
      case RulesLexer::LBRACK:
      case RulesLexer::LBRACE:
      case RulesLexer::STRING_LIST:  // `[` ... `]` in one token
        if (++depth > max_nesting) {
          diagnostics.Error(
              code::kNestingTooDeep,
              fragment.SpanOfCodePoints(token->getStartIndex(), token->getStartIndex()),
              "brackets nested more than " + std::to_string(max_nesting) + " deep");
          return false;
        }
        if (token->getType() == RulesLexer::STRING_LIST) --depth;
        break;
      case RulesLexer::RPAREN:
      case RulesLexer::RBRACK:
      case RulesLexer::RBRACE:
        --depth;
        break;
      default:
        break;
    }
  }
  return true;
}

// Moves every top-level `test STRING { ... }` block (FindTestBlocks) to the hidden channel, so
// the parser never sees it (TestBlocks::kSkip).
void HideTestBlocks(antlr4::CommonTokenStream& tokens) {
  const std::vector<antlr4::Token*>& all = tokens.getTokens();
  std::vector<std::size_t> types;
  types.reserve(all.size());
  for (const antlr4::Token* token : all) types.push_back(token->getType());
  for (const TokenRange block : FindTestBlocks(types)) {
    for (std::size_t k = block.first; k <= block.last; ++k) {
      if (auto* token = dynamic_cast<antlr4::WritableToken*>(all[k])) {
        token->setChannel(antlr4::Token::HIDDEN_CHANNEL);
      }
    }
  }
}

// Thrown by DepthLimitedParser to abandon a parse; `token` is where the limit was passed.
struct ExpressionTooDeep {
  const antlr4::Token* token;
};

// The generated parser, refusing to nest `expr` more than `max_depth` deep. ANTLR's recursive
// descent calls `expr` once more for each prefix operator (`not`, `-`, `if`, `any`, `all`) and
// each operand; without a limit a long run of them (`not not not ...`) exhausts the stack
// before the AST builder's own depth check runs. Every `expr` level becomes at least one AST
// level, so this rejects nothing the AST builder would accept.
class DepthLimitedParser : public RulesParser {
 public:
  DepthLimitedParser(antlr4::TokenStream* input, int max_depth)
      : RulesParser(input), max_depth_(max_depth) {}

  // `expr` is the grammar's only recursion rule: it enters here and leaves through
  // unrollRecursionContexts. Throws before entering, so the level being refused is never
  // unrolled.
  void enterRecursionRule(antlr4::ParserRuleContext* context, size_t state, size_t rule_index,
                          int precedence) override {
    if (depth_ >= max_depth_) throw ExpressionTooDeep{getCurrentToken()};
    RulesParser::enterRecursionRule(context, state, rule_index, precedence);
    ++depth_;
  }

  void unrollRecursionContexts(antlr4::ParserRuleContext* parent) override {
    --depth_;
    RulesParser::unrollRecursionContexts(parent);
  }

 private:
  const int max_depth_;
  int depth_ = 0;
};

}  // namespace

std::unique_ptr<ParsedTree> ParseFragment(const Fragment& fragment, bool expression_only,
                                          Diagnostics& diagnostics, const ParseLimits& limits,
                                          TestBlocks tests) {
  auto tree = std::make_unique<ParsedTree>();
  DiagnosticErrorListener listener(fragment, diagnostics, limits.max_errors,
                                   expression_only ? "`}`" : "end of file");
  try {
    tree->input = std::make_unique<Utf8CharStream>(fragment);
    tree->scanner = std::make_unique<RulesScanner>(fragment, *tree->input);
    tree->tokens = std::make_unique<antlr4::CommonTokenStream>(tree->scanner.get());
    tree->tokens->fill();
    if (!CheckNesting(*tree->tokens, fragment, diagnostics, limits.max_nesting)) return nullptr;
    if (tests == TestBlocks::kSkip && !expression_only) HideTestBlocks(*tree->tokens);
    tree->parser =
        std::make_unique<DepthLimitedParser>(tree->tokens.get(), limits.max_expression_depth);
    tree->parser->removeErrorListeners();
    const auto parse = [&] {
      return expression_only
                 ? static_cast<antlr4::ParserRuleContext*>(tree->parser->expressionOnly())
                 : static_cast<antlr4::ParserRuleContext*>(tree->parser->file());
    };
    // Two-stage parsing, as ANTLR recommends: the fast SLL prediction first, bailing out at the
    // first problem; only a file SLL cannot parse (a syntax error, or a rare ambiguity) is parsed
    // again with full LL prediction and the error listener, which then words the errors.
    auto* simulator = tree->parser->getInterpreter<antlr4::atn::ParserATNSimulator>();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    tree->parser->setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      tree->root = parse();
    } catch (const antlr4::ParseCancellationException&) {
      tree->tokens->seek(0);
      tree->parser->reset();
      simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
      tree->parser->setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
      tree->parser->addErrorListener(&listener);
      tree->root = parse();
    }
    tree->parser->removeErrorListeners();
  } catch (const ExpressionTooDeep& too_deep) {
    diagnostics.Error(code::kNestingTooDeep, fragment.SpanOf(too_deep.token),
                      "expression nested more than " + std::to_string(limits.max_expression_depth) +
                          " operators deep",
                      "split it into named definitions with `def`");
    return nullptr;
  } catch (const std::exception& e) {
    diagnostics.Error(code::kSyntaxError, fragment.SpanOfCodePoints(0, 0),
                      std::string("the parser stopped: ") + e.what());
    return nullptr;
  }
  if (listener.count() > 0) return nullptr;
  return tree;
}

}  // namespace tradelint::parse_internal
