// LSP positions count UTF-16 code units; the engine counts bytes.
#include "tools/tradelint/lsp/text_position.h"

#include <gtest/gtest.h>

#include <string>

namespace tradelint::lsp {
namespace {

// "Größe 😀 x": ö and ß take 2 bytes and 1 unit, 😀 takes 4 bytes and 2 units (a surrogate pair).
constexpr char kText[] =
    "ascii\r\nGr\xC3\xB6\xC3\x9F"
    "e \xF0\x9F\x98\x80 x\nlast";

TEST(LineIndexTest, ByteOffsetsBecomeUtf16Positions) {
  const std::string text = kText;
  const LineIndex lines(text);
  EXPECT_EQ(lines.PositionOf(0).line, 0);
  const std::size_t x = text.find(" x") + 1;
  const Position position = lines.PositionOf(x);
  EXPECT_EQ(position.line, 1);
  EXPECT_EQ(position.character, 9);  // G r ö ß e ␠ 😀(2) ␠
  EXPECT_EQ(lines.PositionOf(text.find("last")).line, 2);
  EXPECT_EQ(lines.PositionOf(text.size() + 10).character, 4);  // clamped to the end
}

TEST(LineIndexTest, Utf16PositionsBecomeByteOffsets) {
  const std::string text = kText;
  const LineIndex lines(text);
  EXPECT_EQ(lines.OffsetOf({1, 9}), text.find(" x") + 1);
  EXPECT_EQ(lines.OffsetOf({1, 0}), text.find("Gr"));
  // Inside the surrogate pair: the end of the code point.
  EXPECT_EQ(lines.OffsetOf({1, 7}), text.find(" x"));
  // Past the end of a line: the line's end, before `\r\n`.
  EXPECT_EQ(lines.OffsetOf({0, 99}), 5u);
  // Past the last line: the end of the text.
  EXPECT_EQ(lines.OffsetOf({9, 0}), text.size());
  EXPECT_EQ(lines.OffsetOf({-1, 0}), 0u);
}

TEST(LineIndexTest, RoundTripsEveryCodePointStart) {
  const std::string text = kText;
  const LineIndex lines(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
    if (offset < text.size() && text[offset] == '\n' && offset > 0 && text[offset - 1] == '\r') {
      continue;  // the `\n` of `\r\n` is not a position of its own
    }
    EXPECT_EQ(lines.OffsetOf(lines.PositionOf(offset)), offset) << offset;
  }
}

}  // namespace
}  // namespace tradelint::lsp
