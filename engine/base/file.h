#pragma once
// Reading whole files (schemas, rulesets, their reference tables): the engine's one place for it.

#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>

namespace tradelint {

// The largest files a ruleset is made of; a larger file is refused with a diagnostic rather
// than read into memory. docs/language.md states them.
struct RulesetFileLimits {
  std::size_t max_ruleset_bytes = 32u << 20;  // a `.trl` file
  std::size_t max_table_bytes = 64u << 20;    // a `table NAME = "file.csv"`
  std::size_t max_test_record_bytes = 8u
                                      << 20;  // a test's `record "file"`: InputLimits' record limit
};

// The whole contents of the regular file at `path` (symbolic links followed), at most
// `max_bytes` long. Never blocks and never reads without end: the file is opened without
// waiting for a writer (a FIFO) and refused unless it is a regular file, so `/dev/zero` or a
// FIFO fail at once. On failure returns nullopt and, when `error` is given, sets it to the
// reason, worded to follow the file's name ("is not a regular file", "cannot be opened
// (No such file or directory)").
std::optional<std::string> ReadFile(const std::string& path,
                                    std::size_t max_bytes = std::numeric_limits<std::size_t>::max(),
                                    std::string* error = nullptr);

// Whether `path`, with every symbolic link resolved, lies inside the folder `root` (also
// resolved; `root` itself counts as inside). False when either cannot be resolved.
bool ResolvesInside(const std::string& path, const std::string& root);

// A folder resolved once (every symbolic link followed), to tell of many resolved paths
// whether they lie inside it, as ResolvesInside does, without resolving it again for each.
class ResolvedFolder {
 public:
  explicit ResolvedFolder(const std::string& folder);
  // Whether `resolved` (a path already resolved with std::filesystem::canonical) lies inside
  // the folder, or is the folder. False when the folder could not be resolved.
  bool Contains(const std::filesystem::path& resolved) const;

 private:
  std::optional<std::filesystem::path> folder_;
};

}  // namespace tradelint
