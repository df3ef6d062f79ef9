#pragma once
// FeedRecordBuilder: a feed item (see feed_mapping.h) to an InputRecord, for every feed reader.

#include <string>

#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

class FeedRecordBuilder {
 public:
  // `feed.mapping` must be set; everything must outlive the builder.
  FeedRecordBuilder(const FeedInput& feed, const Schema& schema, const InputLimits& limits);

  // Fills `out` from `item` (out.source as it is): the mapped fields, typed by the schema as
  // CSV cells are, assembled into the record of the mapping's kind, merged with the
  // supplement's fields of its id, then checked like any record (CheckRecord). A
  // schema_violation names the feed attribute of each path it can ("`offer.price.amount`
  // (from `price`): ...").
  void Build(const Value& item, InputRecord& out) const;

  // An invalid record for a problem of the feed's text (a row with too few cells, XML that
  // is not well-formed): schema_violation with `message`; `id` when the reader could tell.
  void Invalid(std::string message, const std::string& id, InputRecord& out) const;

  const FeedMapping& mapping() const { return *feed_.mapping; }

 private:
  FeedInput feed_;
  const Schema& schema_;
  InputLimits limits_;
};

}  // namespace tradelint
