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

}  // namespace

Program::Program(std::vector<CheckedRuleset> rulesets, std::shared_ptr<const MarketTable> markets,
                 std::shared_ptr<const ReferenceData> reference)
    : id_(NextProgramId()), rulesets_(std::move(rulesets)), markets_(std::move(markets)),
      reference_(std::move(reference)) {
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
      rules_by_kind_[static_cast<int>(rule.applies_to)].push_back(&rule);
    }
  }
}

bool Program::InForce(const CheckedRule& rule, Date date) {
  if (rule.effective_from && date < *rule.effective_from) return false;
  if (rule.effective_until && *rule.effective_until < date) return false;
  return true;
}

std::shared_ptr<const std::vector<SelectedRule>> Program::Select(RecordKind kind, std::string_view market,
                                                                 Date as_of) const {
  std::shared_ptr<const MarketSelection> selection = SelectionFor(market, as_of);
  const std::vector<SelectedRule>* rules = &selection->rules[static_cast<int>(kind)];
  return std::shared_ptr<const std::vector<SelectedRule>>(std::move(selection), rules);
}

bool Program::Covers(std::string_view market, Date as_of) const { return SelectionFor(market, as_of)->covered; }

std::shared_ptr<const Program::MarketSelection> Program::SelectionFor(std::string_view market, Date as_of) const {
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
  for (RecordKind kind : {RecordKind::kListing, RecordKind::kTransaction, RecordKind::kSeller}) {
    selection->rules[static_cast<int>(kind)] = ComputeRules(kind, market, as_of);
  }
  selection->covered = std::any_of(ruleset_infos_.begin(), ruleset_infos_.end(), [&](const RulesetInfo& info) {
    return info.jurisdiction != "GLOBAL" && markets_->Selects(market, info.jurisdiction, as_of);
  });
  return selection;
}

std::vector<SelectedRule> Program::ComputeRules(RecordKind kind, std::string_view market, Date as_of) const {
  // Each jurisdiction is asked once per call: rulesets share few jurisdictions.
  std::map<std::string_view, bool> selects;
  auto selected_jurisdiction = [&](std::string_view jurisdiction) {
    auto [entry, fresh] = selects.emplace(jurisdiction, false);
    if (fresh) entry->second = markets_->Selects(market, jurisdiction, as_of);
    return entry->second;
  };
  std::vector<SelectedRule> selected;
  for (const CheckedRule* rule : rules_by_kind_[static_cast<int>(kind)]) {
    if (InForce(*rule, as_of) && selected_jurisdiction(rule->jurisdiction)) {
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
  return selected;
}

}  // namespace tradelint
