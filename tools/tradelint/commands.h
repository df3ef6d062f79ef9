#pragma once
// The commands of the tradelint CLI. Each Add...Command registers one subcommand and its
// options on the top-level app and returns how to run it once the command line is parsed.
// Options live as long as the returned Command (its `run` owns them).

#include <CLI/CLI.hpp>
#include <functional>

namespace tradelint::cli {

struct Command {
  CLI::App* app = nullptr;   // the subcommand, owned by the top-level app
  std::function<int()> run;  // runs the command; returns the exit status (exit_status.h)
};

Command AddCheckCommand(CLI::App& app);    // check_command.cc
Command AddLintCommand(CLI::App& app);     // lint_command.cc
Command AddTestCommand(CLI::App& app);     // test_command.cc
Command AddRulesCommand(CLI::App& app);    // rules_command.cc
Command AddRefdataCommand(CLI::App& app);  // refdata_command.cc
Command AddInitCommand(CLI::App& app);     // guide_commands.cc
Command AddFieldsCommand(CLI::App& app);   // guide_commands.cc
Command AddMergeCommand(CLI::App& app);    // merge_command.cc
Command AddDiffCommand(CLI::App& app);     // diff_command.cc
Command AddScreenCommand(CLI::App& app);   // screen_command.cc
Command AddLspCommand(CLI::App& app);      // lsp_command.cc
Command AddFmtCommand(CLI::App& app);      // fmt_command.cc
Command AddServeCommand(CLI::App& app);    // serve_command.cc

}  // namespace tradelint::cli
