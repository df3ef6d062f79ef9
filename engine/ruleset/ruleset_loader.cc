#include "engine/ruleset/ruleset_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

#include "engine/base/file.h"
#include "engine/diag/codes.h"
#include "engine/parse/parser.h"

namespace tradelint {
namespace fs = std::filesystem;
namespace {

bool IsRulesetFile(const fs::path& path) { return path.extension() == ".trl"; }

// The .trl files under `path`, sorted.
std::vector<std::string> CollectFiles(const std::string& path, Diagnostics& diagnostics) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    diagnostics.Error(code::kUnreadableRuleset, Span{}, "cannot find `" + path + "`");
    return {};
  }
  if (!fs::is_directory(status)) return {path};
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file() && IsRulesetFile(it->path())) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    diagnostics.Error(code::kNoRulesets, Span{}, "no `.trl` ruleset files in `" + path + "`");
  }
  return files;
}

std::unique_ptr<ast::RulesetFile> ParseFile(const std::string& path, Diagnostics& diagnostics,
                                            const ParseLimits& limits) {
  std::optional<std::string> text = ReadFile(path);
  if (!text) {
    diagnostics.Error(code::kUnreadableRuleset, Span{}, "cannot read `" + path + "`");
    return nullptr;
  }
  return ParseRuleset(std::make_shared<const SourceFile>(path, std::move(*text)), diagnostics,
                      limits);
}

// Parses `paths` in order; null where a file did not parse.
std::vector<std::unique_ptr<ast::RulesetFile>> ParseFiles(const std::vector<std::string>& paths,
                                                          Diagnostics& diagnostics,
                                                          const ParseLimits& limits) {
  std::vector<std::unique_ptr<ast::RulesetFile>> parsed;
  parsed.reserve(paths.size());
  for (const std::string& path : paths) parsed.push_back(ParseFile(path, diagnostics, limits));
  return parsed;
}

}  // namespace

std::vector<std::unique_ptr<ast::RulesetFile>> LoadRulesetFiles(
    const std::vector<std::string>& paths, const std::string& library_directory,
    Diagnostics& diagnostics, std::size_t* files_read, const ParseLimits& limits) {
  std::vector<std::unique_ptr<ast::RulesetFile>> files;
  std::set<std::string> loaded_paths;
  std::size_t library_files_used = 0;
  auto count_read = [&] {
    if (files_read != nullptr) *files_read = loaded_paths.size() + library_files_used;
  };
  std::vector<std::string> given;
  for (const std::string& path : paths) {
    for (const std::string& file : CollectFiles(path, diagnostics)) {
      std::error_code ignored;
      if (loaded_paths.insert(fs::weakly_canonical(file, ignored).string()).second) given.push_back(file);
    }
  }
  for (auto& parsed : ParseFiles(given, diagnostics, limits)) {
    if (parsed != nullptr) files.push_back(std::move(parsed));
  }
  // Imports the given paths do not provide come from the library, parsed only when needed.
  auto unresolved = [&] {
    std::set<std::string> ids, wanted;
    for (const auto& file : files) ids.insert(file->id.text);
    for (const auto& file : files) {
      for (const ast::Word& import : file->imports) {
        if (!ids.count(import.text)) wanted.insert(import.text);
      }
    }
    return wanted;
  };
  std::set<std::string> wanted = unresolved();
  std::error_code error;
  if (wanted.empty() || library_directory.empty() || !fs::is_directory(library_directory, error)) {
    count_read();
    return files;
  }
  Diagnostics library_diagnostics;
  std::vector<std::string> library_paths;
  for (const std::string& file : CollectFiles(library_directory, library_diagnostics)) {
    std::error_code ignored;
    if (!loaded_paths.count(fs::weakly_canonical(file, ignored).string())) library_paths.push_back(file);
  }
  std::vector<std::unique_ptr<ast::RulesetFile>> library = ParseFiles(library_paths, library_diagnostics, limits);
  // Bring in wanted library rulesets, and what they import in turn.
  while (!wanted.empty()) {
    bool progress = false;
    for (auto& candidate : library) {
      if (candidate != nullptr && wanted.count(candidate->id.text)) {
        files.push_back(std::move(candidate));
        ++library_files_used;
        progress = true;
      }
    }
    if (!progress) break;
    wanted = unresolved();
  }
  count_read();
  return files;
}

std::string FindDataDirectory() {
  auto has_data = [](const fs::path& directory) {
    std::error_code error;
    return fs::exists(directory / "rulesets" / "reference" / "markets.json", error) &&
           fs::exists(directory / "schema" / "listing.schema.json", error);
  };
  if (const char* configured = std::getenv("TRADELINT_DATA_DIR"); configured && *configured) {
    return has_data(configured) ? std::string(configured) : std::string();
  }
  std::error_code error;
  const fs::path executable = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path installed = executable.parent_path().parent_path() / "share" / "tradelint";
    if (has_data(installed)) return installed.string();
  }
  if (has_data(TRADELINT_SOURCE_DATA_DIR)) return TRADELINT_SOURCE_DATA_DIR;
  return {};
}

}  // namespace tradelint
