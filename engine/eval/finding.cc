#include "engine/eval/finding.h"

namespace tradelint {

std::string_view BasisName(Basis basis) {
  switch (basis) {
    case Basis::kViolation:
      return "violation";
    case Basis::kMissingData:
      return "missing_data";
    case Basis::kUndecided:
      return "undecided";
  }
  return "violation";
}

Coverage& Coverage::operator+=(const Coverage& other) {
  in_force += other.in_force;
  applied += other.applied;
  not_applicable += other.not_applicable;
  undecided += other.undecided;
  fired += other.fired;
  return *this;
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kNotCovered:
      return "not_covered";
    case Verdict::kWarn:
      return "warn";
    case Verdict::kFail:
      return "fail";
    case Verdict::kInvalid:
      return "invalid";
  }
  return "pass";
}

Verdict VerdictOf(const std::vector<Finding>& findings, bool covered) {
  Verdict verdict = covered ? Verdict::kPass : Verdict::kNotCovered;
  for (const Finding& finding : findings) {
    if (finding.waived) continue;
    if (finding.rule->severity == Severity::kError) return Verdict::kFail;
    if (finding.rule->severity == Severity::kWarning) verdict = Verdict::kWarn;
  }
  return verdict;
}

}  // namespace tradelint
