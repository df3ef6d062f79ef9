#pragma once
// The record data model (schema/*.schema.json, JSON Schema 2020-12) as the engine uses it:
// a tree of SchemaNodes per record kind, with $ref, allOf and anyOf resolved.
//
// The checker resolves rule field paths against it (type of each path, did-you-mean for a
// misspelled field); the input stage validates records against it (schema_violation).
// A Schema is immutable after Load and safe to share between threads.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/value/value.h"

namespace tradelint {

enum class RecordKind { kListing, kTransaction, kSeller };
std::optional<RecordKind> RecordKindFromName(std::string_view name);
std::string_view RecordKindName(RecordKind kind);

// What a field holds, as the language sees it. Classified from the schema: `$ref` to
// common `money` -> kMoney, `date` -> kDate, `datetime` -> kDateTime, `partial_date` ->
// kPartialDate, `country_code` -> kCountry, `market` / `subdivision_code` / `market_group`
// -> kMarket, `currency_code` -> kCurrency, `language` -> kLanguage, other strings ->
// kString, numbers and integers -> kNumber.
enum class FieldType { kAny, kObject, kList, kBool, kNumber, kString, kDate, kDateTime,
                       kPartialDate, kMoney, kCountry, kMarket, kCurrency, kLanguage };
std::string_view FieldTypeName(FieldType type);

struct SchemaNode {
  FieldType type = FieldType::kAny;
  std::string description;
  // kObject (and kMoney): named properties, sorted by name.
  std::map<std::string, std::shared_ptr<const SchemaNode>, std::less<>> properties;
  // kList: the element schema.
  std::shared_ptr<const SchemaNode> items;

  // Constraints checked on record values.
  std::vector<std::string> enum_values;  // allowed strings (string-like types)
  std::optional<std::string> const_value;
  std::optional<std::string> pattern;    // RE2 syntax (JSON Schema patterns are RE2-safe here)
  std::optional<std::string> format;     // date, date-time, email, uri
  std::optional<Decimal> minimum, maximum;
  bool integer = false;                  // kNumber that must be whole
  // anyOf alternatives (market: country | subdivision | group); a value is valid when it
  // matches any of them.
  std::vector<std::shared_ptr<const SchemaNode>> any_of;

  const SchemaNode* Property(std::string_view name) const;
};

struct SchemaViolation {
  std::string path;        // concrete path from the record root: `target_markets[0]`
  std::string message;     // "`UK` is not a country code"
  std::string suggestion;  // "GB", or empty
};

class Schema {
 public:
  // Loads listing/transaction/seller/common.schema.json from `directory`.
  // On failure returns nullopt and sets `error` to a message naming the file.
  static std::optional<Schema> Load(const std::string& directory, std::string* error);

  const SchemaNode& Root(RecordKind kind) const;

  // Validates a record (already known to be an object of `kind`) against type, enum, const,
  // pattern, format and minimum/maximum. `required` is not enforced: an absent field is
  // missing data for the rules to report, never a reason to drop a record.
  std::vector<SchemaViolation> Validate(RecordKind kind, const Value& record) const;

 private:
  std::shared_ptr<const SchemaNode> roots_[3];
};

}  // namespace tradelint
