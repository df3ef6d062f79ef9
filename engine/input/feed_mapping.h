#pragma once
// FeedMapping: how the items of one feed format (Merchant Center, Shopify CSV, schema.org
// JSON-LD) become records of the data model. One general engine for every format: the
// format's knowledge is a declarative file, `schema/feeds/<format>.json` (its shape is
// described in schema/feeds/README.md); the readers only turn their syntax into feed items.
//
// A feed item is a tree of attributes (a Value of objects, lists and strings or numbers) as
// the feed names them: `{"id": "A1", "shipping": [{"country": "DE", "price": "4.95 EUR"}]}`.
// Attribute paths step through it by member names joined with `.` (`shipping.country`);
// a list on the way is stepped into element by element, so a path yields every value it
// reaches, in item order. Objects whose only member is JSON-LD's `@value` count as that value.
//
// Map turns an item into record fields: each entry of the mapping, in file order,
//   - reads its first `from` attribute path that yields a value (`from` may list
//     alternatives), only when its `when` attribute is present;
//   - takes the `value` constant instead of what it read, when it has one;
//   - converts: `split` (a comma-separated list, one value per part), `local_name` (the
//     part after the last `/`, `#` or `:`, for schema.org enumeration URLs), `upper`,
//     `lower`, then the `values` table (keys compared without case; a value the table does
//     not name stays as read, so that the schema check names it);
//   - writes to `to`, a field path of the data model: without `[]` the first value; with one
//     `[]` each value as a new element of that list (leaf lists keep each value once),
//     `with` giving constant members of each new element; `money` writes `to.amount` and
//     `to.currency` from text like `15.00 USD` (the whole text to `to.amount` when it does
//     not read so, for the schema check to name).
//   - `each`: an attribute path to objects (repeated groups such as `certification`); for
//     each one that matches `where` (sub-attribute values, compared without case), the
//     entry's `fields` are mapped from that object, into one new element of `to` when `to`
//     ends in `[]`, else at the record's root.
// A field path written once is never overwritten: the first entry to write it wins. Field
// values are text; the reader types them by the schema (numbers, booleans), as for CSV.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

// One record field of a mapped item.
struct MappedField {
  std::string path;       // concrete field path: `target_markets[1]`, `offer.price.amount`
  std::string text;       // the value, typed later by the schema
  std::string attribute;  // the feed attribute it came from: `shipping.country`, `price`
};

// One entry of a mapping file (see above).
struct FeedMappingEntry {
  std::vector<std::string> from;  // attribute paths, first with a value wins
  std::string to;                 // field path; may hold `[]` once
  std::string when;               // attribute path that must yield a value; empty: always
  std::optional<std::string> value;
  std::vector<std::string> convert;  // `split`, `local_name`, `upper`, `lower`, `money`
  std::map<std::string, std::string, std::less<>> values;  // lower-case key -> text
  std::vector<std::pair<std::string, std::string>> with;   // member -> constant text
  std::string each;                                        // non-empty: a group entry
  std::vector<std::pair<std::string, std::string>> where;  // sub-attribute -> value
  std::vector<FeedMappingEntry> fields;                    // of a group entry
  std::string note;                                        // for the documentation
};

class FeedMapping {
 public:
  // Reads a mapping file; on failure returns nullopt with `error` naming the file and the
  // problem.
  static std::optional<FeedMapping> Load(const std::string& path, std::string* error);
  // Reads a mapping from its JSON text; `name` names it in errors.
  static std::optional<FeedMapping> Parse(std::string_view text, std::string_view name,
                                          std::string* error);

  // The format's name as `--input-format` gives it: `gmc`, `shopify`, `jsonld`.
  const std::string& format() const { return format_; }
  // The kind of every record the feed gives.
  RecordKind kind() const { return kind_; }
  const std::vector<FeedMappingEntry>& entries() const { return entries_; }
  // Tab-separated feeds: attributes whose cell holds sub-attributes (`shipping`), each
  // instance separated by `,`, its sub-attributes by `:` in this order unless the header
  // names them (`shipping(country:price)`).
  const std::map<std::string, std::vector<std::string>, std::less<>>& text_groups() const {
    return text_groups_;
  }
  // Header names as older exports write them -> the name the mapping uses (lower-case keys).
  const std::map<std::string, std::string, std::less<>>& header_aliases() const {
    return header_aliases_;
  }
  // The attribute that groups rows into one record (`Handle`); empty: one row, one record.
  const std::string& record_key() const { return record_key_; }

  // The record fields of `item`, in mapping order.
  std::vector<MappedField> Map(const Value& item) const;

  // The feed attributes that carry field `path` of the data model (indexes ignored; a path
  // inside or around a mapped field counts: `product.brand` and `offer.price.amount` both
  // have one), each once, in mapping order; empty when the feed cannot carry it.
  std::vector<std::string> AttributesFor(std::string_view path) const;

 private:
  struct Target {
    std::string path;  // `to` with `[]` and group prefixes, without brackets
    std::vector<std::string> attributes;
  };

  std::string format_;
  RecordKind kind_ = RecordKind::kListing;
  std::vector<FeedMappingEntry> entries_;
  std::map<std::string, std::vector<std::string>, std::less<>> text_groups_;
  std::map<std::string, std::string, std::less<>> header_aliases_;
  std::string record_key_;
  std::vector<Target> targets_;  // for AttributesFor
};

// The values an attribute path reaches in `item` (see above), as text: strings as they are
// (without surrounding spaces; empty ones skipped), numbers in their exact decimal form,
// booleans as `true`/`false`; objects and lists are not values.
std::vector<std::string> AttributeTexts(const Value& item, std::string_view attribute);

}  // namespace tradelint
