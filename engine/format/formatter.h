#pragma once
// The canonical layout of ruleset files (docs/language.md, "Canonical layout"), for
// `tradelint fmt` and the language server.
//
// Formatting keeps every token as written (strings, numbers, names) and every comment; it
// changes only the spaces and line ends between tokens, drops a list's trailing comma, and
// collapses runs of blank lines. The result parses to the same rules, and formatting it again
// changes nothing.

#include <optional>
#include <string>

#include "engine/diag/diagnostic.h"

namespace tradelint {

// Column limit of the layout: longer items break at `and`/`or` and between list items.
inline constexpr int kFormatLineWidth = 100;

// `text`, the source of the ruleset file `path`, in the canonical layout. When the text does
// not parse, returns nullopt with the reasons in `diagnostics` (the errors ParseRuleset
// reports, located in `path`).
std::optional<std::string> FormatRuleset(const std::string& path, const std::string& text,
                                         Diagnostics& diagnostics);

}  // namespace tradelint
