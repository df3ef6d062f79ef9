#include "engine/api/rule_fields.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace tradelint {
namespace {

// Walks expressions, naming paths from the record root: a quantifier's variable stands for
// an element of its list (`lines[*]`).
class FieldCollector {
 public:
  // The root path that `path` (a kPath) reads.
  std::string RootPath(const CheckedExpr& path) const {
    if (path.slot < 0) return path.path_text;
    // `w.language`: the variable's name, then the path inside its element.
    const std::string_view text = path.path_text;
    const std::size_t after_name = std::min(text.find_first_of(".["), text.size());
    const std::string_view inside = text.substr(after_name);
    const auto domain = domains_.find(path.slot);
    if (domain == domains_.end()) {
      return std::string(inside.starts_with('.') ? inside.substr(1) : inside);
    }
    return domain->second + "[*]" + std::string(inside);
  }

  // Every path `expr` reads, in reading order, appended to `out` once each.
  void AllPaths(const CheckedExpr& expr, std::vector<std::string>& out) {
    if (expr.op == CheckedExpr::Op::kPath) {
      AddUnique(out, ListField(RootPath(expr)));
      return;
    }
    if (IsQuantifier(expr)) {
      AllPaths(*expr.children[0], out);
      Bind(expr);
      AllPaths(*expr.children[1], out);
      return;
    }
    for (const CheckedExprPtr& child : expr.children) AllPaths(*child, out);
  }

  // The sides of an `or` (`and` when it must fail), nested ones flattened: each side the
  // paths it reads.
  void Alternatives(const CheckedExpr& expr, CheckedExpr::Op joint, RuleFields::Group& group) {
    if (expr.op == joint) {
      for (const CheckedExprPtr& child : expr.children) Alternatives(*child, joint, group);
      return;
    }
    RuleFields::Alternative alternative;
    AllPaths(expr, alternative);
    if (!alternative.empty()) group.push_back(std::move(alternative));
  }

  // Sorts the paths of an obligation that must hold (`holds`) or must fail.
  void Obligation(const CheckedExpr& expr, bool holds, RuleFields& fields) {
    using Op = CheckedExpr::Op;
    switch (expr.op) {
      case Op::kNot:
        Obligation(*expr.children[0], !holds, fields);
        return;
      case Op::kAnd:
      case Op::kOr:
        if ((expr.op == Op::kAnd) == holds) {
          for (const CheckedExprPtr& child : expr.children) Obligation(*child, holds, fields);
        } else {
          RuleFields::Group group;
          Alternatives(expr, expr.op, group);
          AddGroup(fields, std::move(group));
        }
        return;
      case Op::kPresent:
      case Op::kMissing:
        if ((expr.op == Op::kPresent) == holds) {
          AddGroup(fields, {{ListField(RootPath(*expr.children[0]))}});
        } else {
          AddUnique(fields.absent, ListField(RootPath(*expr.children[0])));
        }
        return;
      case Op::kAny:
      case Op::kAll:
        Bind(expr);
        Obligation(*expr.children[1], holds, fields);
        return;
      default: {
        std::vector<std::string> paths;
        AllPaths(expr, paths);
        for (std::string& path : paths) AddGroup(fields, {{std::move(path)}});
      }
    }
  }

 private:
  static bool IsQuantifier(const CheckedExpr& expr) {
    return expr.op == CheckedExpr::Op::kAny || expr.op == CheckedExpr::Op::kAll;
  }

  // Binds the quantifier's variable to its list (a path; other lists have no field name).
  void Bind(const CheckedExpr& quantifier) {
    const CheckedExpr& list = *quantifier.children[0];
    if (list.op == CheckedExpr::Op::kPath) {
      domains_[quantifier.slot] = RootPath(list);
    } else {
      domains_.erase(quantifier.slot);
    }
  }

  static void AddUnique(std::vector<std::string>& out, std::string path) {
    if (path.empty() || std::find(out.begin(), out.end(), path) != out.end()) return;
    out.push_back(std::move(path));
  }

  // A list read as a whole or element by element is one field: `bullet_points[*]` is
  // `bullet_points`.
  static std::string ListField(std::string path) {
    while (path.ends_with("[*]")) path.resize(path.size() - 3);
    return path;
  }

  static void AddGroup(RuleFields& fields, RuleFields::Group group) {
    if (group.empty()) return;
    if (std::find(fields.required.begin(), fields.required.end(), group) != fields.required.end())
      return;
    fields.required.push_back(std::move(group));
  }

  std::map<int, std::string> domains_;  // quantifier slot -> its list's root path
};

}  // namespace

std::vector<std::string> GroupFields(const RuleFields::Group& group) {
  std::vector<std::string> fields;
  for (const RuleFields::Alternative& alternative : group) {
    for (const std::string& path : alternative) {
      if (std::find(fields.begin(), fields.end(), path) == fields.end()) fields.push_back(path);
    }
  }
  return fields;
}

RuleFields FieldsOf(const CheckedRule& rule) {
  RuleFields fields;
  FieldCollector collector;
  for (const CheckedExprPtr& when : rule.when) collector.AllPaths(*when, fields.scope);
  for (const CheckedExprPtr& unless : rule.unless) collector.AllPaths(*unless, fields.scope);
  if (rule.obligation != nullptr) collector.Obligation(*rule.obligation, !rule.forbid, fields);
  return fields;
}

}  // namespace tradelint
