#include "plugins/text/word_table.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tradelint {
namespace {

TEST(WordTableTest, FindsEachKeyAndNothingElse) {
  const WordTable table({"fake", "replica", "a", "knockoff", "ab", "abc"});
  EXPECT_EQ(table.Find("fake"), 0u);
  EXPECT_EQ(table.Find("replica"), 1u);
  EXPECT_EQ(table.Find("a"), 2u);
  EXPECT_EQ(table.Find("abc"), 5u);
  EXPECT_EQ(table.Find(std::string("knockoff, genuine").substr(0, 8)), 3u);
  EXPECT_EQ(table.Find(""), std::nullopt);
  EXPECT_EQ(table.Find("Fake"), std::nullopt);  // bytes, exact
  EXPECT_EQ(table.Find("abcd"), std::nullopt);
  EXPECT_EQ(WordTable().Find("fake"), std::nullopt);
  EXPECT_EQ(WordTable(std::vector<std::string>{}).Find("fake"), std::nullopt);
}

// The filter on (first byte, last byte, length) lets through words that share all three with a
// key, and the table decides.
TEST(WordTableTest, FilterPassesOnlyToTheTable) {
  const std::string long_key = "k" + std::string(300, 'x') + "z";  // length 302, as 46 mod 256
  const WordTable table({"", "kxz", long_key});
  EXPECT_EQ(table.Find(""), 0u);
  EXPECT_EQ(table.Find(std::string_view()), 0u);  // no bytes to compare
  EXPECT_EQ(table.Find("kxz"), 1u);
  EXPECT_EQ(table.Find(long_key), 2u);
  EXPECT_EQ(table.Find("kyz"), std::nullopt);  // the summary of "kxz"
  EXPECT_EQ(table.Find("k" + std::string(300, 'y') + "z"), std::nullopt);
  EXPECT_EQ(table.Find("k" + std::string(44, 'x') + "z"), std::nullopt);  // length 46
  EXPECT_EQ(table.Find("x" + std::string(300, 'x') + "z"), std::nullopt);
}

// Random words of 1 to 40 bytes (every length class of the hash) from a small alphabet, so that
// many share prefixes and suffixes, with UTF-8 among them: the table agrees with
// std::unordered_map on each key and on as many words that are not keys.
TEST(WordTableTest, AgreesWithUnorderedMapOnRandomWords) {
  std::mt19937 random(13);
  const std::vector<std::string> alphabet = {"a", "b", "z", "0", "\xC3\xA9", "\xE5\x85\x85"};
  const auto random_word = [&] {
    std::string word;
    const std::size_t length = 1 + random() % 40;
    while (word.size() < length) word += alphabet[random() % alphabet.size()];
    return word;
  };
  for (const std::size_t count : {1u, 7u, 100u, 5000u}) {
    std::unordered_map<std::string, std::size_t> expected;
    std::vector<std::string> keys;
    while (keys.size() < count) {
      std::string word = random_word();
      if (expected.emplace(word, keys.size()).second) keys.push_back(std::move(word));
    }
    const WordTable table(keys);
    for (std::size_t i = 0; i < keys.size(); ++i) ASSERT_EQ(table.Find(keys[i]), i) << keys[i];
    for (std::size_t i = 0; i < 2 * count; ++i) {
      const std::string word = random_word();
      const auto it = expected.find(word);
      const std::optional<std::size_t> want =
          it == expected.end() ? std::nullopt : std::optional<std::size_t>(it->second);
      ASSERT_EQ(table.Find(word), want) << word;
    }
  }
}

TEST(WordTableTest, HashDependsOnEveryByte) {
  const std::string base(40, 'x');
  for (std::size_t length = 1; length <= base.size(); ++length) {
    const std::string word = base.substr(0, length);
    for (std::size_t i = 0; i < length; ++i) {
      std::string changed = word;
      changed[i] = 'y';
      EXPECT_NE(WordTable::Hash(changed), WordTable::Hash(word)) << length << " " << i;
    }
    EXPECT_NE(WordTable::Hash(word), WordTable::Hash(base.substr(0, length - 1)));
  }
}

}  // namespace
}  // namespace tradelint
