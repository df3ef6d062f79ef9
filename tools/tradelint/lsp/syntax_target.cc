#include "tools/tradelint/lsp/syntax_target.h"

#include <map>
#include <variant>

namespace tradelint::lsp {
namespace {

SyntaxTarget Target(SyntaxTarget::Kind kind, const Span& span, std::string text) {
  SyntaxTarget target;
  target.kind = kind;
  target.span = span;
  target.text = std::move(text);
  return target;
}

bool Contains(const Span& span, std::size_t offset) {
  return span.valid() && span.begin <= offset && offset <= span.end;
}

// Finds the target inside expressions, tracking the quantifier variables (and a `def`'s
// parameters, which are not paths) in scope.
class ExpressionSearch {
 public:
  ExpressionSearch(std::size_t offset, std::optional<RecordKind> record_kind)
      : offset_(offset), record_kind_(record_kind) {}

  void BindParameter(const std::string& name) { variables_[name] = std::nullopt; }

  SyntaxTarget Find(const ast::Expr& expr) {
    if (!Contains(expr.span, offset_)) return {};
    return std::visit([&](const auto& node) { return Visit(expr, node); }, expr.node);
  }

 private:
  using Segments = std::optional<std::vector<std::string>>;

  SyntaxTarget FindIn(const ast::ExprPtr& expr) { return expr ? Find(*expr) : SyntaxTarget{}; }

  // The segments of a path expression from the record root; nullopt when it is no path.
  Segments PathOf(const ast::Expr& expr) const {
    if (const auto* name = std::get_if<ast::Name>(&expr.node)) {
      if (const auto variable = variables_.find(name->name); variable != variables_.end()) {
        return variable->second;
      }
      if (name->name == "market" || name->name == "as_of") return std::nullopt;
      return std::vector<std::string>{name->name};
    }
    if (const auto* member = std::get_if<ast::Member>(&expr.node)) {
      Segments base = PathOf(*member->base);
      if (base) base->push_back(member->field);
      return base;
    }
    if (const auto* index = std::get_if<ast::Index>(&expr.node)) {
      Segments base = PathOf(*index->base);
      if (base) base->push_back("[]");
      return base;
    }
    return std::nullopt;
  }

  SyntaxTarget Path(SyntaxTarget::Kind kind, const Span& span, std::string text,
                    std::vector<std::string> segments) const {
    SyntaxTarget target = Target(kind, span, std::move(text));
    target.segments = std::move(segments);
    target.record_kind = record_kind_;
    return target;
  }

  SyntaxTarget Visit(const ast::Expr&, const ast::Literal&) { return {}; }
  SyntaxTarget Visit(const ast::Expr& expr, const ast::Name& name) {
    const auto variable = variables_.find(name.name);
    if (variable != variables_.end()) {
      if (!variable->second) return {};  // a `def` parameter: nothing known about it
      return Path(SyntaxTarget::Kind::kFieldPath, expr.span, name.name, *variable->second);
    }
    if (name.name == "market" || name.name == "as_of") return {};
    return Path(SyntaxTarget::Kind::kName, expr.span, name.name, {name.name});
  }
  SyntaxTarget Visit(const ast::Expr& expr, const ast::UpperName& name) {
    return Path(SyntaxTarget::Kind::kName, expr.span, name.name, {});
  }
  SyntaxTarget Visit(const ast::Expr& expr, const ast::Member& member) {
    if (Contains(member.field_span, offset_)) {
      Segments path = PathOf(expr);
      if (!path) return {};
      return Path(SyntaxTarget::Kind::kFieldPath, member.field_span, member.field,
                  std::move(*path));
    }
    return FindIn(member.base);
  }
  SyntaxTarget Visit(const ast::Expr&, const ast::Index& index) {
    SyntaxTarget target = FindIn(index.base);
    return target.kind != SyntaxTarget::Kind::kNone ? target : FindIn(index.index);
  }
  SyntaxTarget Visit(const ast::Expr&, const ast::Unary& unary) { return FindIn(unary.operand); }
  SyntaxTarget Visit(const ast::Expr&, const ast::Binary& binary) {
    SyntaxTarget target = FindIn(binary.lhs);
    return target.kind != SyntaxTarget::Kind::kNone ? target : FindIn(binary.rhs);
  }
  SyntaxTarget Visit(const ast::Expr&, const ast::Conditional& conditional) {
    for (const ast::ExprPtr* part :
         {&conditional.condition, &conditional.then_branch, &conditional.else_branch}) {
      SyntaxTarget target = FindIn(*part);
      if (target.kind != SyntaxTarget::Kind::kNone) return target;
    }
    return {};
  }
  SyntaxTarget Visit(const ast::Expr&, const ast::Quantifier& quantifier) {
    Segments element = quantifier.domain ? PathOf(*quantifier.domain) : std::nullopt;
    if (element) element->push_back("[]");
    if (Contains(quantifier.variable_span, offset_)) {
      if (!element) return {};
      return Path(SyntaxTarget::Kind::kFieldPath, quantifier.variable_span, quantifier.variable,
                  *element);
    }
    SyntaxTarget target = FindIn(quantifier.domain);
    if (target.kind != SyntaxTarget::Kind::kNone) return target;
    // The variable is in scope in the body only, shadowing an outer name of its own.
    const auto outer = variables_.find(quantifier.variable);
    const std::optional<Segments> saved =
        outer != variables_.end() ? std::optional<Segments>(outer->second) : std::nullopt;
    variables_[quantifier.variable] = element;
    target = FindIn(quantifier.body);
    if (saved) {
      variables_[quantifier.variable] = *saved;
    } else {
      variables_.erase(quantifier.variable);
    }
    return target;
  }
  SyntaxTarget Visit(const ast::Expr&, const ast::Call& call) {
    if (Contains(call.function_span, offset_)) {
      return Target(SyntaxTarget::Kind::kFunction, call.function_span, call.function);
    }
    for (const ast::ExprPtr& argument : call.arguments) {
      SyntaxTarget target = FindIn(argument);
      if (target.kind != SyntaxTarget::Kind::kNone) return target;
    }
    return {};
  }
  SyntaxTarget Visit(const ast::Expr&, const ast::ListLiteral& list) {
    for (const ast::ExprPtr& item : list.items) {
      SyntaxTarget target = FindIn(item);
      if (target.kind != SyntaxTarget::Kind::kNone) return target;
    }
    return {};
  }

  std::size_t offset_;
  std::optional<RecordKind> record_kind_;
  std::map<std::string, Segments> variables_;  // a variable's element path; nullopt: unknown
};

SyntaxTarget WordTarget(SyntaxTarget::Kind kind, const ast::Word& word) {
  return Target(kind, word.span, word.text);
}

SyntaxTarget InDefinition(const ast::Definition& definition, std::size_t offset) {
  if (Contains(definition.name_span, offset)) {
    SyntaxTarget target =
        Target(SyntaxTarget::Kind::kDefinition, definition.name_span, definition.name);
    target.definition = &definition;
    return target;
  }
  if (definition.kind == ast::Definition::Kind::kTable) {
    if (!Contains(definition.table_file.span, offset)) return {};
    SyntaxTarget target = WordTarget(SyntaxTarget::Kind::kTableFile, definition.table_file);
    target.definition = &definition;
    return target;
  }
  ExpressionSearch search(offset, std::nullopt);
  for (const ast::Word& parameter : definition.parameters) search.BindParameter(parameter.text);
  return definition.body ? search.Find(*definition.body) : SyntaxTarget{};
}

SyntaxTarget InRule(const ast::Rule& rule, std::size_t offset) {
  if (Contains(rule.id.span, offset)) {
    SyntaxTarget target = WordTarget(SyntaxTarget::Kind::kRule, rule.id);
    target.rule = &rule;
    return target;
  }
  for (const ast::Word& overridden : rule.overrides) {
    if (Contains(overridden.span, offset)) {
      return WordTarget(SyntaxTarget::Kind::kRuleReference, overridden);
    }
  }
  std::optional<RecordKind> kind;
  if (rule.applies_to) kind = RecordKindFromName(rule.applies_to->text);
  ExpressionSearch search(offset, kind);
  std::vector<const ast::Expr*> expressions;
  for (const ast::ExprPtr& condition : rule.when) expressions.push_back(condition.get());
  for (const ast::ExprPtr& exception : rule.unless) expressions.push_back(exception.get());
  expressions.push_back(rule.require.get());
  expressions.push_back(rule.forbid.get());
  for (const auto* texts : {&rule.messages, &rule.fixes}) {
    for (const ast::Text& text : *texts) {
      for (const ast::Text::Piece& piece : text.pieces) expressions.push_back(piece.expr.get());
    }
  }
  for (const ast::Expr* expression : expressions) {
    if (expression == nullptr) continue;
    SyntaxTarget target = search.Find(*expression);
    if (target.kind != SyntaxTarget::Kind::kNone) return target;
  }
  return {};
}

SyntaxTarget InTest(const ast::Test& test, std::size_t offset) {
  for (const ast::Expectation& expectation : test.expectations) {
    if (expectation.kind != ast::Expectation::Kind::kVerdict &&
        Contains(expectation.subject.span, offset)) {
      return WordTarget(SyntaxTarget::Kind::kRuleReference, expectation.subject);
    }
  }
  return {};
}

}  // namespace

SyntaxTarget TargetAt(const ast::RulesetFile& file, std::size_t offset) {
  if (Contains(file.id.span, offset)) return WordTarget(SyntaxTarget::Kind::kRuleset, file.id);
  if (file.jurisdiction && Contains(file.jurisdiction->span, offset)) {
    return WordTarget(SyntaxTarget::Kind::kName, *file.jurisdiction);  // a market code
  }
  for (const ast::Word& import : file.imports) {
    if (Contains(import.span, offset)) return WordTarget(SyntaxTarget::Kind::kRuleset, import);
  }
  for (const ast::Definition& definition : file.definitions) {
    if (Contains(definition.span, offset)) return InDefinition(definition, offset);
  }
  for (const ast::Rule& rule : file.rules) {
    if (Contains(rule.span, offset)) return InRule(rule, offset);
  }
  for (const ast::Test& test : file.tests) {
    if (Contains(test.span, offset)) return InTest(test, offset);
  }
  return {};
}

std::string PathText(const std::vector<std::string>& segments) {
  std::string text;
  for (const std::string& segment : segments) {
    if (segment == "[]") {
      text += "[*]";
      continue;
    }
    if (!text.empty()) text += '.';
    text += segment;
  }
  return text;
}

}  // namespace tradelint::lsp
