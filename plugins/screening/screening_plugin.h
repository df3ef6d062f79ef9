#pragma once
// The `screening` plugin: parties screened against the sanctions lists and declared HS codes
// checked against the HS 2022 nomenclature, both shipped as reference data
// (docs/screening.md).
//
//   sanctions_match(names, min_score, aliases [, born])
//       for the first of `names` (a string or a list of strings) with a match, the best listed
//       entry whose name scores at least `min_score` (0..100), described for a finding: the
//       name, list, entry id, the listed name matched, program, score and list version; ""
//       when none. `aliases`: "strong" (primary names and strong aliases) or
//       "all" (weak aliases too). `born` (a date) raises or lowers the score
//       against an entry with dates of birth. Missing when the lists cannot be read.
//   hs_code_known(code)     whether the first six digits of a code of at least six digits
//                           are a subheading of HS 2022 (false for anything else)
//   hs_unknown(codes)       "" when every code (a string or a list of strings) is known as
//                           hs_code_known says; else the first unknown code and the valid
//                           subheadings nearest to it: "`950399` is not an HS 2022 subheading
//                           (by its first six digits); nearest valid: 950300 (...)"

#include <memory>
#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"
#include "engine/screening/dispositions.h"

namespace tradelint {

class ScreeningPlugin : public Plugin {
 public:
  // `dispositions` (--dispositions; may be null): a match cleared by a disposition that holds
  // is skipped; one whose disposition no longer holds says so in its description.
  explicit ScreeningPlugin(std::shared_ptr<const Dispositions> dispositions = nullptr)
      : dispositions_(std::move(dispositions)) {}
  std::string_view name() const override { return "screening"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;

 private:
  std::shared_ptr<const Dispositions> dispositions_;
};

}  // namespace tradelint
