#include "engine/base/ascii_case.h"

#include <algorithm>

namespace tradelint {

std::string AsciiLower(std::string_view text) {
  std::string lower;
  lower.reserve(text.size());
  AppendAsciiLower(lower, text);
  return lower;
}

void AppendAsciiLower(std::string& out, std::string_view text) {
  for (const char c : text) out += AsciiLower(c);
}

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = AsciiUpper(c);
  return upper;
}

bool AsciiEqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return x == y || ((x | 0x20) == (y | 0x20) && (x | 0x20) >= 'a' && (x | 0x20) <= 'z');
  });
}

}  // namespace tradelint
