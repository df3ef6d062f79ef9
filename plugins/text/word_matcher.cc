#include "plugins/text/word_matcher.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "plugins/text/words.h"

namespace tradelint {

std::variant<WordMatcher, std::string> WordMatcher::Create(
    const std::vector<std::string>& entries) {
  WordMatcher matcher;
  std::set<std::vector<std::string>> seen;
  std::vector<std::string> first_words;                   // of each group
  std::unordered_map<std::string, std::size_t> group_of;  // first word -> group
  std::vector<std::vector<Phrase>> groups;
  for (const std::string& entry : entries) {
    std::optional<std::vector<std::string>> words = FoldedWords(entry);
    if (!words) return "the entry `" + entry + "` is not valid UTF-8";
    if (words->empty()) return "the entry `" + entry + "` has no word in it";
    if (!seen.insert(*words).second) continue;
    const auto [group, added] = group_of.try_emplace(words->front(), groups.size());
    if (added) {
      first_words.push_back(words->front());
      groups.emplace_back();
    }
    groups[group->second].push_back({std::move(*words), matcher.entries_.size()});
    matcher.entries_.push_back(entry);
  }
  for (std::vector<Phrase>& group : groups) {
    matcher.group_begins_.push_back(matcher.phrases_.size());
    for (Phrase& phrase : group) matcher.phrases_.push_back(std::move(phrase));
  }
  matcher.group_begins_.push_back(matcher.phrases_.size());
  matcher.first_words_ = WordTable(first_words);
  return matcher;
}

template <typename Found>
bool WordMatcher::ForEachMatch(std::string_view text, Found found) const {
  const FoldedText* folded = RecentFoldedWords(text);
  if (folded == nullptr) return false;
  const std::size_t word_count = folded->word_count();
  for (std::size_t i = 0; i < word_count; ++i) {
    const std::optional<std::size_t> group = first_words_.Find(folded->word(i));
    if (!group) continue;
    for (std::size_t p = group_begins_[*group]; p < group_begins_[*group + 1]; ++p) {
      const Phrase& phrase = phrases_[p];
      if (phrase.words.size() > word_count - i) continue;
      bool rest_matches = true;
      for (std::size_t k = 1; k < phrase.words.size() && rest_matches; ++k) {
        rest_matches = phrase.words[k] == folded->word(i + k);
      }
      if (rest_matches && !found(phrase.entry)) return true;
    }
  }
  return true;
}

std::optional<bool> WordMatcher::ContainsAny(std::string_view text) const {
  bool any = false;
  const bool valid = ForEachMatch(text, [&](std::size_t) {
    any = true;
    return false;  // one match decides
  });
  if (!valid) return std::nullopt;
  return any;
}

std::optional<std::vector<std::string>> WordMatcher::Matches(std::string_view text) const {
  std::vector<std::size_t> reported;  // few: a text names few entries, whatever the list size
  std::vector<std::string> matches;
  const bool valid = ForEachMatch(text, [&](std::size_t entry) {
    if (std::find(reported.begin(), reported.end(), entry) == reported.end()) {
      reported.push_back(entry);
      matches.push_back(entries_[entry]);
    }
    return true;
  });
  if (!valid) return std::nullopt;
  return matches;
}

}  // namespace tradelint
