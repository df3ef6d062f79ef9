// One Engine shared by several threads gives every thread the same findings as a single
// thread does. Run under ThreadSanitizer by tools/tsan.sh.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "engine/api/engine.h"
#include "engine/input/record_reader.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

// A compact fingerprint of every (record, market) result of the example records; with
// `share`, the markets of one record share the results of rules that do not read `market`.
std::string CheckAll(const Engine& engine, const std::vector<InputRecord>& records,
                     bool share = true) {
  std::string out;
  const Date as_of = *Date::Parse("2025-11-15");
  for (const InputRecord& input : records) {
    MarketIndependentResults shared;
    std::vector<std::string> markets = engine.DefaultMarkets(input.record, *input.kind);
    markets.insert(markets.end(), {"DE", "FR", "EU", "US", "US-CA", "GB", "GB-NIR"});
    for (const std::string& market : markets) {
      out += input.source + " " + market + ":";
      for (const Finding& finding :
           engine
               .Evaluate(input.record, *input.kind, market, as_of, "de", share ? &shared : nullptr)
               .findings) {
        out += " " + finding.rule->id + "/" + std::string(BasisName(finding.basis)) + "/" +
               finding.message;
        for (const std::string& path : finding.paths) out += "," + path;
        for (const std::string& note : finding.notes) out += ";" + note;
        for (const std::string& replaced : finding.overrides) out += "^" + replaced;
      }
      out += "\n";
    }
  }
  return out;
}

TEST(Concurrency, SharedEngineGivesEveryThreadTheSameResults) {
  const BuiltinPlugins builtin;
  EngineOptions options;
  options.plugins = builtin.plugins();
  options.data_directory = TRADELINT_SOURCE_DIR;
  Diagnostics diagnostics;
  std::unique_ptr<const Engine> engine = Engine::Compile(options, diagnostics);
  ASSERT_NE(engine, nullptr) << diagnostics.RenderAll();

  std::string error;
  std::unique_ptr<RecordReader> reader = OpenRecordReader(
      TRADELINT_SOURCE_DIR "/examples/records.jsonl", engine->schema(), {}, &error);
  ASSERT_NE(reader, nullptr) << error;
  std::vector<InputRecord> records;
  for (InputRecord record; reader->Next(record);) {
    ASSERT_FALSE(record.error.has_value()) << record.source;
    records.push_back(record);
  }
  ASSERT_GT(records.size(), 10u);

  const std::string expected = CheckAll(*engine, records);
  ASSERT_NE(expected.find("eu.gpsr.manufacturer_contact"), std::string::npos);
  // Sharing the market-independent rules' results between markets changes nothing.
  EXPECT_EQ(expected, CheckAll(*engine, records, /*share=*/false));
  constexpr int kThreads = 4;
  std::vector<std::string> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) results[t] = CheckAll(*engine, records);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace tradelint
