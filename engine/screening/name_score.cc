#include "engine/screening/name_score.h"

#include <algorithm>
#include <numeric>

#include "engine/screening/name_tokens.h"
#include "engine/screening/similarity.h"

namespace tradelint {
namespace {

std::string Join(PreparedName::Words words, std::string_view separator) {
  std::string joined;
  for (const std::string_view word : words) {
    if (!joined.empty()) joined += separator;
    joined += word;
  }
  return joined;
}

double OfacScore(PreparedName::Words query, PreparedName::Words listed) {
  if (query.empty() || listed.empty()) return 0.0;
  double sum = 0.0;
  for (const std::string_view word : query) {
    double best = 0.0;
    for (const std::string_view other : listed) best = std::max(best, JaroWinkler(word, other));
    sum += best;
  }
  const double words = sum / static_cast<double>(query.size());
  const double whole = JaroWinkler(Join(query, " "), Join(listed, " "));
  return 100.0 * std::max(words, whole);
}

// What a middle name's letters count for, against a first or last name's (PrepareName).
constexpr double kMiddleNameWeight = 0.5;

// What an initial (`P.`) matching a word that starts with its letter is worth: half a match,
// since the word is only guessed.
constexpr double kInitialSimilarity = 0.5;

// Similarity of two words as kScreening counts it. A word is not taken for one more than twice
// its length (Jaro-Winkler alone scores PA against PARKER 0.82, by the shared prefix); a
// one-letter word is an initial.
double WordSimilarity(std::string_view a, std::string_view key_a, std::string_view b,
                      std::string_view key_b) {
  const std::size_t shorter = std::min(a.size(), b.size());
  const std::size_t longer = std::max(a.size(), b.size());
  if (shorter == 1) {
    if (a[0] != b[0]) return 0.0;
    return longer == 1 ? 1.0 : kInitialSimilarity;
  }
  if (2 * shorter < longer) return 0.0;
  double similarity = JaroWinkler(a, b);
  if (key_a == key_b) similarity = std::min(1.0, similarity + 0.04);
  return similarity < 0.8 ? 0.0 : similarity;
}

double Length(PreparedName::Words words) {
  return std::accumulate(words.begin(), words.end(), 0.0,
                         [](double sum, std::string_view word) { return sum + word.size(); });
}

// The letters of `name` a match is measured against: every letter of the words `found`, and
// of the others their weight (PreparedName::unfound_weights).
double Sought(const PreparedName& name, const std::vector<bool>& found) {
  double sought = 0.0;
  for (std::size_t k = 0; k < name.evidence().size(); ++k)
    sought += found[k] ? static_cast<double>(name.evidence()[k].size()) : name.unfound_weights()[k];
  return sought;
}

double ScreeningScore(const PreparedName& query, const PreparedName& listed) {
  const PreparedName::Words q = query.evidence();
  const PreparedName::Words c = listed.evidence();
  if (q.empty() || c.empty()) return 0.0;
  struct Pair {
    double similarity;
    std::size_t i, j;
  };
  std::vector<Pair> pairs;
  pairs.reserve(q.size() * c.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    for (std::size_t j = 0; j < c.size(); ++j) {
      const double similarity = WordSimilarity(q[i], query.keys()[i], c[j], listed.keys()[j]);
      if (similarity > 0.0) pairs.push_back({similarity, i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.similarity > b.similarity ||
           (a.similarity == b.similarity && (a.i < b.i || (a.i == b.i && a.j < b.j)));
  });
  std::vector<bool> used_q(q.size()), used_c(c.size());
  double found_q = 0.0, found_c = 0.0;
  for (const Pair& pair : pairs) {
    if (used_q[pair.i] || used_c[pair.j]) continue;
    used_q[pair.i] = used_c[pair.j] = true;
    found_q += pair.similarity * q[pair.i].size();
    found_c += pair.similarity * c[pair.j].size();
  }
  double score = 0.8 * found_q / Sought(query, used_q) + 0.2 * found_c / Sought(listed, used_c);
  // One word or several: BASHIRUDDIN and BASHIR UD DIN (of about one length, so that a name is
  // not taken for another that merely starts with it).
  const double joined_q = Length(q), joined_c = Length(c);
  if (q.size() != c.size() && std::min(joined_q, joined_c) >= 0.9 * std::max(joined_q, joined_c)) {
    double joined = JaroWinkler(Join(q, ""), Join(c, ""));
    if (!listed.reordered().empty()) {
      std::vector<std::string_view> reordered;
      for (const std::string_view word : listed.reordered()) {
        if (!IsLegalFormWord(word)) reordered.push_back(word);
      }
      joined = std::max(joined, JaroWinkler(Join(q, ""), Join(reordered, "")));
    }
    if (joined >= 0.92) score = std::max(score, joined);
  }
  return 100.0 * score;
}

}  // namespace

PreparedName PrepareName(std::string_view name) {
  thread_local NameWords split;
  SplitName(name, split);
  // Where each word stands in the name as read: "LAST, First Middle" reads "First Middle LAST".
  const std::size_t n = split.words.size();
  const std::size_t last_name_words = split.last_name_words;
  auto reading_position = [&](std::size_t i) {
    return i < last_name_words ? n - last_name_words + i : i - last_name_words;
  };
  thread_local std::vector<NameWords::Span> evidence;
  thread_local std::vector<std::size_t> positions;
  evidence.clear();
  positions.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (IsLegalFormWord(split(split.words[i]))) continue;
    evidence.push_back(split.words[i]);
    positions.push_back(reading_position(i));
  }
  if (evidence.empty()) {
    evidence = split.words;
    for (std::size_t i = 0; i < n; ++i) positions.push_back(reading_position(i));
  }
  // The phonetic keys follow the words' letters in the one buffer.
  thread_local std::vector<NameWords::Span> keys;
  keys.clear();
  for (const NameWords::Span word : evidence) {
    const std::string key = PhoneticKey(split(word));
    const auto begin = static_cast<std::uint32_t>(split.letters.size());
    split.letters += key;
    keys.push_back({begin, static_cast<std::uint32_t>(split.letters.size())});
  }
  PreparedName prepared;
  prepared.letters_ = std::make_unique_for_overwrite<char[]>(split.letters.size());
  std::copy(split.letters.begin(), split.letters.end(), prepared.letters_.get());
  const std::string_view letters(prepared.letters_.get(), split.letters.size());
  prepared.views_.reserve(n + split.reordered.size() + 2 * evidence.size());
  auto add = [&](const std::vector<NameWords::Span>& spans) {
    const std::size_t at = prepared.views_.size();
    for (const NameWords::Span span : spans)
      prepared.views_.push_back(letters.substr(span.begin, span.end - span.begin));
    return at;
  };
  add(split.words);
  prepared.reordered_at_ = add(split.reordered);
  prepared.evidence_at_ = add(evidence);
  prepared.keys_at_ = add(keys);
  // A middle name or patronymic (neither the first nor the last word read) is the part of a
  // name most often left out: left out, it weighs half its letters.
  const auto [first, last] = std::minmax_element(positions.begin(), positions.end());
  prepared.unfound_weights_.reserve(evidence.size());
  for (std::size_t k = 0; k < evidence.size(); ++k) {
    const bool middle = positions[k] != *first && positions[k] != *last;
    const double letters_of_word = static_cast<double>(evidence[k].end - evidence[k].begin);
    prepared.unfound_weights_.push_back(middle ? kMiddleNameWeight * letters_of_word
                                               : letters_of_word);
  }
  return prepared;
}

double ScoreName(const PreparedName& query, const PreparedName& candidate, ScoringMode mode) {
  if (mode == ScoringMode::kScreening) return ScreeningScore(query, candidate);
  double score = OfacScore(query.words(), candidate.words());
  if (!candidate.reordered().empty())
    score = std::max(score, OfacScore(query.words(), candidate.reordered()));
  return score;
}

}  // namespace tradelint
