#include "tools/tradelint/check_run.h"

#include <utility>

#include "engine/diag/codes.h"
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

RecordResult CheckRun::StartResult(const InputRecord& input, std::size_t record_index) {
  RecordResult result;
  result.record_index = record_index;
  result.kind = input.kind;
  result.id = input.id;
  result.source = input.source;
  return result;
}

RecordResult CheckRun::NoMarketResult(const InputRecord& input, std::size_t record_index, Date as_of) {
  RecordResult result = StartResult(input, record_index);
  result.as_of = as_of;
  result.verdict = Verdict::kInvalid;
  RecordError& error = result.error.emplace();
  error.code = record_code::kNoMarket;
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

std::string CheckRun::UncoveredMarketNote(std::string_view market) const {
  return std::string("no ") + (settings_.bundled_rulesets ? "bundled ruleset" : "ruleset of --rules") +
         " covers market `" + std::string(market) + "`";
}

std::vector<RecordResult> CheckRun::Judge(const InputRecord& input, std::size_t record_index) const {
  std::vector<RecordResult> results;
  if (input.error) {
    RecordResult& result = results.emplace_back(StartResult(input, record_index));
    result.verdict = Verdict::kInvalid;
    result.error = input.error;
    return results;
  }
  const RecordKind kind = *input.kind;
  const Date as_of = settings_.as_of.value_or(engine_.DefaultAsOf(input.record, kind, today_));
  const std::vector<std::string> markets =
      settings_.markets.empty() ? engine_.DefaultMarkets(input.record, kind) : settings_.markets;
  if (markets.empty()) {
    results.push_back(NoMarketResult(input, record_index, as_of));
    return results;
  }
  MarketIndependentResults shared;  // rules that do not read `market` are judged once
  for (const std::string& market : markets) {
    RecordResult& result = results.emplace_back(StartResult(input, record_index));
    result.market = market;
    result.as_of = as_of;
    result.findings = engine_.Check(input.record, kind, market, as_of, settings_.language, &shared);
    result.verdict = VerdictOf(result.findings);
    if (!engine_.program().Covers(market, as_of)) result.notes.push_back(UncoveredMarketNote(market));
  }
  return results;
}

void CheckRun::Report(const std::vector<RecordResult>& results) {
  ++summary_.records;
  for (const RecordResult& result : results) {
    summary_.Count(result);
    findings_ += static_cast<std::int64_t>(result.findings.size());
    if (settings_.fail_on) {
      for (const Finding& finding : result.findings) {
        fail_on_reached_ = fail_on_reached_ || AtOrAbove(finding.rule->severity, *settings_.fail_on);
      }
    }
    // An uncovered market's note is also named on stderr, once per run.
    if (result.market && !result.notes.empty() && noted_markets_.insert(*result.market).second) {
      PrintNote(result.notes.front());
    }
    writer_.Result(result);
  }
}

}  // namespace tradelint::cli
