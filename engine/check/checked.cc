#include "engine/check/checked.h"

namespace tradelint {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::optional<Severity> SeverityFromName(std::string_view name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "info") return Severity::kInfo;
  return std::nullopt;
}

const std::string& TitleIn(const CheckedRule& rule, std::string_view language) {
  if (const auto exact = rule.title_translations.find(std::string(language));
      exact != rule.title_translations.end()) {
    return exact->second;
  }
  const auto primary =
      rule.title_translations.find(std::string(language.substr(0, language.find('-'))));
  return primary != rule.title_translations.end() ? primary->second : rule.title;
}

}  // namespace tradelint
