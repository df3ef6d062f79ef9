// Compiling the bundled rulesets, stage by stage: reading and parsing every .trl file, checking
// them against the schema, planning the Program, and the whole Engine::Compile (target: under
// 50 ms, median of the repetitions).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/check/checker.h"
#include "engine/plan/planner.h"
#include "engine/plugin/plugin.h"
#include "engine/ruleset/ruleset_loader.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

const std::string kRoot = TRADELINT_SOURCE_DIR;
const std::string kLibrary = kRoot + "/rulesets";

// Schema, markets, reference data and functions, loaded once for the stage benchmarks.
struct Environment {
  Environment()
      : schema(*Schema::Load(kRoot + "/schema", &error)),
        markets(std::make_shared<const MarketTable>(
            *MarketTable::Load(kLibrary + "/reference/markets.json", &error))),
        reference(std::make_shared<const ReferenceData>(
            *ReferenceData::Load(kLibrary + "/reference", &error))) {
    RegisterBuiltinPlugins(functions);
  }
  std::string error;
  Schema schema;
  std::shared_ptr<const MarketTable> markets;
  std::shared_ptr<const ReferenceData> reference;
  FunctionRegistry functions;
};

const Environment& Shared() {
  static const Environment environment;
  return environment;
}

std::vector<std::unique_ptr<ast::RulesetFile>> ParseBundled() {
  Diagnostics diagnostics;
  return LoadRulesetFiles({kLibrary}, kLibrary, diagnostics);
}

std::vector<CheckedRuleset> CheckBundled(
    const std::vector<std::unique_ptr<ast::RulesetFile>>& files) {
  const Environment& environment = Shared();
  std::vector<const ast::RulesetFile*> views;
  for (const auto& file : files) views.push_back(file.get());
  Diagnostics diagnostics;
  return CheckRulesets(
      views,
      CheckEnvironment{&environment.schema, &environment.functions, environment.markets.get(),
                       /*reference_overlay=*/nullptr, RulesetFileLimits{}},
      diagnostics);
}

void BM_ParseBundledRulesets(benchmark::State& state) {
  std::size_t files = 0;
  for (auto _ : state) files = ParseBundled().size();
  state.counters["files"] = static_cast<double>(files);
}
BENCHMARK(BM_ParseBundledRulesets)->Unit(benchmark::kMillisecond);

void BM_CheckBundledRulesets(benchmark::State& state) {
  const auto files = ParseBundled();
  std::size_t rules = 0;
  for (auto _ : state) {
    rules = 0;
    for (const CheckedRuleset& ruleset : CheckBundled(files)) rules += ruleset.rules.size();
  }
  state.counters["rules"] = static_cast<double>(rules);
}
BENCHMARK(BM_CheckBundledRulesets)->Unit(benchmark::kMillisecond);

void BM_PlanBundledRulesets(benchmark::State& state) {
  const auto files = ParseBundled();
  const std::vector<CheckedRuleset> checked = CheckBundled(files);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<CheckedRuleset> copy = checked;
    state.ResumeTiming();
    Diagnostics diagnostics;
    benchmark::DoNotOptimize(
        PlanProgram(std::move(copy), Shared().markets, Shared().reference, diagnostics));
  }
}
BENCHMARK(BM_PlanBundledRulesets)->Unit(benchmark::kMillisecond);

// Everything `tradelint check` does before the first record: load the schema and the reference
// data, parse, check and plan every bundled ruleset.
void BM_CompileBundledRulesets(benchmark::State& state) {
  const BuiltinPlugins builtin;
  for (auto _ : state) {
    Diagnostics diagnostics;
    std::unique_ptr<const Engine> engine =
        Engine::Compile(EngineOptions{.rule_paths = {},
                                      .data_directory = kRoot,
                                      .plugins = builtin.plugins(),
                                      .parse_limits = {}},
                        diagnostics);
    if (engine == nullptr) state.SkipWithError(diagnostics.RenderAll().c_str());
    benchmark::DoNotOptimize(engine);
  }
}
BENCHMARK(BM_CompileBundledRulesets)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true);

}  // namespace
}  // namespace tradelint
