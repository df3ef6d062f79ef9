#pragma once
// `tradelint serve`: the HTTP API and the web page (docs/server.md), from start to a graceful
// stop.
//
// RunServer compiles the rulesets, binds, and serves until SIGTERM or SIGINT: then it stops
// accepting, lets the requests in flight finish, and returns. SIGHUP reloads the rulesets
// (RulesetStore). Signals are taken by one thread with sigwait, so no handler runs inside
// the server's threads.

#include <chrono>
#include <cstddef>
#include <string>

#include "tools/tradelint/serve/ruleset_store.h"

namespace tradelint::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the `listening` log line names it)
  RulesetSource rulesets;
  std::string tool_version;
  std::size_t workers = 16;          // connections served at once
  std::size_t queue = 64;            // connections waiting for a worker; more are refused (503)
  std::size_t max_body = 16u << 20;  // bytes of a request body; more: 413 too_large
  std::chrono::milliseconds time_limit{30000};  // of one check; past it: 503 time_limit
  int read_timeout_seconds = 10;                // for each read of a request (slow clients)
  int keep_alive_timeout_seconds = 5;           // an idle kept-alive connection is closed after it
  std::size_t keep_alive_requests = 100;        // requests on one connection before it is closed
  std::string api_keys;                         // file of SHA-256 key hashes; empty: no keys
  bool access_log = true;
};

// Serves until SIGTERM or SIGINT; returns the exit status (exit_status.h): 0 after a graceful
// stop, 2 when the rulesets do not compile, the key file is bad or the address cannot be
// bound.
int RunServer(const ServerOptions& options);

}  // namespace tradelint::serve
