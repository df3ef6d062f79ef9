#pragma once
// Waivers: findings a compliance owner has accepted for a time (docs/cli.md, "Waivers").
//
// A waiver names a rule (its id, a scope rule's `<ruleset>.scope`, or a catalogue ref), the
// records it covers (an id, or a pattern with `*` and `?`), optionally the markets, and why,
// until when (inclusive, against today's UTC date) and by whom. A waived finding stays in the
// report with its waiver and does not count toward the verdict or `--fail-on`; an expired
// waiver no longer applies and the result says so.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/date.h"
#include "engine/plan/program.h"

namespace tradelint {

struct Waiver {
  std::string rule;                  // a rule id, or a catalogue ref
  std::string record;                // a record id, or a pattern with `*` and `?`
  std::vector<std::string> markets;  // empty: every market
  std::string reason;
  Date expires;  // the last day it applies
  std::string approved_by;
  std::string location;  // `file: waivers[N]`, for messages
};

class Waivers {
 public:
  // Parses the JSON text of a waivers file (`{"waivers": [...]}`), checking each waiver's
  // fields and that its rule is a rule id or catalogue ref of `program`. On error returns
  // nullopt and sets `error` to a message naming `file_name`, the waiver and the field.
  static std::optional<Waivers> Parse(std::string_view text, std::string_view file_name,
                                      const Program& program, std::string* error);
  // Reads and parses the file at `path`.
  static std::optional<Waivers> Load(const std::string& path, const Program& program,
                                     std::string* error);

  // The waiver for a finding of `rule` on record `record_id` in `market` (a member market is
  // matched by its own code and by its group's): the first one in force on `today`, else the
  // first expired one (which no longer applies, but the result says so); null when none.
  const Waiver* Find(const CheckedRule& rule, std::string_view record_id, std::string_view market,
                     std::string_view group_market, Date today) const;

  const std::vector<Waiver>& waivers() const { return waivers_; }

 private:
  std::vector<Waiver> waivers_;
};

// Whether `text` matches `pattern`, where `*` matches any run of characters and `?` one.
bool MatchesWildcard(std::string_view pattern, std::string_view text);

}  // namespace tradelint
