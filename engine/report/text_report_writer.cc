#include "engine/report/text_report_writer.h"

#include <map>

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

// `path` split after its second member, the object a seller fills in at once:
// `product.manufacturer.postal_address.city` is `postal_address.city` of
// `product.manufacturer`, `offer.price` is `price` of `offer`; a top-level field has no holder.
std::pair<std::string, std::string> HolderAndMember(const std::string& path) {
  std::size_t dot = path.find('.');
  if (dot == std::string::npos) return {"", path};
  if (const std::size_t second = path.find('.', dot + 1); second != std::string::npos) dot = second;
  return {path.substr(0, dot), path.substr(dot + 1)};
}

}  // namespace

std::string TextReportWriter::Paint(std::string_view text, std::string_view style) const {
  if (!options_.colour) return Printable(text);
  return "\x1b[" + std::string(style) + "m" + Printable(text) + "\x1b[0m";
}

std::string TextReportWriter::FindingText(const Finding& finding) const {
  if (options_.verbose) return VerboseFindingText(finding);
  const CheckedRule& rule = *finding.rule;
  std::string text = "  " +
                     Paint(words_.SeverityName(rule.severity), SeverityStyle(rule.severity)) +
                     "  " + Printable(finding.shown_title());
  if (!rule.citation.empty()) text += " (" + Printable(rule.citation) + ")";
  text += '\n';
  constexpr std::string_view kIndent = "    ";
  if (!finding.message.empty()) text.append(kIndent).append(Printable(finding.message)) += '\n';
  AppendLabelled(text, kIndent, words_(Word::kFix), finding.fix);
  AppendWaiver(text, kIndent, finding);
  return text;
}

std::string TextReportWriter::VerboseFindingText(const Finding& finding) const {
  const CheckedRule& rule = *finding.rule;
  std::string text = "  " +
                     Paint(words_.SeverityName(rule.severity), SeverityStyle(rule.severity)) + "[" +
                     Paint(rule.id, kBold) + "] " + Printable(finding.shown_title()) + "\n";
  constexpr std::string_view kIndent = "      ";
  if (!finding.message.empty()) text.append(kIndent).append(Printable(finding.message)) += '\n';
  AppendLabelled(text, kIndent, words_(Word::kLaw),
                 rule.citation + (rule.ref.empty() ? "" : " [" + rule.ref + "]"));
  AppendLabelled(text, kIndent, words_(Word::kResponsible), rule.responsible);
  AppendLabelled(text, kIndent, words_(Word::kFix), finding.fix);
  AppendLabelled(text, kIndent, words_(Word::kFields), Join(finding.paths));
  AppendLabelled(text, kIndent, words_(Word::kFeedAttributes), Join(finding.feed_attributes));
  if (finding.basis == Basis::kMissingData)
    AppendLabelled(text, kIndent, words_(Word::kMissing), Join(finding.missing));
  if (finding.basis == Basis::kUndecided)
    AppendLabelled(text, kIndent, words_(Word::kUndecided), finding.reason);
  if (finding.value) {
    AppendLabelled(text, kIndent, words_(Word::kFound),
                   "`" + finding.value_path + "` is " + finding.value->ToDisplayString());
  }
  AppendLabelled(text, kIndent, words_(Word::kNotJudged), Join(finding.held_back));
  AppendLabelled(text, kIndent, words_(Word::kIn), Join(finding.members));
  AppendWaiver(text, kIndent, finding);
  AppendLabelled(text, kIndent, words_(Word::kOverrides), Join(finding.overrides));
  for (const std::string& note : finding.notes)
    AppendLabelled(text, kIndent, words_(Word::kNote), note);
  return text;
}

void TextReportWriter::AppendWaiver(std::string& text, std::string_view indent,
                                    const Finding& finding) const {
  if (!finding.waived) return;
  AppendLabelled(text, indent, words_(Word::kWaived),
                 finding.waived->reason + " (" + finding.waived->approved_by + ", " +
                     finding.waived->expires.ToString() + ")");
}

void TextReportWriter::AppendMarketLine(const RecordResult& result) {
  const std::string verdict =
      Paint(words_.VerdictName(result.verdict), VerdictStyle(result.verdict));
  if (result.error) {
    text_ +=
        "  " + verdict + ": " + result.error->code + ": " + Printable(result.error->message) + "\n";
    if (const std::optional<ErrorExcerpt>& excerpt = result.error->excerpt) {
      // The line and a caret under the error's column.
      text_ += "    | " + Printable(excerpt->line) + "\n";
      text_ += "    | " + std::string(excerpt->column - 1, ' ') + "^\n";
    }
    AppendLabelled(text_, "    ", words_(Word::kFields), Join(result.error->paths));
  } else {
    const Coverage& coverage = result.coverage;
    text_ +=
        "  " + Paint(result.market.value_or(""), kBold) + ": " + verdict + ", " +
        Fill(words_(Word::kCoverage), {{"in_force", std::to_string(coverage.in_force)},
                                       {"applied", std::to_string(coverage.applied)},
                                       {"not_applicable", std::to_string(coverage.not_applicable)},
                                       {"undecided", std::to_string(coverage.undecided)},
                                       {"fired", std::to_string(coverage.fired)}}) +
        '\n';
  }
  for (const std::string& note : result.notes)
    AppendLabelled(text_, "    ", words_(Word::kNote), note);
}

void TextReportWriter::AppendToDo(const std::vector<ToDoItem>& items) {
  if (items.empty()) return;
  text_ += "  " + Paint(words_(Word::kToDo), kBold) + ":\n";
  const std::string fill_in(words_(Word::kFillIn));
  // Fields to fill in, one line per object that holds them, in the order first reached.
  std::vector<std::string> holders;
  std::map<std::string, std::vector<std::string>> members_of;
  for (const ToDoItem& item : items) {
    if (item.action != ToDoItem::Action::kFillIn) continue;
    auto [holder, member] = HolderAndMember(item.fields.front());
    std::vector<std::string>& members = members_of[holder];
    if (members.empty()) holders.push_back(holder);
    members.push_back(std::move(member));
  }
  for (const std::string& holder : holders) {
    text_ += "    " + fill_in + "  " +
             Printable(holder.empty() ? Join(members_of[holder])
                                      : holder + ": " + Join(members_of[holder])) +
             '\n';
  }
  for (const ToDoItem& item : items) {
    if (item.action == ToDoItem::Action::kOneOf) {
      text_ += "    " + fill_in + "  " +
               Printable(Fill(words_(Word::kOneOf), {{"fields", Join(item.fields)}})) + '\n';
    } else if (item.action == ToDoItem::Action::kCorrect) {
      text_ += "    " + std::string(words_(Word::kCorrect)) + "  " + Printable(item.fields.front());
      if (!item.value.empty()) text_ += " (" + Printable(item.value) + ")";
      text_ += '\n';
    }
  }
}

void TextReportWriter::Result(const RecordResult& result) {
  if (!record_.empty() && record_.front().record_index != result.record_index) RecordEnd();
  record_.push_back(result);
}

void TextReportWriter::RecordEnd() {
  if (record_.empty()) return;
  std::vector<const RecordResult*> shown;
  for (const RecordResult& result : record_) {
    if (!(options_.problems_only && result.verdict == Verdict::kPass && result.findings.empty() &&
          result.notes.empty() && (!result.upcoming || result.upcoming->empty()))) {
      shown.push_back(&result);
    }
  }
  if (shown.empty()) {
    record_.clear();
    return;
  }
  const RecordResult& first = record_.front();
  text_.clear();
  text_ += Paint(first.id.value_or(std::string(words_(Word::kRecord))), kBold) + " (" +
           (first.kind ? std::string(RecordKindName(*first.kind))
                       : std::string(words_(Word::kUnknownKind))) +
           ", " + Printable(first.source);
  if (first.as_of) text_ += ", " + Fill(words_(Word::kAsOf), {{"date", first.as_of->ToString()}});
  text_ += ")\n";
  for (const RecordResult* result : shown) AppendMarketLine(*result);
  for (const FindingGroup& group :
       GroupAcrossMarkets(record_, [&](const Finding& finding) { return FindingText(finding); })) {
    text_ += "  " + Paint(Join(group.markets), kBold) + FindingText(*group.finding);
  }
  for (const RecordResult& result : record_) {
    // --horizon: one line per rule coming into force that would fire.
    if (result.upcoming) {
      for (const Finding& finding : *result.upcoming) {
        const CheckedRule& rule = *finding.rule;
        AppendLabelled(text_, "  ",
                       result.market.value_or("") + " " + std::string(words_(Word::kUpcoming)) +
                           " " + rule.effective_from->ToString(),
                       std::string(words_.SeverityName(rule.severity)) + "[" + rule.id + "] " +
                           Printable(finding.shown_title()));
      }
    }
    for (const RuleExplanation& explanation : result.explanations)
      AppendExplanation(text_, explanation);
  }
  AppendToDo(to_do_.Of(record_));
  out_ << text_;
  wrote_record_ = true;
  record_.clear();
}

void TextReportWriter::Group(const GroupResult& group) {
  RecordEnd();  // the record before the group keeps its place
  text_.clear();
  text_ += Paint(std::string(words_(Word::kGroup)), kBold) + " " + Printable(group.key) + " (" +
           group.first.ToString() +
           (group.last == group.first ? "" : " – " + group.last.ToString()) + ")\n";
  text_ += "  " + Paint(group.market, kBold) + ": " +
           Fill(words_(Word::kAsOf), {{"date", group.as_of.ToString()}}) + "\n";
  std::vector<std::string> records;
  for (const GroupMember& member : group.members) {
    records.push_back(std::string(RecordKindName(member.kind)) + " " + member.id + " (" +
                      member.source + ")");
  }
  AppendLabelled(text_, "    ", words_(Word::kGroupMembers), Join(records));
  text_ += FindingText(group.finding);
  out_ << text_;
  grouped_ = true;
}

void TextReportWriter::End(const Summary& summary) {
  RecordEnd();
  if (wrote_record_ || grouped_) out_ << '\n';
  for (const std::string& warning : summary.warnings)
    out_ << words_(Word::kWarning) << ": " << warning << '\n';
  const auto count = [](std::int64_t n) { return std::to_string(n); };
  out_ << Fill(words_(Word::kSummary),
               {{"records", words_.Counted(summary.records, Word::kRecordOne, Word::kRecordOther)},
                {"results", words_.Counted(summary.results, Word::kResultOne, Word::kResultOther)},
                {"fail", count(summary.fail)},
                {"warn", count(summary.warn)},
                {"pass", count(summary.pass)},
                {"not_covered", count(summary.not_covered)},
                {"invalid", count(summary.invalid)}})
       << '\n';
}

}  // namespace tradelint
