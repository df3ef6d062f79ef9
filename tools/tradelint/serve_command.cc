// `tradelint serve`: the HTTP API and the web page for sellers (docs/server.md).

#include <chrono>
#include <memory>

#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/serve/server.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {

Command AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<serve::ServerOptions>();
  options->tool_version = TRADELINT_VERSION;
  auto time_limit_ms = std::make_shared<std::int64_t>(options->time_limit.count());
  CLI::App* command = app.add_subcommand(
      "serve", "serve the HTTP API and the web page for sellers (docs/server.md)");
  AddRulesOption(*command, options->rulesets.rule_paths);
  AddPluginOption(*command, options->rulesets.plugin_paths);
  AddReferenceDataOption(*command, options->rulesets.reference_data);
  command->add_option("--host", options->host, "address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "port to listen on; 0: any free port")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command
      ->add_option("--workers", options->workers,
                   "connections served at once (each check runs on its connection's worker)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  command
      ->add_option("--queue", options->queue,
                   "connections that may wait for a worker; more are answered 503 with "
                   "Retry-After")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  command
      ->add_option("--max-body", options->max_body,
                   "largest request body in bytes; larger: 413 too_large")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 32))
      ->capture_default_str();
  command
      ->add_option("--time-limit", *time_limit_ms,
                   "milliseconds a check may take; longer: 503 time_limit")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{3600000}))
      ->capture_default_str();
  command
      ->add_option("--read-timeout", options->read_timeout_seconds,
                   "seconds a read or write of a request may wait (slow clients)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command
      ->add_option("--keep-alive-timeout", options->keep_alive_timeout_seconds,
                   "seconds an idle kept-alive connection stays open")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command
      ->add_option("--api-keys", options->api_keys,
                   "file of SHA-256 hashes of the accepted API keys, one a line: /v1/ routes "
                   "then need `Authorization: Bearer KEY`; admin routes need it always")
      ->type_name("FILE");
  command->add_flag(
      "--no-access-log", [options](std::int64_t) { options->access_log = false; },
      "do not log each request on standard error");
  command->footer(
      "Logs are JSON lines on standard error. SIGHUP or POST /v1/admin/reload reloads the "
      "rulesets (a broken ruleset keeps the running rules); SIGTERM stops after the requests "
      "in flight. Exit status: 0 after SIGTERM or SIGINT; 2 when the rulesets do not compile "
      "or the address cannot be used.");
  return {command, [options, time_limit_ms] {
            options->time_limit = std::chrono::milliseconds(*time_limit_ms);
            return serve::RunServer(*options);
          }};
}

}  // namespace tradelint::cli
