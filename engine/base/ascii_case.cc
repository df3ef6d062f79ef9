#include "engine/base/ascii_case.h"

#include <cctype>

namespace tradelint {

std::string AsciiLower(std::string_view text) {
  std::string lower;
  lower.reserve(text.size());
  AppendAsciiLower(lower, text);
  return lower;
}

void AppendAsciiLower(std::string& out, std::string_view text) {
  for (const char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

}  // namespace tradelint
