#include "engine/eval/finding.h"

namespace tradelint {

std::string_view BasisName(Basis basis) {
  return basis == Basis::kViolation ? "violation" : "missing_data";
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass: return "pass";
    case Verdict::kWarn: return "warn";
    case Verdict::kFail: return "fail";
    case Verdict::kInvalid: return "invalid";
  }
  return "pass";
}

Verdict VerdictOf(const std::vector<Finding>& findings) {
  Verdict verdict = Verdict::kPass;
  for (const Finding& finding : findings) {
    if (finding.rule->severity == Severity::kError) return Verdict::kFail;
    if (finding.rule->severity == Severity::kWarning) verdict = Verdict::kWarn;
  }
  return verdict;
}

}  // namespace tradelint
