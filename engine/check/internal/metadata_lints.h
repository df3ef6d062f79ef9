#pragma once
// Warnings about what a rule says of itself rather than what it checks (all cases in
// docs/diagnostics.md):
// - `missing_ref`: a rule of a released ruleset (one that declares its `version`) names no
//   `ref`, so its findings cannot be traced to the law catalogue entry (or other external id)
//   it encodes; drafts and test fixtures without a version are not held to it;
// - `unknown_language`: a `message`, `fix` or `title` is tagged with a language that is no
//   market's official language in the languages table (`message kr` for Korean, which is
//   `ko`), so no `--lang` ever selects it;
// - `translation_omits_value`: a `message xx` or `fix xx` leaves out a `{...}` value that the
//   default (English) text shows, so a reader in that language loses a figure (the count, the
//   sum, the date) the finding is about. Values are compared as written, spaces aside.

#include <set>
#include <string>

#include "engine/ast/ast.h"
#include "engine/diag/diagnostic.h"
#include "engine/refdata/language_table.h"

namespace tradelint::check_internal {

// `file` holds `rule`. `languages`: the markets' languages; null: tags are not checked. A tag's
// primary subtag
// (`zh` of `zh-Hant`), in any case, must be among `all_languages` (LanguageTable::AllLanguages
// of `languages`).
void LintMetadata(const ast::RulesetFile& file, const ast::Rule& rule,
                  const LanguageTable* languages,
                  const std::set<std::string, std::less<>>& all_languages,
                  Diagnostics& diagnostics);

}  // namespace tradelint::check_internal
