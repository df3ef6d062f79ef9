#pragma once
// Did-you-mean support: how far apart two words are, and the likely intended word.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), comparing
// ASCII letters case-insensitively and other bytes as they are.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo: at most
// max(1, len/3) edits. The first of equally close candidates wins; "" when none is close.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tradelint
