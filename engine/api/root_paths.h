#pragma once
// RootPaths: the field paths an expression reads, named from the record root.
//
// A quantifier's variable stands for an element of its list: in `any l in lines: l.hs_code`
// the variable's path reads `lines[*].hs_code` (text) with the steps `lines`, `[*]`,
// `hs_code`. A variable bound to a list that is not a path (a list literal, a function's
// result) has no root: its paths are named by the steps inside the element only. Shared by
// RuleFields (the fields a rule reads) and RecordProjection (what a group rule keeps of a
// record).

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/check/checked.h"

namespace tradelint {

// A path an expression reads, from the record root.
struct RootPath {
  // How the expression uses the value at the path.
  enum class Use {
    kValue,     // the value itself
    kElements,  // a quantifier's list: only its elements, each through the variable's paths
    kCount,     // the argument of count(): only how many elements the list has
  };
  const CheckedExpr* path = nullptr;  // the kPath read
  std::string text;                   // `lines[*].hs_code`
  std::vector<PathStep> steps;        // the steps of `text`
  Use use = Use::kValue;
};

class RootPaths {
 public:
  // The root path that `path` (a kPath) reads, used as a value.
  RootPath Of(const CheckedExpr& path) const;

  // Binds the quantifier's variable to its list (a path; other lists have no root).
  void Bind(const CheckedExpr& quantifier);

  // Calls `visit` with every path `expr` reads, in reading order, binding the variables of
  // the quantifiers it meets on the way.
  void Walk(const CheckedExpr& expr, const std::function<void(const RootPath&)>& visit);
  // Walk over every expression `rule` evaluates: its `when`s, `unless`es, obligation, and the
  // expressions of its messages and fixes.
  void WalkRule(const CheckedRule& rule, const std::function<void(const RootPath&)>& visit);

 private:
  void Walk(const CheckedExpr& expr, RootPath::Use use,
            const std::function<void(const RootPath&)>& visit);

  std::map<int, RootPath> domains_;  // quantifier slot -> its list's root path
};

}  // namespace tradelint
