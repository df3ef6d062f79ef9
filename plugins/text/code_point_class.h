#pragma once
// What word splitting (words.h) and case folding (unicode_text.h) need to know of a code point,
// looked up in a table instead of through utf8proc's properties and a search of the script
// ranges for every code point of every text. The table covers the Basic Multilingual Plane in
// pages of 256 code points, each built on its first use (a text touches few pages); code
// points above it are classified directly. Thread-safe.

#include <array>
#include <atomic>
#include <cstdint>

#include "plugins/text/script.h"

namespace tradelint {

// The part a code point plays in a word: letters make words (and split them where their script
// changes), joiners (digits, combining marks) join the word they stand in, separators end it.
enum class WordRole : std::uint8_t { kSeparator, kLetter, kJoiner };

struct CodePointClass {
  WordRole role = WordRole::kSeparator;
  Script script = Script::kOther;  // meaningful for letters
  // NFKC case folding leaves the code point as it is wherever it stands after a starter: it
  // folds to itself alone, is a starter (canonical combining class 0), and no composition takes
  // it as its second part. A combining mark after it may still compose with it.
  bool folds_to_itself = false;
};

namespace code_point_class_internal {

using Page = std::array<CodePointClass, 256>;

// The pages of the Basic Multilingual Plane built so far, by code point / 256 (null: not yet).
extern std::array<std::atomic<const Page*>, 256> pages;

// The class of a code point whose page is not built yet or that is above the BMP; builds its page.
CodePointClass ClassOfUnbuilt(char32_t code_point);

}  // namespace code_point_class_internal

// The class of a valid code point (not a surrogate, at most U+10FFFF). Inline: for a built page,
// one load.
inline CodePointClass ClassOf(char32_t code_point) {
  using code_point_class_internal::pages;
  if (code_point <= 0xFFFF) {
    const code_point_class_internal::Page* page =
        pages[code_point >> 8].load(std::memory_order_acquire);
    if (page != nullptr) return (*page)[code_point & 0xFF];
  }
  return code_point_class_internal::ClassOfUnbuilt(code_point);
}

}  // namespace tradelint
