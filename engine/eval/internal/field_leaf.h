#pragma once
// A field path's leaf in a record, and the leaf read as the data model types it: the two
// steps of reading a path that does not fan out, shared by the walk that explains a finding
// (interpreter.cc) and the record's path table (record_paths.h).

#include <optional>
#include <vector>

#include "engine/check/checked.h"
#include "engine/value/value.h"

namespace tradelint::eval_internal {

// The value `steps` lead to from `base` (none of them kEach): the first absent or null value
// on the way when there is one (a missing Value when a step finds nothing, or when a field is
// read from what is not an object or an index from what is not a list).
const Value& LeafOf(const Value& base, const std::vector<PathStep>& steps);

// `leaf` as a field of `type` reads: a money object as money, a date or an instant string as a
// date or an instant (unknown when it is not one), null as missing, each element of a list
// alike; nullopt when it reads as stored (strings, numbers, booleans, objects, and anything of
// kAny), so that the caller need not copy it.
std::optional<Value> ReadAsType(const Value& leaf, FieldType type);

// `leaf` as a path reads it: with `typed`, ReadAsType's value or else the leaf itself; without,
// the leaf as stored. A copy.
Value ReadLeaf(const Value& leaf, FieldType type, bool typed);

}  // namespace tradelint::eval_internal
