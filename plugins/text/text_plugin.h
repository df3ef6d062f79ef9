#pragma once
// The `text` plugin: Unicode-aware string functions.
//
//   lower, upper, casefold (NFKC case folding), normalize (NFC), trim, len,
//   contains / starts_with / ends_with (exact, case-sensitive),
//   contains_text (substring after case folding both sides),
//   contains_word / matching_words (whole words and phrases from a constant word list of any
//   size; see words.h for what a word is and word_matcher.h for the cost).

#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

class TextPlugin : public Plugin {
 public:
  std::string_view name() const override { return "text"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;
};

}  // namespace tradelint
