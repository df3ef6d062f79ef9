#pragma once
// Record readers: input files and standard input as a stream of InputRecords.
//
// A reader turns its input into records one at a time (Next) and holds at most one record
// in memory, whatever the input size: memory is bounded by InputLimits, never by the input.
// Every record of the input yields exactly one InputRecord (see input_record.h); bad input
// never ends a stream early, so `summary.records` can count every record.
//
// Formats (docs/cli.md), chosen by `--input-format`, or by default (`auto`) by the file name's
// extension, case-insensitively:
//   .json            one record object, or an array of records: each element is a record
//                    whose source line is the line where the element starts. Streamed
//                    element by element, like the other formats: never read whole.
//   .jsonl, .ndjson  JSON Lines: one record per line; blank lines are skipped.
//   .csv             RFC 4180; line 1 holds field paths; one record per row.
//   `-`              standard input (source file name `-`): JSON Lines, unless its first
//                    non-blank line leaves a JSON value open (`{` of a pretty-printed
//                    record): then one JSON document, read as a .json file.
//   other names      as standard input (also covers /dev/stdin and pipes).
//
// Feeds, only by `--input-format` (docs/cli.md, "Feeds"): each item becomes a record through
// the format's FeedMapping (feed_mapping.h), merged with the Supplement's fields of its id:
//   gmc              Google Merchant Center product data: XML (RSS 2.0 `item`s or Atom
//                    `entry`s, attributes in the `g:` namespace or none) when the first
//                    non-blank character is `<`, else tab-separated text (line 1: attribute
//                    names; `shipping(country:price)` names a group's sub-attributes).
//   shopify          Shopify's product CSV export: consecutive rows with one `Handle` are
//                    one record (the variant and image rows continue the product), whose
//                    source is its first row; older header names are read as the newer.
//   jsonld           schema.org `Product`s in JSON-LD: a JSON document (an object, an
//                    array, `@graph`), or an HTML page whose `<script
//                    type="application/ld+json">` elements hold them; every Product found
//                    is a record, its source the line of its script (or 1).
// A feed's text problems (a row whose cell count differs from the header's, XML that is not
// well-formed, a script that is not JSON) are schema_violation or malformed_json results at
// their line; XML is read on after an error (libxml2's recovery), so an item holding an error
// is invalid and the items after it are still read.
//
// Errors per record (RecordError codes), checked in this order:
//   too_large        the record's text (a JSON Lines line without its line end, a .json
//                    element, a CSV row) is longer than max_record_bytes; the rest of it
//                    is skipped without being held in memory (a 50 MB line costs at most
//                    max_record_bytes) and reading goes on after it.
//   malformed_json   not JSON or not UTF-8 (message: `line L, column C: ...`, the column
//                    counted in characters); for .json also an empty file, an empty array
//                    element (`[1,,2]`, `[1,]`), an array that is not closed (one extra
//                    result at the end of the file) and text after the array (one result).
//                    A number too large for an exact decimal is malformed_json too.
//   too_deep         objects and arrays nested deeper than max_depth.
//   not_an_object    a JSON value that is not an object.
//   unknown_kind     `kind` absent, not a string, or not a record kind (`listing`, `transaction`,
//   `seller`, `payment`, `waybill`)
//                    (paths [`kind`], with a did-you-mean for near misses).
//   missing_id       `id` absent, not a string, or empty (paths [`id`]).
//   schema_violation Schema::Validate's violations, each path in `paths`; for CSV also the
//                    problems of the CSV text itself (see below).
//
// CSV specifics:
//   - Line 1 is the header: each cell a field path as rules write it (`offer.price.amount`,
//     `target_markets[0]`, `lines[1].product.name`); spaces around a header cell are
//     ignored. A `kind` column is optional; without one, or with an empty cell, the row is
//     a `listing`. A column with an empty header must stay empty in every row.
//   - Each row is a nested object: `a.b` creates objects, `[n]` creates lists whose
//     elements follow index order; an empty cell is a missing field, and an object or list
//     left with no field is left out too. List elements that are all empty are skipped,
//     so `target_markets[0]`,`target_markets[2]` with an empty [1] give a list of two.
//   - Cells are typed by the schema of the row's kind: a number field's cell becomes an
//     exact decimal (spaces around it ignored), a boolean field's `true`/`false` (any case)
//     a boolean, a list field's `[]` an empty list (`certifications` stated empty); all
//     other cells, and cells that do not convert (`abc` for an amount), stay strings as
//     written, so that the schema check names their path.
//   - CSV has no error code of its own in the contract, so problems of the CSV text are
//     schema_violation: a row whose cell count differs from the header's ("row has 5
//     cells, header has 6"; kind and id are then unknown), a quoted field not closed by
//     the end of the input, a cell that is not UTF-8 or that has no column header, and a
//     header problem (a cell that is not a field path, a repeated path, paths that clash
//     like `a` and `a.b`, more than max_csv_columns columns), which every row reports.
//   - Quoted fields may hold commas, doubled quotes and line ends; a stray quote in an
//     unquoted field, or text after a closing quote, is kept literally. Rows with no
//     characters at all (empty lines) are skipped. CR LF and LF line ends are accepted.
//
// All formats: a UTF-8 byte order mark at the start of the input is skipped; CR LF line ends
// count as one line end.
//
// Readers are not thread-safe; use one per thread. Reading standard input through
// std::cin is much faster after std::ios::sync_with_stdio(false).

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/input/input_record.h"
#include "engine/schema/schema.h"

namespace tradelint {

struct InputLimits {
  // Longest record text accepted, in bytes (see too_large above).
  std::size_t max_record_bytes = 8u << 20;
  // Deepest nesting of objects and arrays accepted (too_deep).
  int max_depth = 64;
  // Most columns a CSV header may have; more is a header problem (schema_violation).
  std::size_t max_csv_columns = 10000;
};

enum class InputFormat {
  kJson,
  kJsonLines,
  kCsv,
  // JSON Lines or one JSON document, told apart by the first non-blank line (see above).
  kJsonLinesOrDocument,
  // Feeds (see above); they need a FeedInput.
  kGmc,
  kShopify,
  kJsonLd,
};

class FeedMapping;
class Supplement;

// What the feed formats read by: the format's mapping (required for them) and the fields
// given beside the feed (may be null). Both must outlive the reader.
struct FeedInput {
  const FeedMapping* mapping = nullptr;
  const Supplement* supplement = nullptr;
};

// Whether `format` is a feed format (needs a FeedInput).
bool IsFeedFormat(InputFormat format);

// The format of a file by its name, as described above; `-` is kJsonLinesOrDocument.
InputFormat InputFormatForPath(std::string_view path);

// The format named by `--input-format` (`json`, `jsonl`, `csv`, `gmc`, `shopify`, `jsonld`);
// nullopt for `auto` and for names that are not formats.
std::optional<InputFormat> InputFormatFromName(std::string_view name);

// A record as a reader hands it over before parsing: JSON Lines readers leave the line's
// JSON text to ParseRecord, so that parsing (most of the cost of reading) can run on worker
// threads while one thread reads lines in order. Other formats hand over parsed records.
struct UnparsedRecord {
  InputRecord record;    // complete when `text` is empty; else only `source` is set
  std::string text;      // JSON text still to parse
  std::size_t line = 0;  // the line where `text` starts, for error positions
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record into `out`, replacing everything in it. Returns false, leaving
  // `out` untouched, when the input has no more records.
  virtual bool Next(InputRecord& out) = 0;
  // Like Next, but may leave the record's text unparsed (ParseRecord completes it). The
  // default reads a parsed record.
  virtual bool NextUnparsed(UnparsedRecord& out) {
    out.text.clear();
    return Next(out.record);
  }
};

// Completes a record NextUnparsed left unparsed, exactly as Next would have read it; a parsed
// record is left as it is. `schema` and `limits` must be the reader's. Thread-safe for
// different records.
void ParseRecord(UnparsedRecord& unparsed, const Schema& schema, const InputLimits& limits);

// Opens `path` (`-` for standard input) in `format`, by default the one its name says. Sources
// are `path:line`, with `path` as given; standard input's are `stdin_name:line` when
// `stdin_name` is not empty (`--source-name`). Returns nullptr when the file cannot be opened, with
// `*open_error` set to e.g. "cannot open `x.jsonl`: No such file or directory" (a
// directory gives "Is a directory"). `schema` must outlive the reader.
std::unique_ptr<RecordReader> OpenRecordReader(const std::string& path, const Schema& schema,
                                               const InputLimits& limits, std::string* open_error,
                                               std::optional<InputFormat> format = std::nullopt,
                                               const std::string& stdin_name = "",
                                               const FeedInput& feed = {});

// A reader over `in` (a std::istringstream in tests, std::cin for standard input), with
// sources `source_name:line`. `in` and `schema` must outlive the reader. The reader reads
// through in.rdbuf() and ignores the stream's state flags and exception mask. A feed format
// needs `feed.mapping`.
std::unique_ptr<RecordReader> MakeRecordReader(std::istream& in, InputFormat format,
                                               std::string source_name, const Schema& schema,
                                               const InputLimits& limits,
                                               const FeedInput& feed = {});

}  // namespace tradelint
