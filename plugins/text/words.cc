#include "plugins/text/words.h"

#include <utf8proc.h>

#include <array>
#include <functional>

#include "plugins/text/code_point_class.h"
#include "plugins/text/script.h"
#include "plugins/text/unicode_text.h"

namespace tradelint {
namespace {

// The role of an ASCII character, without a table: letters, digits (joiners), the rest
// separators.
WordRole AsciiRole(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return WordRole::kLetter;
  if (c >= '0' && c <= '9') return WordRole::kJoiner;
  return WordRole::kSeparator;
}

}  // namespace

std::vector<std::string_view> SplitFoldedWords(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;  // start of the current word, npos between words
  std::optional<Script> script;                // the current word's script, once it has a letter
  std::size_t offset = 0;
  const auto finish = [&](std::size_t end) {
    if (start != std::string_view::npos) words.push_back(folded.substr(start, end - start));
    start = std::string_view::npos;
    script.reset();
  };
  while (offset < folded.size()) {
    utf8proc_int32_t code_point = static_cast<unsigned char>(folded[offset]);
    utf8proc_ssize_t length = 1;
    if (code_point >= 0x80) {
      length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data()) + offset,
                                static_cast<utf8proc_ssize_t>(folded.size() - offset), &code_point);
      if (length <= 0) break;
    }
    const CodePointClass code_point_class =
        code_point < 0x80
            ? CodePointClass{AsciiRole(static_cast<char>(code_point)), Script::kLatin, true}
            : ClassOf(static_cast<char32_t>(code_point));
    if (code_point_class.role == WordRole::kSeparator) {
      finish(offset);
    } else if (code_point_class.role == WordRole::kLetter) {
      if (script && *script != code_point_class.script) finish(offset);
      if (start == std::string_view::npos) start = offset;
      script = code_point_class.script;
    } else if (start == std::string_view::npos) {
      start = offset;
    }
    offset += static_cast<std::size_t>(length);
  }
  finish(offset);
  return words;
}

std::optional<std::vector<std::string>> FoldedWords(std::string_view text) {
  const std::optional<std::string> folded = CaseFold(text);
  if (!folded) return std::nullopt;
  std::vector<std::string> words;
  for (std::string_view word : SplitFoldedWords(*folded)) words.emplace_back(word);
  return words;
}

const std::vector<std::string_view>* RecentFoldedWords(std::string_view text) {
  struct Entry {
    std::string text;
    std::size_t hash = 0;
    bool valid = false;
    std::string folded;
    std::vector<std::string_view> words;  // views into `folded`; entries never move
  };
  constexpr std::size_t kEntries = 8;
  thread_local std::array<Entry, kEntries> recent;
  thread_local std::size_t next = 0;  // the entry replaced next (round robin)
  const std::size_t hash = std::hash<std::string_view>{}(text);
  for (const Entry& entry : recent) {
    if (entry.hash == hash && entry.text == text && !entry.text.empty())
      return entry.valid ? &entry.words : nullptr;
  }
  Entry& entry = recent[next];
  next = (next + 1) % kEntries;
  entry.text.assign(text);
  entry.hash = hash;
  std::optional<std::string> folded = CaseFold(text);
  entry.valid = folded.has_value();
  entry.folded = folded ? std::move(*folded) : std::string();
  entry.words = entry.valid ? SplitFoldedWords(entry.folded) : std::vector<std::string_view>();
  return entry.valid ? &entry.words : nullptr;
}

}  // namespace tradelint
