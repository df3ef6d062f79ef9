#pragma once
// The `regex` plugin: regular expressions in RE2 syntax (linear time, no backtracking).
//
//   matches(text, pattern)     a match anywhere in the text (partial match)
//   full_match(text, pattern)  the whole text matches
//   extract(text, pattern)     the first capture group of the first match, or missing
//
// The pattern must be a constant string: it is compiled once at plan time (`prepare`) and the
// compiled RE2 is shared by every evaluation on every thread. An invalid pattern, or one whose
// compiled program would exceed the memory limit, is an error for the author naming RE2's
// message. Flags are written inline as RE2 reads them: `(?i)` for case-insensitive matching.

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

struct RegexOptions {
  // RE2's max_mem: the memory budget of one compiled pattern, in bytes.
  std::int64_t max_mem = std::int64_t{8} << 20;
};

class RegexPlugin : public Plugin {
 public:
  explicit RegexPlugin(RegexOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "regex"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;

 private:
  RegexOptions options_;
};

}  // namespace tradelint
