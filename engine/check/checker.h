#pragma once
// Checking: parsed ruleset files -> checked rulesets + diagnostics.
//
// The checker runs as an ordered table of named passes (see checker.cc): declarations,
// imports, headers, rules, overrides, tests. It reports every problem it finds with a
// stable code (docs/diagnostics.md) and never stops at the first. Rulesets with errors are
// still returned, but a caller must not plan them (Diagnostics::has_errors()).

#include <vector>

#include "engine/ast/ast.h"
#include "engine/base/file.h"
#include "engine/check/checked.h"
#include "engine/diag/diagnostic.h"
#include "engine/markets/market_table.h"
#include "engine/plugin/plugin.h"
#include "engine/refdata/language_table.h"
#include "engine/refdata/reference_overlay.h"
#include "engine/schema/schema.h"

namespace tradelint {

struct CheckEnvironment {
  const Schema* schema = nullptr;
  const FunctionRegistry* functions = nullptr;
  const MarketTable* markets = nullptr;
  // Files of `--reference-data` that replace bundled table files; null: none.
  const ReferenceOverlay* reference_overlay = nullptr;
  // The largest table and test record files read (a larger one is an error).
  RulesetFileLimits file_limits;
  // The languages of the markets: a text's language tag must be one of them. Null: tags are
  // not checked.
  const LanguageTable* languages = nullptr;
};

// Checks `files` together: imports resolve between them. The files must outlive the result
// only for their SourceFiles, which the result shares.
std::vector<CheckedRuleset> CheckRulesets(const std::vector<const ast::RulesetFile*>& files,
                                          const CheckEnvironment& environment,
                                          Diagnostics& diagnostics);

}  // namespace tradelint
