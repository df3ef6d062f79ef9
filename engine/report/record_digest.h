#pragma once
// What the reports for people (text, HTML) show of one record: its findings grouped across
// markets, and the to-do list of the fields to fill in or correct.
//
// A finding that several markets share is shown once, under all of them: findings are grouped
// by a key the writer gives (the finding as it will be shown), so that two findings are one
// group exactly when they would print the same. Groups keep the order of their first finding,
// errors first, then warnings, then info.
//
// The to-do list comes from the findings that are not waived: a `missing_data` finding's
// `missing` fields are to fill in, those that are alternatives of the rule (engine/api/
// rule_fields.h: single-field sides of an `or`, two or more of them missing) as one item,
// "one of" them; a violation's deciding field (`value_path`,
// else its `paths`) is to correct. Each item appears once, in the order first reached.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/rule_fields.h"
#include "engine/report/report_writer.h"

namespace tradelint {

struct FindingGroup {
  const Finding* finding = nullptr;  // the first of the group (owned by the results)
  std::vector<std::string> markets;  // where it was found, in result order
};

// The findings of `results` (one record's), grouped by `key`.
std::vector<FindingGroup> GroupAcrossMarkets(const std::vector<RecordResult>& results,
                                             const std::function<std::string(const Finding&)>& key);

struct ToDoItem {
  enum class Action { kFillIn, kOneOf, kCorrect };
  Action action = Action::kFillIn;
  // kFillIn, kCorrect: one field. kOneOf: the alternatives, as the rule names them (a list's
  // elements as `[*]`).
  std::vector<std::string> fields;
  std::string value;  // kCorrect: what the record holds there, when the finding says

  bool operator==(const ToDoItem&) const = default;
};

// Collects the to-do items of a record's findings. The rules' fields are read once per rule
// and kept for the writer's life (memory grows with the rules, not with the records).
class ToDoList {
 public:
  // The items of `results` (one record's).
  std::vector<ToDoItem> Of(const std::vector<RecordResult>& results);

 private:
  void Add(const Finding& finding, std::vector<ToDoItem>& items);
  const RuleFields& FieldsOfRule(const CheckedRule& rule);

  std::map<const CheckedRule*, RuleFields> rule_fields_;
};

// `path` with each list index written `[*]`, as rules name the elements of a list.
std::string AnyElement(std::string_view path);

}  // namespace tradelint
