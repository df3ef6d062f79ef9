#include "engine/refdata/lookup_table.h"

#include <array>
#include <utility>

#include "engine/base/date.h"
#include "engine/base/decimal.h"
#include "engine/refdata/csv_table.h"

namespace tradelint {
namespace {

constexpr std::array<std::pair<std::string_view, ColumnType>, 6> kColumnTypes = {{
    {"string", ColumnType::kString},
    {"number", ColumnType::kNumber},
    {"date", ColumnType::kDate},
    {"money", ColumnType::kMoney},
    {"market", ColumnType::kMarket},
    {"bool", ColumnType::kBool},
}};

std::string TypeNames() {
  std::string names;
  for (const auto& [name, type] : kColumnTypes)
    names += (names.empty() ? "`" : ", `") + std::string(name) + "`";
  return names;
}

// Reads `name` or `name:type`. Returns an error message, or an empty string.
std::string ReadColumn(std::string_view header_field, LookupTable::Column* column) {
  const std::size_t colon = header_field.find(':');
  column->name = std::string(header_field.substr(0, colon));
  if (column->name.empty()) return "a column has no name";
  if (colon == std::string_view::npos) return "";
  const std::string_view type = header_field.substr(colon + 1);
  for (const auto& [name, column_type] : kColumnTypes) {
    if (type == name) {
      column->type = column_type;
      return "";
    }
  }
  return "column `" + column->name + "` has the unknown type `" + std::string(type) +
         "`; the types are " + TypeNames();
}

// The cell's value by its column's type; nullopt when the text is not of that type.
std::optional<Value> ReadCell(std::string_view text, ColumnType type,
                              const LookupTable::MarketCheck& is_market) {
  if (text.empty()) return Value();
  switch (type) {
    case ColumnType::kString:
      return Value(std::string(text));
    case ColumnType::kNumber: {
      std::optional<Decimal> number = Decimal::Parse(text);
      if (!number) return std::nullopt;
      return Value(*number);
    }
    case ColumnType::kDate: {
      std::optional<Date> date = Date::Parse(text);
      if (!date) return std::nullopt;
      return Value(*date);
    }
    case ColumnType::kMoney: {
      const std::size_t space = text.find(' ');
      if (space != 3) return std::nullopt;
      const Currency currency = Currency::FromCode(text.substr(0, 3));
      std::optional<Decimal> amount = Decimal::Parse(text.substr(4));
      if (currency.empty() || !amount) return std::nullopt;
      return Value(Money{*amount, currency});
    }
    case ColumnType::kMarket:
      if (!is_market(text)) return std::nullopt;
      return Value(std::string(text));
    case ColumnType::kBool:
      if (text != "true" && text != "false") return std::nullopt;
      return Value(text == "true");
  }
  return std::nullopt;
}

std::string_view Example(ColumnType type) {
  switch (type) {
    case ColumnType::kString:
      return "text";
    case ColumnType::kNumber:
      return "a number such as `16` or `0.5`";
    case ColumnType::kDate:
      return "a date as YYYY-MM-DD";
    case ColumnType::kMoney:
      return "money such as `EUR 150`";
    case ColumnType::kMarket:
      return "a market code such as `DE`, `US-CA` or `EU`";
    case ColumnType::kBool:
      return "`true` or `false`";
  }
  return "";
}

}  // namespace

std::string_view ColumnTypeName(ColumnType type) {
  for (const auto& [name, column_type] : kColumnTypes) {
    if (column_type == type) return name;
  }
  return "string";
}

std::optional<LookupTable> LookupTable::Parse(std::string_view text, std::string_view file_name,
                                              std::string name, const MarketCheck& is_market,
                                              std::string* error, const Provenance* sidecar) {
  std::optional<CsvTable> csv = ParseCsvTable(text, file_name, {}, error, sidecar);
  if (!csv) return std::nullopt;
  const auto fail = [&](int line, const std::string& message) {
    *error = std::string(file_name) + ":" + std::to_string(line) + ": " + message;
    return std::nullopt;
  };
  const int header_line = csv->rows.empty() ? 1 : csv->rows.front().line - 1;
  LookupTable table;
  table.provenance_ = std::move(csv->provenance);
  table.provenance_.name = std::move(name);
  for (const std::string& field : csv->header) {
    Column column;
    const std::string message = ReadColumn(field, &column);
    if (!message.empty()) return fail(header_line, message);
    if (table.ColumnIndex(column.name))
      return fail(header_line, "column `" + column.name + "` appears twice");
    table.columns_.push_back(std::move(column));
  }
  const ColumnType key_type = table.columns_.front().type;
  if (key_type != ColumnType::kString && key_type != ColumnType::kMarket) {
    return fail(header_line, "the first column is the key and must be a `string` or a `market`");
  }
  ValueList keys;
  for (const CsvTable::Row& row : csv->rows) {
    std::vector<Value> cells;
    cells.reserve(row.fields.size());
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const Column& column = table.columns_[i];
      std::optional<Value> cell = ReadCell(row.fields[i], column.type, is_market);
      if (!cell) {
        return fail(row.line, "`" + std::string(row.fields[i]) + "` in column `" + column.name +
                                  "` is not " + std::string(Example(column.type)));
      }
      cells.push_back(std::move(*cell));
    }
    const std::string key(row.fields.front());
    if (key.empty()) return fail(row.line, "the key (first column) is empty");
    if (!table.row_of_key_.emplace(key, table.rows_.size()).second) {
      return fail(row.line, "the key `" + key + "` appears twice");
    }
    keys.push_back(cells.front());
    table.rows_.push_back(std::move(cells));
  }
  table.keys_ = Value(std::move(keys));
  return table;
}

std::optional<std::size_t> LookupTable::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].name == name) return i;
  }
  return std::nullopt;
}

const Value* LookupTable::Find(std::string_view key, std::size_t column) const {
  auto row = row_of_key_.find(key);
  if (row == row_of_key_.end()) return nullptr;
  return &rows_[row->second][column];
}

}  // namespace tradelint
