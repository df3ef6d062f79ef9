// `tradelint lsp`: the language server on standard input and output (docs/editors.md).

#include <unistd.h>

#include <memory>
#include <string>

#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/lsp/language_data.h"
#include "tools/tradelint/lsp/server.h"

namespace tradelint::cli {
namespace {

int RunLsp() {
  std::string error;
  const std::unique_ptr<const lsp::LanguageData> data = lsp::LanguageData::Load(&error);
  if (data == nullptr) {
    PrintError(error);
    return kUsageError;
  }
  lsp::MessageReader reader(STDIN_FILENO);
  lsp::MessageWriter writer(STDOUT_FILENO);
  lsp::Server server(*data, writer, TRADELINT_VERSION);
  return server.Run(reader);
}

}  // namespace

Command AddLspCommand(CLI::App& app) {
  CLI::App* command = app.add_subcommand(
      "lsp",
      "serve the Language Server Protocol on standard input and output (diagnostics, hover, "
      "completion, go to definition, document symbols); exit 0 after shutdown and exit");
  return {command, [] { return RunLsp(); }};
}

}  // namespace tradelint::cli
