#include "engine/check/internal/metadata_lints.h"

#include <algorithm>
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

// The `{...}` values `text` shows, as written with spaces removed, each once.
std::vector<std::string> ShownValues(const ast::Text& text) {
  std::vector<std::string> values;
  for (const ast::Text::Piece& piece : text.pieces) {
    if (piece.expr == nullptr) continue;
    std::string value;
    for (const char c : piece.expr->span.text()) {
      if (c != ' ' && c != '\n' && c != '\t') value += c;
    }
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
  return values;
}

// Each translation of `texts` (`item` is `message` or `fix`) shows every value the default
// text shows.
void LintTranslatedValues(std::string_view item, const std::vector<ast::Text>& texts,
                          Diagnostics& diagnostics) {
  const auto default_text = std::find_if(
      texts.begin(), texts.end(), [](const ast::Text& text) { return text.language.empty(); });
  if (default_text == texts.end()) return;
  const std::vector<std::string> shown = ShownValues(*default_text);
  if (shown.empty()) return;
  for (const ast::Text& text : texts) {
    if (text.language.empty()) continue;
    const std::vector<std::string> translated = ShownValues(text);
    for (const std::string& value : shown) {
      if (std::find(translated.begin(), translated.end(), value) != translated.end()) continue;
      diagnostics.Warning(code::kTranslationOmitsValue, text.span,
                          "`" + std::string(item) + " " + text.language + "` leaves out `{" +
                              value + "}`, which the default text shows",
                          "show `{" + value +
                              "}` in the translation too, where the sentence "
                              "in that language puts it");
    }
  }
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
  LintTranslatedValues("message", rule.messages, diagnostics);
  LintTranslatedValues("fix", rule.fixes, diagnostics);
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
