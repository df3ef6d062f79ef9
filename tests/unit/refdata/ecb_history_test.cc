#include "engine/refdata/ecb_history.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "engine/refdata/fx_table.h"

namespace tradelint {
namespace {

Date D(std::string_view text) { return *Date::Parse(text); }

// The ECB's layout: newest first, N/A where a currency has no rate, a comma at each line's end.
constexpr std::string_view kHistory =
    "Date,USD,JPY,BGN,CYP,GBP,\r\n"
    "2026-04-13,1.1684,186.75,N/A,N/A,0.87058,\r\n"
    "2026-04-10,1.1711,186.43,N/A,N/A,0.87105,\r\n"
    "2025-12-31,1.175,184.09,1.95583,N/A,0.8726,\r\n"
    "1999-01-04,1.1789,133.73,N/A,0.58231,0.7111,\r\n";

EcbImportOptions Options(std::optional<Date> from = std::nullopt) {
  return EcbImportOptions{
      .from = from, .imported_on = D("2026-12-05"), .input_name = "eurofxref-hist.csv"};
}

TEST(EcbHistoryTest, WritesTheFxTableWithItsProvenance) {
  std::string error;
  const std::optional<EcbImport> imported =
      ImportEcbHistory(kHistory, "eurofxref-hist.csv", Options(D("2025-01-01")), &error);
  ASSERT_TRUE(imported) << error;
  EXPECT_EQ(imported->latest, D("2026-04-13"));
  EXPECT_EQ(imported->rates, 10u);
  EXPECT_EQ(imported->currencies, 4u);  // CYP has no rate in 2025 or later
  EXPECT_EQ(
      imported->table,
      "# Euro foreign exchange reference rates of the European Central Bank (ECB): units of each\n"
      "# currency per 1 EUR, as published for each business day (a lookup takes the latest date\n"
      "# on or before the as-of date).\n"
      "# source: European Central Bank, euro foreign exchange reference rates, "
      "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip\n"
      "# date: 2026-04-13\n"
      "# imported: 2026-12-05 by `tradelint refdata import-ecb` from eurofxref-hist.csv: "
      "rates from 2025-12-31 to 2026-04-13, 4 currencies\n"
      "date,currency,rate\n"
      "2025-12-31,BGN,1.95583\n"
      "2025-12-31,GBP,0.8726\n"
      "2025-12-31,JPY,184.09\n"
      "2025-12-31,USD,1.175\n"
      "2026-04-10,GBP,0.87105\n"
      "2026-04-10,JPY,186.43\n"
      "2026-04-10,USD,1.1711\n"
      "2026-04-13,GBP,0.87058\n"
      "2026-04-13,JPY,186.75\n"
      "2026-04-13,USD,1.1684\n");
}

TEST(EcbHistoryTest, TheTableLoadsWithTheRatesAsPublished) {
  std::string error;
  const std::optional<EcbImport> imported =
      ImportEcbHistory(kHistory, "eurofxref-hist.csv", Options(), &error);
  ASSERT_TRUE(imported) << error;
  const std::optional<FxTable> fx = FxTable::Parse(imported->table, "fx.csv", &error);
  ASSERT_TRUE(fx) << error;
  EXPECT_EQ(fx->provenance().date, "2026-04-13");
  EXPECT_EQ(fx->latest_date(), D("2026-04-13"));
  EXPECT_EQ(fx->EurRate(Currency::FromCode("CYP"), D("2026-01-01"))->date, D("1999-01-04"));
  EXPECT_EQ(fx->EurRate(Currency::FromCode("USD"), D("2026-04-12"))->rate.ToString(), "1.1711");
  EXPECT_EQ(fx->EurRate(Currency::FromCode("BGN"), D("2026-04-13"))->date, D("2025-12-31"));
}

TEST(EcbHistoryTest, AcceptsLinesWithoutTheTrailingComma) {
  std::string error;
  const std::optional<EcbImport> imported =
      ImportEcbHistory("Date,USD,GBP\n2026-04-13,1.1684,N/A\n\n", "h.csv", Options(), &error);
  ASSERT_TRUE(imported) << error;
  EXPECT_EQ(imported->rates, 1u);
}

struct ErrorCase {
  std::string text;
  std::string error;
};

class EcbHistoryErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(EcbHistoryErrorTest, NamesFileLineAndField) {
  std::string error;
  EXPECT_FALSE(ImportEcbHistory(GetParam().text, "hist.csv", Options(D("2026-01-01")), &error));
  EXPECT_EQ(error, GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Refdata, EcbHistoryErrorTest,
    testing::Values(
        ErrorCase{"", "hist.csv:1: the file is empty"},
        ErrorCase{"date,currency,rate\n",
                  "hist.csv:1: expected the ECB's header `Date,USD,JPY,...` (eurofxref-hist.csv)"},
        ErrorCase{"Date,\n",
                  "hist.csv:1: expected the ECB's header `Date,USD,JPY,...` (eurofxref-hist.csv)"},
        ErrorCase{"Date,USD,usd,\n",
                  "hist.csv:1: column 3 (`usd`) is not a currency code other than EUR"},
        ErrorCase{"Date,USD,EUR,\n",
                  "hist.csv:1: column 3 (`EUR`) is not a currency code other than EUR"},
        ErrorCase{"Date,USD,USD,\n", "hist.csv:1: column 3 (`USD`) names USD a second time"},
        ErrorCase{"Date,USD,GBP,\n2026-04-13,1.1,\n",
                  "hist.csv:2: expected 4 fields as in the header (the last one empty), found 3"},
        ErrorCase{"Date,USD,GBP,\n2026-04-13,1.1,0.8,0.9\n",
                  "hist.csv:2: column 4: `0.9` under no currency (the header ends with a comma)"},
        ErrorCase{"Date,USD,GBP\n2026-04-13,1.1\n",
                  "hist.csv:2: expected 3 fields as in the header, found 2"},
        ErrorCase{"Date,USD,GBP,\n13/04/2026,1.1,0.8,\n",
                  "hist.csv:2: column 1 (Date): `13/04/2026` is not a date as YYYY-MM-DD"},
        ErrorCase{"Date,USD,GBP,\n2026-04-13,1.1,0.8,\n2026-04-13,1.1,0.8,\n",
                  "hist.csv:3: column 1 (Date): a second row for 2026-04-13"},
        ErrorCase{"Date,USD,GBP,\n2026-04-13,1.1,n/a,\n",
                  "hist.csv:2: column 3 (GBP): `n/a` is neither a positive decimal rate nor N/A"},
        ErrorCase{"Date,USD,GBP,\n2026-04-13,0,0.8,\n",
                  "hist.csv:2: column 2 (USD): `0` is neither a positive decimal rate nor N/A"},
        // Errors anywhere in the file count, also before `from`.
        ErrorCase{"Date,USD,GBP,\n2026-04-13,1.1,0.8,\n1999-01-04,-1,0.7,\n",
                  "hist.csv:3: column 2 (USD): `-1` is neither a positive decimal rate nor N/A"},
        ErrorCase{"Date,USD,GBP,\n2025-04-13,1.1,0.8,\n",
                  "hist.csv:2: no rate on or after 2026-01-01"}));

}  // namespace
}  // namespace tradelint
