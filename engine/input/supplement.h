#pragma once
// Supplement: data model fields that a feed cannot carry, given beside it (`check
// --supplement FILE.jsonl`, docs/cli.md): one JSON object per line, each with the `id` of a
// feed item and any fields of its record (`product.manufacturer`, `target_markets`, ...),
// as in a record of the data model. A feed item's record is its mapped fields merged with
// the supplement's object of the same id (MergeRecord).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/value/value.h"

namespace tradelint {

class Supplement {
 public:
  // Reads a JSON Lines file; blank lines are skipped. A line that is not a JSON object with
  // a non-empty string `id`, or an id given twice, is an error: returns nullopt with `error`
  // naming the file and line.
  static std::optional<Supplement> Load(const std::string& path, std::string* error);

  // The fields given for `id` (an object without `id`), or nullptr.
  const Value* Find(std::string_view id) const;
  std::size_t size() const { return by_id_.size(); }

 private:
  std::unordered_map<std::string, Value> by_id_;
};

// `base` with the members of `overlay` merged in: objects on both sides merge member by
// member, anything else in `overlay` replaces what `base` holds at that place.
Value MergeRecord(const Value& base, const Value& overlay);

}  // namespace tradelint
