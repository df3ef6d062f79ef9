#include "engine/eval/internal/record_paths.h"

#include <optional>
#include <utility>

#include "engine/eval/internal/field_leaf.h"

namespace tradelint::eval_internal {

void RecordPaths::Begin(const Value& record, std::size_t path_count) {
  record_ = &record;
  ++evaluation_;
  if (entries_.size() < path_count) entries_.resize(path_count);
}

const Value& RecordPaths::Leaf(const CheckedExpr& path) {
  Entry& entry = entries_[static_cast<std::size_t>(path.record_path)];
  if (entry.leaf_evaluation != evaluation_) {
    entry.leaf = &LeafOf(*record_, path.steps);
    entry.leaf_evaluation = evaluation_;
  }
  return *entry.leaf;
}

const Value& RecordPaths::Typed(const CheckedExpr& path) {
  const Value& leaf = Leaf(path);
  Entry& entry = entries_[static_cast<std::size_t>(path.record_path)];
  if (entry.typed_evaluation != evaluation_) {
    if (std::optional<Value> converted = ReadAsType(leaf, path.leaf_type)) {
      entry.converted = std::move(*converted);
      entry.typed = &entry.converted;
    } else {
      entry.typed = &leaf;
    }
    entry.typed_evaluation = evaluation_;
  }
  return *entry.typed;
}

}  // namespace tradelint::eval_internal
