// ASCII case mapping: A-Z and a-z only, every other byte (UTF-8 among them) as it is.
#include "engine/base/ascii_case.h"

#include <gtest/gtest.h>

#include <string>

namespace tradelint {
namespace {

TEST(AsciiCase, MapsEveryAsciiLetterAndKeepsEveryOtherByte) {
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    const std::string text(1, c);
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    EXPECT_EQ(AsciiLower(text), std::string(1, upper ? static_cast<char>(c + 32) : c)) << byte;
    EXPECT_EQ(AsciiUpper(text), std::string(1, lower ? static_cast<char>(c - 32) : c)) << byte;
  }
  EXPECT_EQ(AsciiLower("Ärger GmbH"), "Ärger gmbh");
  EXPECT_EQ(AsciiUpper("zh-hant"), "ZH-HANT");
  std::string out = "x:";
  AppendAsciiLower(out, "DE-AT");
  EXPECT_EQ(out, "x:de-at");
}

TEST(AsciiCase, EqualsIgnoringCaseTakesOnlyLettersAsTheSame) {
  EXPECT_TRUE(AsciiEqualsIgnoringCase("TRUE", "true"));
  EXPECT_TRUE(AsciiEqualsIgnoringCase(".JsonL", ".jsonl"));
  EXPECT_TRUE(AsciiEqualsIgnoringCase("", ""));
  EXPECT_FALSE(AsciiEqualsIgnoringCase("true", "tru"));
  EXPECT_FALSE(AsciiEqualsIgnoringCase("truе", "true"));  // a Cyrillic е
  // Pairs that differ by 0x20 but are not letters.
  EXPECT_FALSE(AsciiEqualsIgnoringCase("@", "`"));
  EXPECT_FALSE(AsciiEqualsIgnoringCase("[", "{"));
  EXPECT_FALSE(AsciiEqualsIgnoringCase("\x10", "0"));
  for (int x = 0; x < 256; ++x) {
    for (int y = 0; y < 256; ++y) {
      const std::string a(1, static_cast<char>(x));
      const std::string b(1, static_cast<char>(y));
      EXPECT_EQ(AsciiEqualsIgnoringCase(a, b), AsciiLower(a) == AsciiLower(b)) << x << " " << y;
    }
  }
}

}  // namespace
}  // namespace tradelint
