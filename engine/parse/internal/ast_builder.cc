#include "engine/parse/internal/ast_builder.h"

#include <string>
#include <utility>

#include "engine/diag/codes.h"
#include "engine/parse/internal/text_literals.h"

namespace tradelint::parse_internal {
namespace {

using G = tradelint_grammar::RulesParser;

class AstBuilder {
 public:
  AstBuilder(const Fragment& fragment, Diagnostics& diagnostics, const ParseLimits& limits)
      : fragment_(fragment), diagnostics_(diagnostics), limits_(limits) {}

  std::unique_ptr<ast::RulesetFile> File(G::FileContext& tree) {
    auto file = std::make_unique<ast::RulesetFile>();
    file->source = fragment_.source();
    Header(*tree.rulesetHeader(), *file);
    for (G::TopItemContext* item : tree.topItem()) TopItem(*item, *file);
    return file;
  }

  ast::ExprPtr Expression(G::ExprContext* context) { return Expr(context, 0); }

 private:
  Span SpanOf(antlr4::ParserRuleContext* context) const {
    return fragment_.SpanOf(context->getStart(), context->getStop());
  }
  Span SpanOf(antlr4::tree::TerminalNode* node) const {
    return fragment_.SpanOf(node->getSymbol());
  }

  // The text of a rule's match. A match of one token (a name, a unit) is that token's text,
  // without ANTLR's RuleContext::getText, which joins its children's texts in a stringstream.
  static std::string TextOf(antlr4::ParserRuleContext* context) {
    antlr4::Token* start = context->getStart();
    if (start != nullptr && start == context->getStop()) return start->getText();
    return context->getText();
  }

  ast::Word WordOf(antlr4::ParserRuleContext* context) const {
    return {TextOf(context), SpanOf(context)};
  }
  ast::Word WordOf(antlr4::tree::TerminalNode* node) const {
    return {node->getText(), SpanOf(node)};
  }

  // The decoded text of a "..." token, as a Word spanning the whole literal.
  ast::Word StringWord(antlr4::tree::TerminalNode* node) {
    const Span span = SpanOf(node);
    return {DecodeString(span.file, span.begin), span};
  }

  // Decodes the "..." literal whose opening quote is at byte `begin` of `file`, reporting a
  // bad escape at its place.
  std::string DecodeString(const std::shared_ptr<const SourceFile>& file, std::uint32_t begin) {
    std::string decoded;
    EscapeError error;
    if (!UnescapeString(QuotedBody(file->text(), begin), decoded, error)) {
      const std::uint32_t at = begin + 1 + static_cast<std::uint32_t>(error.offset);
      diagnostics_.Error(code::kInvalidEscape,
                         Span{file, at, at + static_cast<std::uint32_t>(error.length)},
                         error.message, "write a backslash as `\\\\`");
    }
    return decoded;
  }

  // The strings of a STRING_LIST token (`["a", "b"]`, with spaces, commas and comments between
  // them), as one list Value.
  ValueList StringListOf(antlr4::tree::TerminalNode* node) {
    const Span token = SpanOf(node);
    ValueList strings;
    for (const std::size_t open : StringListItems(token.text())) {
      strings.emplace_back(
          DecodeString(token.file, token.begin + static_cast<std::uint32_t>(open)));
    }
    return strings;
  }

  std::optional<Date> DateOf(antlr4::tree::TerminalNode* node) {
    std::optional<Date> date = Date::Parse(node->getText());
    if (!date) {
      diagnostics_.Error(code::kInvalidDate, SpanOf(node),
                         "`" + node->getText() + "` is not a calendar date");
    }
    return date;
  }

  ast::Effective EffectiveOf(const std::vector<antlr4::tree::TerminalNode*>& dates, bool until_only,
                             Span span) {
    ast::Effective effective;
    effective.span = span;
    if (until_only) {
      effective.until = DateOf(dates.at(0));
    } else {
      effective.from = DateOf(dates.at(0));
      if (dates.size() > 1) effective.until = DateOf(dates.at(1));
    }
    return effective;
  }

  // Sets a single-valued item, reporting a repeat.
  template <typename T>
  void SetOnce(std::optional<T>& slot, T value, const Span& span, std::string_view item) {
    if (slot.has_value()) {
      diagnostics_.Error(code::kDuplicateItem, span, "`" + std::string(item) + "` is given twice",
                         "keep one");
      return;
    }
    slot = std::move(value);
  }

  void Header(G::RulesetHeaderContext& header, ast::RulesetFile& file) {
    file.id = WordOf(header.dottedName());
    for (G::HeaderItemContext* item : header.headerItem()) {
      const Span span = SpanOf(item);
      if (auto* title = dynamic_cast<G::HeaderTitleContext*>(item)) {
        SetOnce(file.title, StringWord(title->STRING()), span, "title");
      } else if (auto* jurisdiction = dynamic_cast<G::HeaderJurisdictionContext*>(item)) {
        SetOnce(file.jurisdiction, WordOf(jurisdiction->marketCode()), span, "jurisdiction");
      } else if (auto* instrument = dynamic_cast<G::HeaderInstrumentContext*>(item)) {
        SetOnce(file.instrument, StringWord(instrument->STRING()), span, "instrument");
      } else if (auto* scope = dynamic_cast<G::HeaderScopeContext*>(item)) {
        file.scope_facts.push_back(WordOf(scope->dottedName()));
      } else if (auto* version = dynamic_cast<G::HeaderVersionContext*>(item)) {
        SetOnce(file.version, StringWord(version->STRING()), span, "version");
      } else if (auto* effective = dynamic_cast<G::HeaderEffectiveContext*>(item)) {
        if (file.effective.span.valid()) {
          diagnostics_.Error(code::kDuplicateItem, span, "`effective` is given twice", "keep one");
        } else {
          file.effective = EffectiveOf(effective->DATE(), false, span);
        }
      }
    }
  }

  void TopItem(G::TopItemContext& item, ast::RulesetFile& file) {
    if (auto* import = dynamic_cast<G::ImportDeclContext*>(&item)) {
      file.imports.push_back(WordOf(import->dottedName()));
    } else if (auto* def = dynamic_cast<G::DefDeclContext*>(&item)) {
      ast::Definition definition;
      definition.kind = ast::Definition::Kind::kDef;
      const std::vector<G::NameContext*> names = def->name();
      definition.name = TextOf(names.at(0));
      definition.name_span = SpanOf(names.at(0));
      for (std::size_t i = 1; i < names.size(); ++i)
        definition.parameters.push_back(WordOf(names[i]));
      definition.body = Expr(def->expr(), 0);
      definition.span = SpanOf(def);
      file.definitions.push_back(std::move(definition));
    } else if (auto* constant = dynamic_cast<G::ConstDeclContext*>(&item)) {
      file.definitions.push_back(NamedConstant(ast::Definition::Kind::kConst, constant->UPPER_ID(),
                                               constant->expr(), SpanOf(constant)));
    } else if (auto* set = dynamic_cast<G::SetDeclContext*>(&item)) {
      file.definitions.push_back(
          NamedConstant(ast::Definition::Kind::kSet, set->UPPER_ID(), set->expr(), SpanOf(set)));
    } else if (auto* table = dynamic_cast<G::TableDeclContext*>(&item)) {
      ast::Definition definition;
      definition.kind = ast::Definition::Kind::kTable;
      definition.name = table->UPPER_ID()->getText();
      definition.name_span = SpanOf(table->UPPER_ID());
      definition.table_file = StringWord(table->STRING());
      definition.span = SpanOf(table);
      file.definitions.push_back(std::move(definition));
    } else if (auto* rule = dynamic_cast<G::RuleDeclContext*>(&item)) {
      file.rules.push_back(Rule(*rule));
    } else if (auto* test = dynamic_cast<G::TestDeclContext*>(&item)) {
      file.tests.push_back(Test(*test));
    }
  }

  ast::Definition NamedConstant(ast::Definition::Kind kind, antlr4::tree::TerminalNode* name,
                                G::ExprContext* body, Span span) {
    ast::Definition definition;
    definition.kind = kind;
    definition.name = name->getText();
    definition.name_span = SpanOf(name);
    definition.body = Expr(body, 0);
    definition.span = span;
    return definition;
  }

  ast::Rule Rule(G::RuleDeclContext& context) {
    ast::Rule rule;
    rule.id = WordOf(context.name());
    rule.span = SpanOf(&context);
    rule.group = context.GROUP() != nullptr;
    if (context.STRING() != nullptr) rule.title = StringWord(context.STRING()).text;
    for (G::RuleItemContext* item : context.ruleItem()) RuleItem(*item, rule);
    return rule;
  }

  void RuleItem(G::RuleItemContext& item, ast::Rule& rule) {
    const Span span = SpanOf(&item);
    if (auto* ref = dynamic_cast<G::RuleRefContext*>(&item)) {
      SetOnce(rule.ref, StringWord(ref->STRING()), span, "ref");
    } else if (auto* title = dynamic_cast<G::RuleTitleContext*>(&item)) {
      AddTitle(rule, title->name(), title->STRING(), span);
    } else if (auto* applies = dynamic_cast<G::RuleAppliesToContext*>(&item)) {
      SetOnce(rule.applies_to, WordOf(applies->name()), span, "applies to");
    } else if (auto* domain = dynamic_cast<G::RuleDomainContext*>(&item)) {
      SetOnce(rule.domain, WordOf(domain->name()), span, "domain");
    } else if (auto* severity = dynamic_cast<G::RuleSeverityContext*>(&item)) {
      SetOnce(rule.severity, WordOf(severity->name()), span, "severity");
    } else if (auto* cite = dynamic_cast<G::RuleCiteContext*>(&item)) {
      SetOnce(rule.citation, StringWord(cite->STRING()), span, "cite");
    } else if (auto* responsible = dynamic_cast<G::RuleResponsibleContext*>(&item)) {
      SetOnce(rule.responsible, WordOf(responsible->name()), span, "responsible");
    } else if (auto* effective = dynamic_cast<G::RuleEffectiveContext*>(&item)) {
      SetEffective(rule, EffectiveOf(effective->DATE(), false, span));
    } else if (auto* until = dynamic_cast<G::RuleUntilContext*>(&item)) {
      SetEffective(rule, EffectiveOf({until->DATE()}, true, span));
    } else if (auto* when = dynamic_cast<G::RuleWhenContext*>(&item)) {
      rule.when.push_back(Expr(when->expr(), 0));
    } else if (auto* unless = dynamic_cast<G::RuleUnlessContext*>(&item)) {
      rule.unless.push_back(Expr(unless->expr(), 0));
    } else if (auto* require = dynamic_cast<G::RuleRequireContext*>(&item)) {
      SetObligation(rule, rule.require, Expr(require->expr(), 0), span);
    } else if (auto* forbid = dynamic_cast<G::RuleForbidContext*>(&item)) {
      SetObligation(rule, rule.forbid, Expr(forbid->expr(), 0), span);
    } else if (auto* message = dynamic_cast<G::RuleMessageContext*>(&item)) {
      AddText(rule.messages, message->name(), message->STRING(), span, "message");
    } else if (auto* fix = dynamic_cast<G::RuleFixContext*>(&item)) {
      AddText(rule.fixes, fix->name(), fix->STRING(), span, "fix");
    } else if (auto* override_item = dynamic_cast<G::RuleOverrideContext*>(&item)) {
      rule.overrides.push_back(WordOf(override_item->dottedName()));
    } else if (auto* link = dynamic_cast<G::RuleLinkContext*>(&item)) {
      rule.links.push_back({WordOf(link->name()), Expr(link->expr(), 0), span});
    } else if (auto* within = dynamic_cast<G::RuleWithinContext*>(&item)) {
      if (rule.within) {
        diagnostics_.Error(code::kDuplicateItem, span, "`within` is given twice", "keep one");
        return;
      }
      std::optional<Decimal> count = Decimal::Parse(within->NUMBER()->getText());
      std::optional<std::int64_t> whole = count ? count->ToInt64() : std::nullopt;
      std::optional<Duration> duration =
          whole ? Duration::FromUnitWord(*whole, TextOf(within->durationUnit())) : std::nullopt;
      if (!duration) {
        diagnostics_.Error(code::kInvalidNumber, span,
                           "a window counts whole days, weeks, months or years");
        return;
      }
      rule.within = ast::Literal{Value(*duration)};
      rule.within_span = span;
    }
  }

  void SetEffective(ast::Rule& rule, ast::Effective effective) {
    if (rule.effective.span.valid()) {
      diagnostics_.Error(code::kDuplicateItem, effective.span, "the rule's dates are given twice",
                         "write them once: `effective <from> until <until>`");
      return;
    }
    rule.effective = std::move(effective);
  }

  void SetObligation(ast::Rule& rule, ast::ExprPtr& slot, ast::ExprPtr expr, const Span& span) {
    if (rule.require != nullptr || rule.forbid != nullptr) {
      diagnostics_.Error(code::kDuplicateItem, span, "a rule has one `require` or one `forbid`",
                         "combine the conditions with `and`");
      return;
    }
    slot = std::move(expr);
  }

  void AddTitle(ast::Rule& rule, G::NameContext* language, antlr4::tree::TerminalNode* string,
                const Span& span) {
    std::string text = StringWord(string).text;
    if (language == nullptr) {
      if (!rule.title.empty()) {
        diagnostics_.Error(code::kDuplicateItem, span, "`title` is given twice", "keep one");
      } else {
        rule.title = std::move(text);
      }
      return;
    }
    std::string tag = TextOf(language);
    for (const ast::TitleTranslation& existing : rule.title_translations) {
      if (existing.language == tag) {
        diagnostics_.Error(code::kDuplicateItem, span, "`title` is given twice for `" + tag + "`",
                           "keep one");
        return;
      }
    }
    rule.title_translations.push_back({std::move(tag), std::move(text), span});
  }

  void AddText(std::vector<ast::Text>& texts, G::NameContext* language,
               antlr4::tree::TerminalNode* string, const Span& span, std::string_view item) {
    ast::Text text = Interpolated(string);
    text.language = language == nullptr ? "" : TextOf(language);
    text.span = span;
    for (const ast::Text& existing : texts) {
      if (existing.language == text.language) {
        diagnostics_.Error(code::kDuplicateItem, span,
                           "`" + std::string(item) + "` is given twice" +
                               (text.language.empty() ? "" : " for `" + text.language + "`"),
                           "keep one");
        return;
      }
    }
    texts.push_back(std::move(text));
  }

  // Splits a message literal into text and `{expr}` pieces. `{{` and `}}` (or `\{`, `\}`)
  // write literal braces. Works on the raw token so that spans stay exact.
  ast::Text Interpolated(antlr4::tree::TerminalNode* string) {
    ast::Text text;
    const Span token = SpanOf(string);
    const std::string_view raw = token.text();
    const std::string_view body = raw.substr(1, raw.size() - 2);
    const std::uint32_t body_begin = token.begin + 1;
    std::size_t literal_start = 0;
    auto flush_literal = [&](std::size_t end) {
      const std::string_view raw_literal = body.substr(literal_start, end - literal_start);
      if (raw_literal.empty()) return;
      std::string decoded;
      EscapeError error;
      if (!DecodeTextLiteral(raw_literal, decoded, error)) {
        const std::uint32_t at =
            body_begin + static_cast<std::uint32_t>(literal_start + error.offset);
        diagnostics_.Error(code::kInvalidEscape,
                           Span{token.file, at, at + static_cast<std::uint32_t>(error.length)},
                           error.message, "write a backslash as `\\\\`");
      }
      text.pieces.push_back({std::move(decoded), nullptr});
    };
    for (TextBrace brace = NextTextBrace(body, 0); brace.kind != TextBrace::Kind::kNone;
         brace = NextTextBrace(body, brace.at + 1)) {
      const std::uint32_t at = body_begin + static_cast<std::uint32_t>(brace.at);
      if (brace.kind == TextBrace::Kind::kUnmatchedClose) {
        diagnostics_.Error(code::kSyntaxError, Span{token.file, at, at + 1},
                           "unmatched `}` in text", "write a literal brace as `}}`");
        continue;
      }
      const std::size_t close = body.find('}', brace.at);
      if (close == std::string_view::npos) {
        diagnostics_.Error(code::kSyntaxError, Span{token.file, at, at + 1}, "unclosed `{` in text",
                           "close the interpolation with `}`, or write a literal brace as `{{`");
        break;
      }
      flush_literal(brace.at);
      const Fragment inner(fragment_.source(), at + 1, body_begin + close);
      std::unique_ptr<ParsedTree> tree = ParseFragment(inner, true, diagnostics_, limits_);
      if (tree != nullptr) {
        AstBuilder inner_builder(inner, diagnostics_, limits_);
        auto* root = static_cast<G::ExpressionOnlyContext*>(tree->root);
        text.pieces.push_back({"", inner_builder.Expression(root->expr())});
      }
      literal_start = close + 1;
      brace.at = close;
    }
    flush_literal(body.size());
    return text;
  }

  ast::Test Test(G::TestDeclContext& context) {
    ast::Test test;
    test.name = StringWord(context.STRING());
    test.span = SpanOf(&context);
    for (G::TestItemContext* item : context.testItem()) {
      const Span span = SpanOf(item);
      if (auto* record = dynamic_cast<G::TestRecordContext*>(item)) {
        if (record->STRING() != nullptr) {
          test.records.push_back({StringWord(record->STRING()), true});
        } else {
          const std::string raw = record->TRIPLE_STRING()->getText();
          test.records.push_back(
              {ast::Word{raw.substr(3, raw.size() - 6), SpanOf(record->TRIPLE_STRING())}, false});
        }
      } else if (auto* market = dynamic_cast<G::TestMarketContext*>(item)) {
        SetOnce(test.market, WordOf(market->marketCode()), span, "market");
      } else if (auto* as_of = dynamic_cast<G::TestAsOfContext*>(item)) {
        std::optional<Date> date = DateOf(as_of->DATE());
        if (date) SetOnce(test.as_of, *date, span, "as of");
      } else if (auto* verdict = dynamic_cast<G::TestExpectVerdictContext*>(item)) {
        test.expectations.push_back(
            {ast::Expectation::Kind::kVerdict, WordOf(verdict->name()), std::nullopt, span});
      } else if (auto* finding = dynamic_cast<G::TestExpectFindingContext*>(item)) {
        std::optional<ast::Word> basis;
        if (finding->IDENT() != nullptr) basis = WordOf(finding->IDENT());
        test.expectations.push_back(
            {ast::Expectation::Kind::kFinding, WordOf(finding->dottedName()), basis, span});
      } else if (auto* none = dynamic_cast<G::TestExpectNoFindingContext*>(item)) {
        test.expectations.push_back(
            {ast::Expectation::Kind::kNoFinding, WordOf(none->dottedName()), std::nullopt, span});
      }
    }
    return test;
  }

  ast::ExprPtr Make(antlr4::ParserRuleContext* context, decltype(ast::Expr::node) node) {
    return std::make_unique<const ast::Expr>(ast::Expr{SpanOf(context), std::move(node)});
  }

  ast::ExprPtr Binary(antlr4::ParserRuleContext* context, ast::BinaryOp op, G::ExprContext* lhs,
                      G::ExprContext* rhs, int depth) {
    return Make(context, ast::Binary{op, Expr(lhs, depth + 1), Expr(rhs, depth + 1)});
  }

  ast::ExprPtr Literal(antlr4::ParserRuleContext* context, Value value, bool raw = false) {
    return Make(context, ast::Literal{std::move(value), raw});
  }

  ast::ExprPtr Expr(G::ExprContext* context, int depth) {
    if (depth > limits_.max_expression_depth) {
      if (!reported_depth_) {
        diagnostics_.Error(code::kNestingTooDeep, SpanOf(context),
                           "expression nested more than " +
                               std::to_string(limits_.max_expression_depth) + " operators deep",
                           "split it into named definitions with `def`");
        reported_depth_ = true;
      }
      return Literal(context, Value(false));
    }
    if (auto* primary = dynamic_cast<G::PrimaryExprContext*>(context)) {
      return Primary(primary->primary(), depth);
    }
    if (auto* member = dynamic_cast<G::MemberExprContext*>(context)) {
      return Make(context, ast::Member{Expr(member->expr(), depth + 1), TextOf(member->name()),
                                       SpanOf(member->name())});
    }
    if (auto* index = dynamic_cast<G::IndexExprContext*>(context)) {
      ast::ExprPtr position = index->STAR() != nullptr ? nullptr : Expr(index->expr(1), depth + 1);
      return Make(context, ast::Index{Expr(index->expr(0), depth + 1), std::move(position)});
    }
    if (auto* negate = dynamic_cast<G::NegateExprContext*>(context)) {
      return Make(context, ast::Unary{ast::UnaryOp::kNegate, Expr(negate->expr(), depth + 1)});
    }
    if (auto* negation = dynamic_cast<G::NotExprContext*>(context)) {
      return Make(context, ast::Unary{ast::UnaryOp::kNot, Expr(negation->expr(), depth + 1)});
    }
    if (auto* multiply = dynamic_cast<G::MultiplyExprContext*>(context)) {
      const auto op =
          multiply->op->getType() == G::STAR ? ast::BinaryOp::kMultiply : ast::BinaryOp::kDivide;
      return Binary(context, op, multiply->expr(0), multiply->expr(1), depth);
    }
    if (auto* add = dynamic_cast<G::AddExprContext*>(context)) {
      const auto op =
          add->op->getType() == G::PLUS ? ast::BinaryOp::kAdd : ast::BinaryOp::kSubtract;
      return Binary(context, op, add->expr(0), add->expr(1), depth);
    }
    if (auto* compare = dynamic_cast<G::CompareExprContext*>(context)) {
      ast::BinaryOp op = ast::BinaryOp::kEqual;
      switch (compare->op->getType()) {
        case G::EQ:
          op = ast::BinaryOp::kEqual;
          break;
        case G::NE:
          op = ast::BinaryOp::kNotEqual;
          break;
        case G::LT:
          op = ast::BinaryOp::kLess;
          break;
        case G::LE:
          op = ast::BinaryOp::kLessEqual;
          break;
        case G::GT:
          op = ast::BinaryOp::kGreater;
          break;
        default:
          op = ast::BinaryOp::kGreaterEqual;
          break;
      }
      return Binary(context, op, compare->expr(0), compare->expr(1), depth);
    }
    if (auto* in = dynamic_cast<G::InExprContext*>(context)) {
      const auto op = in->NOT() != nullptr ? ast::BinaryOp::kNotIn : ast::BinaryOp::kIn;
      return Binary(context, op, in->expr(0), in->expr(1), depth);
    }
    if (auto* conjunction = dynamic_cast<G::AndExprContext*>(context)) {
      return Binary(context, ast::BinaryOp::kAnd, conjunction->expr(0), conjunction->expr(1),
                    depth);
    }
    if (auto* disjunction = dynamic_cast<G::OrExprContext*>(context)) {
      return Binary(context, ast::BinaryOp::kOr, disjunction->expr(0), disjunction->expr(1), depth);
    }
    if (auto* conditional = dynamic_cast<G::IfExprContext*>(context)) {
      return Make(context, ast::Conditional{Expr(conditional->expr(0), depth + 1),
                                            Expr(conditional->expr(1), depth + 1),
                                            Expr(conditional->expr(2), depth + 1)});
    }
    auto& quantifier = dynamic_cast<G::QuantifierExprContext&>(*context);
    return Make(context, ast::Quantifier{quantifier.quantifier->getType() == G::ALL,
                                         TextOf(quantifier.name()), SpanOf(quantifier.name()),
                                         Expr(quantifier.expr(0), depth + 1),
                                         Expr(quantifier.expr(1), depth + 1)});
  }

  ast::ExprPtr Primary(G::PrimaryContext* context, int depth) {
    if (auto* number = dynamic_cast<G::NumberLiteralContext*>(context)) {
      std::optional<Decimal> value = Decimal::Parse(number->NUMBER()->getText());
      if (!value) {
        diagnostics_.Error(code::kInvalidNumber, SpanOf(number->NUMBER()),
                           "`" + number->NUMBER()->getText() + "` is too large a number");
        value = Decimal(0);
      }
      if (number->durationUnit() == nullptr) return Literal(context, Value(*value));
      std::optional<std::int64_t> count = value->ToInt64();
      std::optional<Duration> duration;
      if (count) duration = Duration::FromUnitWord(*count, TextOf(number->durationUnit()));
      if (!duration) {
        diagnostics_.Error(code::kInvalidNumber, SpanOf(number),
                           "a duration counts whole days, weeks, months or years");
        duration = Duration::Days(0);
      }
      return Literal(context, Value(*duration));
    }
    if (auto* money = dynamic_cast<G::MoneyLiteralContext*>(context)) {
      const Currency currency = Currency::FromCode(money->UPPER_ID()->getText());
      std::optional<Decimal> amount = Decimal::Parse(money->NUMBER()->getText());
      if (currency.empty()) {
        diagnostics_.Error(code::kInvalidCurrency, SpanOf(money->UPPER_ID()),
                           "`" + money->UPPER_ID()->getText() + "` is not a currency code",
                           "write money as a three-letter ISO 4217 code and an amount: `EUR 150`");
      }
      if (!amount) {
        diagnostics_.Error(code::kInvalidNumber, SpanOf(money->NUMBER()),
                           "the amount is too large");
        amount = Decimal(0);
      }
      return Literal(context, Value(Money{*amount, currency}));
    }
    if (auto* string = dynamic_cast<G::StringLiteralContext*>(context)) {
      return Literal(context, Value(StringWord(string->STRING()).text));
    }
    if (auto* raw = dynamic_cast<G::RawStringLiteralContext*>(context)) {
      const std::string token = raw->RAW_STRING()->getText();
      return Literal(context, Value(token.substr(2, token.size() - 3)), true);
    }
    if (auto* date = dynamic_cast<G::DateLiteralContext*>(context)) {
      std::optional<Date> value = DateOf(date->DATE());
      return Literal(context, value ? Value(*value) : Value());
    }
    if (auto* boolean = dynamic_cast<G::BoolLiteralContext*>(context)) {
      return Literal(context, Value(boolean->TRUE() != nullptr));
    }
    if (auto* call = dynamic_cast<G::CallExprContext*>(context)) {
      ast::Call node{TextOf(call->name()), SpanOf(call->name()), {}};
      for (G::ExprContext* argument : call->expr())
        node.arguments.push_back(Expr(argument, depth + 1));
      return Make(context, std::move(node));
    }
    if (auto* name = dynamic_cast<G::NameExprContext*>(context)) {
      return Make(context, ast::Name{TextOf(name)});
    }
    if (auto* upper = dynamic_cast<G::UpperExprContext*>(context)) {
      return Make(context, ast::UpperName{TextOf(upper)});
    }
    if (auto* paren = dynamic_cast<G::ParenExprContext*>(context)) {
      return Expr(paren->expr(), depth + 1);
    }
    if (auto* strings = dynamic_cast<G::StringListLiteralContext*>(context)) {
      return Literal(context, Value(StringListOf(strings->STRING_LIST())));
    }
    auto& list = dynamic_cast<G::ListExprContext&>(*context);
    ast::ListLiteral node;
    for (G::ExprContext* item : list.expr()) node.items.push_back(Expr(item, depth + 1));
    return Make(context, std::move(node));
  }

  const Fragment& fragment_;
  Diagnostics& diagnostics_;
  const ParseLimits& limits_;
  bool reported_depth_ = false;
};

}  // namespace

std::unique_ptr<ast::RulesetFile> BuildRulesetFile(G::FileContext& tree, const Fragment& fragment,
                                                   Diagnostics& diagnostics,
                                                   const ParseLimits& limits) {
  return AstBuilder(fragment, diagnostics, limits).File(tree);
}

std::unique_ptr<ast::RulesetFile> ParseWithAntlr(const std::shared_ptr<const SourceFile>& source,
                                                 Diagnostics& diagnostics,
                                                 const ParseLimits& limits, TestBlocks tests) {
  const Fragment fragment(source, 0, source->text().size());
  std::unique_ptr<ParsedTree> tree = ParseFragment(fragment, false, diagnostics, limits, tests);
  if (tree == nullptr) return nullptr;
  const int errors_before = diagnostics.error_count();
  auto file =
      BuildRulesetFile(static_cast<G::FileContext&>(*tree->root), fragment, diagnostics, limits);
  if (diagnostics.error_count() > errors_before) return nullptr;
  return file;
}

}  // namespace tradelint::parse_internal
