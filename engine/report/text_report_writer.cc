#include "engine/report/text_report_writer.h"

#include <vector>

#include "engine/report/counted.h"
#include "engine/report/terminal_text.h"

namespace tradelint {
namespace {

// ANSI SGR parameters.
constexpr std::string_view kBold = "1";
constexpr std::string_view kRed = "1;31";
constexpr std::string_view kYellow = "1;33";
constexpr std::string_view kGreen = "32";
constexpr std::string_view kCyan = "1;36";
constexpr std::string_view kMagenta = "1;35";

std::string_view VerdictStyle(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return kGreen;
    case Verdict::kNotCovered:
      return kMagenta;
    case Verdict::kWarn:
      return kYellow;
    case Verdict::kFail:
      return kRed;
    case Verdict::kInvalid:
      return kMagenta;
  }
  return kBold;
}

std::string_view SeverityStyle(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return kRed;
    case Severity::kWarning:
      return kYellow;
    case Severity::kInfo:
      return kCyan;
  }
  return kBold;
}

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += ", ";
    joined += item;
  }
  return joined;
}

// `indent` + `label`: `value` and a newline; nothing when `value` is empty.
void AppendLabelled(std::string& text, std::string_view indent, std::string_view label,
                    const std::string& value) {
  if (value.empty()) return;
  text.append(indent).append(label).append(": ").append(Printable(value)) += '\n';
}

// The coverage of a judged result, in words: how many rules were in force and what became of
// them (a `not_covered` result also has a note that says why).
std::string CoverageLine(const RecordResult& result) {
  const Coverage& coverage = result.coverage;
  std::string line = "rules: " + std::to_string(coverage.in_force) + " in force, " +
                     std::to_string(coverage.applied) + " applied, " +
                     std::to_string(coverage.not_applicable) + " not applicable, " +
                     std::to_string(coverage.undecided) + " undecided, " +
                     std::to_string(coverage.fired) + " fired";
  return line;
}

// One sub-expression per line, `text = value`, its operands below it, two spaces deeper. A
// constant (no operands, shown as it is written) is left out: it says nothing new.
void AppendExplained(std::string& text, const ExplainedExpr& expr, std::size_t depth) {
  const std::string value = ExplainedValueText(expr.value);
  if (expr.operands.empty() && expr.text == value && depth > 0) return;
  const std::string indent(8 + 2 * depth, ' ');
  text += indent + Printable(expr.text) + " = " + Printable(value) + '\n';
  for (const std::string& note : expr.notes) text += indent + "  note: " + Printable(note) + '\n';
  for (const ExplainedExpr& operand : expr.operands) AppendExplained(text, operand, depth + 1);
}

// `check --explain`: a rule's clauses as evaluated, the fields and rows read, the conclusion.
void AppendExplanation(std::string& text, const RuleExplanation& explanation) {
  text += "    explain " + explanation.rule->id + " in " + explanation.market + ": " +
          explanation.conclusion + " (" + Printable(explanation.reason) + ")\n";
  for (const ExplainedClause& clause : explanation.clauses) {
    text += "      " + clause.keyword;
    if (clause.keyword == "when" || clause.keyword == "unless")
      text += " #" + std::to_string(clause.index + 1);
    if (clause.scope_facts_unknown) text += " (unstated scope facts read as unknown)";
    text += ":\n";
    AppendExplained(text, clause.condition, 0);
  }
  for (const FieldRead& field : explanation.fields) {
    text += "      field " + field.path + " = " +
            (field.value.is_missing() ? std::string("absent")
                                      : Printable(ExplainedValueText(field.value))) +
            '\n';
  }
  for (const std::string& row : explanation.rows) text += "      row " + Printable(row) + '\n';
}

}  // namespace

std::string TextReportWriter::Paint(std::string_view text, std::string_view style) const {
  if (!options_.colour) return Printable(text);
  return "\x1b[" + std::string(style) + "m" + Printable(text) + "\x1b[0m";
}

void TextReportWriter::AppendHeader(const RecordResult& result) {
  if (headed_record_ == result.record_index) return;
  headed_record_ = result.record_index;
  text_ += Paint(result.id.value_or("record"), kBold);
  text_ += " (";
  text_ += result.kind ? RecordKindName(*result.kind) : "unknown kind";
  text_ += ", " + Printable(result.source) + ")\n";
}

void TextReportWriter::AppendFinding(const Finding& finding) {
  const CheckedRule& rule = *finding.rule;
  constexpr std::string_view kIndent = "      ";
  text_ += "    " + Paint(SeverityName(rule.severity), SeverityStyle(rule.severity)) + "[" +
           Paint(rule.id, kBold) + "] " + Printable(rule.title) + "\n";
  if (!finding.message.empty()) text_.append(kIndent).append(Printable(finding.message)) += '\n';
  AppendLabelled(text_, kIndent, "cite",
                 rule.citation + (rule.ref.empty() ? "" : " [" + rule.ref + "]"));
  AppendLabelled(text_, kIndent, "responsible", rule.responsible);
  AppendLabelled(text_, kIndent, "fix", finding.fix);
  AppendLabelled(text_, kIndent, "fields", Join(finding.paths));
  if (finding.basis == Basis::kMissingData) {
    AppendLabelled(text_, kIndent, "missing", Join(finding.missing));
  }
  if (finding.basis == Basis::kUndecided)
    AppendLabelled(text_, kIndent, "undecided", finding.reason);
  if (finding.value) {
    AppendLabelled(text_, kIndent, "found",
                   "`" + finding.value_path + "` is " + finding.value->ToDisplayString());
  }
  AppendLabelled(text_, kIndent, "not judged", Join(finding.held_back));
  AppendLabelled(text_, kIndent, "in", Join(finding.members));
  if (finding.waived) {
    AppendLabelled(text_, kIndent, "waived",
                   finding.waived->reason + " (approved by " + finding.waived->approved_by +
                       ", until " + finding.waived->expires.ToString() + ")");
  }
  AppendLabelled(text_, kIndent, "overrides", Join(finding.overrides));
  for (const std::string& note : finding.notes) AppendLabelled(text_, kIndent, "note", note);
}

void TextReportWriter::Result(const RecordResult& result) {
  if (options_.problems_only && result.verdict == Verdict::kPass && result.findings.empty() &&
      result.notes.empty()) {
    return;
  }
  text_.clear();
  AppendHeader(result);
  const std::string verdict = Paint(VerdictName(result.verdict), VerdictStyle(result.verdict));
  if (result.error) {
    text_ +=
        "  " + verdict + ": " + result.error->code + ": " + Printable(result.error->message) + "\n";
    if (const std::optional<ErrorExcerpt>& excerpt = result.error->excerpt) {
      // The line and a caret under the error's column.
      text_ += "    | " + Printable(excerpt->line) + "\n";
      text_ += "    | " + std::string(excerpt->column - 1, ' ') + "^\n";
    }
    AppendLabelled(text_, "    ", "fields", Join(result.error->paths));
  } else {
    text_ += "  " + Paint(result.market.value_or(""), kBold) + ": " + verdict;
    if (result.as_of) text_ += ", as of " + result.as_of->ToString();
    text_ += '\n';
    text_ += "    " + CoverageLine(result) + '\n';
    for (const Finding& finding : result.findings) AppendFinding(finding);
    for (const RuleExplanation& explanation : result.explanations)
      AppendExplanation(text_, explanation);
  }
  for (const std::string& note : result.notes) AppendLabelled(text_, "    ", "note", note);
  out_ << text_;
}

void TextReportWriter::Group(const GroupResult& group) {
  text_.clear();
  headed_record_.reset();
  text_ += Paint("group", kBold) + " " + Printable(group.key) + " (" + group.first.ToString() +
           (group.last == group.first ? "" : " to " + group.last.ToString()) + ")\n";
  text_ += "  " + Paint(group.market, kBold) + ": as of " + group.as_of.ToString() + "\n";
  std::vector<std::string> records;
  for (const GroupMember& member : group.members) {
    records.push_back(std::string(RecordKindName(member.kind)) + " " + member.id + " (" +
                      member.source + ")");
  }
  AppendLabelled(text_, "    ", "records", Join(records));
  AppendFinding(group.finding);
  out_ << text_;
  grouped_ = true;
}

void TextReportWriter::End(const Summary& summary) {
  if (headed_record_ || grouped_) out_ << '\n';
  for (const std::string& warning : summary.warnings) out_ << "warning: " << warning << '\n';
  out_ << Counted(summary.records, "record") << ", " << Counted(summary.results, "result") << ": "
       << summary.fail << " fail, " << summary.warn << " warn, " << summary.pass << " pass, "
       << summary.not_covered << " not covered, " << summary.invalid << " invalid\n";
}

}  // namespace tradelint
