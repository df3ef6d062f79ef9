// Printable: text from records and file names made safe for a terminal.
#include "engine/report/terminal_text.h"

#include <gtest/gtest.h>

#include <string>

namespace tradelint {
namespace {

TEST(PrintableTest, KeepsOrdinaryText) {
  EXPECT_EQ(Printable("L-1001 Holzbausteine, 120 Teile"), "L-1001 Holzbausteine, 120 Teile");
  EXPECT_EQ(Printable("Größe ≤ 3 € — 日本語 😀 עברית"), "Größe ≤ 3 € — 日本語 😀 עברית");
  EXPECT_EQ(Printable(""), "");
}

TEST(PrintableTest, EscapesC0ControlsAndDelete) {
  EXPECT_EQ(Printable("EVIL\x1b[2J"), "EVIL\\x1b[2J");
  EXPECT_EQ(Printable("a\nb\rc\td"), "a\\x0ab\\x0dc\\x09d");
  EXPECT_EQ(Printable(std::string("nul\0end", 7)), "nul\\x00end");
  EXPECT_EQ(Printable("del\x7f"), "del\\x7f");
}

TEST(PrintableTest, EscapesC1Controls) {
  EXPECT_EQ(Printable("list\u009b1m"), "list\\u009b1m");  // CSI
  EXPECT_EQ(Printable("\u0080\u009f"), "\\u0080\\u009f");
  EXPECT_EQ(Printable("\u00a0"), "\u00a0");  // the first character after them is kept
}

TEST(PrintableTest, EscapesBidirectionalFormatting) {
  EXPECT_EQ(Printable("abc\u202edcba"), "abc\\u202edcba");  // right-to-left override
  for (const char* c : {"\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
                        "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    EXPECT_EQ(Printable(c).substr(0, 2), "\\u") << c;
  }
  EXPECT_EQ(Printable("\u200d\u2065\u206a"), "\u200d\u2065\u206a");  // neighbours are kept
}

TEST(PrintableTest, EscapesBytesThatAreNotUtf8) {
  EXPECT_EQ(Printable("\x9b"
                      "1m"),
            "\\x9b1m");                            // a lone C1 byte (CSI in 8-bit terminals)
  EXPECT_EQ(Printable("caf\xe9"), "caf\\xe9");     // Latin-1
  EXPECT_EQ(Printable("\xc0\x80"), "\\xc0\\x80");  // overlong NUL
  EXPECT_EQ(Printable("\xed\xa0\x80"), "\\xed\\xa0\\x80");           // surrogate
  EXPECT_EQ(Printable("\xe2\x80"), "\\xe2\\x80");                    // cut short
  EXPECT_EQ(Printable("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
}

}  // namespace
}  // namespace tradelint
