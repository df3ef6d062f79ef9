#include "engine/api/group_windows.h"

#include <algorithm>
#include <map>
#include <utility>

#include "engine/json/canonical_json.h"

namespace tradelint {
namespace {

// The last date of a window that opens on `first`: the latest date a member may have.
Date WindowEnd(Date first, const Duration& within) {
  const std::optional<Date> end = within.unit() == Duration::Unit::kMonths
                                      ? first.AddMonths(within.count())
                                      : first.AddDays(within.count());
  return end.value_or(first);
}

// Whether `value` is or holds a missing value.
bool HoldsMissing(const Value& value) {
  if (value.is_missing()) return true;
  if (!value.is_list()) return false;
  for (const Value& item : value.as_list()) {
    if (HoldsMissing(item)) return true;
  }
  return false;
}

}  // namespace

GroupWindows::GroupWindows(const Engine& engine, std::string language, std::optional<Date> as_of)
    : engine_(engine), language_(std::move(language)), as_of_(as_of) {
  const std::vector<const CheckedRule*>& rules = engine.program().group_rules();
  // For each kind, the end of the longest window over which some rule keeps its records
  // whole (windows compared as if they opened on one day).
  const Date opening = *Date::Parse("2000-01-01");
  std::map<RecordKind, Date> whole_until;
  for (const CheckedRule* rule : rules) {
    std::vector<RecordProjection>& of_rule = projections_.emplace_back();
    for (const GroupLink& link : rule->group->links) {
      of_rule.push_back(RecordProjection::For(*rule, link.kind));
      if (!of_rule.back().whole()) continue;
      const Date end = WindowEnd(opening, rule->group->within);
      auto [until, added] = whole_until.try_emplace(link.kind, end);
      if (!added) until->second = std::max(until->second, end);
    }
  }
  // A record another rule keeps whole as long is shared rather than copied in part.
  for (std::size_t rule = 0; rule < rules.size(); ++rule) {
    const std::vector<GroupLink>& links = rules[rule]->group->links;
    for (std::size_t i = 0; i < links.size(); ++i) {
      const auto until = whole_until.find(links[i].kind);
      if (until != whole_until.end() &&
          WindowEnd(opening, rules[rule]->group->within) <= until->second) {
        projections_[rule][i] = RecordProjection::Whole();
      }
    }
  }
}

std::vector<GroupLinkKey> GroupWindows::Links(const Value& record, RecordKind kind,
                                              Date date) const {
  std::vector<GroupLinkKey> links;
  const std::vector<const CheckedRule*>& rules = engine_.program().group_rules();
  for (std::size_t rule = 0; rule < rules.size(); ++rule) {
    const std::vector<GroupLink>& rule_links = rules[rule]->group->links;
    for (std::size_t i = 0; i < rule_links.size(); ++i) {
      if (rule_links[i].kind != kind) continue;
      Value key = engine_.LinkKey(rule_links[i], record, date);
      if (HoldsMissing(key)) continue;
      std::string text = CanonicalJson(key);
      links.push_back(
          {rule, std::move(key), std::move(text), projections_[rule][i].Project(record)});
    }
  }
  return links;
}

void GroupWindows::Add(std::shared_ptr<const GroupMember> member, Date date,
                       std::vector<GroupLinkKey> links, std::vector<GroupResult>& closed) {
  CloseBefore(date, closed);
  for (GroupLinkKey& link : links) {
    // Every group whose window ended before `date` is closed: a group found is open for it.
    auto [found, opened] = open_.try_emplace(OpenKey{link.rule, std::move(link.key)});
    Open& group = found->second;
    if (opened) {
      group.key = std::move(link.value);
      group.first = group.last = date;
      group.end = WindowEnd(date, engine_.program().group_rules()[link.rule]->group->within);
      deadlines_.push({group.end, next_serial_++, &*found});
    }
    group.first = std::min(group.first, date);
    group.last = std::max(group.last, date);
    group.members.push_back({member, std::move(link.record)});
  }
}

void GroupWindows::CloseBefore(std::optional<Date> date, std::vector<GroupResult>& closed) {
  while (!deadlines_.empty() && (!date || deadlines_.top().end < *date)) {
    OpenMap::value_type& group = *deadlines_.top().group;
    deadlines_.pop();
    Close(group.first, group.second, closed);
    open_.erase(group.first);
  }
}

void GroupWindows::CloseAll(std::vector<GroupResult>& closed) { CloseBefore(std::nullopt, closed); }

void GroupWindows::Close(const OpenKey& key, Open& group, std::vector<GroupResult>& closed) {
  const CheckedRule& rule = *engine_.program().group_rules()[key.rule];
  const Date as_of = as_of_.value_or(group.first);
  if (!Program::InForce(rule, as_of)) return;
  // The group record: one list per linked kind, in input order, and the key.
  ValueObject fields;
  for (const GroupLink& link : rule.group->links) {
    ValueList of_kind;
    for (const Member& member : group.members) {
      if (member.member->kind == link.kind) of_kind.push_back(member.record);
    }
    fields.emplace_back(std::string(RecordKindName(link.kind)), Value(std::move(of_kind)));
  }
  fields.emplace_back("link", std::move(group.key));
  ++judged_;
  RuleOutcome outcome = engine_.JudgeGroup(rule, Value(std::move(fields)), as_of, language_);
  if (!outcome.finding) return;
  ++fired_;
  GroupResult& result = closed.emplace_back();
  result.key = key.key;
  result.market = rule.jurisdiction;
  result.as_of = as_of;
  result.first = group.first;
  result.last = group.last;
  result.members.reserve(group.members.size());
  for (const Member& member : group.members) result.members.push_back(*member.member);
  result.finding = std::move(*outcome.finding);
}

}  // namespace tradelint
