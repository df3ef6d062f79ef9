#include "plugins/text/unicode_text.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "engine/base/ascii_case.h"
#include "plugins/text/code_point_class.h"

namespace tradelint {
namespace {

const utf8proc_uint8_t* Bytes(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

std::optional<std::string> Map(std::string_view text, int options) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(Bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                   static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (length < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

// Calls `visit(code_point, byte_offset, byte_length)` for each code point; false on invalid
// UTF-8.
template <typename Visit>
bool ForEachCodePoint(std::string_view text, Visit visit) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(
        Bytes(text) + offset, static_cast<utf8proc_ssize_t>(text.size() - offset), &code_point);
    if (length <= 0) return false;
    visit(code_point, offset, static_cast<std::size_t>(length));
    offset += static_cast<std::size_t>(length);
  }
  return true;
}

template <typename MapCodePoint>
std::optional<std::string> MapEachCodePoint(std::string_view text, MapCodePoint map) {
  std::string result;
  result.reserve(text.size());
  const bool valid =
      ForEachCodePoint(text, [&](utf8proc_int32_t code_point, std::size_t, std::size_t) {
        utf8proc_uint8_t buffer[4];
        const utf8proc_ssize_t length = utf8proc_encode_char(map(code_point), buffer);
        result.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
      });
  if (!valid) return std::nullopt;
  return result;
}

bool IsSpace(utf8proc_int32_t code_point) {
  if ((code_point >= 0x09 && code_point <= 0x0D) || code_point == 0x85) return true;
  const utf8proc_category_t category = utf8proc_category(code_point);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

}  // namespace

std::optional<std::string> CaseFold(std::string_view text) {
  constexpr int kFold = UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STABLE;
  // A code point that folds to itself wherever it stands (code_point_class.h; ASCII once A-Z are
  // mapped) is copied. Each run of other code points goes through utf8proc together with the
  // code point before it, which a combining mark of the run may compose with (`e` + U+0301 is
  // `é`, alef + U+0653 is U+0622). Nothing crosses the edges of such a run: the code point
  // after it is a starter that no composition takes as its second part, and the ones before
  // the run's first are starters too, so neither reordering nor composition reaches them.
  struct CodePoint {
    std::size_t length = 0;  // 0: not valid UTF-8 here
    bool folds_to_itself = false;
  };
  const auto read = [&](std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return CodePoint{1, true};
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(
        Bytes(text) + at, static_cast<utf8proc_ssize_t>(text.size() - at), &code_point);
    if (length <= 0) return CodePoint{};
    return CodePoint{static_cast<std::size_t>(length),
                     ClassOf(static_cast<char32_t>(code_point)).folds_to_itself};
  };
  std::string folded;
  folded.reserve(text.size());
  std::size_t i = 0;
  CodePoint current = text.empty() ? CodePoint{} : read(0);
  const auto is_ascii = [&](std::size_t at) { return static_cast<unsigned char>(text[at]) < 0x80; };
  while (i < text.size()) {
    if (current.length == 0) return std::nullopt;
    if (is_ascii(i)) {  // an ASCII span at once, but for its last character
      std::size_t end = i + 1;
      while (end < text.size() && is_ascii(end)) ++end;
      AppendAsciiLower(folded, text.substr(i, end - 1 - i));
      i = end - 1;
    }
    const std::size_t next = i + current.length;
    const CodePoint after = next < text.size() ? read(next) : CodePoint{0, true};
    if (current.folds_to_itself && after.folds_to_itself) {
      if (current.length == 1) {
        AppendAsciiLower(folded, text.substr(i, 1));
      } else {
        folded.append(text.substr(i, current.length));
      }
      i = next;
      current = after;
      continue;
    }
    const std::size_t start = i;
    if (current.folds_to_itself) {  // the run's base
      i = next;
      current = after;
    }
    while (i < text.size() && !current.folds_to_itself) {
      if (current.length == 0) return std::nullopt;
      i += current.length;
      if (i < text.size()) current = read(i);
    }
    std::optional<std::string> run = Map(text.substr(start, i - start), kFold);
    if (!run) return std::nullopt;
    folded += *run;
  }
  return folded;
}

std::optional<std::string> NormalizeNfc(std::string_view text) {
  return Map(text, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
}

std::optional<std::string> ToLower(std::string_view text) {
  return MapEachCodePoint(text, utf8proc_tolower);
}

std::optional<std::string> ToUpper(std::string_view text) {
  return MapEachCodePoint(text, utf8proc_toupper);
}

std::optional<std::string_view> TrimSpace(std::string_view text) {
  std::size_t begin = text.size();
  std::size_t end = 0;
  const bool valid = ForEachCodePoint(
      text, [&](utf8proc_int32_t code_point, std::size_t offset, std::size_t length) {
        if (IsSpace(code_point)) return;
        if (begin == text.size()) begin = offset;
        end = offset + length;
      });
  if (!valid) return std::nullopt;
  if (begin == text.size()) return text.substr(0, 0);
  return text.substr(begin, end - begin);
}

std::optional<std::size_t> CodePointCount(std::string_view text) {
  std::size_t count = 0;
  if (!ForEachCodePoint(text, [&](utf8proc_int32_t, std::size_t, std::size_t) { ++count; })) {
    return std::nullopt;
  }
  return count;
}

}  // namespace tradelint
