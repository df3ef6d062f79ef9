#pragma once
// The normal form of a person's or an organisation's name for screening (docs/screening.md):
// upper-case ASCII words where the name is written in the Latin or Cyrillic script or in Greek
// (diacritics removed, Cyrillic and Greek transliterated), other scripts' words kept as they
// are after case folding. Punctuation separates words, except an apostrophe, which joins them
// (O'BRIEN -> OBRIEN, QA'IDA -> QAIDA). A name written "LAST, First" (OFAC's form) also has
// its reading "First LAST".

#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

// The words of `name` in normal form, in the order written; the comma of "LAST, First" is
// dropped (see SplitLastFirst). Invalid UTF-8 is read byte by byte as Latin-1.
std::vector<std::string> NameTokens(std::string_view name);

// For "LAST, First ..." the words of "First ... LAST"; else empty. Only the first comma
// counts ("BIN LADEN, Osama" -> OSAMA BIN LADEN).
std::vector<std::string> ReorderedNameTokens(std::string_view name);

// Whether a normalised word is a legal-form or company-type word (LTD, CORP, LLC, CO, GMBH,
// OOO, SA, ...), which says nothing about who the party is and is never scored as evidence.
bool IsLegalFormWord(std::string_view token);

}  // namespace tradelint
