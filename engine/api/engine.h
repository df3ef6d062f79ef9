#pragma once
// tradelint's front door: compile rulesets once, then check many records.
//
// An Engine holds everything a check needs: the data model, the market table, the
// reference data, the function library and the compiled Program. It is immutable after
// Compile and safe to share between threads.
//
//   #include "engine/api/engine.h"
//
//   const tradelint::BuiltinPlugins builtin;  // plugins/builtin_plugins.h
//   tradelint::Diagnostics diagnostics;
//   std::unique_ptr<const tradelint::Engine> engine = tradelint::Engine::Compile(
//       {.rule_paths = {"rulesets/eu"}, .plugins = builtin.plugins()}, diagnostics);
//   if (engine == nullptr) { std::cerr << diagnostics.RenderAll(); return 2; }
//   std::vector<tradelint::Finding> findings =
//       engine->Check(record, tradelint::RecordKind::kListing, "DE",
//                     *tradelint::Date::Parse("2025-03-01"), "en");

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diag/diagnostic.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/finding.h"
#include "engine/markets/market_table.h"
#include "engine/parse/parser.h"
#include "engine/plan/program.h"
#include "engine/plugin/plugin.h"
#include "engine/refdata/reference_data.h"
#include "engine/schema/schema.h"

namespace tradelint {

struct EngineOptions {
  // Ruleset files or folders; empty means the bundled rulesets.
  std::vector<std::string> rule_paths;
  // Folder with the shipped `rulesets/` and `schema/`; empty means FindDataDirectory().
  std::string data_directory;
  // The function library, registered in this order: usually the built-in plugins
  // (plugins/builtin_plugins.h), then any of one's own. Not owned; read only during Compile
  // (the registry keeps copies of their functions). Two plugins defining one function name
  // are an error (`plugin_conflict`).
  std::vector<const Plugin*> plugins;
  // Limits on the ruleset files' syntax.
  ParseLimits parse_limits;
};

// A reference table the run used, for the report's `reference_data`.
struct ReferenceTable {
  std::string name, source, date;
};

class Engine {
 public:
  // What a compilation read, also when it failed.
  struct CompileStats {
    std::size_t ruleset_files = 0;  // ruleset files read, whether they parsed or not
  };

  // Loads, parses, checks and plans. Returns null when any step reported an error (all of
  // them are in `diagnostics`, warnings too). Fills `stats` when given.
  static std::unique_ptr<const Engine> Compile(const EngineOptions& options,
                                               Diagnostics& diagnostics,
                                               CompileStats* stats = nullptr);

  const Program& program() const { return *program_; }
  const Schema& schema() const { return *schema_; }
  const MarketTable& markets() const { return *markets_; }
  const FunctionRegistry& functions() const { return *functions_; }
  const std::string& data_directory() const { return data_directory_; }
  std::vector<ReferenceTable> reference_tables() const;

  // The markets a record is judged for when none are given (docs/cli.md): a
  // listing's or seller's `target_markets`; for a transaction the destination, then the
  // buyer's residence and the country of dispatch unless one equals, contains or lies inside
  // a market already taken. Empty when the record names none.
  std::vector<std::string> DefaultMarkets(const Value& record, RecordKind kind) const;
  // The legal date a record is judged at when none is given: the UTC date of a
  // transaction's `created_at`, else `today`.
  Date DefaultAsOf(const Value& record, RecordKind kind, Date today) const;

  // See Evaluator::Evaluate; pass one `shared` per record to judge it in several markets.
  std::vector<Finding> Check(const Value& record, RecordKind kind, std::string_view market,
                             Date as_of, std::string_view language,
                             MarketIndependentResults* shared = nullptr) const {
    return evaluator_.Evaluate(record, kind, market, as_of, language, shared);
  }

 private:
  Engine(std::string data_directory, std::shared_ptr<const Schema> schema,
         std::shared_ptr<const MarketTable> markets, std::shared_ptr<const ReferenceData> reference,
         std::unique_ptr<FunctionRegistry> functions, std::unique_ptr<const Program> program);

  std::string data_directory_;
  std::shared_ptr<const Schema> schema_;
  std::shared_ptr<const MarketTable> markets_;
  std::shared_ptr<const ReferenceData> reference_;
  std::unique_ptr<FunctionRegistry> functions_;
  std::unique_ptr<const Program> program_;
  Evaluator evaluator_;
};

}  // namespace tradelint
