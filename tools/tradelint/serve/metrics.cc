#include "tools/tradelint/serve/metrics.h"

#include <fmt/format.h>

namespace tradelint::serve {
namespace {

// A label value with `\`, `"` and line feeds escaped, as the exposition format requires.
std::string Label(std::string_view value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace

void Metrics::CountRequest(std::string_view route, int status, double seconds) {
  const std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{std::string(route), status}];
  auto found = latency_.find(route);
  if (found == latency_.end()) found = latency_.emplace(std::string(route), Latency{}).first;
  Latency& latency = found->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++latency.buckets[i];
      break;
    }
  }
  ++latency.count;
  latency.sum += seconds;
}

void Metrics::CountRejection() {
  const std::lock_guard<std::mutex> lock(mutex_);
  ++rejected_;
}

void Metrics::CountCheck(std::int64_t records, const FindingCounts& findings) {
  const std::lock_guard<std::mutex> lock(mutex_);
  records_ += records;
  findings_.error += findings.error;
  findings_.warning += findings.warning;
  findings_.info += findings.info;
  findings_.waived += findings.waived;
}

void Metrics::CountReload(bool reloaded) {
  const std::lock_guard<std::mutex> lock(mutex_);
  ++(reloaded ? reloads_ok_ : reloads_failed_);
}

std::string Metrics::Render(const Engine* engine, std::int64_t generation) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  auto append = [&out](std::string_view text) { out += text; };
  append(
      "# HELP tradelint_http_requests_total HTTP requests answered, by route and status.\n"
      "# TYPE tradelint_http_requests_total counter\n");
  for (const auto& [key, count] : requests_) {
    out += fmt::format("tradelint_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                       Label(key.first), key.second, count);
  }
  append(
      "# HELP tradelint_http_request_duration_seconds Time to answer a request, by route.\n"
      "# TYPE tradelint_http_request_duration_seconds histogram\n");
  for (const auto& [route, latency] : latency_) {
    std::int64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += latency.buckets[i];
      out += fmt::format(
          "tradelint_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
          Label(route), kBuckets[i], cumulative);
    }
    out += fmt::format(
        "tradelint_http_request_duration_seconds_bucket{{route=\"{0}\",le=\"+Inf\"}} {1}\n"
        "tradelint_http_request_duration_seconds_sum{{route=\"{0}\"}} {2}\n"
        "tradelint_http_request_duration_seconds_count{{route=\"{0}\"}} {1}\n",
        Label(route), latency.count, latency.sum);
  }
  out += fmt::format(
      "# HELP tradelint_http_rejected_total Connections refused with 503 because every worker "
      "and queue place was taken.\n"
      "# TYPE tradelint_http_rejected_total counter\n"
      "tradelint_http_rejected_total {}\n"
      "# HELP tradelint_records_checked_total Records in check requests.\n"
      "# TYPE tradelint_records_checked_total counter\n"
      "tradelint_records_checked_total {}\n"
      "# HELP tradelint_findings_total Findings reported, by severity (waived ones as waived).\n"
      "# TYPE tradelint_findings_total counter\n"
      "tradelint_findings_total{{severity=\"error\"}} {}\n"
      "tradelint_findings_total{{severity=\"warning\"}} {}\n"
      "tradelint_findings_total{{severity=\"info\"}} {}\n"
      "tradelint_findings_total{{severity=\"waived\"}} {}\n"
      "# HELP tradelint_reloads_total Ruleset reloads, by outcome.\n"
      "# TYPE tradelint_reloads_total counter\n"
      "tradelint_reloads_total{{outcome=\"ok\"}} {}\n"
      "tradelint_reloads_total{{outcome=\"failed\"}} {}\n"
      "# HELP tradelint_ruleset_generation The rulesets in use: 1 after start, one more per "
      "reload.\n"
      "# TYPE tradelint_ruleset_generation gauge\n"
      "tradelint_ruleset_generation {}\n"
      "# HELP tradelint_build_info The version of tradelint.\n"
      "# TYPE tradelint_build_info gauge\n"
      "tradelint_build_info{{version=\"{}\"}} 1\n",
      rejected_, records_, findings_.error, findings_.warning, findings_.info, findings_.waived,
      reloads_ok_, reloads_failed_, generation, Label(tool_version_));
  if (engine == nullptr) return out;
  const Program& program = engine->program();
  out += fmt::format(
      "# HELP tradelint_rules_loaded Rules in use.\n"
      "# TYPE tradelint_rules_loaded gauge\n"
      "tradelint_rules_loaded {}\n"
      "# HELP tradelint_rulesets_loaded Rulesets in use.\n"
      "# TYPE tradelint_rulesets_loaded gauge\n"
      "tradelint_rulesets_loaded {}\n"
      "# HELP tradelint_ruleset_info A ruleset in use, with its version.\n"
      "# TYPE tradelint_ruleset_info gauge\n",
      program.rules().size(), program.rulesets().size());
  for (const RulesetInfo& ruleset : program.rulesets()) {
    out += fmt::format(
        "tradelint_ruleset_info{{ruleset=\"{}\",version=\"{}\",jurisdiction=\"{}\"}} 1\n",
        Label(ruleset.id), Label(ruleset.version), Label(ruleset.jurisdiction));
  }
  return out;
}

}  // namespace tradelint::serve
