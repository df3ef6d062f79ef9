#include "engine/api/engine.h"

#include <algorithm>
#include <filesystem>
#include <future>

#include "engine/api/waivers.h"
#include "engine/check/checker.h"
#include "engine/diag/codes.h"
#include "engine/plan/planner.h"
#include "engine/ruleset/ruleset_loader.h"

namespace tradelint {
namespace fs = std::filesystem;

Engine::Engine(std::string data_directory, bool bundled, std::shared_ptr<const Schema> schema,
               std::shared_ptr<const MarketTable> markets,
               std::shared_ptr<const ReferenceData> reference,
               std::unique_ptr<FunctionRegistry> functions, std::unique_ptr<const Program> program,
               EvaluationLimits limits, EvaluationMode evaluation_mode)
    : data_directory_(std::move(data_directory)),
      bundled_(bundled),
      schema_(std::move(schema)),
      markets_(std::move(markets)),
      reference_(std::move(reference)),
      functions_(std::move(functions)),
      program_(std::move(program)),
      evaluator_(*program_, limits, evaluation_mode) {}

std::unique_ptr<const Engine> Engine::Compile(const EngineOptions& options,
                                              Diagnostics& diagnostics, CompileStats* stats) {
  const std::string data =
      options.data_directory.empty() ? FindDataDirectory() : options.data_directory;
  if (data.empty()) {
    diagnostics.Error(
        code::kDataNotFound, Span{},
        "cannot find tradelint's data (rulesets/ and schema/); set TRADELINT_DATA_DIR");
    return nullptr;
  }
  const fs::path root(data);
  std::string error;
  const std::string bundled_reference = (root / "rulesets" / "reference").string();
  std::optional<ReferenceOverlay> overlay = ReferenceOverlay();
  if (!options.reference_data_directory.empty()) {
    overlay = ReferenceOverlay::Open(bundled_reference, options.reference_data_directory, &error);
    if (!overlay) {
      diagnostics.Error(code::kReferenceDataInvalid, Span{}, error);
      return nullptr;
    }
  }
  const std::string library = (root / "rulesets").string();
  std::vector<std::string> paths = options.rule_paths;
  if (paths.empty()) paths.push_back(library);
  std::replace(paths.begin(), paths.end(), std::string(kBundledRules), library);
  const RulesetExtensions extensions = FindRulesetExtensions(paths, library, diagnostics);
  // The reference tables (FX rates, the HS nomenclature, languages: a fifth of a cold start) are
  // read on another thread while the rulesets are parsed, which needs none of them. Diagnostics
  // come in the order of a sequential compilation: the data's errors, which stop it before
  // anything is parsed, then the plugins', then the rulesets'. (Without a thread to spare, the
  // tables are read when first needed, on this thread.)
  std::string reference_error;
  std::future<std::optional<ReferenceData>> reference_load =
      std::async(std::launch::async | std::launch::deferred,
                 [&bundled_reference, &reference_error, &overlay, &extensions] {
                   return ReferenceData::Load(bundled_reference, &reference_error, *overlay,
                                              extensions.languages);
                 });
  const auto reference_loaded = [&] {
    std::optional<ReferenceData> reference = reference_load.get();
    if (!reference) {
      diagnostics.Error(
          extensions.languages.empty() ? code::kDataNotFound : code::kExtensionInvalid, Span{},
          reference_error);
    }
    return reference;
  };
  std::optional<Schema> schema =
      Schema::Load((root / "schema").string(), &error, extensions.data_models);
  if (!schema) {
    diagnostics.Error(
        extensions.data_models.empty() ? code::kDataNotFound : code::kExtensionInvalid, Span{},
        error);
  }
  std::optional<MarketTable> markets =
      MarketTable::Load(overlay->Locate(bundled_reference + "/markets.json").path, &error);
  if (!markets) diagnostics.Error(code::kDataNotFound, Span{}, error);
  if (!schema || !markets) {
    reference_loaded();
    return nullptr;
  }

  Diagnostics parse_diagnostics;
  std::vector<std::unique_ptr<ast::RulesetFile>> files = LoadRulesetFiles(
      paths, library, parse_diagnostics, stats != nullptr ? &stats->ruleset_files : nullptr,
      RulesetLoadLimits{options.file_limits, options.parse_limits, options.tests});
  std::optional<ReferenceData> reference = reference_loaded();
  if (!reference) return nullptr;

  auto functions = std::make_unique<FunctionRegistry>();
  for (const Plugin* plugin : options.plugins) {
    if (!functions->Register(*plugin, &error))
      diagnostics.Error(code::kPluginConflict, Span{}, error);
  }
  diagnostics.Append(parse_diagnostics);
  if (diagnostics.has_errors()) return nullptr;

  auto shared_schema = std::make_shared<const Schema>(std::move(*schema));
  auto shared_markets = std::make_shared<const MarketTable>(std::move(*markets));
  auto shared_reference = std::make_shared<const ReferenceData>(std::move(*reference));
  std::vector<const ast::RulesetFile*> views;
  for (const auto& file : files) views.push_back(file.get());
  CheckEnvironment environment{shared_schema.get(),  functions.get(),
                               shared_markets.get(), &*overlay,
                               options.file_limits,  &shared_reference->languages()};
  std::vector<CheckedRuleset> checked = CheckRulesets(views, environment, diagnostics);
  if (diagnostics.has_errors()) return nullptr;
  std::unique_ptr<const Program> program =
      PlanProgram(std::move(checked), shared_markets, shared_reference, diagnostics);
  if (program == nullptr) return nullptr;
  return std::unique_ptr<const Engine>(
      new Engine(data, options.rule_paths.empty(), std::move(shared_schema),
                 std::move(shared_markets), std::move(shared_reference), std::move(functions),
                 std::move(program), options.evaluation_limits, options.evaluation_mode));
}

std::vector<ReferenceTable> Engine::reference_tables() const {
  std::vector<ReferenceTable> tables;
  const MarketTable::Provenance& markets = markets_->provenance();
  tables.push_back({markets.name, markets.source, markets.date, ""});
  for (const Provenance& table : reference_->provenance()) {
    tables.push_back({table.name, table.source, table.date, table.version, table.stale_after_days});
  }
  for (const Provenance& table : program_->tables()) {
    tables.push_back({table.name, table.source, table.date, table.version});
  }
  return tables;
}

std::vector<std::string> Engine::DefaultMarkets(const Value& record, RecordKind kind) const {
  std::vector<std::string> markets;
  if (kind == RecordKind::kPayment || kind == RecordKind::kWaybill) {
    const Value& destination = record.Get("destination");
    if (destination.is_string() && markets_->IsValidMarket(destination.as_string()))
      markets.push_back(destination.as_string());
    return markets;
  }
  if (kind != RecordKind::kTransaction) {
    const Value& targets = record.Get("target_markets");
    if (!targets.is_list()) return markets;
    for (const Value& target : targets.as_list()) {
      if (target.is_string() && markets_->IsValidMarket(target.as_string()) &&
          std::find(markets.begin(), markets.end(), target.as_string()) == markets.end()) {
        markets.push_back(target.as_string());
      }
    }
    return markets;
  }
  const Date as_of = DefaultAsOf(record, kind, Date::TodayUtc());
  auto first_valid = [&](const Value& preferred, const Value& fallback) -> std::string {
    for (const Value* candidate : {&preferred, &fallback}) {
      if (candidate->is_string() && markets_->IsValidMarket(candidate->as_string())) {
        return candidate->as_string();
      }
    }
    return "";
  };
  auto take = [&](const std::string& market) {
    if (market.empty()) return;
    for (const std::string& taken : markets) {
      if (markets_->Contains(taken, market, as_of) || markets_->Contains(market, taken, as_of))
        return;
    }
    markets.push_back(market);
  };
  const Value& shipment = record.Get("shipment");
  const Value& buyer = record.Get("buyer");
  take(first_valid(shipment.Get("ship_to_subdivision"), shipment.Get("ship_to")));
  take(first_valid(buyer.Get("subdivision"), buyer.Get("country")));
  take(first_valid(shipment.Get("ship_from"), Value()));
  return markets;
}

Date Engine::DefaultAsOf(const Value& record, RecordKind kind, Date today) const {
  if (kind == RecordKind::kTransaction || kind == RecordKind::kPayment ||
      kind == RecordKind::kWaybill) {
    const Value& created = record.Get("created_at");
    if (created.is_string()) {
      if (std::optional<DateTime> instant = DateTime::Parse(created.as_string())) {
        return instant->utc_date();
      }
    }
  }
  return today;
}

RecordJudgement Engine::Judge(const Value& record, RecordKind kind, std::string_view record_id,
                              const JudgeOptions& options) const {
  RecordJudgement judgement;
  judgement.as_of = options.as_of.value_or(DefaultAsOf(record, kind, options.today));
  const std::vector<std::string> markets =
      options.markets.empty() ? DefaultMarkets(record, kind) : options.markets;
  MarketIndependentResults shared;  // rules that do not read `market` are judged once
  for (const std::string& market : markets) {
    if (markets_->Classify(market) != MarketTable::Form::kGroup) {
      judgement.results.push_back(
          JudgeMarket(record, kind, record_id, market, "", judgement.as_of, options, shared));
      continue;
    }
    std::vector<MarketJudgement> members;
    for (const std::string& member : markets_->Members(market, judgement.as_of)) {
      members.push_back(
          JudgeMarket(record, kind, record_id, member, market, judgement.as_of, options, shared));
    }
    if (options.expand_groups) {
      for (MarketJudgement& member : members) judgement.results.push_back(std::move(member));
    } else {
      judgement.results.push_back(CombineMembers(market, members));
    }
  }
  return judgement;
}

MarketJudgement Engine::JudgeMarket(const Value& record, RecordKind kind,
                                    std::string_view record_id, std::string_view market,
                                    std::string_view group, Date as_of, const JudgeOptions& options,
                                    MarketIndependentResults& shared) const {
  std::optional<ExplanationRecorder> recorder;
  if (options.explain != nullptr) recorder.emplace(*options.explain);
  Evaluation evaluation =
      evaluator_.Evaluate(record, kind, market, as_of, options.language, &shared,
                          recorder ? &*recorder : nullptr, options.detail);
  MarketJudgement result;
  result.market = std::string(market);
  if (recorder) {
    result.explanations = recorder->Take();
    for (RuleExplanation& explanation : result.explanations) explanation.market = result.market;
  }
  result.coverage = evaluation.coverage;
  result.findings = std::move(evaluation.findings);
  if (options.waivers != nullptr) {
    for (Finding& finding : result.findings) {
      const Waiver* waiver =
          options.waivers->Find(*finding.rule, record_id, market, group, options.today);
      if (waiver == nullptr) continue;
      if (waiver->expires < options.today) {
        result.notes.push_back("the waiver of " + finding.rule->id + " (" + waiver->location +
                               ", approved by " + waiver->approved_by + ") expired on " +
                               waiver->expires.ToString() + "; the finding counts");
      } else {
        finding.waived = AppliedWaiver{waiver->reason, waiver->expires, waiver->approved_by};
      }
    }
  }
  result.verdict = VerdictOf(result.findings, evaluation.covered);
  if (!evaluation.covered) result.notes.push_back(NotCoveredNote(kind, market, as_of));
  return result;
}

std::string Engine::NotCoveredNote(RecordKind kind, std::string_view market, Date as_of) const {
  return std::string("not covered: no ") + (bundled_ ? "bundled ruleset" : "ruleset of --rules") +
         " for market `" + std::string(market) + "` has a rule for " +
         std::string(RecordKindName(kind)) + "s in force on " + as_of.ToString() +
         ", so the record was not judged under its own law";
}

}  // namespace tradelint
