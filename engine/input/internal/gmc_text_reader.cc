#include "engine/input/internal/gmc_text_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "engine/base/ascii_case.h"
#include "engine/base/utf8.h"
#include "engine/input/feed_mapping.h"
#include "engine/input/internal/record_text.h"

namespace tradelint {
namespace {

std::string AttributeName(std::string_view cell) {
  std::string name = AsciiLower(TrimSpaces(cell));
  if (name.rfind("g:", 0) == 0) name.erase(0, 2);
  std::replace(name.begin(), name.end(), ' ', '_');
  return name;
}

std::vector<std::string> SplitOn(std::string_view text, char separator, std::size_t max_parts) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() + 1 < max_parts) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) break;
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

// Appends `value` to the members' list named `name`.
void Add(ValueObject& members, const std::string& name, Value value) {
  auto found = std::find_if(members.begin(), members.end(),
                            [&](const auto& member) { return member.first == name; });
  if (found == members.end()) {
    members.emplace_back(name, Value(ValueList{std::move(value)}));
  } else {
    ValueList list = found->second.as_list();
    list.push_back(std::move(value));
    found->second = Value(std::move(list));
  }
}

}  // namespace

GmcTextReader::GmcTextReader(std::istream& in, std::string source_name,
                             const FeedRecordBuilder& builder, const InputLimits& limits)
    : rows_(in, limits.max_record_bytes, '\t'),
      source_name_(std::move(source_name)),
      builder_(builder),
      limits_(limits) {}

void GmcTextReader::ReadHeader() {
  for (const std::string& cell : row_.cells) {
    Column& column = columns_.emplace_back();
    std::string name = AttributeName(cell);
    const std::size_t open = name.find('(');
    if (open != std::string::npos && name.back() == ')') {
      for (std::string& sub :
           SplitOn(name.substr(open + 1, name.size() - open - 2), ':', SIZE_MAX)) {
        column.group.push_back(std::string(TrimSpaces(sub)));
      }
      name.erase(open);
    } else if (const auto group = builder_.mapping().text_groups().find(name);
               group != builder_.mapping().text_groups().end()) {
      column.group = group->second;
    }
    column.attribute = std::move(name);
  }
}

Value GmcTextReader::Item() const {
  ValueObject item;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const std::string_view cell = TrimSpaces(row_.cells[i]);
    if (cell.empty() || columns_[i].attribute.empty()) continue;
    const Column& column = columns_[i];
    if (column.group.empty()) {
      Add(item, column.attribute, Value(std::string(cell)));
      continue;
    }
    for (const std::string& instance : SplitOn(cell, ',', SIZE_MAX)) {
      ValueObject group;
      const std::vector<std::string> parts = SplitOn(instance, ':', column.group.size());
      for (std::size_t part = 0; part < parts.size(); ++part) {
        const std::string_view text = TrimSpaces(parts[part]);
        if (!text.empty()) group.emplace_back(column.group[part], Value(std::string(text)));
      }
      if (!group.empty()) Add(item, column.attribute, Value(std::move(group)));
    }
  }
  return Value(std::move(item));
}

bool GmcTextReader::Next(InputRecord& out) {
  if (!header_read_) {
    header_read_ = true;
    if (!rows_.Next(limits_.max_csv_columns, row_)) return false;
    ReadHeader();
  }
  if (!rows_.Next(columns_.size(), row_)) return false;
  out = InputRecord{};
  out.source = fmt::format("{}:{}", source_name_, row_.line);
  const auto id_column = std::find_if(columns_.begin(), columns_.end(),
                                      [](const Column& c) { return c.attribute == "id"; });
  const std::size_t id_index = static_cast<std::size_t>(id_column - columns_.begin());
  const std::string id =
      id_index < row_.cells.size() ? std::string(TrimSpaces(row_.cells[id_index])) : "";
  if (row_.bytes > limits_.max_record_bytes) {
    out.error = TooLargeError(row_.bytes, limits_.max_record_bytes);
  } else if (row_.unclosed_quote_line) {
    builder_.Invalid(fmt::format("the quoted field that opens on line {} is not closed at the end "
                                 "of the file",
                                 *row_.unclosed_quote_line),
                     "", out);
  } else if (row_.cell_count != columns_.size()) {
    builder_.Invalid(fmt::format("row has {} tab-separated cells, header has {}", row_.cell_count,
                                 columns_.size()),
                     id, out);
  } else if (std::any_of(row_.cells.begin(), row_.cells.end(), [](const std::string& cell) {
               return FindInvalidUtf8(cell) != std::string_view::npos;
             })) {
    builder_.Invalid("the row is not valid UTF-8", "", out);
  } else {
    builder_.Build(Item(), out);
  }
  return true;
}

}  // namespace tradelint
