#pragma once
// JSON in and out. The only code in the engine that includes a JSON library.
//
// ParseJson turns one JSON document into a Value (simdjson's on-demand parser for well-formed
// documents, nlohmann's for the rest and for every error): numbers become exact Decimals read from
// the number's own text (never through double), objects keep input order, repeated keys keep
// the last value. Limits guard against hostile input: a document nested deeper than
// max_depth fails with kTooDeep before any recursion can exhaust the stack.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

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

// ParseJson without its simdjson fast path: the nlohmann-based parser that words every error.
// ParseJson falls back to it; benchmarks compare the two.
JsonResult ParseJsonPrecise(std::string_view text, const JsonLimits& limits = {});

// Appends `value` as compact JSON. Decimals are written from their exact text; dates as
// `YYYY-MM-DD` strings; money as {"amount": ..., "currency": ...}; missing as null.
void AppendJson(std::string& out, const Value& value);
// Appends `text` as a JSON string literal with quotes and escapes.
// `"` and `\` are escaped, control characters become \n, \t, ... or \u00XX; other UTF-8
// passes through unchanged. Each maximal ill-formed UTF-8 sequence is replaced with U+FFFD,
// so the output is always valid JSON whatever the input bytes.
void AppendJsonString(std::string& out, std::string_view text);

// Streaming JSON output without building a document: the caller emits the structure in
// order and the writer places commas, colons and (when pretty) newlines and indentation.
//
//   JsonWriter w(out, JsonWriter::Style::kPretty);
//   w.BeginObject().Key("id").String("LST-1").Key("lines").BeginArray().Int(2).EndArray();
//   w.EndObject();
//
// Contract (checked with assert): inside an object every value is preceded by Key; Key is
// only called inside an object; Begin/End pairs match. One writer writes one top-level
// value (a JSON Lines writer uses one JsonWriter per line). kCompact
// writes no whitespace at all (one JSON Lines record); kPretty indents by 2 spaces, puts
// each member and element on its own line, writes `"key": value` and empty containers as
// `{}` / `[]`. No trailing newline is written.
class JsonWriter {
 public:
  enum class Style { kCompact, kPretty };

  explicit JsonWriter(std::string& out, Style style = Style::kCompact)
      : out_(out), pretty_(style == Style::kPretty) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view text);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  JsonWriter& Number(const Decimal& number);  // exact text, e.g. `58.80`
  JsonWriter& Int(std::int64_t number);
  // Any Value, written as AppendJson would, but laid out in this writer's style.
  JsonWriter& Write(const Value& value);

  // True when every opened object and array has been closed.
  bool complete() const { return open_.empty(); }

 private:
  struct Open {
    bool is_object = false;
    bool key_pending = false;  // an object member's key was written, its value not yet
    std::size_t count = 0;     // members or elements written so far
  };
  void BeforeValue();
  void NewLine();
  JsonWriter& Begin(bool is_object, char bracket);
  JsonWriter& End(bool is_object, char bracket);

  std::string& out_;
  bool pretty_;
  std::vector<Open> open_;
};

}  // namespace tradelint
