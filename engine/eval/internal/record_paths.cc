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

const Value& RecordPaths::Leaf(const CheckedExpr& path, Reading reading) {
  Entry& entry = entries_[static_cast<std::size_t>(path.record_path)];
  const auto i = static_cast<std::size_t>(reading);
  if (entry.evaluation[i] == evaluation_) return *entry.value[i];
  if (reading == Reading::kStored) {
    entry.value[i] = &LeafOf(*record_, path.steps);
  } else {
    const Value& leaf = Leaf(path, Reading::kStored);
    if (std::optional<Value> typed = ReadAsType(leaf, path.leaf_type)) {
      entry.computed[i] = std::move(*typed);
      entry.value[i] = &entry.computed[i];
    } else {
      entry.value[i] = &leaf;
    }
  }
  entry.evaluation[i] = evaluation_;
  return *entry.value[i];
}

const Value& RecordPaths::Leaves(const CheckedExpr& path, Reading reading, ReadLeaves read) {
  Entry& entry = entries_[static_cast<std::size_t>(path.record_path)];
  const auto i = static_cast<std::size_t>(reading);
  if (entry.evaluation[i] != evaluation_) {
    entry.computed[i] = read(path, *record_, reading);
    entry.value[i] = &entry.computed[i];
    entry.evaluation[i] = evaluation_;
  }
  return *entry.value[i];
}

}  // namespace tradelint::eval_internal
