// embedding: checks the records of a file against the bundled rulesets through the installed
// libtradelint (docs/embedding.md), printing one line per (record, market) with the verdict,
// then one line per finding.
//
//   embedding RECORDS [MARKET...]    (no market: each record's own; exit 1 on a bad input)
//
// Build it with CMake (find_package(tradelint), see CMakeLists.txt) or with pkg-config:
//   c++ main.cc $(pkg-config --cflags --libs tradelint) -o embedding

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/record_reader.h"
#include "library/version.h"
#include "plugins/builtin_plugins.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: embedding RECORDS [MARKET...]\n";
    return 1;
  }
  // Compile once: the bundled rulesets, with the built-in function library.
  const tradelint::BuiltinPlugins builtin;
  tradelint::EngineOptions options;
  options.plugins = builtin.plugins();
  tradelint::Diagnostics diagnostics;
  const std::unique_ptr<const tradelint::Engine> engine =
      tradelint::Engine::Compile(options, diagnostics);
  if (engine == nullptr) {
    std::cerr << diagnostics.RenderAll();
    return 1;
  }
  std::cerr << "libtradelint " << tradelint::LibraryVersion() << ", "
            << engine->program().rulesets().size() << " rulesets\n";

  std::string error;
  const std::unique_ptr<tradelint::RecordReader> reader =
      tradelint::OpenRecordReader(argv[1], engine->schema(), {}, &error);
  if (reader == nullptr) {
    std::cerr << error << '\n';
    return 1;
  }
  tradelint::JudgeOptions judge;
  judge.markets.assign(argv + 2, argv + argc);

  // Then judge each record; Judge is const and may be called from several threads.
  tradelint::InputRecord input;
  while (reader->Next(input)) {
    if (input.error) {
      std::cout << input.source << " invalid " << input.error->code << '\n';
      continue;
    }
    const tradelint::RecordJudgement judgement =
        engine->Judge(input.record, *input.kind, *input.id, judge);
    if (judgement.no_market()) std::cout << input.source << " invalid no_market\n";
    for (const tradelint::MarketJudgement& result : judgement.results) {
      std::cout << input.source << ' ' << *input.id << ' ' << result.market << ' '
                << tradelint::VerdictName(result.verdict) << '\n';
      for (const tradelint::Finding& finding : result.findings) {
        std::cout << "  " << finding.rule->id << ' '
                  << tradelint::SeverityName(finding.rule->severity) << '\n';
      }
    }
  }
  return 0;
}
