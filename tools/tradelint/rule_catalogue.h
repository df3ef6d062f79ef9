#pragma once
// The rule catalogue (docs/cli.md, "rules"): the rules that a market selects and that are in
// force on a date, and their JSON form. `tradelint rules` and the server's `GET /v1/rules`
// (docs/server.md) share it.

#include <optional>
#include <string>
#include <vector>

#include "engine/base/date.h"
#include "engine/plan/program.h"

namespace tradelint::cli {

struct RuleFilter {
  std::string market;         // a valid market code; empty: every market
  std::optional<Date> as_of;  // empty: rules in force on any date
};

// The rules of `program` that `filter.market` selects (judged at the as-of date, else today)
// and that are in force at `filter.as_of` when given, in load order.
std::vector<const CheckedRule*> SelectRules(const Program& program, const RuleFilter& filter);

// `{"rules": [...], "translation_coverage": {...}}` as docs/cli.md describes it,
// pretty-printed, without a final line end; `ref` only for a rule that has one.
std::string RuleCatalogueJson(const std::vector<const CheckedRule*>& rules);

}  // namespace tradelint::cli
