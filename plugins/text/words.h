#pragma once
// Splitting text into words for `contains_word`: a word is a maximal run of Unicode letters,
// combining marks and digits, compared after NFKC case folding, and a run is split where the
// script of its letters changes (see script.h). Digits and marks join the run they stand in:
// `iPhone15手机` -> `iphone15`, `手机`. Everything else (spaces, punctuation, symbols,
// apostrophes) separates words: `don't` -> `don`, `t`.
//
// Scripts written without spaces (Chinese, Japanese, Thai) form one word per run of one
// script; `contains_word` then matches whole runs only, and `contains_text` is the substring
// test for them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/text/word_splitter.h"

namespace tradelint {

// A text case-folded (CaseFold) and split into words, in one pass. Assigning the next text
// reuses the storage, so a long-lived FoldedText folds texts without allocating once it has
// grown to their size.
class FoldedText {
 public:
  // Folds and splits `text`; false when `text` is not valid UTF-8 (then it holds no words).
  bool Assign(std::string_view text);

  std::size_t word_count() const { return words_.size(); }
  std::string_view word(std::size_t i) const {
    return std::string_view(folded_).substr(words_[i].begin, words_[i].length);
  }

 private:
  std::string folded_;
  std::vector<WordSpan> words_;  // in text order
};

// Case-folds `text` and splits it into words; nullopt when `text` is not valid UTF-8.
std::optional<std::vector<std::string>> FoldedWords(std::string_view text);

// The same words from a small per-thread cache of the most recent texts: one record's title is
// matched by several rules in several markets and is folded and split once. The result stays
// valid until this thread's next call; null when `text` is not valid UTF-8.
const FoldedText* RecentFoldedWords(std::string_view text);

}  // namespace tradelint
