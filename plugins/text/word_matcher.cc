#include "plugins/text/word_matcher.h"

#include <algorithm>
#include <set>

#include "plugins/text/unicode_text.h"
#include "plugins/text/words.h"

namespace tradelint {

std::variant<WordMatcher, std::string> WordMatcher::Create(
    const std::vector<std::string>& entries) {
  WordMatcher matcher;
  std::set<std::vector<std::string>> seen;
  for (const std::string& entry : entries) {
    std::optional<std::vector<std::string>> words = FoldedWords(entry);
    if (!words) return "the entry `" + entry + "` is not valid UTF-8";
    if (words->empty()) return "the entry `" + entry + "` has no word in it";
    if (!seen.insert(*words).second) continue;
    const std::string first = words->front();
    matcher.by_first_word_[first].push_back({std::move(*words), matcher.entries_.size()});
    matcher.entries_.push_back(entry);
  }
  return matcher;
}

template <typename Found>
bool WordMatcher::ForEachMatch(std::string_view text, Found found) const {
  const std::vector<std::string_view>* folded_words = RecentFoldedWords(text);
  if (folded_words == nullptr) return false;
  const std::vector<std::string_view>& words = *folded_words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = by_first_word_.find(words[i]);
    if (it == by_first_word_.end()) continue;
    for (const Phrase& phrase : it->second) {
      if (phrase.words.size() > words.size() - i) continue;
      if (!std::equal(phrase.words.begin() + 1, phrase.words.end(), words.begin() + i + 1)) {
        continue;
      }
      if (!found(phrase.entry)) return true;
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
