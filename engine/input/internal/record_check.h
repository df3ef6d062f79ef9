#pragma once
// CheckRecord: the checks every parsed record goes through, whatever its input format.

#include <vector>

#include "engine/input/input_record.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

// Fills `out.kind`, `out.id` and then either `out.record` or `out.error` from a parsed
// record, leaving `out.source` as it is. Sets `kind` and `id` whenever `value` states them
// validly, then reports the first failing check in this order: not_an_object, unknown_kind,
// missing_id, schema_violation. The violations of schema_violation are Schema::Validate's
// followed by `extra` (problems the reader found in the text, e.g. a CSV cell that is not
// UTF-8); a violation with an empty path concerns no field and is only in the message.
void CheckRecord(const Value& value, std::vector<SchemaViolation> extra, const Schema& schema,
                 InputRecord& out);

// The schema_violation error for `violations` (at least one): `paths` holds each non-empty
// path once; the message lists the first twenty as "`path`: message; did you mean `x`?",
// separated by "; ".
RecordError SchemaViolationError(const std::vector<SchemaViolation>& violations);

}  // namespace tradelint
