#pragma once
// Integers and strings packed into a byte string, the compact form in which open groups hold
// their records (RecordProjection::Pack, GroupWindows).
//
// An unsigned integer is written in 7-bit groups, least significant first, the high bit set on
// every byte but the last; a signed one is zig-zag encoded first, so that small magnitudes of
// either sign take few bytes; a string is its length, then its bytes. The readers take the
// value from the front of `in` and move `in` past it; `in` must hold what a writer wrote.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/decimal.h"

namespace tradelint::packed_bytes {

__extension__ typedef unsigned __int128 Uint128;

inline void PutUnsigned(Uint128 value, std::string& out) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>(static_cast<std::uint8_t>(value) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

inline void PutSigned(Int128 value, std::string& out) {
  PutUnsigned((static_cast<Uint128>(value) << 1) ^ static_cast<Uint128>(value >> 127), out);
}

inline void PutString(std::string_view text, std::string& out) {
  PutUnsigned(text.size(), out);
  out.append(text);
}

inline Uint128 GetWideUnsigned(std::string_view& in) {
  Uint128 value = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<std::uint8_t>(in.front());
    in.remove_prefix(1);
    value |= static_cast<Uint128>(byte & 0x7f) << shift;
    if (byte < 0x80) return value;
  }
}

inline Int128 GetWideSigned(std::string_view& in) {
  const Uint128 zigzag = GetWideUnsigned(in);
  return static_cast<Int128>(zigzag >> 1) ^ -static_cast<Int128>(zigzag & 1);
}

inline std::size_t GetUnsigned(std::string_view& in) {
  return static_cast<std::size_t>(GetWideUnsigned(in));
}

inline std::int64_t GetSigned(std::string_view& in) {
  return static_cast<std::int64_t>(GetWideSigned(in));
}

inline std::string_view GetString(std::string_view& in) {
  const std::size_t size = GetUnsigned(in);
  const std::string_view text = in.substr(0, size);
  in.remove_prefix(size);
  return text;
}

}  // namespace tradelint::packed_bytes
