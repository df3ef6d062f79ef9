#include "plugins/text/unicode_text.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "engine/base/ascii_case.h"
#include "engine/base/byte_word.h"
#include "engine/base/utf8.h"
#include "plugins/text/code_point_class.h"
#include "plugins/text/script.h"
#include "plugins/text/word_splitter.h"

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
    char32_t code_point = 0;
    const std::size_t length = DecodeUtf8(text, offset, code_point);
    if (length == 0) return false;
    visit(static_cast<utf8proc_int32_t>(code_point), offset, length);
    offset += length;
  }
  return true;
}

// Maps each code point by `map`, and each ASCII character by `map_ascii` (which must agree
// with `map` on ASCII, without a call into utf8proc).
template <typename MapCodePoint, typename MapAscii>
std::optional<std::string> MapEachCodePoint(std::string_view text, MapCodePoint map,
                                            MapAscii map_ascii) {
  std::string result;
  result.reserve(text.size());
  const bool valid =
      ForEachCodePoint(text, [&](utf8proc_int32_t code_point, std::size_t, std::size_t) {
        if (code_point < 0x80) {
          result += map_ascii(static_cast<char>(code_point));
          return;
        }
        utf8proc_uint8_t buffer[4];
        const utf8proc_ssize_t length = utf8proc_encode_char(map(code_point), buffer);
        result.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
      });
  if (!valid) return std::nullopt;
  return result;
}

constexpr int kCaseFold = UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STABLE;

bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// The class of an ASCII character (code_point_class.h): each folds to itself once A-Z are
// mapped.
CodePointClass AsciiClass(char c) { return {AsciiRole(c), Script::kLatin, true}; }

// The end of the run of ASCII bytes of `text` from `begin`, read 8 bytes at a time.
std::size_t AsciiRunEnd(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end + 8 <= text.size() && !byte_word::HasHighByte(byte_word::Load(text.data() + end))) {
    end += 8;
  }
  while (end < text.size() && IsAscii(text[end])) ++end;
  return end;
}

// Appends the ASCII `run` folded to `out`, 8 bytes at a time, and gives its characters to
// `words` (if not null).
void AppendAsciiFolded(std::string_view run, std::string& out, WordSplitter* words) {
  using byte_word::kHigh;
  using byte_word::kOnes;
  const std::size_t offset = out.size();
  out.append(run);
  char* folded = out.data() + offset;
  std::size_t i = 0;
  for (; i + 8 <= run.size(); i += 8) {
    // Bytes below 0x80 plus 0x80 - c set their high bit exactly when they are at least c, with
    // no carry into the next byte; A-Z get 0x20 added.
    const std::uint64_t word = byte_word::Load(folded + i);
    const std::uint64_t upper =
        ((word + kOnes * (0x80 - 'A')) & ~(word + kOnes * (0x80 - 'Z' - 1))) & kHigh;
    const std::uint64_t lower = word | (upper >> 2);
    std::memcpy(folded + i, &lower, sizeof lower);
  }
  for (; i < run.size(); ++i) folded[i] = AsciiLower(folded[i]);
  if (words != nullptr) words->AddAscii(offset, std::string_view(folded, run.size()));
}

// Gives `words` the code points of `folded` (valid UTF-8, output of utf8proc), which is to
// stand at `offset` of the folded text.
void AddFolded(std::string_view folded, std::size_t offset, WordSplitter& words) {
  std::size_t i = 0;
  while (i < folded.size()) {
    if (IsAscii(folded[i])) {
      words.Add(offset + i, AsciiRole(folded[i]), Script::kLatin);
      ++i;
      continue;
    }
    char32_t code_point = 0;
    const std::size_t length = DecodeUtf8(folded, i, code_point);
    if (length == 0) return;  // not reached: utf8proc writes valid UTF-8
    const CodePointClass point_class = ClassOf(code_point);
    words.Add(offset + i, point_class.role, point_class.script);
    i += length;
  }
}

bool IsSpace(utf8proc_int32_t code_point) {
  if ((code_point >= 0x09 && code_point <= 0x0D) || code_point == 0x85) return true;
  const utf8proc_category_t category = utf8proc_category(code_point);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

}  // namespace

std::optional<std::string> CaseFold(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  if (!AppendCaseFold(text, folded, nullptr)) return std::nullopt;
  return folded;
}

bool AppendCaseFold(std::string_view text, std::string& out, WordSplitter* words) {
  // A code point that folds to itself wherever it stands (code_point_class.h; ASCII once A-Z are
  // mapped) is copied. Each run of other code points goes through utf8proc together with the
  // code point before it, which a combining mark of the run may compose with (`e` + U+0301 is
  // `é`, alef + U+0653 is U+0622). Nothing crosses the edges of such a run: the code point
  // after it is a starter that no composition takes as its second part, and the ones before
  // the run's first are starters too, so neither reordering nor composition reaches them.
  struct CodePoint {
    std::size_t length = 0;  // 0: not valid UTF-8 here
    CodePointClass point_class;
  };
  const auto read = [&](std::size_t at) {
    if (IsAscii(text[at])) return CodePoint{1, AsciiClass(text[at])};
    char32_t code_point = 0;
    const std::size_t length = DecodeUtf8(text, at, code_point);
    if (length == 0) return CodePoint{};
    return CodePoint{length, ClassOf(code_point)};
  };
  const CodePoint end_of_text{0, {WordRole::kSeparator, Script::kOther, true}};
  std::size_t i = 0;
  CodePoint current;  // the code point at i, when current_known
  bool current_known = false;
  while (i < text.size()) {
    if (IsAscii(text[i])) {  // an ASCII run at once, but for a last character that a
                             // non-ASCII code point follows (it may compose with it)
      const std::size_t run_end = AsciiRunEnd(text, i);
      const std::size_t alone = run_end == text.size() ? run_end : run_end - 1;
      if (alone > i) {
        AppendAsciiFolded(text.substr(i, alone - i), out, words);
        i = alone;
        current_known = false;
        if (i == text.size()) break;
      }
    }
    if (!current_known) current = read(i);
    if (current.length == 0) return false;
    const std::size_t next = i + current.length;
    const CodePoint after = next < text.size() ? read(next) : end_of_text;
    current_known = true;
    if (current.point_class.folds_to_itself && after.point_class.folds_to_itself) {
      if (current.length == 1) {
        if (words != nullptr) words->Add(out.size(), current.point_class.role, Script::kLatin);
        out += AsciiLower(text[i]);
        i = next;
        current = after;
        continue;
      }
      // A run of non-ASCII code points that fold to themselves, up to one whose successor does
      // not: copied at once.
      const std::size_t run_begin = i;
      const std::size_t out_begin = out.size();
      CodePoint following = after;
      while (true) {
        if (words != nullptr) {
          words->Add(out_begin + (i - run_begin), current.point_class.role,
                     current.point_class.script);
        }
        i += current.length;
        current = following;  // the code point at i
        if (i == text.size() || current.length < 2 || !current.point_class.folds_to_itself) break;
        const std::size_t after_current = i + current.length;
        following = after_current < text.size() ? read(after_current) : end_of_text;
        if (!following.point_class.folds_to_itself) break;
      }
      out.append(text.substr(run_begin, i - run_begin));
      continue;
    }
    const std::size_t start = i;
    if (current.point_class.folds_to_itself) {  // the run's base
      i = next;
      current = after;
    }
    while (i < text.size() && !current.point_class.folds_to_itself) {
      if (current.length == 0) return false;
      i += current.length;
      if (i < text.size()) current = read(i);
    }
    const std::optional<std::string> run = Map(text.substr(start, i - start), kCaseFold);
    if (!run) return false;
    if (words != nullptr) AddFolded(*run, out.size(), *words);
    out += *run;
  }
  return true;
}

std::optional<std::string> NormalizeNfc(std::string_view text) {
  return Map(text, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
}

std::optional<std::string> ToLower(std::string_view text) {
  if (AsciiRunEnd(text, 0) == text.size()) {  // ASCII lowers as it folds
    std::string lower;
    AppendAsciiFolded(text, lower, nullptr);
    return lower;
  }
  return MapEachCodePoint(text, utf8proc_tolower, [](char c) { return AsciiLower(c); });
}

std::optional<std::string> ToUpper(std::string_view text) {
  return MapEachCodePoint(text, utf8proc_toupper, [](char c) { return AsciiUpper(c); });
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
