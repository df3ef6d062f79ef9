#include "tools/tradelint/check_run.h"

#include <utility>

#include "tools/tradelint/cli_options.h"

namespace tradelint::cli {
namespace {

// Severity is ordered from most to least severe.
bool AtOrAbove(Severity severity, Severity threshold) {
  return static_cast<int>(severity) <= static_cast<int>(threshold);
}

}  // namespace

CheckRun::CheckRun(const Engine& engine, Settings settings, ReportWriter& writer)
    : engine_(engine), settings_(std::move(settings)), writer_(writer), today_(Date::TodayUtc()) {}

RecordResult CheckRun::StartResult(const InputRecord& input) const {
  RecordResult result;
  // Check counts the record before it makes results, so the record is the last one counted.
  result.record_index = static_cast<std::size_t>(summary_.records - 1);
  result.kind = input.kind;
  result.id = input.id;
  result.source = input.source;
  return result;
}

RecordResult CheckRun::NoMarketResult(const InputRecord& input, Date as_of) const {
  RecordResult result = StartResult(input);
  result.as_of = as_of;
  result.verdict = Verdict::kInvalid;
  RecordError& error = result.error.emplace();
  error.code = "no_market";
  if (input.kind == RecordKind::kTransaction) {
    error.message =
        "the record names no market: fill `shipment.ship_to`, `buyer.country` or "
        "`shipment.ship_from`, or give --market";
    error.paths = {"shipment.ship_to", "buyer.country", "shipment.ship_from"};
  } else {
    error.message = "the record names no market: fill `target_markets`, or give --market";
    error.paths = {"target_markets"};
  }
  return result;
}

std::string CheckRun::UncoveredMarketNote(const std::string& market) {
  std::string note = std::string("no ") +
                     (settings_.bundled_rulesets ? "bundled ruleset" : "ruleset of --rules") +
                     " covers market `" + market + "`";
  if (noted_markets_.insert(market).second) PrintNote(note);
  return note;
}

void CheckRun::Check(const InputRecord& input) {
  ++summary_.records;
  if (input.error) {
    RecordResult result = StartResult(input);
    result.verdict = Verdict::kInvalid;
    result.error = input.error;
    Report(result);
    return;
  }
  const RecordKind kind = *input.kind;
  const Date as_of = settings_.as_of.value_or(engine_.DefaultAsOf(input.record, kind, today_));
  const std::vector<std::string> markets =
      settings_.markets.empty() ? engine_.DefaultMarkets(input.record, kind) : settings_.markets;
  if (markets.empty()) {
    Report(NoMarketResult(input, as_of));
    return;
  }
  for (const std::string& market : markets) {
    RecordResult result = StartResult(input);
    result.market = market;
    result.as_of = as_of;
    result.findings = engine_.Check(input.record, kind, market, as_of, settings_.language);
    result.verdict = VerdictOf(result.findings);
    if (!engine_.program().Covers(market, as_of)) {
      result.notes.push_back(UncoveredMarketNote(market));
    }
    Report(result);
  }
}

void CheckRun::Report(const RecordResult& result) {
  summary_.Count(result);
  if (settings_.fail_on) {
    for (const Finding& finding : result.findings) {
      fail_on_reached_ = fail_on_reached_ || AtOrAbove(finding.rule->severity, *settings_.fail_on);
    }
  }
  writer_.Result(result);
}

}  // namespace tradelint::cli
