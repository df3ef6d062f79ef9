#include "engine/report/record_digest.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace tradelint {
namespace {

void AddOnce(std::vector<ToDoItem>& items, ToDoItem item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(std::move(item));
}

}  // namespace

std::string AnyElement(std::string_view path) {
  std::string any;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[' && i + 1 < path.size() &&
        std::isdigit(static_cast<unsigned char>(path[i + 1])) != 0) {
      std::size_t close = i + 1;
      while (close < path.size() && std::isdigit(static_cast<unsigned char>(path[close])) != 0)
        ++close;
      if (close < path.size() && path[close] == ']') {
        any += "[*]";
        i = close + 1;
        continue;
      }
    }
    any += path[i++];
  }
  return any;
}

std::vector<FindingGroup> GroupAcrossMarkets(
    const std::vector<RecordResult>& results,
    const std::function<std::string(const Finding&)>& key) {
  std::vector<FindingGroup> groups;
  std::unordered_map<std::string, std::size_t> group_of_key;
  for (const RecordResult& result : results) {
    for (const Finding& finding : result.findings) {
      const auto [it, added] = group_of_key.try_emplace(key(finding), groups.size());
      if (added) groups.push_back({&finding, {}});
      std::vector<std::string>& markets = groups[it->second].markets;
      const std::string market = result.market.value_or("");
      if (std::find(markets.begin(), markets.end(), market) == markets.end())
        markets.push_back(market);
    }
  }
  std::stable_sort(groups.begin(), groups.end(), [](const FindingGroup& a, const FindingGroup& b) {
    return a.finding->rule->severity < b.finding->rule->severity;
  });
  return groups;
}

std::vector<ToDoItem> ToDoList::Of(const std::vector<RecordResult>& results) {
  std::vector<ToDoItem> items;
  for (const RecordResult& result : results) {
    for (const Finding& finding : result.findings) {
      if (!finding.waived) Add(finding, items);
    }
  }
  return items;
}

void ToDoList::Add(const Finding& finding, std::vector<ToDoItem>& items) {
  switch (finding.basis) {
    case Basis::kMissingData: {
      // Fields that are alternatives of the rule, two or more of them missing, are one item.
      std::vector<std::string> missing_any;
      for (const std::string& missing : finding.missing) missing_any.push_back(AnyElement(missing));
      const auto is_missing = [&](const RuleFields::Alternative& alternative) {
        return alternative.size() == 1 && std::find(missing_any.begin(), missing_any.end(),
                                                    alternative.front()) != missing_any.end();
      };
      std::vector<std::string> in_one_of;
      for (const RuleFields::Group& group : FieldsOfRule(*finding.rule).required) {
        ToDoItem one_of{ToDoItem::Action::kOneOf, {}, ""};
        for (const RuleFields::Alternative& alternative : group) {
          if (is_missing(alternative) && std::find(one_of.fields.begin(), one_of.fields.end(),
                                                   alternative.front()) == one_of.fields.end())
            one_of.fields.push_back(alternative.front());
        }
        if (one_of.fields.size() < 2) continue;
        in_one_of.insert(in_one_of.end(), one_of.fields.begin(), one_of.fields.end());
        AddOnce(items, std::move(one_of));
      }
      for (std::size_t i = 0; i < finding.missing.size(); ++i) {
        if (std::find(in_one_of.begin(), in_one_of.end(), missing_any[i]) == in_one_of.end())
          AddOnce(items, {ToDoItem::Action::kFillIn, {finding.missing[i]}, ""});
      }
      break;
    }
    case Basis::kViolation:
      if (!finding.value_path.empty()) {
        AddOnce(items, {ToDoItem::Action::kCorrect,
                        {finding.value_path},
                        finding.value ? finding.value->ToDisplayString() : ""});
      } else {
        for (const std::string& path : finding.paths)
          AddOnce(items, {ToDoItem::Action::kCorrect, {path}, ""});
      }
      break;
    case Basis::kUndecided:
      break;
  }
}

const RuleFields& ToDoList::FieldsOfRule(const CheckedRule& rule) {
  const auto it = rule_fields_.find(&rule);
  if (it != rule_fields_.end()) return it->second;
  return rule_fields_.emplace(&rule, FieldsOf(rule)).first->second;
}

}  // namespace tradelint
