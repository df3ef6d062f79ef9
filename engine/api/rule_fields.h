#pragma once
// RuleFields: the record fields a rule reads, by the part they play for someone filling in a
// record (`tradelint fields`, `tradelint init`).
//
// Read from the checked rule, not by running it:
//   - `scope`: every field the rule's `when` and `unless` read; they decide whether the rule
//     applies at all.
//   - `required`: what the obligation needs stated, as groups that must each be met. A group
//     is one field, or the alternatives of an `or` (under `not`, an `and`), one of which is
//     enough: each alternative is the fields one side of the `or` reads (all of them, for
//     `a or (b and c)` the alternatives are {a} and {b, c}). A field read by any other test (a
//     comparison, a function, a lookup) is a group of its own.
//   - `absent`: fields the obligation wants left out (`require missing(x)`,
//     `forbid present(x)`).
// Paths are written as rules write them from the record root, a list's elements as `[*]`
// (`lines[*].hs_code`), also where the rule reads them through a quantifier's variable; a list
// read as a whole or element by element is named once, without `[*]` (`bullet_points`). Each
// path appears once per list, in the order the rule reads it.

#include <string>
#include <vector>

#include "engine/check/checked.h"

namespace tradelint {

struct RuleFields {
  using Alternative = std::vector<std::string>;  // fields that together meet a group
  using Group = std::vector<Alternative>;        // one alternative for a plain field
  std::vector<std::string> scope;
  std::vector<Group> required;
  std::vector<std::string> absent;
};

// Every field of `group`, each once, in order.
std::vector<std::string> GroupFields(const RuleFields::Group& group);

RuleFields FieldsOf(const CheckedRule& rule);

}  // namespace tradelint
