#include "tools/tradelint/check_run.h"

#include <utility>

#include "engine/base/sha256.h"
#include "engine/diag/codes.h"
#include "engine/json/canonical_json.h"
#include "engine/refdata/fx_table.h"
#include "tools/tradelint/cli_options.h"

namespace tradelint::cli {
namespace {

// Severity is ordered from most to least severe.
bool AtOrAbove(Severity severity, Severity threshold) {
  return static_cast<int>(severity) <= static_cast<int>(threshold);
}

}  // namespace

CheckRun::CheckRun(const Engine& engine, Settings settings, ReportWriter& writer)
    : engine_(engine), settings_(std::move(settings)), writer_(writer), today_(Date::TodayUtc()) {
  options_.markets = settings_.markets;
  options_.as_of = settings_.as_of;
  options_.language = settings_.language;
  options_.expand_groups = settings_.expand_groups;
  options_.waivers = settings_.waivers;
  options_.explain = settings_.explain;
  options_.today = today_;
  const std::string_view language = settings_.language;
  if (!engine_.languages().AllLanguages().contains(language.substr(0, language.find('-')))) {
    Warn("the language `" + settings_.language +
         "` is not an official language of any market (rulesets/reference/languages.csv): "
         "messages, titles and fixes are in English");
    options_.language = "en";
  }
}

void CheckRun::Warn(std::string warning) {
  PrintWarning(warning);
  summary_.warnings.push_back(std::move(warning));
}

RecordResult CheckRun::StartResult(const InputRecord& input, std::size_t record_index,
                                   const std::string& hash) {
  RecordResult result;
  result.record_index = record_index;
  result.kind = input.kind;
  result.id = input.id;
  result.source = input.source;
  result.hash = hash;
  return result;
}

RecordResult CheckRun::NoMarketResult(const InputRecord& input, std::size_t record_index,
                                      const std::string& hash, Date as_of) {
  RecordResult result = StartResult(input, record_index, hash);
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

void CheckRun::WarnOfStaleRates(Date as_of) {
  const std::optional<Date> latest = engine_.fx_latest_date();
  if (warned_of_stale_rates_ || !latest ||
      as_of.days() - latest->days() <= FxTable::kStaleAfterDays) {
    return;
  }
  warned_of_stale_rates_ = true;
  std::string warning = "the exchange rates end on " + latest->ToString() + ", " +
                        std::to_string(as_of.days() - latest->days()) +
                        " days before the as-of date " + as_of.ToString() +
                        ": conversions use the last rates; refresh them with `tradelint refdata "
                        "import-ecb` (or give newer ones with --reference-data)";
  Warn(std::move(warning));
}

std::vector<RecordResult> CheckRun::Judge(const InputRecord& input,
                                          std::size_t record_index) const {
  std::vector<RecordResult> results;
  if (settings_.strict && !input.error && !input.unknown_fields.empty()) {
    InputRecord rejected = input;
    RejectUnknownFields(rejected);
    return Judge(rejected, record_index);
  }
  if (input.error) {
    RecordResult& result = results.emplace_back(StartResult(input, record_index, ""));
    result.verdict = Verdict::kInvalid;
    result.error = input.error;
    return results;
  }
  const std::string hash = Sha256Hex(CanonicalJson(input.record));
  const std::vector<std::string> unknown_field_notes = UnknownFieldNotes(input);
  RecordJudgement judgement =
      engine_.Judge(input.record, *input.kind, input.id.value_or(""), options_);
  if (judgement.no_market()) {
    results.push_back(NoMarketResult(input, record_index, hash, judgement.as_of));
    return results;
  }
  for (MarketJudgement& judged : judgement.results) {
    RecordResult& result = results.emplace_back(StartResult(input, record_index, hash));
    result.market = std::move(judged.market);
    result.as_of = judgement.as_of;
    result.verdict = judged.verdict;
    result.findings = std::move(judged.findings);
    result.coverage = judged.coverage;
    result.notes = std::move(judged.notes);
    result.explanations = std::move(judged.explanations);
    result.notes.insert(result.notes.end(), unknown_field_notes.begin(), unknown_field_notes.end());
  }
  return results;
}

void CheckRun::Report(const std::vector<RecordResult>& results) {
  ++summary_.records;
  for (const RecordResult& result : results) {
    summary_.Count(result);
    if (result.as_of && result.market) WarnOfStaleRates(*result.as_of);
    findings_ += static_cast<std::int64_t>(result.findings.size());
    if (settings_.fail_on) {
      for (const Finding& finding : result.findings) {
        fail_on_reached_ = fail_on_reached_ || (!finding.waived && AtOrAbove(finding.rule->severity,
                                                                             *settings_.fail_on));
      }
    }
    if (result.verdict == Verdict::kNotCovered) {
      fail_on_reached_ = fail_on_reached_ || settings_.fail_on_not_covered;
      // Named on stderr too, once per market.
      if (noted_markets_.insert(*result.market).second && !result.notes.empty())
        PrintNote(result.notes.back());
    }
    writer_.Result(result);
  }
}

}  // namespace tradelint::cli
