#include "engine/json/internal/object_members.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace tradelint::json_internal {

namespace {

// One of 64 bits for a key, from its length and its first and last bytes: keys with different
// bits differ. Most objects repeat no key, so most keys are kept without comparing them.
std::uint64_t KeyBit(std::string_view key) {
  const unsigned mix = key.empty() ? 0u
                                   : static_cast<unsigned char>(key.front()) * 7u +
                                         static_cast<unsigned char>(key.back()) * 13u;
  return std::uint64_t{1} << ((key.size() * 31u + mix) % 64u);
}

}  // namespace

void KeepLastOfRepeatedKeys(ValueObject& members) {
  constexpr std::size_t kLinearLimit = 32;
  std::size_t kept = 0;
  if (members.size() <= kLinearLimit) {
    std::uint64_t seen = 0;  // the KeyBit of every kept key
    for (std::size_t i = 0; i < members.size(); ++i) {
      const std::uint64_t bit = KeyBit(members[i].first);
      std::size_t j = (seen & bit) != 0 ? 0 : kept;
      seen |= bit;
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
