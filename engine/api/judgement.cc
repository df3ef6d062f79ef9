#include "engine/api/judgement.h"

#include <algorithm>

namespace tradelint {
namespace {

bool SameFinding(const Finding& a, const Finding& b) {
  return a.rule == b.rule && a.message == b.message && a.waived.has_value() == b.waived.has_value();
}

}  // namespace

MarketJudgement CombineMembers(std::string_view group,
                               const std::vector<MarketJudgement>& members) {
  MarketJudgement combined;
  combined.market = std::string(group);
  std::optional<Verdict> worst;
  for (const MarketJudgement& member : members) {
    combined.coverage += member.coverage;
    if (member.verdict != Verdict::kNotCovered)
      worst = std::max(worst.value_or(member.verdict), member.verdict);
    for (const Finding& finding : member.findings) {
      auto same = std::find_if(combined.findings.begin(), combined.findings.end(),
                               [&](const Finding& other) { return SameFinding(other, finding); });
      if (same == combined.findings.end()) {
        combined.findings.push_back(finding);
        same = combined.findings.end() - 1;
      }
      same->members.push_back(member.market);
    }
    combined.explanations.insert(combined.explanations.end(), member.explanations.begin(),
                                 member.explanations.end());
    for (const std::string& note : member.notes) {
      std::string prefixed = member.market + ": " + note;
      if (std::find(combined.notes.begin(), combined.notes.end(), prefixed) ==
          combined.notes.end()) {
        combined.notes.push_back(std::move(prefixed));
      }
    }
  }
  combined.verdict = worst.value_or(Verdict::kNotCovered);
  if (members.empty()) {
    combined.notes.push_back("group `" + combined.market + "` has no members on the as-of date");
  }
  return combined;
}

}  // namespace tradelint
