#include "engine/screening/sanctions_list.h"

namespace tradelint {

const ListEntry* SanctionsList::Find(std::string_view entry_id) const {
  for (const ListEntry& entry : entries) {
    if (entry.id == entry_id) return &entry;
  }
  return nullptr;
}

std::uint64_t Fnv1a(std::string_view text, std::uint64_t hash) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace tradelint
