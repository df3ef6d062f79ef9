// PrefixMatcher (has_prefix) and TermMatcher (contains_any).
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "plugins/text/prefix_matcher.h"
#include "plugins/text/term_matcher.h"

namespace tradelint {
namespace {

PrefixMatcher Prefixes(const std::vector<std::string>& entries) {
  auto matcher = PrefixMatcher::Create(entries);
  EXPECT_TRUE(std::holds_alternative<PrefixMatcher>(matcher));
  return std::get<PrefixMatcher>(std::move(matcher));
}

TermMatcher Terms(const std::vector<std::string>& entries) {
  auto matcher = TermMatcher::Create(entries);
  EXPECT_TRUE(std::holds_alternative<TermMatcher>(matcher)) << std::get<std::string>(matcher);
  return std::get<TermMatcher>(std::move(matcher));
}

TEST(PrefixMatcherTest, MatchesHeadingsAndSubheadingsOfDifferentLengths) {
  const PrefixMatcher matcher = Prefixes({"8507", "850650", "95"});
  EXPECT_TRUE(matcher.MatchesStartOf("850760"));
  EXPECT_TRUE(matcher.MatchesStartOf("8507"));
  EXPECT_TRUE(matcher.MatchesStartOf("85065010"));
  EXPECT_TRUE(matcher.MatchesStartOf("950300"));
  EXPECT_FALSE(matcher.MatchesStartOf("850610")) << "8506 alone is not listed";
  EXPECT_FALSE(matcher.MatchesStartOf("850"));
  EXPECT_FALSE(matcher.MatchesStartOf(""));
  EXPECT_FALSE(matcher.MatchesStartOf("188507")) << "a prefix, not a substring";
}

TEST(PrefixMatcherTest, RepeatedEntriesAreKeptOnce) {
  const PrefixMatcher matcher = Prefixes({"8507", "95", "8507"});
  EXPECT_TRUE(matcher.MatchesStartOf("850760"));
  EXPECT_TRUE(matcher.MatchesStartOf("9503"));
  EXPECT_FALSE(matcher.MatchesStartOf("8506"));
}

TEST(PrefixMatcherTest, AnEmptyEntryIsAnError) {
  EXPECT_TRUE(std::holds_alternative<std::string>(PrefixMatcher::Create({"85", ""})));
}

TEST(PrefixMatcherTest, TenThousandEntriesMatchLikeOne) {
  std::vector<std::string> entries;
  for (int i = 0; i < 10000; ++i) entries.push_back(std::to_string(100000 + i));
  const PrefixMatcher matcher = Prefixes(entries);
  EXPECT_TRUE(matcher.MatchesStartOf("1099991234"));
  EXPECT_FALSE(matcher.MatchesStartOf("1100001234"));
}

TEST(TermMatcherTest, FindsChineseTermsInsideUnbrokenText) {
  const TermMatcher matcher = Terms({"高仿", "a货"});
  EXPECT_EQ(matcher.ContainsAny("正品高仿名牌手表"), true);
  EXPECT_EQ(matcher.ContainsAny("A货包包"), true) << "case folding of the Latin letter";
  EXPECT_EQ(matcher.ContainsAny("正品名牌手表"), false);
}

TEST(TermMatcherTest, FoldsArabicPresentationFormsFullwidthLatinAndSharpS) {
  const TermMatcher matcher = Terms({"لا أصلي", "replica", "straße"});
  EXPECT_EQ(matcher.ContainsAny("ساعة \uFEFB أصلي"), true) << "U+FEFB is the ligature of لا";
  EXPECT_EQ(matcher.ContainsAny("Ｒｅｐｌｉｃａ watch"), true);
  EXPECT_EQ(matcher.ContainsAny("HAUPTSTRASSE"), true) << "inside a word, ß folded to ss";
  EXPECT_EQ(matcher.ContainsAny("original watch"), false);
}

TEST(TermMatcherTest, TermsAreLiteralNotPatterns) {
  const TermMatcher matcher = Terms({"a.b", "(c)"});
  EXPECT_EQ(matcher.ContainsAny("axb"), false);
  EXPECT_EQ(matcher.ContainsAny("x a.b y"), true);
  EXPECT_EQ(matcher.ContainsAny("(c)"), true);
}

TEST(TermMatcherTest, InvalidTextIsUnknownAndAnEmptyListMatchesNothing) {
  EXPECT_EQ(Terms({"x"}).ContainsAny("\xff"), std::nullopt);
  EXPECT_EQ(Terms({}).ContainsAny("anything"), false);
  EXPECT_TRUE(std::holds_alternative<std::string>(TermMatcher::Create({""})));
  EXPECT_TRUE(std::holds_alternative<std::string>(TermMatcher::Create({"\xff"})));
}

TEST(TermMatcherTest, ThousandsOfTermsCompileIntoOneMatcher) {
  std::vector<std::string> entries;
  for (int i = 0; i < 10000; ++i) entries.push_back("brand" + std::to_string(i) + "x");
  const TermMatcher matcher = Terms(entries);
  EXPECT_EQ(matcher.ContainsAny("new BRAND9999X shoes"), true);
  EXPECT_EQ(matcher.ContainsAny("new brand10000x shoes"), false);
}

}  // namespace
}  // namespace tradelint
