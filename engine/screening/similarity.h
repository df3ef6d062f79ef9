#pragma once
// String similarity for name matching: Jaro-Winkler, the measure OFAC names for its own
// Sanctions List Search, and a phonetic key in the manner of Soundex that lets spellings of
// one name in different transliterations meet in the index (docs/screening.md).

#include <string>
#include <string_view>

namespace tradelint {

// The Jaro-Winkler similarity of two byte strings, from 0 to 1 (prefix scale 0.1, common
// prefix up to 4); 1 exactly when they are equal.
double JaroWinkler(std::string_view a, std::string_view b);

// A key that spellings of one name share across common transliterations: MOHAMMED, MUHAMMAD
// and MOHAMAD; QAEDA and QAIDA; PUTIN and PUTNI. The first letter (any vowel as `A`), then
// the consonants with similar sounds merged (C, K, Q -> K; Z -> S; W -> V; PH -> F; J, Y as
// vowels), H and vowels dropped, repeats collapsed, in the order written but sorted when
// the consonants are few, so that a transposition keeps the key. A word that is not ASCII
// letters is its own key.
std::string PhoneticKey(std::string_view word);

}  // namespace tradelint
