#pragma once
// RecordProjection: what a group rule reads of the records of one kind it links, so that its
// open groups hold only that (docs/language.md, "Group rules").
//
// Worked out once from the rule's `when`, `unless`, `require`, messages and fixes, with every
// path named from the group record's root (RootPaths): `payment[*].amount`, or `p.amount`
// with `p` bound to `payment[*]`, reads `amount` of each payment. The projection of a record
// keeps, of each path the rule reads:
//   - the value at its end whole, with everything under it;
//   - on the way there, of an object only the fields on some path, of a list every element,
//     each projected alike; a step through an index (`lines[0]`) keeps that list whole;
//   - a list that `when`, `unless`, a message or a fix only walks with a quantifier or
//     counts with count(): every element, each projected alike (an element no path reads
//     further becomes `{}`).
// In `require` every path keeps its value whole, also a list it walks or counts: a finding
// names the deciding value the obligation read (Finding::value), which may be such a list.
// A rule that reads the kind's list or an element as a value (passes it to a function,
// compares it) keeps the records of that kind whole.
//
// So a rule judges the projected records of a group exactly as it judges the records: every
// path it reads has the same value, or the same presence, list length and scalars on the way.

#include <string>
#include <utility>
#include <vector>

#include "engine/check/checked.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

class RecordProjection {
 public:
  // What group rule `rule` reads of the records of `kind`.
  static RecordProjection For(const CheckedRule& rule, RecordKind kind);
  // Keeps the records whole.
  static RecordProjection Whole();

  // Whether the rule reads the records whole: Project returns them unchanged.
  bool whole() const { return root_.whole; }

  // `record` with only what the rule reads. Thread-safe.
  Value Project(const Value& record) const { return Project(record, root_); }

 private:
  // A field on some path the rule reads; the root is the record (a list and its elements
  // share a node).
  struct Node {
    bool whole = false;  // the rule reads the value here whole
    std::vector<std::pair<std::string, Node>> fields;
  };

  // Adds the path `steps` of a record of the kind (the steps after the kind's list); `whole`:
  // the rule reads its end as a value.
  void Keep(const std::vector<PathStep>& steps, bool whole);
  static Value Project(const Value& value, const Node& node);

  Node root_;
};

}  // namespace tradelint
