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

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

// The words of a text that is already case-folded (CaseFold), as views into it. Requires
// valid UTF-8; stops at the first invalid byte.
std::vector<std::string_view> SplitFoldedWords(std::string_view folded);

// Case-folds `text` and splits it into words; nullopt when `text` is not valid UTF-8.
std::optional<std::vector<std::string>> FoldedWords(std::string_view text);

// The same words as views, from a small per-thread cache of the most recent texts: one
// record's title is matched by several rules in several markets and is folded and split
// once. The views stay valid until this thread's next call; null when `text` is not valid
// UTF-8.
const std::vector<std::string_view>* RecentFoldedWords(std::string_view text);

}  // namespace tradelint
