#pragma once
// Screener: names screened against sanctions lists (docs/screening.md). Built once from the
// lists; immutable and safe to share between threads.
//
// Candidates come from an index, never from a scan: every word of every listed name is
// indexed under itself and under its phonetic key (PhoneticKey); a listed name is scored only
// when enough of the query's words meet its words there (three quarters of them; in OFAC
// mode one for a query of one or two words, half of them for longer ones). Scores are ScoreName's;
// the date of birth and the country lower or raise it (see ScreenOptions).
//
//   Screener screener({std::move(sdn), std::move(un)});
//   for (const ScreeningMatch& match : screener.Screen("Vladimir Putin", {.min_score = 85})) ...

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/screening/name_score.h"
#include "engine/screening/sanctions_list.h"

namespace tradelint {

struct ScreenOptions {
  double min_score = 85;
  ScoringMode mode = ScoringMode::kScreening;
  std::vector<std::string> lists;  // list ids to screen against; empty: all
  // The party's year of birth, when the record gives it. Against an individual with years of
  // birth: the same year (or one apart) adds 5 points, a year further apart takes 15 off.
  std::optional<int> birth_year;
  // The party's country (ISO 3166-1 alpha-2), when the record gives it. Against an entry with
  // countries (ListEntry::country_codes): one of them adds 5 points, none takes 5 off (people
  // move and fronts use other addresses, so a country weighs less than a year of birth).
  std::string country;
};

struct ScreeningMatch {
  const SanctionsList* list = nullptr;
  const ListEntry* entry = nullptr;
  const ListName* name = nullptr;  // the listed name matched (the best of the entry's)
  double score = 0;                // rounded to one decimal, 0..100
  double name_score = 0;           // before the date-of-birth and country adjustments
  // What raised or lowered the name's score, for the report: "year of birth 1967 agrees with
  // the entry's 1967 (+5)", "country ES disagrees with the entry's IR, IQ (-5)".
  std::vector<std::string> evidence;
};

class Screener {
 public:
  explicit Screener(std::vector<SanctionsList> lists);
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

  // The entries whose best name scores at least `min_score`, best first (then by list order
  // and entry), one match per entry.
  std::vector<ScreeningMatch> Screen(std::string_view name, const ScreenOptions& options) const;

  const std::vector<SanctionsList>& lists() const { return lists_; }
  const SanctionsList* FindList(std::string_view id) const;

 private:
  struct IndexedName {
    std::uint32_t list, entry, name;
    PreparedName prepared;
  };
  std::vector<SanctionsList> lists_;
  std::vector<IndexedName> names_;
  // Word -> indexes into names_, ascending; the same for phonetic keys. The words and keys are
  // views of names_' prepared names.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> word_postings_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> key_postings_;
};

}  // namespace tradelint
