#pragma once
// The record data model (schema/*.schema.json, JSON Schema 2020-12) as the engine uses it:
// a tree of SchemaNodes per record kind, with $ref, allOf and anyOf resolved.
//
// The checker resolves rule field paths against it (type of each path, did-you-mean for a
// misspelled field); the input stage validates records against it (schema_violation).
// A Schema is immutable after Load and safe to share between threads.

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/value/value.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace tradelint {

enum class RecordKind { kListing, kTransaction, kSeller, kPayment, kWaybill };
inline constexpr std::size_t kRecordKindCount = 5;
// Every kind, in enum order.
inline constexpr std::array<RecordKind, kRecordKindCount> kAllRecordKinds = {
    RecordKind::kListing, RecordKind::kTransaction, RecordKind::kSeller, RecordKind::kPayment,
    RecordKind::kWaybill};
std::optional<RecordKind> RecordKindFromName(std::string_view name);
std::string_view RecordKindName(RecordKind kind);

// What a field holds, as the language sees it. Classified from the schema: `$ref` to
// common `money` -> kMoney, `date` -> kDate, `datetime` -> kDateTime, `partial_date` ->
// kPartialDate, `country_code` -> kCountry, `market` / `subdivision_code` / `market_group`
// -> kMarket, `currency_code` -> kCurrency, `language` -> kLanguage, other strings ->
// kString, numbers and integers -> kNumber.
enum class FieldType {
  kAny,
  kObject,
  kList,
  kBool,
  kNumber,
  kString,
  kDate,
  kDateTime,
  kPartialDate,
  kMoney,
  kCountry,
  kMarket,
  kCurrency,
  kLanguage
};
std::string_view FieldTypeName(FieldType type);

// How `tradelint init` marks a field still to fill in (engine/api/starter_record.h): an object
// with the key kPlaceholderKey where a scalar is expected, a string starting with
// kPlaceholderPrefix where an object or a list is. Neither validates; the validator names them
// "not filled in" rather than as a wrong type.
inline constexpr std::string_view kPlaceholderKey = "fill_in";
inline constexpr std::string_view kPlaceholderPrefix = "fill in: ";

struct SchemaNode {
  FieldType type = FieldType::kAny;
  std::string description;
  // kObject (and kMoney): named properties, sorted by name.
  std::map<std::string, std::shared_ptr<const SchemaNode>, std::less<>> properties;
  // `properties` hashed by name for Property (validation looks up every member of every
  // record); views into this node's own `properties`, rebuilt whenever they change.
  std::unordered_map<std::string_view, const SchemaNode*> property_index;
  // kList: the element schema.
  std::shared_ptr<const SchemaNode> items;

  // Constraints checked on record values.
  std::vector<std::string> enum_values;  // allowed strings (string-like types)
  // `enum_values` hashed, so that checking a value against a long list (currency and country
  // codes) is one lookup; set exactly when enum_values is non-empty.
  std::shared_ptr<const std::unordered_set<std::string>> enum_index;
  std::optional<std::string> const_value;
  std::optional<std::string> pattern;  // RE2 syntax (JSON Schema patterns are RE2-safe here)
  std::optional<std::string> format;   // date, date-time, email, uri
  std::optional<Decimal> minimum, maximum;
  bool integer = false;  // kNumber that must be whole
  // `pattern` compiled once at load; set exactly when `pattern` is. Matched as JSON Schema
  // says: a search anywhere in the string (the model's patterns anchor themselves).
  std::shared_ptr<const re2::RE2> compiled_pattern;
  // anyOf alternatives (market: country | subdivision | group); a value is valid when it
  // matches any of them.
  std::vector<std::shared_ptr<const SchemaNode>> any_of;
  // The `$defs` name this node was defined as (`country_code`, `money`, `party`), empty for
  // a node written inline. A property that is a `$ref` keeps the name of its target.
  std::string type_name;

  // The named property, or nullptr.
  const SchemaNode* Property(std::string_view name) const;
};

// Property names of `node` in sorted order (empty unless it has properties), as candidates
// for did-you-mean on a misspelled field.
std::vector<std::string> FieldNames(const SchemaNode& node);

struct SchemaViolation {
  std::string path;        // concrete path from the record root: `target_markets[0]`
  std::string message;     // "`UK` is not a country code"
  std::string suggestion;  // "GB", or empty
};

class Schema {
 public:
  // Loads listing/transaction/seller/payment/waybill/common.schema.json from `directory`, extended
  // by the data-model extension files `extensions` (docs/extending.md): each adds new properties to
  // objects of the model, named by address (`seller.schema.json#/$defs/seller`), before the
  // model is built, so every place that uses the object has them; a property the model
  // already has is an error. On failure returns nullopt and sets `error` to a message
  // naming the file.
  static std::optional<Schema> Load(const std::string& directory, std::string* error,
                                    const std::vector<std::string>& extensions = {});

  // Whether `code` is an ISO 4217 currency of the data model (`currency_code` in
  // common.schema.json): the one list for records and for money written in rules.
  bool IsCurrencyCode(std::string_view code) const;
  // Those codes, sorted.
  const std::vector<std::string>& currency_codes() const { return currency_codes_; }

  const SchemaNode& Root(RecordKind kind) const;

  // Resolves a field path, split into segments, from the root of a `kind` record:
  // `offer.price.amount` is {"offer", "price", "amount"}; `lines[*].unit_price` is
  // {"lines", "[]", "unit_price"}. A segment that starts with `[` (`[]`, `[*]`, `[0]`) steps
  // into the element schema of a list; any other segment names a property. Returns nullptr
  // when a property is not in the schema (a typo, or an `x_` extension field the schema
  // cannot know) or `[` is applied to something that is not a list. An empty path gives the
  // root. The result lives as long as this Schema.
  const SchemaNode* Resolve(RecordKind kind, const std::vector<std::string>& segments) const;
  // The same, starting from any node of this schema (e.g. the element of a list a rule
  // iterates over).
  static const SchemaNode* Resolve(const SchemaNode& from,
                                   const std::vector<std::string>& segments);

  // Validates a record (already known to be an object of `kind`) against type, enum, const,
  // pattern, format and minimum/maximum. `required` is not enforced: an absent field is
  // missing data for the rules to report, never a reason to drop a record.
  // Expects JSON-shaped values (as ParseJson makes them). Properties the schema does not
  // name are never flagged (additionalProperties is open). A null anywhere is a violation.
  // At most one violation per value, and at most kMaxViolations per record, in document
  // order.
  static constexpr std::size_t kMaxViolations = 20;
  // With `unknown_fields`, also lists the members the data model does not name (not `x_`
  // extensions), each with a did-you-mean among its siblings where one is close: they are
  // not violations, but most likely typos.
  std::vector<SchemaViolation> Validate(
      RecordKind kind, const Value& record,
      std::vector<SchemaViolation>* unknown_fields = nullptr) const;

 private:
  std::shared_ptr<const SchemaNode> roots_[kRecordKindCount];
  std::vector<std::string> currency_codes_;  // sorted
};

}  // namespace tradelint
