#pragma once
// TermMatcher: whether a text contains any entry of a constant list as a substring, compared
// after NFKC case folding (`contains_any`). It complements WordMatcher for scripts written
// without spaces (Chinese, Japanese), where a term such as `高仿` sits inside a longer run of
// characters, and for fragments inside words.
//
// The folded entries are compiled once into one RE2 alternation of literals (one automaton),
// so a match is one pass over the text whatever the size of the list. Immutable
// after Create; thread-safe.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace re2 {
class RE2;
}

namespace tradelint {

class TermMatcher {
 public:
  // An error message when an entry is not valid UTF-8, folds to nothing, or the list is too
  // large for the automaton's memory budget.
  static std::variant<TermMatcher, std::string> Create(const std::vector<std::string>& entries);

  // Whether any entry occurs in `text`; nullopt when `text` is not valid UTF-8.
  std::optional<bool> ContainsAny(std::string_view text) const;

 private:
  std::shared_ptr<const re2::RE2> pattern_;  // the quoted folded entries as one alternation
};

}  // namespace tradelint
