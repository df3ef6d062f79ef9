// Judging one record: a listing against every bundled rule for DE, and against the workload
// listings-v1 (bench/listings-v1) for DE; and the keyword matcher with the workload's
// 1,000-brand list against the 10,000-brand list of bench/data-10k (target: at most 1.3x).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/base/file.h"
#include "engine/json/json.h"
#include "engine/refdata/lookup_table.h"
#include "plugins/builtin_plugins.h"
#include "plugins/text/word_matcher.h"

namespace tradelint {
namespace {

const std::string kRoot = TRADELINT_SOURCE_DIR;

std::unique_ptr<const Engine> Compile(std::vector<std::string> rule_paths) {
  const BuiltinPlugins builtin;
  Diagnostics diagnostics;
  auto engine = Engine::Compile(EngineOptions{.rule_paths = std::move(rule_paths),
                                              .data_directory = kRoot,
                                              .plugins = builtin.plugins(),
                                              .parse_limits = {}},
                                diagnostics);
  if (engine == nullptr) std::abort();
  return engine;
}

Value Record(const std::string& path) {
  return std::get<Value>(ParseJson(*ReadFile(kRoot + "/" + path)));
}

void JudgeListing(benchmark::State& state, const Engine& engine, const Value& record) {
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = engine.Evaluate(record, RecordKind::kListing, "DE", *Date::Parse("2025-06-01"), "en")
                   .findings.size();
  }
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_JudgeListing_BundledRules(benchmark::State& state) {
  static const auto engine = Compile({});
  static const Value record = Record("examples/violations/de-toy-no-ce-english-warning.json");
  JudgeListing(state, *engine, record);
}
BENCHMARK(BM_JudgeListing_BundledRules);

void BM_JudgeListing_ListingsV1(benchmark::State& state) {
  static const auto engine = Compile({kRoot + "/bench/listings-v1"});
  static const Value record = Record("examples/violations/de-toy-no-ce-english-warning.json");
  JudgeListing(state, *engine, record);
}
BENCHMARK(BM_JudgeListing_ListingsV1);

std::vector<std::string> Brands(const std::string& path) {
  std::string error;
  const std::optional<LookupTable> table = LookupTable::Parse(
      *ReadFile(kRoot + "/" + path), path, path, [](std::string_view) { return true; }, &error);
  std::vector<std::string> brands;
  for (const Value& key : table->keys().as_list()) brands.push_back(key.as_string());
  return brands;
}

void MatchBrands(benchmark::State& state, const std::string& path) {
  const WordMatcher matcher = std::get<WordMatcher>(WordMatcher::Create(Brands(path)));
  // Titles differ per iteration, as records do, so no cache of recent texts helps.
  std::vector<std::string> titles;
  for (int i = 0; i < 64; ++i)
    titles.push_back("Wireless earbuds " + std::to_string(i) +
                     " Zentora充电器 with case, fits Belbelulio phones");
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(matcher.Matches(titles[i++ % titles.size()]));
  state.counters["brands"] = static_cast<double>(matcher.size());
}

void BM_MatchBrands_1k(benchmark::State& state) {
  MatchBrands(state, "bench/listings-v1/data/brands.csv");
}
BENCHMARK(BM_MatchBrands_1k);

void BM_MatchBrands_10k(benchmark::State& state) {
  MatchBrands(state, "bench/data-10k/brands.csv");
}
BENCHMARK(BM_MatchBrands_10k);

}  // namespace
}  // namespace tradelint
