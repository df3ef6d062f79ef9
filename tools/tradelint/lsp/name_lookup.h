#pragma once
// Names resolved among the rulesets of an analysis, as the checker resolves them: a file's own
// definitions first, then those of the rulesets it imports.

#include <string_view>
#include <vector>

#include "engine/ast/ast.h"
#include "tools/tradelint/lsp/analysis.h"

namespace tradelint::lsp {

struct FoundDefinition {
  const ast::RulesetFile* file = nullptr;
  const ast::Definition* definition = nullptr;
};
// The definitions visible in `from`: its own, then those of the rulesets it imports (directly
// or through another import), nearer ones first.
std::vector<FoundDefinition> VisibleDefinitions(const Analysis& analysis,
                                                const ast::RulesetFile& from);
// The first of them named `name`; both null when none.
FoundDefinition FindDefinition(const Analysis& analysis, const ast::RulesetFile& from,
                               std::string_view name);

// The loaded ruleset with the id, or null.
const ast::RulesetFile* FindRuleset(const Analysis& analysis, std::string_view id);

struct FoundRule {
  const ast::RulesetFile* file = nullptr;
  const ast::Rule* rule = nullptr;
};
// The rule named `id` from `from`: a local id of `from`, else a full id `<ruleset>.<rule>`.
FoundRule FindRule(const Analysis& analysis, const ast::RulesetFile& from, std::string_view id);

}  // namespace tradelint::lsp
