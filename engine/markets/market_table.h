#pragma once
// The market table: which codes are markets, and which markets lie inside which, on a date.
//
// A market is a country (ISO 3166-1 alpha-2, from the table), a subdivision (ISO 3166-2:
// `^[A-Z]{2}-[A-Z0-9]{1,3}$` whose first two letters are a country of the table; the part after
// the hyphen is not checked against a list) or a group of countries (EU, EEA, GCC) whose
// membership is dated. The data lives in rulesets/reference/markets.json:
//
//   {"name": ..., "source": ..., "date": "YYYY-MM-DD", "note": ...,   (note optional)
//    "countries": ["AD", ...],
//    "groups": {"EU": {"name": ..., "note": ..., "members": [          (name, note optional)
//        {"country": "GB", "from": "1973-01-01", "until": "2020-01-31"}, ...]}},
//    "extensions": [                                                   (optional)
//        {"ruleset": "eu.gdpr", "market": "NO", "from": "2018-07-20", "until": ...,
//         "agreement": "EEA", "instrument": ..., "refs": ["NO-GDPR-TRANSFER", ...]}, ...]}
//
// `from` is the first day of membership and `until`, when present, the last. Unknown keys are
// errors, so a misspelt `untill` cannot silently make a membership open-ended.
//
// An extension makes one ruleset reach a market outside its jurisdiction from a date, because
// an agreement incorporates the act into that market's law: Norway applies the GDPR through
// the EEA Agreement from the day the EEA Joint Committee's decision took effect there, but not
// the EU's VAT or customs law. The ruleset's rules are then judged for that market as they are,
// with their own dates as well; `refs` are the market's law-catalogue ids the extension stands
// for, `instrument` the incorporating decision.
//
// Containment is reflexive and dated. A subdivision lies inside its country and inside every
// group that contains its country; a country lies inside the groups it is a member of; a group
// lies inside another group when, on that date, it has members and all of them are members of
// the other (EU inside EEA). Nothing but itself lies inside a subdivision.
//
// Immutable after Load; every method is const and safe to call from several threads.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/base/date.h"
#include "engine/base/string_hash.h"

namespace tradelint {

class MarketTable {
 public:
  // The jurisdiction of rulesets that apply in every market.
  static constexpr std::string_view kGlobal = "GLOBAL";

  enum class Form { kCountry, kSubdivision, kGroup };

  // Where the data came from, for the report's reference_data.
  struct Provenance {
    std::string name;
    std::string source;
    std::string date;  // YYYY-MM-DD of the snapshot
  };

  // Reads and validates a markets.json file. On failure returns nullopt and sets *error to a
  // one-line message that starts with `path`.
  static std::optional<MarketTable> Load(const std::string& path, std::string* error);
  // Same, from the document's text; messages name no file.
  static std::optional<MarketTable> Parse(std::string_view json_text, std::string* error);

  // The form of a valid market code (case-sensitive: markets are upper case); nullopt when
  // `code` is not a market. GLOBAL is a jurisdiction, not a market.
  std::optional<Form> Classify(std::string_view code) const;
  bool IsValidMarket(std::string_view code) const { return Classify(code).has_value(); }
  bool IsCountry(std::string_view code) const { return Classify(code) == Form::kCountry; }

  // A did-you-mean for a code that is not a valid market; "" when `code` is valid or nothing
  // is close. Tries, in order: upper-casing (`de` -> DE); the usual non-ISO aliases of a
  // country, also as a subdivision's country part (UK -> GB, EL -> GR, UK-NIR -> GB-NIR); two
  // swapped letters (ED -> DE); then the closest valid code by edit distance.
  std::string Suggest(std::string_view code) const;

  // Whether `inner` lies inside `outer` on `date` (see the file comment). False when either is
  // not a valid market. DE in EU, US-CA in US, DE-BY in EU, EU in EEA; US-CA not in EU.
  bool Contains(std::string_view outer, std::string_view inner, Date date) const;

  // Whether a listing for `market` is subject to rules of `jurisdiction` on `date`: when either
  // contains the other (DE selects EU and DE; US selects US and US-CA; EU selects EU, EEA and
  // every member state), and always for the jurisdiction GLOBAL. False when `market` is not a
  // valid market.
  bool Selects(std::string_view market, std::string_view jurisdiction, Date date) const;

  // Whether the ruleset `ruleset` of jurisdiction `jurisdiction` applies to a listing for
  // `market` on `date`: when Selects(market, jurisdiction, date), or when an extension brings
  // the ruleset to a market that lies inside `market` or contains it (NO, EEA) on that date.
  bool SelectsRuleset(std::string_view market, std::string_view jurisdiction,
                      std::string_view ruleset, Date date) const;

  // An agreement that makes a ruleset reach a market (see the file comment).
  struct Extension {
    std::string ruleset;
    std::string market;  // a country
    Date from;
    std::optional<Date> until;  // last day; open-ended when absent
    std::string agreement;      // e.g. EEA
    std::string instrument;     // the incorporating decision
    std::vector<std::string> refs;
  };
  const std::vector<Extension>& extensions() const { return extensions_; }

  // Member countries of `group` on `date`, sorted; empty when `group` is not a group.
  std::vector<std::string> Members(std::string_view group, Date date) const;
  // Every group's code, sorted.
  std::vector<std::string> GroupNames() const;
  // Every country's code, sorted.
  std::vector<std::string> CountryCodes() const;

  const Provenance& provenance() const { return provenance_; }

 private:
  struct Membership {
    std::string country;
    Date from;
    std::optional<Date> until;  // last day of membership; open-ended when absent
  };

  bool IsMember(std::string_view group, std::string_view country, Date date) const;

  std::unordered_set<std::string, StringHash, std::equal_to<>> countries_;  // ISO 3166-1 alpha-2
  std::map<std::string, std::vector<Membership>, std::less<>> groups_;
  std::vector<Extension> extensions_;
  Provenance provenance_;
};

}  // namespace tradelint
