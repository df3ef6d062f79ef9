#include "engine/ruleset/ruleset_loader.h"

#include <dlfcn.h>

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

// A ruleset file to parse, with the folder the files it names must stay inside.
struct FoundFile {
  std::string path;
  std::string rules_root;
  std::string resolved;  // `path` with every symbolic link resolved: one name for one file
};

// The unsaved text of the file at `path`, or null when it is read from disk.
const std::string* UnsavedText(const std::string& path, const UnsavedFiles& unsaved) {
  if (unsaved.empty()) return nullptr;
  std::error_code ignored;
  const auto found = unsaved.find(fs::weakly_canonical(path, ignored).string());
  return found == unsaved.end() ? nullptr : &found->second;
}

// Whether `path` lies inside the library folder, once resolved.
bool IsBundled(const std::string& path, const std::string& library_directory) {
  return !library_directory.empty() && ResolvesInside(path, library_directory);
}

// The .trl files under `path`, sorted; `path` itself when it is a file. Entries that cannot be
// examined (dangling symbolic links, loops) are reported, not skipped silently.
std::vector<FoundFile> CollectFiles(const std::string& path, const std::string& library_directory,
                                    const UnsavedFiles& unsaved, Diagnostics& diagnostics) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  const bool on_disk = !error && fs::exists(status);
  const bool only_unsaved = !on_disk && UnsavedText(path, unsaved) != nullptr;
  if (!on_disk && !only_unsaved) {
    diagnostics.Error(code::kUnreadableRuleset, Span{}, "cannot find `" + path + "`");
    return {};
  }
  // The bundled rulesets name files across the data directory (`../reference/...`).
  const ResolvedFolder library(library_directory);
  const auto root_of = [&](bool bundled, const std::string& given_root) {
    return bundled ? fs::path(library_directory).parent_path().string() : given_root;
  };
  if (only_unsaved || !fs::is_directory(status)) {
    const std::string folder = fs::path(path).parent_path().string();
    std::error_code resolve_error;
    fs::path resolved = fs::canonical(path, resolve_error);
    const bool bundled = !resolve_error && library.Contains(resolved);
    if (resolve_error) resolved = fs::weakly_canonical(path, resolve_error);
    return {{path, root_of(bundled, folder.empty() ? "." : folder), resolved.string()}};
  }
  const ResolvedFolder rules_folder(path);
  std::vector<FoundFile> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const std::string entry = it->path().string();
    std::error_code entry_error;
    const fs::file_status entry_status = it->status(entry_error);
    if (entry_error || !fs::exists(entry_status)) {
      diagnostics.Error(
          code::kUnreadableRuleset, Span{},
          "cannot read `" + entry +
              "`: " + (entry_error ? entry_error.message() : std::string("it does not exist")),
          "a symbolic link in a rules folder must lead to a file or folder");
      continue;
    }
    if (!fs::is_regular_file(entry_status) || !IsRulesetFile(it->path())) continue;
    const fs::path resolved = fs::canonical(it->path(), entry_error);
    if (entry_error || !rules_folder.Contains(resolved)) {
      diagnostics.Error(code::kPathOutsideRulesRoot, Span{},
                        "`" + entry + "` leads outside the rules folder `" + path + "`",
                        "copy the ruleset into the folder, or name it with its own `--rules`");
      continue;
    }
    files.push_back({entry, root_of(library.Contains(resolved), path), resolved.string()});
  }
  if (error) {
    diagnostics.Error(code::kUnreadableRuleset, Span{},
                      "cannot list `" + path + "`: " + error.message());
  }
  std::sort(files.begin(), files.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  if (files.empty() && !error) {
    diagnostics.Error(code::kNoRulesets, Span{}, "no `.trl` ruleset files in `" + path + "`");
  }
  return files;
}

std::unique_ptr<ast::RulesetFile> ParseFile(const FoundFile& found, const RulesetLoadLimits& limits,
                                            const UnsavedFiles& unsaved, Diagnostics& diagnostics) {
  std::string reason;
  const std::string* unsaved_text = UnsavedText(found.path, unsaved);
  std::optional<std::string> text =
      unsaved_text != nullptr ? std::optional<std::string>(*unsaved_text)
                              : ReadFile(found.path, limits.files.max_ruleset_bytes, &reason);
  if (!text) {
    diagnostics.Error(code::kUnreadableRuleset, Span{}, "`" + found.path + "` " + reason);
    return nullptr;
  }
  std::unique_ptr<ast::RulesetFile> file =
      ParseRuleset(std::make_shared<const SourceFile>(found.path, std::move(*text)), diagnostics,
                   limits.parse, limits.tests);
  if (file != nullptr) file->rules_root = found.rules_root;
  return file;
}

// Parses `found` in order; null where a file did not parse.
std::vector<std::unique_ptr<ast::RulesetFile>> ParseFiles(const std::vector<FoundFile>& found,
                                                          const RulesetLoadLimits& limits,
                                                          const UnsavedFiles& unsaved,
                                                          Diagnostics& diagnostics) {
  std::vector<std::unique_ptr<ast::RulesetFile>> parsed;
  parsed.reserve(found.size());
  for (const FoundFile& file : found) {
    parsed.push_back(ParseFile(file, limits, unsaved, diagnostics));
  }
  return parsed;
}

}  // namespace

std::vector<std::unique_ptr<ast::RulesetFile>> LoadRulesetFiles(
    const std::vector<std::string>& paths, const std::string& library_directory,
    Diagnostics& diagnostics, std::size_t* files_read, const RulesetLoadLimits& limits,
    const UnsavedFiles& unsaved) {
  std::vector<std::unique_ptr<ast::RulesetFile>> files;
  std::set<std::string> loaded_paths;
  std::size_t library_files_used = 0;
  auto count_read = [&] {
    if (files_read != nullptr) *files_read = loaded_paths.size() + library_files_used;
  };
  std::vector<FoundFile> given;
  for (const std::string& path : paths) {
    for (FoundFile& file : CollectFiles(path, library_directory, unsaved, diagnostics)) {
      if (loaded_paths.insert(file.resolved).second) {
        given.push_back(std::move(file));
      }
    }
  }
  for (auto& parsed : ParseFiles(given, limits, unsaved, diagnostics)) {
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
  std::vector<FoundFile> library_files;
  for (FoundFile& file :
       CollectFiles(library_directory, library_directory, unsaved, library_diagnostics)) {
    if (!loaded_paths.count(file.resolved)) {
      library_files.push_back(std::move(file));
    }
  }
  std::vector<std::unique_ptr<ast::RulesetFile>> library =
      ParseFiles(library_files, limits, unsaved, library_diagnostics);
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

RulesetExtensions FindRulesetExtensions(const std::vector<std::string>& paths,
                                        const std::string& library_directory,
                                        Diagnostics& diagnostics) {
  RulesetExtensions extensions;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error) || IsBundled(path, library_directory)) continue;
    const auto take = [&](std::string_view name, std::vector<std::string>& into) {
      const std::string file = (fs::path(path) / "extension" / name).string();
      if (!fs::exists(file, error)) return;
      if (!ResolvesInside(file, path)) {
        diagnostics.Error(code::kPathOutsideRulesRoot, Span{},
                          "`" + file + "` leads outside the rules folder `" + path + "`",
                          "copy the extension into the folder");
        return;
      }
      into.push_back(file);
    };
    take("data-model.json", extensions.data_models);
    take("languages.csv", extensions.languages);
  }
  return extensions;
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
  // The running binary, then the shared object holding this code (libtradelint embedded in
  // another program), each installed as PREFIX/{bin,lib}/NAME beside PREFIX/share/tradelint.
  std::vector<fs::path> binaries;
  std::error_code error;
  if (fs::path executable = fs::read_symlink("/proc/self/exe", error); !error) {
    binaries.push_back(std::move(executable));
  }
  if (Dl_info info; dladdr(reinterpret_cast<const void*>(&FindDataDirectory), &info) != 0 &&
                    info.dli_fname != nullptr) {
    binaries.emplace_back(info.dli_fname);
  }
  for (const fs::path& binary : binaries) {
    const fs::path installed = binary.parent_path().parent_path() / "share" / "tradelint";
    if (has_data(installed)) return installed.string();
  }
  if (has_data(TRADELINT_SOURCE_DATA_DIR)) return TRADELINT_SOURCE_DATA_DIR;
  return {};
}

}  // namespace tradelint
