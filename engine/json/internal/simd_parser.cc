#include "engine/json/internal/simd_parser.h"

#include <simdjson.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "engine/base/byte_word.h"
#include "engine/json/internal/object_members.h"

namespace tradelint::json_internal {
namespace {

namespace ondemand = simdjson::ondemand;

// Whether `token` (a number as simdjson delimits it, maybe with trailing whitespace) follows
// the JSON grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
std::optional<std::string_view> JsonNumberToken(std::string_view token) {
  std::size_t end = token.size();
  while (end > 0 && (token[end - 1] == ' ' || token[end - 1] == '\t' || token[end - 1] == '\n' ||
                     token[end - 1] == '\r')) {
    --end;
  }
  token = token.substr(0, end);
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < token.size() && token[i] >= '0' && token[i] <= '9') ++i;
    return i - start;
  };
  if (i < token.size() && token[i] == '-') ++i;
  if (i < token.size() && token[i] == '0') {
    ++i;
  } else if (digits() == 0) {
    return std::nullopt;
  }
  if (i < token.size() && token[i] == '.') {
    ++i;
    if (digits() == 0) return std::nullopt;
  }
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < token.size() && (token[i] == '+' || token[i] == '-')) ++i;
    if (digits() == 0) return std::nullopt;
  }
  if (i != token.size()) return std::nullopt;
  return token;
}

// Builds the Value of a document. An object's members and an array's items are first gathered
// in a buffer kept for their depth and then moved into a vector of exactly their size: one
// allocation per object or array instead of one per doubling, and no moves on growth. The
// buffers keep their capacity from record to record (one Builder per thread).
class Builder {
 public:
  explicit Builder(int max_depth) : max_depth_(max_depth), scratch_(max_depth + 1) {}

  int max_depth() const { return max_depth_; }

  // Reads `value` into `out`; false when the fast path must give up.
  bool Read(ondemand::value value, Value& out, int depth) {
    ondemand::json_type type;
    if (value.type().get(type)) return false;
    switch (type) {
      case ondemand::json_type::object: {
        if (depth >= max_depth_) return false;
        ondemand::object object;
        if (value.get_object().get(object)) return false;
        ValueObject& members = scratch_[depth].members;
        members.clear();
        for (auto field : object) {
          std::string_view key;
          if (field.unescaped_key().get(key)) return false;
          ondemand::value member;
          if (field.value().get(member)) return false;
          std::pair<std::string, Value>& slot = members.emplace_back(std::string(key), Value());
          if (!Read(member, slot.second, depth + 1)) return false;
        }
        KeepLastOfRepeatedKeys(members);
        out = Value(TakeExactly(members));
        return true;
      }
      case ondemand::json_type::array: {
        if (depth >= max_depth_) return false;
        ondemand::array array;
        if (value.get_array().get(array)) return false;
        ValueList& items = scratch_[depth].items;
        items.clear();
        for (auto element : array) {
          ondemand::value item;
          if (element.get(item)) return false;
          if (!Read(item, items.emplace_back(), depth + 1)) return false;
        }
        out = Value(TakeExactly(items));
        return true;
      }
      case ondemand::json_type::string: {
        std::string_view text;
        if (value.get_string().get(text)) return false;
        out = Value(std::string(text));
        return true;
      }
      case ondemand::json_type::number: {
        const std::optional<std::string_view> token = JsonNumberToken(value.raw_json_token());
        if (!token) return false;
        const std::optional<Decimal> number = Decimal::Parse(*token);
        if (!number) return false;
        out = Value(*number);
        return true;
      }
      case ondemand::json_type::boolean: {
        bool flag = false;
        if (value.get_bool().get(flag)) return false;
        out = Value(flag);
        return true;
      }
      case ondemand::json_type::null: {
        bool is_null = false;
        if (value.is_null().get(is_null) || !is_null) return false;
        out = Value::Null();
        return true;
      }
    }
    return false;
  }

 private:
  struct Scratch {
    ValueObject members;
    ValueList items;
  };

  // Moves the elements of `buffer` into a new vector of exactly their number; `buffer` is left
  // empty with its capacity.
  template <typename Vector>
  static Vector TakeExactly(Vector& buffer) {
    Vector exact;
    exact.reserve(buffer.size());
    std::move(buffer.begin(), buffer.end(), std::back_inserter(exact));
    buffer.clear();
    return exact;
  }

  int max_depth_;
  std::vector<Scratch> scratch_;  // by depth; never resized after construction
};

// Whether the text has a byte below 0x20 other than JSON whitespace: never valid JSON (also not
// inside strings), left to the other parser's precise message. Skips 8 bytes at a time where
// none is below 0x20, as most records have no such byte or only line ends.
bool HasControlCharacter(std::string_view text) {
  const auto is_control = [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
  };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    if (!byte_word::HasByteBelow(byte_word::Load(text.data() + i), 0x20)) continue;
    if (std::any_of(text.begin() + i, text.begin() + i + 8, is_control)) return true;
  }
  return std::any_of(text.begin() + i, text.end(), is_control);
}

}  // namespace

std::optional<Value> ParseJsonFast(std::string_view text, int max_depth) {
  const std::size_t first = text.find_first_not_of(" \t\n\r");
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '['))
    return std::nullopt;
  if (HasControlCharacter(text)) return std::nullopt;
  // simdjson reads up to SIMDJSON_PADDING bytes past the end; each thread keeps one buffer.
  thread_local ondemand::parser parser;
  thread_local std::string padded;
  padded.assign(text);
  padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  ondemand::document document;
  if (parser.iterate(padded.data(), text.size(), padded.size()).get(document)) return std::nullopt;
  ondemand::value root;
  if (document.get_value().get(root)) return std::nullopt;
  Value out;
  thread_local Builder builder(max_depth);
  if (builder.max_depth() != max_depth) builder = Builder(max_depth);
  if (!builder.Read(root, out, 0)) return std::nullopt;
  // A location after the root value means text follows it.
  if (!document.current_location().error()) return std::nullopt;
  return out;
}

}  // namespace tradelint::json_internal
