// tradelint: the command line of docs/cli.md.
//
//   tradelint check [--rules PATH]... [--market M[,M...]]... [--as-of DATE] [--format F]
//                   [--output FILE] [--fail-on S] [--lang LANG] [--jobs N] [--quiet] [INPUT...]
//   tradelint lint  [--rules PATH]...
//   tradelint test  [--rules PATH]... [--require-coverage]
//   tradelint rules [--rules PATH]... [--market M] [--as-of DATE] [--format F]
//   tradelint --version | --help | <command> --help
//
// Usage errors (unknown options or commands, bad option values) exit 2, as ruleset errors do.

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "engine/base/spelling.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"

namespace tradelint::cli {
namespace {

int Main(int argc, char** argv) {
  CLI::App app("tradelint: check e-commerce records against the rules of the markets they reach",
               "tradelint");
  app.set_version_flag("--version", std::string("tradelint ") + TRADELINT_VERSION,
                       "print the version and exit");
  const std::vector<Command> commands = {AddCheckCommand(app), AddLintCommand(app),
                                         AddTestCommand(app), AddRulesCommand(app)};
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
                 " (commands: check, lint, test, rules)");
      return kUsageError;
    }
    return app.exit(error) == 0 ? kClean : kUsageError;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  std::cerr << app.help();
  PrintError("give a command: check, lint, test or rules");
  return kUsageError;
}

}  // namespace
}  // namespace tradelint::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return tradelint::cli::Main(argc, argv);
}
