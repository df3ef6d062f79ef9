#pragma once
// CsvHeader: the columns of a CSV input, from its header line, and how a row's cells
// assemble into a record object.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "engine/schema/schema.h"
#include "engine/value/value.h"

namespace tradelint {

// One step of a field path: a member name, or a 0-based list index.
using PathStep = std::variant<std::string, std::size_t>;

class CsvHeader {
 public:
  // Reads header cells as field paths (`product.brand.name`, `target_markets[0]`,
  // `lines[1].product.name`; spaces around a cell are ignored). A cell that is not UTF-8 or
  // not a path, a path deeper than `max_depth` steps, a repeated path, or a path that
  // clashes with an earlier one (`a` then `a.b`, `a.b` then `a[0]`) is a problem: its
  // column takes no part in records and problems() names it. An empty cell is a column
  // without a path, which rows must leave empty.
  static CsvHeader Parse(const std::vector<std::string>& cells, int max_depth);

  std::size_t column_count() const { return columns_.size(); }
  // The header cell as written, without surrounding spaces; empty when not UTF-8.
  const std::string& name(std::size_t column) const { return columns_[column].name; }
  // The column's path; empty for an empty header cell or a problem column.
  const std::vector<PathStep>& path(std::size_t column) const { return columns_[column].path; }
  // Whether problems() names the column.
  bool is_problem(std::size_t column) const { return columns_[column].problem; }
  // The column whose path is `kind`, if any.
  std::optional<std::size_t> kind_column() const { return kind_column_; }
  // One violation per problem column, its path the header cell as written.
  const std::vector<SchemaViolation>& problems() const { return problems_; }

  // The record object of a row: `values[c]` is column c's value (missing for an empty
  // cell); requires values.size() == column_count(). Members follow the header's order of
  // first mention, list elements their index order; objects and lists with no value are
  // left out.
  ValueObject Build(const std::vector<Value>& values) const;

 private:
  struct Column {
    std::string name;
    std::vector<PathStep> path;
    bool problem = false;
  };
  // The shape the header's paths give the record: a tree of objects, lists and leaves.
  struct Node {
    enum class Shape { kLeaf, kObject, kList };
    Shape shape = Shape::kObject;
    std::size_t column = 0;  // kLeaf: its column; otherwise the column that created it
    std::vector<std::pair<std::string, std::unique_ptr<Node>>> members;  // kObject
    std::map<std::string, std::size_t, std::less<>> member_index;        // into members
    std::map<std::size_t, std::unique_ptr<Node>> items;                  // kList
  };

  // Adds column `column` to the shape; on a clash returns the problem message instead.
  std::optional<std::string> Insert(std::size_t column);
  ValueObject BuildMembers(const Node& node, const std::vector<Value>& values) const;
  Value BuildNode(const Node& node, const std::vector<Value>& values) const;

  std::vector<Column> columns_;
  std::unique_ptr<Node> root_ = std::make_unique<Node>();
  std::optional<std::size_t> kind_column_;
  std::vector<SchemaViolation> problems_;
};

}  // namespace tradelint
