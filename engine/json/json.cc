#include "engine/json/json.h"

#include "engine/base/byte_word.h"
#include "engine/json/internal/object_members.h"
#include "engine/json/internal/simd_parser.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tradelint {
namespace {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------
// Error offsets.
//
// nlohmann reports a position only for its own syntax errors. When the handler stops the
// parse (too deep, number out of range) the offset is recovered by counting tokens: the
// handler counts the brackets and numbers it has seen, and the n-th such token in the text
// is the culprit. The parser accepted everything before it, so this scan (which only has to
// skip strings correctly) sees exactly the tokens the parser saw.

enum class TokenClass { kOpenBracket, kNumber };

std::size_t NthTokenOffset(std::string_view text, TokenClass wanted, std::size_t n) {
  std::size_t seen = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;  // the escaped character can be a quote
      }
      ++i;
    } else if (c == '[' || c == '{') {
      if (wanted == TokenClass::kOpenBracket && ++seen == n) return i;
      ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      if (wanted == TokenClass::kNumber && ++seen == n) return i;
      while (i < text.size() &&
             (std::string_view("0123456789+-.eE").find(text[i]) != std::string_view::npos)) {
        ++i;
      }
    } else {
      ++i;
    }
  }
  return text.size();
}

bool IsTokenChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' ||
         c == '-' || c == '.';
}

// Start of the complete token whose last byte is at `last` (a string, number, literal or
// one punctuation byte).
std::size_t TokenStart(std::string_view text, std::size_t last) {
  if (text[last] == '"') {
    // The opening quote is the nearest quote before `last` not preceded by an odd number
    // of backslashes.
    for (std::size_t i = last; i-- > 0;) {
      if (text[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return last;
  }
  std::size_t start = last;
  if (IsTokenChar(text[last])) {
    while (start > 0 && IsTokenChar(text[start - 1])) --start;
  }
  return start;
}

// ---------------------------------------------------------------------------------------
// Messages. nlohmann's parse errors read
//   "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while
//    parsing object - unexpected end of input; expected '}'"
// or, for a lexical error, "... - invalid literal; last read: 'tru'". They are rewritten
// into the engine's style: lower case, code in backticks, no library jargon.

std::string Backticked(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\'') c = '`';
  }
  return out;
}

std::string TokenPhrase(std::string_view token) {
  if (token == "string literal") return "string";
  if (token == "number literal") return "number";
  if (token == "true literal") return "`true`";
  if (token == "false literal") return "`false`";
  if (token == "null literal") return "`null`";
  return Backticked(token);  // "end of input", "'}'"
}

std::string ExpectedPhrase(std::string_view expected) {
  if (expected == "'[', '{', or a literal") return "expected a value";
  if (expected == "string literal") return "expected a key in double quotes";
  if (expected == "'}'") return "expected `,` or `}`";
  if (expected == "']'") return "expected `,` or `]`";
  return "expected " + Backticked(expected);  // "':'", "end of input"
}

std::string LexicalPhrase(std::string_view error) {
  constexpr std::string_view kInvalidString = "invalid string: ";
  if (!error.starts_with(kInvalidString)) {
    if (error.starts_with("invalid BOM")) return "invalid byte order mark";
    return Backticked(error);  // "invalid literal", "invalid number; expected digit after '-'"
  }
  std::string_view what = error.substr(kInvalidString.size());
  if (what == "missing closing quote") return "unterminated string";
  if (what == "ill-formed UTF-8 byte") return "invalid UTF-8 in a string";
  if (what == "forbidden character after backslash") return "invalid escape sequence in a string";
  if (what.starts_with("surrogate")) return "unpaired UTF-16 surrogate in a `\\u` escape";
  constexpr std::string_view kControl = "control character ";
  if (what.starts_with(kControl)) {
    // "control character U+000A (LF) must be escaped to \u000A or \n"
    std::string_view name = what.substr(kControl.size());
    name = name.substr(0, name.find(" must"));
    return "unescaped control character " + std::string(name) + " in a string";
  }
  return Backticked(what);  // "'\u' must be followed by 4 hex digits"
}

JsonError SyntaxError(std::string_view text, std::size_t position, std::string_view what) {
  // `position` counts bytes read, including the byte (or end of input) that showed the
  // problem, so the offending byte is at position - 1.
  JsonError error;
  error.kind = JsonError::Kind::kSyntax;
  const std::size_t offending = std::min(position == 0 ? 0 : position - 1, text.size());
  constexpr std::string_view kDash = " - ";
  const std::size_t dash = what.find(kDash);
  if (dash == std::string_view::npos) {
    error.message = Backticked(what);
    error.byte_offset = offending;
    return error;
  }
  std::string_view body = what.substr(dash + kDash.size());
  constexpr std::string_view kUnexpected = "unexpected ";
  constexpr std::string_view kExpected = "; expected ";
  if (body.starts_with(kUnexpected)) {
    body.remove_prefix(kUnexpected.size());
    const std::size_t split = body.find(kExpected);
    const std::string_view found = body.substr(0, split);
    error.message = "unexpected " + TokenPhrase(found);
    if (split != std::string_view::npos) {
      error.message += "; " + ExpectedPhrase(body.substr(split + kExpected.size()));
    }
    error.byte_offset = (found == "end of input" || offending == text.size())
                            ? text.size()
                            : TokenStart(text, offending);
  } else {
    error.message = LexicalPhrase(body.substr(0, body.find("; last read: ")));
    error.byte_offset = offending;
  }
  return error;
}

// ---------------------------------------------------------------------------------------
// SAX handler building a Value tree. nlohmann's parser is iterative; the handler refuses
// to open a container beyond max_depth, so nothing here or later recurses deeper than that.

class ValueBuilder {
 public:
  ValueBuilder(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

  bool null() { return Emit(Value::Null()); }
  bool boolean(bool b) { return Emit(Value(b)); }
  bool number_integer(Json::number_integer_t number) {
    ++numbers_;
    return Emit(Value(Decimal(number)));
  }
  // Non-negative integers; every uint64 fits the 128-bit coefficient.
  bool number_unsigned(Json::number_unsigned_t number) {
    ++numbers_;
    return Emit(Value(Decimal::FromParts(number, 0)));
  }
  // Non-integers and integers beyond 64 bits: the double is ignored, the text is exact.
  bool number_float(Json::number_float_t /*approximation*/, const Json::string_t& number_text) {
    ++numbers_;
    std::optional<Decimal> number = Decimal::Parse(number_text);
    if (!number) {
      return Fail(
          NumberOutOfRange(number_text, NthTokenOffset(text_, TokenClass::kNumber, numbers_)));
    }
    return Emit(Value(*number));
  }
  bool string(Json::string_t& text) { return Emit(Value(std::move(text))); }
  // Binary values exist only in nlohmann's binary formats (CBOR, ...), never in JSON text.
  bool binary(Json::binary_t& /*unused*/) { return false; }
  bool start_object(std::size_t /*unknown_size*/) { return Open(true); }
  bool key(Json::string_t& name) {
    stack_.back().key = std::move(name);
    return true;
  }
  bool end_object() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    json_internal::KeepLastOfRepeatedKeys(frame.members);
    return Emit(Value(std::move(frame.members)));
  }
  bool start_array(std::size_t /*unknown_size*/) { return Open(false); }
  bool end_array() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    return Emit(Value(std::move(frame.items)));
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    if (ex.id == 406) {  // out_of_range.406: a number beyond double range, such as 1e400
      return Fail(
          NumberOutOfRange(last_token, NthTokenOffset(text_, TokenClass::kNumber, numbers_ + 1)));
    }
    return Fail(SyntaxError(text_, position, ex.what()));
  }

  // The document; valid after a successful parse.
  Value TakeRoot() { return std::move(root_); }
  // Set when the parse failed.
  std::optional<JsonError>& error() { return error_; }

 private:
  struct Frame {
    bool is_object = false;
    ValueObject members;
    ValueList items;
    std::string key;  // key of the member whose value comes next
  };

  bool Open(bool is_object) {
    ++opens_;
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      JsonError error;
      error.kind = JsonError::Kind::kTooDeep;
      error.byte_offset = NthTokenOffset(text_, TokenClass::kOpenBracket, opens_);
      error.message = "nesting too deep: more than " + std::to_string(max_depth_) +
                      " objects and arrays open at once";
      return Fail(std::move(error));
    }
    stack_.push_back(Frame{.is_object = is_object, .members = {}, .items = {}, .key = {}});
    return true;
  }

  bool Emit(Value value) {
    if (stack_.empty()) {
      root_ = std::move(value);
    } else if (Frame& top = stack_.back(); top.is_object) {
      top.members.emplace_back(std::move(top.key), std::move(value));
    } else {
      top.items.push_back(std::move(value));
    }
    return true;
  }

  static JsonError NumberOutOfRange(std::string_view number_text, std::size_t offset) {
    JsonError error;
    error.kind = JsonError::Kind::kNumberOutOfRange;
    error.byte_offset = offset;
    error.message = "number `" + std::string(number_text) +
                    "` does not fit an exact decimal (at most 38 significant digits and 38 "
                    "decimal places)";
    return error;
  }

  bool Fail(JsonError error) {
    error_ = std::move(error);
    return false;
  }

  std::string_view text_;
  int max_depth_;
  std::vector<Frame> stack_;
  Value root_;
  std::optional<JsonError> error_;
  std::size_t numbers_ = 0;  // numbers seen so far
  std::size_t opens_ = 0;    // objects and arrays opened so far
};

// ---------------------------------------------------------------------------------------
// Output.

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the UTF-8 sequence starting at text[i] (text[i] >= 0x80). Returns the length
// when well-formed (Unicode table 3-7); otherwise 0 and sets `ill_formed` to the length of
// the maximal ill-formed subpart (at least 1), which is replaced by one U+FFFD.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i, std::size_t& ill_formed) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t continuation = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuation = 1;
  } else if (lead == 0xE0) {
    continuation = 2;
    low = 0xA0;
  } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    continuation = 2;
  } else if (lead == 0xED) {
    continuation = 2;
    high = 0x9F;  // no UTF-16 surrogates
  } else if (lead == 0xF0) {
    continuation = 3;
    low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    continuation = 3;
  } else if (lead == 0xF4) {
    continuation = 3;
    high = 0x8F;  // nothing above U+10FFFF
  } else {
    ill_formed = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k <= continuation && i + k < text.size(); ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    const unsigned char lo = k == 1 ? low : 0x80;
    const unsigned char hi = k == 1 ? high : 0xBF;
    if (byte < lo || byte > hi) break;
  }
  if (k == continuation + 1) return k;
  ill_formed = k;
  return 0;
}

// Whether one of the 8 bytes of `bytes` is not copied into a JSON string as it is: below 0x20,
// `"`, `\`, or 0x80 and above (the start or part of a UTF-8 sequence, which is validated).
bool HasByteToLookAt(std::string_view bytes) {
  const std::uint64_t word = byte_word::Load(bytes.data());
  return byte_word::HasHighByte(word) || byte_word::HasByteBelow(word, 0x20) ||
         byte_word::HasByte(word, '"') || byte_word::HasByte(word, '\\');
}

void AppendEscaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

}  // namespace

JsonResult ParseJson(std::string_view text, const JsonLimits& limits) {
  if (std::optional<Value> value = json_internal::ParseJsonFast(text, limits.max_depth))
    return std::move(*value);
  return ParseJsonPrecise(text, limits);
}

JsonResult ParseJsonPrecise(std::string_view text, const JsonLimits& limits) {
  // nlohmann's lexer takes a NUL byte outside a string for the end of input, which would
  // silently accept `{...}<NUL>garbage`. JSON has no place for a raw NUL, so only the text
  // before the first one is parsed, and the NUL itself is the error unless one comes first.
  const std::size_t nul = text.find('\0');
  const std::string_view parsed = text.substr(0, nul);
  ValueBuilder builder(parsed, limits.max_depth);
  [[maybe_unused]] const bool ok =
      Json::sax_parse(parsed.data(), parsed.data() + parsed.size(), &builder,
                      nlohmann::detail::input_format_t::json, /*strict=*/true,
                      /*ignore_comments=*/false);
  std::optional<JsonError>& error = builder.error();
  assert(ok != error.has_value());
  if (nul != std::string_view::npos && (!error || error->byte_offset >= nul)) {
    return JsonError{
        .kind = JsonError::Kind::kSyntax, .byte_offset = nul, .message = "unexpected NUL byte"};
  }
  if (error) return std::move(*error);
  return builder.TakeRoot();
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes copied as they are
  std::size_t i = 0;
  while (i < text.size()) {
    while (i + 8 <= text.size() && !HasByteToLookAt(text.substr(i, 8))) i += 8;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t ill_formed = 0;
      if (std::size_t length = Utf8SequenceLength(text, i, ill_formed); length > 0) {
        i += length;
        continue;
      }
      out.append(text.substr(run, i - run));
      out += kReplacementCharacter;
      i += ill_formed;
    } else {
      out.append(text.substr(run, i - run));
      AppendEscaped(out, c);
      ++i;
    }
    run = i;
  }
  out.append(text.substr(run));
  out += '"';
}

void AppendJson(std::string& out, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kMissing:
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
      AppendJsonString(out, value.as_string());
      return;
    case Value::Kind::kDate:
      AppendJsonString(out, value.as_date().ToString());
      return;
    case Value::Kind::kDateTime:
      AppendJsonString(out, value.as_datetime().ToString());
      return;
    case Value::Kind::kDuration:
      AppendJsonString(out, value.as_duration().ToString());
      return;
    case Value::Kind::kMoney:
      out += "{\"amount\":";
      out += value.as_money().amount.ToString();
      out += ",\"currency\":";
      AppendJsonString(out, value.as_money().currency.code());
      out += '}';
      return;
    case Value::Kind::kList: {
      out += '[';
      bool first = true;
      for (const Value& item : value.as_list()) {
        if (!first) out += ',';
        first = false;
        AppendJson(out, item);
      }
      out += ']';
      return;
    }
    case Value::Kind::kObject: {
      out += '{';
      bool first = true;
      for (const auto& [name, member] : value.as_object()) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, name);
        out += ':';
        AppendJson(out, member);
      }
      out += '}';
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------
// JsonWriter

void JsonWriter::NewLine() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(2 * open_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (open_.empty()) return;
  Open& top = open_.back();
  if (top.is_object) {
    assert(top.key_pending && "a value inside an object needs a Key first");
    top.key_pending = false;
    return;
  }
  if (top.count++ > 0) out_ += ',';
  NewLine();
}

JsonWriter& JsonWriter::Begin(bool is_object, char bracket) {
  BeforeValue();
  out_ += bracket;
  open_.push_back(Open{.is_object = is_object, .key_pending = false, .count = 0});
  return *this;
}

JsonWriter& JsonWriter::End([[maybe_unused]] bool is_object, char bracket) {
  assert(!open_.empty() && open_.back().is_object == is_object && !open_.back().key_pending);
  const bool had_content = open_.back().count > 0;
  open_.pop_back();
  if (had_content) NewLine();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::BeginObject() { return Begin(true, '{'); }
JsonWriter& JsonWriter::EndObject() { return End(true, '}'); }
JsonWriter& JsonWriter::BeginArray() { return Begin(false, '['); }
JsonWriter& JsonWriter::EndArray() { return End(false, ']'); }

JsonWriter& JsonWriter::Key(std::string_view key) {
  assert(!open_.empty() && open_.back().is_object && !open_.back().key_pending);
  Open& top = open_.back();
  if (top.count++ > 0) out_ += ',';
  NewLine();
  AppendJsonString(out_, key);
  out_ += pretty_ ? ": " : ":";
  top.key_pending = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view text) {
  BeforeValue();
  AppendJsonString(out_, text);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Number(const Decimal& number) {
  BeforeValue();
  out_ += number.ToString();
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t number) {
  BeforeValue();
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::Write(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kList:
      BeginArray();
      for (const Value& item : value.as_list()) Write(item);
      return EndArray();
    case Value::Kind::kObject:
      BeginObject();
      for (const auto& [name, member] : value.as_object()) Key(name).Write(member);
      return EndObject();
    case Value::Kind::kMoney:
      BeginObject();
      Key("amount").Number(value.as_money().amount);
      Key("currency").String(value.as_money().currency.code());
      return EndObject();
    default:
      BeforeValue();
      AppendJson(out_, value);
      return *this;
  }
}

}  // namespace tradelint
