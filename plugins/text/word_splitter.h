#pragma once
// WordSplitter: the word boundaries of words.h, found while case folding writes the folded text
// (AppendCaseFold, unicode_text.h), so that a text is folded and split in one pass. It is given
// each code point of the folded text in order, with the code point's offset in the folded text
// and its class, and records each word as a span of offsets (the folded text may still move as
// it grows).

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "plugins/text/code_point_class.h"
#include "plugins/text/script.h"

namespace tradelint {

// A word of a folded text: the bytes [begin, begin + length).
struct WordSpan {
  std::size_t begin = 0;
  std::size_t length = 0;
};

inline constexpr std::array<WordRole, 128> kAsciiRoles = [] {
  std::array<WordRole, 128> roles{};
  for (std::size_t c = 0; c < roles.size(); ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      roles[c] = WordRole::kLetter;
    } else if (c >= '0' && c <= '9') {
      roles[c] = WordRole::kJoiner;
    } else {
      roles[c] = WordRole::kSeparator;
    }
  }
  return roles;
}();

// The role of an ASCII character (below 0x80): letters (all Latin), digits (joiners), the rest
// separators.
constexpr WordRole AsciiRole(char c) { return kAsciiRoles[static_cast<unsigned char>(c)]; }

class WordSplitter {
 public:
  // Appends the words found to `words`, which must outlive the splitter.
  explicit WordSplitter(std::vector<WordSpan>& words) : words_(words) {}

  // The code point at `offset` of the folded text, of role `role` and, for a letter, script
  // `script`. Offsets ascend; each code point follows the one given before it.
  void Add(std::size_t offset, WordRole role, Script script) {
    switch (role) {
      case WordRole::kSeparator:
        End(offset);
        return;
      case WordRole::kLetter:
        if (has_letter_ && script_ != script) End(offset);
        if (!in_word_) Begin(offset);
        has_letter_ = true;
        script_ = script;
        return;
      case WordRole::kJoiner:
        if (!in_word_) Begin(offset);
        return;
    }
  }

  // The ASCII characters `run` at `offset`, one after another: as Add of each, but for the
  // characters that change nothing (more separators between words, more letters and digits in
  // a word that has a Latin letter), which are skipped.
  void AddAscii(std::size_t offset, std::string_view run) {
    for (std::size_t i = 0; i < run.size(); ++i) {
      const WordRole role = AsciiRole(run[i]);
      Add(offset + i, role, Script::kLatin);
      if (!in_word_) {
        while (i + 1 < run.size() && AsciiRole(run[i + 1]) == WordRole::kSeparator) ++i;
      } else if (has_letter_ && script_ == Script::kLatin) {
        while (i + 1 < run.size() && AsciiRole(run[i + 1]) != WordRole::kSeparator) ++i;
      }
    }
  }

  // The folded text ends at `end`: records the word that reaches it, if any.
  void Finish(std::size_t end) { End(end); }

 private:
  void Begin(std::size_t offset) {
    in_word_ = true;
    begin_ = offset;
  }

  void End(std::size_t offset) {
    if (in_word_) words_.push_back({begin_, offset - begin_});
    in_word_ = false;
    has_letter_ = false;
  }

  std::vector<WordSpan>& words_;
  bool in_word_ = false;
  std::size_t begin_ = 0;    // of the current word, when in_word_
  bool has_letter_ = false;  // the current word has a letter, of script script_
  Script script_ = Script::kOther;
};

}  // namespace tradelint
