// The project's UTF-8 decoder against utf8proc, and the search for the first invalid byte.

#include "engine/base/utf8.h"

#include <utf8proc.h>

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace tradelint {
namespace {

// DecodeUtf8 and utf8proc_iterate agree on the length and the code point of every sequence of
// up to four bytes whose first two bytes are anything and whose further bytes are on either side
// of the continuation range, and on every truncation of them.
TEST(Utf8Test, AgreesWithUtf8procIterate) {
  const std::vector<unsigned char> edges = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
  std::string bytes(4, '\0');
  const auto check = [&](std::size_t length) {
    const std::string_view text(bytes.data(), length);
    utf8proc_int32_t expected_point = -1;
    const utf8proc_ssize_t expected =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                         static_cast<utf8proc_ssize_t>(text.size()), &expected_point);
    char32_t code_point = 0;
    const std::size_t decoded = DecodeUtf8(text, 0, code_point);
    ASSERT_EQ(decoded, expected > 0 ? static_cast<std::size_t>(expected) : 0u)
        << std::hex << int{static_cast<unsigned char>(bytes[0])} << " "
        << int{static_cast<unsigned char>(bytes[1])} << " " << length;
    if (decoded > 0) {
      ASSERT_EQ(code_point, static_cast<char32_t>(expected_point));
    }
  };
  for (int first = 0; first < 256; ++first) {
    bytes[0] = static_cast<char>(first);
    check(1);
    for (int second = 0; second < 256; ++second) {
      bytes[1] = static_cast<char>(second);
      check(2);
      if (first < 0xE0) continue;
      for (const unsigned char third : edges) {
        bytes[2] = static_cast<char>(third);
        check(3);
        if (first < 0xF0) continue;
        for (const unsigned char fourth : edges) {
          bytes[3] = static_cast<char>(fourth);
          check(4);
        }
      }
    }
  }
}

struct Utf8Case {
  std::string text;
  std::size_t first_invalid;  // npos when valid
};

TEST(Utf8Test, FindInvalidUtf8) {
  constexpr std::size_t kValid = std::string_view::npos;
  const std::vector<Utf8Case> cases = {
      {"", kValid},
      {"plain ascii", kValid},
      {"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", kValid},  // é 中 😀
      {"\xf4\x8f\xbf\xbf", kValid},                      // U+10FFFF
      {"ab\xff", 2},
      {"\x80", 0},              // continuation byte alone
      {"\xc0\xaf", 0},          // overlong `/`
      {"\xc1\xbf", 0},          // overlong
      {"\xe0\x9f\xbf", 0},      // overlong 3-byte
      {"\xed\xa0\x80", 0},      // surrogate U+D800
      {"\xf0\x8f\xbf\xbf", 0},  // overlong 4-byte
      {"\xf4\x90\x80\x80", 0},  // above U+10FFFF
      {"\xf5\x80\x80\x80", 0},  // invalid lead
      {"a\xe4\xb8", 1},         // truncated at the end
      {"a\xe4\xb8z", 1},        // truncated before ASCII
      {"\xc3\xa9\xc3", 2},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.text), c.first_invalid) << c.text;
  }
}

// The first invalid byte is found wherever it stands among ASCII runs, which are passed over 8
// bytes at a time: at every offset from 0 to 24, in texts of every length up to 32.
TEST(Utf8Test, FindInvalidUtf8AmongAsciiRuns) {
  for (std::size_t length = 1; length <= 32; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      text[at] = '\xff';
      EXPECT_EQ(FindInvalidUtf8(text), at) << length << " " << at;
      text[at] = 'b';
      EXPECT_EQ(FindInvalidUtf8(text), std::string_view::npos);
    }
  }
  EXPECT_EQ(FindInvalidUtf8(std::string(20, 'a') + "\xc3\xa9" + std::string(9, 'b') + "\xc3"), 31u);
}

TEST(Utf8Test, DecodesAtAnOffset) {
  const std::string text = "a\u00E9\u5145\U00020000";
  char32_t code_point = 0;
  EXPECT_EQ(DecodeUtf8(text, 1, code_point), 2u);
  EXPECT_EQ(code_point, U'\u00E9');
  EXPECT_EQ(DecodeUtf8(text, 3, code_point), 3u);
  EXPECT_EQ(code_point, U'\u5145');
  EXPECT_EQ(DecodeUtf8(text, 6, code_point), 4u);
  EXPECT_EQ(code_point, U'\U00020000');
  EXPECT_EQ(DecodeUtf8(text, 7, code_point), 0u);  // inside a sequence
}

}  // namespace
}  // namespace tradelint
