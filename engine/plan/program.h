#pragma once
// Program: the immutable, compiled form of a set of rulesets, ready to evaluate records.
//
// A Program is built once by the planner (PlanProgram) and then only read: it is safe to share
// between threads, and every evaluation on every thread reads the same rules, prepared regular
// expressions and keyword matchers. Rules are indexed by the kind of record they apply to,
// and the rules one (market, date) selects are worked out once and then served from a cache
// (shared between threads), so a record touches only its own rules.

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/check/checked.h"
#include "engine/markets/market_table.h"
#include "engine/refdata/reference_data.h"

namespace tradelint {

struct RulesetInfo {
  std::string id;
  std::string title;
  std::string jurisdiction;
  std::string instrument;
  std::string version;
  std::optional<Date> effective_from;
  std::optional<Date> effective_until;
  std::string path;
};

// A rule chosen for one (record, market, date), with the group rules it replaced there.
struct SelectedRule {
  const CheckedRule* rule = nullptr;
  std::vector<std::string> overrides;
};

// The rules that judge one kind of record for one (market, date).
struct RuleSelection {
  std::vector<SelectedRule> rules;  // in load order
  // Whether some rule of a ruleset whose jurisdiction equals, contains or lies inside the
  // market is among them: rules for every market (`GLOBAL`) never make a market covered.
  bool covered = false;
};

class Program {
 public:
  // `record_path_count`: how many record paths the planner numbered (record_path_count()).
  Program(std::vector<CheckedRuleset> rulesets, std::shared_ptr<const MarketTable> markets,
          std::shared_ptr<const ReferenceData> reference, std::size_t record_path_count);

  const std::vector<RulesetInfo>& rulesets() const { return ruleset_infos_; }
  const std::vector<CheckedTest>& tests() const { return tests_; }
  // Every rule, in load order, group rules included.
  const std::vector<const CheckedRule*>& rules() const { return all_rules_; }
  // The group rules (CheckedRule::group), in load order: they judge groups of linked records,
  // never a record alone, so Select never picks them.
  const std::vector<const CheckedRule*>& group_rules() const { return group_rules_; }
  const MarketTable& markets() const { return *markets_; }
  const ReferenceData* reference() const { return reference_.get(); }
  // The rulesets' own reference tables (`table NAME = "file.csv"`), each once, in load order.
  const std::vector<Provenance>& tables() const { return tables_; }

  // Whether the rule is in force on `date` (both ends inclusive).
  static bool InForce(const CheckedRule& rule, Date date);

  // The rules that judge a `kind` record for `market` on `as_of`: in force, of a ruleset the
  // market selects, with `override` applied (for a market inside the overriding rule's
  // jurisdiction only the overriding rule is judged). In load order. Thread-safe.
  std::shared_ptr<const RuleSelection> Select(RecordKind kind, std::string_view market,
                                              Date as_of) const;

  // The rule whose findings report the scope facts of `ruleset` that a `kind` record left
  // unstated (`<ruleset>.scope`, severity warning, the ruleset's instrument as citation, in
  // force when the ruleset is), with those facts; null when the ruleset declares none.
  struct ScopeRule {
    CheckedRule rule;
    std::vector<ScopeFact> facts;
  };
  const ScopeRule* FindScopeRule(std::string_view ruleset, RecordKind kind) const;
  // Every scope rule, in load order (one per ruleset and record kind).
  const std::vector<std::unique_ptr<const ScopeRule>>& scope_rules() const { return scope_rules_; }

  // How many distinct paths from the record root the rules read: every
  // CheckedExpr::record_path is below it.
  std::size_t record_path_count() const { return record_path_count_; }

  // Unique among the Programs of a process, also after one is destroyed and another takes its
  // address: a key for caches outside the Program.
  std::uint64_t id() const { return id_; }

 private:
  std::uint64_t id_;
  std::vector<CheckedRuleset> rulesets_;
  std::vector<RulesetInfo> ruleset_infos_;
  std::vector<CheckedTest> tests_;
  std::vector<Provenance> tables_;
  std::vector<const CheckedRule*> all_rules_;
  std::vector<const CheckedRule*> group_rules_;
  std::vector<const CheckedRule*> rules_by_kind_[kRecordKindCount];
  std::vector<std::unique_ptr<const ScopeRule>> scope_rules_;  // see FindScopeRule
  std::shared_ptr<const MarketTable> markets_;
  std::shared_ptr<const ReferenceData> reference_;
  std::size_t record_path_count_;

  // What one (market, date) selects, for every record kind.
  struct MarketSelection {
    RuleSelection by_kind[kRecordKindCount];  // by RecordKind
  };
  std::shared_ptr<const MarketSelection> SelectionFor(std::string_view market, Date as_of) const;
  std::shared_ptr<const MarketSelection> ComputeSelection(std::string_view market,
                                                          Date as_of) const;
  RuleSelection ComputeRules(RecordKind kind, std::string_view market, Date as_of) const;

  // The selections computed so far, by `market@date`; emptied when it grows large (records of
  // many dates), so memory stays bounded.
  mutable std::shared_mutex selections_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const MarketSelection>> selections_;
};

}  // namespace tradelint
