#pragma once
// WordTable: a constant map from distinct words (short byte strings) to their index in the list
// it was built from, looked up with a std::string_view. For keyword lists matched against every
// word of every text, where most lookups find nothing: the keys are copied into one buffer, and
// the slots form one flat array with open addressing (linear probing, at most half full), each
// holding its key's full hash, so a lookup is a hash of the word and, nearly always, one or two
// slots compared without touching the keys. Before that, a bitmap of 2^14 bits, one set for
// each key's (first byte, last byte, length) summary, turns most words that are not keys away
// with a few loads, without hashing them. Immutable after construction; thread-safe.
//
// Find's filter is defined here so that a matcher's loop over a text's words inlines it.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

class WordTable {
 public:
  WordTable() : WordTable(std::vector<std::string>{}) {}
  // `keys` must be distinct, fewer than 2^32 - 1, with less than 4 GiB in all (lists written in
  // rulesets).
  explicit WordTable(const std::vector<std::string>& keys);

  // The index in `keys` of `word`; nullopt when it is not a key.
  std::optional<std::size_t> Find(std::string_view word) const {
    const std::size_t bit = SummaryBit(word);
    if ((summaries_[bit / 64] >> (bit % 64) & 1) == 0) return std::nullopt;
    return FindHashed(word);
  }

  // The hash of a word: a few multiplications over at most two 8-byte loads for words of up to
  // 16 bytes, then over 8-byte blocks.
  static std::uint64_t Hash(std::string_view word) {
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
      const auto byte = [&](std::size_t i) {
        return static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i]));
      };
      return Mix(byte(0) | byte(length / 2) << 8 | byte(length - 1) << 16, 0, length);
    }
    return Mix(0, 0, 0);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_begin = 0;  // in bytes_
    std::uint32_t key_length = 0;
    std::uint32_t index = kEmpty;  // in keys; kEmpty for a free slot
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  static constexpr int kSummaryBits = 14;

  // The bit of summaries_ for `word`'s first byte, last byte and length (mod 256), mixed.
  static std::size_t SummaryBit(std::string_view word) {
    std::uint32_t summary = static_cast<std::uint8_t>(word.size());
    if (!word.empty()) {
      summary |= std::uint32_t{static_cast<unsigned char>(word.front())} << 8 |
                 std::uint32_t{static_cast<unsigned char>(word.back())} << 16;
    }
    return (summary * 0x9E3779B1u) >> (32 - kSummaryBits);
  }

  std::optional<std::size_t> FindHashed(std::string_view word) const;

  static std::uint64_t Load64(const char* bytes) {
    std::uint64_t word;
    std::memcpy(&word, bytes, sizeof word);
    return word;
  }
  static std::uint64_t Load32(const char* bytes) {
    std::uint32_t word;
    std::memcpy(&word, bytes, sizeof word);
    return word;
  }
  // Mixes two words and a length into 64 well-distributed bits.
  static std::uint64_t Mix(std::uint64_t a, std::uint64_t b, std::size_t length) {
    std::uint64_t hash = (a * 0x9E3779B97F4A7C15) ^ ((b ^ length) * 0xC2B2AE3D27D4EB4F);
    hash ^= hash >> 32;
    hash *= 0x165667B19E3779F9;
    hash ^= hash >> 29;
    return hash;
  }

  std::string bytes_;        // the keys, one after another
  std::vector<Slot> slots_;  // a power of two in size, at least twice the keys
  std::array<std::uint64_t, (1 << kSummaryBits) / 64> summaries_{};  // SummaryBit of each key
};

}  // namespace tradelint
