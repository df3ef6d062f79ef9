// FoldedText folds and splits a text in one pass, with ASCII runs taken at once and other code
// points through a table (code_point_class.h). These tests compare it, on random texts that mix
// ASCII with letters of other scripts, combining marks, compatibility forms and letters that fold
// to several, with the definition: the whole text folded by utf8proc at once (NFKC with case
// folding), then split code point by code point by utf8proc's categories and ScriptOf.

#include <utf8proc.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "plugins/text/script.h"
#include "plugins/text/unicode_text.h"
#include "plugins/text/words.h"
#include "tests/unit/plugins/utf8proc_fold.h"

namespace tradelint {
namespace {

// The words of words.h, by their definition.
std::vector<std::string> SplitAtOnce(const std::string& folded) {
  std::vector<std::string> words;
  std::string word;
  std::optional<Script> script;  // of the current word's letters
  const auto finish = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
    script.reset();
  };
  std::size_t offset = 0;
  while (offset < folded.size()) {
    utf8proc_int32_t code_point = 0;
    const auto length = static_cast<std::size_t>(
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data()) + offset,
                         static_cast<utf8proc_ssize_t>(folded.size() - offset), &code_point));
    const std::string bytes = folded.substr(offset, length);
    offset += length;
    switch (utf8proc_category(code_point)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
        if (script && *script != ScriptOf(static_cast<char32_t>(code_point))) finish();
        script = ScriptOf(static_cast<char32_t>(code_point));
        word += bytes;
        break;
      case UTF8PROC_CATEGORY_MN:
      case UTF8PROC_CATEGORY_MC:
      case UTF8PROC_CATEGORY_ME:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        word += bytes;
        break;
      default:
        finish();
    }
  }
  finish();
  return words;
}

// Pieces of text: ASCII letters, digits, spaces and punctuation (most of the weight, in runs),
// Latin with and without combining marks, letters that fold to several (ß, ﬁ, İ), full-width
// forms, Greek final sigma, Cyrillic, Arabic with a composing mark, Devanagari with vowel signs,
// Hangul syllables and jamo, Han, kana with a voicing mark, a supplementary Han letter, and
// punctuation outside ASCII.
const std::vector<std::string> kPieces = {
    "a",          "Z",      "e",      "E",      "x",      "Q",      "5",       "0",        " ",
    "  ",         "-",      "'",      ".",      "\t",     "fake",   "REPLICA", "iPhone15", "\u0301",
    "\u0308",     "\u0323", "\u00C5", "\u00FC", "\u00DF", "\uFB01", "\u0130",  "\uFF21",   "\uFF0C",
    "\u3002",     "\u03A3", "\u03C2", "\u0416", "\u0436", "\u0627", "\u0653",  "\u0936",   "\u093F",
    "\uD55C",     "\u1100", "\u1161", "\u11A8", "\u5145", "\u7535", "\u304B",  "\u3099",   "\u30AB",
    "\U00020000", "\u00BD", "\u2122", "\u00A0"};

std::string RandomText(std::mt19937& random) {
  std::string text;
  const std::size_t pieces = random() % 40;
  for (std::size_t i = 0; i < pieces; ++i) text += kPieces[random() % kPieces.size()];
  return text;
}

TEST(FoldedTextTest, AgreesWithUtf8procAndTheDefinitionOnRandomTexts) {
  std::mt19937 random(7);
  FoldedText reused;  // also checks that assigning the next text forgets the last
  for (int i = 0; i < 10000; ++i) {
    const std::string text = RandomText(random);
    const std::optional<std::string> folded = FoldAtOnce(text);
    ASSERT_TRUE(folded.has_value());
    ASSERT_EQ(CaseFold(text), folded) << text;
    const std::vector<std::string> expected = SplitAtOnce(*folded);
    ASSERT_EQ(FoldedWords(text), expected) << text;
    ASSERT_TRUE(reused.Assign(text));
    ASSERT_EQ(reused.word_count(), expected.size()) << text;
    for (std::size_t w = 0; w < expected.size(); ++w) ASSERT_EQ(reused.word(w), expected[w]);
  }
}

TEST(FoldedTextTest, LongAsciiRunsAroundOtherCodePoints) {
  const std::string run = "Made in the USA, 100% GENUINE leather: no replica ";
  for (const std::string middle : {"", "e\u0301", "\u5145\u7535", "\u00DF", "\uFF21"}) {
    const std::string text = run + run + middle + run + "E";
    EXPECT_EQ(FoldedWords(text), SplitAtOnce(*FoldAtOnce(text))) << text;
  }
}

TEST(FoldedTextTest, InvalidUtf8HasNoWords) {
  FoldedText folded;
  ASSERT_TRUE(folded.Assign("a fake watch"));
  for (const std::string text : {"\xFF", "abc \xFF", "fake \xE4\xB8", "e\xCC", "\xC3\xA9\x80"}) {
    EXPECT_FALSE(folded.Assign(text)) << text;
    EXPECT_EQ(folded.word_count(), 0u);
    EXPECT_EQ(FoldedWords(text), std::nullopt);
  }
}

// The per-thread cache gives the words of the text asked for, whatever it held: more texts than
// it keeps, in turn, and texts that differ in one byte or in length only.
TEST(FoldedTextTest, RecentFoldedWordsGivesTheWordsOfEachText) {
  std::vector<std::string> texts = {"",
                                    "fake",
                                    "Fake watch",
                                    "fake watch",
                                    "fake watc",
                                    "\u5145\u7535\u5668 Zentora",
                                    "e\u0301t\u00E9"};
  for (int i = 0; i < 12; ++i) texts.push_back("brand" + std::to_string(i) + " copy");
  for (int round = 0; round < 3; ++round) {
    for (const std::string& text : texts) {
      const FoldedText* folded = RecentFoldedWords(text);
      ASSERT_NE(folded, nullptr) << text;
      std::vector<std::string> words;
      for (std::size_t w = 0; w < folded->word_count(); ++w) words.emplace_back(folded->word(w));
      EXPECT_EQ(words, FoldedWords(text)) << text;
    }
  }
  EXPECT_EQ(RecentFoldedWords("a \xFF"), nullptr);
  EXPECT_EQ(RecentFoldedWords("a \xFF"), nullptr);
  EXPECT_NE(RecentFoldedWords("a"), nullptr);
}

}  // namespace
}  // namespace tradelint
