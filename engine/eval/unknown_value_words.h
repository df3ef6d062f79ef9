#pragma once
// The words a rule's message or fix shows in place of a value the engine does not know, in the
// language of that text (docs/cli.md, "Findings"): a field the record leaves out reads
// "not stated", any other unknown value "unknown". Rules are translated into more languages
// than the report's own words (engine/report/report_words.h), so this catalogue covers every
// language of the bundled rulesets' messages (a test keeps it so); any other language reads
// English.

#include <string_view>

namespace tradelint {

struct UnknownValueWords {
  std::string_view not_stated;  // a field the record leaves out
  std::string_view unknown;     // any other unknown value
};

// The words for `language`, a BCP 47 tag chosen by its primary subtag (`pt-BR` reads
// Portuguese); empty, `en` or a language outside the catalogue: English.
const UnknownValueWords& UnknownValueWordsFor(std::string_view language);

// Whether the catalogue has `language`'s own words (English counts as its own).
bool HasUnknownValueWords(std::string_view language);

}  // namespace tradelint
