#pragma once
// The language features, one file each: the answer to a request (or the params of a
// notification) for a document.

#include <cstddef>
#include <optional>

#include <nlohmann/json.hpp>

#include "tools/tradelint/lsp/document_store.h"
#include "tools/tradelint/lsp/language_data.h"
#include "tools/tradelint/lsp/protocol.h"

namespace tradelint::lsp {

// diagnostics.cc: the params of textDocument/publishDiagnostics for the latest analysis.
nlohmann::json PublishDiagnostics(const Document& document);
// hover.cc: a field's type and guide text, a function's signature, a definition's text, a
// rule's title, citation and dates, a ruleset's header; null when nothing is known.
nlohmann::json Hover(const Document& document, const LanguageData& data, Position position);
// completion.cc: a CompletionList for the text before the position.
nlohmann::json Completion(const Document& document, const LanguageData& data, Position position);
// definition.cc: the Location a name at the position is defined at; null when none.
nlohmann::json Definition(const Document& document, Position position);
// symbols.cc: the DocumentSymbols of the ruleset, its definitions, rules and tests.
nlohmann::json DocumentSymbols(const Document& document);
// formatting.cc: one TextEdit to the canonical layout of `tradelint fmt`, none when the text
// is already in it; null when the text does not parse.
nlohmann::json Formatting(const Document& document);

// navigation.cc: what hover and definition share.
// The document's latest parsed text and the byte offset of a position in it; nullopt when the
// document has never parsed.
struct Cursor {
  const Analysis* analysis = nullptr;
  const ast::RulesetFile* file = nullptr;  // analysis->document
  std::size_t offset = 0;
};
std::optional<Cursor> CursorAt(const Document& document, Position position);
// `{uri, range}` of a valid span; the document's own URI for a span in its text.
nlohmann::json LocationJson(const Document& document, const Span& span);

}  // namespace tradelint::lsp
