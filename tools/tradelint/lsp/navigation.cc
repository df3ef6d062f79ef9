// What hover and go to definition share: the cursor in the latest parsed text, and locations.

#include "tools/tradelint/lsp/features.h"
#include "tools/tradelint/lsp/uri.h"

namespace tradelint::lsp {

std::optional<Cursor> CursorAt(const Document& document, Position position) {
  if (document.parsed == nullptr) return std::nullopt;
  const ast::RulesetFile* file = document.parsed->document;
  // Positions count in the text that parsed: while the current text has a syntax error, the
  // lines edited since may be off, the others are right.
  const LineIndex lines(file->source->text());
  return Cursor{document.parsed.get(), file, lines.OffsetOf(position)};
}

nlohmann::json LocationJson(const Document& document, const Span& span) {
  const std::string& path = span.file->path();
  const bool own = document.analysis != nullptr && path == document.analysis->path;
  return {{"uri", own ? document.uri : UriFromPath(path)}, {"range", RangeJson(span)}};
}

}  // namespace tradelint::lsp
