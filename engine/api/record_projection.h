#pragma once
// RecordProjection: what a group rule reads of the records of one kind it links, so that its
// open groups hold only that, packed (docs/language.md, "Group rules").
//
// Worked out once from the rule's `when`, `unless`, `require`, messages and fixes, with every
// path named from the group record's root (RootPaths): `payment[*].amount`, or `p.amount`
// with `p` bound to `payment[*]`, reads `amount` of each payment. The projection of a record
// keeps, of each path the rule reads:
//   - the value at its end whole, with everything under it;
//   - on the way there, of an object only the fields on some path, of a list every element,
//     each projected alike (also through an index: `lines[0].sku` keeps `sku` of every line);
//   - a list the rule only walks with a quantifier or counts with count(): every element,
//     each projected alike (an element no path reads further becomes `{}`).
// A rule that reads the kind's list or an element as a value (passes it to a function,
// compares it) keeps the records of that kind whole.
//
// So a rule judges the projected records of a group exactly as it judges the records: every
// path it reads has the same value, or the same presence, list length and scalars on the way.
// A finding's deciding value (Finding::value) that is a list the rule walked or counted, e.g.
// `"value_path": "transaction"`, shows its elements as projected: what the rule reads of them.
//
// A group holds a record packed (Pack): a compact byte string, one per group rather than a tree
// of Values per record, that names a field the projection keeps by its index among the fields
// of its node, and a string the data model lists for its field (an enum) by its index in that
// list; Unpack gives the projected record back.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/check/checked.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

class RecordProjection {
 public:
  // What group rule `rule` reads of the records of `kind`, whose data model `schema` gives
  // (and must outlive the projection).
  static RecordProjection For(const CheckedRule& rule, RecordKind kind, const Schema& schema);
  // Keeps the records whole.
  static RecordProjection Whole();

  // Whether the rule reads the records whole: Project returns them unchanged.
  bool whole() const { return root_.whole; }

  // `record` with only what the rule reads. Thread-safe, as are Pack and Unpack.
  Value Project(const Value& record) const;
  // Appends `record`, with only what the rule reads, packed to `out`.
  void Pack(const Value& record, std::string& out) const { Pack(record, root_, out); }
  // The projected record that Pack appended at the start of `packed`; moves `packed` past it.
  Value Unpack(std::string_view& packed) const { return Unpack(packed, root_); }
  // The bytes of the projected record that Pack appended at the start of `packed`, without
  // reading them into a Value; moves `packed` past them.
  std::string_view Skip(std::string_view& packed) const;

 private:
  // A field on some path the rule reads; the root is the record (a list and its elements
  // share a node).
  struct Node {
    std::string name;    // the field's (empty at the root)
    bool whole = false;  // the rule reads the value here whole
    std::vector<Node> fields;
    // The strings the data model lists for the field (an enum, e.g. `tax.scheme`, a country
    // code; of its elements for a list), each by its index: a string among them packs as its
    // index (any other string as itself). Null and empty when the model lists none.
    const std::vector<std::string>* enum_values = nullptr;
    std::unordered_map<std::string_view, std::size_t> enum_numbers;

    // Sets enum_values and enum_numbers of this node and of the fields under it, which
    // `schema` (may be null) describes.
    void NameValues(const SchemaNode* schema);
  };

  // Adds the path `steps` of a record of the kind (the steps after the kind's list); `whole`:
  // the rule reads its end as a value.
  void Keep(const std::vector<PathStep>& steps, bool whole);
  static void Pack(const Value& value, const Node& node, std::string& out);
  static Value Unpack(std::string_view& packed, const Node& node);
  static void Skip(std::string_view& packed, const Node& node);

  Node root_;
};

}  // namespace tradelint
