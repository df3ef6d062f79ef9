#pragma once
// Typing CSV cells by the schema: the cell text `19.99` is a number in `offer.price.amount`
// and a string in `product.name`.

#include <string_view>
#include <vector>

#include "engine/input/internal/csv_header.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

// The schema node of the field `path` names in a record of `kind` (Schema::Resolve: a name
// steps into the properties, an index into the list items). nullptr when the schema does
// not describe the field (an `x_` extension, a misspelt name).
const SchemaNode* ResolveColumn(const Schema& schema, RecordKind kind,
                                const std::vector<PathStep>& path);

// The value of a non-empty cell of a field of schema `node` (nullptr: undescribed field).
// A number field's cell that is a number (spaces around it ignored) becomes an exact
// Decimal; a boolean field's `true` or `false` (any case, spaces ignored) a boolean; a list
// field's `[]` an empty list (a list stated empty, unlike an empty cell, which states
// nothing); every other cell, and a cell that does not convert, stays the string as written,
// so that the schema check names its path.
Value TypeCell(std::string_view cell, const SchemaNode* node);

}  // namespace tradelint
