#pragma once
// Dispositions: the decisions a compliance team recorded on screening matches (`--dispositions
// FILE`, docs/cli.md):
//
//   {"dispositions": [{"party": "Banco Nacional de Cuba SA", "list": "sdn", "entry": "306",
//                      "list_version": "2021-07-07", "decision": "cleared",
//                      "reason": "a different bank of the same name", "by": "J. Doe",
//                      "date": "2025-03-01"}]}
//
// A disposition concerns one party (matched by its normal form, NameTokens), one list and one
// entry. A `cleared` match stays cleared while the list has the version the decision was made
// on; once a newer version is in use, it no longer holds (the finding says so) until it is
// reviewed and carried forward (`tradelint screen --compare`, which carries forward those whose
// entry did not change). Immutable once loaded.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

struct Disposition {
  std::string party, list, entry, list_version, decision, reason, by, date;
};

class Dispositions {
 public:
  // Parses the file's JSON text; `file_name` names it in errors. On error returns nullopt and
  // sets `error` to `<file_name>: <message>`.
  static std::optional<Dispositions> Parse(std::string_view text, std::string_view file_name,
                                           std::string* error);

  // The disposition of `party` on the list's entry, or null.
  const Disposition* Find(std::string_view party, std::string_view list,
                          std::string_view entry) const;

  const std::vector<Disposition>& all() const { return dispositions_; }

 private:
  std::vector<Disposition> dispositions_;
  std::vector<std::string> parties_;  // the normal form of each disposition's party
};

// The normal form of a party's name that dispositions are matched by.
std::string PartyKey(std::string_view party);

}  // namespace tradelint
