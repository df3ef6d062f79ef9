#include "engine/api/engine.h"

#include <algorithm>
#include <filesystem>

#include "engine/check/checker.h"
#include "engine/diag/codes.h"
#include "engine/plan/planner.h"
#include "engine/ruleset/ruleset_loader.h"

namespace tradelint {
namespace fs = std::filesystem;
namespace {

}  // namespace

Engine::Engine(std::string data_directory, std::shared_ptr<const Schema> schema,
               std::shared_ptr<const MarketTable> markets,
               std::shared_ptr<const ReferenceData> reference,
               std::unique_ptr<FunctionRegistry> functions, std::unique_ptr<const Program> program)
    : data_directory_(std::move(data_directory)),
      schema_(std::move(schema)),
      markets_(std::move(markets)),
      reference_(std::move(reference)),
      functions_(std::move(functions)),
      program_(std::move(program)),
      evaluator_(*program_) {}

std::unique_ptr<const Engine> Engine::Compile(const EngineOptions& options,
                                              Diagnostics& diagnostics, CompileStats* stats) {
  const std::string data = options.data_directory.empty() ? FindDataDirectory() : options.data_directory;
  if (data.empty()) {
    diagnostics.Error(code::kDataNotFound, Span{},
                      "cannot find tradelint's data (rulesets/ and schema/); set TRADELINT_DATA_DIR");
    return nullptr;
  }
  const fs::path root(data);
  std::string error;
  std::optional<Schema> schema = Schema::Load((root / "schema").string(), &error);
  if (!schema) diagnostics.Error(code::kDataNotFound, Span{}, error);
  std::optional<MarketTable> markets =
      MarketTable::Load((root / "rulesets" / "reference" / "markets.json").string(), &error);
  if (!markets) diagnostics.Error(code::kDataNotFound, Span{}, error);
  std::optional<ReferenceData> reference =
      ReferenceData::Load((root / "rulesets" / "reference").string(), &error);
  if (!reference) diagnostics.Error(code::kDataNotFound, Span{}, error);
  if (!schema || !markets || !reference) return nullptr;

  auto functions = std::make_unique<FunctionRegistry>();
  for (const Plugin* plugin : options.plugins) {
    if (!functions->Register(*plugin, &error)) diagnostics.Error(code::kPluginConflict, Span{}, error);
  }

  const std::string library = (root / "rulesets").string();
  const std::vector<std::string> paths =
      options.rule_paths.empty() ? std::vector<std::string>{library} : options.rule_paths;
  std::vector<std::unique_ptr<ast::RulesetFile>> files =
      LoadRulesetFiles(paths, library, diagnostics,
                       stats != nullptr ? &stats->ruleset_files : nullptr, options.parse_limits);
  if (diagnostics.has_errors()) return nullptr;

  auto shared_schema = std::make_shared<const Schema>(std::move(*schema));
  auto shared_markets = std::make_shared<const MarketTable>(std::move(*markets));
  auto shared_reference = std::make_shared<const ReferenceData>(std::move(*reference));
  std::vector<const ast::RulesetFile*> views;
  for (const auto& file : files) views.push_back(file.get());
  CheckEnvironment environment{shared_schema.get(), functions.get(), shared_markets.get()};
  std::vector<CheckedRuleset> checked = CheckRulesets(views, environment, diagnostics);
  if (diagnostics.has_errors()) return nullptr;
  std::unique_ptr<const Program> program =
      PlanProgram(std::move(checked), shared_markets, shared_reference, diagnostics);
  if (program == nullptr) return nullptr;
  return std::unique_ptr<const Engine>(new Engine(data, std::move(shared_schema), std::move(shared_markets),
                                                  std::move(shared_reference), std::move(functions),
                                                  std::move(program)));
}

std::vector<ReferenceTable> Engine::reference_tables() const {
  std::vector<ReferenceTable> tables;
  const MarketTable::Provenance& markets = markets_->provenance();
  tables.push_back({markets.name, markets.source, markets.date});
  for (const Provenance& table : reference_->provenance()) {
    tables.push_back({table.name, table.source, table.date});
  }
  for (const Provenance& table : program_->tables()) {
    tables.push_back({table.name, table.source, table.date});
  }
  return tables;
}

std::vector<std::string> Engine::DefaultMarkets(const Value& record, RecordKind kind) const {
  std::vector<std::string> markets;
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
      if (markets_->Contains(taken, market, as_of) || markets_->Contains(market, taken, as_of)) return;
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
  if (kind == RecordKind::kTransaction) {
    const Value& created = record.Get("created_at");
    if (created.is_string()) {
      if (std::optional<DateTime> instant = DateTime::Parse(created.as_string())) {
        return instant->utc_date();
      }
    }
  }
  return today;
}

}  // namespace tradelint
