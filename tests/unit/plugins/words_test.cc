#include "plugins/text/words.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "plugins/text/script.h"
#include "plugins/text/word_matcher.h"
#include "tests/unit/plugins/function_harness.h"

namespace tradelint {
namespace {

struct SplitCase {
  std::string text;
  std::vector<std::string> words;
};

class FoldedWordsTest : public testing::TestWithParam<SplitCase> {};

TEST_P(FoldedWordsTest, Splits) {
  EXPECT_EQ(FoldedWords(GetParam().text), GetParam().words) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Words, FoldedWordsTest,
    testing::Values(
        SplitCase{"", {}}, SplitCase{"  --  ", {}},
        SplitCase{"Made in USA!", {"made", "in", "usa"}},
        SplitCase{"Zentora充电器", {"zentora", "充电器"}},
        SplitCase{"充电器Zentora", {"充电器", "zentora"}},
        SplitCase{"iPhone15手机", {"iphone15", "手机"}},  // digits join the run they are in
        SplitCase{"2024款Zentora", {"2024款", "zentora"}}, SplitCase{"don't", {"don", "t"}},
        SplitCase{"STRAßE", {"strasse"}},
        SplitCase{"Mu\xCC\x88nchen M\xC3\xBCnchen", {"m\xC3\xBCnchen", "m\xC3\xBCnchen"}},
        SplitCase{"ＺＥＮＴＯＲＡ", {"zentora"}},  // full-width, NFKC
        SplitCase{"شاحن Zentora الأصلي", {"شاحن", "zentora", "الأصلي"}},
        SplitCase{"зарядка-Zentora", {"зарядка", "zentora"}},
        SplitCase{"Zentoraзарядка", {"zentora", "зарядка"}},      // Latin then Cyrillic
        SplitCase{"充電器を買う", {"充電器", "を", "買", "う"}},  // Han / Kana alternate
        SplitCase{"한국어Zentora", {"한국어", "zentora"}},
        SplitCase{"हिन्दी", {"हिन्दी"}},  // Devanagari with combining vowel signs
        SplitCase{"e\xCC\x81t\xC3\xA9", {"\xC3\xA9t\xC3\xA9"}}));

TEST(ScriptTest, ClassifiesByCodePoint) {
  EXPECT_EQ(ScriptOf(U'a'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'ß'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'Ω'), Script::kGreek);
  EXPECT_EQ(ScriptOf(U'Ж'), Script::kCyrillic);
  EXPECT_EQ(ScriptOf(U'א'), Script::kHebrew);
  EXPECT_EQ(ScriptOf(U'ش'), Script::kArabic);
  EXPECT_EQ(ScriptOf(U'ह'), Script::kDevanagari);
  EXPECT_EQ(ScriptOf(U'ก'), Script::kThai);
  EXPECT_EQ(ScriptOf(U'한'), Script::kHangul);
  EXPECT_EQ(ScriptOf(U'カ'), Script::kKana);
  EXPECT_EQ(ScriptOf(U'の'), Script::kKana);
  EXPECT_EQ(ScriptOf(U'充'), Script::kHan);
  EXPECT_EQ(ScriptOf(U'𠀀'), Script::kHan);
  EXPECT_EQ(ScriptOf(U'ა'), Script::kOther);  // Georgian
}

WordMatcher Matcher(const std::vector<std::string>& entries) {
  auto matcher = WordMatcher::Create(entries);
  if (auto* error = std::get_if<std::string>(&matcher)) ADD_FAILURE() << *error;
  return std::get<WordMatcher>(std::move(matcher));
}

TEST(WordMatcherTest, RejectsEntriesWithoutWords) {
  EXPECT_EQ(std::get<std::string>(WordMatcher::Create({"fake", " -- "})),
            "the entry ` -- ` has no word in it");
  EXPECT_EQ(std::get<std::string>(WordMatcher::Create({"\xFF"})),
            "the entry `\xFF` is not valid UTF-8");
}

TEST(WordMatcherTest, KeepsEntriesThatFoldAlikeOnce) {
  EXPECT_EQ(Matcher({"Fake", "fake", "FAKE", "replica"}).size(), 2u);
}

TEST(WordMatcherTest, MatchesPhrasesOfConsecutiveWords) {
  const WordMatcher matcher = Matcher({"made in usa", "made", "usa made"});
  EXPECT_EQ(matcher.Matches("Proudly MADE in the USA"), std::vector<std::string>{"made"});
  EXPECT_EQ(matcher.Matches("made, in USA."), (std::vector<std::string>{"made in usa", "made"}));
  EXPECT_EQ(matcher.Matches("USA-made"), (std::vector<std::string>{"usa made", "made"}));
  EXPECT_EQ(matcher.Matches("in usa"), std::vector<std::string>{});
  EXPECT_EQ(matcher.Matches("made in"), std::vector<std::string>{"made"});  // phrase cut short
  EXPECT_EQ(matcher.ContainsAny("premade"), false);
}

struct ContainsWordCase {
  std::string text;
  std::vector<std::string> words;
  bool expected;
};

class ContainsWordTest : public testing::TestWithParam<ContainsWordCase> {};

TEST_P(ContainsWordTest, Decides) {
  const ContainsWordCase& c = GetParam();
  EXPECT_EQ(Call("contains_word", {Value(c.text), Strings(c.words)}), Value(c.expected)) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Text, ContainsWordTest,
    testing::Values(
        ContainsWordCase{"Zentora充电器", {"zentora"}, true},
        ContainsWordCase{"Zentora充电器", {"充电器"}, true},
        ContainsWordCase{"Zentora充电器", {"充电"}, false},  // runs match whole
        ContainsWordCase{"Zentorax charger", {"zentora"}, false},
        ContainsWordCase{"GROSSE STRAßE 5", {"strasse"}, true},
        ContainsWordCase{"Grosse Strasse", {"STRAßE"}, true},
        ContainsWordCase{"Mu\xCC\x88nchen edition", {"m\xC3\xBCnchen"}, true},  // NFD text
        ContainsWordCase{"M\xC3\xBCnchen edition", {"Mu\xCC\x88nchen"}, true},  // NFD entry
        ContainsWordCase{"شاحن Zentora الأصلي", {"الأصلي"}, true},
        ContainsWordCase{"شاحن Zentora الأصلي", {"الأص"}, false},
        ContainsWordCase{"Made in the USA", {"made in usa"}, false},
        ContainsWordCase{"MADE IN USA", {"made in usa"}, true},
        ContainsWordCase{"", {"fake"}, false}));

TEST(ContainsWordTest, AcceptsASingleStringAsTheList) {
  EXPECT_EQ(Call("contains_word", {Value("a Fake watch"), Value("fake")}), Value(true));
}

TEST(ContainsWordTest, TheWordListMustBeAConstantListOfStrings) {
  const Value text("x");
  const Value words = Strings({"fake"});
  EXPECT_EQ(CheckMessage("contains_word", {ArgumentInfo{Type::String(), &text},
                                           ArgumentInfo{Type::ListOf(Type::String()), nullptr}}),
            "the list must be a constant (a string literal, a list literal, a `const`, a `set` "
            "or a `table`), so that it is compiled once");
  EXPECT_EQ(CheckMessage("contains_word", Infos({text, Value(ValueList{Value("a"), Value(true)})})),
            "the list must hold strings only, found boolean true");
  EXPECT_EQ(CheckMessage("contains_word", Infos({text, Value(Decimal(3))})),
            "the list must be a string or a list of strings, found number");
  EXPECT_EQ(CheckMessage("contains_word", Infos({Value(Decimal(3)), words})),
            "expected a string for argument 1, found number");
  const PrepareResult prepared = Function("contains_word").prepare(Infos({text, Strings({"?"})}));
  ASSERT_TRUE(std::holds_alternative<CheckError>(prepared));
  EXPECT_EQ(std::get<CheckError>(prepared).message, "the entry `?` has no word in it");
  EXPECT_EQ(std::get<CheckError>(prepared).argument, 1);
}

TEST(MatchingWordsTest, ReturnsEntriesAsWrittenInTextOrder) {
  const PreparedCall call("matching_words", {Value(""), Strings({"Replica", "FAKE", "knock off"})});
  EXPECT_EQ(call.Eval({Value("fake replica, a Knock-Off, another fake"), Value()}),
            Strings({"FAKE", "Replica", "knock off"}));
  EXPECT_EQ(call.Eval({Value("genuine"), Value()}), Strings({}));
  EXPECT_TRUE(call.Eval({Value("\xFF"), Value()}).is_missing());
}

// 10,000 entries (single words and phrases) behave like one: every entry is found, nothing
// else is, and the matcher is built once for all evaluations on all threads.
TEST(ContainsWordTest, TenThousandEntries) {
  std::vector<std::string> entries;
  for (int i = 0; i < 10000; ++i) {
    entries.push_back(i % 2 == 0 ? "brand" + std::to_string(i)
                                 : "brand" + std::to_string(i) + " copy");
  }
  const PreparedCall contains("contains_word", {Value(""), Strings(entries)});
  const PreparedCall matching("matching_words", {Value(""), Strings(entries)});
  EXPECT_EQ(contains.Eval({Value("a BRAND9998 bag"), Value()}), Value(true));
  EXPECT_EQ(contains.Eval({Value("a brand9999 bag"), Value()}), Value(false));  // phrase only
  EXPECT_EQ(contains.Eval({Value("a brand9999 copy"), Value()}), Value(true));
  EXPECT_EQ(contains.Eval({Value("brand10000 brand"), Value()}), Value(false));
  EXPECT_EQ(matching.Eval({Value("brand0, brand1 copy and brand2"), Value()}),
            Strings({"brand0", "brand1 copy", "brand2"}));

  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 10000; i += 4) {
        const std::string text = "sale: " + entries[static_cast<std::size_t>(i)] + "!";
        if (contains.Eval({Value(text), Value()}) == Value(true))
          ++found[static_cast<std::size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(found[0] + found[1] + found[2] + found[3], 10000);
}

}  // namespace
}  // namespace tradelint
