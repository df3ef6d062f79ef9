#pragma once
// tradelint's front door: compile rulesets once, then check many records.
//
// An Engine holds everything a check needs: the data model, the market table, the
// reference data, the function library and the compiled Program. It is immutable after
// Compile and safe to share between threads.
//
// Programs outside the tree link the installed shared library libtradelint (find_package
// (tradelint) or pkg-config; docs/embedding.md); examples/embedding/main.cc is a whole one.
//
//   #include "engine/api/engine.h"
//
//   const tradelint::BuiltinPlugins builtin;  // plugins/builtin_plugins.h
//   tradelint::Diagnostics diagnostics;
//   std::unique_ptr<const tradelint::Engine> engine = tradelint::Engine::Compile(
//       {.rule_paths = {"rulesets/eu"}, .plugins = builtin.plugins()}, diagnostics);
//   if (engine == nullptr) { std::cerr << diagnostics.RenderAll(); return 2; }
//   tradelint::RecordJudgement judgement =
//       engine->Judge(record, tradelint::RecordKind::kListing, "L-1",
//                     {.markets = {"DE", "EU"}, .as_of = tradelint::Date::Parse("2025-03-01")});
//   for (const tradelint::MarketJudgement& result : judgement.results) { ... }

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/judgement.h"
#include "engine/base/file.h"
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

// In EngineOptions::rule_paths (and `--rules`): the bundled rulesets, beside other paths.
inline constexpr std::string_view kBundledRules = "+bundled";

struct EngineOptions {
  // Ruleset files or folders, or kBundledRules; empty means the bundled rulesets. A folder may
  // extend the bundled data model and reference tables (`extension/`, docs/extending.md).
  std::vector<std::string> rule_paths;
  // Folder with the shipped `rulesets/` and `schema/`; empty means FindDataDirectory().
  std::string data_directory;
  EvaluationLimits evaluation_limits;
  // kReference for the reference evaluation (tests compare the two).
  EvaluationMode evaluation_mode = EvaluationMode::kFast;
  // `--reference-data DIR`: files that replace the bundled reference files at the same path
  // under `rulesets/reference/` (ReferenceOverlay); empty means none.
  std::string reference_data_directory;
  // The largest ruleset, table and test record files read.
  RulesetFileLimits file_limits;
  // The function library, registered in this order: usually the built-in plugins
  // (plugins/builtin_plugins.h), then any of one's own. Not owned; read only during Compile
  // (the registry keeps copies of their functions). Two plugins defining one function name
  // are an error (`plugin_conflict`).
  std::vector<const Plugin*> plugins;
  // Limits on the ruleset files' syntax.
  ParseLimits parse_limits;
  // kSkip for a front end that only judges records (check, rules, serve): `test` blocks are
  // not parsed and their record files not read, so the Program has no tests.
  TestBlocks tests = TestBlocks::kParse;
};

// A reference table the run used, for the report's `reference_data`.
struct ReferenceTable {
  std::string name, source, date;
  std::string version;       // empty unless a sidecar gives one
  int stale_after_days = 0;  // Provenance::stale_after_days
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
  // The official languages of the markets (`languages.csv`, with any extension's rows).
  const LanguageTable& languages() const { return reference_->languages(); }
  const std::string& data_directory() const { return data_directory_; }
  std::vector<ReferenceTable> reference_tables() const;
  // The latest date of the FX rates; conversions for a later as-of date use older rates.
  std::optional<Date> fx_latest_date() const { return reference_->fx_latest_date(); }

  // The markets a record is judged for when none are given (docs/cli.md): a
  // listing's or seller's `target_markets`; for a transaction the destination, then the
  // buyer's residence and the country of dispatch unless one equals, contains or lies inside
  // a market already taken; a payment's or waybill's `destination`. Empty when the record
  // names none.
  std::vector<std::string> DefaultMarkets(const Value& record, RecordKind kind) const;
  // The legal date a record is judged at when none is given: the UTC date of a
  // transaction's, payment's or waybill's `created_at`, else `today`.
  Date DefaultAsOf(const Value& record, RecordKind kind, Date today) const;

  // Judges a record for its markets (docs/cli.md, "check"): the markets of `options`, else
  // the record's own; at the as-of date of `options`, else the record's default; each group
  // market as its members; waivers applied by `record_id`. The one entry point of the command
  // line, the test runner and every other front end. Thread-safe.
  RecordJudgement Judge(const Value& record, RecordKind kind, std::string_view record_id,
                        const JudgeOptions& options) const;

  // One market only, without waivers or groups (a group is read as one market); see
  // Evaluator::Evaluate. Pass one `shared` per record to judge it in several markets.
  Evaluation Evaluate(const Value& record, RecordKind kind, std::string_view market, Date as_of,
                      std::string_view language, MarketIndependentResults* shared = nullptr) const {
    return evaluator_.Evaluate(record, kind, market, as_of, language, shared);
  }
  // A group rule's link key for a record (Evaluator::LinkKey).
  Value LinkKey(const GroupLink& link, const Value& record, Date as_of) const {
    return evaluator_.LinkKey(link, record, as_of);
  }
  // How a group rule judges a group record, for its ruleset's jurisdiction
  // (Evaluator::JudgeGroup; GroupWindows gathers the groups).
  RuleOutcome JudgeGroup(const CheckedRule& rule, const Value& group, Date as_of,
                         std::string_view language) const {
    return evaluator_.JudgeGroup(rule, group, rule.jurisdiction, as_of, language);
  }
  // Whether `rule` may apply to a record stating only what `partial` states (Evaluator).
  bool MayApply(const CheckedRule& rule, const Value& partial, std::string_view market,
                Date as_of) const {
    return evaluator_.MayApply(rule, partial, market, as_of);
  }

 private:
  Engine(std::string data_directory, bool bundled, std::shared_ptr<const Schema> schema,
         std::shared_ptr<const MarketTable> markets, std::shared_ptr<const ReferenceData> reference,
         std::unique_ptr<FunctionRegistry> functions, std::unique_ptr<const Program> program,
         EvaluationLimits limits, EvaluationMode evaluation_mode);

  // One country or subdivision, with waivers applied; `group` is the group it was asked for
  // as a member of, else empty.
  MarketJudgement JudgeMarket(const Value& record, RecordKind kind, std::string_view record_id,
                              std::string_view market, std::string_view group, Date as_of,
                              const JudgeOptions& options, MarketIndependentResults& shared) const;
  // Why a market that no rule of its own judged is `not_covered`.
  std::string NotCoveredNote(RecordKind kind, std::string_view market, Date as_of) const;

  std::string data_directory_;
  bool bundled_;  // whether the rulesets are the bundled ones (for notes)
  std::shared_ptr<const Schema> schema_;
  std::shared_ptr<const MarketTable> markets_;
  std::shared_ptr<const ReferenceData> reference_;
  std::unique_ptr<FunctionRegistry> functions_;
  std::unique_ptr<const Program> program_;
  Evaluator evaluator_;
};

}  // namespace tradelint
