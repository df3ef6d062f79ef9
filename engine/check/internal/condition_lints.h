#pragma once
// Warnings about a rule's conditions that are decided before any record is read (all cases
// in docs/diagnostics.md):
// - `constant_condition`: a `when` or `unless` computed from constants only (reading nothing
//   of the record, the market or the date), so the rule always or never applies; one written
//   as a single constant (`when true`) is meant so;
// - `contradictory_conditions`: two conditions that must all hold compare one field (or
//   `market`) with different constants (`market == KR and market == JP`);
// - `scope_never_holds`: a `when` that needs `market == X` for an X the ruleset's
//   jurisdiction never selects, so the rule never applies.

#include "engine/check/checked.h"
#include "engine/diag/diagnostic.h"
#include "engine/markets/market_table.h"

namespace tradelint::check_internal {

void LintConditions(const CheckedRule& rule, const MarketTable& markets, Diagnostics& diagnostics);

}  // namespace tradelint::check_internal
