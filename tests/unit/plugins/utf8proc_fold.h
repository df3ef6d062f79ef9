#pragma once
// The definition the text plugin's case folding is tested against: the whole text folded by
// utf8proc at once (NFKC with case folding), for tests that compare the plugin's folding with it.

#include <utf8proc.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace tradelint {

// `text` folded by utf8proc; nullopt when utf8proc refuses it (invalid UTF-8).
inline std::optional<std::string> FoldAtOnce(const std::string& text) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_STABLE));
  if (length < 0) return std::nullopt;
  std::string folded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  std::free(mapped);
  return folded;
}

}  // namespace tradelint
