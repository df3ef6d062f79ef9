#include "engine/api/record_projection.h"

#include <algorithm>
#include <cstdint>

#include "engine/api/packed_bytes.h"
#include "engine/api/root_paths.h"

namespace tradelint {
namespace {

using packed_bytes::GetSigned;
using packed_bytes::GetString;
using packed_bytes::GetUnsigned;
using packed_bytes::GetWideSigned;
using packed_bytes::GetWideUnsigned;
using packed_bytes::PutSigned;
using packed_bytes::PutString;
using packed_bytes::PutUnsigned;

// The first byte of a packed value: its kind.
enum class Tag : char {
  kMissing,
  kNull,
  kFalse,
  kTrue,
  kNumber,    // the scale, then the coefficient (PutSigned)
  kString,    // the length, then the bytes
  kDate,      // days since the epoch
  kDateTime,  // seconds since the epoch
  kDays,      // a duration in days: the count
  kMonths,    // a duration in months: the count
  kMoney,     // the amount as kNumber, then the currency code as kString
  kList,      // the length, then the elements
  kEnum,      // a string the data model lists for its field: its index in that list
  kObject,    // whole: the number of fields, then each: its name, its value; projected: each
              // field kept: its index among the node's fields plus 1, its value; then 0
};

void PutDecimal(const Decimal& number, std::string& out) {
  out.push_back(static_cast<char>(number.scale()));
  PutSigned(number.coefficient(), out);
}

Decimal GetDecimal(std::string_view& in) {
  const int scale = static_cast<std::uint8_t>(in.front());
  in.remove_prefix(1);
  return Decimal::FromParts(GetWideSigned(in), scale);
}

}  // namespace

RecordProjection RecordProjection::For(const CheckedRule& rule, RecordKind kind,
                                       const Schema& schema) {
  RecordProjection projection;
  const std::string_view list = RecordKindName(kind);
  RootPaths().WalkRule(rule, [&](const RootPath& path) {
    if (path.steps.empty() || path.steps[0].kind != PathStep::Kind::kField ||
        path.steps[0].field != list) {
      return;  // another kind's list, or the group's `link`
    }
    const std::vector<PathStep> inside(path.steps.begin() + 1, path.steps.end());
    projection.Keep(inside, path.use == RootPath::Use::kValue);
  });
  projection.root_.NameValues(&schema.Root(kind));
  return projection;
}

void RecordProjection::Node::NameValues(const SchemaNode* schema) {
  while (schema != nullptr && schema->items != nullptr) schema = schema->items.get();
  if (schema == nullptr) return;
  if (!whole) {
    for (Node& field : fields) field.NameValues(schema->Property(field.name));
  }
  if (schema->enum_values.empty()) return;
  enum_values = &schema->enum_values;
  for (std::size_t i = 0; i < enum_values->size(); ++i) enum_numbers.emplace((*enum_values)[i], i);
}

RecordProjection RecordProjection::Whole() {
  RecordProjection projection;
  projection.root_.whole = true;
  return projection;
}

void RecordProjection::Keep(const std::vector<PathStep>& steps, bool whole) {
  Node* node = &root_;
  for (const PathStep& step : steps) {
    if (node->whole) return;
    switch (step.kind) {
      case PathStep::Kind::kEach:  // the elements share the list's node, each projected alike
      case PathStep::Kind::kIndex:
        continue;
      case PathStep::Kind::kField: {
        auto field = std::find_if(node->fields.begin(), node->fields.end(),
                                  [&](const Node& kept) { return kept.name == step.field; });
        if (field == node->fields.end()) {
          field = node->fields.emplace(node->fields.end());
          field->name = step.field;
        }
        node = &*field;
      }
    }
  }
  if (whole) {
    node->whole = true;
    node->fields.clear();
  }
}

Value RecordProjection::Project(const Value& record) const {
  std::string packed;
  Pack(record, packed);
  std::string_view in = packed;
  return Unpack(in);
}

void RecordProjection::Pack(const Value& value, const Node& node, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::kMissing:
      out.push_back(static_cast<char>(Tag::kMissing));
      return;
    case Value::Kind::kNull:
      out.push_back(static_cast<char>(Tag::kNull));
      return;
    case Value::Kind::kBool:
      out.push_back(static_cast<char>(value.as_bool() ? Tag::kTrue : Tag::kFalse));
      return;
    case Value::Kind::kNumber:
      out.push_back(static_cast<char>(Tag::kNumber));
      PutDecimal(value.as_number(), out);
      return;
    case Value::Kind::kString:
      if (const auto number = node.enum_numbers.find(value.as_string());
          number != node.enum_numbers.end()) {
        out.push_back(static_cast<char>(Tag::kEnum));
        PutUnsigned(number->second, out);
        return;
      }
      out.push_back(static_cast<char>(Tag::kString));
      PutString(value.as_string(), out);
      return;
    case Value::Kind::kDate:
      out.push_back(static_cast<char>(Tag::kDate));
      PutSigned(value.as_date().days(), out);
      return;
    case Value::Kind::kDateTime:
      out.push_back(static_cast<char>(Tag::kDateTime));
      PutSigned(value.as_datetime().epoch_seconds(), out);
      return;
    case Value::Kind::kDuration:
      out.push_back(static_cast<char>(
          value.as_duration().unit() == Duration::Unit::kMonths ? Tag::kMonths : Tag::kDays));
      PutSigned(value.as_duration().count(), out);
      return;
    case Value::Kind::kMoney:
      out.push_back(static_cast<char>(Tag::kMoney));
      PutDecimal(value.as_money().amount, out);
      PutString(value.as_money().currency.code(), out);
      return;
    case Value::Kind::kList:
      out.push_back(static_cast<char>(Tag::kList));
      PutUnsigned(value.as_list().size(), out);
      for (const Value& item : value.as_list()) Pack(item, node, out);
      return;
    case Value::Kind::kObject:
      break;
  }
  out.push_back(static_cast<char>(Tag::kObject));
  const ValueObject& object = value.as_object();
  if (node.whole) {
    PutUnsigned(object.size(), out);
    for (const auto& [name, field] : object) {
      PutString(name, out);
      Pack(field, node, out);
    }
    return;
  }
  // A kept field is named by its index among the node's fields (plus 1: 0 ends the object), so
  // one pass over the object packs it.
  for (const auto& [name, field] : object) {
    const auto kept = std::find_if(node.fields.begin(), node.fields.end(),
                                   [&](const Node& candidate) { return candidate.name == name; });
    if (kept == node.fields.end()) continue;
    PutUnsigned(static_cast<std::size_t>(kept - node.fields.begin()) + 1, out);
    Pack(field, *kept, out);
  }
  out.push_back(0);
}

Value RecordProjection::Unpack(std::string_view& packed, const Node& node) {
  const auto tag = static_cast<Tag>(packed.front());
  packed.remove_prefix(1);
  switch (tag) {
    case Tag::kMissing:
      return Value();
    case Tag::kNull:
      return Value::Null();
    case Tag::kFalse:
    case Tag::kTrue:
      return Value(tag == Tag::kTrue);
    case Tag::kNumber:
      return Value(GetDecimal(packed));
    case Tag::kString:
      return Value(std::string(GetString(packed)));
    case Tag::kEnum:
      return Value((*node.enum_values)[GetUnsigned(packed)]);
    case Tag::kDate:
      return Value(Date::FromDays(GetSigned(packed)));
    case Tag::kDateTime:
      return Value(DateTime::FromEpochSeconds(GetSigned(packed)));
    case Tag::kDays:
      return Value(Duration::Days(GetSigned(packed)));
    case Tag::kMonths:
      return Value(Duration::Months(GetSigned(packed)));
    case Tag::kMoney: {
      const Decimal amount = GetDecimal(packed);
      return Value(Money{amount, Currency::FromCode(GetString(packed))});
    }
    case Tag::kList: {
      ValueList items(GetUnsigned(packed));
      for (Value& item : items) item = Unpack(packed, node);
      return Value(std::move(items));
    }
    case Tag::kObject:
      break;
  }
  ValueObject fields;
  if (node.whole) {
    const std::size_t count = GetUnsigned(packed);
    fields.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      std::string name(GetString(packed));
      fields.emplace_back(std::move(name), Unpack(packed, node));
    }
    return Value(std::move(fields));
  }
  fields.reserve(node.fields.size());
  for (std::size_t index = GetUnsigned(packed); index != 0; index = GetUnsigned(packed)) {
    const Node& field = node.fields[index - 1];
    fields.emplace_back(field.name, Unpack(packed, field));
  }
  return Value(std::move(fields));
}

std::string_view RecordProjection::Skip(std::string_view& packed) const {
  const std::string_view start = packed;
  Skip(packed, root_);
  return start.substr(0, start.size() - packed.size());
}

void RecordProjection::Skip(std::string_view& packed, const Node& node) {
  const auto tag = static_cast<Tag>(packed.front());
  packed.remove_prefix(1);
  switch (tag) {
    case Tag::kMissing:
    case Tag::kNull:
    case Tag::kFalse:
    case Tag::kTrue:
      return;
    case Tag::kNumber:
      packed.remove_prefix(1);  // the scale
      GetWideUnsigned(packed);
      return;
    case Tag::kString:
      GetString(packed);
      return;
    case Tag::kEnum:
    case Tag::kDate:
    case Tag::kDateTime:
    case Tag::kDays:
    case Tag::kMonths:
      GetWideUnsigned(packed);  // a number, an index or a count of days or seconds
      return;
    case Tag::kMoney:
      packed.remove_prefix(1);  // the amount's scale
      GetWideUnsigned(packed);
      GetString(packed);
      return;
    case Tag::kList:
      for (std::size_t count = GetUnsigned(packed); count > 0; --count) Skip(packed, node);
      return;
    case Tag::kObject:
      break;
  }
  if (node.whole) {
    for (std::size_t count = GetUnsigned(packed); count > 0; --count) {
      GetString(packed);
      Skip(packed, node);
    }
    return;
  }
  for (std::size_t index = GetUnsigned(packed); index != 0; index = GetUnsigned(packed)) {
    Skip(packed, node.fields[index - 1]);
  }
}

}  // namespace tradelint
