#pragma once
// A unified diff of two texts, line by line, as `diff -u` prints it (for `tradelint fmt --diff`).

#include <string>
#include <string_view>

namespace tradelint::cli {

// The hunks that turn `before` into `after`, each with up to three lines of context, under the
// headers `--- <path>` and `+++ <path>` (`patch -p0` applies them). Empty when the texts are
// equal.
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace tradelint::cli
