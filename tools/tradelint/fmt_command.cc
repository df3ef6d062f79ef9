// `tradelint fmt`: rewrite ruleset files in the canonical layout (engine/format/formatter.h).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "engine/base/file.h"
#include "engine/format/formatter.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/unified_diff.h"

namespace tradelint::cli {
namespace {

namespace fs = std::filesystem;

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;  // write nothing; exit 1 when a file would change
  bool diff = false;   // print what would change instead of writing it
};

// The files of `path`: the file itself, or the `.trl` files of a folder and its subfolders in
// sorted order. False (with an error printed) when the path cannot be read.
bool CollectFiles(const std::string& path, std::vector<std::string>& files) {
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    files.push_back(path);
    return true;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(path, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().extension() == ".trl" && it->is_regular_file(error))
      found.push_back(it->path().string());
  }
  if (error) {
    PrintError(path + ": cannot be read (" + error.message() + ")");
    return false;
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return true;
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (out) return true;
  PrintError(path + ": cannot be written");
  return false;
}

int RunFmt(const FmtOptions& options) {
  std::vector<std::string> files;
  bool usable = true;
  for (const std::string& path : options.paths) usable = CollectFiles(path, files) && usable;
  bool changed = false;
  for (const std::string& path : files) {
    std::string error;
    const std::optional<std::string> text =
        ReadFile(path, RulesetFileLimits{}.max_ruleset_bytes, &error);
    if (!text) {
      PrintError(path + " " + error);
      usable = false;
      continue;
    }
    Diagnostics diagnostics;
    const std::optional<std::string> formatted = FormatRuleset(path, *text, diagnostics);
    if (!formatted) {
      PrintDiagnostics(diagnostics);
      PrintError(path + ": not formatted, it does not parse");
      usable = false;
      continue;
    }
    if (*formatted == *text) continue;
    changed = true;
    if (options.diff) std::cout << UnifiedDiff(path, *text, *formatted);
    if (options.check) {
      if (!options.diff) std::cout << path << '\n';
    } else if (!options.diff) {
      usable = WriteFile(path, *formatted) && usable;
    }
  }
  if (!usable) return kUsageError;
  return options.check && changed ? kFindings : kClean;
}

}  // namespace

Command AddFmtCommand(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* command = app.add_subcommand(
      "fmt",
      "rewrite ruleset files in the canonical layout (exit 0: done; with --check, 1: a file "
      "would change)");
  command
      ->add_option("PATH", options->paths,
                   "ruleset files, or folders whose .trl files (recursively) are formatted")
      ->required();
  command->add_flag("--check", options->check,
                    "write nothing; name each file that would change and exit 1 if there is one");
  command->add_flag("--diff", options->diff,
                    "print a unified diff of each change instead of writing it");
  return {command, [options] { return RunFmt(*options); }};
}

}  // namespace tradelint::cli
