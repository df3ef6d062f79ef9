#include "plugins/text/script.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace tradelint {
namespace {

struct Range {
  char32_t first;
  char32_t last;
  Script script;
};

// Sorted by `first`, not overlapping.
constexpr std::array kRanges = {
    Range{0x0041, 0x024F, Script::kLatin},       // Basic Latin .. Latin Extended-B
    Range{0x0250, 0x02AF, Script::kLatin},       // IPA extensions
    Range{0x0370, 0x03FF, Script::kGreek},       // Greek and Coptic
    Range{0x0400, 0x052F, Script::kCyrillic},    // Cyrillic, Cyrillic Supplement
    Range{0x0590, 0x05FF, Script::kHebrew},      // Hebrew
    Range{0x0600, 0x06FF, Script::kArabic},      // Arabic
    Range{0x0750, 0x077F, Script::kArabic},      // Arabic Supplement
    Range{0x0870, 0x08FF, Script::kArabic},      // Arabic Extended-B, -A
    Range{0x0900, 0x097F, Script::kDevanagari},  // Devanagari
    Range{0x0E00, 0x0E7F, Script::kThai},        // Thai
    Range{0x1100, 0x11FF, Script::kHangul},      // Hangul Jamo
    Range{0x1C80, 0x1C8F, Script::kCyrillic},    // Cyrillic Extended-C
    Range{0x1D00, 0x1DBF, Script::kLatin},       // Phonetic extensions
    Range{0x1E00, 0x1EFF, Script::kLatin},       // Latin Extended Additional
    Range{0x1F00, 0x1FFF, Script::kGreek},       // Greek Extended
    Range{0x2C60, 0x2C7F, Script::kLatin},       // Latin Extended-C
    Range{0x2DE0, 0x2DFF, Script::kCyrillic},    // Cyrillic Extended-A
    Range{0x2E80, 0x2FDF, Script::kHan},         // CJK and Kangxi radicals
    Range{0x3005, 0x3007, Script::kHan},         // iteration mark, closing mark, zero
    Range{0x3021, 0x3029, Script::kHan},         // Hangzhou numerals
    Range{0x3040, 0x30FF, Script::kKana},        // Hiragana, Katakana
    Range{0x3130, 0x318F, Script::kHangul},      // Hangul compatibility Jamo
    Range{0x31F0, 0x31FF, Script::kKana},        // Katakana phonetic extensions
    Range{0x3400, 0x4DBF, Script::kHan},         // CJK Extension A
    Range{0x4E00, 0x9FFF, Script::kHan},         // CJK Unified Ideographs
    Range{0xA640, 0xA69F, Script::kCyrillic},    // Cyrillic Extended-B
    Range{0xA720, 0xA7FF, Script::kLatin},       // Latin Extended-D
    Range{0xA8E0, 0xA8FF, Script::kDevanagari},  // Devanagari Extended
    Range{0xA960, 0xA97F, Script::kHangul},      // Hangul Jamo Extended-A
    Range{0xAB30, 0xAB6F, Script::kLatin},       // Latin Extended-E
    Range{0xAC00, 0xD7FF, Script::kHangul},      // Hangul syllables, Jamo Extended-B
    Range{0xF900, 0xFAFF, Script::kHan},         // CJK compatibility ideographs
    Range{0xFB00, 0xFB06, Script::kLatin},       // Latin ligatures
    Range{0xFB1D, 0xFB4F, Script::kHebrew},      // Hebrew presentation forms
    Range{0xFB50, 0xFDFF, Script::kArabic},      // Arabic presentation forms-A
    Range{0xFE70, 0xFEFF, Script::kArabic},      // Arabic presentation forms-B
    Range{0xFF21, 0xFF5A, Script::kLatin},       // full-width Latin
    Range{0xFF66, 0xFF9F, Script::kKana},        // half-width Katakana
    Range{0x1B000, 0x1B16F, Script::kKana},      // Kana supplement and extensions
    Range{0x20000, 0x323AF, Script::kHan},       // CJK Extensions B..H
};

constexpr bool SortedAndDisjoint() {
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (kRanges[i].last < kRanges[i].first) return false;
    if (i + 1 < kRanges.size() && kRanges[i].last >= kRanges[i + 1].first) return false;
  }
  return true;
}
static_assert(SortedAndDisjoint(), "ScriptOf's binary search needs sorted, disjoint ranges");

}  // namespace

Script ScriptOf(char32_t code_point) {
  // The first range that ends at or after the code point; it holds it if it starts before.
  const auto it =
      std::lower_bound(kRanges.begin(), kRanges.end(), code_point,
                       [](const Range& range, char32_t value) { return range.last < value; });
  if (it == kRanges.end() || code_point < it->first) return Script::kOther;
  return it->script;
}

}  // namespace tradelint
