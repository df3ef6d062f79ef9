#include "engine/screening/similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace tradelint {

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  // Names are short; longer strings are compared by their first 64 bytes.
  constexpr std::size_t kMax = 64;
  a = a.substr(0, kMax);
  b = b.substr(0, kMax);
  const std::size_t window =
      std::max(a.size(), b.size()) / 2 > 0 ? std::max(a.size(), b.size()) / 2 - 1 : 0;
  std::array<bool, kMax> matched_a{}, matched_b{};
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t from = i > window ? i - window : 0;
    const std::size_t to = std::min(b.size(), i + window + 1);
    for (std::size_t j = from; j < to; ++j) {
      if (!matched_b[j] && a[i] == b[j]) {
        matched_a[i] = matched_b[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  std::size_t half_transpositions = 0;
  for (std::size_t i = 0, k = 0; i < a.size(); ++i) {
    if (!matched_a[i]) continue;
    while (!matched_b[k]) ++k;
    if (a[i] != b[k]) ++half_transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / a.size() + m / b.size() + (m - half_transpositions / 2) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

std::string PhoneticKey(std::string_view word) {
  if (word.empty()) return "";
  for (char c : word) {
    if (c < 'A' || c > 'Z') return std::string(word);
  }
  constexpr std::uint32_t kVowels = 1u << ('A' - 'A') | 1u << ('E' - 'A') | 1u << ('I' - 'A') |
                                    1u << ('O' - 'A') | 1u << ('U' - 'A') | 1u << ('Y' - 'A') |
                                    1u << ('J' - 'A');
  auto is_vowel = [](char c) { return (kVowels >> (c - 'A') & 1) != 0; };
  auto merged = [](char c) {  // one letter for consonants of like sound
    return c == 'C' || c == 'Q' ? 'K' : c == 'Z' ? 'S' : c == 'W' ? 'V' : c;
  };
  // The first letter, then the consonants, built in place.
  char first = word[0];
  if (is_vowel(first)) first = 'A';
  if (word.starts_with("PH")) first = 'F';
  std::string key(1, merged(first));
  for (std::size_t i = 1; i < word.size(); ++i) {
    char c = word[i];
    if (c == 'H' && word[i - 1] == 'P') {
      if (key.size() > 1 && key.back() == 'P') key.back() = 'F';
      continue;
    }
    if (is_vowel(c) || c == 'H') continue;
    // TCH is the French and German spelling of CH (ANATOLIJEVITCH, ANATOLYEVICH).
    if (c == 'T' && word.substr(i + 1, 2) == "CH") continue;
    c = merged(c);
    if (key.size() == 1 || key.back() != c) key += c;
  }
  // Few consonants: a transposition (PUTIN, PUTNI) must keep the key, and the letters carry
  // little order information anyway. Sorted by compare-and-swap: at most three.
  if (key.size() <= 4) {
    auto order = [&](std::size_t a, std::size_t b) {
      if (key[b] < key[a]) std::swap(key[a], key[b]);
    };
    if (key.size() >= 3) order(1, 2);
    if (key.size() == 4) {
      order(2, 3);
      order(1, 2);
    }
  }
  return key;
}

}  // namespace tradelint
