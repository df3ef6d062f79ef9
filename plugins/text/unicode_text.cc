#include "plugins/text/unicode_text.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

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
  // ASCII is its own NFKC form and folds by mapping A-Z alone, so only the non-ASCII runs go
  // through utf8proc, each with the ASCII character before it: combining marks that follow an
  // ASCII letter compose with it (`e` + U+0301 is `é`), and nothing else crosses a run's edge.
  const auto is_ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
  std::string folded;
  folded.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_ascii(text[i]) && (i + 1 == text.size() || is_ascii(text[i + 1]))) {
      const char c = text[i++];
      folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    const std::size_t start = i;
    if (is_ascii(text[i])) ++i;  // the base character of the run's first combining marks
    while (i < text.size() && !is_ascii(text[i])) ++i;
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
