#include "engine/schema/schema.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "engine/base/ascii_case.h"
#include "engine/base/file.h"
#include "engine/base/spelling.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

constexpr std::array<std::string_view, kRecordKindCount> kRecordFiles = {
    "listing.schema.json", "transaction.schema.json", "seller.schema.json", "payment.schema.json",
    "waybill.schema.json"};
constexpr std::string_view kCommonFile = "common.schema.json";

// ---------------------------------------------------------------------------------------
// Loading

// The JSON type a FieldType refines: kDate is a string, kMoney an object, ...
enum class JsonType { kAny, kObject, kArray, kBoolean, kNumber, kString };

JsonType JsonTypeOf(FieldType type) {
  switch (type) {
    case FieldType::kAny:
      return JsonType::kAny;
    case FieldType::kObject:
    case FieldType::kMoney:
      return JsonType::kObject;
    case FieldType::kList:
      return JsonType::kArray;
    case FieldType::kBool:
      return JsonType::kBoolean;
    case FieldType::kNumber:
      return JsonType::kNumber;
    default:
      return JsonType::kString;
  }
}

// FieldTypes given by the `$defs` name a node is defined as (see FieldType).
std::optional<FieldType> TypeOfDefinition(std::string_view name) {
  static const std::map<std::string_view, FieldType, std::less<>> kTypes = {
      {"money", FieldType::kMoney},
      {"date", FieldType::kDate},
      {"datetime", FieldType::kDateTime},
      {"partial_date", FieldType::kPartialDate},
      {"country_code", FieldType::kCountry},
      {"market", FieldType::kMarket},
      {"subdivision_code", FieldType::kMarket},
      {"market_group", FieldType::kMarket},
      {"currency_code", FieldType::kCurrency},
      {"language", FieldType::kLanguage},
  };
  auto found = kTypes.find(name);
  if (found == kTypes.end()) return std::nullopt;
  return found->second;
}

// JSON Pointer segment escaping (RFC 6901).
std::string EscapePointer(std::string_view segment) {
  std::string out;
  for (char c : segment) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string UnescapePointer(std::string_view segment) {
  std::string out;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size() &&
        (segment[i + 1] == '0' || segment[i + 1] == '1')) {
      out += segment[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += segment[i];
    }
  }
  return out;
}

// Applies the `type` keyword; false for a type the engine does not support. It narrows a
// node to a JSON type but keeps a refinement of that type from a `$ref` or allOf
// (`"type": "number"` beside a `$ref` to decimal stays kNumber, `"type": "object"` beside
// `allOf: [money]` stays kMoney).
bool ApplyType(SchemaNode& node, std::string_view type) {
  FieldType field_type;
  if (type == "object") {
    field_type = FieldType::kObject;
  } else if (type == "array") {
    field_type = FieldType::kList;
  } else if (type == "boolean") {
    field_type = FieldType::kBool;
  } else if (type == "number" || type == "integer") {
    field_type = FieldType::kNumber;
    node.integer = node.integer || type == "integer";
  } else if (type == "string") {
    field_type = FieldType::kString;
  } else {
    return false;
  }
  if (JsonTypeOf(node.type) != JsonTypeOf(field_type)) node.type = field_type;
  return true;
}

// Builds SchemaNodes from the parsed schema documents. Every `$ref` target is built once and
// memoised under its absolute address (`common.schema.json#/$defs/money`); a node that
// refers to it starts as a copy of it (sharing its children) and adds its own keywords. A
// `$ref` that is reached again while its target is still being built is a cycle: the model
// has none, and one would need an infinite tree, so it is reported as a load error.
class SchemaBuilder {
 public:
  explicit SchemaBuilder(const std::map<std::string, Value, std::less<>>& documents)
      : documents_(documents) {}

  // The root schema of a document; nullptr after an error.
  std::shared_ptr<const SchemaNode> BuildDocument(const std::string& file) {
    return Build(file, "", documents_.find(file)->second);
  }
  // A definition of common.schema.json by name (`currency_code`).
  std::shared_ptr<const SchemaNode> BuildDefinition(std::string_view name) {
    return BuildRef(std::string(kCommonFile), "",
                    std::string(kCommonFile) + "#/$defs/" + std::string(name));
  }
  // Builds `json` as if it stood at `pointer` in `file` (a data-model extension's property);
  // nullptr after an error.
  std::shared_ptr<const SchemaNode> BuildAt(const std::string& file, const std::string& pointer,
                                            const Value& json) {
    return Build(file, pointer, json);
  }
  const std::string& error() const { return error_; }

 private:
  std::shared_ptr<SchemaNode> Fail(std::string_view file, std::string_view pointer,
                                   std::string_view message) {
    error_ = std::string(file) + "#" + std::string(pointer) + ": " + std::string(message);
    return nullptr;
  }

  std::shared_ptr<SchemaNode> Build(const std::string& file, const std::string& pointer,
                                    const Value& json);
  std::shared_ptr<const SchemaNode> BuildRef(const std::string& file, const std::string& pointer,
                                             std::string_view ref);

  const std::map<std::string, Value, std::less<>>& documents_;
  std::map<std::string, std::shared_ptr<const SchemaNode>, std::less<>> memo_;
  std::set<std::string, std::less<>> in_progress_;
  std::string error_;
};

// allOf: `part` constrains the same value, so its properties and constraints join `node`'s
// (keywords `node` already has win).
void MergeAllOfPart(SchemaNode& node, const SchemaNode& part) {
  if (node.type == FieldType::kAny) node.type = part.type;
  node.integer = node.integer || part.integer;
  if (node.type_name.empty()) node.type_name = part.type_name;
  if (node.description.empty()) node.description = part.description;
  for (const auto& [name, property] : part.properties) node.properties.emplace(name, property);
  if (!node.items) node.items = part.items;
  if (node.enum_values.empty()) {
    node.enum_values = part.enum_values;
    node.enum_index = part.enum_index;
  }
  if (!node.const_value) node.const_value = part.const_value;
  if (!node.pattern) {
    node.pattern = part.pattern;
    node.compiled_pattern = part.compiled_pattern;
  }
  if (!node.format) node.format = part.format;
  if (!node.minimum) node.minimum = part.minimum;
  if (!node.maximum) node.maximum = part.maximum;
  node.any_of.insert(node.any_of.end(), part.any_of.begin(), part.any_of.end());
}

std::shared_ptr<SchemaNode> SchemaBuilder::Build(const std::string& file,
                                                 const std::string& pointer, const Value& json) {
  if (!json.is_object()) return Fail(file, pointer, "a schema must be an object");
  auto node = std::make_shared<SchemaNode>();

  if (const Value& ref = json.Get("$ref"); !ref.is_missing()) {
    if (!ref.is_string()) return Fail(file, pointer, "`$ref` must be a string");
    std::shared_ptr<const SchemaNode> base = BuildRef(file, pointer, ref.as_string());
    if (!base) return nullptr;
    *node = *base;
  }
  if (const Value& all_of = json.Get("allOf"); !all_of.is_missing()) {
    if (!all_of.is_list()) return Fail(file, pointer, "`allOf` must be a list");
    for (std::size_t i = 0; i < all_of.as_list().size(); ++i) {
      std::shared_ptr<SchemaNode> part =
          Build(file, pointer + "/allOf/" + std::to_string(i), all_of.At(i));
      if (!part) return nullptr;
      MergeAllOfPart(*node, *part);
    }
  }

  for (const auto& [keyword, value] : json.as_object()) {
    const std::string at = pointer + "/" + EscapePointer(keyword);
    if (keyword == "description") {
      if (!value.is_string()) return Fail(file, at, "`description` must be a string");
      node->description = value.as_string();
    } else if (keyword == "type") {
      if (!value.is_string() || !ApplyType(*node, value.as_string())) {
        return Fail(file, at,
                    "`type` must be one of object, array, boolean, number, integer, string");
      }
    } else if (keyword == "enum") {
      if (!value.is_list() || value.as_list().empty()) {
        return Fail(file, at, "`enum` must be a non-empty list of strings");
      }
      node->enum_values.clear();
      for (const Value& item : value.as_list()) {
        if (!item.is_string()) return Fail(file, at, "only string `enum` values are supported");
        node->enum_values.push_back(item.as_string());
      }
      node->enum_index = std::make_shared<const std::unordered_set<std::string>>(
          node->enum_values.begin(), node->enum_values.end());
    } else if (keyword == "const") {
      if (!value.is_string()) return Fail(file, at, "only a string `const` is supported");
      node->const_value = value.as_string();
    } else if (keyword == "pattern") {
      if (!value.is_string()) return Fail(file, at, "`pattern` must be a string");
      RE2::Options options;
      options.set_log_errors(false);
      auto compiled = std::make_shared<const RE2>(value.as_string(), options);
      if (!compiled->ok()) {
        return Fail(file, at, "invalid pattern `" + value.as_string() + "`: " + compiled->error());
      }
      node->pattern = value.as_string();
      node->compiled_pattern = std::move(compiled);
    } else if (keyword == "format") {
      if (!value.is_string()) return Fail(file, at, "`format` must be a string");
      node->format = value.as_string();
    } else if (keyword == "minimum" || keyword == "maximum") {
      if (!value.is_number()) return Fail(file, at, "`" + keyword + "` must be a number");
      (keyword == "minimum" ? node->minimum : node->maximum) = value.as_number();
    } else if (keyword == "properties") {
      if (!value.is_object()) return Fail(file, at, "`properties` must be an object");
      for (const auto& [name, property_json] : value.as_object()) {
        std::shared_ptr<SchemaNode> property =
            Build(file, at + "/" + EscapePointer(name), property_json);
        if (!property) return nullptr;
        node->properties.insert_or_assign(name, std::move(property));
      }
    } else if (keyword == "items") {
      std::shared_ptr<SchemaNode> items = Build(file, at, value);
      if (!items) return nullptr;
      node->items = std::move(items);
    } else if (keyword == "anyOf") {
      if (!value.is_list()) return Fail(file, at, "`anyOf` must be a list");
      for (std::size_t i = 0; i < value.as_list().size(); ++i) {
        std::shared_ptr<SchemaNode> alternative =
            Build(file, at + "/" + std::to_string(i), value.At(i));
        if (!alternative) return nullptr;
        node->any_of.push_back(std::move(alternative));
      }
    }
    // Other keywords (`$id`, `$defs`, `required`, `examples`, `title`, `uniqueItems`,
    // `minLength`, ...) do not shape the tree and are not checked.
  }
  node->property_index.clear();
  for (const auto& [name, property] : node->properties)
    node->property_index.emplace(name, property.get());
  return node;
}

std::shared_ptr<const SchemaNode> SchemaBuilder::BuildRef(const std::string& file,
                                                          const std::string& pointer,
                                                          std::string_view ref) {
  const std::size_t hash = ref.find('#');
  const std::string target_file(hash == 0 ? std::string_view(file) : ref.substr(0, hash));
  const std::string fragment(hash == std::string_view::npos ? "" : ref.substr(hash + 1));
  const std::string address = target_file + "#" + fragment;

  if (auto found = memo_.find(address); found != memo_.end()) return found->second;
  if (in_progress_.contains(address)) {
    return Fail(file, pointer, "recursive `$ref` to `" + address + "` is not supported");
  }
  auto document = documents_.find(target_file);
  if (document == documents_.end()) {
    return Fail(file, pointer, "`$ref` to unknown file `" + target_file + "`");
  }

  // Walk the JSON Pointer.
  const Value* target = &document->second;
  std::string_view rest = fragment;
  std::string last_segment;
  std::size_t depth = 0;
  while (!rest.empty()) {
    if (rest.front() != '/') {
      return Fail(file, pointer, "`$ref` `" + std::string(ref) + "` is not a JSON Pointer");
    }
    rest.remove_prefix(1);
    const std::size_t slash = rest.find('/');
    last_segment = UnescapePointer(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    target = &target->Get(last_segment);
    ++depth;
    if (target->is_missing()) {
      return Fail(file, pointer, "`$ref` `" + std::string(ref) + "` points to nothing");
    }
  }

  in_progress_.insert(address);
  std::shared_ptr<SchemaNode> node = Build(target_file, fragment, *target);
  in_progress_.erase(address);
  if (!node) return nullptr;
  // A definition (`#/$defs/<name>`) names the node and may classify it.
  if (depth == 2 && fragment.starts_with("/$defs/")) {
    node->type_name = last_segment;
    if (std::optional<FieldType> type = TypeOfDefinition(last_segment)) node->type = *type;
  }
  memo_.emplace(address, node);
  return node;
}

// ---------------------------------------------------------------------------------------
// Validation

// `text` shortened for a message, cut at a UTF-8 character boundary.
std::string Clipped(std::string_view text) {
  constexpr std::size_t kMaxBytes = 60;
  if (text.size() <= kMaxBytes) return std::string(text);
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::string ExpectedKind(const SchemaNode& node) {
  switch (node.type) {
    case FieldType::kObject:
      return "an object";
    case FieldType::kMoney:
      return "a money object (`amount` and `currency`)";
    case FieldType::kList:
      return "a list";
    case FieldType::kBool:
      return "`true` or `false`";
    case FieldType::kNumber:
      return node.integer ? "a whole number" : "a number";
    default:
      return "a string";
  }
}

// Whether `value` is a placeholder of `tradelint init` (kPlaceholderKey, kPlaceholderPrefix).
bool IsPlaceholder(const Value& value) {
  if (value.is_object()) return !value.Get(kPlaceholderKey).is_missing();
  return value.is_string() && value.as_string().starts_with(kPlaceholderPrefix);
}

std::string FoundKind(const Value& value) {
  if (value.is_list()) return "a list";
  if (value.is_object()) return "an object";
  return std::string(KindName(value.kind())) + " `" + Clipped(value.ToDisplayString()) + "`";
}

bool HasJsonType(const SchemaNode& node, const Value& value) {
  switch (JsonTypeOf(node.type)) {
    case JsonType::kAny:
      return true;
    case JsonType::kObject:
      return value.is_object();
    case JsonType::kArray:
      return value.is_list();
    case JsonType::kBoolean:
      return value.is_bool();
    case JsonType::kNumber:
      return value.is_number();
    case JsonType::kString:
      return value.is_string();
  }
  return false;
}

// What a string of this node must be, for "`x` is not <...>" messages; empty when the node
// has no description of its own.
std::string_view DescribeDefinition(std::string_view type_name) {
  static const std::map<std::string_view, std::string_view, std::less<>> kDescriptions = {
      {"country_code", "an ISO 3166-1 country code (like `DE`)"},
      {"subdivision_code", "an ISO 3166-2 subdivision code (like `US-CA`)"},
      {"market_group", "a market group (`EU`, `EEA` or `GCC`)"},
      {"market",
       "a market: a country code (like `DE`), a subdivision code (like `US-CA`) or a market "
       "group (`EU`, `EEA` or `GCC`)"},
      {"currency_code", "an ISO 4217 currency code (like `EUR`)"},
      {"language", "a BCP 47 language tag (like `en-GB`)"},
      {"date", "a date in the form YYYY-MM-DD"},
      {"datetime", "a date-time with a UTC offset (like `2025-10-14T09:30:00Z`)"},
      {"partial_date", "a date in the form YYYY, YYYY-MM or YYYY-MM-DD"},
      {"url", "an absolute http(s) URL"},
      {"email", "an e-mail address"},
      {"phone", "a phone number in E.164 form (like `+493012345678`)"},
      {"schema_version", "a data-model version (like `1.0`)"},
  };
  auto found = kDescriptions.find(type_name);
  return found == kDescriptions.end() ? std::string_view() : found->second;
}

std::string EnumList(const std::vector<std::string>& values) {
  constexpr std::size_t kShown = 8;
  std::string out;
  for (std::size_t i = 0; i < values.size() && i < kShown; ++i) {
    if (i > 0) out += (i + 1 == values.size()) ? " or " : ", ";
    out += "`" + values[i] + "`";
  }
  if (values.size() > kShown) out += ", ... (" + std::to_string(values.size()) + " values)";
  return out;
}

// "`x` is not <what the node accepts>".
std::string NotAccepted(const SchemaNode& node, std::string_view text) {
  const std::string shown = "`" + Clipped(text) + "`";
  if (std::string_view described = DescribeDefinition(node.type_name); !described.empty()) {
    return shown + " is not " + std::string(described);
  }
  if (!node.enum_values.empty()) return shown + " is not one of " + EnumList(node.enum_values);
  if (node.pattern) return shown + " does not match the pattern `" + *node.pattern + "`";
  return shown + " is not any of the allowed forms";
}

void CollectAllowed(const SchemaNode& node, std::vector<std::string>& out) {
  out.insert(out.end(), node.enum_values.begin(), node.enum_values.end());
  if (node.const_value) out.push_back(*node.const_value);
  for (const auto& alternative : node.any_of) CollectAllowed(*alternative, out);
}

// Where a value is in the record: a chain of links from the value up to the record itself,
// each on the stack of the validator's recursion. Its text (`images[0].url`) is built only when
// a violation names it.
struct FieldPath {
  const FieldPath* parent = nullptr;  // null: the record itself
  std::string_view member;            // the member's name, unless `item`
  bool item = false;                  // a list item, at `index`
  std::size_t index = 0;

  std::string Text() const {
    if (parent == nullptr) return "";
    std::string text = parent->Text();
    if (item) return text + "[" + std::to_string(index) + "]";
    if (!text.empty()) text += '.';
    return text.append(member);
  }
};

class Validator {
 public:
  // `suggest`: attach did-you-mean suggestions. Validators that only ask whether a value is
  // accepted (anyOf alternatives, candidate suggestions) leave it off, which also keeps
  // Suggest from recursing into itself.
  explicit Validator(bool suggest) : suggest_(suggest) {}
  void Check(const SchemaNode& node, const Value& value, const FieldPath& path);
  std::vector<SchemaViolation> TakeViolations() { return std::move(violations_); }
  std::vector<SchemaViolation> TakeUnknownFields() { return std::move(unknown_fields_); }

 private:
  bool full() const { return violations_.size() >= Schema::kMaxViolations; }
  void Add(const FieldPath& path, std::string message, std::string suggestion = {}) {
    if (!full()) AddAt(path.Text(), std::move(message), std::move(suggestion));
  }
  void AddAt(std::string path, std::string message, std::string suggestion) {
    if (!full())
      violations_.push_back({std::move(path), std::move(message), std::move(suggestion)});
  }
  bool CheckNumber(const SchemaNode& node, const Decimal& number, const FieldPath& path);
  bool CheckString(const SchemaNode& node, const std::string& text, const FieldPath& path);
  void CheckAnyOf(const SchemaNode& node, const Value& value, const FieldPath& path);

  std::string SuggestionFor(const SchemaNode& node, const std::string& text) const;

  bool suggest_;
  std::vector<SchemaViolation> violations_;
  std::vector<SchemaViolation> unknown_fields_;  // kept by the suggesting (top-level) validator
};

// Whether `node` accepts the string `text` without any violation.
bool Accepts(const SchemaNode& node, std::string text) {
  Validator validator(/*suggest=*/false);
  validator.Check(node, Value(std::move(text)), FieldPath{});
  return validator.TakeViolations().empty();
}

// A likely intended value for a rejected string, or empty: the standard code for a known
// non-standard one (`UK` -> `GB`, `EL` -> `GR`), the same text in the case the node wants
// (`de` -> `DE`, `Active` -> `active`), or the one allowed value clearly closest by edit
// distance (`actve` -> `active`).
// The field of `node` closest in spelling to `name`, a field `node` does not have (empty: none
// is close). Records of one source repeat the same few unknown names, so the answers are kept,
// per thread (the Schema is shared and immutable), up to a bound that keeps memory flat.
std::string ClosestFieldName(const SchemaNode& node, const std::string& name) {
  constexpr std::size_t kMaxRemembered = 4096;
  thread_local std::map<std::pair<const SchemaNode*, std::string>, std::string, std::less<>>
      remembered;
  const std::pair<const SchemaNode*, std::string> key(&node, name);
  if (auto found = remembered.find(key); found != remembered.end()) return found->second;
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  return remembered.emplace(key, ClosestMatch(name, FieldNames(node))).first->second;
}

std::string Suggest(const SchemaNode& node, const std::string& text) {
  constexpr std::size_t kMaxLength = 64;  // longer text is not a typo of an enum value
  if (text.empty() || text.size() > kMaxLength) return {};
  static const std::map<std::string_view, std::string_view, std::less<>> kAliases = {
      {"UK", "GB"},  // the United Kingdom's ISO code is GB
      {"EL", "GR"},  // EL is Greece's VAT prefix, not its country code
  };
  if (auto alias = kAliases.find(text); alias != kAliases.end()) {
    if (Accepts(node, std::string(alias->second))) return std::string(alias->second);
  }
  const std::string upper = AsciiUpper(text);
  const std::string lower = AsciiLower(text);
  if (upper != text && Accepts(node, upper)) return upper;
  if (lower != text && Accepts(node, lower)) return lower;

  std::vector<std::string> allowed;
  CollectAllowed(node, allowed);
  const std::size_t threshold = text.size() < 5 ? 1 : text.size() < 9 ? 2 : 3;
  std::size_t best = threshold + 1;
  const std::string* best_value = nullptr;
  bool unique = false;
  for (const std::string& candidate : allowed) {
    const std::size_t distance = EditDistance(text, candidate);
    if (distance < best) {
      best = distance;
      best_value = &candidate;
      unique = true;
    } else if (distance == best && best_value != nullptr && *best_value != candidate) {
      unique = false;
    }
  }
  return unique ? *best_value : std::string();
}

std::string Validator::SuggestionFor(const SchemaNode& node, const std::string& text) const {
  return suggest_ ? Suggest(node, text) : std::string();
}

bool Validator::CheckNumber(const SchemaNode& node, const Decimal& number, const FieldPath& path) {
  if (node.integer && !number.IsInteger()) {
    Add(path, "expected a whole number, found `" + number.ToString() + "`");
  } else if (node.minimum && number < *node.minimum) {
    Add(path, "`" + number.ToString() + "` is less than the minimum " + node.minimum->ToString());
  } else if (node.maximum && number > *node.maximum) {
    Add(path, "`" + number.ToString() + "` is more than the maximum " + node.maximum->ToString());
  } else {
    return true;
  }
  return false;
}

bool Validator::CheckString(const SchemaNode& node, const std::string& text,
                            const FieldPath& path) {
  if (node.const_value && text != *node.const_value) {
    Add(path, "expected `" + *node.const_value + "`, found `" + Clipped(text) + "`",
        SuggestionFor(node, text));
  } else if (node.enum_index != nullptr && node.enum_index->count(text) == 0) {
    Add(path, NotAccepted(node, text), SuggestionFor(node, text));
  } else if (node.compiled_pattern &&
             !node.compiled_pattern->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) {
    Add(path, NotAccepted(node, text), SuggestionFor(node, text));
  } else if (node.format == "date" && !Date::Parse(text)) {
    Add(path, "`" + Clipped(text) + "` is not a valid calendar date");
  } else if (node.format == "date-time" && !DateTime::Parse(text)) {
    Add(path, "`" + Clipped(text) + "` is not a valid date-time");
  } else {
    return true;
  }
  return false;
}

// The value must satisfy at least one alternative. For a string the message names what the
// node accepts (with a suggestion); otherwise the closest alternative's violations are
// reported.
void Validator::CheckAnyOf(const SchemaNode& node, const Value& value, const FieldPath& path) {
  std::vector<SchemaViolation> closest;
  for (std::size_t i = 0; i < node.any_of.size(); ++i) {
    Validator alternative(/*suggest=*/false);
    alternative.Check(*node.any_of[i], value, path);
    std::vector<SchemaViolation> violations = alternative.TakeViolations();
    if (violations.empty()) return;
    if (i == 0 || violations.size() < closest.size()) closest = std::move(violations);
  }
  if (value.is_string()) {
    Add(path, NotAccepted(node, value.as_string()), SuggestionFor(node, value.as_string()));
    return;
  }
  for (SchemaViolation& violation : closest) {
    AddAt(std::move(violation.path), std::move(violation.message), std::move(violation.suggestion));
  }
}

void Validator::Check(const SchemaNode& node, const Value& value, const FieldPath& path) {
  if (full()) return;
  if (value.is_null()) {
    Add(path, "null is not allowed; leave the field out");
    return;
  }
  if (!HasJsonType(node, value)) {
    Add(path,
        (IsPlaceholder(value) ? "not filled in (the placeholder of `tradelint init`): expected "
                              : "expected ") +
            ExpectedKind(node) + ", found " + FoundKind(value));
    return;
  }
  bool valid = true;
  if (value.is_number()) {
    valid = CheckNumber(node, value.as_number(), path);
  } else if (value.is_string()) {
    valid = CheckString(node, value.as_string(), path);
  } else if (value.is_list() && node.items) {
    for (std::size_t i = 0; i < value.as_list().size() && !full(); ++i) {
      Check(*node.items, value.At(i), FieldPath{&path, {}, true, i});
    }
  } else if (value.is_object()) {
    for (const auto& [name, member] : value.as_object()) {
      const SchemaNode* property = node.Property(name);
      const FieldPath member_path{&path, name};
      if (property == nullptr) {
        // Open to extensions (additionalProperties), but a name the model does not have and
        // that is not an `x_` extension is most likely a typo, which no rule would read.
        if (suggest_ && !node.properties.empty() && !name.starts_with("x_") &&
            unknown_fields_.size() < Schema::kMaxViolations) {
          const std::string sibling = ClosestFieldName(node, name);
          unknown_fields_.push_back({member_path.Text(),
                                     "the data model has no field `" + name + "`",
                                     sibling.empty() ? sibling : FieldPath{&path, sibling}.Text()});
        }
        continue;
      }
      Check(*property, member, member_path);
      if (full()) break;
    }
  }
  if (valid && !node.any_of.empty()) CheckAnyOf(node, value, path);
}

}  // namespace

std::optional<RecordKind> RecordKindFromName(std::string_view name) {
  if (name == "listing") return RecordKind::kListing;
  if (name == "transaction") return RecordKind::kTransaction;
  if (name == "seller") return RecordKind::kSeller;
  if (name == "payment") return RecordKind::kPayment;
  if (name == "waybill") return RecordKind::kWaybill;
  return std::nullopt;
}

std::string_view RecordKindName(RecordKind kind) {
  switch (kind) {
    case RecordKind::kListing:
      return "listing";
    case RecordKind::kTransaction:
      return "transaction";
    case RecordKind::kSeller:
      return "seller";
    case RecordKind::kPayment:
      return "payment";
    case RecordKind::kWaybill:
      return "waybill";
  }
  return "";
}

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kAny:
      return "any";
    case FieldType::kObject:
      return "object";
    case FieldType::kList:
      return "list";
    case FieldType::kBool:
      return "boolean";
    case FieldType::kNumber:
      return "number";
    case FieldType::kString:
      return "string";
    case FieldType::kDate:
      return "date";
    case FieldType::kDateTime:
      return "datetime";
    case FieldType::kPartialDate:
      return "partial_date";
    case FieldType::kMoney:
      return "money";
    case FieldType::kCountry:
      return "country";
    case FieldType::kMarket:
      return "market";
    case FieldType::kCurrency:
      return "currency";
    case FieldType::kLanguage:
      return "language";
  }
  return "";
}

const SchemaNode* SchemaNode::Property(std::string_view name) const {
  auto found = property_index.find(name);
  return found == property_index.end() ? nullptr : found->second;
}

std::vector<std::string> FieldNames(const SchemaNode& node) {
  std::vector<std::string> names;
  names.reserve(node.properties.size());
  for (const auto& [name, property] : node.properties) names.push_back(name);
  return names;
}

namespace {

// `document` with `additions` joined to the `properties` of the object at `segments` (a JSON
// Pointer, split). Values are immutable, so the objects on the way are copied.
Value WithProperties(const Value& document, std::span<const std::string> segments,
                     const ValueObject& additions) {
  ValueObject copy = document.as_object();
  const std::string& step = segments.empty() ? std::string("properties") : segments.front();
  for (auto& [name, value] : copy) {
    if (name != step) continue;
    if (!segments.empty()) {
      value = WithProperties(value, segments.subspan(1), additions);
    } else {
      ValueObject properties = value.as_object();
      properties.insert(properties.end(), additions.begin(), additions.end());
      value = Value(std::move(properties));
    }
  }
  return Value(std::move(copy));
}

// Joins the data-model extension file `path` to `documents`. On error returns false and sets
// `error` to a message naming `path`.
bool ApplyExtension(const std::string& path, std::map<std::string, Value, std::less<>>& documents,
                    std::string* error) {
  const auto fail = [&](const std::string& message) {
    *error = path + ": " + message;
    return false;
  };
  std::optional<std::string> text = ReadFile(path);
  if (!text) return fail("cannot read the file");
  JsonResult parsed = ParseJson(*text);
  if (const JsonError* json_error = std::get_if<JsonError>(&parsed)) {
    return fail("invalid JSON at byte " + std::to_string(json_error->byte_offset) + ": " +
                json_error->message);
  }
  const Value& extend = std::get<Value>(parsed).Get("extend");
  if (!extend.is_object()) {
    return fail("expected {\"extend\": {\"<file>#<pointer>\": {\"properties\": {...}}}}");
  }
  for (const auto& [address, addition] : extend.as_object()) {
    const std::size_t hash = address.find('#');
    const std::string file = address.substr(0, hash);
    auto document = documents.find(file);
    if (hash == std::string::npos || document == documents.end()) {
      return fail("`" + address + "` does not name an object of the data model (write " +
                  "`<file>#<JSON pointer>`, e.g. `seller.schema.json#/$defs/seller`)");
    }
    std::vector<std::string> segments;
    const Value* target = &document->second;
    for (std::string_view rest = std::string_view(address).substr(hash + 1); !rest.empty();) {
      if (rest.front() != '/') return fail("`" + address + "`: the pointer must start with `/`");
      rest.remove_prefix(1);
      const std::size_t slash = rest.find('/');
      segments.push_back(UnescapePointer(rest.substr(0, slash)));
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
      target = &target->Get(segments.back());
    }
    if (!target->Get("properties").is_object()) {
      return fail("`" + address + "` is not an object with `properties` in the data model");
    }
    const Value& properties = addition.Get("properties");
    if (!properties.is_object() || properties.as_object().empty()) {
      return fail("`" + address + "` needs `properties`, an object of the fields it adds");
    }
    for (const auto& [name, field] : properties.as_object()) {
      if (!target->Get("properties").Get(name).is_missing()) {
        return fail("`" + name + "` is already a field of `" + address +
                    "`; an extension adds fields, it does not change them");
      }
      if (!field.Get("description").is_string()) {
        return fail("`" + name + "` has no `description` (what it holds, for the docs and hover)");
      }
      SchemaBuilder builder(documents);
      if (!builder.BuildAt(file, address.substr(hash + 1) + "/properties/" + EscapePointer(name),
                           field)) {
        return fail(builder.error());
      }
    }
    document->second = WithProperties(document->second, segments, properties.as_object());
  }
  return true;
}

}  // namespace

std::optional<Schema> Schema::Load(const std::string& directory, std::string* error,
                                   const std::vector<std::string>& extensions) {
  std::map<std::string, Value, std::less<>> documents;
  std::vector<std::string> files(kRecordFiles.begin(), kRecordFiles.end());
  files.emplace_back(kCommonFile);
  for (const std::string& file : files) {
    const std::string path = directory + "/" + file;
    std::optional<std::string> text = ReadFile(path);
    if (!text) {
      *error = "cannot read schema file " + path;
      return std::nullopt;
    }
    JsonResult parsed = ParseJson(*text);
    if (const JsonError* json_error = std::get_if<JsonError>(&parsed)) {
      *error = path + ": invalid JSON at byte " + std::to_string(json_error->byte_offset) + ": " +
               json_error->message;
      return std::nullopt;
    }
    documents.emplace(file, std::get<Value>(std::move(parsed)));
  }
  for (const std::string& extension : extensions) {
    if (!ApplyExtension(extension, documents, error)) return std::nullopt;
  }

  SchemaBuilder builder(documents);
  Schema schema;
  for (std::size_t i = 0; i < kRecordFiles.size(); ++i) {
    schema.roots_[i] = builder.BuildDocument(std::string(kRecordFiles[i]));
    if (!schema.roots_[i]) {
      *error = directory + "/" + builder.error();
      return std::nullopt;
    }
  }
  std::shared_ptr<const SchemaNode> currency = builder.BuildDefinition("currency_code");
  if (!currency || currency->enum_values.empty()) {
    *error = directory + "/" + std::string(kCommonFile) + ": no `currency_code` enum";
    return std::nullopt;
  }
  schema.currency_codes_ = currency->enum_values;
  std::sort(schema.currency_codes_.begin(), schema.currency_codes_.end());
  return schema;
}

bool Schema::IsCurrencyCode(std::string_view code) const {
  return std::binary_search(currency_codes_.begin(), currency_codes_.end(), code);
}

const SchemaNode& Schema::Root(RecordKind kind) const {
  return *roots_[static_cast<std::size_t>(kind)];
}

const SchemaNode* Schema::Resolve(RecordKind kind, const std::vector<std::string>& segments) const {
  return Resolve(Root(kind), segments);
}

const SchemaNode* Schema::Resolve(const SchemaNode& from,
                                  const std::vector<std::string>& segments) {
  const SchemaNode* node = &from;
  for (const std::string& segment : segments) {
    if (segment.starts_with("[")) {
      node = node->type == FieldType::kList ? node->items.get() : nullptr;
    } else {
      node = node->Property(segment);
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

std::vector<SchemaViolation> Schema::Validate(RecordKind kind, const Value& record,
                                              std::vector<SchemaViolation>* unknown_fields) const {
  Validator validator(/*suggest=*/true);
  validator.Check(Root(kind), record, FieldPath{});
  if (unknown_fields != nullptr) *unknown_fields = validator.TakeUnknownFields();
  return validator.TakeViolations();
}

}  // namespace tradelint
