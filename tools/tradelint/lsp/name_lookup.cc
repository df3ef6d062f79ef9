#include "tools/tradelint/lsp/name_lookup.h"

#include <deque>
#include <set>
#include <string>

namespace tradelint::lsp {
namespace {

const ast::Rule* OwnRule(const ast::RulesetFile& file, std::string_view id) {
  for (const ast::Rule& rule : file.rules) {
    if (rule.id.text == id) return &rule;
  }
  return nullptr;
}

}  // namespace

const ast::RulesetFile* FindRuleset(const Analysis& analysis, std::string_view id) {
  for (const auto& file : analysis.files) {
    if (file->id.text == id) return file.get();
  }
  return nullptr;
}

std::vector<FoundDefinition> VisibleDefinitions(const Analysis& analysis,
                                                const ast::RulesetFile& from) {
  std::vector<FoundDefinition> visible;
  // Breadth first: nearer imports shadow farther ones.
  std::deque<const ast::RulesetFile*> pending = {&from};
  std::set<const ast::RulesetFile*> seen = {&from};
  while (!pending.empty()) {
    const ast::RulesetFile* file = pending.front();
    pending.pop_front();
    for (const ast::Definition& definition : file->definitions) {
      visible.push_back({file, &definition});
    }
    for (const ast::Word& import : file->imports) {
      const ast::RulesetFile* imported = FindRuleset(analysis, import.text);
      if (imported != nullptr && seen.insert(imported).second) pending.push_back(imported);
    }
  }
  return visible;
}

FoundDefinition FindDefinition(const Analysis& analysis, const ast::RulesetFile& from,
                               std::string_view name) {
  for (const FoundDefinition& found : VisibleDefinitions(analysis, from)) {
    if (found.definition->name == name) return found;
  }
  return {};
}

FoundRule FindRule(const Analysis& analysis, const ast::RulesetFile& from, std::string_view id) {
  if (const ast::Rule* rule = OwnRule(from, id)) return {&from, rule};
  const std::size_t dot = id.rfind('.');
  if (dot == std::string_view::npos) return {};
  const ast::RulesetFile* file = FindRuleset(analysis, id.substr(0, dot));
  const ast::Rule* rule = file != nullptr ? OwnRule(*file, id.substr(dot + 1)) : nullptr;
  return rule != nullptr ? FoundRule{file, rule} : FoundRule{};
}

}  // namespace tradelint::lsp
