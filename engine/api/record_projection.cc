#include "engine/api/record_projection.h"

#include <algorithm>

#include "engine/api/root_paths.h"

namespace tradelint {

RecordProjection RecordProjection::For(const CheckedRule& rule, RecordKind kind) {
  RecordProjection projection;
  const std::string_view list = RecordKindName(kind);
  RootPaths paths;
  const auto keep = [&](const CheckedExpr& expr, bool obligation) {
    paths.Walk(expr, [&](const RootPath& path) {
      if (path.steps.empty() || path.steps[0].kind != PathStep::Kind::kField ||
          path.steps[0].field != list) {
        return;  // another kind's list, or the group's `link`
      }
      const std::vector<PathStep> inside(path.steps.begin() + 1, path.steps.end());
      projection.Keep(inside, obligation || path.use == RootPath::Use::kValue);
    });
  };
  for (const CheckedExprPtr& when : rule.when) keep(*when, false);
  for (const CheckedExprPtr& unless : rule.unless) keep(*unless, false);
  if (rule.obligation != nullptr) keep(*rule.obligation, true);
  for (const std::vector<CheckedText>* texts : {&rule.messages, &rule.fixes}) {
    for (const CheckedText& text : *texts) {
      for (const CheckedText::Piece& piece : text.pieces) {
        if (piece.expr != nullptr) keep(*piece.expr, false);
      }
    }
  }
  return projection;
}

RecordProjection RecordProjection::Whole() {
  RecordProjection projection;
  projection.root_.whole = true;
  return projection;
}

void RecordProjection::Keep(const std::vector<PathStep>& steps, bool whole) {
  Node* node = &root_;
  for (const PathStep& step : steps) {
    if (node->whole) return;
    switch (step.kind) {
      case PathStep::Kind::kEach:  // the elements share the list's node
        continue;
      case PathStep::Kind::kIndex:
        node->whole = true;
        node->fields.clear();
        return;
      case PathStep::Kind::kField: {
        auto field = std::find_if(node->fields.begin(), node->fields.end(),
                                  [&](const auto& entry) { return entry.first == step.field; });
        if (field == node->fields.end()) {
          node->fields.emplace_back(step.field, Node{});
          field = node->fields.end() - 1;
        }
        node = &field->second;
      }
    }
  }
  if (whole) {
    node->whole = true;
    node->fields.clear();
  }
}

Value RecordProjection::Project(const Value& value, const Node& node) {
  if (node.whole) return value;
  if (value.is_list()) {
    ValueList items;
    items.reserve(value.as_list().size());
    for (const Value& item : value.as_list()) items.push_back(Project(item, node));
    return Value(std::move(items));
  }
  if (!value.is_object()) return value;
  const auto node_of = [&](const std::string& name) {
    return std::find_if(node.fields.begin(), node.fields.end(),
                        [&](const auto& entry) { return entry.first == name; });
  };
  ValueObject fields;
  fields.reserve(static_cast<std::size_t>(
      std::count_if(value.as_object().begin(), value.as_object().end(),
                    [&](const auto& field) { return node_of(field.first) != node.fields.end(); })));
  for (const auto& [name, field] : value.as_object()) {
    const auto kept = node_of(name);
    if (kept != node.fields.end()) fields.emplace_back(name, Project(field, kept->second));
  }
  return Value(std::move(fields));
}

}  // namespace tradelint
