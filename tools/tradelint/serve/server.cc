#include "tools/tradelint/serve/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <optional>
#include <thread>

#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/serve/access_log.h"
#include "tools/tradelint/serve/admission_queue.h"
#include "tools/tradelint/serve/api_keys.h"
#include "tools/tradelint/serve/metrics.h"
#include "tools/tradelint/serve/routes.h"

namespace tradelint::serve {
namespace {

// The signals the server acts on, blocked in every thread and taken by sigwait.
sigset_t ServerSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  return signals;
}

// Takes the server's signals until SIGTERM or SIGINT, which stops `server` and sets `stopped`.
void HandleSignals(httplib::Server& server, Service& service, std::atomic<bool>& stopped) {
  const sigset_t signals = ServerSignals();
  for (;;) {
    int signal = 0;
    if (sigwait(&signals, &signal) != 0) continue;
    if (signal == SIGHUP) {
      ReloadRulesets(service);
      continue;
    }
    service.log.Event("stopping", [&](JsonWriter& json) {
      json.Key("signal").String(signal == SIGTERM ? "SIGTERM" : "SIGINT");
    });
    stopped = true;
    server.stop();
    return;
  }
}

}  // namespace

int RunServer(const ServerOptions& options) {
  // Blocked before any thread starts, so that every thread inherits the mask.
  const sigset_t signals = ServerSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const AccessLog log(options.access_log);
  std::optional<ApiKeys> api_keys;
  if (!options.api_keys.empty()) {
    std::string error;
    api_keys = ApiKeys::Load(options.api_keys, &error);
    if (!api_keys) {
      cli::PrintError("--api-keys: " + error);
      return cli::kUsageError;
    }
  }
  RulesetStore rulesets(options.rulesets);
  const ReloadOutcome loaded = rulesets.Load();
  if (!loaded.reloaded) {
    std::cerr << loaded.diagnostics_text;
    return cli::kUsageError;
  }
  Metrics metrics(options.tool_version);
  Service service{.tool_version = options.tool_version,
                  .rulesets = rulesets,
                  .metrics = metrics,
                  .log = log,
                  .api_keys = std::move(api_keys),
                  .input_limits = {},
                  .time_limit = options.time_limit,
                  .retry_after_seconds = 1};

  httplib::Server server;
  server.new_task_queue = [&options, &metrics] {
    return new AdmissionQueue(options.workers, options.queue,
                              [&metrics] { metrics.CountRejection(); });
  };
  // Without it, the header and the body of an answer, written apart, wait for the client's
  // delayed acknowledgement (Nagle): 40 ms a request.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(options.max_body);
  server.set_read_timeout(options.read_timeout_seconds, 0);
  server.set_write_timeout(options.read_timeout_seconds, 0);
  server.set_keep_alive_timeout(options.keep_alive_timeout_seconds);
  server.set_keep_alive_max_count(options.keep_alive_requests);
  InstallRoutes(server, service);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    cli::PrintError("cannot listen on " + options.host + ":" + std::to_string(options.port));
    return cli::kUsageError;
  }
  log.Event("listening", [&](JsonWriter& json) {
    json.Key("url").String("http://" + options.host + ":" + std::to_string(port) + "/");
    json.Key("port").Int(port);
    json.Key("rules").Int(
        static_cast<std::int64_t>(rulesets.Current().engine->program().rules().size()));
    json.Key("workers").Int(static_cast<std::int64_t>(options.workers));
  });
  std::atomic<bool> stopped = false;
  std::thread signal_thread([&] { HandleSignals(server, service, stopped); });
  const bool listened = server.listen_after_bind();
  // Stopped otherwise than by a signal: the signal thread still waits for one.
  if (!stopped) pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  log.Event("stopped", [](JsonWriter&) {});
  return listened ? cli::kClean : cli::kUsageError;
}

}  // namespace tradelint::serve
