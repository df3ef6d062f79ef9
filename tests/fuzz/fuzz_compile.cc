#include "tests/fuzz/fuzz_compile.h"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <utility>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/check/checker.h"
#include "engine/diag/diagnostic.h"
#include "engine/parse/parser.h"
#include "engine/plan/planner.h"
#include "engine/plugin/plugin.h"
#include "engine/refdata/reference_data.h"
#include "engine/ruleset/ruleset_loader.h"
#include "engine/source/source.h"
#include "plugins/builtin_plugins.h"

namespace tradelint::fuzz {
namespace {

// Everything the checker and the planner need, loaded once from the source tree.
struct Environment {
  std::shared_ptr<const Schema> schema;
  std::shared_ptr<const MarketTable> markets;
  std::shared_ptr<const ReferenceData> reference;
  FunctionRegistry functions;
  // The library rulesets, parsed, for the input's imports.
  std::vector<std::unique_ptr<ast::RulesetFile>> library;
};

const Environment& LoadEnvironment() {
  static const Environment* const environment = [] {
    constexpr std::string_view kTarget = "fuzz environment";
    auto loaded = new Environment;
    const std::string root = TRADELINT_SOURCE_DIR;
    std::string error;
    std::optional<Schema> schema = Schema::Load(root + "/schema", &error);
    if (!schema) Fail(kTarget, "cannot load the schema: " + error);
    std::optional<MarketTable> markets =
        MarketTable::Load(root + "/rulesets/reference/markets.json", &error);
    if (!markets) Fail(kTarget, "cannot load the markets: " + error);
    std::optional<ReferenceData> reference =
        ReferenceData::Load(root + "/rulesets/reference", &error);
    if (!reference) Fail(kTarget, "cannot load the reference data: " + error);
    loaded->schema = std::make_shared<const Schema>(std::move(*schema));
    loaded->markets = std::make_shared<const MarketTable>(std::move(*markets));
    loaded->reference = std::make_shared<const ReferenceData>(std::move(*reference));
    RegisterBuiltinPlugins(loaded->functions);
    Diagnostics diagnostics;
    loaded->library =
        LoadRulesetFiles({root + "/rulesets", root + "/tests/conformance"}, "", diagnostics);
    if (diagnostics.has_errors()) {
      Fail(kTarget, "the library rulesets do not parse:\n" + diagnostics.RenderAll());
    }
    return loaded;
  }();
  return *environment;
}

bool InsideItsFile(const Span& span) {
  return !span.valid() || (span.begin <= span.end && span.end <= span.file->text().size());
}

void CheckDiagnostics(std::string_view target, const Diagnostics& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics.all()) {
    if (diagnostic.code.empty() || diagnostic.message.empty()) {
      Fail(target, "a diagnostic without code or message");
    }
    if (!InsideItsFile(diagnostic.span))
      Fail(target, "a span outside its file: " + diagnostic.code);
    for (const DiagnosticLabel& label : diagnostic.labels) {
      if (!InsideItsFile(label.span)) Fail(target, "a label outside its file: " + diagnostic.code);
    }
    if (diagnostic.Render().empty()) Fail(target, "a diagnostic renders as nothing");
  }
}

// The input and the library rulesets it imports, the way the loader brings them in (one
// level of imports is enough to reach the definitions the library rulesets share).
std::vector<const ast::RulesetFile*> FilesToCheck(const ast::RulesetFile& input,
                                                  const Environment& environment) {
  std::vector<const ast::RulesetFile*> files = {&input};
  for (const ast::Word& import : input.imports) {
    for (const auto& library_file : environment.library) {
      if (library_file->id.text == import.text) files.push_back(library_file.get());
    }
  }
  return files;
}

}  // namespace

void Fail(std::string_view target, std::string_view what) {
  std::cerr << target << ": " << what << "\n";
  std::abort();
}

const Schema& FuzzSchema() { return *LoadEnvironment().schema; }

const MarketTable& FuzzMarkets() { return *LoadEnvironment().markets; }

std::unique_ptr<const Program> CompileRuleset(std::string_view target, std::string text) {
  const Environment& environment = LoadEnvironment();
  auto source = std::make_shared<const SourceFile>("fuzz/input.trl", std::move(text));

  Diagnostics diagnostics;
  std::unique_ptr<ast::RulesetFile> file = ParseRuleset(source, diagnostics);
  CheckDiagnostics(target, diagnostics);
  if ((file == nullptr) != diagnostics.has_errors()) {
    Fail(target,
         "ParseRuleset returned an AST with errors, or none without:\n" + diagnostics.RenderAll());
  }
  if (file == nullptr) return nullptr;

  const CheckEnvironment check_environment{environment.schema.get(), &environment.functions,
                                           environment.markets.get(), /*reference_overlay=*/nullptr,
                                           RulesetFileLimits{}};
  std::vector<CheckedRuleset> checked =
      CheckRulesets(FilesToCheck(*file, environment), check_environment, diagnostics);
  CheckDiagnostics(target, diagnostics);
  if (diagnostics.has_errors()) return nullptr;

  std::unique_ptr<const Program> program =
      PlanProgram(std::move(checked), environment.markets, environment.reference, diagnostics);
  CheckDiagnostics(target, diagnostics);
  if ((program == nullptr) != diagnostics.has_errors()) {
    Fail(target, "PlanProgram's result disagrees with its errors");
  }
  return program;
}

}  // namespace tradelint::fuzz
