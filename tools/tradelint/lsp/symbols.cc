// textDocument/documentSymbol: the ruleset, and inside it its definitions, rules and tests.

#include "tools/tradelint/lsp/features.h"

namespace tradelint::lsp {
namespace {

// LSP's SymbolKind.
enum SymbolKind {
  kNamespace = 3,
  kClass = 5,
  kMethod = 6,
  kFunction = 12,
  kConstant = 14,
  kArray = 18,
  kStruct = 23,
};

int DefinitionSymbolKind(ast::Definition::Kind kind) {
  switch (kind) {
    case ast::Definition::Kind::kDef:
      return kFunction;
    case ast::Definition::Kind::kConst:
      return kConstant;
    case ast::Definition::Kind::kSet:
      return kArray;
    case ast::Definition::Kind::kTable:
      return kStruct;
  }
  return kConstant;
}

nlohmann::json Symbol(const LineIndex& lines, const std::string& name, const std::string& detail,
                      int kind, const Span& whole, const Span& name_span) {
  return {{"name", name},
          {"detail", detail},
          {"kind", kind},
          {"range", RangeJson(lines, whole.begin, whole.end)},
          {"selectionRange", RangeJson(lines, name_span.begin, name_span.end)}};
}

}  // namespace

nlohmann::json DocumentSymbols(const Document& document) {
  if (document.parsed == nullptr) return nlohmann::json::array();
  const ast::RulesetFile& file = *document.parsed->document;
  const LineIndex lines(file.source->text());
  nlohmann::json children = nlohmann::json::array();
  static constexpr const char* kDefinitionWords[] = {"def", "const", "set", "table"};
  for (const ast::Definition& definition : file.definitions) {
    children.push_back(
        Symbol(lines, definition.name, kDefinitionWords[static_cast<int>(definition.kind)],
               DefinitionSymbolKind(definition.kind), definition.span, definition.name_span));
  }
  for (const ast::Rule& rule : file.rules) {
    children.push_back(Symbol(lines, rule.id.text, rule.title, kClass, rule.span, rule.id.span));
  }
  for (const ast::Test& test : file.tests) {
    children.push_back(Symbol(lines, test.name.text, "test", kMethod, test.span, test.name.span));
  }
  // The ruleset spans the whole file: its header and everything after.
  nlohmann::json ruleset = Symbol(
      lines, file.id.text, file.title ? file.title->text : std::string(), kNamespace,
      Span{file.source, 0, static_cast<std::uint32_t>(file.source->text().size())}, file.id.span);
  ruleset["children"] = std::move(children);
  return nlohmann::json::array({std::move(ruleset)});
}

}  // namespace tradelint::lsp
