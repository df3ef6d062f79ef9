#include "engine/parse/internal/test_blocks.h"

#include "RulesLexer.h"

namespace tradelint::parse_internal {

using tradelint_grammar::RulesLexer;

std::vector<TokenRange> FindTestBlocks(std::span<const std::size_t> types) {
  std::vector<TokenRange> blocks;
  int depth = 0;
  for (std::size_t i = 0; i < types.size(); ++i) {
    const std::size_t type = types[i];
    if (type == RulesLexer::LBRACE) ++depth;
    if (type == RulesLexer::RBRACE) --depth;
    if (depth != 0 || type != RulesLexer::TEST || i + 2 >= types.size() ||
        types[i + 1] != RulesLexer::STRING || types[i + 2] != RulesLexer::LBRACE) {
      continue;
    }
    std::size_t end = i + 2;
    for (int inner = 0; end < types.size(); ++end) {
      if (types[end] == RulesLexer::LBRACE) ++inner;
      if (types[end] == RulesLexer::RBRACE && --inner == 0) break;
    }
    if (end == types.size()) break;
    blocks.push_back({i, end});
    i = end;
  }
  return blocks;
}

}  // namespace tradelint::parse_internal
