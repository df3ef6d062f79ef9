#pragma once
// InputRecord: one record read from an input, usable or `invalid`.
//
// Every record an input holds yields exactly one InputRecord, in input order, whatever is
// wrong with it: a reader never drops a record and never stops at a bad one. A usable
// record has `record` set and no `error`; an invalid one has `error` and a missing
// `record`. `kind` and `id` are filled whenever the reader could tell them, also for
// invalid records, so that the report can name them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

// Why a record is `invalid`: the `error` object of design/CONTRACT.md.
struct RecordError {
  // The stable codes an input reader produces (the contract's `no_market` comes later, from
  // market selection).
  static constexpr std::string_view kMalformedJson = "malformed_json";
  static constexpr std::string_view kNotAnObject = "not_an_object";
  static constexpr std::string_view kUnknownKind = "unknown_kind";
  static constexpr std::string_view kMissingId = "missing_id";
  static constexpr std::string_view kSchemaViolation = "schema_violation";
  static constexpr std::string_view kTooLarge = "too_large";
  static constexpr std::string_view kTooDeep = "too_deep";

  std::string code;
  // Lower-case, user text in backticks, e.g. "line 3, column 17: expected `,` or `}` ...".
  std::string message;
  // Field paths from the record root that the error concerns (`target_markets[0]`), each
  // once, in the order found; empty when the error is not about particular fields.
  std::vector<std::string> paths;
};

struct InputRecord {
  // `file:line`, the line where the record starts (1-based): `listings.jsonl:3`; `-:3` on
  // standard input; for CSV the physical line where the row starts (the header is line 1).
  std::string source;
  std::optional<RecordKind> kind;  // when known
  std::optional<std::string> id;   // when known: `id` is a non-empty string
  Value record;                    // the record object; missing when `error` is set
  std::optional<RecordError> error;
};

}  // namespace tradelint
