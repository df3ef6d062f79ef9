#pragma once
// A starter record (`tradelint init`): exactly the fields that the rules in force for some
// markets and product categories read, as a JSON document for a seller to fill in.
//
// The request's own facts are filled in (kind, markets, categories), `id` with a stand-in to
// replace (`replace-with-your-id`). Every other field holds a
// placeholder that the data model rejects until it is replaced, so a starter is never
// mistaken for data: checked as it is, it is `invalid`, `schema_violation` naming each field
// still to fill. A field of a scalar type (text, number, date, code) holds an object
// `{"fill_in": "<type>: <guide>", "needed_by": [rule ids], "or_instead": [alternatives]}`; an
// object or list field read as a whole holds the string `fill in: <type>: <guide>`. A list
// read element by element (`lines[*].hs_code`) holds one element to copy.

#include <string>

#include "engine/api/field_guide.h"
#include "engine/schema/schema.h"

namespace tradelint {

// The starter record for `guide` (built from `request`) as pretty-printed JSON, ending in a
// line feed.
std::string StarterRecordJson(const FieldGuide& guide, const FieldGuideRequest& request);

}  // namespace tradelint
