#include "engine/check/internal/metadata_lints.h"

#include <string_view>
#include <vector>

#include "engine/base/ascii_case.h"
#include "engine/base/spelling.h"
#include "engine/diag/codes.h"

namespace tradelint::check_internal {
namespace {

// What to write instead of `tag`: a country code's language (`kr` is Korea, whose language is
// `ko`), else the closest language by spelling.
std::string Help(std::string_view subtag, const LanguageTable& languages,
                 const std::set<std::string, std::less<>>& all_languages) {
  if (const std::vector<std::string>* of_country = languages.Of(AsciiUpper(subtag));
      of_country != nullptr && !of_country->empty()) {
    return "`" + std::string(subtag) + "` is the country code of " + AsciiUpper(subtag) +
           "; its language is `" + of_country->front() + "`";
  }
  const std::string closest =
      ClosestMatch(subtag, std::vector<std::string>(all_languages.begin(), all_languages.end()));
  if (!closest.empty()) return "did you mean `" + closest + "`?";
  return "use an ISO 639-1 language code of a market in rulesets/reference/languages.csv";
}

void LintLanguage(std::string_view item, const std::string& tag, const Span& span,
                  const LanguageTable& languages,
                  const std::set<std::string, std::less<>>& all_languages,
                  Diagnostics& diagnostics) {
  const std::string subtag = AsciiLower(std::string_view(tag).substr(0, tag.find('-')));
  if (all_languages.count(subtag) != 0) return;
  diagnostics.Warning(code::kUnknownLanguage, span,
                      "`" + std::string(item) + " " + tag + "`: no market has the language `" +
                          subtag + "`, so no `--lang` selects this text",
                      Help(subtag, languages, all_languages));
}

}  // namespace

void LintMetadata(const ast::RulesetFile& file, const ast::Rule& rule,
                  const LanguageTable* languages,
                  const std::set<std::string, std::less<>>& all_languages,
                  Diagnostics& diagnostics) {
  if (file.version && !rule.ref) {
    diagnostics.Warning(code::kMissingRef, rule.id.span,
                        "rule `" + rule.id.text +
                            "` has no `ref`: its findings cannot be traced "
                            "to the law it encodes",
                        "add `ref \"...\"` with the law catalogue id (or another stable id of "
                        "the obligation)");
  }
  if (languages == nullptr) return;
  // In the order rules usually give them: title, message, fix.
  for (const ast::TitleTranslation& title : rule.title_translations) {
    LintLanguage("title", title.language, title.span, *languages, all_languages, diagnostics);
  }
  for (const ast::Text& text : rule.messages) {
    if (!text.language.empty())
      LintLanguage("message", text.language, text.span, *languages, all_languages, diagnostics);
  }
  for (const ast::Text& text : rule.fixes) {
    if (!text.language.empty())
      LintLanguage("fix", text.language, text.span, *languages, all_languages, diagnostics);
  }
}

}  // namespace tradelint::check_internal
