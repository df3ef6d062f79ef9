#pragma once
// InputRecord: one record read from an input, usable or `invalid`.
//
// Every record an input holds yields exactly one InputRecord, in input order, whatever is
// wrong with it: a reader never drops a record and never stops at a bad one. A usable
// record has `record` set and no `error`; an invalid one has `error` and a missing
// `record`. `kind` and `id` are filled whenever the reader could tell them, also for
// invalid records, so that the report can name them.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

class FeedMapping;

// The input line a record error is on, shortened around the error to at most
// kExcerptCharacters characters (`…` marks a cut).
struct ErrorExcerpt {
  std::string line;
  std::size_t column = 1;  // of the error in `line`, 1-based, in characters
};
inline constexpr std::size_t kExcerptCharacters = 80;

// Why a record is `invalid`: the `error` of an invalid result (docs/cli.md).
struct RecordError {
  // One of engine/diag/codes.h's `record_code`s: an input reader produces all but
  // `no_market`, which comes later, from market selection.
  std::string code;
  // Lower-case, user text in backticks, e.g. "line 3, column 17: expected `,` or `}` ...".
  std::string message;
  // Field paths from the record root that the error concerns (`target_markets[0]`), each
  // once, in the order found; empty when the error is not about particular fields.
  std::vector<std::string> paths;
  // For a record that is not JSON: the input line the error is on, for a caret under the
  // error; none for other errors.
  std::optional<ErrorExcerpt> excerpt;
};

struct InputRecord {
  // `file:line`, the line where the record starts (1-based): `listings.jsonl:3`; `-:3` on
  // standard input; for CSV the physical line where the row starts (the header is line 1).
  std::string source;
  std::optional<RecordKind> kind;  // when known
  std::optional<std::string> id;   // when known: `id` is a non-empty string
  Value record;                    // the record object; missing when `error` is set
  std::optional<RecordError> error;
  // Members the data model does not name (not `x_` extensions), with a did-you-mean: likely
  // typos that no rule reads. They do not make the record invalid (see RejectUnknownFields).
  std::vector<SchemaViolation> unknown_fields;
  // The mapping of the feed the record was read from (`--input-format gmc|shopify|jsonld`),
  // to name feed attributes beside field paths; null for the record formats. Outlives the run.
  const FeedMapping* feed = nullptr;
};

// `--strict`: a usable record with unknown fields becomes invalid, `schema_violation` naming
// each of them. Other records are left as they are.
void RejectUnknownFields(InputRecord& record);

// One line per unknown field, for a result's notes: "`product.brnad` is not a field of the
// data model (did you mean `brand`?); no rule reads it".
std::vector<std::string> UnknownFieldNotes(const InputRecord& record);

}  // namespace tradelint
