#pragma once
// The version of the installed libtradelint, e.g. `0.1.0` (docs/embedding.md); the headers
// and the library must come from one installation.

#include <string_view>

namespace tradelint {

std::string_view LibraryVersion();

}  // namespace tradelint
