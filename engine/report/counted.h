#pragma once
// Counts in English for people: `1 record`, `3 records`, `0 errors`.

#include <cstdint>
#include <string>
#include <string_view>

namespace tradelint {

// `count` and `noun`, with `s` appended unless count is 1. For nouns with a regular plural.
std::string Counted(std::int64_t count, std::string_view noun);

}  // namespace tradelint
