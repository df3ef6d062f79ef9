#include "engine/input/internal/feed_record.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/input/feed_mapping.h"
#include "engine/input/internal/csv_cell.h"
#include "engine/input/internal/csv_header.h"
#include "engine/input/internal/record_check.h"
#include "engine/input/supplement.h"

namespace tradelint {

FeedRecordBuilder::FeedRecordBuilder(const FeedInput& feed, const Schema& schema,
                                     const InputLimits& limits)
    : feed_(feed), schema_(schema), limits_(limits) {}

void FeedRecordBuilder::Build(const Value& item, InputRecord& out) const {
  const std::vector<MappedField> fields = feed_.mapping->Map(item);
  std::vector<std::string> paths;
  paths.reserve(fields.size());
  for (const MappedField& field : fields) paths.push_back(field.path);
  const CsvHeader header = CsvHeader::Parse(paths, limits_.max_depth);
  std::vector<Value> values(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (header.is_problem(i)) continue;
    values[i] =
        TypeCell(fields[i].text, ResolveColumn(schema_, feed_.mapping->kind(), header.path(i)));
  }
  ValueObject members = header.Build(values);
  members.insert(members.begin(),
                 {"kind", Value(std::string(RecordKindName(feed_.mapping->kind())))});
  Value record(std::move(members));
  if (feed_.supplement != nullptr && record.Get("id").is_string()) {
    if (const Value* extra = feed_.supplement->Find(record.Get("id").as_string())) {
      record = MergeRecord(record, *extra);
    }
  }
  CheckRecord(record, header.problems(), schema_, out);
  out.feed = feed_.mapping;
  if (!out.error) return;
  // Name the feed attribute beside each path it came from.
  std::string& message = out.error->message;
  for (const MappedField& field : fields) {
    const std::string quoted = fmt::format("`{}`", field.path);
    const std::size_t at = message.find(quoted);
    if (at != std::string::npos && std::find(out.error->paths.begin(), out.error->paths.end(),
                                             field.path) != out.error->paths.end()) {
      message.insert(at + quoted.size(), fmt::format(" (from `{}`)", field.attribute));
    }
  }
}

void FeedRecordBuilder::Invalid(std::string message, const std::string& id,
                                InputRecord& out) const {
  out.kind = feed_.mapping->kind();
  if (!id.empty()) out.id = id;
  out.feed = feed_.mapping;
  out.error = SchemaViolationError({SchemaViolation{"", std::move(message), ""}});
}

}  // namespace tradelint
