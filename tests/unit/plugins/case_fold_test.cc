// CaseFold copies the code points that fold to themselves and sends only the runs between them
// through utf8proc. These tests compare it with the whole text folded by utf8proc at once (the
// definition: NFKC with case folding) over every code point of planes 0 and 1, alone and
// beside code points it may compose with, and over every canonical composition pair.

#include <utf8proc.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugins/text/unicode_text.h"
#include "tests/unit/plugins/utf8proc_fold.h"

namespace tradelint {
namespace {

std::string Utf8(utf8proc_int32_t code_point) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(code_point, buffer);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

bool IsScalar(utf8proc_int32_t code_point) { return code_point < 0xD800 || code_point > 0xDFFF; }

// Code points that compose with what stands next to them: Latin and Arabic bases and marks,
// Hangul leading, vowel and trailing jamo and syllables, an Oriya two-part vowel, kana voicing.
const std::vector<std::string> kNeighbours = {
    "",       "e",      "E",      "\u0627", "\u0653", "\u0301", "\u0323", "\u1100",
    "\u1161", "\u11A8", "\uAC00", "\u0B47", "\u0B57", "\u304B", "\u3099", "\u00C5"};

TEST(CaseFoldTest, AgreesWithUtf8procOnEveryCodePointBesideItsNeighbours) {
  std::vector<std::pair<std::string, std::string>> sides;
  for (const std::string& neighbour : kNeighbours) {
    sides.emplace_back(neighbour, "");
    sides.emplace_back("", neighbour);
  }
  sides.emplace_back("\u0627", "\u0653");
  sides.emplace_back("\u1100", "\u1161");
  for (utf8proc_int32_t block = 0; block < 0x20000; block += 0x1000) {
    for (const auto& [before, after] : sides) {
      std::string text;
      for (utf8proc_int32_t code_point = block; code_point < block + 0x1000; ++code_point) {
        if (IsScalar(code_point)) text += before + Utf8(code_point) + after;
      }
      ASSERT_EQ(CaseFold(text), FoldAtOnce(text))
          << "block U+" << std::hex << block << " between `" << before << "` and `" << after << "`";
    }
  }
}

// Every canonical composite, decomposed, with neighbours on both sides: the decomposition
// holds each pair that a composition joins.
TEST(CaseFoldTest, AgreesWithUtf8procOnEveryCanonicalDecomposition) {
  for (utf8proc_int32_t code_point = 0x80; code_point < 0x30000; ++code_point) {
    if (!IsScalar(code_point)) continue;
    utf8proc_int32_t parts[8];
    int boundclass = 0;
    const utf8proc_ssize_t count = utf8proc_decompose_char(
        code_point, parts, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE), &boundclass);
    if (count < 2 || count > 8) continue;
    std::string decomposed;
    for (utf8proc_ssize_t i = 0; i < count; ++i) decomposed += Utf8(parts[i]);
    for (const std::string& text : {decomposed, "a" + decomposed + "b",
                                    "\u4E2D" + decomposed + "\u0301", decomposed + decomposed}) {
      ASSERT_EQ(CaseFold(text), FoldAtOnce(text)) << "U+" << std::hex << code_point;
    }
  }
}

// lower and upper map ASCII without utf8proc; every code point of planes 0 and 1, ASCII beside
// the rest, maps as utf8proc's simple case mapping does.
TEST(CaseMappingTest, AgreesWithUtf8procOnEveryCodePoint) {
  for (utf8proc_int32_t block = 0; block < 0x20000; block += 0x1000) {
    std::string text;
    std::string lower;
    std::string upper;
    for (utf8proc_int32_t code_point = block; code_point < block + 0x1000; ++code_point) {
      if (!IsScalar(code_point)) continue;
      const utf8proc_int32_t ascii = code_point % 0x80;
      text += Utf8(code_point) + Utf8(ascii);
      lower += Utf8(utf8proc_tolower(code_point)) + Utf8(utf8proc_tolower(ascii));
      upper += Utf8(utf8proc_toupper(code_point)) + Utf8(utf8proc_toupper(ascii));
    }
    ASSERT_EQ(ToLower(text), lower) << "block U+" << std::hex << block;
    ASSERT_EQ(ToUpper(text), upper) << "block U+" << std::hex << block;
  }
  EXPECT_EQ(ToLower("A\xFF"), std::nullopt);
  std::string ascii;  // all ASCII: lowered 8 bytes at a time
  std::string ascii_lower;
  for (utf8proc_int32_t code_point = 0; code_point < 0x80; ++code_point) {
    ascii += Utf8(code_point);
    ascii_lower += Utf8(utf8proc_tolower(code_point));
  }
  EXPECT_EQ(ToLower(ascii + "Z"), ascii_lower + "z");
}

TEST(CaseFoldTest, InvalidUtf8IsRejectedWherever) {
  for (const std::string text : {"\xFF", "abc\xFF", "\xE4\xB8", "\xE4\xB8\xAD\xC3", "e\xCC"}) {
    EXPECT_EQ(CaseFold(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace tradelint
