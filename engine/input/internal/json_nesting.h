#pragma once
// JsonNesting: where a byte of JSON text stands, strings and escapes and nesting tracked, for
// the readers that must find where a value ends without parsing it.

#include <cstdint>

namespace tradelint {

class JsonNesting {
 public:
  // Takes the next byte; returns whether it stood outside every string, object and array and
  // neither opened nor closed one (a `,` or a stray `]` between values, a digit of a number).
  // A closing bracket with nothing open is such a byte.
  bool Step(char c) {
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
      }
      return false;
    }
    if (c == '"') {
      in_string_ = true;
      return false;
    }
    if (c == '[' || c == '{') {
      ++depth_;
      return false;
    }
    if (depth_ > 0) {
      if (c == ']' || c == '}') --depth_;
      return false;
    }
    return true;
  }

  // Whether an object, an array or a string is open.
  bool open() const { return in_string_ || depth_ > 0; }
  bool in_string() const { return in_string_; }

 private:
  std::int64_t depth_ = 0;  // objects and arrays open
  bool in_string_ = false;
  bool escaped_ = false;  // the previous byte was a backslash inside a string
};

}  // namespace tradelint
