#include "engine/api/rule_fields.h"

#include <algorithm>

#include "engine/api/root_paths.h"

namespace tradelint {
namespace {

// Sorts the paths a rule reads by the part they play (RuleFields), named from the record root
// (RootPaths).
class FieldCollector {
 public:
  // Every path `expr` reads, in reading order, appended to `out` once each.
  void AllPaths(const CheckedExpr& expr, std::vector<std::string>& out) {
    paths_.Walk(expr, [&](const RootPath& path) { AddUnique(out, ListField(path.text)); });
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
          AddGroup(fields, {{ListField(paths_.Of(*expr.children[0]).text)}});
        } else {
          AddUnique(fields.absent, ListField(paths_.Of(*expr.children[0]).text));
        }
        return;
      case Op::kAny:
      case Op::kAll:
        paths_.Bind(expr);
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

  RootPaths paths_;
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
