#pragma once
// JSON in and out. The only code in the engine that includes a JSON library.
//
// ParseJson turns one JSON document into a Value: numbers become exact Decimals read from
// the number's own text (never through double), objects keep input order, repeated keys keep
// the last value. Limits guard against hostile input: a document nested deeper than
// max_depth fails with kTooDeep before any recursion can exhaust the stack.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "engine/value/value.h"

namespace tradelint {

struct JsonLimits {
  int max_depth = 64;  // objects + arrays open at once
};

struct JsonError {
  enum class Kind { kSyntax, kTooDeep, kNumberOutOfRange };
  Kind kind = Kind::kSyntax;
  std::size_t byte_offset = 0;  // where the problem was found, from the start of the text
  std::string message;          // lower-case, e.g. "expected `,` or `}` after an object member"
};

using JsonResult = std::variant<Value, JsonError>;

JsonResult ParseJson(std::string_view text, const JsonLimits& limits = {});

// Appends `value` as compact JSON. Decimals are written from their exact text; dates as
// `YYYY-MM-DD` strings; money as {"amount": ..., "currency": ...}; missing as null.
void AppendJson(std::string& out, const Value& value);
// Appends `text` as a JSON string literal with quotes and escapes.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace tradelint
