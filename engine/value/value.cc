#include "engine/value/value.h"

#include <algorithm>
#include <cstdio>

namespace tradelint {
namespace {

// Appends `text` as a double-quoted string with JSON escapes, for display.
void AppendQuoted(std::string& out, std::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[7];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void AppendDisplay(std::string& out, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kMissing:
      out += "missing";
      return;
    case Value::Kind::kNull:
      out += "null";
      return;
    case Value::Kind::kBool:
      out += value.as_bool() ? "true" : "false";
      return;
    case Value::Kind::kNumber:
      out += value.as_number().ToString();
      return;
    case Value::Kind::kString:
      AppendQuoted(out, value.as_string());
      return;
    case Value::Kind::kDate:
      out += value.as_date().ToString();
      return;
    case Value::Kind::kDateTime:
      out += value.as_datetime().ToString();
      return;
    case Value::Kind::kDuration:
      out += value.as_duration().ToString();
      return;
    case Value::Kind::kMoney:
      out += value.as_money().currency.code();
      out.push_back(' ');
      out += value.as_money().amount.ToString();
      return;
    case Value::Kind::kList: {
      out.push_back('[');
      const char* separator = "";
      for (const Value& element : value.as_list()) {
        out += separator;
        AppendDisplay(out, element);
        separator = ", ";
      }
      out.push_back(']');
      return;
    }
    case Value::Kind::kObject: {
      out.push_back('{');
      const char* separator = "";
      for (const auto& [key, member] : value.as_object()) {
        out += separator;
        AppendQuoted(out, key);
        out += ": ";
        AppendDisplay(out, member);
        separator = ", ";
      }
      out.push_back('}');
      return;
    }
  }
}

}  // namespace

int Currency::minor_units() const {
  // ISO 4217 currencies whose minor unit is not 2 (List One, "Minor unit" column).
  static constexpr std::pair<std::string_view, int> kExceptions[] = {
      {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3},
      {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
      {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"UYI", 0}, {"UYW", 4},
      {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0}};
  for (const auto& [code, units] : kExceptions) {
    if (code == this->code()) return units;
  }
  return 2;
}

Currency Currency::FromCode(std::string_view code) {
  Currency currency;
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return currency;
  }
  std::copy(code.begin(), code.end(), currency.code_.begin());
  return currency;
}

const Value& Value::Get(std::string_view key) const {
  if (!is_object()) return MissingValue();
  for (const auto& [member_key, member] : as_object()) {
    if (member_key == key) return member;
  }
  return MissingValue();
}

const Value& Value::At(std::size_t index) const {
  if (!is_list() || index >= as_list().size()) return MissingValue();
  return as_list()[index];
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kList: {
      if (a.data_ == b.data_) return true;  // The same shared list.
      return std::equal(a.as_list().begin(), a.as_list().end(), b.as_list().begin(),
                        b.as_list().end());
    }
    case Value::Kind::kObject: {
      if (a.data_ == b.data_) return true;  // The same shared object.
      // Keys are unique, so equal sizes plus every member of `a` equal in `b` is equality;
      // member order does not matter, as in JSON.
      const ValueObject& members = a.as_object();
      return members.size() == b.as_object().size() &&
             std::all_of(members.begin(), members.end(), [&b](const auto& member) {
               const Value& other = b.Get(member.first);
               return !other.is_missing() && other == member.second;
             });
    }
    default:
      // Scalars: Decimal and Money compare numerically through their own operator==.
      return a.data_ == b.data_;
  }
}

std::string Value::ToDisplayString() const {
  std::string out;
  AppendDisplay(out, *this);
  return out;
}

const Value& Value::MissingValue() {
  static const Value missing;
  return missing;
}

std::string_view KindName(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kMissing:
      return "missing";
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "boolean";
    case Value::Kind::kNumber:
      return "number";
    case Value::Kind::kString:
      return "string";
    case Value::Kind::kDate:
      return "date";
    case Value::Kind::kDateTime:
      return "datetime";
    case Value::Kind::kDuration:
      return "duration";
    case Value::Kind::kMoney:
      return "money";
    case Value::Kind::kList:
      return "list";
    case Value::Kind::kObject:
      return "object";
  }
  return "unknown";
}

}  // namespace tradelint
