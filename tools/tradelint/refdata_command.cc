// `tradelint refdata import-ecb FILE [--output DIR] [--from YYYY-MM-DD]`: turns the ECB's
// published `eurofxref-hist.csv` into the FX table of the reference data (docs/cli.md).

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "engine/base/file.h"
#include "engine/refdata/ecb_history.h"
#include "engine/refdata/fx_table.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

namespace fs = std::filesystem;

struct ImportEcbOptions {
  std::string input;
  std::string output_directory;  // empty: the table on standard output
  std::optional<Date> from;
};

// Writes `text` to `path` through a temporary file renamed over it, so that a reader never
// sees half a table. Returns an error message, or an empty string.
std::string WriteAtomically(const fs::path& path, const std::string& text) {
  std::error_code code;
  fs::create_directories(path.parent_path(), code);
  if (code) return "cannot create `" + path.parent_path().string() + "`: " + code.message();
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file || !(file << text) || !file.flush()) {
      return "cannot write `" + temporary.string() + "`: " + std::strerror(errno);
    }
  }
  fs::rename(temporary, path, code);
  if (code) return "cannot write `" + path.string() + "`: " + code.message();
  return "";
}

int RunImportEcb(const ImportEcbOptions& options) {
  const std::optional<std::string> text = ReadFile(options.input);
  if (!text) {
    PrintError("cannot read `" + options.input + "`");
    return kUsageError;
  }
  std::string error;
  const std::optional<EcbImport> imported =
      ImportEcbHistory(*text, options.input,
                       EcbImportOptions{.from = options.from,
                                        .imported_on = Date::TodayUtc(),
                                        .input_name = fs::path(options.input).filename().string()},
                       &error);
  if (!imported) {
    PrintError(error);
    return kUsageError;
  }
  // The engine must be able to load what was written.
  if (!FxTable::Parse(imported->table, FxTable::kFileName, &error)) {
    PrintError("the imported table does not load: " + error);
    return kUsageError;
  }
  if (options.output_directory.empty()) {
    std::cout << imported->table;
    std::cout.flush();
    return std::cout ? kClean : kUsageError;
  }
  const fs::path path = fs::path(options.output_directory) / FxTable::kFileName;
  error = WriteAtomically(path, imported->table);
  if (!error.empty()) {
    PrintError(error);
    return kUsageError;
  }
  std::cerr << "wrote " << path.string() << ": " << imported->rates << " rates of "
            << imported->currencies << " currencies, the latest of " << imported->latest.ToString()
            << '\n';
  return kClean;
}

}  // namespace

Command AddRefdataCommand(CLI::App& app) {
  auto options = std::make_shared<ImportEcbOptions>();
  CLI::App* command =
      app.add_subcommand("refdata", "maintain the reference data (exchange rates, tables)");
  command->require_subcommand(1);
  CLI::App* import_ecb = command->add_subcommand(
      "import-ecb",
      "turn the ECB's eurofxref-hist.csv (from "
      "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip) into the FX table");
  import_ecb->add_option("FILE", options->input, "the ECB's eurofxref-hist.csv, unzipped")
      ->type_name("")
      ->required();
  import_ecb
      ->add_option("--output", options->output_directory,
                   "a reference-data folder: writes DIR/" + std::string(FxTable::kFileName) +
                       " (`rulesets/reference` refreshes the bundled table; any other folder "
                       "is for --reference-data); default: the table on standard output")
      ->type_name("DIR");
  AddDateOption(*import_ecb, "--from", options->from,
                "leave out the rates dated before this day (default: keep every rate)");
  import_ecb->footer(
      "Exit status: 0 written; 2 the file cannot be read, is not in the ECB's format "
      "(the error names the line and column), or the output cannot be written.");
  return {command, [options] { return RunImportEcb(*options); }};
}

}  // namespace tradelint::cli
