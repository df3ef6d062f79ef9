#include "engine/api/group_windows.h"

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

std::vector<GroupLinkKey> GroupWindows::Links(const Engine& engine, const Value& record,
                                              RecordKind kind, Date date) {
  std::vector<GroupLinkKey> links;
  for (const CheckedRule* rule : engine.program().group_rules()) {
    for (const GroupLink& link : rule->group->links) {
      if (link.kind != kind) continue;
      Value key = engine.LinkKey(link, record, date);
      if (HoldsMissing(key)) continue;
      std::string text = CanonicalJson(key);
      links.push_back({rule, std::move(key), std::move(text)});
    }
  }
  return links;
}

GroupWindows::GroupWindows(const Engine& engine, std::string language, std::optional<Date> as_of)
    : engine_(engine), language_(std::move(language)), as_of_(as_of) {}

void GroupWindows::Add(const Value& record, const GroupMember& member, Date date,
                       const std::vector<GroupLinkKey>& links, std::vector<GroupResult>& closed) {
  CloseBefore(date, closed);
  for (const GroupLinkKey& link : links) {
    std::string map_key = link.rule->id + '\n' + link.key;
    auto found = open_.find(map_key);
    if (found != open_.end() && found->second.end < date) {
      Close(found->second, closed);
      open_.erase(found);
      found = open_.end();
    }
    if (found == open_.end()) {
      Open group;
      group.serial = next_serial_++;
      group.rule = link.rule;
      group.key = link.value;
      group.key_text = link.key;
      group.first = group.last = date;
      group.end = WindowEnd(date, link.rule->group->within);
      deadlines_.push({group.end, group.serial, map_key});
      found = open_.emplace(std::move(map_key), std::move(group)).first;
    }
    Open& group = found->second;
    group.first = std::min(group.first, date);
    group.last = std::max(group.last, date);
    group.members.push_back(member);
    group.records.push_back(record);
  }
}

void GroupWindows::CloseBefore(Date date, std::vector<GroupResult>& closed) {
  while (!deadlines_.empty() && deadlines_.top().end < date) {
    const Deadline deadline = deadlines_.top();
    deadlines_.pop();
    auto found = open_.find(deadline.map_key);
    // A group closed early (a member past its window reopened it) left its deadline behind.
    if (found == open_.end() || found->second.serial != deadline.serial) continue;
    Close(found->second, closed);
    open_.erase(found);
  }
}

void GroupWindows::CloseAll(std::vector<GroupResult>& closed) {
  while (!deadlines_.empty()) {
    const Deadline deadline = deadlines_.top();
    deadlines_.pop();
    auto found = open_.find(deadline.map_key);
    if (found == open_.end() || found->second.serial != deadline.serial) continue;
    Close(found->second, closed);
    open_.erase(found);
  }
}

void GroupWindows::Close(Open& group, std::vector<GroupResult>& closed) {
  const CheckedRule& rule = *group.rule;
  // The group record: one list per linked kind, in input order, and the key.
  ValueObject fields;
  for (const GroupLink& link : rule.group->links) {
    ValueList of_kind;
    for (std::size_t i = 0; i < group.members.size(); ++i) {
      if (group.members[i].kind == link.kind) of_kind.push_back(group.records[i]);
    }
    fields.emplace_back(std::string(RecordKindName(link.kind)), Value(std::move(of_kind)));
  }
  fields.emplace_back("link", group.key);
  const Date as_of = as_of_.value_or(group.first);
  if (!Program::InForce(rule, as_of)) return;
  ++judged_;
  RuleOutcome outcome = engine_.JudgeGroup(rule, Value(std::move(fields)), as_of, language_);
  if (!outcome.finding) return;
  ++fired_;
  GroupResult& result = closed.emplace_back();
  result.key = std::move(group.key_text);
  result.market = rule.jurisdiction;
  result.as_of = as_of;
  result.first = group.first;
  result.last = group.last;
  result.members = std::move(group.members);
  result.finding = std::move(*outcome.finding);
}

}  // namespace tradelint
