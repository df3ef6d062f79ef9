#pragma once
// WordTable: a constant map from distinct words (short byte strings) to their index in the list
// it was built from, looked up with a std::string_view. For keyword lists matched against every
// word of every text, where most lookups find nothing: the keys are copied into one buffer, and
// the slots form one flat array with open addressing (linear probing, at most half full), each
// holding its key's full hash, so a lookup is a hash of the word and, nearly always, one or two
// slots compared without touching the keys. Immutable after construction; thread-safe.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

class WordTable {
 public:
  WordTable() = default;
  // `keys` must be distinct, fewer than 2^32 - 1, with less than 4 GiB in all (lists written in
  // rulesets).
  explicit WordTable(const std::vector<std::string>& keys);

  // The index in `keys` of `word`; nullopt when it is not a key.
  std::optional<std::size_t> Find(std::string_view word) const;

  // The hash of a word: a few multiplications over at most two 8-byte loads for words of up to
  // 16 bytes.
  static std::uint64_t Hash(std::string_view word);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_begin = 0;  // in bytes_
    std::uint32_t key_length = 0;
    std::uint32_t index = kEmpty;  // in keys; kEmpty for a free slot
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  std::string bytes_;       // the keys, one after another
  std::vector<Slot> slots_;  // a power of two in size, at least twice the number of keys
};

}  // namespace tradelint
