#pragma once
// LookupTable: a reference table that a ruleset declares with `table NAME = "file.csv"`, such as
// the GDPR child-consent age per member state or the prohibited substances by CAS number.
//
//   # source: national implementing laws of GDPR Art. 8(1), as collected by ...
//   # date: 2026-11-01
//   country:market,age:number,provision
//   DE,16,Art. 8(1) GDPR (no national derogation)
//   FR,15,Loi n° 78-17 Art. 45
//
// The file is a CsvTable whose header names the columns, each optionally typed `name:type`
// (string when untyped). The first column is the key: a string or a market code, unique and
// never empty. Every other cell is parsed by its column's type when the table is loaded, so a
// typo in a threshold is an error at compile time, never a wrong value at run time; an empty
// cell is absent (the language's missing data).
//
// Immutable once loaded; safe to share between threads.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/string_hash.h"
#include "engine/refdata/provenance.h"
#include "engine/value/value.h"

namespace tradelint {

enum class ColumnType { kString, kNumber, kDate, kMoney, kMarket, kBool };

// `string`, `number`, ... as written in a header.
std::string_view ColumnTypeName(ColumnType type);

class LookupTable {
 public:
  struct Column {
    std::string name;
    ColumnType type = ColumnType::kString;
  };

  // Decides whether a market code is valid (ISO 3166 country or subdivision, or a group).
  using MarketCheck = std::function<bool(std::string_view)>;

  // Parses a table file's text. `name` is what the report calls it (its path relative to the
  // rulesets). On error returns nullopt and sets `error` to `<file_name>:<line>: <message>`.
  // `sidecar`: see ParseCsvTable.
  static std::optional<LookupTable> Parse(std::string_view text, std::string_view file_name,
                                          std::string name, const MarketCheck& is_market,
                                          std::string* error, const Provenance* sidecar = nullptr);

  const Provenance& provenance() const { return provenance_; }
  const std::vector<Column>& columns() const { return columns_; }
  // The keys in file order, as a list value (a table is also the set of its keys).
  const Value& keys() const { return keys_; }

  // The column's index, or nullopt for a name the header does not have.
  std::optional<std::size_t> ColumnIndex(std::string_view name) const;
  // The cell in the key's row; null when the key has no row. An empty cell is a missing Value.
  const Value* Find(std::string_view key, std::size_t column) const;

 private:
  Provenance provenance_;
  std::vector<Column> columns_;
  Value keys_;
  std::vector<std::vector<Value>> rows_;  // cells of each row, key first
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> row_of_key_;
};

using LookupTablePtr = std::shared_ptr<const LookupTable>;

}  // namespace tradelint
