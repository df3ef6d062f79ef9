#pragma once
// A coarse classification of letters by writing system, from code point ranges: enough to
// split words where the script changes (`Zentora充电器` -> `zentora`, `充电器`), which texts
// written without spaces between scripts need.

namespace tradelint {

enum class Script {
  kLatin,
  kGreek,
  kCyrillic,
  kHebrew,
  kArabic,
  kDevanagari,
  kThai,
  kHangul,
  kKana,  // Hiragana and Katakana together: Japanese words mix them
  kHan,
  kOther,  // every other writing system, as one class
};

// The script of a letter. Meaningful for letters only: digits and combining marks belong to
// the run they stand in, whatever their code point.
Script ScriptOf(char32_t code_point);

}  // namespace tradelint
