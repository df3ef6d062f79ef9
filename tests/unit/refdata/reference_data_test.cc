#include "engine/refdata/reference_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace tradelint {
namespace {

Date D(std::string_view text) { return *Date::Parse(text); }
Currency C(std::string_view code) { return Currency::FromCode(code); }

constexpr std::string_view kRates = R"(# ECB rates for the tests
# source: European Central Bank
# date: 2025-03-14

date,currency,rate
2025-03-14,USD,1.0889
2025-02-28,USD,1.0411
2025-02-28,GBP,0.82608
)";

FxTable Rates() {
  std::string error;
  std::optional<FxTable> fx = FxTable::Parse(kRates, "rates.csv", &error);
  EXPECT_TRUE(fx) << error;
  return *fx;
}

struct LookupCase {
  std::string currency;
  std::string as_of;
  std::optional<std::string> rate;  // nullopt: no rate
  std::string date;
};

class EurRateTest : public testing::TestWithParam<LookupCase> {};

TEST_P(EurRateTest, TakesTheLatestDateOnOrBeforeTheAsOfDate) {
  const LookupCase& c = GetParam();
  const std::optional<FxRate> rate = Rates().EurRate(C(c.currency), D(c.as_of));
  ASSERT_EQ(rate.has_value(), c.rate.has_value()) << c.currency << " at " << c.as_of;
  if (!rate) return;
  EXPECT_EQ(rate->rate.ToString(), *c.rate);
  EXPECT_EQ(rate->date.ToString(), c.date);
}

INSTANTIATE_TEST_SUITE_P(
    Refdata, EurRateTest,
    testing::Values(LookupCase{"USD", "2025-02-27", std::nullopt, ""},  // before the table
                    LookupCase{"USD", "2025-02-28", "1.0411", "2025-02-28"},
                    LookupCase{"USD", "2025-03-02", "1.0411", "2025-02-28"},  // a Sunday
                    LookupCase{"USD", "2025-03-13", "1.0411", "2025-02-28"},
                    LookupCase{"USD", "2025-03-14", "1.0889", "2025-03-14"},
                    LookupCase{"USD", "2030-01-01", "1.0889", "2025-03-14"},
                    LookupCase{"GBP", "2025-03-14", "0.82608", "2025-02-28"},
                    LookupCase{"JPY", "2025-03-14", std::nullopt, ""},  // unknown currency
                    LookupCase{"EUR", "1999-01-04", "1", "1999-01-04"},
                    LookupCase{"EUR", "2025-03-14", "1", "2025-03-14"}));

struct ErrorCase {
  std::string text;
  std::string error;
};

class FxTableErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(FxTableErrorTest, NamesFileAndLine) {
  std::string error;
  EXPECT_FALSE(FxTable::Parse(GetParam().text, "fx.csv", &error));
  EXPECT_EQ(error, GetParam().error);
}

constexpr std::string_view kHead = "# source: ECB\n# date: 2025-03-14\ndate,currency,rate\n";

INSTANTIATE_TEST_SUITE_P(
    Refdata, FxTableErrorTest,
    testing::Values(
        ErrorCase{std::string(kHead) + "2025-03-14,USD,1.0889\n2025-03-14,USD,1.09\n",
                  "fx.csv:5: a second rate for USD on 2025-03-14 (the first is on line 4)"},
        // Rows out of date order; the first error in the file is the one reported.
        ErrorCase{std::string(kHead) + "2025-03-14,USD,1.08\n2025-03-13,GBP,0.84\n" +
                      "2025-03-13,USD,1.09\n2025-03-14,GBP,0.85\n2025-03-13,GBP,0.86\n" +
                      "2025-03-14,USD,1.1\n2025-03-15,USD,x\n",
                  "fx.csv:8: a second rate for GBP on 2025-03-13 (the first is on line 5)"},
        ErrorCase{
            std::string(kHead) + "2025-03-14,USD,1.08\n2025-03-15,USD,x\n" + "2025-03-14,USD,1.1\n",
            "fx.csv:5: `x` is not a positive decimal rate"},
        ErrorCase{std::string(kHead) + "2025-02-30,USD,1\n",
                  "fx.csv:4: `2025-02-30` is not a date as YYYY-MM-DD"},
        ErrorCase{std::string(kHead) + "2025-03-14,usd,1\n",
                  "fx.csv:4: `usd` is not a currency code (three capital letters)"},
        ErrorCase{std::string(kHead) + "2025-03-14,EUR,1\n",
                  "fx.csv:4: EUR is the base currency: its rate is always 1"},
        ErrorCase{std::string(kHead) + "2025-03-14,USD,0\n",
                  "fx.csv:4: `0` is not a positive decimal rate"},
        ErrorCase{std::string(kHead) + "2025-03-14,USD,-1.2\n",
                  "fx.csv:4: `-1.2` is not a positive decimal rate"},
        ErrorCase{std::string(kHead) + "2025-03-14,USD,1,0\n",
                  "fx.csv:4: expected 3 fields, found 4"},
        ErrorCase{std::string(kHead) + "2025-03-14,\"USD\",1\n",
                  "fx.csv:4: quoted fields are not supported"},
        ErrorCase{"# source: ECB\n# date: 2025-03-14\ncurrency,date,rate\n",
                  "fx.csv:3: expected the header `date,currency,rate`"},
        ErrorCase{"# source: ECB\n# date: 2025-03-14\n",
                  "fx.csv:2: expected the header "
                  "`date,currency,rate`"},
        ErrorCase{"# date: 2025-03-14\ndate,currency,rate\n",
                  "fx.csv:1: missing the `# source: ...` comment naming where the data comes "
                  "from"},
        ErrorCase{"# source: ECB\ndate,currency,rate\n",
                  "fx.csv:1: missing the `# date: YYYY-MM-DD` comment giving the snapshot date"},
        ErrorCase{"# source: ECB\n# date: March 2025\ndate,currency,rate\n",
                  "fx.csv:2: the `date` comment must be a date as YYYY-MM-DD"}));

TEST(FxTableTest, AcceptsSpacesAndWindowsLineEndings) {
  std::string error;
  const std::optional<FxTable> fx = FxTable::Parse(
      "# source: ECB\r\n# date: 2025-03-14\r\ndate, currency, rate\r\n 2025-03-14 , USD , 1.0889 "
      "\r\n",
      "fx.csv", &error);
  ASSERT_TRUE(fx) << error;
  EXPECT_EQ(fx->EurRate(C("USD"), D("2025-03-14"))->rate.ToString(), "1.0889");
}

TEST(FxTableTest, KnowsItsLatestDate) {
  EXPECT_EQ(Rates().latest_date(), D("2025-03-14"));
  std::string error;
  const std::optional<FxTable> empty = FxTable::Parse(kHead, "fx.csv", &error);
  ASSERT_TRUE(empty) << error;
  EXPECT_FALSE(empty->latest_date());
}

TEST(FxTableTest, ASidecarGivesTheProvenance) {
  const Provenance sidecar{"", "treasury desk", "2026-11-30", "v7"};
  std::string error;
  // The sidecar replaces the file's own comments, which it makes optional.
  for (std::string_view text :
       {std::string_view("date,currency,rate\n2026-11-30,USD,1.1\n"), std::string_view(kRates)}) {
    const std::optional<FxTable> fx = FxTable::Parse(text, "fx.csv", &error, &sidecar);
    ASSERT_TRUE(fx) << error;
    EXPECT_EQ(fx->provenance().name, "fx/ecb-euro-reference-rates.csv");
    EXPECT_EQ(fx->provenance().source, "treasury desk");
    EXPECT_EQ(fx->provenance().date, "2026-11-30");
    EXPECT_EQ(fx->provenance().version, "v7");
  }
}

TEST(LanguageTableTest, ParsesAndLooksUp) {
  std::string error;
  const std::optional<LanguageTable> languages = LanguageTable::Parse(
      "# source: constitutions\n# date: 2026-01-01\ncountry,languages\nBE,nl fr  de\nDE,de\n",
      "languages.csv", &error);
  ASSERT_TRUE(languages) << error;
  ASSERT_NE(languages->Of("BE"), nullptr);
  EXPECT_EQ(*languages->Of("BE"), (std::vector<std::string>{"nl", "fr", "de"}));
  EXPECT_EQ(languages->Of("XX"), nullptr);
  EXPECT_EQ(languages->provenance().name, "languages.csv");
  EXPECT_EQ(languages->provenance().source, "constitutions");
  EXPECT_EQ(languages->provenance().date, "2026-01-01");
}

class LanguageTableErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(LanguageTableErrorTest, NamesFileAndLine) {
  std::string error;
  EXPECT_FALSE(
      LanguageTable::Parse("# source: s\n# date: 2026-01-01\ncountry,languages\n" + GetParam().text,
                           "languages.csv", &error));
  EXPECT_EQ(error, GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Refdata, LanguageTableErrorTest,
    testing::Values(
        ErrorCase{"de,de\n", "languages.csv:4: `de` is not a country code (two capital letters)"},
        ErrorCase{"DE,\n", "languages.csv:4: no language for DE"},
        ErrorCase{"DE,de\nDE,en\n", "languages.csv:5: a second row for DE"},
        ErrorCase{"DE,DE\n",
                  "languages.csv:4: `DE` is not a language subtag (two or three lower-case "
                  "letters)"},
        ErrorCase{"DE,de-AT\n",
                  "languages.csv:4: `de-AT` is not a language subtag (two or three lower-case "
                  "letters)"}));

// A reference directory written for one test, removed afterwards.
class ReferenceDirectory {
 public:
  explicit ReferenceDirectory(std::string_view name)
      : path_(std::filesystem::temp_directory_path() /
              ("tradelint-refdata-" + std::string(name) + "-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_ / "fx");
    std::filesystem::create_directories(path_ / "hs");
  }
  ~ReferenceDirectory() { std::filesystem::remove_all(path_); }
  void Write(const std::string& file, std::string_view text) const {
    std::ofstream(path_ / file) << text;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

constexpr std::string_view kLanguages =
    "# source: s\n# date: 2026-01-01\ncountry,languages\n"
    "DE,de\n";

TEST(ReferenceDataTest, LoadsADirectory) {
  const ReferenceDirectory directory("loads");
  directory.Write("fx/ecb-euro-reference-rates.csv", kRates);
  directory.Write("languages.csv", kLanguages);
  directory.Write("hs/harmonized-system-2022.csv",
                  "# source: s\n# date: 2022-01-01\nsection,hscode,description,parent,level\n"
                  "I,01,Animals; live,TOTAL,2\n");
  std::string error;
  const std::optional<ReferenceData> reference = ReferenceData::Load(directory.path(), &error);
  ASSERT_TRUE(reference) << error;
  EXPECT_EQ(reference->EurRate(C("USD"), D("2025-03-14"))->rate.ToString(), "1.0889");
  EXPECT_EQ(*reference->OfficialLanguages("DE"), std::vector<std::string>{"de"});
  const std::vector<Provenance> provenance = reference->provenance();
  ASSERT_EQ(provenance.size(), 3u);
  EXPECT_EQ(provenance[0].name, "fx/ecb-euro-reference-rates.csv");
  EXPECT_EQ(provenance[0].source, "European Central Bank");
  EXPECT_EQ(provenance[0].date, "2025-03-14");
  EXPECT_EQ(provenance[1].name, "languages.csv");
  EXPECT_EQ(provenance[2].name, "hs/harmonized-system-2022.csv");
}

TEST(ReferenceDataTest, ErrorsNameThePathAndLine) {
  const ReferenceDirectory directory("errors");
  std::string error;
  EXPECT_FALSE(ReferenceData::Load(directory.path(), &error));
  EXPECT_EQ(error, directory.path() + "/fx/ecb-euro-reference-rates.csv: cannot read the file");
  directory.Write("fx/ecb-euro-reference-rates.csv", kRates);
  EXPECT_FALSE(ReferenceData::Load(directory.path(), &error));
  EXPECT_EQ(error, directory.path() + "/languages.csv: cannot read the file");
  directory.Write("languages.csv", std::string(kLanguages) + "FR fr\n");
  EXPECT_FALSE(ReferenceData::Load(directory.path(), &error));
  EXPECT_EQ(error, directory.path() + "/languages.csv:5: expected 2 fields, found 1");
}

// The tables shipped in rulesets/reference load, cover the required countries and hold the
// ECB rates as published.
TEST(ReferenceDataTest, TheShippedTablesLoad) {
  std::string error;
  const std::optional<ReferenceData> reference =
      ReferenceData::Load(std::string(TRADELINT_SOURCE_DIR) + "/rulesets/reference", &error);
  ASSERT_TRUE(reference) << error;
  for (const char* country :
       {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
        "LI", "NO", "GB", "US", "CN", "AU", "CA", "JP", "SA", "AE", "BR", "IN"}) {
    EXPECT_NE(reference->OfficialLanguages(country), nullptr) << country;
  }
  EXPECT_EQ(*reference->OfficialLanguages("BE"), (std::vector<std::string>{"nl", "fr", "de"}));
  EXPECT_EQ(*reference->OfficialLanguages("CA"), (std::vector<std::string>{"en", "fr"}));
  // The markets of the law catalogue's part 2 (KR ... MX).
  for (const char* country : {"KR", "SG", "MY", "TH", "VN", "ID", "PH", "MX"}) {
    EXPECT_NE(reference->OfficialLanguages(country), nullptr) << country;
  }
  EXPECT_EQ(*reference->OfficialLanguages("KR"), (std::vector<std::string>{"ko"}));
  EXPECT_EQ(*reference->OfficialLanguages("PH"), (std::vector<std::string>{"fil", "en"}));
  for (const char* country : {"CL", "TR", "NZ", "CH", "NO", "ZA", "NG", "KE"}) {
    EXPECT_NE(reference->OfficialLanguages(country), nullptr) << country;
  }
  EXPECT_EQ(*reference->OfficialLanguages("KE"), (std::vector<std::string>{"sw", "en"}));
  const std::optional<FxRate> usd = reference->EurRate(C("USD"), D("2025-03-16"));
  ASSERT_TRUE(usd);
  EXPECT_EQ(usd->rate.ToString(), "1.0889");
  EXPECT_EQ(usd->date.ToString(), "2025-03-14");
  // Daily rates: the business day before has its own.
  EXPECT_EQ(reference->EurRate(C("USD"), D("2025-03-13"))->rate.ToString(), "1.083");
  EXPECT_FALSE(reference->EurRate(C("USD"), D("2018-12-31")));  // the table starts in 2019
  ASSERT_TRUE(reference->fx_latest_date());
  EXPECT_EQ(reference->fx_latest_date()->ToString(), "2026-04-13");
  // Every currency the rulesets convert to or from that the ECB publishes, to the last day.
  for (const char* currency :
       {"USD", "GBP", "CAD", "AUD", "JPY", "CNY", "BRL", "INR", "CHF", "KRW",
        "SGD", "MYR", "THB", "IDR", "PHP", "MXN", "TRY", "NZD", "NOK", "ZAR"}) {
    const std::optional<FxRate> rate = reference->EurRate(C(currency), D("2026-04-13"));
    ASSERT_TRUE(rate) << currency;
    EXPECT_EQ(rate->date.ToString(), "2026-04-13") << currency;
  }
  for (const char* currency : {"VND", "CLP", "NGN", "KES"}) {  // the ECB publishes none
    EXPECT_FALSE(reference->EurRate(C(currency), D("2026-04-13"))) << currency;
  }
  for (const Provenance& table : reference->provenance()) {
    EXPECT_FALSE(table.source.empty()) << table.name;
    EXPECT_TRUE(Date::Parse(table.date)) << table.name;
  }
}

}  // namespace
}  // namespace tradelint
