#pragma once
// Types one expression and resolves its names: quantifier variables, `def`s (expanded in
// place, with their parameters bound), `const`s and `set`s, market and currency codes, record
// field paths (validated against the schema) and function calls (checked by their plugin).

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/check/checked.h"
#include "engine/check/checker.h"
#include "engine/refdata/lookup_table.h"

namespace tradelint::check_internal {

// The names one ruleset can see: its own definitions and those of the rulesets it imports.
struct DefinitionTable {
  std::map<std::string, const ast::Definition*, std::less<>> definitions;
  // Values of `const`s and `set`s, computed once by the declarations pass; a `table` is also
  // the set of its keys here.
  std::map<std::string, Value, std::less<>> constants;
  // The `table`s loaded for the visible table definitions (absent when a file failed to load).
  std::map<std::string, LookupTablePtr, std::less<>> tables;
};

class ExprChecker {
 public:
  ExprChecker(const CheckEnvironment& environment, const DefinitionTable& definitions,
              RecordKind record_kind, Diagnostics& diagnostics);
  // Paths start at `root` (which must outlive the checked expressions), named `root_name`
  // in messages (`a group record`).
  ExprChecker(const CheckEnvironment& environment, const DefinitionTable& definitions,
              const SchemaNode& root, std::string root_name, Diagnostics& diagnostics);

  // Checks `expr`; reports problems and returns a node typed kAny in their place so that
  // checking goes on.
  CheckedExprPtr Check(const ast::Expr& expr);
  // Checks `expr` and requires a boolean (or unknown-typed) result.
  CheckedExprPtr CheckCondition(const ast::Expr& expr, std::string_view item);

  // Quantifier variables the expressions checked so far needed.
  int slot_count() const { return next_slot_; }

  // Adds every definition an expression expands to `used` (which must outlive the checker).
  void RecordUsesIn(std::set<const ast::Definition*>* used) { used_ = used; }

  // Folds a constant expression (literals, lists of literals, negation, other constants);
  // nullopt when `expr` is not constant. Used for `const` and `set` bodies.
  static std::optional<Value> FoldConstant(const ast::Expr& expr, const DefinitionTable& table);

 private:
  struct Variable {
    std::string name;
    int slot;
    Type type;
  };
  struct PathState;

  CheckedExprPtr CheckName(const ast::Expr& expr, const std::string& name);
  CheckedExprPtr CheckUpperName(const ast::Expr& expr, const std::string& name);
  CheckedExprPtr CheckMember(const ast::Expr& expr, const ast::Member& member);
  CheckedExprPtr CheckIndex(const ast::Expr& expr, const ast::Index& index);
  // `TABLE[key].column`: `index` is the `TABLE[key]` part of `member`.
  CheckedExprPtr CheckLookup(const ast::Expr& expr, const ast::Index& index,
                             const ast::Member& member, const std::string& table_name,
                             const LookupTablePtr& table);
  // The table an expression names (`CONSENT_AGE`), or null.
  const LookupTablePtr* TableNamedBy(const ast::Expr& expr, std::string* name) const;
  CheckedExprPtr CheckUnary(const ast::Expr& expr, const ast::Unary& unary);
  CheckedExprPtr CheckBinary(const ast::Expr& expr, const ast::Binary& binary);
  // Reports (`unknown_enum_value`) each string literal that `==`, `!=`, `in` or `not in`
  // compares with an enumerated field but that is none of its values.
  void CheckEnumLiterals(const ast::Binary& binary, const CheckedExpr& lhs, const CheckedExpr& rhs);
  CheckedExprPtr CheckComparison(const ast::Expr& expr, ast::BinaryOp op, CheckedExprPtr lhs,
                                 CheckedExprPtr rhs);
  CheckedExprPtr CheckArithmetic(const ast::Expr& expr, ast::BinaryOp op, CheckedExprPtr lhs,
                                 CheckedExprPtr rhs);
  CheckedExprPtr CheckMembership(const ast::Expr& expr, CheckedExprPtr lhs, CheckedExprPtr rhs);
  CheckedExprPtr CheckConditional(const ast::Expr& expr, const ast::Conditional& conditional);
  CheckedExprPtr CheckQuantifier(const ast::Expr& expr, const ast::Quantifier& quantifier);
  CheckedExprPtr CheckCall(const ast::Expr& expr, const ast::Call& call);
  CheckedExprPtr CheckList(const ast::Expr& expr, const ast::ListLiteral& list);
  CheckedExprPtr ExpandDefinition(const ast::Expr& expr, const ast::Definition& definition,
                                  std::vector<CheckedExprPtr> arguments);
  CheckedExprPtr ExtendPath(const ast::Expr& expr, const CheckedExpr& base, PathStep step,
                            const Span& step_span);

  CheckedExprPtr Error(const ast::Expr& expr, std::string code, std::string message,
                       std::string help = {});
  CheckedExprPtr Make(CheckedExpr node);
  bool RequireMoneyCurrencies(const ast::Expr& expr, const CheckedExpr& lhs,
                              const CheckedExpr& rhs);

  const CheckEnvironment& environment_;
  const DefinitionTable& definitions_;
  const SchemaNode* root_;
  std::string root_name_;  // `a listing`
  Diagnostics& diagnostics_;
  std::vector<Variable> variables_;                                // innermost last
  std::vector<std::map<std::string, CheckedExprPtr>> parameters_;  // def expansions
  std::vector<std::string> expanding_;  // defs being expanded (cycle check)
  int next_slot_ = 0;
  int node_count_ = 0;
  std::set<const ast::Definition*>* used_ = nullptr;
  bool too_large_reported_ = false;
};

// The language type of a schema field.
Type TypeOfSchemaNode(const SchemaNode* node);

}  // namespace tradelint::check_internal
