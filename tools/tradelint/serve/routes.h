#pragma once
// The routes of `tradelint serve` (docs/server.md) installed on a cpp-httplib server, with
// what every request goes through first (pre-routing: admission, API keys) and last (the
// JSON error body of every 4xx and 5xx, the access log, the metrics).

#include <httplib.h>

#include <chrono>
#include <optional>
#include <string>

#include "engine/input/record_reader.h"
#include "tools/tradelint/serve/access_log.h"
#include "tools/tradelint/serve/api_keys.h"
#include "tools/tradelint/serve/metrics.h"
#include "tools/tradelint/serve/ruleset_store.h"

namespace tradelint::serve {

// What the routes share; outlives the server.
struct Service {
  std::string tool_version;
  RulesetStore& rulesets;
  Metrics& metrics;
  const AccessLog& log;
  std::optional<ApiKeys> api_keys;  // empty: keys are not required (admin routes refused)
  InputLimits input_limits;
  std::chrono::milliseconds time_limit{30000};  // of one check request
  int retry_after_seconds = 1;                  // in 503 answers
};

// Installs every route and handler on `server`; `service` must outlive it.
void InstallRoutes(httplib::Server& server, Service& service);

// Reloads the rulesets, logs and counts the outcome (also for SIGHUP).
ReloadOutcome ReloadRulesets(Service& service);

}  // namespace tradelint::serve
