#include "engine/api/starter_record.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "engine/schema/schema.h"

namespace tradelint {
namespace {

using Json = nlohmann::ordered_json;

// At most this many enumerated values are spelled out in a placeholder.
constexpr std::size_t kMaxListedValues = 12;

std::string TypeText(const SchemaNode* node) {
  if (node == nullptr) return "value";
  std::string type(node->type_name.empty() ? FieldTypeName(node->type) : node->type_name);
  if (!node->enum_values.empty() && node->enum_values.size() <= kMaxListedValues) {
    type += fmt::format(" (one of: {})", fmt::join(node->enum_values, ", "));
  } else if (node->type == FieldType::kList && node->items != nullptr) {
    type = fmt::format("list of {}", TypeText(node->items.get()));
  }
  return type;
}

// The fields that can stand in for `path` in the rules' "one of" groups: those of the other
// alternatives of a group that has `path` in one of its alternatives.
std::vector<std::string> Alternatives(const FieldGuide& guide, const std::string& path) {
  std::vector<std::string> alternatives;
  const auto has_path = [&](const RuleFields::Alternative& alternative) {
    return std::find(alternative.begin(), alternative.end(), path) != alternative.end();
  };
  for (const GuidedRule& rule : guide.rules) {
    for (const RuleFields::Group& group : rule.fields.required) {
      if (group.size() < 2 || std::none_of(group.begin(), group.end(), has_path)) continue;
      for (const RuleFields::Alternative& alternative : group) {
        if (has_path(alternative)) continue;
        for (const std::string& other : alternative) {
          if (std::find(alternatives.begin(), alternatives.end(), other) == alternatives.end()) {
            alternatives.push_back(other);
          }
        }
      }
    }
  }
  return alternatives;
}

Json Placeholder(const FieldGuide& guide, const GuidedField& field) {
  const std::string guide_text =
      field.node == nullptr ? "not in the data model" : FirstSentence(field.node->description);
  const std::string text = fmt::format("{}: {}", TypeText(field.node), guide_text);
  const bool structured = field.node != nullptr && (field.node->type == FieldType::kObject ||
                                                    field.node->type == FieldType::kMoney ||
                                                    field.node->type == FieldType::kList);
  if (structured) return Json(std::string(kPlaceholderPrefix) + text);
  Json placeholder = Json::object();
  placeholder[std::string(kPlaceholderKey)] = text;
  placeholder["needed_by"] = field.rules;
  if (std::vector<std::string> alternatives = Alternatives(guide, field.path);
      !alternatives.empty()) {
    placeholder["or_instead"] = alternatives;
  }
  return placeholder;
}

// `lines[*].hs_code` -> {"lines", "[]", "hs_code"}: names, and `[]` for a step into a list.
std::vector<std::string> Steps(std::string_view path) {
  std::vector<std::string> steps;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '.') {
      ++start;
    } else if (path[start] == '[') {
      steps.emplace_back("[]");
      start = std::min(path.find(']', start), path.size() - 1) + 1;
    } else {
      const std::size_t end = std::min(path.find_first_of(".[", start), path.size());
      steps.emplace_back(path.substr(start, end - start));
      start = end;
    }
  }
  return steps;
}

// Puts `value` at `steps` under `node`, creating objects and one-element lists on the way; a
// place that already holds a value that is not a container keeps it (a field read both as a
// whole and by its parts is built from its parts).
void Place(Json& node, const std::vector<std::string>& steps, std::size_t at, Json value) {
  if (at == steps.size()) {
    if (node.is_null()) node = std::move(value);
    return;
  }
  if (steps[at] == "[]") {
    if (!node.is_array()) node = Json::array({Json()});
    Place(node[0], steps, at + 1, std::move(value));
    return;
  }
  if (!node.is_object()) {
    if (!node.is_null()) return;
    node = Json::object();
  }
  Place(node[steps[at]], steps, at + 1, std::move(value));
}

}  // namespace

std::string StarterRecordJson(const FieldGuide& guide, const FieldGuideRequest& request) {
  Json record = Json::object();
  record["kind"] = std::string(RecordKindName(request.kind));
  record["id"] = "replace-with-your-id";
  if (request.kind == RecordKind::kListing || request.kind == RecordKind::kSeller) {
    record["target_markets"] = request.markets;
  } else if ((request.kind == RecordKind::kPayment || request.kind == RecordKind::kWaybill) &&
             !request.markets.empty()) {
    record["destination"] = request.markets.front();
  }
  if (request.kind == RecordKind::kListing) {
    record["product"]["regulated_as"] = request.categories;
  }
  // Deeper paths first, so that a field read both as a whole and by its parts is built from
  // its parts.
  std::vector<const GuidedField*> fields;
  for (const GuidedField& field : guide.fields) fields.push_back(&field);
  std::stable_sort(fields.begin(), fields.end(), [](const GuidedField* a, const GuidedField* b) {
    return Steps(a->path).size() > Steps(b->path).size();
  });
  for (const GuidedField* field : fields) {
    Place(record, Steps(field->path), 0, Placeholder(guide, *field));
  }
  return record.dump(2) + "\n";
}

}  // namespace tradelint
