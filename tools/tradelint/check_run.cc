#include "tools/tradelint/check_run.h"

#include <algorithm>
#include <set>
#include <utility>

#include "engine/base/sha256.h"
#include "engine/diag/codes.h"
#include "engine/input/feed_mapping.h"
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
    : engine_(engine),
      settings_(std::move(settings)),
      writer_(writer),
      today_(Date::TodayUtc()),
      groups_(engine, settings_.language, settings_.as_of) {
  options_.markets = settings_.markets;
  options_.as_of = settings_.as_of;
  options_.language = settings_.language;
  options_.expand_groups = settings_.expand_groups;
  options_.waivers = settings_.waivers;
  options_.explain = settings_.explain;
  options_.today = today_;
  options_.detail = writer_.finding_detail();
  const std::string_view language = settings_.language;
  if (!engine_.languages().AllLanguages().contains(language.substr(0, language.find('-')))) {
    Warn("the language `" + settings_.language +
         "` is not an official language of any market (rulesets/reference/languages.csv): "
         "messages, titles and fixes are in English");
    options_.language = "en";
  }
  feed_options_ = options_;
  feed_options_.detail = FindingDetail::kFull;
}

void CheckRun::Warn(std::string warning) {
  if (settings_.notes_on_stderr) PrintWarning(warning);
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
  } else if (input.feed != nullptr) {
    std::string attributes;
    for (const std::string& attribute : input.feed->AttributesFor("target_markets")) {
      attributes += "`" + attribute + "`, ";
    }
    error.message = "the " + input.feed->format() + " item names no market: give " + attributes +
                    "--market, or `target_markets` in --supplement";
    error.paths = {"target_markets"};
  } else if (input.kind == RecordKind::kPayment || input.kind == RecordKind::kWaybill) {
    error.message = "the record names no market: fill `destination`, or give --market";
    error.paths = {"destination"};
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

void CheckRun::Finish() {
  // The groups still open, a portion at a time, so that the run never holds the results of all.
  constexpr std::size_t kGroupsPerPortion = 1024;
  while (groups_.open_groups() > 0) {
    groups_.CloseFirst(kGroupsPerPortion, closed_);
    ReportGroups();
  }
  for (const auto& [format, paths] : uncarried_) {
    std::string fields;
    for (const std::string& path : paths) fields += (fields.empty() ? "`" : ", `") + path + "`";
    std::string warning = "the " + format + " feed cannot carry " + std::to_string(paths.size()) +
                          " field" + (paths.size() == 1 ? "" : "s") +
                          " that the rules asked for: " + fields +
                          "; give them beside the feed with --supplement FILE.jsonl (one JSON "
                          "object per line: the item's `id` and the fields, as in a record)";
    Warn(std::move(warning));
  }
  if (!latest_as_of_) return;
  // The tables built on first use (the sanctions lists) are listed only once the run used them.
  for (const ReferenceTable& table : engine_.reference_tables()) {
    const std::optional<Date> date = Date::Parse(table.date);
    if (table.stale_after_days <= 0 || !date ||
        latest_as_of_->days() - date->days() <= table.stale_after_days) {
      continue;
    }
    std::string warning = "the reference table " + table.name + " is of " + table.date + ", " +
                          std::to_string(latest_as_of_->days() - date->days()) +
                          " days before the as-of date " + latest_as_of_->ToString() +
                          ", older than the " + std::to_string(table.stale_after_days) +
                          " days it is current for: give a current one with --reference-data";
    Warn(std::move(warning));
  }
}

JudgedRecord CheckRun::Judge(const InputRecord& input, std::size_t record_index) const {
  JudgedRecord judged;
  std::vector<RecordResult>& results = judged.results;
  if (settings_.strict && !input.error && !input.unknown_fields.empty()) {
    InputRecord rejected = input;
    RejectUnknownFields(rejected);
    return Judge(rejected, record_index);
  }
  if (input.error) {
    RecordResult& result = results.emplace_back(StartResult(input, record_index, ""));
    result.verdict = Verdict::kInvalid;
    result.error = input.error;
    return judged;
  }
  if (!engine_.program().group_rules().empty()) {
    judged.member = std::make_shared<const GroupMember>(
        GroupMember{*input.kind, input.id.value_or(""), input.source});
    judged.date = engine_.DefaultAsOf(input.record, *input.kind, today_);
    judged.links = groups_.Links(input.record, *input.kind, judged.date);
  }
  const std::string hash =
      writer_.shows_record_hash() ? Sha256Hex(CanonicalJson(input.record)) : std::string();
  const std::vector<std::string> unknown_field_notes = UnknownFieldNotes(input);
  RecordJudgement judgement = engine_.Judge(input.record, *input.kind, input.id.value_or(""),
                                            input.feed != nullptr ? feed_options_ : options_);
  if (judgement.no_market()) {
    results.push_back(NoMarketResult(input, record_index, hash, judgement.as_of));
    return judged;
  }
  for (MarketJudgement& market : judgement.results) {
    RecordResult& result = results.emplace_back(StartResult(input, record_index, hash));
    result.market = std::move(market.market);
    result.as_of = judgement.as_of;
    result.verdict = market.verdict;
    result.findings = std::move(market.findings);
    result.coverage = market.coverage;
    result.notes = std::move(market.notes);
    result.explanations = std::move(market.explanations);
    if (input.feed != nullptr) NameFeedAttributes(input, result.findings);
    result.notes.insert(result.notes.end(), unknown_field_notes.begin(), unknown_field_notes.end());
  }
  if (settings_.horizon_months) AddUpcoming(input, judgement.as_of, results);
  return judged;
}

void CheckRun::NameFeedAttributes(const InputRecord& input, std::vector<Finding>& findings) const {
  std::vector<std::string> uncarried;
  for (Finding& finding : findings) {
    const auto add = [&](const std::string& path) {
      const std::vector<std::string> attributes = input.feed->AttributesFor(path);
      for (const std::string& attribute : attributes) {
        if (std::find(finding.feed_attributes.begin(), finding.feed_attributes.end(), attribute) ==
            finding.feed_attributes.end()) {
          finding.feed_attributes.push_back(attribute);
        }
      }
      return !attributes.empty();
    };
    for (const std::string& path : finding.paths) add(path);
    for (const std::string& path : finding.missing) {
      if (!add(path)) uncarried.push_back(path);
    }
  }
  if (uncarried.empty()) return;
  const std::lock_guard lock(uncarried_mutex_);
  uncarried_[input.feed->format()].insert(uncarried.begin(), uncarried.end());
}

void CheckRun::AddUpcoming(const InputRecord& input, Date as_of,
                           std::vector<RecordResult>& results) const {
  for (RecordResult& result : results) result.upcoming.emplace();
  const std::optional<Date> horizon = as_of.AddMonths(*settings_.horizon_months);
  // The dates within the horizon on which a rule of the record's kind comes into force.
  std::set<Date> dates;
  for (const CheckedRule* rule : engine_.program().rules()) {
    if (rule->applies_to == *input.kind && rule->effective_from && as_of < *rule->effective_from &&
        (!horizon || *rule->effective_from <= *horizon)) {
      dates.insert(*rule->effective_from);
    }
  }
  for (const Date date : dates) {
    JudgeOptions options = options_;
    options.as_of = date;
    options.explain = nullptr;
    RecordJudgement later =
        engine_.Judge(input.record, *input.kind, input.id.value_or(""), options);
    for (MarketJudgement& judged : later.results) {
      const auto result = std::find_if(results.begin(), results.end(), [&](const RecordResult& r) {
        return r.market == judged.market;
      });
      if (result == results.end()) continue;
      for (Finding& finding : judged.findings) {
        if (finding.rule->effective_from == date) result->upcoming->push_back(std::move(finding));
      }
    }
  }
}

void CheckRun::CountFinding(const Finding& finding) {
  ++findings_;
  if (settings_.fail_on && !finding.waived) {
    fail_on_reached_ = fail_on_reached_ || AtOrAbove(finding.rule->severity, *settings_.fail_on);
  }
}

void CheckRun::Report(JudgedRecord& judged) {
  ++summary_.records;
  for (const RecordResult& result : judged.results) {
    summary_.Count(result);
    if (result.as_of && result.market) {
      WarnOfStaleRates(*result.as_of);
      if (!latest_as_of_ || latest_as_of_->days() < result.as_of->days())
        latest_as_of_ = result.as_of;
    }
    for (const Finding& finding : result.findings) CountFinding(finding);
    if (result.verdict == Verdict::kNotCovered) {
      fail_on_reached_ = fail_on_reached_ || settings_.fail_on_not_covered;
      // Named on stderr too, once per market.
      if (settings_.notes_on_stderr && noted_markets_.insert(*result.market).second &&
          !result.notes.empty())
        PrintNote(result.notes.back());
    }
    writer_.Result(result);
  }
  writer_.RecordEnd();
  if (judged.member) {
    groups_.Add(std::move(judged.member), judged.date, std::move(judged.links), closed_);
    ReportGroups();
  }
}

void CheckRun::ReportGroups() {
  for (const GroupResult& group : closed_) {
    CountFinding(group.finding);
    writer_.Group(group);
  }
  closed_.clear();
}

}  // namespace tradelint::cli
