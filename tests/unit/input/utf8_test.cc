// UTF-8 validation and character counting under the readers' positions and messages.

#include "engine/input/internal/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/input/internal/text_position.h"

namespace tradelint {
namespace {

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

TEST(Utf8Test, CountCharacters) {
  EXPECT_EQ(CountCharacters(""), 0u);
  EXPECT_EQ(CountCharacters("abc"), 3u);
  EXPECT_EQ(CountCharacters("\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"), 3u);
}

TEST(TextPositionTest, PositionIn) {
  const std::string text = "ab\n\xc3\xa9x\nz";
  const TextPosition start{5, 10};
  const auto at = [&](std::size_t offset) { return PositionIn(text, offset, start).ToString(); };
  EXPECT_EQ(at(0), "line 5, column 10");
  EXPECT_EQ(at(2), "line 5, column 12");
  EXPECT_EQ(at(3), "line 6, column 1");
  EXPECT_EQ(at(5), "line 6, column 2");  // after the 2-byte `é`
  EXPECT_EQ(at(7), "line 7, column 1");
  EXPECT_EQ(at(100), "line 7, column 2");  // past the end: the end
}

}  // namespace
}  // namespace tradelint
