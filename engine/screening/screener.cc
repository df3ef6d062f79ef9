#include "engine/screening/screener.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <type_traits>

#include "engine/screening/similarity.h"

namespace tradelint {
namespace {

// Points the year of birth and the country add or take off a name's score (ScreenOptions).
constexpr int kBirthYearAgrees = 5;
constexpr int kBirthYearDisagrees = 15;
constexpr int kCountryAgrees = 5;
constexpr int kCountryDisagrees = 5;

// Whether the party's year of birth is one the entry gives (or one apart); nullopt when
// either side has none.
std::optional<bool> BirthYearAgrees(const ListEntry& entry, std::optional<int> born) {
  if (!born || entry.birth_years.empty()) return std::nullopt;
  return std::any_of(entry.birth_years.begin(), entry.birth_years.end(),
                     [&](int year) { return std::abs(year - *born) <= 1; });
}

// Whether the party's country is one of the entry's; nullopt when either side has none.
std::optional<bool> CountryAgrees(const ListEntry& entry, const std::string& country) {
  if (country.empty() || entry.country_codes.empty()) return std::nullopt;
  return std::find(entry.country_codes.begin(), entry.country_codes.end(), country) !=
         entry.country_codes.end();
}

template <typename T>
std::string Joined(const std::vector<T>& items) {
  std::string joined;
  for (const T& item : items) {
    if (!joined.empty()) joined += ", ";
    if constexpr (std::is_same_v<T, std::string>) {
      joined += item;
    } else {
      joined += std::to_string(item);
    }
  }
  return joined;
}

// "year of birth 1960 agrees with the entry's 1959, 1960 (+5)".
std::string Evidence(const std::string& party, const std::string& entry, bool agrees, int raise,
                     int lower) {
  return party + (agrees ? " agrees" : " disagrees") + " with the entry's " + entry + " (" +
         (agrees ? "+" + std::to_string(raise) : "-" + std::to_string(lower)) + ")";
}

}  // namespace

Screener::Screener(std::vector<SanctionsList> lists) : lists_(std::move(lists)) {
  // About as many distinct words and keys as names: sized once instead of rehashed as they come.
  std::size_t names = 0;
  for (const SanctionsList& list : lists_) {
    for (const ListEntry& entry : list.entries) names += entry.names.size();
  }
  names_.reserve(names);
  word_postings_.reserve(names);
  key_postings_.reserve(names);
  for (std::uint32_t l = 0; l < lists_.size(); ++l) {
    const SanctionsList& list = lists_[l];
    for (std::uint32_t e = 0; e < list.entries.size(); ++e) {
      const ListEntry& entry = list.entries[e];
      for (std::uint32_t n = 0; n < entry.names.size(); ++n) {
        PreparedName prepared = PrepareName(entry.names[n].text);
        if (prepared.words().empty()) continue;
        const auto id = static_cast<std::uint32_t>(names_.size());
        auto post = [id](std::vector<std::uint32_t>& postings) {
          if (postings.empty() || postings.back() != id) postings.push_back(id);
        };
        for (const std::string_view word : prepared.words()) post(word_postings_[word]);
        for (const std::string_view key : prepared.keys()) post(key_postings_[key]);
        names_.push_back({l, e, n, std::move(prepared)});
      }
    }
  }
}

const SanctionsList* Screener::FindList(std::string_view id) const {
  for (const SanctionsList& list : lists_) {
    if (list.id == id) return &list;
  }
  return nullptr;
}

std::vector<ScreeningMatch> Screener::Screen(std::string_view name,
                                             const ScreenOptions& options) const {
  const PreparedName query = PrepareName(name);
  std::vector<ScreeningMatch> matches;
  if (query.words().empty()) return matches;
  // Count, per listed name, the query words that meet it (each word once).
  thread_local std::vector<std::uint32_t> hits;
  thread_local std::vector<std::uint64_t> stamp;
  thread_local std::uint64_t epoch = 0;
  if (hits.size() < names_.size()) {
    hits.assign(names_.size(), 0);
    stamp.assign(names_.size(), 0);
  }
  ++epoch;
  std::vector<std::uint32_t> touched;
  const PreparedName::Words words =
      options.mode == ScoringMode::kOfac ? query.words() : query.evidence();
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string key = PhoneticKey(words[w]);
    const std::uint64_t word_epoch = epoch * 64 + w % 64;
    for (const auto& [postings, lookup] :
         {std::pair{&word_postings_, words[w]}, std::pair{&key_postings_, std::string_view(key)}}) {
      const auto found = postings->find(lookup);
      if (found == postings->end()) continue;
      for (std::uint32_t id : found->second) {
        if (stamp[id] / 64 != epoch) {
          stamp[id] = word_epoch;
          hits[id] = 1;
          touched.push_back(id);
        } else if (stamp[id] != word_epoch) {
          stamp[id] = word_epoch;
          ++hits[id];
        }
      }
    }
  }
  // kScreening weighs the query's words found at 80%: a listed name that meets fewer than
  // three quarters of them cannot reach a reportable score. kOfac scores a name by its best
  // words, so half of them are enough.
  const std::size_t n = words.size();
  const auto needed = static_cast<std::uint32_t>(
      options.mode == ScoringMode::kOfac ? (n <= 2 ? 1 : (n + 1) / 2) : (3 * n + 3) / 4);
  std::vector<ScreeningMatch> best_per_name;
  for (std::uint32_t id : touched) {
    if (hits[id] < needed) continue;
    const IndexedName& indexed = names_[id];
    const SanctionsList& list = lists_[indexed.list];
    if (!options.lists.empty() &&
        std::find(options.lists.begin(), options.lists.end(), list.id) == options.lists.end()) {
      continue;
    }
    const ListEntry& entry = list.entries[indexed.entry];
    const double name_score = ScoreName(query, indexed.prepared, options.mode);
    const std::optional<bool> born_near = BirthYearAgrees(entry, options.birth_year);
    const std::optional<bool> country_agrees = CountryAgrees(entry, options.country);
    double score = name_score;
    if (born_near) score += *born_near ? kBirthYearAgrees : -kBirthYearDisagrees;
    if (country_agrees) score += *country_agrees ? kCountryAgrees : -kCountryDisagrees;
    score = std::round(std::clamp(score, 0.0, 100.0) * 10) / 10;
    if (score < options.min_score) continue;
    ScreeningMatch& match = best_per_name.emplace_back(
        ScreeningMatch{&list, &entry, &entry.names[indexed.name], score, name_score, {}});
    if (born_near) {
      match.evidence.push_back(Evidence("year of birth " + std::to_string(*options.birth_year),
                                        Joined(entry.birth_years), *born_near, kBirthYearAgrees,
                                        kBirthYearDisagrees));
    }
    if (country_agrees) {
      match.evidence.push_back(Evidence("country " + options.country, Joined(entry.country_codes),
                                        *country_agrees, kCountryAgrees, kCountryDisagrees));
    }
  }
  // One match per entry: its best name (a strong name before a weak alias of equal score).
  std::sort(best_per_name.begin(), best_per_name.end(),
            [](const ScreeningMatch& a, const ScreeningMatch& b) {
              if (a.entry != b.entry) return a.entry < b.entry;
              if (a.score != b.score) return a.score > b.score;
              return !a.name->weak && b.name->weak;
            });
  for (const ScreeningMatch& match : best_per_name) {
    if (matches.empty() || matches.back().entry != match.entry) matches.push_back(match);
  }
  std::sort(matches.begin(), matches.end(), [](const ScreeningMatch& a, const ScreeningMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.list != b.list) return a.list->id < b.list->id;
    return a.entry->id < b.entry->id;
  });
  return matches;
}

}  // namespace tradelint
