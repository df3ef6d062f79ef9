#pragma once
// AppendWithin: appending to a text that has a size limit.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace tradelint {

// Appends as much of `piece` as keeps `text` within `limit` bytes. The capacity grows
// geometrically but never beyond `limit`, so a text that reaches its limit holds `limit`
// bytes of memory, not up to twice that.
inline void AppendWithin(std::string& text, std::string_view piece, std::size_t limit) {
  if (text.size() >= limit) return;
  piece = piece.substr(0, limit - text.size());
  const std::size_t needed = text.size() + piece.size();
  if (needed > text.capacity()) {
    // A fresh string: std::string::reserve may round a request up to twice the capacity.
    std::string grown;
    grown.reserve(std::min(std::max(needed, 2 * text.capacity()), limit));
    grown.append(text);
    text.swap(grown);
  }
  text.append(piece);
}

}  // namespace tradelint
