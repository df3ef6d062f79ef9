// tradelint: the command line of docs/cli.md.
//
//   tradelint check [--rules PATH]... [--market M[,M...]]... [--as-of DATE] [--format F]
//                   [--output FILE] [--fail-on S] [--lang LANG] [--jobs N] [--quiet] [INPUT...]
//   tradelint lint  [--rules PATH]... [--format text|json|sarif]
//   tradelint diff  --old-rules PATH... --new-rules PATH... | --old-as-of D --new-as-of D INPUT...
//   tradelint merge REPORT.json...
//   tradelint test  [--rules PATH]... [--require-coverage]
//   tradelint rules [--rules PATH]... [--market M] [--as-of DATE] [--format F]
//   tradelint screen [--lists L,...] [--min-score N] [--mode ofac] NAMES...|- | --pairs FILE.csv
//   tradelint lsp
//   tradelint serve [--host H] [--port P] [--rules PATH]...
//   tradelint fmt   [--check] [--diff] PATH...
//   tradelint --version | --help | <command> --help
//
// Usage errors (unknown options or commands, bad option values) exit 2, as ruleset errors do.
// Output that cannot be written (a full disk, a closed pipe) exits 4: SIGPIPE is ignored, so a
// closed pipe is a write error like any other rather than a silent death.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "engine/base/spelling.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/output_buffer.h"

namespace tradelint::cli {
namespace {

// Standard output and standard error through OutputBuffers while it lives, so that a write
// that fails is seen with its reason.
class StandardStreams {
 public:
  StandardStreams()
      : out_(STDOUT_FILENO),
        error_(STDERR_FILENO),
        saved_out_(std::cout.rdbuf(&out_)),
        saved_error_(std::cerr.rdbuf(&error_)) {}
  ~StandardStreams() {
    std::cout.flush();
    std::cout.rdbuf(saved_out_);
    std::cerr.rdbuf(saved_error_);
  }
  StandardStreams(const StandardStreams&) = delete;
  StandardStreams& operator=(const StandardStreams&) = delete;

  // `status`, unless standard output or standard error could not be written (checked after
  // flushing): then kWriteError, named on standard error as far as it still takes text. A
  // command that returns kWriteError has already said why.
  int Checked(int status) {
    std::cout.flush();
    if (status == kWriteError || (out_.error() == 0 && error_.error() == 0)) return status;
    const bool out_failed = out_.error() != 0;
    PrintError(std::string("cannot write to standard ") + (out_failed ? "output" : "error") + ": " +
               std::strerror(out_failed ? out_.error() : error_.error()));
    return kWriteError;
  }

 private:
  OutputBuffer out_;
  OutputBuffer error_;
  std::streambuf* saved_out_;
  std::streambuf* saved_error_;
};

int Main(int argc, char** argv) {
  StandardStreams streams;
  CLI::App app("tradelint: check e-commerce records against the rules of the markets they reach",
               "tradelint");
  app.set_version_flag("--version", std::string("tradelint ") + TRADELINT_VERSION,
                       "print the version and exit");
  const std::vector<Command> commands = {
      AddCheckCommand(app),   AddLintCommand(app),   AddTestCommand(app),   AddRulesCommand(app),
      AddRefdataCommand(app), AddInitCommand(app),   AddFieldsCommand(app), AddDiffCommand(app),
      AddMergeCommand(app),   AddScreenCommand(app), AddFmtCommand(app),    AddLspCommand(app),
      AddServeCommand(app)};
  // One command per run; a later command name is then an ordinary argument (a file `lint`).
  app.require_subcommand(0, 1);
  app.footer("Run `tradelint <command> --help` for the options of a command.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // A first argument that is neither an option nor a command is an unknown command.
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-' &&
        dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
      std::vector<std::string> names;
      for (const Command& command : commands) names.push_back(command.app->get_name());
      const std::string suggestion = ClosestMatch(argv[1], names);
      PrintError("unknown command `" + std::string(argv[1]) + "`" +
                 (suggestion.empty() ? "" : "; did you mean `" + suggestion + "`?") +
                 " (commands: check, lint, test, rules, refdata, init, fields, diff, merge, "
                 "screen, fmt, lsp, serve)");
      return kUsageError;
    }
    return app.exit(error) == 0 ? kClean : kUsageError;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return streams.Checked(command.run());
  }
  std::cerr << app.help();
  PrintError(
      "give a command: check, lint, test, rules, refdata, init, fields, diff, merge, screen, fmt, "
      "lsp or serve");
  return kUsageError;
}

}  // namespace
}  // namespace tradelint::cli

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  return tradelint::cli::Main(argc, argv);
}
