#pragma once
// StringHash: the hash of hashed containers keyed by std::string that are looked up with a
// std::string_view (with std::equal_to<> as the key equality), so that a lookup never builds
// a std::string:
//
//   std::unordered_set<std::string, StringHash, std::equal_to<>> countries;
//   countries.contains(std::string_view("DE"));

#include <cstddef>
#include <functional>
#include <string_view>

namespace tradelint {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace tradelint
