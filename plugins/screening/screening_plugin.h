#pragma once
// The `screening` plugin: parties screened against the sanctions lists and declared HS codes
// checked against the HS 2022 nomenclature, both shipped as reference data
// (docs/screening.md).
//
//   sanctions_match(name, min_score, aliases [, born])
//       the best listed entry whose name scores at least `min_score` (0..100) for `name`,
//       described for a finding: list, entry id, program, the listed name matched, score and
//       list version; "" when none. `aliases`: "strong" (primary names and strong aliases) or
//       "all" (weak aliases too). `born` (a date, may be missing) raises or lowers the score
//       against an entry with dates of birth. Missing when `name` is missing or the lists
//       cannot be read.
//   hs_code_known(code)     whether the first six digits of a code of at least six digits
//                           are a subheading of HS 2022 (false for anything else)
//   hs_nearest(code)        the valid subheadings nearest to a code, as "950300 (…); …"

#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

class ScreeningPlugin : public Plugin {
 public:
  std::string_view name() const override { return "screening"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;
};

}  // namespace tradelint
