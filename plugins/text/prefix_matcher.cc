#include "plugins/text/prefix_matcher.h"

#include <algorithm>
#include <set>

namespace tradelint {

std::variant<PrefixMatcher, std::string> PrefixMatcher::Create(
    const std::vector<std::string>& entries) {
  PrefixMatcher matcher;
  std::set<std::string_view> seen;
  std::vector<std::string> distinct;
  for (const std::string& entry : entries) {
    if (entry.empty()) return std::string("an empty prefix would match every text");
    if (!seen.insert(entry).second) continue;
    distinct.push_back(entry);
    if (std::find(matcher.lengths_.begin(), matcher.lengths_.end(), entry.size()) ==
        matcher.lengths_.end()) {
      matcher.lengths_.push_back(entry.size());
    }
  }
  std::sort(matcher.lengths_.begin(), matcher.lengths_.end());
  matcher.prefixes_ = WordTable(distinct);
  return matcher;
}

bool PrefixMatcher::MatchesStartOf(std::string_view text) const {
  for (std::size_t length : lengths_) {
    if (length > text.size()) return false;
    if (prefixes_.Find(text.substr(0, length))) return true;
  }
  return false;
}

}  // namespace tradelint
