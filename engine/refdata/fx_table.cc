#include "engine/refdata/fx_table.h"

#include <algorithm>
#include <array>

#include "engine/refdata/csv_table.h"

namespace tradelint {

std::optional<FxTable> FxTable::Parse(std::string_view text, std::string_view file_name,
                                      std::string* error, const Provenance* sidecar) {
  static constexpr std::array<std::string_view, 3> kColumns = {"date", "currency", "rate"};
  std::optional<CsvTable> table = ParseCsvTable(text, file_name, kColumns, error, sidecar);
  if (!table) return std::nullopt;
  FxTable fx;
  fx.provenance_ = std::move(table->provenance);
  fx.provenance_.name = std::string(kFileName);
  // The rows of each currency, with their lines so that a repeated (currency, date) can name
  // both. A currency code (three capital letters) indexes `series_of` directly.
  struct Row {
    Date date;
    Decimal rate;
    int line = 0;
  };
  struct Series {
    std::string code;
    std::vector<Row> rows;
  };
  std::vector<Series> all_series;
  std::vector<int> series_of(26 * 26 * 26, -1);
  // The repeat whose second row comes first in the file among those read, as an error. Sorted
  // by date and line, a repeated date stands next to the row it repeats.
  const auto first_repeat = [&]() -> std::optional<std::string> {
    const Row* first = nullptr;
    const Row* second = nullptr;
    const Series* repeated = nullptr;
    const auto by_date_and_line = [](const Row& a, const Row& b) {
      return a.date != b.date ? a.date < b.date : a.line < b.line;
    };
    for (Series& series : all_series) {
      // The published file is in date order already.
      if (!std::is_sorted(series.rows.begin(), series.rows.end(), by_date_and_line)) {
        std::sort(series.rows.begin(), series.rows.end(), by_date_and_line);
      }
      for (std::size_t i = 1; i < series.rows.size(); ++i) {
        if (series.rows[i].date == series.rows[i - 1].date &&
            (second == nullptr || series.rows[i].line < second->line)) {
          first = &series.rows[i - 1];
          second = &series.rows[i];
          repeated = &series;
        }
      }
    }
    if (second == nullptr) return std::nullopt;
    return std::string(file_name) + ":" + std::to_string(second->line) + ": a second rate for " +
           repeated->code + " on " + second->date.ToString() + " (the first is on line " +
           std::to_string(first->line) + ")";
  };
  // The rows of one day come together (the published file lists each day's currencies in a
  // run), so each date is parsed once.
  std::string_view last_date_text;
  std::optional<Date> last_date;
  for (const CsvTable::Row& row : table->rows) {
    const auto fail = [&](const std::string& message) {
      // A repeat on an earlier line is the first error.
      *error = first_repeat().value_or(std::string(file_name) + ":" + std::to_string(row.line) +
                                       ": " + message);
      return std::nullopt;
    };
    if (row.fields[0] != last_date_text) {
      last_date_text = row.fields[0];
      last_date = Date::Parse(last_date_text);
    }
    const std::optional<Date> date = last_date;
    if (!date) return fail("`" + std::string(row.fields[0]) + "` is not a date as YYYY-MM-DD");
    const Currency currency = Currency::FromCode(row.fields[1]);
    if (currency.empty()) {
      return fail("`" + std::string(row.fields[1]) +
                  "` is not a currency code (three capital letters)");
    }
    if (currency.code() == "EUR") return fail("EUR is the base currency: its rate is always 1");
    const std::optional<Decimal> rate = Decimal::Parse(row.fields[2]);
    if (!rate || rate->IsNegative() || rate->IsZero()) {
      return fail("`" + std::string(row.fields[2]) + "` is not a positive decimal rate");
    }
    const std::string_view code = currency.code();
    int& index = series_of[((code[0] - 'A') * 26 + (code[1] - 'A')) * 26 + (code[2] - 'A')];
    if (index < 0) {
      index = static_cast<int>(all_series.size());
      all_series.push_back({std::string(code), {}});
    }
    all_series[index].rows.push_back({*date, *rate, row.line});
    if (!fx.latest_date_ || *date > *fx.latest_date_) fx.latest_date_ = *date;
  }
  if (std::optional<std::string> repeat = first_repeat()) {
    *error = std::move(*repeat);
    return std::nullopt;
  }
  for (Series& series : all_series) {
    std::vector<std::pair<Date, Decimal>>& rates = fx.rates_[series.code];
    rates.reserve(series.rows.size());
    for (const Row& row : series.rows) rates.emplace_back(row.date, row.rate);
  }
  return fx;
}

std::optional<FxRate> FxTable::EurRate(Currency currency, Date as_of) const {
  if (currency.code() == "EUR") return FxRate{Decimal(1), as_of};
  const auto it = rates_.find(currency.code());
  if (it == rates_.end()) return std::nullopt;
  const auto& series = it->second;
  // The first entry dated after as_of; the one before it is the answer.
  const auto after = std::upper_bound(
      series.begin(), series.end(), as_of,
      [](Date date, const std::pair<Date, Decimal>& entry) { return date < entry.first; });
  if (after == series.begin()) return std::nullopt;
  return FxRate{std::prev(after)->second, std::prev(after)->first};
}

}  // namespace tradelint
