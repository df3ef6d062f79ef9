#include "plugins/text/word_table.h"

#include <cassert>
#include <cstring>

namespace tradelint {
namespace {

constexpr std::uint64_t kMultiplier1 = 0x9E3779B97F4A7C15;  // 2^64 / golden ratio
constexpr std::uint64_t kMultiplier2 = 0xC2B2AE3D27D4EB4F;
constexpr std::uint64_t kMultiplier3 = 0x165667B19E3779F9;

std::uint64_t Load64(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

std::uint64_t Load32(const char* bytes) {
  std::uint32_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Mixes two words and a length into 64 well-distributed bits.
std::uint64_t Mix(std::uint64_t a, std::uint64_t b, std::size_t length) {
  std::uint64_t hash = (a * kMultiplier1) ^ ((b ^ length) * kMultiplier2);
  hash ^= hash >> 32;
  hash *= kMultiplier3;
  hash ^= hash >> 29;
  return hash;
}

}  // namespace

std::uint64_t WordTable::Hash(std::string_view word) {
  const char* bytes = word.data();
  const std::size_t length = word.size();
  if (length >= 8) {  // 8-byte blocks, then the last 8 bytes (which may overlap the last block)
    std::uint64_t state = 0;
    std::size_t i = 0;
    for (; i + 16 < length; i += 8) state = Mix(state, Load64(bytes + i), i);
    return Mix(state ^ Load64(bytes + i), Load64(bytes + length - 8), length);
  }
  if (length >= 4) return Mix(Load32(bytes), Load32(bytes + length - 4), length);
  if (length > 0) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(
                                               static_cast<unsigned char>(bytes[i])); };
    return Mix(byte(0) | byte(length / 2) << 8 | byte(length - 1) << 16, 0, length);
  }
  return Mix(0, 0, 0);
}

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
  }
}

std::optional<std::size_t> WordTable::Find(std::string_view word) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t hash = Hash(word);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.index == kEmpty) return std::nullopt;
    if (slot.hash == hash && slot.key_length == word.size() &&
        std::string_view(bytes_).substr(slot.key_begin, slot.key_length) == word) {
      return slot.index;
    }
  }
}

}  // namespace tradelint
