#pragma once
// Metrics: what `GET /metrics` reports, in the Prometheus text exposition format 0.0.4
// (docs/server.md, "Metrics"). Thread-safe; counters only grow.
//
//   tradelint_http_requests_total{route,status}       requests answered
//   tradelint_http_request_duration_seconds{route}    histogram of the time to answer
//   tradelint_http_rejected_total{reason}             refused by admission control
//   tradelint_records_checked_total                   records in check requests
//   tradelint_findings_total{severity}                findings reported (waived: `waived`)
//   tradelint_rules_loaded, tradelint_rulesets_loaded the rules in use
//   tradelint_ruleset_info{ruleset,version,jurisdiction} 1 for each ruleset in use
//   tradelint_ruleset_generation                      1 after start, +1 per reload
//   tradelint_reloads_total{outcome}                  reloads, `ok` or `failed`
//   tradelint_build_info{version}                     1

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "engine/api/engine.h"
#include "engine/report/report_writer.h"

namespace tradelint::serve {

class Metrics {
 public:
  explicit Metrics(std::string tool_version) : tool_version_(std::move(tool_version)) {}

  // A request to `route` (its pattern, e.g. `/v1/check`, or `other`) answered with `status`
  // after `seconds`.
  void CountRequest(std::string_view route, int status, double seconds);
  // A connection refused because the workers and their queue were full.
  void CountRejection();
  // The records and findings of one check request.
  void CountCheck(std::int64_t records, const FindingCounts& findings);
  void CountReload(bool reloaded);

  // The exposition, with the gauges of `engine` (may be null) at `generation`.
  std::string Render(const Engine* engine, std::int64_t generation) const;

 private:
  // Upper bounds of the latency buckets, in seconds (the last bucket, +Inf, is implicit).
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
  struct Latency {
    std::array<std::int64_t, kBuckets.size()> buckets{};  // not cumulative
    std::int64_t count = 0;
    double sum = 0;
  };

  const std::string tool_version_;
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::int64_t, std::less<>> requests_;
  std::map<std::string, Latency, std::less<>> latency_;
  std::int64_t rejected_ = 0;
  std::int64_t records_ = 0;
  FindingCounts findings_;
  std::int64_t reloads_ok_ = 0;
  std::int64_t reloads_failed_ = 0;
};

}  // namespace tradelint::serve
