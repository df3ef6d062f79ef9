#pragma once
// What evaluating one record for one market produces.

#include <string>
#include <vector>

#include "engine/check/checked.h"

namespace tradelint {

// Why a finding was raised: the data shows the requirement is not met, or the data needed
// to decide is absent (`missing` names it). Both count toward the verdict by severity.
enum class Basis { kViolation, kMissingData };
std::string_view BasisName(Basis basis);

struct Finding {
  const CheckedRule* rule = nullptr;
  Basis basis = Basis::kViolation;
  std::vector<std::string> paths;    // fields the finding concerns, with concrete indexes
  std::vector<std::string> missing;  // kMissingData: the absent fields
  std::string message;               // in the requested language, or English
  std::string fix;                   // may be empty
  std::vector<std::string> notes;    // e.g. the exchange rate a conversion used
  std::vector<std::string> overrides;  // group rules this rule replaced for the market
};

enum class Verdict { kPass, kWarn, kFail, kInvalid };
std::string_view VerdictName(Verdict verdict);
// fail if any finding is an error; else warn if any is a warning; else pass.
Verdict VerdictOf(const std::vector<Finding>& findings);

}  // namespace tradelint
