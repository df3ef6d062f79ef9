#include "engine/check/internal/expr_checker.h"
#include "engine/base/spelling.h"
#include "engine/diag/codes.h"

#include <algorithm>
#include <utility>

namespace tradelint::check_internal {
namespace {

using Kind = Type::Kind;

// Stands in for an expression that had an error, so that checking goes on.
CheckedExprPtr Placeholder(const Span& span) {
  auto node = std::make_shared<CheckedExpr>();
  node->span = span;
  return node;
}

bool IsBoolOrAny(const Type& type) { return type.kind == Kind::kBool || type.is_any(); }

Type TypeOfValue(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kBool:
      return Type::Bool();
    case Value::Kind::kNumber:
      return Type::Number();
    case Value::Kind::kString:
      return Type::String();
    case Value::Kind::kDate:
      return Type::Date();
    case Value::Kind::kDateTime:
      return Type::DateTime();
    case Value::Kind::kDuration:
      return Type::Duration();
    case Value::Kind::kMoney:
      return Type::MoneyIn(value.as_money().currency);
    case Value::Kind::kList: {
      const ValueList& items = value.as_list();
      if (items.empty()) return Type::ListOf(Type::Any());
      Type element = TypeOfValue(items.front());
      for (const Value& item : items) {
        if (TypeOfValue(item).kind != element.kind) return Type::ListOf(Type::Any());
      }
      return Type::ListOf(element);
    }
    default:
      return Type::Any();
  }
}

bool IsOrdered(Kind kind) {
  return kind == Kind::kNumber || kind == Kind::kDate || kind == Kind::kDateTime ||
         kind == Kind::kMoney || kind == Kind::kString;
}

bool IsDateLike(Kind kind) { return kind == Kind::kDate || kind == Kind::kDateTime; }

std::string Quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// The values of an enumeration, for a help line: all of them when few, else the first few.
std::string EnumSummary(const std::vector<std::string>& values) {
  constexpr std::size_t kShown = 8;
  std::string text;
  for (std::size_t i = 0; i < values.size() && i < kShown; ++i)
    text += (i > 0 ? ", " : "") + Quoted(values[i]);
  if (values.size() > kShown) text += " and " + std::to_string(values.size() - kShown) + " more";
  return text;
}

std::string JoinQuoted(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + Quoted(name);
  return text;
}

// `1 argument`, `3 arguments`.
std::string Arguments(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " argument" : " arguments");
}

// `a string`, `an object`, `a list of string`.
std::string WithArticle(const Type& type) {
  const std::string name = type.ToString();
  return (std::string_view("aeiou").find(name.front()) != std::string_view::npos ? "an " : "a ") +
         name;
}

// Rules expand definitions in place; a definition used twice by a definition used twice...
// grows exponentially. Past this many checked nodes in one rule, expansion stops.
constexpr int kMaxNodesPerRule = 20000;

// The conversion applied to leaf values read through a schema node: money, dates, instants.
FieldType LeafConversion(const SchemaNode* node) {
  if (node == nullptr) return FieldType::kAny;
  if (node->type == FieldType::kList) return LeafConversion(node->items.get());
  switch (node->type) {
    case FieldType::kMoney:
    case FieldType::kDate:
    case FieldType::kDateTime:
      return node->type;
    default:
      return FieldType::kAny;
  }
}

}  // namespace

Type TypeOfSchemaNode(const SchemaNode* node) {
  if (node == nullptr) return Type::Any();
  switch (node->type) {
    case FieldType::kAny:
      return Type::Any();
    case FieldType::kObject:
      return Type::ObjectOf(node);
    case FieldType::kList:
      return Type::ListOf(TypeOfSchemaNode(node->items.get()));
    case FieldType::kBool:
      return Type::Bool();
    case FieldType::kNumber:
      return Type::Number();
    case FieldType::kDate:
      return Type::Date();
    case FieldType::kDateTime:
      return Type::DateTime();
    case FieldType::kMoney: {
      Type money = Type::MoneyIn(Currency());
      money.schema = node;
      return money;
    }
    case FieldType::kString:
    case FieldType::kPartialDate:
    case FieldType::kCountry:
    case FieldType::kMarket:
    case FieldType::kCurrency:
    case FieldType::kLanguage: {
      Type string = Type::String();
      if (node->enum_index != nullptr) string.schema = node;
      return string;
    }
  }
  return Type::Any();
}

ExprChecker::ExprChecker(const CheckEnvironment& environment, const DefinitionTable& definitions,
                         RecordKind record_kind, Diagnostics& diagnostics)
    : ExprChecker(environment, definitions, environment.schema->Root(record_kind),
                  "a " + std::string(RecordKindName(record_kind)), diagnostics) {}

ExprChecker::ExprChecker(const CheckEnvironment& environment, const DefinitionTable& definitions,
                         const SchemaNode& root, std::string root_name, Diagnostics& diagnostics)
    : environment_(environment),
      definitions_(definitions),
      root_(&root),
      root_name_(std::move(root_name)),
      diagnostics_(diagnostics) {}

CheckedExprPtr ExprChecker::Make(CheckedExpr node) {
  ++node_count_;
  return std::make_shared<const CheckedExpr>(std::move(node));
}

CheckedExprPtr ExprChecker::Error(const ast::Expr& expr, std::string code, std::string message,
                                  std::string help) {
  diagnostics_.Error(std::move(code), expr.span, std::move(message), std::move(help));
  CheckedExpr node;
  node.span = expr.span;
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckCondition(const ast::Expr& expr, std::string_view item) {
  CheckedExprPtr checked = Check(expr);
  if (!IsBoolOrAny(checked->type)) {
    diagnostics_.Error(code::kTypeMismatch, expr.span,
                       "`" + std::string(item) + "` needs a condition (true or false), found " +
                           checked->type.ToString());
  }
  return checked;
}

CheckedExprPtr ExprChecker::Check(const ast::Expr& expr) {
  return std::visit(
      [&](const auto& node) -> CheckedExprPtr {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Literal>) {
          if (node.value.is_money() &&
              !environment_.schema->IsCurrencyCode(node.value.as_money().currency.code())) {
            return Error(
                expr, code::kInvalidCurrency,
                Quoted(node.value.as_money().currency.code()) + " is not an ISO 4217 currency code",
                "write money as a currency code and an amount: `EUR 150`");
          }
          CheckedExpr checked;
          checked.span = expr.span;
          checked.constant = node.value;
          checked.type = TypeOfValue(node.value);
          return Make(std::move(checked));
        } else if constexpr (std::is_same_v<T, ast::Name>) {
          return CheckName(expr, node.name);
        } else if constexpr (std::is_same_v<T, ast::UpperName>) {
          return CheckUpperName(expr, node.name);
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          return CheckMember(expr, node);
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          return CheckIndex(expr, node);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          return CheckUnary(expr, node);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          return CheckBinary(expr, node);
        } else if constexpr (std::is_same_v<T, ast::Conditional>) {
          return CheckConditional(expr, node);
        } else if constexpr (std::is_same_v<T, ast::Quantifier>) {
          return CheckQuantifier(expr, node);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          return CheckCall(expr, node);
        } else {
          return CheckList(expr, node);
        }
      },
      expr.node);
}

CheckedExprPtr ExprChecker::CheckName(const ast::Expr& expr, const std::string& name) {
  if (!parameters_.empty()) {
    auto found = parameters_.back().find(name);
    if (found != parameters_.back().end()) return found->second;
  }
  for (auto variable = variables_.rbegin(); variable != variables_.rend(); ++variable) {
    if (variable->name != name) continue;
    CheckedExpr path;
    path.op = CheckedExpr::Op::kPath;
    path.span = expr.span;
    path.slot = variable->slot;
    path.type = variable->type;
    path.path_text = name;
    return Make(std::move(path));
  }
  if (name == "market") {
    CheckedExpr market;
    market.op = CheckedExpr::Op::kMarket;
    market.span = expr.span;
    market.type = Type::String();
    return Make(std::move(market));
  }
  if (name == "as_of") {
    CheckedExpr as_of;
    as_of.op = CheckedExpr::Op::kAsOf;
    as_of.span = expr.span;
    as_of.type = Type::Date();
    return Make(std::move(as_of));
  }
  if (auto definition = definitions_.definitions.find(name);
      definition != definitions_.definitions.end() &&
      definition->second->kind == ast::Definition::Kind::kDef) {
    if (used_ != nullptr) used_->insert(definition->second);
    if (!definition->second->parameters.empty()) {
      return Error(expr, code::kWrongArgumentCount,
                   Quoted(name) + " takes " + Arguments(definition->second->parameters.size()),
                   "call it as `" + name + "(...)`");
    }
    return ExpandDefinition(expr, *definition->second, {});
  }
  // A field at the record root.
  CheckedExpr root;
  root.op = CheckedExpr::Op::kPath;
  root.span = expr.span;
  root.type = Type::ObjectOf(root_);
  return ExtendPath(expr, root, PathStep{PathStep::Kind::kField, name, 0}, expr.span);
}

CheckedExprPtr ExprChecker::CheckUpperName(const ast::Expr& expr, const std::string& name) {
  if (auto constant = definitions_.constants.find(name); constant != definitions_.constants.end()) {
    CheckedExpr checked;
    checked.span = expr.span;
    checked.constant = constant->second;
    checked.type = TypeOfValue(constant->second);
    return Make(std::move(checked));
  }
  const bool is_market = environment_.markets->IsValidMarket(name) || name == "GLOBAL";
  const bool is_currency = environment_.schema->IsCurrencyCode(name);
  if (!is_market && !is_currency) {
    std::vector<std::string> candidates;
    for (const auto& [constant_name, value] : definitions_.constants)
      candidates.push_back(constant_name);
    std::string suggestion = ClosestMatch(name, candidates);
    if (suggestion.empty()) suggestion = environment_.markets->Suggest(name);
    return Error(expr, code::kUnknownName,
                 Quoted(name) + " is not a defined constant, a market code or a currency",
                 suggestion.empty() ? "" : "did you mean `" + suggestion + "`?");
  }
  CheckedExpr checked;
  checked.span = expr.span;
  checked.constant = Value(name);
  checked.type = Type::String();
  return Make(std::move(checked));
}

CheckedExprPtr ExprChecker::ExtendPath(const ast::Expr& expr, const CheckedExpr& base,
                                       PathStep step, const Span& step_span) {
  CheckedExpr path = base;
  path.span = Span::Cover(base.span.valid() ? base.span : expr.span, expr.span);
  const bool multi = base.fans_out;
  // The type of one value at the base (an element when the path already fans out).
  const Type current = multi ? base.type.Element() : base.type;
  Type next = Type::Any();
  const SchemaNode* next_node = nullptr;
  switch (step.kind) {
    case PathStep::Kind::kField: {
      path.path_text += (path.path_text.empty() ? "" : ".") + step.field;
      if (current.is_any() || step.field.rfind("x_", 0) == 0) break;
      if (current.kind == Kind::kList) {
        diagnostics_.Error(code::kListNeedsIndex, step_span,
                           Quoted(base.path_text) + " is a list; pick its elements first",
                           "write `" + base.path_text + "[*]." + step.field +
                               "` or use `any x in " + base.path_text + ": ...`");
        return Placeholder(expr.span);
      }
      const SchemaNode* node = current.schema;
      if ((current.kind != Kind::kObject && current.kind != Kind::kMoney) || node == nullptr) {
        diagnostics_.Error(code::kNotAnObject, step_span,
                           Quoted(base.path_text) + " is " + WithArticle(current) +
                               " and has no field " + Quoted(step.field));
        return Placeholder(expr.span);
      }
      next_node = node->Property(step.field);
      if (next_node == nullptr) {
        std::vector<std::string> names;
        for (const auto& [property, child] : node->properties) names.push_back(property);
        const std::string suggestion = ClosestMatch(step.field, names);
        const std::string where = base.path_text.empty() ? root_name_ : Quoted(base.path_text);
        std::string help = suggestion.empty()
                               ? "extension fields start with `x_`"
                               : "did you mean `" +
                                     (base.path_text.empty() ? "" : base.path_text + ".") +
                                     suggestion + "`?";
        diagnostics_.Error(code::kUnknownField, step_span,
                           "unknown field " + Quoted(step.field) + " in " + where, help);
        return Placeholder(expr.span);
      }
      next = TypeOfSchemaNode(next_node);
      path.leaf_type = LeafConversion(next_node);
      break;
    }
    case PathStep::Kind::kEach:
    case PathStep::Kind::kIndex: {
      path.path_text +=
          step.kind == PathStep::Kind::kEach ? "[*]" : "[" + std::to_string(step.index) + "]";
      if (current.is_any()) break;
      if (current.kind != Kind::kList) {
        diagnostics_.Error(code::kNotAList, step_span,
                           Quoted(base.path_text) + " is " + WithArticle(current) + ", not a list");
        return Placeholder(expr.span);
      }
      if (step.kind == PathStep::Kind::kIndex && multi) {
        diagnostics_.Error(code::kNotAList, step_span,
                           "an index cannot follow `[*]`; use a quantifier instead");
        return Placeholder(expr.span);
      }
      next = current.Element();
      break;
    }
  }
  path.steps.push_back(std::move(step));
  path.fans_out = multi || path.steps.back().kind == PathStep::Kind::kEach;
  path.type = path.fans_out ? Type::ListOf(next) : next;
  return Make(std::move(path));
}

const LookupTablePtr* ExprChecker::TableNamedBy(const ast::Expr& expr, std::string* name) const {
  const auto* upper = std::get_if<ast::UpperName>(&expr.node);
  if (upper == nullptr) return nullptr;
  auto table = definitions_.tables.find(upper->name);
  if (table == definitions_.tables.end()) return nullptr;
  *name = upper->name;
  return &table->second;
}

namespace {

// The column names of a table, for help texts.
std::vector<std::string> ColumnNames(const LookupTable& table) {
  std::vector<std::string> names;
  for (const LookupTable::Column& column : table.columns()) names.push_back(column.name);
  return names;
}

// The language type of a table column's cells. Money has a known currency when every cell of
// the column is in the same one.
Type TypeOfColumn(const LookupTable& table, std::size_t column) {
  switch (table.columns()[column].type) {
    case ColumnType::kString:
    case ColumnType::kMarket:
      return Type::String();
    case ColumnType::kNumber:
      return Type::Number();
    case ColumnType::kDate:
      return Type::Date();
    case ColumnType::kBool:
      return Type::Bool();
    case ColumnType::kMoney: {
      Currency currency;
      bool single = true;
      for (const Value& key : table.keys().as_list()) {
        const Value* cell = table.Find(key.as_string(), column);
        if (!cell->is_money()) continue;
        if (currency.empty()) currency = cell->as_money().currency;
        single = single && cell->as_money().currency == currency;
      }
      return single ? Type::MoneyIn(currency) : Type::Of(Type::Kind::kMoney);
    }
  }
  return Type::Any();
}

}  // namespace

CheckedExprPtr ExprChecker::CheckLookup(const ast::Expr& expr, const ast::Index& index,
                                        const ast::Member& member, const std::string& table_name,
                                        const LookupTablePtr& table) {
  CheckedExprPtr key = Check(*index.index);
  if (!key->type.is_any() && key->type.kind != Type::Kind::kString) {
    return Error(*index.index, code::kTypeMismatch,
                 "the key of " + Quoted(table_name) + " is text or a market code, found " +
                     key->type.ToString());
  }
  std::optional<std::size_t> column = table->ColumnIndex(member.field);
  if (!column) {
    const std::vector<std::string> names = ColumnNames(*table);
    const std::string suggestion = ClosestMatch(member.field, names);
    diagnostics_.Error(code::kUnknownColumn, member.field_span,
                       Quoted(table_name) + " has no column " + Quoted(member.field),
                       suggestion.empty() ? "its columns are " + JoinQuoted(names)
                                          : "did you mean `" + suggestion + "`?");
    return Placeholder(expr.span);
  }
  CheckedExpr lookup;
  lookup.op = CheckedExpr::Op::kLookup;
  lookup.span = expr.span;
  lookup.type = TypeOfColumn(*table, *column);
  lookup.table = table;
  lookup.column = *column;
  lookup.path_text = table_name + "[...]." + member.field;
  lookup.children.push_back(std::move(key));
  return Make(std::move(lookup));
}

CheckedExprPtr ExprChecker::CheckMember(const ast::Expr& expr, const ast::Member& member) {
  if (const auto* index = std::get_if<ast::Index>(&member.base->node);
      index != nullptr && index->index) {
    std::string table_name;
    if (const LookupTablePtr* table = TableNamedBy(*index->base, &table_name)) {
      return CheckLookup(expr, *index, member, table_name, *table);
    }
  }
  CheckedExprPtr base = Check(*member.base);
  if (base->op != CheckedExpr::Op::kPath) {
    if (base->type.is_any() && base->is_constant()) return base;  // already reported
    return Error(expr, code::kNotAPath,
                 "fields can be read from the record and from quantifier variables only, not "
                 "from a computed value");
  }
  return ExtendPath(expr, *base, PathStep{PathStep::Kind::kField, member.field, 0},
                    member.field_span);
}

CheckedExprPtr ExprChecker::CheckIndex(const ast::Expr& expr, const ast::Index& index) {
  std::string table_name;
  if (const LookupTablePtr* table = TableNamedBy(*index.base, &table_name)) {
    const std::vector<std::string> names = ColumnNames(**table);
    return Error(expr, code::kTableNeedsColumn,
                 Quoted(table_name + "[...]") + " is a row of the table: name the column to read",
                 "write `" + table_name + "[key].column`; its columns are " + JoinQuoted(names) +
                     " (use `key in " + table_name + "` to test for a row)");
  }
  CheckedExprPtr base = Check(*index.base);
  if (base->op != CheckedExpr::Op::kPath) {
    if (base->type.is_any() && base->is_constant()) return base;
    return Error(expr, code::kNotAPath, "`[...]` applies to list fields of the record only");
  }
  if (index.index == nullptr) {
    return ExtendPath(expr, *base, PathStep{PathStep::Kind::kEach, "", 0}, expr.span);
  }
  std::optional<Value> position = FoldConstant(*index.index, definitions_);
  std::optional<std::int64_t> number;
  if (position && position->is_number()) number = position->as_number().ToInt64();
  if (!number || *number < 0) {
    return Error(*index.index, code::kInvalidIndex, "a list index is `*` or a whole number from 0",
                 "use a quantifier (`any x in list: ...`) to look at elements");
  }
  return ExtendPath(expr, *base, PathStep{PathStep::Kind::kIndex, "", *number}, expr.span);
}

CheckedExprPtr ExprChecker::CheckUnary(const ast::Expr& expr, const ast::Unary& unary) {
  CheckedExprPtr operand = Check(*unary.operand);
  CheckedExpr node;
  node.span = expr.span;
  if (unary.op == ast::UnaryOp::kNot) {
    if (!IsBoolOrAny(operand->type)) {
      return Error(expr, code::kTypeMismatch,
                   "`not` needs a condition, found " + operand->type.ToString());
    }
    node.op = CheckedExpr::Op::kNot;
    node.type = Type::Bool();
  } else {
    const Kind kind = operand->type.kind;
    if (kind != Kind::kNumber && kind != Kind::kMoney && !operand->type.is_any()) {
      return Error(expr, code::kTypeMismatch, "cannot negate " + operand->type.ToString());
    }
    node.op = CheckedExpr::Op::kNegate;
    node.type = operand->type;
  }
  node.children.push_back(std::move(operand));
  return Make(std::move(node));
}

bool ExprChecker::RequireMoneyCurrencies(const ast::Expr& expr, const CheckedExpr& lhs,
                                         const CheckedExpr& rhs) {
  const Currency& a = lhs.type.currency;
  const Currency& b = rhs.type.currency;
  if (a.empty() && b.empty()) return true;  // both read from records: checked at run time
  if (!a.empty() && !b.empty()) {
    if (a == b) return true;
    diagnostics_.Error(code::kCurrencyMismatch, expr.span,
                       "money in " + std::string(a.code()) + " and " + std::string(b.code()) +
                           " cannot be combined",
                       "convert one side: `convert(x, " + std::string(a.code()) + ")`");
    return false;
  }
  const CheckedExpr& unknown = a.empty() ? lhs : rhs;
  const Currency& known = a.empty() ? b : a;
  const std::string name = unknown.path_text.empty() ? "the amount" : Quoted(unknown.path_text);
  diagnostics_.Error(code::kCurrencyMismatch, expr.span,
                     name + " may be in any currency and cannot be compared with " +
                         std::string(known.code()) + " without conversion",
                     "write `convert(" + (unknown.path_text.empty() ? "x" : unknown.path_text) +
                         ", " + std::string(known.code()) + ")`");
  return false;
}

namespace {

// Whether `expr` is a constant zero: a number, or an amount of money.
bool IsConstantZero(const CheckedExpr& expr) {
  if (!expr.is_constant()) return false;
  if (expr.constant.is_number()) return expr.constant.as_number().IsZero();
  return expr.constant.is_money() && expr.constant.as_money().amount.IsZero();
}

}  // namespace

CheckedExprPtr ExprChecker::CheckBinary(const ast::Expr& expr, const ast::Binary& binary) {
  CheckedExprPtr lhs = Check(*binary.lhs);
  CheckedExprPtr rhs = Check(*binary.rhs);
  CheckEnumLiterals(binary, *lhs, *rhs);
  switch (binary.op) {
    case ast::BinaryOp::kAnd:
    case ast::BinaryOp::kOr: {
      for (const CheckedExprPtr* side : {&lhs, &rhs}) {
        if (!IsBoolOrAny((*side)->type)) {
          diagnostics_.Error(code::kTypeMismatch, (*side)->span,
                             "`" + std::string(ast::BinaryOpText(binary.op)) +
                                 "` joins conditions; found " + (*side)->type.ToString());
        }
      }
      CheckedExpr node;
      node.op = binary.op == ast::BinaryOp::kAnd ? CheckedExpr::Op::kAnd : CheckedExpr::Op::kOr;
      node.span = expr.span;
      node.type = Type::Bool();
      node.children = {std::move(lhs), std::move(rhs)};
      return Make(std::move(node));
    }
    case ast::BinaryOp::kIn:
      return CheckMembership(expr, std::move(lhs), std::move(rhs));
    case ast::BinaryOp::kNotIn: {
      CheckedExpr negation;
      negation.op = CheckedExpr::Op::kNot;
      negation.span = expr.span;
      negation.type = Type::Bool();
      negation.children.push_back(CheckMembership(expr, std::move(lhs), std::move(rhs)));
      return Make(std::move(negation));
    }
    case ast::BinaryOp::kDivide:
      if (IsConstantZero(*rhs)) {
        return Error(*binary.rhs, code::kDivisionByZero, "division by zero",
                     "a divisor that is always zero makes the rule undecided for every record");
      }
      return CheckArithmetic(expr, binary.op, std::move(lhs), std::move(rhs));
    case ast::BinaryOp::kAdd:
    case ast::BinaryOp::kSubtract:
    case ast::BinaryOp::kMultiply:
      return CheckArithmetic(expr, binary.op, std::move(lhs), std::move(rhs));
    default:
      return CheckComparison(expr, binary.op, std::move(lhs), std::move(rhs));
  }
}

namespace {

// The schema node whose `enum` the values of `type` must be one of, or null.
const SchemaNode* EnumOf(const Type& type) {
  return type.kind == Kind::kString && type.schema != nullptr && type.schema->enum_index != nullptr
             ? type.schema
             : nullptr;
}

// The string literals `expr` is made of: a string literal, or a list literal of them
// (`["a", "b"]`); empty for anything else (a `set` may serve several fields on purpose).
std::vector<const ast::Expr*> StringLiterals(const ast::Expr& expr) {
  std::vector<const ast::Expr*> literals;
  if (const auto* literal = std::get_if<ast::Literal>(&expr.node)) {
    if (!literal->raw && (literal->value.is_string() || literal->value.is_list()))
      literals.push_back(&expr);
  } else if (const auto* list = std::get_if<ast::ListLiteral>(&expr.node)) {
    for (const ast::ExprPtr& item : list->items) {
      const auto* item_literal = std::get_if<ast::Literal>(&item->node);
      if (item_literal != nullptr && item_literal->value.is_string())
        literals.push_back(item.get());
    }
  }
  return literals;
}

}  // namespace

void ExprChecker::CheckEnumLiterals(const ast::Binary& binary, const CheckedExpr& lhs,
                                    const CheckedExpr& rhs) {
  const SchemaNode* field = nullptr;
  const CheckedExpr* field_side = nullptr;
  const ast::Expr* literal_side = nullptr;
  switch (binary.op) {
    case ast::BinaryOp::kEqual:
    case ast::BinaryOp::kNotEqual:
      if ((field = EnumOf(lhs.type)) != nullptr) {
        field_side = &lhs;
        literal_side = binary.rhs.get();
      } else if ((field = EnumOf(rhs.type)) != nullptr) {
        field_side = &rhs;
        literal_side = binary.lhs.get();
      }
      break;
    case ast::BinaryOp::kIn:
    case ast::BinaryOp::kNotIn:
      // `"toy" in product.regulated_as`, or `type in ["a", "b"]`.
      if ((field = EnumOf(rhs.type.Element())) != nullptr) {
        field_side = &rhs;
        literal_side = binary.lhs.get();
      } else if ((field = EnumOf(lhs.type)) != nullptr) {
        field_side = &lhs;
        literal_side = binary.rhs.get();
      }
      break;
    default:
      break;
  }
  if (field == nullptr) return;
  for (const ast::Expr* literal : StringLiterals(*literal_side)) {
    const Value& value = std::get<ast::Literal>(literal->node).value;
    const ValueList strings = value.is_list() ? value.as_list() : ValueList{value};
    for (const Value& string : strings) {
      if (!string.is_string() || field->enum_index->contains(string.as_string())) continue;
      const std::string suggestion = ClosestMatch(string.as_string(), field->enum_values);
      const std::string where =
          field_side->op == CheckedExpr::Op::kPath ? Quoted(field_side->path_text) : "the field";
      diagnostics_.Error(
          code::kUnknownEnumValue, literal->span,
          Quoted(string.as_string()) + " is not a value of " + where + ", so it never matches",
          suggestion.empty() ? "the data model allows " + EnumSummary(field->enum_values)
                             : "did you mean `" + suggestion + "`?");
    }
  }
}

CheckedExprPtr ExprChecker::CheckComparison(const ast::Expr& expr, ast::BinaryOp op,
                                            CheckedExprPtr lhs, CheckedExprPtr rhs) {
  const Type& a = lhs->type;
  const Type& b = rhs->type;
  const bool equality = op == ast::BinaryOp::kEqual || op == ast::BinaryOp::kNotEqual;
  if (!a.is_any() && !b.is_any()) {
    const bool same = a.kind == b.kind || (IsDateLike(a.kind) && IsDateLike(b.kind));
    if (!same || (equality && !a.Accepts(b) && !b.Accepts(a))) {
      std::string help;
      if ((a.kind == Kind::kMoney && b.kind == Kind::kNumber) ||
          (a.kind == Kind::kNumber && b.kind == Kind::kMoney)) {
        help = "write the threshold as money (`EUR 150`) or compare the amount field";
      }
      return Error(expr, code::kTypeMismatch,
                   "cannot compare " + a.ToString() + " with " + b.ToString(), help);
    }
    if (!equality && !IsOrdered(a.kind)) {
      return Error(expr, code::kTypeMismatch, a.ToString() + " values have no order");
    }
    if (a.kind == Kind::kMoney && !RequireMoneyCurrencies(expr, *lhs, *rhs)) {
      return Placeholder(expr.span);
    }
  }
  CheckedExpr node;
  node.op = CheckedExpr::Op::kCompare;
  node.binary_op = op;
  node.span = expr.span;
  node.type = Type::Bool();
  node.children = {std::move(lhs), std::move(rhs)};
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckArithmetic(const ast::Expr& expr, ast::BinaryOp op,
                                            CheckedExprPtr lhs, CheckedExprPtr rhs) {
  const Type& a = lhs->type;
  const Type& b = rhs->type;
  std::optional<Type> result;
  const bool additive = op == ast::BinaryOp::kAdd || op == ast::BinaryOp::kSubtract;
  if (a.is_any() || b.is_any()) {
    result = a.is_any() ? b : a;
    if (a.kind == Kind::kList || b.kind == Kind::kList) result = Type::Any();
  } else if (a.kind == Kind::kNumber && b.kind == Kind::kNumber) {
    result = Type::Number();
  } else if (a.kind == Kind::kMoney && b.kind == Kind::kMoney) {
    if (op == ast::BinaryOp::kMultiply) {
      return Error(expr, code::kTypeMismatch, "money cannot be multiplied by money");
    }
    if (!RequireMoneyCurrencies(expr, *lhs, *rhs)) return Placeholder(expr.span);
    result = op == ast::BinaryOp::kDivide
                 ? Type::Number()
                 : Type::MoneyIn(a.currency.empty() ? b.currency : a.currency);
  } else if (a.kind == Kind::kMoney && b.kind == Kind::kNumber && !additive) {
    result = Type::MoneyIn(a.currency);
  } else if (a.kind == Kind::kNumber && b.kind == Kind::kMoney && op == ast::BinaryOp::kMultiply) {
    result = Type::MoneyIn(b.currency);
  } else if (IsDateLike(a.kind) && b.kind == Kind::kDuration && additive) {
    result = a;
  } else if (a.kind == Kind::kDuration && IsDateLike(b.kind) && op == ast::BinaryOp::kAdd) {
    result = b;
  }
  if (!result) {
    std::string help;
    if (IsDateLike(a.kind) && IsDateLike(b.kind)) help = "use `days_between(a, b)`";
    return Error(expr, code::kTypeMismatch,
                 "cannot apply `" + std::string(ast::BinaryOpText(op)) + "` to " + a.ToString() +
                     " and " + b.ToString(),
                 help);
  }
  CheckedExpr node;
  node.op = CheckedExpr::Op::kArithmetic;
  node.binary_op = op;
  node.span = expr.span;
  node.type = *result;
  node.children = {std::move(lhs), std::move(rhs)};
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckMembership(const ast::Expr& expr, CheckedExprPtr lhs,
                                            CheckedExprPtr rhs) {
  CheckedExpr node;
  node.span = expr.span;
  node.type = Type::Bool();
  const Type& container = rhs->type;
  if (container.kind == Kind::kString) {
    if (lhs->type.kind != Kind::kString && !lhs->type.is_any()) {
      return Error(expr, code::kTypeMismatch,
                   "`in` with a market on the right needs a market code on the left, found " +
                       lhs->type.ToString());
    }
    node.op = CheckedExpr::Op::kInMarket;
  } else if (container.kind == Kind::kList || container.is_any()) {
    const Type& element = container.Element();
    if (!element.is_any() && !lhs->type.is_any() && !element.Accepts(lhs->type)) {
      return Error(expr, code::kTypeMismatch,
                   "cannot look for " + lhs->type.ToString() + " in " + container.ToString());
    }
    node.op = CheckedExpr::Op::kInList;
  } else {
    return Error(
        expr, code::kTypeMismatch,
        "`in` needs a list, a set or a market code on the right, found " + container.ToString());
  }
  node.children = {std::move(lhs), std::move(rhs)};
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckConditional(const ast::Expr& expr,
                                             const ast::Conditional& conditional) {
  CheckedExprPtr condition = CheckCondition(*conditional.condition, "if");
  CheckedExprPtr then_branch = Check(*conditional.then_branch);
  CheckedExprPtr else_branch = Check(*conditional.else_branch);
  const Type& a = then_branch->type;
  const Type& b = else_branch->type;
  if (!a.Accepts(b) && !b.Accepts(a)) {
    return Error(expr, code::kTypeMismatch,
                 "the branches of `if` differ: " + a.ToString() + " and " + b.ToString());
  }
  if (a.kind == Kind::kMoney && !RequireMoneyCurrencies(expr, *then_branch, *else_branch)) {
    return Placeholder(expr.span);
  }
  CheckedExpr node;
  node.op = CheckedExpr::Op::kIf;
  node.span = expr.span;
  node.type = a.is_any() ? b : a;
  node.children = {std::move(condition), std::move(then_branch), std::move(else_branch)};
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckQuantifier(const ast::Expr& expr,
                                            const ast::Quantifier& quantifier) {
  CheckedExprPtr domain = Check(*quantifier.domain);
  if (domain->type.kind != Kind::kList && !domain->type.is_any()) {
    return Error(*quantifier.domain, code::kNotAList,
                 "`" + std::string(quantifier.all ? "all" : "any") + "` needs a list, found " +
                     domain->type.ToString());
  }
  // Each nested quantifier multiplies the work by the length of its list: over record lists,
  // whose length the record decides, three deep is where one record can take hours (the
  // evaluation budget then stops it, and the rule is undecided).
  if (variables_.size() >= 2 && domain->op == CheckedExpr::Op::kPath) {
    diagnostics_.Warning(code::kNestedQuantifiers, expr.span,
                         "a quantifier nested inside two others over record lists: the work grows "
                         "with the product of the lists' lengths",
                         "look up elements with `in` or a `set` instead, or bound the lists");
  }
  const int slot = next_slot_++;
  variables_.push_back({quantifier.variable, slot, domain->type.Element()});
  CheckedExprPtr body = CheckCondition(*quantifier.body, quantifier.all ? "all" : "any");
  variables_.pop_back();
  CheckedExpr node;
  node.op = quantifier.all ? CheckedExpr::Op::kAll : CheckedExpr::Op::kAny;
  node.span = expr.span;
  node.type = Type::Bool();
  node.slot = slot;
  node.path_text = domain->path_text;
  node.children = {std::move(domain), std::move(body)};
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckCall(const ast::Expr& expr, const ast::Call& call) {
  std::vector<CheckedExprPtr> arguments;
  for (const ast::ExprPtr& argument : call.arguments) arguments.push_back(Check(*argument));

  if (call.function == "present" || call.function == "missing") {
    if (arguments.size() != 1) {
      return Error(expr, code::kWrongArgumentCount,
                   Quoted(call.function) + " takes one field path");
    }
    if (arguments[0]->op != CheckedExpr::Op::kPath) {
      if (arguments[0]->type.is_any() && arguments[0]->is_constant()) return arguments[0];
      return Error(
          *call.arguments[0], code::kInvalidArgument,
          Quoted(call.function) + " takes a field path such as `product.manufacturer.name`");
    }
    CheckedExpr node;
    node.op = call.function == "present" ? CheckedExpr::Op::kPresent : CheckedExpr::Op::kMissing;
    node.span = expr.span;
    node.type = Type::Bool();
    node.children = std::move(arguments);
    return Make(std::move(node));
  }

  if (auto definition = definitions_.definitions.find(call.function);
      definition != definitions_.definitions.end() &&
      definition->second->kind == ast::Definition::Kind::kDef) {
    if (used_ != nullptr) used_->insert(definition->second);
    if (definition->second->parameters.size() != arguments.size()) {
      return Error(expr, code::kWrongArgumentCount,
                   Quoted(call.function) + " takes " +
                       Arguments(definition->second->parameters.size()) + ", found " +
                       std::to_string(arguments.size()));
    }
    return ExpandDefinition(expr, *definition->second, std::move(arguments));
  }

  const FunctionDef* function = environment_.functions->Find(call.function);
  if (function == nullptr) {
    std::vector<std::string> names = environment_.functions->Names();
    names.push_back("present");
    names.push_back("missing");
    for (const auto& [name, definition] : definitions_.definitions) names.push_back(name);
    const std::string suggestion = ClosestMatch(call.function, names);
    diagnostics_.Error(code::kUnknownFunction, call.function_span,
                       "unknown function " + Quoted(call.function),
                       suggestion.empty() ? "" : "did you mean `" + suggestion + "`?");
    return Placeholder(expr.span);
  }
  std::vector<ArgumentInfo> infos;
  for (const CheckedExprPtr& argument : arguments) {
    infos.push_back({argument->type, argument->is_constant() ? &argument->constant : nullptr});
  }
  CheckResult result = function->check(infos);
  if (const CheckError* error = std::get_if<CheckError>(&result)) {
    const Span& span =
        error->argument >= 0 && error->argument < static_cast<int>(call.arguments.size())
            ? call.arguments[error->argument]->span
            : expr.span;
    diagnostics_.Error(code::kInvalidArgument, span, error->message,
                       function->signature.empty() ? "" : "usage: `" + function->signature + "`");
    return Placeholder(expr.span);
  }
  CheckedExpr node;
  node.op = CheckedExpr::Op::kCall;
  node.span = expr.span;
  node.type = std::get<Type>(result);
  node.function = function;
  node.children = std::move(arguments);
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::CheckList(const ast::Expr& expr, const ast::ListLiteral& list) {
  // A list of constants (a `set` of a million strings) becomes one constant: its items' values
  // are kept, not a checked node per item. Nodes are made only once an item is not constant.
  CheckedExpr node;
  node.op = CheckedExpr::Op::kList;
  node.span = expr.span;
  ValueList values;
  values.reserve(list.items.size());
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    CheckedExprPtr checked = Check(*list.items[i]);
    if (node.children.empty() && checked->is_constant()) {
      values.push_back(checked->constant);
      continue;
    }
    if (node.children.empty()) {
      // The first item that is not constant: the constants before it become nodes again.
      for (std::size_t j = 0; j < i; ++j) {
        CheckedExpr constant;
        constant.span = list.items[j]->span;
        constant.type = TypeOfValue(values[j]);
        constant.constant = std::move(values[j]);
        node.children.push_back(
            std::make_shared<const CheckedExpr>(std::move(constant)));  // counted once
      }
    }
    node.children.push_back(std::move(checked));
  }
  if (node.children.empty()) {
    CheckedExpr constant;
    constant.span = expr.span;
    constant.constant = Value(std::move(values));
    constant.type = TypeOfValue(constant.constant);
    return Make(std::move(constant));
  }
  Type element = node.children.empty() ? Type::Any() : node.children.front()->type;
  for (const CheckedExprPtr& child : node.children) {
    if (!element.Accepts(child->type)) element = Type::Any();
  }
  node.type = Type::ListOf(element);
  return Make(std::move(node));
}

CheckedExprPtr ExprChecker::ExpandDefinition(const ast::Expr& expr,
                                             const ast::Definition& definition,
                                             std::vector<CheckedExprPtr> arguments) {
  if (node_count_ > kMaxNodesPerRule) {
    if (too_large_reported_) return Placeholder(expr.span);
    too_large_reported_ = true;
    return Error(expr, code::kExpressionTooLarge,
                 "expanding " + Quoted(definition.name) + " makes the rule larger than " +
                     std::to_string(kMaxNodesPerRule) + " operations",
                 "definitions are expanded where they are used; use each one fewer times");
  }
  if (std::find(expanding_.begin(), expanding_.end(), definition.name) != expanding_.end()) {
    return Error(expr, code::kRecursiveDefinition,
                 Quoted(definition.name) + " refers to itself; definitions cannot recurse");
  }
  std::map<std::string, CheckedExprPtr> bound;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    bound[definition.parameters[i].text] = std::move(arguments[i]);
  }
  // A definition sees its parameters and the record, not the caller's variables.
  std::vector<Variable> caller_variables;
  caller_variables.swap(variables_);
  parameters_.push_back(std::move(bound));
  expanding_.push_back(definition.name);
  CheckedExprPtr body = Check(*definition.body);
  expanding_.pop_back();
  parameters_.pop_back();
  variables_.swap(caller_variables);
  return body;
}

std::optional<Value> ExprChecker::FoldConstant(const ast::Expr& expr,
                                               const DefinitionTable& table) {
  if (const auto* literal = std::get_if<ast::Literal>(&expr.node)) return literal->value;
  if (const auto* upper = std::get_if<ast::UpperName>(&expr.node)) {
    auto constant = table.constants.find(upper->name);
    if (constant != table.constants.end()) return constant->second;
    return Value(upper->name);  // a market or currency code, validated where it is used
  }
  if (const auto* list = std::get_if<ast::ListLiteral>(&expr.node)) {
    ValueList values;
    for (const ast::ExprPtr& item : list->items) {
      std::optional<Value> value = FoldConstant(*item, table);
      if (!value) return std::nullopt;
      values.push_back(std::move(*value));
    }
    return Value(std::move(values));
  }
  if (const auto* unary = std::get_if<ast::Unary>(&expr.node);
      unary != nullptr && unary->op == ast::UnaryOp::kNegate) {
    std::optional<Value> operand = FoldConstant(*unary->operand, table);
    if (operand && operand->is_number()) return Value(operand->as_number().Negate());
    if (operand && operand->is_money()) {
      return Value(Money{operand->as_money().amount.Negate(), operand->as_money().currency});
    }
  }
  return std::nullopt;
}

}  // namespace tradelint::check_internal
