#include "engine/parse/parser_check.h"

#include <memory>
#include <variant>

#include "engine/diag/diagnostic.h"
#include "engine/parse/internal/ast_builder.h"
#include "engine/parse/internal/direct_parser.h"
#include "engine/parse/internal/fragment.h"
#include "engine/source/source.h"

namespace tradelint {
namespace {

// Writes an AST out in full, one item per line, so that two ASTs are equal exactly when their
// texts are.
class AstWriter {
 public:
  std::string File(const ast::RulesetFile& file) {
    Word("ruleset", file.id);
    Optional("title", file.title);
    Optional("jurisdiction", file.jurisdiction);
    Optional("instrument", file.instrument);
    Optional("version", file.version);
    Effective(file.effective);
    for (const ast::Word& fact : file.scope_facts) Word("scope", fact);
    for (const ast::Word& import : file.imports) Word("import", import);
    for (const ast::Definition& definition : file.definitions) Definition(definition);
    for (const ast::Rule& rule : file.rules) Rule(rule);
    for (const ast::Test& test : file.tests) Test(test);
    return std::move(out_);
  }

 private:
  void Line(const std::string& text) { out_ += std::string(indent_, ' ') + text + "\n"; }
  static std::string At(const Span& span) {
    return span.valid() ? "@" + std::to_string(span.begin) + ".." + std::to_string(span.end)
                        : "@none";
  }
  void Word(const std::string& label, const ast::Word& word) {
    Line(label + " `" + word.text + "` " + At(word.span));
  }
  void Optional(const std::string& label, const std::optional<ast::Word>& word) {
    if (word) Word(label, *word);
  }
  static std::string DateText(const std::optional<Date>& date) {
    return date ? date->ToString() : "-";
  }
  void Effective(const ast::Effective& effective) {
    Line("effective " + DateText(effective.from) + " until " + DateText(effective.until) + " " +
         At(effective.span));
  }

  void Expr(const std::string& label, const ast::ExprPtr& expr) {
    if (expr == nullptr) {
      Line(label + " null");
      return;
    }
    Line(label + " " + At(expr->span) + " " +
         std::visit([](const auto& node) { return Describe(node); }, expr->node));
    ++indent_;
    std::visit([this](const auto& node) { Children(node); }, expr->node);
    --indent_;
  }

  static std::string Describe(const ast::Literal& node) {
    return std::string(node.raw ? "raw " : "") + "literal " +
           std::string(KindName(node.value.kind())) + " " + node.value.ToDisplayString();
  }
  static std::string Describe(const ast::Name& node) { return "name " + node.name; }
  static std::string Describe(const ast::UpperName& node) { return "upper " + node.name; }
  static std::string Describe(const ast::Member& node) {
    return "member " + node.field + " " + At(node.field_span);
  }
  static std::string Describe(const ast::Index&) { return "index"; }
  static std::string Describe(const ast::Unary& node) {
    return node.op == ast::UnaryOp::kNot ? "not" : "negate";
  }
  static std::string Describe(const ast::Binary& node) {
    return "binary " + std::string(ast::BinaryOpText(node.op));
  }
  static std::string Describe(const ast::Conditional&) { return "if"; }
  static std::string Describe(const ast::Quantifier& node) {
    return std::string(node.all ? "all " : "any ") + node.variable + " " + At(node.variable_span);
  }
  static std::string Describe(const ast::Call& node) {
    return "call " + node.function + " " + At(node.function_span);
  }
  static std::string Describe(const ast::ListLiteral&) { return "list"; }

  void Children(const ast::Literal&) {}
  void Children(const ast::Name&) {}
  void Children(const ast::UpperName&) {}
  void Children(const ast::Member& node) { Expr("base", node.base); }
  void Children(const ast::Index& node) {
    Expr("base", node.base);
    Expr("index", node.index);
  }
  void Children(const ast::Unary& node) { Expr("operand", node.operand); }
  void Children(const ast::Binary& node) {
    Expr("lhs", node.lhs);
    Expr("rhs", node.rhs);
  }
  void Children(const ast::Conditional& node) {
    Expr("condition", node.condition);
    Expr("then", node.then_branch);
    Expr("else", node.else_branch);
  }
  void Children(const ast::Quantifier& node) {
    Expr("domain", node.domain);
    Expr("body", node.body);
  }
  void Children(const ast::Call& node) {
    for (const ast::ExprPtr& argument : node.arguments) Expr("argument", argument);
  }
  void Children(const ast::ListLiteral& node) {
    for (const ast::ExprPtr& item : node.items) Expr("item", item);
  }

  void Definition(const ast::Definition& definition) {
    Line("definition " + std::to_string(static_cast<int>(definition.kind)) + " " + definition.name +
         " " + At(definition.name_span) + " " + At(definition.span));
    ++indent_;
    for (const ast::Word& parameter : definition.parameters) Word("parameter", parameter);
    Expr("body", definition.body);
    Word("table", definition.table_file);
    --indent_;
  }

  void Text(const std::string& label, const ast::Text& text) {
    Line(label + " `" + text.language + "` " + At(text.span));
    ++indent_;
    for (const ast::Text::Piece& piece : text.pieces) {
      if (piece.expr == nullptr) {
        Line("literal `" + piece.literal + "`");
      } else {
        Expr("expression", piece.expr);
      }
    }
    --indent_;
  }

  void Rule(const ast::Rule& rule) {
    Line(std::string(rule.group ? "group " : "") + "rule `" + rule.id.text + "` " +
         At(rule.id.span) + " " + At(rule.span) + " title `" + rule.title + "`");
    ++indent_;
    for (const ast::TitleTranslation& title : rule.title_translations) {
      Line("title " + title.language + " `" + title.text + "` " + At(title.span));
    }
    for (const ast::Link& link : rule.links) {
      Word("link", link.kind);
      Expr("key", link.key);
      Line("link span " + At(link.span));
    }
    if (rule.within)
      Line("within " + rule.within->value.ToDisplayString() + " " + At(rule.within_span));
    Optional("ref", rule.ref);
    Optional("applies", rule.applies_to);
    Optional("domain", rule.domain);
    Optional("severity", rule.severity);
    Optional("cite", rule.citation);
    Optional("responsible", rule.responsible);
    Effective(rule.effective);
    for (const ast::ExprPtr& when : rule.when) Expr("when", when);
    for (const ast::ExprPtr& unless : rule.unless) Expr("unless", unless);
    Expr("require", rule.require);
    Expr("forbid", rule.forbid);
    for (const ast::Text& message : rule.messages) Text("message", message);
    for (const ast::Text& fix : rule.fixes) Text("fix", fix);
    for (const ast::Word& override_id : rule.overrides) Word("override", override_id);
    --indent_;
  }

  void Test(const ast::Test& test) {
    Word("test", test.name);
    ++indent_;
    Line("span " + At(test.span));
    for (const ast::TestRecord& record : test.records) {
      Word(record.is_file ? "record file" : "record", record.text);
    }
    Optional("market", test.market);
    Line("as of " + DateText(test.as_of));
    for (const ast::Expectation& expectation : test.expectations) {
      Word("expect " + std::to_string(static_cast<int>(expectation.kind)), expectation.subject);
      Optional("basis", expectation.basis);
      Line("expectation span " + At(expectation.span));
    }
    --indent_;
  }

  std::string out_;
  int indent_ = 0;
};

}  // namespace

std::optional<ParserCheck> CheckDirectParser(const std::string& text, TestBlocks tests,
                                             const ParseLimits& limits) {
  const auto file = std::make_shared<const SourceFile>("t.trl", text);
  Diagnostics diagnostics;
  if (!parse_internal::ValidateUtf8(file, diagnostics)) return std::nullopt;
  ParserCheck check;
  if (auto direct = parse_internal::ParseDirectly(file, limits, tests)) {
    check.direct_ast = AstWriter().File(*direct);
  } else {
    check.declined = true;
  }
  if (auto reference = parse_internal::ParseWithAntlr(file, diagnostics, limits, tests)) {
    check.reference_ast = AstWriter().File(*reference);
  } else {
    check.reference_failed = true;
  }
  return check;
}

}  // namespace tradelint
