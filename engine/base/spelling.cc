#include "engine/base/spelling.h"

#include <algorithm>

#include "engine/base/ascii_case.h"

namespace tradelint {
namespace {

// Optimal-string-alignment distance, bytewise.
std::size_t OsaDistance(std::string_view a, std::string_view b) {
  // before, previous and current: distances from the prefixes of `a` of length i - 2, i - 1
  // and i to every prefix of `b`.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  return OsaDistance(AsciiLower(a), AsciiLower(b));
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string lower_word = AsciiLower(word);
  const std::size_t max_distance = std::max<std::size_t>(1, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = OsaDistance(lower_word, AsciiLower(candidate));
    if (distance < best_distance) {  // Strict: the first of equally close candidates wins.
      best = &candidate;
      best_distance = distance;
    }
  }
  return best == nullptr ? std::string() : *best;
}

}  // namespace tradelint
