#include "plugins/text/prefix_matcher.h"

#include <algorithm>

namespace tradelint {

std::variant<PrefixMatcher, std::string> PrefixMatcher::Create(
    const std::vector<std::string>& entries) {
  PrefixMatcher matcher;
  for (const std::string& entry : entries) {
    if (entry.empty()) return std::string("an empty prefix would match every text");
    matcher.prefixes_.insert(entry);
    if (std::find(matcher.lengths_.begin(), matcher.lengths_.end(), entry.size()) ==
        matcher.lengths_.end()) {
      matcher.lengths_.push_back(entry.size());
    }
  }
  std::sort(matcher.lengths_.begin(), matcher.lengths_.end());
  return matcher;
}

bool PrefixMatcher::MatchesStartOf(std::string_view text) const {
  for (std::size_t length : lengths_) {
    if (length > text.size()) return false;
    if (prefixes_.find(text.substr(0, length)) != prefixes_.end()) return true;
  }
  return false;
}

}  // namespace tradelint
