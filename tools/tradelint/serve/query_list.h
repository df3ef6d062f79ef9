#pragma once
// A list-valued query parameter (`market`, `category`): given once as `DE,FR`, or repeated
// (`market=DE&market=FR`), or both.

#include <string>
#include <vector>

namespace tradelint::serve {

// `values` (each M or M,M...) split at commas, without spaces, each item once, in order;
// `upper_case` upper-cases them (market codes are upper case: `de` is `DE`).
std::vector<std::string> SplitList(const std::vector<std::string>& values, bool upper_case);

}  // namespace tradelint::serve
