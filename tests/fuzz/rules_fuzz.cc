// libFuzzer target for rule evaluation: the input is a ruleset and records, split at the first
// line that is `---`:
//
//   ruleset fuzz.example { ... }
//   rule ... { ... }
//   ---
//   {"kind": "listing", "id": "L-1", "target_markets": ["DE"], ...}
//
// The ruleset is compiled as parser_fuzz compiles it (tests/fuzz/fuzz_compile.h); when it
// compiles, every usable record of the JSON Lines after the separator is judged for several
// markets and dates by the Evaluator, as `tradelint check` judges it. Nothing may crash, hang
// or leak, every finding must name a rule of the program, of the record's kind, in force on
// the date, and the reference evaluation (EvaluationMode::kReference) must give the same
// evaluation, field by field.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/evaluator.h"
#include "engine/eval/finding.h"
#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "engine/plan/program.h"
#include "tests/fuzz/fuzz_compile.h"
#include "tests/support/evaluation_text.h"

namespace {

constexpr std::string_view kTarget = "rules_fuzz";
constexpr std::string_view kSeparator = "\n---\n";

// Markets of every shape: a country inside and outside the EU, a group, a subdivision.
constexpr std::string_view kMarkets[] = {"DE", "FR", "EU", "US", "US-CA", "GB"};

void JudgeRecords(const tradelint::Program& program, std::string_view records) {
  const tradelint::Evaluator evaluator(program, tradelint::EvaluationLimits{});
  const tradelint::Evaluator reference(program, tradelint::EvaluationLimits{},
                                       tradelint::EvaluationMode::kReference);
  const tradelint::Date dates[] = {*tradelint::Date::Parse("2025-03-01"),
                                   *tradelint::Date::Parse("2019-12-31")};
  // Small limits: a record this target judges is short anyway.
  tradelint::InputLimits limits;
  limits.max_record_bytes = 1 << 16;
  std::istringstream in{std::string(records)};
  const std::unique_ptr<tradelint::RecordReader> reader = tradelint::MakeRecordReader(
      in, tradelint::InputFormat::kJsonLines, "fuzz", tradelint::fuzz::FuzzSchema(), limits);
  tradelint::InputRecord record;
  while (reader->Next(record)) {
    if (record.error || !record.kind) continue;
    for (const std::string_view market : kMarkets) {
      for (const tradelint::Date& date : dates) {
        tradelint::MarketIndependentResults shared;
        const tradelint::Evaluation evaluation =
            evaluator.Evaluate(record.record, *record.kind, market, date, "de", &shared);
        tradelint::MarketIndependentResults reference_shared;
        const std::string expected = tradelint::testing_support::EvaluationText(
            reference.Evaluate(record.record, *record.kind, market, date, "de", &reference_shared));
        if (tradelint::testing_support::EvaluationText(evaluation) != expected) {
          tradelint::fuzz::Fail(kTarget, "the reference evaluation differs: " + expected);
        }
        const tradelint::Coverage& coverage = evaluation.coverage;
        if (coverage.in_force != coverage.applied + coverage.not_applicable + coverage.undecided ||
            coverage.fired > coverage.applied) {
          tradelint::fuzz::Fail(kTarget, "coverage that does not add up");
        }
        for (const tradelint::Finding& finding : evaluation.findings) {
          if (finding.rule == nullptr) tradelint::fuzz::Fail(kTarget, "a finding without a rule");
          if (finding.basis == tradelint::Basis::kMissingData && finding.missing.empty()) {
            tradelint::fuzz::Fail(kTarget,
                                  "missing_data without missing fields: " + finding.rule->id);
          }
          if (finding.rule->applies_to != *record.kind) {
            tradelint::fuzz::Fail(kTarget, "a finding of another record kind: " + finding.rule->id);
          }
          if (!tradelint::Program::InForce(*finding.rule, date)) {
            tradelint::fuzz::Fail(kTarget, "a finding of a rule not in force: " + finding.rule->id);
          }
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t separator = input.find(kSeparator);
  if (separator == std::string_view::npos) return 0;
  const std::unique_ptr<const tradelint::Program> program =
      tradelint::fuzz::CompileRuleset(kTarget, std::string(input.substr(0, separator + 1)));
  if (program != nullptr) JudgeRecords(*program, input.substr(separator + kSeparator.size()));
  return 0;
}
