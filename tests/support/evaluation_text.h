#pragma once
// An evaluation written out in full, field by field, for tests that compare two evaluations of
// the same record (the fast evaluation with the reference one): equal texts mean equal
// findings, bases, paths, values, texts and coverage.

#include <string>
#include <vector>

#include "engine/eval/evaluator.h"
#include "engine/eval/finding.h"

namespace tradelint::testing_support {

inline void AppendList(std::string& out, const char* name, const std::vector<std::string>& items) {
  out += name;
  out += ":";
  for (const std::string& item : items) out += " [" + item + "]";
  out += "\n";
}

inline std::string FindingText(const Finding& finding) {
  std::string out = "rule " + (finding.rule != nullptr ? finding.rule->id : "(none)") + " " +
                    std::string(BasisName(finding.basis)) + "\n";
  AppendList(out, "paths", finding.paths);
  AppendList(out, "missing", finding.missing);
  out += "reason: " + finding.reason + "\ntitle: " + finding.title +
         "\nmessage: " + finding.message + "\nlanguage: " + finding.language +
         "\nfix: " + finding.fix +
         "\nvalue: " + (finding.value ? finding.value->ToDisplayString() : "(none)") + " at " +
         finding.value_path + "\n";
  AppendList(out, "notes", finding.notes);
  AppendList(out, "overrides", finding.overrides);
  AppendList(out, "held back", finding.held_back);
  AppendList(out, "members", finding.members);
  return out;
}

inline std::string EvaluationText(const Evaluation& evaluation) {
  const Coverage& coverage = evaluation.coverage;
  std::string out =
      "covered " + std::to_string(evaluation.covered) + ", in force " +
      std::to_string(coverage.in_force) + ", applied " + std::to_string(coverage.applied) +
      ", not applicable " + std::to_string(coverage.not_applicable) + ", undecided " +
      std::to_string(coverage.undecided) + ", fired " + std::to_string(coverage.fired) + "\n";
  for (const Finding& finding : evaluation.findings) out += FindingText(finding);
  return out;
}

}  // namespace tradelint::testing_support
