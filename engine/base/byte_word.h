#pragma once
// Tests on 8 bytes at once, in a 64-bit word (SWAR), for scanners that skip runs of ordinary
// bytes. Each test says exactly whether ANY of the 8 bytes qualifies, not which one (a borrow
// may mark the wrong byte), so a caller that gets true looks at those 8 bytes one by one.

#include <cstdint>
#include <cstring>

namespace tradelint::byte_word {

inline constexpr std::uint64_t kOnes = 0x0101010101010101;
inline constexpr std::uint64_t kHigh = 0x8080808080808080;

// The 8 bytes at `bytes`, which must all be readable.
inline std::uint64_t Load(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Whether a byte of `word` is below `limit` (1 to 0x80): (x - limit...) & ~x & 0x80... is
// non-zero exactly then.
inline bool HasByteBelow(std::uint64_t word, unsigned char limit) {
  return ((word - kOnes * limit) & ~word & kHigh) != 0;
}

// Whether a byte of `word` is `byte`.
inline bool HasByte(std::uint64_t word, unsigned char byte) {
  return HasByteBelow(word ^ (kOnes * byte), 1);
}

// Whether a byte of `word` is 0x80 or above (part of a UTF-8 sequence).
inline bool HasHighByte(std::uint64_t word) { return (word & kHigh) != 0; }

}  // namespace tradelint::byte_word
