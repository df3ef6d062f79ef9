#include "engine/parse/internal/direct_parser.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "RulesLexer.h"
#include "engine/parse/internal/rules_scanner.h"
#include "engine/parse/internal/test_blocks.h"
#include "engine/parse/internal/text_literals.h"

namespace tradelint::parse_internal {
namespace {

using L = tradelint_grammar::RulesLexer;

// Thrown to abandon a parse the reference path must do.
struct Declined {};

[[noreturn]] void Decline() { throw Declined{}; }

// A token on the parser's channel: its type and its bytes in the file.
struct Token {
  std::size_t type;
  std::uint32_t begin;
  std::uint32_t end;
};

// The token types `name` accepts (Rules.g4): IDENT and every keyword but the operators and
// the literals.
bool IsName(std::size_t type) {
  switch (type) {
    case L::AND:
    case L::OR:
    case L::NOT:
    case L::IN:
    case L::IF:
    case L::THEN:
    case L::ELSE:
    case L::ANY:
    case L::ALL:
    case L::TRUE:
    case L::FALSE:
      return false;
    default:
      return type == L::IDENT || (type >= L::RULESET && type <= L::YEARS);
  }
}

bool IsDurationUnit(std::size_t type) {
  switch (type) {
    case L::DAY:
    case L::DAYS:
    case L::WEEK:
    case L::WEEKS:
    case L::MONTH:
    case L::MONTHS:
    case L::YEAR:
    case L::YEARS:
      return true;
    default:
      return false;
  }
}

// The precedence of each of `expr`'s operators, as ANTLR numbers the alternatives of a
// left-recursive rule: the alternative listed first binds tightest. A binary operator's
// right operand is parsed at one above its own (all associate to the left); a prefix
// operator's operand at its own.
enum Precedence : int {
  kQuantifier = 1,
  kIf = 2,
  kOr = 3,
  kAnd = 4,
  kNot = 5,
  kIn = 6,
  kCompare = 7,
  kAdd = 8,
  kMultiply = 9,
  kNegate = 10,
  kIndex = 11,
  kMember = 12,
};

// An `expr` as ANTLR's tree has it: the AST node, the tokens its context spans (a
// parenthesised expression's context spans the parentheses, its node does not), and the
// height of its `expr` contexts (the AST builder's depth measure).
struct Parsed {
  ast::ExprPtr node;
  std::size_t first;  // token indexes
  std::size_t last;
  int height;
};

class DirectParser {
 public:
  DirectParser(const std::shared_ptr<const SourceFile>& source, std::uint32_t begin,
               std::uint32_t end, const ParseLimits& limits, TestBlocks tests)
      : source_(source), text_(source->text()), limits_(limits) {
    Scan(begin, end, tests);
  }

  std::unique_ptr<ast::RulesetFile> File() {
    auto file = std::make_unique<ast::RulesetFile>();
    file->source = source_;
    Header(*file);
    while (!At(kEnd)) TopItem(*file);
    return file;
  }

  // An `expressionOnly`: one expression and the end.
  ast::ExprPtr ExpressionOnly() {
    Parsed parsed = Expression();
    Expect(kEnd);
    return std::move(parsed.node);
  }

 private:
  static constexpr std::size_t kEnd = static_cast<std::size_t>(-2);

  // Tokenizes [begin, end) of the file, dropping what the parser never sees: whitespace,
  // comments and (with TestBlocks::kSkip) top-level test blocks. Declines on a token only a
  // syntax error can hold, and on brackets nested beyond the limit.
  void Scan(std::uint32_t begin, std::uint32_t end, TestBlocks tests) {
    const std::string_view text = text_.substr(0, end);
    std::vector<Token> all;
    int depth = 0;
    for (std::uint32_t at = begin; at < end;) {
      const ScannedToken scanned = ScanToken(text, at);
      const auto next = at + static_cast<std::uint32_t>(scanned.length);
      switch (scanned.type) {
        case kSkippedToken:
          break;
        case L::ERROR_CHAR:
        case L::UNTERMINATED_STRING:
          Decline();
        case L::LPAREN:
        case L::LBRACK:
        case L::LBRACE:
          if (++depth >= limits_.max_nesting) Decline();
          all.push_back({scanned.type, at, next});
          break;
        case L::RPAREN:
        case L::RBRACK:
        case L::RBRACE:
          --depth;
          all.push_back({scanned.type, at, next});
          break;
        case L::STRING_LIST:  // `[` ... `]` in one token
          if (depth + 1 >= limits_.max_nesting) Decline();
          all.push_back({scanned.type, at, next});
          break;
        default:
          all.push_back({scanned.type, at, next});
          break;
      }
      at = next;
    }
    std::vector<TokenRange> hidden;
    if (tests == TestBlocks::kSkip) {
      std::vector<std::size_t> types;
      types.reserve(all.size() + 1);
      for (const Token& token : all) types.push_back(token.type);
      types.push_back(antlr4::Token::EOF);
      hidden = FindTestBlocks(types);
    }
    tokens_.reserve(all.size() + 1);
    auto block = hidden.begin();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (block != hidden.end() && i >= block->first) {
        i = block->last;
        ++block;
        continue;
      }
      if (all[i].type != L::COMMENT) tokens_.push_back(all[i]);
    }
    tokens_.push_back({kEnd, end, end});
  }

  // --- Tokens -----------------------------------------------------------------------------

  bool At(std::size_t type) const { return tokens_[next_].type == type; }
  bool AtName() const { return IsName(tokens_[next_].type); }
  std::size_t Peek(std::size_t ahead) const { return std::min(next_ + ahead, tokens_.size() - 1); }
  // Consumes the next token, which must be of `type`; returns its index.
  std::size_t Expect(std::size_t type) {
    if (!At(type)) Decline();
    return next_++;
  }
  std::size_t ExpectName() {
    if (!AtName()) Decline();
    return next_++;
  }
  bool Accept(std::size_t type) {
    if (!At(type)) return false;
    ++next_;
    return true;
  }

  std::string_view TextOf(std::size_t token) const {
    return text_.substr(tokens_[token].begin, tokens_[token].end - tokens_[token].begin);
  }
  Span SpanOf(std::size_t first, std::size_t last) const {
    return Span{source_, tokens_[first].begin, tokens_[last].end};
  }
  Span SpanOf(std::size_t token) const { return SpanOf(token, token); }
  // From `first` to the last token consumed.
  Span SpanFrom(std::size_t first) const { return SpanOf(first, next_ - 1); }
  ast::Word WordOf(std::size_t token) const { return {std::string(TextOf(token)), SpanOf(token)}; }

  // --- Literal tokens -----------------------------------------------------------------------

  std::string Decoded(std::string_view body) const {
    std::string decoded;
    EscapeError error;
    if (!UnescapeString(body, decoded, error)) Decline();
    return decoded;
  }
  ast::Word StringWord(std::size_t token) const {
    const std::string_view quoted = TextOf(token);
    return {Decoded(quoted.substr(1, quoted.size() - 2)), SpanOf(token)};
  }
  ast::Word ExpectString() { return StringWord(Expect(L::STRING)); }
  Date DateOf(std::size_t token) const {
    const std::optional<Date> date = Date::Parse(TextOf(token));
    if (!date) Decline();
    return *date;
  }
  Decimal NumberOf(std::size_t token) const {
    const std::optional<Decimal> number = Decimal::Parse(TextOf(token));
    if (!number) Decline();
    return *number;
  }
  Duration DurationOf(std::size_t number, std::size_t unit) const {
    const std::optional<std::int64_t> count = NumberOf(number).ToInt64();
    std::optional<Duration> duration;
    if (count) duration = Duration::FromUnitWord(*count, TextOf(unit));
    if (!duration) Decline();
    return *duration;
  }
  // The strings of a STRING_LIST token: the `"..."` items between spaces, commas and comments.
  ValueList StringListOf(std::size_t token) const {
    const std::string_view list = TextOf(token);
    ValueList strings;
    for (const std::size_t open : StringListItems(list)) {
      strings.emplace_back(Decoded(QuotedBody(list, open)));
    }
    return strings;
  }

  // --- Structure ----------------------------------------------------------------------------

  template <typename T>
  static void SetOnce(std::optional<T>& slot, T value) {
    if (slot.has_value()) Decline();
    slot = std::move(value);
  }

  // dottedName: name (DOT name)*, as one word of its tokens' texts.
  ast::Word DottedName() {
    const std::size_t first = ExpectName();
    std::string text(TextOf(first));
    while (At(L::DOT)) {
      text += TextOf(next_++);
      text += TextOf(ExpectName());
    }
    return {std::move(text), SpanFrom(first)};
  }

  ast::Word MarketCode() {
    if (!At(L::UPPER_ID) && !At(L::SUBDIVISION)) Decline();
    return WordOf(next_++);
  }

  ast::Effective Effective(std::size_t first) {
    ast::Effective effective;
    effective.from = DateOf(Expect(L::DATE));
    if (Accept(L::UNTIL)) effective.until = DateOf(Expect(L::DATE));
    effective.span = SpanFrom(first);
    return effective;
  }

  void Header(ast::RulesetFile& file) {
    Expect(L::RULESET);
    file.id = DottedName();
    Expect(L::LBRACE);
    while (!Accept(L::RBRACE)) {
      const std::size_t first = next_++;
      switch (tokens_[first].type) {
        case L::TITLE:
          SetOnce(file.title, ExpectString());
          break;
        case L::JURISDICTION:
          SetOnce(file.jurisdiction, MarketCode());
          break;
        case L::INSTRUMENT:
          SetOnce(file.instrument, ExpectString());
          break;
        case L::EFFECTIVE:
          if (file.effective.span.valid()) Decline();
          file.effective = Effective(first);
          break;
        case L::VERSION:
          SetOnce(file.version, ExpectString());
          break;
        case L::SCOPE:
          file.scope_facts.push_back(DottedName());
          break;
        default:
          Decline();
      }
    }
  }

  void TopItem(ast::RulesetFile& file) {
    const std::size_t first = next_;
    switch (tokens_[next_++].type) {
      case L::IMPORT:
        file.imports.push_back(DottedName());
        return;
      case L::DEF: {
        ast::Definition definition;
        definition.kind = ast::Definition::Kind::kDef;
        const std::size_t name = ExpectName();
        definition.name = TextOf(name);
        definition.name_span = SpanOf(name);
        if (Accept(L::LPAREN) && !Accept(L::RPAREN)) {
          do {
            definition.parameters.push_back(WordOf(ExpectName()));
          } while (Accept(L::COMMA));
          Expect(L::RPAREN);
        }
        Expect(L::ASSIGN);
        definition.body = Expression().node;
        definition.span = SpanFrom(first);
        file.definitions.push_back(std::move(definition));
        return;
      }
      case L::CONST:
      case L::SET: {
        ast::Definition definition;
        definition.kind = tokens_[first].type == L::CONST ? ast::Definition::Kind::kConst
                                                          : ast::Definition::Kind::kSet;
        const std::size_t name = Expect(L::UPPER_ID);
        definition.name = TextOf(name);
        definition.name_span = SpanOf(name);
        Expect(L::ASSIGN);
        definition.body = Expression().node;
        definition.span = SpanFrom(first);
        file.definitions.push_back(std::move(definition));
        return;
      }
      case L::TABLE: {
        ast::Definition definition;
        definition.kind = ast::Definition::Kind::kTable;
        const std::size_t name = Expect(L::UPPER_ID);
        definition.name = TextOf(name);
        definition.name_span = SpanOf(name);
        Expect(L::ASSIGN);
        definition.table_file = ExpectString();
        definition.span = SpanFrom(first);
        file.definitions.push_back(std::move(definition));
        return;
      }
      case L::GROUP:
        Expect(L::RULE);
        file.rules.push_back(Rule(first, true));
        return;
      case L::RULE:
        file.rules.push_back(Rule(first, false));
        return;
      case L::TEST:
        file.tests.push_back(Test(first));
        return;
      default:
        Decline();
    }
  }

  ast::Rule Rule(std::size_t first, bool group) {
    ast::Rule rule;
    rule.group = group;
    rule.id = WordOf(ExpectName());
    if (At(L::STRING)) rule.title = ExpectString().text;
    Expect(L::LBRACE);
    while (!Accept(L::RBRACE)) RuleItem(rule);
    rule.span = SpanFrom(first);
    return rule;
  }

  void RuleItem(ast::Rule& rule) {
    const std::size_t first = next_;
    switch (tokens_[next_++].type) {
      case L::REF:
        SetOnce(rule.ref, ExpectString());
        return;
      case L::TITLE: {
        std::optional<std::size_t> language;
        if (AtName()) language = next_++;
        std::string text = ExpectString().text;
        if (!language) {
          if (!rule.title.empty()) Decline();
          rule.title = std::move(text);
          return;
        }
        std::string tag(TextOf(*language));
        for (const ast::TitleTranslation& existing : rule.title_translations) {
          if (existing.language == tag) Decline();
        }
        rule.title_translations.push_back({std::move(tag), std::move(text), SpanFrom(first)});
        return;
      }
      case L::APPLIES:
        Expect(L::TO);
        SetOnce(rule.applies_to, WordOf(ExpectName()));
        return;
      case L::DOMAIN:
        SetOnce(rule.domain, WordOf(ExpectName()));
        return;
      case L::SEVERITY:
        SetOnce(rule.severity, WordOf(ExpectName()));
        return;
      case L::CITE:
        SetOnce(rule.citation, ExpectString());
        return;
      case L::RESPONSIBLE:
        SetOnce(rule.responsible, WordOf(ExpectName()));
        return;
      case L::EFFECTIVE:
        if (rule.effective.span.valid()) Decline();
        rule.effective = Effective(first);
        return;
      case L::UNTIL:
        if (rule.effective.span.valid()) Decline();
        rule.effective.until = DateOf(Expect(L::DATE));
        rule.effective.span = SpanFrom(first);
        return;
      case L::WHEN:
        rule.when.push_back(Expression().node);
        return;
      case L::UNLESS:
        rule.unless.push_back(Expression().node);
        return;
      case L::REQUIRE:
      case L::FORBID: {
        if (rule.require != nullptr || rule.forbid != nullptr) Decline();
        (tokens_[first].type == L::REQUIRE ? rule.require : rule.forbid) = Expression().node;
        return;
      }
      case L::MESSAGE:
        AddText(rule.messages, first);
        return;
      case L::FIX:
        AddText(rule.fixes, first);
        return;
      case L::OVERRIDE:
        rule.overrides.push_back(DottedName());
        return;
      case L::LINK: {
        ast::Word kind = WordOf(ExpectName());
        Expect(L::BY);
        ast::ExprPtr key = Expression().node;
        rule.links.push_back({std::move(kind), std::move(key), SpanFrom(first)});
        return;
      }
      case L::WITHIN: {
        if (rule.within) Decline();
        const std::size_t number = Expect(L::NUMBER);
        if (!IsDurationUnit(tokens_[next_].type)) Decline();
        rule.within = ast::Literal{Value(DurationOf(number, next_++))};
        rule.within_span = SpanFrom(first);
        return;
      }
      default:
        Decline();
    }
  }

  // MESSAGE name? STRING, or the same for FIX: the text split into literal pieces and
  // `{expr}` interpolations, each parsed as an `expressionOnly` of its own.
  void AddText(std::vector<ast::Text>& texts, std::size_t first) {
    ast::Text text;
    if (AtName()) text.language = TextOf(next_++);
    const std::size_t string = Expect(L::STRING);
    text.span = SpanFrom(first);
    for (const ast::Text& existing : texts) {
      if (existing.language == text.language) Decline();
    }
    const std::string_view quoted = TextOf(string);
    const std::string_view body = quoted.substr(1, quoted.size() - 2);
    const std::uint32_t body_begin = tokens_[string].begin + 1;
    std::size_t literal_start = 0;
    const auto add_literal = [&](std::size_t end) {
      if (end == literal_start) return;
      std::string decoded;
      EscapeError error;
      if (!DecodeTextLiteral(body.substr(literal_start, end - literal_start), decoded, error)) {
        Decline();
      }
      text.pieces.push_back({std::move(decoded), nullptr});
    };
    for (TextBrace brace = NextTextBrace(body, 0); brace.kind != TextBrace::Kind::kNone;
         brace = NextTextBrace(body, brace.at + 1)) {
      const std::size_t close = body.find('}', brace.at);
      if (brace.kind == TextBrace::Kind::kUnmatchedClose || close == std::string_view::npos) {
        Decline();
      }
      add_literal(brace.at);
      DirectParser inner(source_, body_begin + static_cast<std::uint32_t>(brace.at + 1),
                         body_begin + static_cast<std::uint32_t>(close), limits_,
                         TestBlocks::kParse);
      text.pieces.push_back({"", inner.ExpressionOnly()});
      literal_start = close + 1;
      brace.at = close;
    }
    add_literal(body.size());
    texts.push_back(std::move(text));
  }

  ast::Test Test(std::size_t first) {
    ast::Test test;
    test.name = ExpectString();
    Expect(L::LBRACE);
    while (!Accept(L::RBRACE)) {
      const std::size_t item = next_;
      switch (tokens_[next_++].type) {
        case L::RECORD:
          if (At(L::STRING)) {
            test.records.push_back({ExpectString(), true});
          } else {
            const std::size_t block = Expect(L::TRIPLE_STRING);
            const std::string_view raw = TextOf(block);
            test.records.push_back(
                {ast::Word{std::string(raw.substr(3, raw.size() - 6)), SpanOf(block)}, false});
          }
          break;
        case L::MARKET:
          SetOnce(test.market, MarketCode());
          break;
        case L::AS:
          Expect(L::OF);
          SetOnce(test.as_of, DateOf(Expect(L::DATE)));
          break;
        case L::EXPECT:
          test.expectations.push_back(Expectation(item));
          break;
        default:
          Decline();
      }
    }
    test.span = SpanFrom(first);
    return test;
  }

  ast::Expectation Expectation(std::size_t first) {
    switch (tokens_[next_++].type) {
      case L::VERDICT: {
        ast::Word verdict = WordOf(ExpectName());
        return {ast::Expectation::Kind::kVerdict, std::move(verdict), std::nullopt,
                SpanFrom(first)};
      }
      case L::FAIL:
      case L::WARN:
      case L::FINDING: {
        ast::Word rule = DottedName();
        std::optional<ast::Word> basis;
        if (At(L::IDENT)) basis = WordOf(next_++);
        return {ast::Expectation::Kind::kFinding, std::move(rule), std::move(basis),
                SpanFrom(first)};
      }
      case L::NO:
        Expect(L::FINDING);
        [[fallthrough]];
      case L::PASS: {
        ast::Word rule = DottedName();
        return {ast::Expectation::Kind::kNoFinding, std::move(rule), std::nullopt, SpanFrom(first)};
      }
      default:
        Decline();
    }
  }

  // --- Expressions --------------------------------------------------------------------------

  // `expr` at precedence 0, as every rule but `expr` itself calls it.
  Parsed Expression() { return Expr(0); }

  // ANTLR's `expr[precedence]`: a primary or prefix operator, then the binary and suffix
  // operators of at least `precedence`. Declines short of both depth limits: ANTLR's (nested
  // calls of `expr`) and the AST builder's (the height of the tree of `expr` contexts).
  Parsed Expr(int precedence) {
    if (++depth_ >= limits_.max_expression_depth) Decline();
    Parsed lhs = Prefix();
    while (true) {
      const std::size_t type = tokens_[next_].type;
      if (type == L::DOT && kMember >= precedence) {
        ++next_;
        const std::size_t name = ExpectName();
        lhs = Make(lhs.first, lhs.height + 1,
                   ast::Member{std::move(lhs.node), std::string(TextOf(name)), SpanOf(name)});
      } else if (type == L::LBRACK && kIndex >= precedence) {
        ++next_;
        Parsed index{};
        if (!Accept(L::STAR)) index = Expression();
        Expect(L::RBRACK);
        lhs = Make(lhs.first, std::max(lhs.height, index.height) + 1,
                   ast::Index{std::move(lhs.node), std::move(index.node)});
      } else if (const std::optional<std::pair<ast::BinaryOp, int>> op = BinaryOperator();
                 op && op->second >= precedence) {
        next_ += op->first == ast::BinaryOp::kNotIn ? 2 : 1;
        Parsed rhs = Expr(op->second + 1);
        lhs = Make(lhs.first, std::max(lhs.height, rhs.height) + 1,
                   ast::Binary{op->first, std::move(lhs.node), std::move(rhs.node)});
      } else {
        break;
      }
    }
    --depth_;
    return lhs;
  }

  // The binary operator at the next token, with its precedence.
  std::optional<std::pair<ast::BinaryOp, int>> BinaryOperator() const {
    switch (tokens_[next_].type) {
      case L::STAR:
        return std::pair{ast::BinaryOp::kMultiply, int{kMultiply}};
      case L::SLASH:
        return std::pair{ast::BinaryOp::kDivide, int{kMultiply}};
      case L::PLUS:
        return std::pair{ast::BinaryOp::kAdd, int{kAdd}};
      case L::MINUS:
        return std::pair{ast::BinaryOp::kSubtract, int{kAdd}};
      case L::EQ:
        return std::pair{ast::BinaryOp::kEqual, int{kCompare}};
      case L::NE:
        return std::pair{ast::BinaryOp::kNotEqual, int{kCompare}};
      case L::LT:
        return std::pair{ast::BinaryOp::kLess, int{kCompare}};
      case L::LE:
        return std::pair{ast::BinaryOp::kLessEqual, int{kCompare}};
      case L::GT:
        return std::pair{ast::BinaryOp::kGreater, int{kCompare}};
      case L::GE:
        return std::pair{ast::BinaryOp::kGreaterEqual, int{kCompare}};
      case L::IN:
        return std::pair{ast::BinaryOp::kIn, int{kIn}};
      case L::NOT:
        if (tokens_[Peek(1)].type != L::IN) return std::nullopt;
        return std::pair{ast::BinaryOp::kNotIn, int{kIn}};
      case L::AND:
        return std::pair{ast::BinaryOp::kAnd, int{kAnd}};
      case L::OR:
        return std::pair{ast::BinaryOp::kOr, int{kOr}};
      default:
        return std::nullopt;
    }
  }

  // The node of an `expr` context from token `first` to the last consumed.
  Parsed Make(std::size_t first, int height, decltype(ast::Expr::node) node) {
    if (height >= limits_.max_expression_depth) Decline();
    return {std::make_unique<const ast::Expr>(ast::Expr{SpanFrom(first), std::move(node)}), first,
            next_ - 1, height};
  }

  // A prefix operator or a `primary`.
  Parsed Prefix() {
    const std::size_t first = next_;
    switch (tokens_[next_].type) {
      case L::MINUS: {
        ++next_;
        Parsed operand = Expr(kNegate);
        return Make(first, operand.height + 1,
                    ast::Unary{ast::UnaryOp::kNegate, std::move(operand.node)});
      }
      case L::NOT: {
        ++next_;
        Parsed operand = Expr(kNot);
        return Make(first, operand.height + 1,
                    ast::Unary{ast::UnaryOp::kNot, std::move(operand.node)});
      }
      case L::IF: {
        ++next_;
        Parsed condition = Expression();
        Expect(L::THEN);
        Parsed then_branch = Expression();
        Expect(L::ELSE);
        Parsed else_branch = Expr(kIf);
        const int height = std::max({condition.height, then_branch.height, else_branch.height}) + 1;
        return Make(first, height,
                    ast::Conditional{std::move(condition.node), std::move(then_branch.node),
                                     std::move(else_branch.node)});
      }
      case L::ANY:
      case L::ALL: {
        const bool all = tokens_[next_++].type == L::ALL;
        const std::size_t variable = ExpectName();
        Expect(L::IN);
        Parsed domain = Expression();
        Expect(L::COLON);
        Parsed body = Expr(kQuantifier);
        return Make(first, std::max(domain.height, body.height) + 1,
                    ast::Quantifier{all, std::string(TextOf(variable)), SpanOf(variable),
                                    std::move(domain.node), std::move(body.node)});
      }
      default:
        return Primary();
    }
  }

  Parsed Literal(std::size_t first, Value value, bool raw = false) {
    return Make(first, 1, ast::Literal{std::move(value), raw});
  }

  // `primary`, as the `expr` context (primaryExpr) that holds it.
  Parsed Primary() {
    const std::size_t first = next_;
    const std::size_t type = tokens_[next_++].type;
    switch (type) {
      case L::NUMBER:
        if (IsDurationUnit(tokens_[next_].type)) {
          return Literal(first, Value(DurationOf(first, next_++)));
        }
        return Literal(first, Value(NumberOf(first)));
      case L::UPPER_ID:
        if (At(L::NUMBER)) {
          const Currency currency = Currency::FromCode(TextOf(first));
          if (currency.empty()) Decline();
          return Literal(first, Value(Money{NumberOf(next_++), currency}));
        }
        return Make(first, 1, ast::UpperName{std::string(TextOf(first))});
      case L::SUBDIVISION:
        return Make(first, 1, ast::UpperName{std::string(TextOf(first))});
      case L::STRING:
        return Literal(first, Value(StringWord(first).text));
      case L::RAW_STRING: {
        const std::string_view raw = TextOf(first);
        return Literal(first, Value(std::string(raw.substr(2, raw.size() - 3))), true);
      }
      case L::DATE:
        return Literal(first, Value(DateOf(first)));
      case L::TRUE:
      case L::FALSE:
        return Literal(first, Value(type == L::TRUE));
      case L::STRING_LIST:
        return Literal(first, Value(StringListOf(first)));
      case L::LPAREN: {
        Parsed inner = Expression();
        Expect(L::RPAREN);
        return {std::move(inner.node), first, next_ - 1, inner.height + 1};
      }
      case L::LBRACK: {
        // LBRACK (expr (COMMA expr)*)? COMMA? RBRACK
        ast::ListLiteral list;
        int height = 0;
        while (!At(L::RBRACK) && !(list.items.empty() && At(L::COMMA))) {
          Parsed item = Expression();
          height = std::max(height, item.height);
          list.items.push_back(std::move(item.node));
          if (!At(L::COMMA) || tokens_[Peek(1)].type == L::RBRACK) break;
          ++next_;
        }
        Accept(L::COMMA);
        Expect(L::RBRACK);
        return Make(first, height + 1, std::move(list));
      }
      default:
        break;
    }
    if (!IsName(type)) Decline();
    if (!Accept(L::LPAREN)) return Make(first, 1, ast::Name{std::string(TextOf(first))});
    ast::Call call{std::string(TextOf(first)), SpanOf(first), {}};
    int height = 0;
    if (!Accept(L::RPAREN)) {
      do {
        Parsed argument = Expression();
        height = std::max(height, argument.height);
        call.arguments.push_back(std::move(argument.node));
      } while (Accept(L::COMMA));
      Expect(L::RPAREN);
    }
    return Make(first, height + 1, std::move(call));
  }

  std::shared_ptr<const SourceFile> source_;
  std::string_view text_;
  const ParseLimits& limits_;
  std::vector<Token> tokens_;  // ends with a kEnd token
  std::size_t next_ = 0;
  int depth_ = 0;  // nested calls of Expr
};

}  // namespace

std::unique_ptr<ast::RulesetFile> ParseDirectly(const std::shared_ptr<const SourceFile>& source,
                                                const ParseLimits& limits, TestBlocks tests) {
  try {
    const auto size = static_cast<std::uint32_t>(source->text().size());
    return DirectParser(source, 0, size, limits, tests).File();
  } catch (const Declined&) {
    return nullptr;
  }
}

}  // namespace tradelint::parse_internal
