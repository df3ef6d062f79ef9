#pragma once
// WordMatcher: finds which entries of a word list occur in a text as whole words (words.h).
// An entry may be a phrase (`made in usa`): it matches a sequence of consecutive words.
//
// Built once from a constant list at plan time; matching costs one pass over the text's words
// with one hash lookup per word, whatever the size of the list: entries are indexed by their
// first word (word_table.h), and only the entries starting with a text word are compared
// further. Immutable after Create; safe to use from several threads.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plugins/text/word_table.h"

namespace tradelint {

class WordMatcher {
 public:
  // Builds the matcher; an error message when an entry is not valid UTF-8 or has no word in
  // it (`"--"`). Entries that fold to the same words as an earlier one are kept once (the
  // first as written).
  static std::variant<WordMatcher, std::string> Create(const std::vector<std::string>& entries);

  // Whether any entry occurs in `text`; nullopt when `text` is not valid UTF-8.
  std::optional<bool> ContainsAny(std::string_view text) const;

  // The entries that occur in `text`, as written in the list, each once, in the order of their
  // first occurrence; nullopt when `text` is not valid UTF-8.
  std::optional<std::vector<std::string>> Matches(std::string_view text) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> words;  // folded; words[0] is its group's key
    std::size_t entry = 0;           // index into entries_
  };

  // Calls `found(entry)` for each match, in text order, until it returns false. Returns false
  // when `text` is not valid UTF-8.
  template <typename Found>
  bool ForEachMatch(std::string_view text, Found found) const;

  std::vector<std::string> entries_;  // as written
  // The phrases grouped by first word, each group in list order: group g is
  // phrases_[group_begins_[g], group_begins_[g + 1]), and first_words_ maps its first word to g.
  WordTable first_words_;
  std::vector<Phrase> phrases_;
  std::vector<std::size_t> group_begins_;
};

}  // namespace tradelint
