#include "plugins/text/word_table.h"

#include <cassert>
#include <cstring>

namespace tradelint {

WordTable::WordTable(const std::vector<std::string>& keys) {
  std::size_t size = 2;
  while (size < 2 * keys.size()) size *= 2;
  slots_.resize(size);
  for (const std::string& key : keys) bytes_ += key;
  assert(bytes_.size() <= UINT32_MAX && keys.size() < kEmpty);
  std::size_t key_begin = 0;
  for (std::size_t index = 0; index < keys.size(); ++index) {
    const std::uint64_t hash = Hash(keys[index]);
    std::size_t at = hash & (size - 1);
    while (slots_[at].index != kEmpty) at = (at + 1) & (size - 1);
    slots_[at] = {hash, static_cast<std::uint32_t>(key_begin),
                  static_cast<std::uint32_t>(keys[index].size()),
                  static_cast<std::uint32_t>(index)};
    key_begin += keys[index].size();
    const std::size_t bit = SummaryBit(keys[index]);
    summaries_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

std::optional<std::size_t> WordTable::FindHashed(std::string_view word) const {
  const std::uint64_t hash = Hash(word);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.index == kEmpty) return std::nullopt;
    if (slot.hash == hash && slot.key_length == word.size() &&
        (word.empty() ||
         std::memcmp(bytes_.data() + slot.key_begin, word.data(), word.size()) == 0)) {
      return slot.index;
    }
  }
}

}  // namespace tradelint
