#include "engine/screening/sanctions_list.h"

namespace tradelint {

const ListEntry* SanctionsList::Find(std::string_view entry_id) const {
  for (const ListEntry& entry : entries) {
    if (entry.id == entry_id) return &entry;
  }
  return nullptr;
}

std::uint64_t Fnv1a(std::string_view text, std::uint64_t hash) {
  constexpr std::uint64_t kPrime = 1099511628211ull;
  auto step = [&](char c) { hash = (hash ^ static_cast<unsigned char>(c)) * kPrime; };
  // Eight bytes a turn of the loop: the same hash with fewer instructions around it (the lists'
  // text is hashed whole, for the entries' digests, every time they are loaded).
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    step(text[i]);
    step(text[i + 1]);
    step(text[i + 2]);
    step(text[i + 3]);
    step(text[i + 4]);
    step(text[i + 5]);
    step(text[i + 6]);
    step(text[i + 7]);
  }
  for (; i < text.size(); ++i) step(text[i]);
  return hash;
}

}  // namespace tradelint
