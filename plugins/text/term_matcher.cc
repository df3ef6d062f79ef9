#include "plugins/text/term_matcher.h"

#include <re2/re2.h>

#include "plugins/text/unicode_text.h"

namespace tradelint {

std::variant<TermMatcher, std::string> TermMatcher::Create(
    const std::vector<std::string>& entries) {
  std::string alternation;
  for (const std::string& entry : entries) {
    std::optional<std::string> folded = CaseFold(entry);
    if (!folded) return "`" + entry + "` is not valid UTF-8";
    if (folded->empty()) return "an empty term would match every text";
    if (!alternation.empty()) alternation += '|';
    alternation += RE2::QuoteMeta(*folded);
  }
  RE2::Options options;
  options.set_max_mem(256 << 20);  // large keyword lists need more than the 8 MiB default
  options.set_log_errors(false);
  options.set_never_capture(true);
  auto pattern = std::make_shared<const RE2>(
      alternation.empty() ? "[^\\x00-\\x{10FFFF}]" : alternation, options);
  if (!pattern->ok()) return "the term list cannot be compiled: " + pattern->error();
  TermMatcher matcher;
  matcher.pattern_ = std::move(pattern);
  return matcher;
}

std::optional<bool> TermMatcher::ContainsAny(std::string_view text) const {
  std::optional<std::string> folded = CaseFold(text);
  if (!folded) return std::nullopt;
  return RE2::PartialMatch(*folded, *pattern_);
}

}  // namespace tradelint
