#include "engine/plan/program.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>

namespace tradelint {
namespace {

std::uint64_t NextProgramId() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

// The rule that reports a ruleset's unstated scope facts for `kind` records (see
// Program::FindScopeRule). Its domain is that of the ruleset's first rule.
std::unique_ptr<const Program::ScopeRule> MakeScopeRule(const CheckedRuleset& ruleset,
                                                        RecordKind kind) {
  auto scope = std::make_unique<Program::ScopeRule>();
  CheckedRule& rule = scope->rule;
  rule.applies_to = kind;
  rule.local_id = "scope";
  rule.id = ruleset.id + ".scope";
  rule.ruleset = ruleset.id;
  rule.jurisdiction = ruleset.jurisdiction;
  rule.title = "Facts that decide which rules of " +
               (ruleset.title.empty() ? ruleset.id : ruleset.title) + " apply";
  if (!ruleset.rules.empty()) rule.domain = ruleset.rules.front().domain;
  rule.severity = Severity::kWarning;
  rule.citation = ruleset.instrument;
  rule.effective_from = ruleset.effective_from;
  rule.effective_until = ruleset.effective_until;
  scope->facts = ruleset.scope_facts;
  return scope;
}

}  // namespace

Program::Program(std::vector<CheckedRuleset> rulesets, std::shared_ptr<const MarketTable> markets,
                 std::shared_ptr<const ReferenceData> reference, std::size_t record_path_count)
    : id_(NextProgramId()),
      rulesets_(std::move(rulesets)),
      markets_(std::move(markets)),
      reference_(std::move(reference)),
      record_path_count_(record_path_count) {
  for (const CheckedRuleset& ruleset : rulesets_) {
    ruleset_infos_.push_back({ruleset.id, ruleset.title, ruleset.jurisdiction, ruleset.instrument,
                              ruleset.version, ruleset.effective_from, ruleset.effective_until,
                              ruleset.path});
    tests_.insert(tests_.end(), ruleset.tests.begin(), ruleset.tests.end());
    for (const LookupTablePtr& table : ruleset.tables) {
      const bool listed = std::any_of(tables_.begin(), tables_.end(), [&](const Provenance& other) {
        return other.name == table->provenance().name;
      });
      if (!listed) tables_.push_back(table->provenance());
    }
    for (const CheckedRule& rule : ruleset.rules) {
      all_rules_.push_back(&rule);
      if (rule.group) {
        group_rules_.push_back(&rule);
      } else {
        rules_by_kind_[static_cast<int>(rule.applies_to)].push_back(&rule);
      }
    }
    if (ruleset.scope_facts.empty()) continue;
    for (RecordKind kind : kAllRecordKinds) {
      scope_rules_.push_back(MakeScopeRule(ruleset, kind));
    }
  }
}

bool Program::InForce(const CheckedRule& rule, Date date) {
  if (rule.effective_from && date < *rule.effective_from) return false;
  if (rule.effective_until && *rule.effective_until < date) return false;
  return true;
}

std::shared_ptr<const RuleSelection> Program::Select(RecordKind kind, std::string_view market,
                                                     Date as_of) const {
  std::shared_ptr<const MarketSelection> selection = SelectionFor(market, as_of);
  const RuleSelection* rules = &selection->by_kind[static_cast<int>(kind)];
  return std::shared_ptr<const RuleSelection>(std::move(selection), rules);
}

const Program::ScopeRule* Program::FindScopeRule(std::string_view ruleset, RecordKind kind) const {
  for (const std::unique_ptr<const ScopeRule>& scope : scope_rules_) {
    if (scope->rule.ruleset == ruleset && scope->rule.applies_to == kind) return scope.get();
  }
  return nullptr;
}

std::shared_ptr<const Program::MarketSelection> Program::SelectionFor(std::string_view market,
                                                                      Date as_of) const {
  // Most runs judge a handful of markets on one date; transactions bring their own dates.
  constexpr std::size_t kMaxSelections = 4096;
  std::string key = std::string(market) + "@" + as_of.ToString();
  {
    std::shared_lock lock(selections_mutex_);
    if (auto found = selections_.find(key); found != selections_.end()) return found->second;
  }
  std::shared_ptr<const MarketSelection> selection = ComputeSelection(market, as_of);
  std::unique_lock lock(selections_mutex_);
  if (selections_.size() >= kMaxSelections) selections_.clear();
  return selections_.emplace(std::move(key), std::move(selection)).first->second;
}

std::shared_ptr<const Program::MarketSelection> Program::ComputeSelection(std::string_view market,
                                                                          Date as_of) const {
  auto selection = std::make_shared<MarketSelection>();
  for (RecordKind kind : kAllRecordKinds) {
    selection->by_kind[static_cast<int>(kind)] = ComputeRules(kind, market, as_of);
  }
  return selection;
}

RuleSelection Program::ComputeRules(RecordKind kind, std::string_view market, Date as_of) const {
  // Each ruleset is asked once per call (its jurisdiction, or an extension, selects it).
  std::map<std::string_view, bool> selects;
  auto selected_ruleset = [&](const CheckedRule& rule) {
    auto [entry, fresh] = selects.emplace(rule.ruleset, false);
    if (fresh) {
      entry->second = markets_->SelectsRuleset(market, rule.jurisdiction, rule.ruleset, as_of);
    }
    return entry->second;
  };
  std::vector<SelectedRule> selected;
  for (const CheckedRule* rule : rules_by_kind_[static_cast<int>(kind)]) {
    if (InForce(*rule, as_of) && selected_ruleset(*rule)) {
      selected.push_back({rule, {}});
    }
  }
  // Lex specialis: where the market lies inside the overriding rule's jurisdiction, the
  // overridden group rule is not judged.
  std::vector<std::string_view> replaced;
  for (SelectedRule& candidate : selected) {
    if (candidate.rule->overrides.empty() ||
        !markets_->Contains(candidate.rule->jurisdiction, market, as_of)) {
      continue;
    }
    candidate.overrides = candidate.rule->overrides;
    replaced.insert(replaced.end(), candidate.overrides.begin(), candidate.overrides.end());
  }
  if (!replaced.empty()) {
    std::erase_if(selected, [&](const SelectedRule& candidate) {
      return std::find(replaced.begin(), replaced.end(), candidate.rule->id) != replaced.end();
    });
  }
  const bool covered =
      std::any_of(selected.begin(), selected.end(), [](const SelectedRule& candidate) {
        return candidate.rule->jurisdiction != MarketTable::kGlobal;
      });
  return RuleSelection{std::move(selected), covered};
}

}  // namespace tradelint
