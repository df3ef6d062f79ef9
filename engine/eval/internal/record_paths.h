#pragma once
// RecordPaths: one record's values of the Program's record paths, each read once.
//
// The planner numbers every path that the rules read from the record root
// (CheckedExpr::record_path). While one record is judged for one market, the first read of such
// a path reads the record, and every later read of it, by any rule or clause, takes the value
// from here; the same for the value read as its type (money, dates), converted once. A leaf is
// kept as a pointer into the record, which outlives the evaluation; what a read computes (a
// converted leaf, the list of a path that fans out) is kept in this table.
//
// Begin forgets every entry in constant time (entries carry the number of the evaluation that
// filled them), so one table serves all the records a thread judges. Not thread-safe: one per
// thread, and one evaluation at a time.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/check/checked.h"
#include "engine/value/value.h"

namespace tradelint::eval_internal {

class RecordPaths {
 public:
  // How a path's value is read: as stored, or as its field type reads (ReadAsType).
  enum class Reading { kStored = 0, kTyped = 1 };

  // Starts judging `record` (which must outlive the evaluation) with a Program of
  // `path_count` record paths: every entry is forgotten.
  void Begin(const Value& record, std::size_t path_count);

  // The value of `path` (record_path >= 0, not fanning out) in the record: its leaf
  // (LeafOf), as stored or typed.
  const Value& Leaf(const CheckedExpr& path, Reading reading);
  // The value of `path` (record_path >= 0, fanning out): what `read(path, record, reading)`
  // gives, called on the first read of the path in that reading only.
  using ReadLeaves = Value (*)(const CheckedExpr& path, const Value& record, Reading reading);
  const Value& Leaves(const CheckedExpr& path, Reading reading, ReadLeaves read);

 private:
  struct Entry {
    // By Reading: `value` is valid when `evaluation` is evaluation_; it points into the record
    // or to `computed`.
    std::array<std::uint64_t, 2> evaluation{};
    std::array<const Value*, 2> value{};
    std::array<Value, 2> computed;
  };

  const Value* record_ = nullptr;
  std::uint64_t evaluation_ = 0;  // numbers the Begin calls; entries start at 0, never valid
  std::vector<Entry> entries_;    // by record_path; resized only in Begin
};

}  // namespace tradelint::eval_internal
