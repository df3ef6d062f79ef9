#pragma once
// How alike two names are, from 0 to 100 (docs/screening.md, "Scoring").
//
// kScreening, the default: each word of the query is paired with at most one word of the
// listed name (greedily, most alike first); a pair counts by its Jaro-Winkler similarity,
// raised by 0.04 when both words have one phonetic key and dropped when below 0.8; the score is
// 80% the query's words found and 20% the listed name's words found (each word weighted by its
// length; a middle name or patronymic left out by half of it: people leave those out), so
// word order does not matter, a surname alone scores high against the full name but a shared
// first name does not. Legal-form words (IsLegalFormWord) are left out on both sides; a name of
// such words only keeps them. Names written as one word or several (BASHIRUDDIN, BASHIR UD
// DIN) also compare as one word each.
//
// kOfac: the scoring of OFAC's Sanctions List Search as calibrated on its published scores
// (bench/README.md): the better of the mean over the query's words of their best Jaro-Winkler
// similarity to a word of the listed name, and the Jaro-Winkler similarity of the two names
// written out, for the name as listed and for "LAST, First" read as "First LAST". Every word
// counts, legal forms too, as in OFAC's tool.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

enum class ScoringMode { kScreening, kOfac };

// A name normalised once for scoring it against many others. Its words and keys are views of
// one buffer it owns (three allocations a name, however many words): moving it keeps them
// valid; it is not copied.
class PreparedName {
 public:
  using Words = std::span<const std::string_view>;

  Words words() const { return Slice(0, reordered_at_); }  // NameTokens, in order
  // ReorderedNameTokens ("LAST, First"), or empty
  Words reordered() const { return Slice(reordered_at_, evidence_at_); }
  Words evidence() const { return Slice(evidence_at_, keys_at_); }  // the words not legal forms
  Words keys() const {
    return Slice(keys_at_, views_.size());
  }  // PhoneticKey of each evidence word
  // What each evidence word counts for in its name's share (kScreening) when the other name
  // lacks it: its letters, half of them for a middle name or patronymic (a word neither first
  // nor last as the name is read). A word found counts all its letters.
  std::span<const double> unfound_weights() const { return unfound_weights_; }

 private:
  friend PreparedName PrepareName(std::string_view name);
  Words Slice(std::size_t from, std::size_t to) const {
    return Words(views_).subspan(from, to - from);
  }

  std::unique_ptr<char[]> letters_;      // what views_ see
  std::vector<std::string_view> views_;  // words, reordered, evidence, keys
  std::size_t reordered_at_ = 0, evidence_at_ = 0, keys_at_ = 0;
  std::vector<double> unfound_weights_;
};

PreparedName PrepareName(std::string_view name);

// The score of `candidate` (a listed name) for `query` (the name screened), 0 to 100.
double ScoreName(const PreparedName& query, const PreparedName& candidate, ScoringMode mode);

}  // namespace tradelint
