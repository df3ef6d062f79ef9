#include "engine/report/report_writer.h"

#include <charconv>

namespace tradelint {

void FindingCounts::Count(const Finding& finding) {
  if (finding.waived) {
    ++waived;
    return;
  }
  switch (finding.rule->severity) {
    case Severity::kError:
      ++error;
      break;
    case Severity::kWarning:
      ++warning;
      break;
    case Severity::kInfo:
      ++info;
      break;
  }
}

void Summary::Count(const RecordResult& result) {
  for (const Finding& finding : result.findings) {
    by_rule[finding.rule->id].Count(finding);
    if (result.market) by_market[*result.market].Count(finding);
    by_domain[finding.rule->domain].Count(finding);
  }
  ++results;
  switch (result.verdict) {
    case Verdict::kPass:
      ++pass;
      break;
    case Verdict::kNotCovered:
      ++not_covered;
      break;
    case Verdict::kWarn:
      ++warn;
      break;
    case Verdict::kFail:
      ++fail;
      break;
    case Verdict::kInvalid:
      ++invalid;
      break;
  }
}

SourceLine SplitSource(std::string_view source) {
  const std::size_t colon = source.rfind(':');
  int line = 0;
  if (colon != std::string_view::npos) {
    const std::string_view digits = source.substr(colon + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), line);
    if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty()) {
      return {source.substr(0, colon), line};
    }
  }
  return {source, 0};
}

}  // namespace tradelint
