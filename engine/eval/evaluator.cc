#include "engine/eval/evaluator.h"

#include <algorithm>
#include <array>
#include <memory>
#include <set>
#include <string>

#include "engine/eval/internal/interpreter.h"

namespace tradelint {
namespace {

using eval_internal::Frame;
using eval_internal::Trace;

// Kleene conjunction of the `when` conditions: false if any is false, else unknown if any is.
Value EvaluateScope(const CheckedRule& rule, Frame& frame) {
  bool unknown = false;
  for (const CheckedExprPtr& when : rule.when) {
    const Value result = eval_internal::Evaluate(*when, frame);
    if (result.is_bool() && !result.as_bool()) return Value(false);
    if (!result.is_bool()) unknown = true;
  }
  return unknown ? Value() : Value(true);
}

bool Excepted(const CheckedRule& rule, Frame& frame) {
  return std::any_of(rule.unless.begin(), rule.unless.end(), [&](const CheckedExprPtr& unless) {
    const Value result = eval_internal::Evaluate(*unless, frame);
    return result.is_bool() && result.as_bool();
  });
}

// Whether the obligation is met: `require` true, or `forbid` false.
bool Holds(const CheckedRule& rule, const Value& result) {
  return result.is_bool() && result.as_bool() != rule.forbid;
}

void AppendUnique(std::vector<std::string>& out, const std::vector<std::string>& items) {
  for (const std::string& item : items) {
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
}

// The text in `language` (exact tag, then its primary subtag), else the default.
const CheckedText* PickText(const std::vector<CheckedText>& texts, std::string_view language) {
  const CheckedText* fallback = nullptr;
  const std::string_view primary = language.substr(0, language.find('-'));
  const CheckedText* primary_match = nullptr;
  for (const CheckedText& text : texts) {
    if (text.language.empty()) fallback = &text;
    if (!language.empty() && text.language == language) return &text;
    if (!primary.empty() && text.language == primary) primary_match = &text;
  }
  return primary_match != nullptr ? primary_match : fallback;
}

std::string Render(const CheckedText* text, Frame& frame) {
  if (text == nullptr) return "";
  std::string out;
  for (const CheckedText::Piece& piece : text->pieces) {
    out += piece.expr ? eval_internal::MessageText(eval_internal::Evaluate(*piece.expr, frame))
                      : piece.literal;
  }
  return out;
}

// Evaluates the rule again with tracing on to say which fields the finding concerns.
Finding Explain(const SelectedRule& selected, bool scope_unknown,
                Frame& frame, std::string_view language) {
  const CheckedRule& rule = *selected.rule;
  Finding finding;
  finding.rule = &rule;
  finding.overrides = selected.overrides;
  Trace trace;
  frame.trace = &trace;
  frame.slot_paths.assign(frame.slots.size(), std::string());
  eval_internal::Evaluate(*rule.obligation, frame);
  AppendUnique(finding.paths, trace.read);
  AppendUnique(finding.missing, trace.missing);
  if (scope_unknown) {
    Trace scope;
    frame.trace = &scope;
    EvaluateScope(rule, frame);
    AppendUnique(finding.missing, scope.missing);
    AppendUnique(finding.paths, scope.missing);
    AppendUnique(trace.notes, scope.notes);
  }
  frame.trace = nullptr;
  finding.notes = std::move(trace.notes);
  // A violation is a failure the data shows by itself: it still fails when every test of an
  // absent field counts as unknown.
  frame.absent_is_unknown = true;
  const Value strict = eval_internal::Evaluate(*rule.obligation, frame);
  frame.absent_is_unknown = false;
  const bool shown_by_data = strict.is_bool() && strict.as_bool() == rule.forbid;
  finding.basis = shown_by_data && !scope_unknown ? Basis::kViolation : Basis::kMissingData;
  finding.message = Render(PickText(rule.messages, language), frame);
  finding.fix = Render(PickText(rule.fixes, language), frame);
  return finding;
}

// The finding of one selected rule for the frame's record and market, or none.
std::optional<Finding> Judge(const SelectedRule& selected, Frame& frame, std::string_view language) {
  const CheckedRule& rule = *selected.rule;
  frame.slots.assign(static_cast<std::size_t>(rule.slot_count), Value());
  const Value scope = EvaluateScope(rule, frame);
  if (scope.is_bool() && !scope.as_bool()) return std::nullopt;
  if (Excepted(rule, frame)) return std::nullopt;
  const Value obligation = eval_internal::Evaluate(*rule.obligation, frame);
  if (Holds(rule, obligation)) return std::nullopt;
  return Explain(selected, scope.is_missing(), frame, language);
}

// Program::Select through a small cache of this thread's recent selections. Select is shared
// by all threads: a lock and a reference count per call, cache lines that travel between cores;
// consecutive records mostly repeat a few markets. The reference stays valid until this
// thread's next call.
const std::vector<SelectedRule>& SelectOnThisThread(const Program& program, RecordKind kind,
                                                    std::string_view market, Date as_of) {
  struct Entry {
    std::uint64_t program = 0;  // Program::id(); 0: empty
    RecordKind kind = RecordKind::kListing;
    std::string market;
    Date as_of;
    std::shared_ptr<const std::vector<SelectedRule>> rules;
  };
  constexpr std::size_t kEntries = 16;
  thread_local std::array<Entry, kEntries> recent;
  thread_local std::size_t next = 0;
  for (const Entry& entry : recent) {
    if (entry.program == program.id() && entry.kind == kind && entry.as_of == as_of && entry.market == market) {
      return *entry.rules;
    }
  }
  Entry& entry = recent[next];
  next = (next + 1) % kEntries;
  entry = Entry{program.id(), kind, std::string(market), as_of, program.Select(kind, market, as_of)};
  return *entry.rules;
}

}  // namespace

const std::optional<Finding>* MarketIndependentResults::Find(const CheckedRule* rule) const {
  for (const auto& [judged, finding] : results_) {
    if (judged == rule) return &finding;
  }
  return nullptr;
}

void MarketIndependentResults::Store(const CheckedRule* rule, std::optional<Finding> finding) {
  results_.emplace_back(rule, std::move(finding));
}

std::vector<Finding> Evaluator::Evaluate(const Value& record, RecordKind kind,
                                         std::string_view market, Date as_of,
                                         std::string_view language,
                                         MarketIndependentResults* shared) const {
  std::vector<Finding> findings;
  Frame frame;
  frame.program = &program_;
  frame.record = &record;
  frame.market = market;
  frame.as_of = as_of;
  for (const SelectedRule& selected : SelectOnThisThread(program_, kind, market, as_of)) {
    const CheckedRule& rule = *selected.rule;
    const bool shareable = shared != nullptr && !rule.reads_market;
    if (shareable) {
      if (const std::optional<Finding>* earlier = shared->Find(&rule)) {
        if (*earlier) {
          findings.push_back(**earlier);
          findings.back().overrides = selected.overrides;
        }
        continue;
      }
    }
    std::optional<Finding> finding = Judge(selected, frame, language);
    if (finding) findings.push_back(*finding);
    if (shareable) shared->Store(&rule, std::move(finding));
  }
  return findings;
}

}  // namespace tradelint
