#pragma once
// RecordPaths: one record's leaves of the Program's record paths, each found once.
//
// The planner numbers every path that the rules read from the record root without fanning out
// (CheckedExpr::record_path). While one record is judged for one market, the first read of such
// a path walks the record and keeps where it ended, and every later read of it, by any rule or
// clause, takes it from here; the same for the leaf read as its type (money, dates), converted
// once. What is kept points into the record, which outlives the evaluation, or into this table.
//
// Begin forgets every entry in constant time (entries carry the number of the evaluation that
// filled them), so one table serves all the records a thread judges. Not thread-safe: one per
// thread, and one evaluation at a time.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/check/checked.h"
#include "engine/value/value.h"

namespace tradelint::eval_internal {

class RecordPaths {
 public:
  // Starts judging `record` (which must outlive the evaluation) with a Program of
  // `path_count` record paths: every entry is forgotten.
  void Begin(const Value& record, std::size_t path_count);

  // The leaf of `path` (record_path >= 0) in the record: LeafOf(record, path.steps).
  const Value& Leaf(const CheckedExpr& path);
  // That leaf read as `path.leaf_type`: ReadAsType's value, or the leaf itself.
  const Value& Typed(const CheckedExpr& path);

 private:
  struct Entry {
    std::uint64_t leaf_evaluation = 0;   // `leaf` is valid when this is evaluation_
    std::uint64_t typed_evaluation = 0;  // `typed` is valid when this is evaluation_
    const Value* leaf = nullptr;
    const Value* typed = nullptr;  // `leaf` or `&converted`
    Value converted;
  };

  const Value* record_ = nullptr;
  std::uint64_t evaluation_ = 0;  // numbers the Begin calls; entries start at 0, never valid
  std::vector<Entry> entries_;    // by record_path; resized only in Begin
};

}  // namespace tradelint::eval_internal
