#include "engine/source/source.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace tradelint {
namespace {

std::shared_ptr<const SourceFile> File(std::string text) {
  return std::make_shared<const SourceFile>("rules/test.trl", std::move(text));
}

struct PositionCase {
  std::string text;
  std::size_t offset;
  int line;
  int column;
};

class PositionTest : public testing::TestWithParam<PositionCase> {};

TEST_P(PositionTest, CountsLinesAndCodePoints) {
  const PositionCase& c = GetParam();
  const SourceFile::Position position = File(c.text)->PositionOf(c.offset);
  EXPECT_EQ(position.line, c.line) << c.text << " @" << c.offset;
  EXPECT_EQ(position.column, c.column) << c.text << " @" << c.offset;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PositionTest,
    testing::Values(PositionCase{"", 0, 1, 1}, PositionCase{"abc", 0, 1, 1},
                    PositionCase{"abc", 2, 1, 3}, PositionCase{"abc", 3, 1, 4},
                    PositionCase{"ab\ncd", 2, 1, 3},  // the line break belongs to line 1
                    PositionCase{"ab\ncd", 3, 2, 1}, PositionCase{"ab\ncd", 4, 2, 2},
                    PositionCase{"ab\n\ncd", 4, 3, 1}, PositionCase{"ab\n", 3, 2, 1},
                    // "é" is two bytes and "€" three, each one column.
                    PositionCase{"é€x", 5, 1, 3}, PositionCase{"x\n\xC3\xA9y", 4, 2, 2},
                    PositionCase{"abc", 99, 1, 4}));

TEST(SourceFileTest, Lines) {
  const auto file = File("first\r\nsecond\n\nlast");
  EXPECT_EQ(file->line_count(), 4);
  EXPECT_EQ(file->Line(1), "first");
  EXPECT_EQ(file->Line(2), "second");
  EXPECT_EQ(file->Line(3), "");
  EXPECT_EQ(file->Line(4), "last");
  EXPECT_EQ(file->Line(0), "");
  EXPECT_EQ(file->Line(5), "");
  EXPECT_EQ(File("a\n")->line_count(), 2);
  EXPECT_EQ(File("")->line_count(), 1);
  EXPECT_EQ(file->path(), "rules/test.trl");
}

TEST(SpanTest, TextLocationAndCover) {
  const auto file = File("rule A {\n  require présent(x)\n}");
  const Span require{file, 11, 18};
  EXPECT_EQ(require.text(), "require");
  EXPECT_EQ(require.Location(), "rules/test.trl:2:3");
  const Span x{file, 28, 29};
  EXPECT_EQ(x.text(), "x");
  EXPECT_EQ(x.Location(), "rules/test.trl:2:19");  // "é" counts as one column
  const Span both = Span::Cover(x, require);
  EXPECT_EQ(both.begin, 11u);
  EXPECT_EQ(both.end, 29u);
  EXPECT_EQ(both.text(), "require présent(x");
  EXPECT_EQ(Span::Cover(Span{}, x).text(), "x");
  EXPECT_EQ(Span::Cover(x, Span{}).text(), "x");
}

TEST(SpanTest, InvalidSpanPointsNowhere) {
  const Span nowhere;
  EXPECT_FALSE(nowhere.valid());
  EXPECT_EQ(nowhere.text(), "");
  EXPECT_EQ(nowhere.Location(), "");
}

TEST(SpanTest, TextIsClippedToTheFile) {
  const auto file = File("abc");
  EXPECT_EQ((Span{file, 1, 99}).text(), "bc");
  EXPECT_EQ((Span{file, 50, 99}).text(), "");
}

}  // namespace
}  // namespace tradelint
