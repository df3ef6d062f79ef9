// Character counting under the readers' positions and messages.

#include "engine/input/internal/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/input/internal/text_position.h"

namespace tradelint {
namespace {

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
