// textDocument/formatting: the document in the canonical layout of `tradelint fmt`
// (engine/format/formatter.h), as one edit replacing the whole text.

#include <optional>
#include <string>

#include "engine/format/formatter.h"
#include "tools/tradelint/lsp/features.h"

namespace tradelint::lsp {

nlohmann::json Formatting(const Document& document) {
  Diagnostics diagnostics;  // a syntax error: published with the document's other diagnostics
  const std::optional<std::string> formatted =
      FormatRuleset(document.path, document.text, diagnostics);
  if (!formatted) return nullptr;
  nlohmann::json edits = nlohmann::json::array();
  if (*formatted != document.text) {
    const LineIndex lines(document.text);
    edits.push_back(
        {{"range", RangeJson(lines, 0, document.text.size())}, {"newText", *formatted}});
  }
  return edits;
}

}  // namespace tradelint::lsp
