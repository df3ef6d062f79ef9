#include "engine/eval/evaluator.h"

#include <algorithm>
#include <array>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "engine/eval/internal/interpreter.h"
#include "engine/eval/unknown_value_words.h"

namespace tradelint {
namespace {

using eval_internal::Frame;
using eval_internal::Trace;

using Clause = EvaluationObserver::Clause;

// Tells the frame's observer, if any, that `clause` is evaluated next.
void BeginClause(Frame& frame, Clause clause, std::size_t index) {
  if (frame.observer != nullptr) frame.observer->BeginClause(clause, index);
}

// Kleene conjunction of the `when` conditions: false if any is false, else unknown if any is.
Value EvaluateScope(const CheckedRule& rule, Frame& frame) {
  bool unknown = false;
  for (std::size_t i = 0; i < rule.when.size(); ++i) {
    BeginClause(frame, frame.unstated_facts != nullptr ? Clause::kWhenUnstated : Clause::kWhen, i);
    const Value result = eval_internal::Evaluate(*rule.when[i], frame);
    if (result.is_bool() && !result.as_bool()) return Value(false);
    if (!result.is_bool()) unknown = true;
  }
  return unknown ? Value() : Value(true);
}

bool Excepted(const CheckedRule& rule, Frame& frame) {
  for (std::size_t i = 0; i < rule.unless.size(); ++i) {
    BeginClause(frame, Clause::kUnless, i);
    const Value result = eval_internal::Evaluate(*rule.unless[i], frame);
    if (result.is_bool() && result.as_bool()) return true;
  }
  return false;
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
  const UnknownValueWords& words = UnknownValueWordsFor(text->language);
  std::string out;
  for (const CheckedText::Piece& piece : text->pieces) {
    if (!piece.expr) {
      out += piece.literal;
      continue;
    }
    const Value value = eval_internal::Evaluate(*piece.expr, frame);
    // A field the record leaves out is "not stated"; any other unknown value is "unknown".
    out += value.is_missing() && piece.expr->op == CheckedExpr::Op::kPath
               ? std::string(words.not_stated)
               : eval_internal::MessageText(value, words);
  }
  return out;
}

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const std::string& item : items)
    joined += (joined.empty() ? "" : std::string(separator)) + item;
  return joined;
}

// Says whether the data shows the failure (violation), absent fields decide it (missing data)
// or the engine could not decide (undecided), evaluating the rule again where `obligation`
// (its value, which failed) does not tell, and with tracing on to say which fields the
// finding concerns; with FindingDetail::kVerdict, a violation is not traced and no finding's
// texts are rendered. Each evaluation has a budget of `steps` of its own, so that the basis
// does not depend on the detail.
Finding Explain(const SelectedRule& selected, const Value& obligation, bool scope_unknown,
                Frame& frame, std::string_view language, std::int64_t steps, FindingDetail detail) {
  const CheckedRule& rule = *selected.rule;
  Finding finding;
  finding.rule = &rule;
  finding.overrides = selected.overrides;
  EvaluationObserver* const observer = std::exchange(frame.observer, nullptr);
  if (frame.over_budget) {
    // Tracing would only spend the budget again, and keep every read.
    finding.basis = Basis::kUndecided;
    finding.reason = "the evaluation budget of " + std::to_string(steps) +
                     " steps per rule was exhausted (nested quantifiers over long lists?)";
  } else {
    // A violation is a failure the data shows by itself: it still fails when every test of an
    // absent field counts as unknown. Unless the obligation tested an absent field, it would
    // fail that way too.
    Value strict = obligation;
    if (frame.tested_absent) {
      frame.steps_left = steps;
      frame.absent_is_unknown = true;
      strict = eval_internal::Evaluate(*rule.obligation, frame);
      frame.absent_is_unknown = false;
    }
    const bool violation = strict.is_bool() && strict.as_bool() == rule.forbid && !scope_unknown;
    if (violation && detail == FindingDetail::kVerdict) {
      finding.basis = Basis::kViolation;
      frame.observer = observer;
      return finding;
    }
    frame.steps_left = steps;
    frame.over_budget = false;
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
      AppendUnique(trace.problems, scope.problems);
    }
    frame.trace = nullptr;
    finding.notes = std::move(trace.notes);
    if (violation) {
      finding.basis = Basis::kViolation;
      // The deciding value: the first stated field the obligation read, preferring a single
      // value to a list or object it walked through.
      std::optional<std::size_t> chosen;
      for (std::size_t i = 0; i < trace.read.size(); ++i) {
        if (std::find(trace.missing.begin(), trace.missing.end(), trace.read[i]) !=
            trace.missing.end())
          continue;
        const bool composite = trace.values[i].is_list() || trace.values[i].is_object();
        if (!chosen || (!composite &&
                        (trace.values[*chosen].is_list() || trace.values[*chosen].is_object()))) {
          chosen = i;
        }
        if (!composite) break;
      }
      if (chosen) {
        finding.value = trace.values[*chosen];
        finding.value_path = trace.read[*chosen];
      }
    } else if (!finding.missing.empty()) {
      finding.basis = Basis::kMissingData;
    } else {
      std::vector<std::string> problems;
      AppendUnique(problems, trace.problems);
      finding.basis = Basis::kUndecided;
      finding.reason = problems.empty() ? "the rule could not be decided from the values given"
                                        : Joined(problems, "; ");
    }
  }
  if (detail == FindingDetail::kFull) {
    finding.title = TitleIn(rule, language);
    const CheckedText* message = PickText(rule.messages, language);
    finding.message = Render(message, frame);
    finding.language = message == nullptr || message->language.empty() ? "en" : message->language;
    finding.fix = Render(PickText(rule.fixes, language), frame);
  }
  frame.observer = observer;
  return finding;
}

// The record's value at a scope fact's dotted path.
const Value& ReadFact(const Value& record, std::string_view path) {
  const Value* value = &record;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    value = &value->Get(path.substr(start, dot - start));
    start = dot + 1;
  }
  return *value;
}

// The scope facts the rule's `when` reads that the record does not state (absent, null or
// an empty string; an empty list states that nothing applies).
std::vector<std::string> UnstatedFacts(const CheckedRule& rule, const Value& record) {
  std::vector<std::string> unstated;
  for (const std::string& fact : rule.scope_facts) {
    const Value& value = ReadFact(record, fact);
    if (value.is_missing() || value.is_null() || (value.is_string() && value.as_string().empty())) {
      unstated.push_back(fact);
    }
  }
  return unstated;
}

// How one selected rule judges the frame's record and market.
RuleOutcome JudgeRule(const SelectedRule& selected, Frame& frame, std::string_view language,
                      std::int64_t steps, FindingDetail detail) {
  const CheckedRule& rule = *selected.rule;
  frame.slots.assign(static_cast<std::size_t>(rule.slot_count), Value());
  frame.steps_left = steps;
  frame.over_budget = false;
  RuleOutcome outcome;
  std::vector<std::string> unstated = UnstatedFacts(rule, *frame.record);
  if (!unstated.empty()) {
    frame.unstated_facts = &unstated;
    const Value scope = EvaluateScope(rule, frame);
    frame.unstated_facts = nullptr;
    if (scope.is_bool() && !scope.as_bool()) {
      outcome.status = RuleOutcome::Status::kNotApplicable;
      return outcome;
    }
    if (!scope.is_bool() && !frame.over_budget) {
      outcome.status = RuleOutcome::Status::kUndecided;
      outcome.unstated_facts = std::move(unstated);
      return outcome;
    }
  }
  const Value scope = EvaluateScope(rule, frame);
  if ((scope.is_bool() && !scope.as_bool()) || Excepted(rule, frame)) {
    outcome.status = RuleOutcome::Status::kNotApplicable;
    return outcome;
  }
  BeginClause(frame, Clause::kRequire, 0);
  frame.tested_absent = false;
  const Value obligation = eval_internal::Evaluate(*rule.obligation, frame);
  if (!Holds(rule, obligation)) {
    outcome.finding =
        Explain(selected, obligation, scope.is_missing(), frame, language, steps, detail);
  }
  return outcome;
}

// JudgeRule, observed by `observer` when it observes the rule.
RuleOutcome Judge(const SelectedRule& selected, Frame& frame, std::string_view language,
                  std::int64_t steps, FindingDetail detail, EvaluationObserver* observer) {
  if (observer == nullptr) return JudgeRule(selected, frame, language, steps, detail);
  observer->BeginRule(*selected.rule);
  frame.observer = observer;
  RuleOutcome outcome = JudgeRule(selected, frame, language, steps, detail);
  frame.observer = nullptr;
  observer->EndRule(outcome);
  return outcome;
}

// One finding per (ruleset, scope fact) that held rules back, in the order the rules came.
std::vector<Finding> ScopeFindings(
    const Program& program, const std::vector<std::pair<const CheckedRule*, std::string>>& held) {
  std::vector<Finding> findings;
  for (const auto& [rule, held_fact] : held) {
    const std::string& fact = held_fact;  // a lambda cannot capture a structured binding (C++20)
    const Program::ScopeRule* scope = program.FindScopeRule(rule->ruleset, rule->applies_to);
    auto same = [&](const Finding& finding) {
      return finding.rule == &scope->rule && finding.missing.front() == fact;
    };
    auto found = std::find_if(findings.begin(), findings.end(), same);
    if (found == findings.end()) {
      Finding& finding = findings.emplace_back();
      finding.rule = &scope->rule;
      finding.title = scope->rule.title;
      finding.basis = Basis::kMissingData;
      finding.missing = {fact};
      finding.paths = {fact};
      finding.language = "en";
      const bool is_list = std::any_of(
          scope->facts.begin(), scope->facts.end(),
          [&](const ScopeFact& declared) { return declared.path == fact && declared.is_list; });
      finding.fix = "state `" + fact + "`" +
                    (is_list ? ": every value that applies, or `[]` when none does" : "");
      found = findings.end() - 1;
    }
    found->held_back.push_back(rule->id);
  }
  for (Finding& finding : findings) {
    const std::size_t count = finding.held_back.size();
    finding.message =
        "`" + finding.missing.front() + "` is not stated, and it decides whether " +
        (count == 1 ? "this rule applies: " : std::to_string(count) + " rules apply: ") +
        Joined(finding.held_back, ", ") + "; " + (count == 1 ? "it was" : "they were") +
        " not judged";
  }
  return findings;
}

// Program::Select through a small cache of this thread's recent selections. Select is shared
// by all threads: a lock and a reference count per call, cache lines that travel between cores;
// consecutive records mostly repeat a few markets. The reference stays valid until this
// thread's next call.
const RuleSelection& SelectOnThisThread(const Program& program, RecordKind kind,
                                        std::string_view market, Date as_of) {
  struct Entry {
    std::uint64_t program = 0;  // Program::id(); 0: empty
    RecordKind kind = RecordKind::kListing;
    std::string market;
    Date as_of;
    std::shared_ptr<const RuleSelection> rules;
  };
  constexpr std::size_t kEntries = 16;
  thread_local std::array<Entry, kEntries> recent;
  thread_local std::size_t next = 0;
  for (const Entry& entry : recent) {
    if (entry.program == program.id() && entry.kind == kind && entry.as_of == as_of &&
        entry.market == market) {
      return *entry.rules;
    }
  }
  Entry& entry = recent[next];
  next = (next + 1) % kEntries;
  entry =
      Entry{program.id(), kind, std::string(market), as_of, program.Select(kind, market, as_of)};
  return *entry.rules;
}

}  // namespace

const RuleOutcome* MarketIndependentResults::Find(const CheckedRule* rule) const {
  for (const auto& [judged, outcome] : results_) {
    if (judged == rule) return &outcome;
  }
  return nullptr;
}

const RuleOutcome& MarketIndependentResults::Store(const CheckedRule* rule, RuleOutcome outcome) {
  return results_.emplace_back(rule, std::move(outcome)).second;
}

bool Evaluator::MayApply(const CheckedRule& rule, const Value& partial, std::string_view market,
                         Date as_of) const {
  Frame frame;
  frame.program = &program_;
  frame.record = &partial;
  frame.market = market;
  frame.as_of = as_of;
  frame.slots.assign(static_cast<std::size_t>(rule.slot_count), Value());
  frame.steps_left = limits_.steps_per_rule;
  frame.absent_is_unknown = true;
  const Value scope = EvaluateScope(rule, frame);
  return !(scope.is_bool() && !scope.as_bool()) && !Excepted(rule, frame);
}

Value Evaluator::LinkKey(const GroupLink& link, const Value& record, Date as_of) const {
  Frame frame;
  frame.program = &program_;
  frame.record = &record;
  frame.as_of = as_of;
  frame.slots.assign(static_cast<std::size_t>(link.slot_count), Value());
  frame.steps_left = limits_.steps_per_rule;
  return eval_internal::Evaluate(*link.key, frame);
}

RuleOutcome Evaluator::JudgeGroup(const CheckedRule& rule, const Value& group,
                                  std::string_view market, Date as_of,
                                  std::string_view language) const {
  Frame frame;
  frame.program = &program_;
  frame.record = &group;
  frame.market = market;
  frame.as_of = as_of;
  return Judge(SelectedRule{&rule, {}}, frame, language, limits_.steps_per_rule,
               FindingDetail::kFull, nullptr);
}

Evaluation Evaluator::Evaluate(const Value& record, RecordKind kind, std::string_view market,
                               Date as_of, std::string_view language,
                               MarketIndependentResults* shared, EvaluationObserver* observer,
                               FindingDetail detail) const {
  Evaluation evaluation;
  Frame frame;
  frame.program = &program_;
  frame.record = &record;
  frame.market = market;
  frame.as_of = as_of;
  if (evaluation_mode_ == EvaluationMode::kFast) {
    // One table per thread: an evaluation never starts another on its thread.
    thread_local eval_internal::RecordPaths record_paths;
    record_paths.Begin(record, program_.record_path_count());
    frame.record_paths = &record_paths;
  }
  const RuleSelection& selection = SelectOnThisThread(program_, kind, market, as_of);
  evaluation.covered = selection.covered;
  std::vector<std::pair<const CheckedRule*, std::string>> held;  // undecided rules by fact
  for (const SelectedRule& selected : selection.rules) {
    const CheckedRule& rule = *selected.rule;
    EvaluationObserver* const rule_observer =
        observer != nullptr && observer->Observes(rule) ? observer : nullptr;
    const bool shareable = shared != nullptr && !rule.reads_market;
    const RuleOutcome* earlier =
        shareable && rule_observer == nullptr ? shared->Find(&rule) : nullptr;
    RuleOutcome judged;
    if (earlier == nullptr) {
      judged = Judge(selected, frame, language, limits_.steps_per_rule, detail, rule_observer);
      if (shareable && rule_observer == nullptr) earlier = &shared->Store(&rule, std::move(judged));
    }
    const RuleOutcome& outcome = earlier != nullptr ? *earlier : judged;
    ++evaluation.coverage.in_force;
    switch (outcome.status) {
      case RuleOutcome::Status::kNotApplicable:
        ++evaluation.coverage.not_applicable;
        break;
      case RuleOutcome::Status::kUndecided:
        ++evaluation.coverage.undecided;
        for (const std::string& fact : outcome.unstated_facts) held.emplace_back(&rule, fact);
        break;
      case RuleOutcome::Status::kApplied:
        ++evaluation.coverage.applied;
        if (outcome.finding) {
          ++evaluation.coverage.fired;
          evaluation.findings.push_back(*outcome.finding);
          evaluation.findings.back().overrides = selected.overrides;
        }
        break;
    }
  }
  for (Finding& finding : ScopeFindings(program_, held))
    evaluation.findings.push_back(std::move(finding));
  return evaluation;
}

}  // namespace tradelint
