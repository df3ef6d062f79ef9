#include "engine/api/group_windows.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <utility>

#include "engine/api/packed_bytes.h"
#include "engine/api/root_paths.h"
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

// A packed member of a group, its strings still in the group's bytes.
struct PackedMember {
  std::size_t link = 0;  // its link's index in the rule's links
  std::string_view id;
  std::string_view source;  // packed (GroupWindows::PackSource)
  std::string_view record;  // packed (RecordProjection::Pack)
};

// Whether `rule` reads its group's `link` (or the group record itself), beside the lists of
// the linked kinds.
bool ReadsLink(const CheckedRule& rule) {
  bool reads = false;
  RootPaths().WalkRule(rule, [&](const RootPath& path) {
    reads = reads || path.steps.empty() || path.steps[0].kind != PathStep::Kind::kField ||
            path.steps[0].field == "link";
  });
  return reads;
}

}  // namespace

GroupWindows::GroupWindows(const Engine& engine, std::string language, std::optional<Date> as_of)
    : engine_(engine),
      language_(std::move(language)),
      as_of_(as_of),
      outcomes_(engine.program().group_rules().size()) {
  std::map<std::string, std::size_t, std::less<>> path_keys;  // the keys that are a root path
  for (const CheckedRule* rule : engine.program().group_rules()) {
    reads_link_.push_back(ReadsLink(*rule));
    std::vector<RecordProjection>& of_rule = projections_.emplace_back();
    std::vector<std::size_t>& numbers = key_numbers_.emplace_back();
    for (const GroupLink& link : rule->group->links) {
      of_rule.push_back(RecordProjection::For(*rule, link.kind, engine.schema()));
      const CheckedExpr& key = *link.key;
      if (key.op == CheckedExpr::Op::kPath && key.slot < 0) {
        numbers.push_back(path_keys.try_emplace(key.path_text, key_count_).first->second);
        if (numbers.back() == key_count_) ++key_count_;
      } else {
        numbers.push_back(key_count_++);
      }
    }
  }
}

std::vector<GroupLinkKey> GroupWindows::Links(const Value& record, RecordKind kind,
                                              Date date) const {
  std::vector<GroupLinkKey> links;
  const std::vector<const CheckedRule*>& rules = engine_.program().group_rules();
  links.reserve(rules.size());  // most records link once per rule, if at all
  // The record's keys computed so far, by their numbers (key_numbers_).
  struct Key {
    Value value;
    bool missing = false;  // the key is or holds a missing value
    std::string json;      // canonical
    std::size_t hash = 0;  // of `json`
  };
  std::vector<std::optional<Key>> keys(key_count_);
  for (std::size_t rule = 0; rule < rules.size(); ++rule) {
    const std::vector<GroupLink>& rule_links = rules[rule]->group->links;
    for (std::size_t i = 0; i < rule_links.size(); ++i) {
      if (rule_links[i].kind != kind) continue;
      std::optional<Key>& key = keys[key_numbers_[rule][i]];
      if (!key) {
        key.emplace();
        key->value = engine_.LinkKey(rule_links[i], record, date);
        key->missing = HoldsMissing(key->value);
        if (!key->missing) {
          key->json = CanonicalJson(key->value);
          key->hash = std::hash<std::string_view>{}(key->json);
        }
      }
      if (key->missing) continue;
      GroupLinkKey& link = links.emplace_back();
      link.rule = rule;
      link.key = key->json;
      link.hash = key->hash ^ (rule + 0x9e3779b97f4a7c15 + (key->hash << 6) + (key->hash >> 2));
      link.value = key->value;
      packed_bytes::PutUnsigned(i, link.record);
      projections_[rule][i].Pack(record, link.record);
    }
  }
  return links;
}

void GroupWindows::Add(std::shared_ptr<const GroupMember> member, Date date,
                       std::vector<GroupLinkKey> links, std::vector<GroupResult>& closed) {
  CloseBefore(date, closed);
  if (links.empty()) return;
  // The member's id and source, packed once for all its groups.
  std::string about;
  packed_bytes::PutString(member->id, about);
  PackSource(member->source, about);
  for (GroupLinkKey& link : links) {
    // Every group whose window ended before `date` is closed: a group found is open for it.
    Open* open = open_.Find(link.hash, [&](const Open& group) {
      return group.rule == link.rule && group.key == link.key;
    });
    if (open == nullptr) {
      const Date end = WindowEnd(date, engine_.program().group_rules()[link.rule]->group->within);
      open = deadlines_[end].emplace_back(std::make_unique<Open>()).get();
      open->hash = link.hash;
      open->rule = link.rule;
      open->key = std::move(link.key);
      open->first = open->last = date;
      RecordProjection::Whole().Pack(link.value, open->packed);
      open_.Insert(open->hash, open);
    }
    open->first = std::min(open->first, date);
    open->last = std::max(open->last, date);
    // The link's index leads the packed record; the id and source follow it.
    std::string_view record = link.record;
    const std::size_t index = packed_bytes::GetUnsigned(record);
    packed_bytes::PutUnsigned(index, open->packed);
    open->packed += about;
    open->packed += record;
  }
}

void GroupWindows::PackSource(std::string_view source, std::string& out) {
  const std::size_t colon = source.rfind(':');
  std::uint64_t line = 0;
  if (colon != std::string_view::npos && colon + 1 < source.size()) {
    const char* end = source.data() + source.size();
    const auto [stop, error] = std::from_chars(source.data() + colon + 1, end, line);
    if (error == std::errc() && stop == end && source[colon + 1] != '0') {
      const std::string_view file = source.substr(0, colon);
      auto number = source_file_numbers_.find(file);
      if (number == source_file_numbers_.end()) {
        number = source_file_numbers_.emplace(file, source_files_.size()).first;
        source_files_.emplace_back(file);
      }
      packed_bytes::PutUnsigned(number->second + 1, out);
      packed_bytes::PutUnsigned(line, out);
      return;
    }
  }
  packed_bytes::PutUnsigned(0, out);
  packed_bytes::PutString(source, out);
}

std::string_view GroupWindows::SkipSource(std::string_view& packed) {
  const std::string_view start = packed;
  if (packed_bytes::GetUnsigned(packed) == 0) {
    packed_bytes::GetString(packed);
  } else {
    packed_bytes::GetUnsigned(packed);
  }
  return start.substr(0, start.size() - packed.size());
}

std::string GroupWindows::UnpackSource(std::string_view packed) const {
  const std::size_t file = packed_bytes::GetUnsigned(packed);
  if (file == 0) return std::string(packed_bytes::GetString(packed));
  return source_files_[file - 1] + ':' + std::to_string(packed_bytes::GetUnsigned(packed));
}

void GroupWindows::CloseBefore(std::optional<Date> date, std::vector<GroupResult>& closed,
                               std::size_t count) {
  while (count > 0 && !deadlines_.empty() && (!date || deadlines_.begin()->first < *date)) {
    std::deque<std::unique_ptr<Open>>& due = deadlines_.begin()->second;
    for (; count > 0 && !due.empty(); --count) {
      const std::unique_ptr<Open> group = std::move(due.front());
      due.pop_front();
      open_.Erase(group->hash, group.get());
      Close(*group, closed);
    }
    if (due.empty()) deadlines_.erase(deadlines_.begin());
  }
}

void GroupWindows::CloseAll(std::vector<GroupResult>& closed) { CloseFirst(open_.size(), closed); }

void GroupWindows::CloseFirst(std::size_t count, std::vector<GroupResult>& closed) {
  // Room for every result, so that none is moved as `closed` grows; the pages of the room that
  // no result fills are never touched.
  closed.reserve(closed.size() + std::min(count, open_.size()));
  CloseBefore(std::nullopt, closed, count);
}

void GroupWindows::Close(Open& group, std::vector<GroupResult>& closed) {
  const CheckedRule& rule = *engine_.program().group_rules()[group.rule];
  const Date as_of = as_of_.value_or(group.first);
  if (!Program::InForce(rule, as_of)) return;
  const std::vector<RecordProjection>& projections = projections_[group.rule];
  // What the rule sees of the group (GroupOutcomeMemo), while its outcomes are memoized: the
  // date, the key if the rule reads it, and each member's link and record as the rule reads
  // it, in input order.
  std::string_view packed = group.packed;
  const std::string_view key = RecordProjection::Whole().Skip(packed);
  const bool memoized = outcomes_.memoized(group.rule);
  std::string seen;
  if (memoized) {
    packed_bytes::PutSigned(as_of.days(), seen);
    if (reads_link_[group.rule]) seen += key;
  }
  std::vector<PackedMember> members;
  while (!packed.empty()) {
    PackedMember& member = members.emplace_back();
    member.link = packed_bytes::GetUnsigned(packed);
    member.id = packed_bytes::GetString(packed);
    member.source = SkipSource(packed);
    member.record = projections[member.link].Skip(packed);
    if (memoized) {
      packed_bytes::PutUnsigned(member.link, seen);
      seen += member.record;
    }
  }
  const std::vector<GroupLink>& links = rule.group->links;
  ++judged_;
  RuleOutcome outcome = outcomes_.Judge(group.rule, seen, [&] {
    // The group record: one list per linked kind, in input order, and the key.
    std::vector<ValueList> of_link(links.size());
    for (const PackedMember& member : members) {
      std::string_view record = member.record;
      of_link[member.link].push_back(projections[member.link].Unpack(record));
    }
    ValueObject fields;
    fields.reserve(links.size() + 1);
    for (std::size_t i = 0; i < links.size(); ++i) {
      fields.emplace_back(std::string(RecordKindName(links[i].kind)), Value(std::move(of_link[i])));
    }
    std::string_view link_key = key;
    fields.emplace_back("link", RecordProjection::Whole().Unpack(link_key));
    return engine_.JudgeGroup(rule, Value(std::move(fields)), as_of, language_);
  });
  if (!outcome.finding) return;
  ++fired_;
  GroupResult& result = closed.emplace_back();
  result.key = std::move(group.key);
  result.market = rule.jurisdiction;
  result.as_of = as_of;
  result.first = group.first;
  result.last = group.last;
  result.members.reserve(members.size());
  for (PackedMember& member : members) {
    result.members.push_back(
        {links[member.link].kind, std::string(member.id), UnpackSource(member.source)});
  }
  result.finding = std::move(*outcome.finding);
}

}  // namespace tradelint
