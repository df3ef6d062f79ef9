#pragma once
// Reading small whole files (schemas, rulesets' reference tables): the engine's one place for it.

#include <optional>
#include <string>

namespace tradelint {

// The whole contents of the file at `path`; nullopt when it cannot be opened or read.
std::optional<std::string> ReadFile(const std::string& path);

}  // namespace tradelint
