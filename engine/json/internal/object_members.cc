#include "engine/json/internal/object_members.h"

#include <string_view>
#include <unordered_map>

namespace tradelint::json_internal {

void KeepLastOfRepeatedKeys(ValueObject& members) {
  constexpr std::size_t kLinearLimit = 32;
  std::size_t kept = 0;
  if (members.size() <= kLinearLimit) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      std::size_t j = 0;
      while (j < kept && members[j].first != members[i].first) ++j;
      if (j < kept) {
        members[j].second = std::move(members[i].second);
      } else {
        if (kept != i) members[kept] = std::move(members[i]);
        ++kept;
      }
    }
  } else {
    // Views into members[0, kept): those elements are never moved again.
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < members.size(); ++i) {
      auto found = index.find(members[i].first);
      if (found != index.end()) {
        members[found->second].second = std::move(members[i].second);
      } else {
        if (kept != i) members[kept] = std::move(members[i]);
        index.emplace(members[kept].first, kept);
        ++kept;
      }
    }
  }
  members.resize(kept);
}

}  // namespace tradelint::json_internal
