#pragma once
// PrefixMatcher: whether a text starts with any entry of a constant list (`has_prefix`), as
// used for tariff (HS) code chapters and headings: `8507` matches `850760` and `8507.60.00`.
//
// Entries are kept in a WordTable (word_table.h) with the distinct entry lengths, so a match
// costs one lookup per distinct length (at most a handful for code lists), whatever the size of
// the list.
// Comparison is by bytes, exact: codes are ASCII. Immutable after Create; thread-safe.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plugins/text/word_table.h"

namespace tradelint {

class PrefixMatcher {
 public:
  // An error message when an entry is empty (it would match every text).
  static std::variant<PrefixMatcher, std::string> Create(const std::vector<std::string>& entries);

  bool MatchesStartOf(std::string_view text) const;

 private:
  WordTable prefixes_;                // the distinct entries
  std::vector<std::size_t> lengths_;  // distinct entry lengths, ascending
};

}  // namespace tradelint
