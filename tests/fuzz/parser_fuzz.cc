// libFuzzer target for the rule language: any bytes, read as a ruleset file, go through the
// parser and, when they parse, through the checker and the planner with the project's real
// schema, markets, reference data and built-in functions, together with the bundled rulesets
// the input imports. Nothing may crash, hang or leak, and the stages must keep their
// contracts: the parser returns an AST exactly when it reported no error, and every
// diagnostic has a code, a message and a span inside its file, and renders.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ast/ast.h"
#include "engine/check/checker.h"
#include "engine/diag/diagnostic.h"
#include "engine/markets/market_table.h"
#include "engine/parse/parser.h"
#include "engine/plan/planner.h"
#include "engine/plugin/plugin.h"
#include "engine/refdata/reference_data.h"
#include "engine/ruleset/ruleset_loader.h"
#include "engine/schema/schema.h"
#include "engine/source/source.h"
#include "plugins/builtin_plugins.h"

namespace {

[[noreturn]] void Fail(std::string_view what) {
  std::cerr << "parser_fuzz: " << what << "\n";
  std::abort();
}

// Everything the checker and the planner need, loaded once from the source tree.
struct Environment {
  std::shared_ptr<const tradelint::Schema> schema;
  std::shared_ptr<const tradelint::MarketTable> markets;
  std::shared_ptr<const tradelint::ReferenceData> reference;
  tradelint::FunctionRegistry functions;
  // The bundled rulesets, parsed, for the input's imports.
  std::vector<std::unique_ptr<tradelint::ast::RulesetFile>> library;
};

const Environment& LoadEnvironment() {
  static const Environment* const environment = [] {
    auto loaded = new Environment;
    const std::string root = TRADELINT_SOURCE_DIR;
    std::string error;
    std::optional<tradelint::Schema> schema = tradelint::Schema::Load(root + "/schema", &error);
    if (!schema) Fail("cannot load the schema: " + error);
    std::optional<tradelint::MarketTable> markets =
        tradelint::MarketTable::Load(root + "/rulesets/reference/markets.json", &error);
    if (!markets) Fail("cannot load the markets: " + error);
    std::optional<tradelint::ReferenceData> reference =
        tradelint::ReferenceData::Load(root + "/rulesets/reference", &error);
    if (!reference) Fail("cannot load the reference data: " + error);
    loaded->schema = std::make_shared<const tradelint::Schema>(std::move(*schema));
    loaded->markets = std::make_shared<const tradelint::MarketTable>(std::move(*markets));
    loaded->reference = std::make_shared<const tradelint::ReferenceData>(std::move(*reference));
    tradelint::RegisterBuiltinPlugins(loaded->functions);
    tradelint::Diagnostics diagnostics;
    loaded->library = tradelint::LoadRulesetFiles({root + "/rulesets"}, "", diagnostics);
    if (diagnostics.has_errors()) Fail("the bundled rulesets do not parse:\n" + diagnostics.RenderAll());
    return loaded;
  }();
  return *environment;
}

bool InsideItsFile(const tradelint::Span& span) {
  return !span.valid() || (span.begin <= span.end && span.end <= span.file->text().size());
}

// Every diagnostic names a code and says something, points inside its file, and renders.
void CheckDiagnostics(const tradelint::Diagnostics& diagnostics) {
  for (const tradelint::Diagnostic& diagnostic : diagnostics.all()) {
    if (diagnostic.code.empty() || diagnostic.message.empty()) Fail("a diagnostic without code or message");
    if (!InsideItsFile(diagnostic.span)) Fail("a span outside its file: " + diagnostic.code);
    for (const tradelint::DiagnosticLabel& label : diagnostic.labels) {
      if (!InsideItsFile(label.span)) Fail("a label outside its file: " + diagnostic.code);
    }
    if (diagnostic.Render().empty()) Fail("a diagnostic renders as nothing");
  }
}

// The input and the bundled rulesets it imports, the way the loader brings them in (one
// level of imports is enough to reach the definitions the bundled rulesets share).
std::vector<const tradelint::ast::RulesetFile*> FilesToCheck(const tradelint::ast::RulesetFile& input,
                                                             const Environment& environment) {
  std::vector<const tradelint::ast::RulesetFile*> files = {&input};
  for (const tradelint::ast::Word& import : input.imports) {
    for (const auto& bundled : environment.library) {
      if (bundled->id.text == import.text) files.push_back(bundled.get());
    }
  }
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Environment& environment = LoadEnvironment();
  auto source = std::make_shared<const tradelint::SourceFile>(
      "fuzz/input.trl", std::string(reinterpret_cast<const char*>(data), size));

  tradelint::Diagnostics diagnostics;
  std::unique_ptr<tradelint::ast::RulesetFile> file = tradelint::ParseRuleset(source, diagnostics);
  CheckDiagnostics(diagnostics);
  if ((file == nullptr) != diagnostics.has_errors()) {
    Fail("ParseRuleset returned an AST with errors, or none without:\n" + diagnostics.RenderAll());
  }
  if (file == nullptr) return 0;

  const tradelint::CheckEnvironment check_environment{
      environment.schema.get(), &environment.functions, environment.markets.get()};
  std::vector<tradelint::CheckedRuleset> checked =
      tradelint::CheckRulesets(FilesToCheck(*file, environment), check_environment, diagnostics);
  CheckDiagnostics(diagnostics);
  if (diagnostics.has_errors()) return 0;

  std::unique_ptr<const tradelint::Program> program = tradelint::PlanProgram(
      std::move(checked), environment.markets, environment.reference, diagnostics);
  CheckDiagnostics(diagnostics);
  if ((program == nullptr) != diagnostics.has_errors()) Fail("PlanProgram's result disagrees with its errors");
  return 0;
}
