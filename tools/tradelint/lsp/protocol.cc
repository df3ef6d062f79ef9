#include "tools/tradelint/lsp/protocol.h"

namespace tradelint::lsp {

nlohmann::json ToJson(Position position) {
  return {{"line", position.line}, {"character", position.character}};
}

nlohmann::json RangeJson(const LineIndex& lines, std::size_t begin, std::size_t end) {
  return {{"start", ToJson(lines.PositionOf(begin))}, {"end", ToJson(lines.PositionOf(end))}};
}

nlohmann::json RangeJson(const Span& span) {
  return RangeJson(LineIndex(span.file->text()), span.begin, span.end);
}

Position PositionFromJson(const nlohmann::json& position) {
  return {position.at("line").get<int>(), position.at("character").get<int>()};
}

}  // namespace tradelint::lsp
