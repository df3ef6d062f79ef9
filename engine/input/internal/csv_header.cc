#include "engine/input/internal/csv_header.h"

#include <fmt/format.h>

#include <cctype>
#include <string_view>

#include "engine/base/utf8.h"
#include "engine/input/internal/csv_row_reader.h"

namespace tradelint {
namespace {

constexpr std::size_t kMaxIndexDigits = 9;

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// `name([digits])*` segments joined by `.`; nullopt for anything else.
std::optional<std::vector<PathStep>> ParsePath(std::string_view text) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  for (;;) {
    const std::size_t name_start = i;
    while (i < text.size() && text[i] != '.' && text[i] != '[' && text[i] != ']') ++i;
    if (i == name_start) return std::nullopt;
    steps.emplace_back(std::string(text.substr(name_start, i - name_start)));
    while (i < text.size() && text[i] == '[') {
      const std::size_t digits_start = ++i;
      while (i < text.size() && IsDigit(text[i])) ++i;
      const std::size_t digits = i - digits_start;
      if (digits == 0 || digits > kMaxIndexDigits || i == text.size() || text[i] != ']') {
        return std::nullopt;
      }
      std::size_t index = 0;
      for (const char c : text.substr(digits_start, digits)) {
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      steps.emplace_back(index);
      ++i;
    }
    if (i == text.size()) return steps;
    if (text[i] != '.') return std::nullopt;
    ++i;
  }
}

}  // namespace

CsvHeader CsvHeader::Parse(const std::vector<std::string>& cells, int max_depth) {
  CsvHeader header;
  header.columns_.reserve(cells.size());
  for (std::size_t column = 0; column < cells.size(); ++column) {
    const std::string_view cell = TrimSpaces(cells[column]);
    header.columns_.push_back(Column{std::string(cell), {}, /*problem=*/true});
    Column& added = header.columns_.back();
    if (cell.empty()) {
      added.problem = false;
      continue;
    }
    if (FindInvalidUtf8(cell) != std::string_view::npos) {
      added.name.clear();
      header.problems_.push_back(
          {"", fmt::format("the header of column {} is not valid UTF-8", column + 1), ""});
      continue;
    }
    std::optional<std::vector<PathStep>> path = ParsePath(cell);
    if (!path) {
      header.problems_.push_back(
          {std::string(cell),
           fmt::format("column `{}` is not a field path (like `offer.price.amount` or "
                       "`target_markets[0]`)",
                       cell),
           ""});
      continue;
    }
    if (path->size() > static_cast<std::size_t>(max_depth)) {
      header.problems_.push_back(
          {std::string(cell),
           fmt::format("column `{}` is nested deeper than {} levels", cell, max_depth), ""});
      continue;
    }
    added.path = std::move(*path);
    if (std::optional<std::string> clash = header.Insert(column)) {
      added.path.clear();
      header.problems_.push_back({std::string(cell), std::move(*clash), ""});
      continue;
    }
    added.problem = false;
    if (added.path.size() == 1 && std::get<std::string>(added.path[0]) == "kind") {
      header.kind_column_ = column;
    }
  }
  return header;
}

std::optional<std::string> CsvHeader::Insert(std::size_t column) {
  const std::vector<PathStep>& path = columns_[column].path;
  Node* node = root_.get();
  for (std::size_t k = 0; k < path.size(); ++k) {
    const Node::Shape wanted = k + 1 == path.size() ? Node::Shape::kLeaf
                               : std::holds_alternative<std::string>(path[k + 1])
                                   ? Node::Shape::kObject
                                   : Node::Shape::kList;
    std::unique_ptr<Node>* slot = nullptr;
    if (const auto* name = std::get_if<std::string>(&path[k])) {
      auto [it, inserted] = node->member_index.try_emplace(*name, node->members.size());
      if (inserted) node->members.emplace_back(*name, nullptr);
      slot = &node->members[it->second].second;
    } else {
      slot = &node->items[std::get<std::size_t>(path[k])];
    }
    if (*slot == nullptr) {
      *slot = std::make_unique<Node>();
      (*slot)->shape = wanted;
      (*slot)->column = column;
    } else if (wanted == Node::Shape::kLeaf || (*slot)->shape != wanted) {
      const std::string& other = columns_[(*slot)->column].name;
      if (wanted == Node::Shape::kLeaf && (*slot)->shape == Node::Shape::kLeaf) {
        return fmt::format("column `{}` appears more than once", other);
      }
      return fmt::format("column `{}` clashes with column `{}`", columns_[column].name, other);
    }
    node = slot->get();
  }
  return std::nullopt;
}

ValueObject CsvHeader::Build(const std::vector<Value>& values) const {
  return BuildMembers(*root_, values);
}

ValueObject CsvHeader::BuildMembers(const Node& node, const std::vector<Value>& values) const {
  ValueObject object;
  for (const auto& [name, child] : node.members) {
    Value value = BuildNode(*child, values);
    if (!value.is_missing()) object.emplace_back(name, std::move(value));
  }
  return object;
}

Value CsvHeader::BuildNode(const Node& node, const std::vector<Value>& values) const {
  switch (node.shape) {
    case Node::Shape::kLeaf:
      return values[node.column];
    case Node::Shape::kObject: {
      ValueObject object = BuildMembers(node, values);
      return object.empty() ? Value() : Value(std::move(object));
    }
    case Node::Shape::kList: {
      ValueList list;
      for (const auto& [index, child] : node.items) {
        Value value = BuildNode(*child, values);
        if (!value.is_missing()) list.push_back(std::move(value));
      }
      return list.empty() ? Value() : Value(std::move(list));
    }
  }
  return Value();
}

}  // namespace tradelint
