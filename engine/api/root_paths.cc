#include "engine/api/root_paths.h"

#include <algorithm>
#include <string_view>

namespace tradelint {

RootPath RootPaths::Of(const CheckedExpr& path) const {
  RootPath root;
  root.path = &path;
  if (path.slot < 0) {
    root.text = path.path_text;
    root.steps = path.steps;
    return root;
  }
  // `w.language`: the variable's name, then the path inside its element.
  const std::string_view text = path.path_text;
  const std::size_t after_name = std::min(text.find_first_of(".["), text.size());
  const std::string_view inside = text.substr(after_name);
  const auto domain = domains_.find(path.slot);
  if (domain == domains_.end()) {
    root.text = std::string(inside.starts_with('.') ? inside.substr(1) : inside);
    root.steps = path.steps;
    return root;
  }
  root.text = domain->second.text + "[*]" + std::string(inside);
  root.steps = domain->second.steps;
  root.steps.push_back(PathStep{PathStep::Kind::kEach, {}, 0});
  root.steps.insert(root.steps.end(), path.steps.begin(), path.steps.end());
  return root;
}

void RootPaths::Bind(const CheckedExpr& quantifier) {
  const CheckedExpr& list = *quantifier.children[0];
  if (list.op == CheckedExpr::Op::kPath) {
    domains_[quantifier.slot] = Of(list);
  } else {
    domains_.erase(quantifier.slot);
  }
}

void RootPaths::Walk(const CheckedExpr& expr, const std::function<void(const RootPath&)>& visit) {
  Walk(expr, RootPath::Use::kValue, visit);
}

void RootPaths::WalkRule(const CheckedRule& rule,
                         const std::function<void(const RootPath&)>& visit) {
  ForEachExpression(rule, [&](const CheckedExprPtr& expr) {
    if (expr != nullptr) Walk(*expr, visit);
  });
}

void RootPaths::Walk(const CheckedExpr& expr, RootPath::Use use,
                     const std::function<void(const RootPath&)>& visit) {
  using Op = CheckedExpr::Op;
  if (expr.op == Op::kPath) {
    RootPath root = Of(expr);
    root.use = use;
    visit(root);
    return;
  }
  if (expr.op == Op::kAny || expr.op == Op::kAll) {
    Walk(*expr.children[0], RootPath::Use::kElements, visit);
    Bind(expr);
    Walk(*expr.children[1], RootPath::Use::kValue, visit);
    return;
  }
  const bool counts = expr.op == Op::kCall && expr.function != nullptr &&
                      expr.function->name == "count" && expr.children.size() == 1;
  for (const CheckedExprPtr& child : expr.children) {
    Walk(*child, counts ? RootPath::Use::kCount : RootPath::Use::kValue, visit);
  }
}

}  // namespace tradelint
