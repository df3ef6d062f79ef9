#pragma once
// The normal form of a person's or an organisation's name for screening (docs/screening.md):
// upper-case ASCII words where the name is written in the Latin or Cyrillic script or in Greek
// (diacritics removed, Cyrillic and Greek transliterated), other scripts' words kept as they
// are after case folding. Punctuation separates words, except an apostrophe, which joins them
// (O'BRIEN -> OBRIEN, QA'IDA -> QAIDA). A name written "LAST, First" (OFAC's form) also has
// its reading "First LAST".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

// The words of a name and of its "First LAST" reading, split once: spans of one buffer of
// letters, so that preparing a name costs no string or vector per word. Reused between names
// (SplitName clears it and keeps its capacity).
struct NameWords {
  struct Span {
    std::uint32_t begin = 0, end = 0;  // letters[begin, end)
  };
  // Every word's letters; the words split from one text lie back to back, so a legal form
  // spelled in one-letter words (S. A.) is joined by widening a span, without a copy.
  std::string letters;
  std::vector<Span> words;      // NameTokens
  std::vector<Span> reordered;  // ReorderedNameTokens, or empty
  // With `reordered`: how many of `words` come before the comma (the last name), at most
  // words.size(); else 0.
  std::size_t last_name_words = 0;

  std::string_view operator()(Span span) const {
    return std::string_view(letters).substr(span.begin, span.end - span.begin);
  }
};

// Fills `out` with the words of `name`: what NameTokens and ReorderedNameTokens give, at once.
void SplitName(std::string_view name, NameWords& out);

// The words of `name` in normal form, in the order written; the comma of "LAST, First" is
// dropped (see ReorderedNameTokens). Invalid UTF-8 is read byte by byte as Latin-1.
std::vector<std::string> NameTokens(std::string_view name);

// For "LAST, First ..." the words of "First ... LAST"; else empty. Only the first comma
// counts ("BIN LADEN, Osama" -> OSAMA BIN LADEN).
std::vector<std::string> ReorderedNameTokens(std::string_view name);

// Whether a normalised word is a legal-form or company-type word (LTD, CORP, LLC, CO, GMBH,
// OOO, SA, ...), which says nothing about who the party is and is never scored as evidence.
bool IsLegalFormWord(std::string_view token);

}  // namespace tradelint
