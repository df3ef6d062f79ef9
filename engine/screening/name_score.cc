#include "engine/screening/name_score.h"

#include <algorithm>
#include <numeric>

#include "engine/screening/name_tokens.h"
#include "engine/screening/similarity.h"

namespace tradelint {
namespace {

std::string Join(const std::vector<std::string>& words, std::string_view separator) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += separator;
    joined += word;
  }
  return joined;
}

double OfacScore(const std::vector<std::string>& query, const std::vector<std::string>& listed) {
  if (query.empty() || listed.empty()) return 0.0;
  double sum = 0.0;
  for (const std::string& word : query) {
    double best = 0.0;
    for (const std::string& other : listed) best = std::max(best, JaroWinkler(word, other));
    sum += best;
  }
  const double words = sum / static_cast<double>(query.size());
  const double whole = JaroWinkler(Join(query, " "), Join(listed, " "));
  return 100.0 * std::max(words, whole);
}

// What an initial (`P.`) matching a word that starts with its letter is worth: half a match,
// since the word is only guessed.
constexpr double kInitialSimilarity = 0.5;

// Similarity of two words as kScreening counts it. A word is not taken for one more than twice
// its length (Jaro-Winkler alone scores PA against PARKER 0.82, by the shared prefix); a
// one-letter word is an initial.
double WordSimilarity(const std::string& a, const std::string& key_a, const std::string& b,
                      const std::string& key_b) {
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

double Length(const std::vector<std::string>& words) {
  return std::accumulate(words.begin(), words.end(), 0.0,
                         [](double sum, const std::string& word) { return sum + word.size(); });
}

double ScreeningScore(const PreparedName& query, const PreparedName& listed) {
  const std::vector<std::string>& q = query.evidence;
  const std::vector<std::string>& c = listed.evidence;
  if (q.empty() || c.empty()) return 0.0;
  struct Pair {
    double similarity;
    std::size_t i, j;
  };
  std::vector<Pair> pairs;
  pairs.reserve(q.size() * c.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    for (std::size_t j = 0; j < c.size(); ++j) {
      const double similarity = WordSimilarity(q[i], query.keys[i], c[j], listed.keys[j]);
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
  double score = 0.8 * found_q / Length(q) + 0.2 * found_c / Length(c);
  // One word or several: BASHIRUDDIN and BASHIR UD DIN (of about one length, so that a name is
  // not taken for another that merely starts with it).
  const double joined_q = Length(q), joined_c = Length(c);
  if (q.size() != c.size() && std::min(joined_q, joined_c) >= 0.9 * std::max(joined_q, joined_c)) {
    double joined = JaroWinkler(Join(q, ""), Join(c, ""));
    if (!listed.reordered.empty()) {
      std::vector<std::string> reordered;
      for (const std::string& word : listed.reordered) {
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
  PreparedName prepared;
  prepared.words = NameTokens(name);
  prepared.reordered = ReorderedNameTokens(name);
  for (const std::string& word : prepared.words) {
    if (!IsLegalFormWord(word)) prepared.evidence.push_back(word);
  }
  if (prepared.evidence.empty()) prepared.evidence = prepared.words;
  for (const std::string& word : prepared.evidence) prepared.keys.push_back(PhoneticKey(word));
  return prepared;
}

double ScoreName(const PreparedName& query, const PreparedName& candidate, ScoringMode mode) {
  if (mode == ScoringMode::kScreening) return ScreeningScore(query, candidate);
  double score = OfacScore(query.words, candidate.words);
  if (!candidate.reordered.empty())
    score = std::max(score, OfacScore(query.words, candidate.reordered));
  return score;
}

}  // namespace tradelint
