#pragma once
// A sanctions list as screening reads it: entries with their names (primary name and aliases,
// weak aliases marked), program, type, countries and dates of birth, and the list's own
// name, version and date (its provenance) for every match and for the report.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/refdata/provenance.h"

namespace tradelint {

struct ListName {
  std::string text;  // as the list writes it
  // `primary`, or the alias type the list gives (`aka`, `fka`, `nka`, `original script`)
  std::string kind;
  // A weak alias (OFAC's "weak aka", the UN's alias of quality "Low"): too broad to identify
  // anyone by itself; a match on it is only ever a warning for review.
  bool weak = false;
};

struct ListEntry {
  std::string id;    // the list's own identifier (OFAC ent_num, UN reference number)
  std::string type;  // `individual`, `entity`, `vessel`, `aircraft`
  std::string
      programs;  // the sanctions programs, "; "-separated (OFAC `IRAN; SDGT`, UN `Al-Qaida`)
  std::vector<ListName> names;         // the primary name first
  std::vector<std::string> countries;  // country names of addresses and nationalities, upper case
  // The ISO 3166-1 alpha-2 codes of `countries` that the country table knows (ListCountries),
  // each once; filled when the lists are loaded for screening.
  std::vector<std::string> country_codes;
  std::vector<int> birth_years;  // years of birth the list gives
  // A digest of everything the list says of the entry, to tell whether it changed between two
  // versions of the list (a disposition holds only while it is the same).
  std::uint64_t digest = 0;
};

struct SanctionsList {
  std::string id;         // `sdn` or `un`: what `--lists` and `list` in a disposition name
  std::string title;      // "OFAC SDN List", "UN Security Council Consolidated List"
  Provenance provenance;  // name (its file), source, date, version
  std::vector<ListEntry> entries;

  // The entry with `id`, or null.
  const ListEntry* Find(std::string_view entry_id) const;
};

// FNV-1a over `text`, continuing from `hash`: the entries' digests and the calibration split.
std::uint64_t Fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull);

}  // namespace tradelint
