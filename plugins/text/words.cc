#include "plugins/text/words.h"

#include <array>

#include "plugins/text/unicode_text.h"

namespace tradelint {

bool FoldedText::Assign(std::string_view text) {
  folded_.clear();
  words_.clear();
  WordSplitter splitter(words_);
  if (!AppendCaseFold(text, folded_, &splitter)) {
    words_.clear();
    return false;
  }
  splitter.Finish(folded_.size());
  return true;
}

std::optional<std::vector<std::string>> FoldedWords(std::string_view text) {
  FoldedText folded;
  if (!folded.Assign(text)) return std::nullopt;
  std::vector<std::string> words;
  words.reserve(folded.word_count());
  for (std::size_t i = 0; i < folded.word_count(); ++i) words.emplace_back(folded.word(i));
  return words;
}

const FoldedText* RecentFoldedWords(std::string_view text) {
  struct Entry {
    bool filled = false;
    std::string text;
    bool valid = false;
    FoldedText folded;
  };
  constexpr std::size_t kEntries = 8;
  thread_local std::array<Entry, kEntries> recent;
  thread_local std::size_t next = 0;  // the entry replaced next (round robin)
  for (const Entry& entry : recent) {
    if (entry.filled && std::string_view(entry.text) == text) {
      return entry.valid ? &entry.folded : nullptr;
    }
  }
  Entry& entry = recent[next];
  next = (next + 1) % kEntries;
  entry.filled = true;
  entry.text.assign(text);
  entry.valid = entry.folded.Assign(text);
  return entry.valid ? &entry.folded : nullptr;
}

}  // namespace tradelint
