#pragma once
// Where a file's top-level `test "name" { ... }` blocks are, for TestBlocks::kSkip: both the
// ANTLR path (syntax.h) and the direct parser (direct_parser.h) pass over exactly these.

#include <cstddef>
#include <span>
#include <vector>

namespace tradelint::parse_internal {

struct TokenRange {
  std::size_t first;  // the `test` token
  std::size_t last;   // its closing `}`
};

// `types`: the type of every token of the file in order, comments included. A block is a
// `test` token at brace depth 0 followed directly by a string and `{`, up to the `}` that
// closes that `{`. An unclosed block and everything after it are not found (the parser reports
// it).
std::vector<TokenRange> FindTestBlocks(std::span<const std::size_t> types);

}  // namespace tradelint::parse_internal
