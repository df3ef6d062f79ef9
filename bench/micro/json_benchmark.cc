// The record input path: one realistic listing (examples/compliant/DE/listing.json) parsed into
// a Value by simdjson's on-demand parser (ParseJson's fast path) and by the nlohmann parser
// (ParseJsonPrecise), the choice bench/README.md reports.
#include <benchmark/benchmark.h>

#include <string>

#include "engine/base/file.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

const std::string& Listing() {
  static const std::string text =
      *ReadFile(std::string(TRADELINT_SOURCE_DIR) + "/examples/compliant/DE/listing.json");
  return text;
}

void BM_ParseListing_Simdjson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseJson(Listing()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Listing().size()));
}
BENCHMARK(BM_ParseListing_Simdjson);

void BM_ParseListing_Nlohmann(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseJsonPrecise(Listing()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * Listing().size()));
}
BENCHMARK(BM_ParseListing_Nlohmann);

}  // namespace
}  // namespace tradelint
