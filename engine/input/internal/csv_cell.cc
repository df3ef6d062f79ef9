#include "engine/input/internal/csv_cell.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <variant>

#include "engine/base/ascii_case.h"
#include "engine/base/decimal.h"
#include "engine/input/internal/csv_row_reader.h"

namespace tradelint {

const SchemaNode* ResolveColumn(const Schema& schema, RecordKind kind,
                                const std::vector<PathStep>& path) {
  std::vector<std::string> segments;
  segments.reserve(path.size());
  for (const PathStep& step : path) {
    if (const auto* name = std::get_if<std::string>(&step)) {
      segments.push_back(*name);
    } else {
      segments.push_back(fmt::format("[{}]", std::get<std::size_t>(step)));
    }
  }
  return schema.Resolve(kind, segments);
}

Value TypeCell(std::string_view cell, const SchemaNode* node) {
  if (node != nullptr) {
    const std::string_view trimmed = TrimSpaces(cell);
    if (node->type == FieldType::kNumber) {
      if (std::optional<Decimal> number = Decimal::Parse(trimmed)) return Value(*number);
    } else if (node->type == FieldType::kBool) {
      if (AsciiEqualsIgnoringCase(trimmed, "true")) return Value(true);
      if (AsciiEqualsIgnoringCase(trimmed, "false")) return Value(false);
    } else if (node->type == FieldType::kList) {
      if (trimmed == "[]") return Value(ValueList{});
    }
  }
  return Value(std::string(cell));
}

}  // namespace tradelint
