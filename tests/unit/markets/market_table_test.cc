#include "engine/markets/market_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {
namespace {

constexpr const char* kMarketsPath = TRADELINT_SOURCE_DIR "/rulesets/reference/markets.json";

const MarketTable& Table() {
  static const MarketTable table = [] {
    std::string error;
    std::optional<MarketTable> loaded = MarketTable::Load(kMarketsPath, &error);
    if (!loaded) {
      ADD_FAILURE() << error;
      loaded = MarketTable::Parse(
          R"({"name": "empty", "source": "none", "date": "2026-11-01", "countries": [],
              "groups": {}})",
          &error);
    }
    return *loaded;
  }();
  return table;
}

Date D(std::string_view text) { return *Date::Parse(text); }

const Date kToday = D("2026-11-01");

using Form = MarketTable::Form;

struct ClassifyCase {
  std::string_view code;
  std::optional<Form> form;
};

class ClassifyTest : public testing::TestWithParam<ClassifyCase> {};

TEST_P(ClassifyTest, KnowsCountriesSubdivisionsAndGroups) {
  const ClassifyCase& c = GetParam();
  EXPECT_EQ(Table().Classify(c.code), c.form) << c.code;
  EXPECT_EQ(Table().IsValidMarket(c.code), c.form.has_value()) << c.code;
  EXPECT_EQ(Table().IsCountry(c.code), c.form == Form::kCountry) << c.code;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClassifyTest,
    testing::Values(ClassifyCase{"DE", Form::kCountry}, ClassifyCase{"GB", Form::kCountry},
                    ClassifyCase{"ZW", Form::kCountry}, ClassifyCase{"US-CA", Form::kSubdivision},
                    ClassifyCase{"GB-NIR", Form::kSubdivision},
                    ClassifyCase{"UA-43", Form::kSubdivision},
                    ClassifyCase{"ES-CN", Form::kSubdivision}, ClassifyCase{"EU", Form::kGroup},
                    ClassifyCase{"EEA", Form::kGroup}, ClassifyCase{"GCC", Form::kGroup},
                    ClassifyCase{"GLOBAL", std::nullopt}, ClassifyCase{"UK", std::nullopt},
                    ClassifyCase{"EL", std::nullopt}, ClassifyCase{"de", std::nullopt},
                    ClassifyCase{"us-ca", std::nullopt}, ClassifyCase{"XX-CA", std::nullopt},
                    ClassifyCase{"US-CALI", std::nullopt}, ClassifyCase{"US-", std::nullopt},
                    ClassifyCase{"US_CA", std::nullopt}, ClassifyCase{"DEU", std::nullopt},
                    ClassifyCase{"", std::nullopt}));

struct ContainsCase {
  std::string_view outer;
  std::string_view inner;
  std::string_view date;
  bool contains;
};

class ContainsTest : public testing::TestWithParam<ContainsCase> {};

TEST_P(ContainsTest, IsDatedAndReflexive) {
  const ContainsCase& c = GetParam();
  EXPECT_EQ(Table().Contains(c.outer, c.inner, D(c.date)), c.contains)
      << c.inner << " in " << c.outer << " on " << c.date;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ContainsTest,
    testing::Values(
        ContainsCase{"DE", "DE", "2026-11-01", true}, ContainsCase{"EU", "EU", "2026-11-01", true},
        ContainsCase{"US-CA", "US-CA", "2026-11-01", true},
        ContainsCase{"EU", "DE", "2026-11-01", true}, ContainsCase{"DE", "EU", "2026-11-01", false},
        ContainsCase{"US", "US-CA", "2026-11-01", true},
        ContainsCase{"US-CA", "US", "2026-11-01", false},
        ContainsCase{"US-CA", "US-NY", "2026-11-01", false},
        ContainsCase{"GB", "GB-NIR", "2026-11-01", true},
        ContainsCase{"EU", "DE-BY", "2026-11-01", true},
        ContainsCase{"EU", "US-CA", "2026-11-01", false},
        ContainsCase{"EEA", "DE", "2026-11-01", true},
        ContainsCase{"EEA", "NO", "2026-11-01", true},
        ContainsCase{"EU", "NO", "2026-11-01", false},
        ContainsCase{"EEA", "EU", "2026-11-01", true},
        ContainsCase{"EU", "EEA", "2026-11-01", false},
        ContainsCase{"GCC", "AE", "2026-11-01", true},
        ContainsCase{"EU", "GCC", "2026-11-01", false},
        // The United Kingdom's membership ended on 2020-01-31.
        ContainsCase{"EU", "GB", "2019-06-01", true}, ContainsCase{"EU", "GB", "2020-01-31", true},
        ContainsCase{"EU", "GB", "2020-02-01", false},
        ContainsCase{"EEA", "GB", "2020-02-01", false},
        ContainsCase{"EU", "GB-NIR", "2019-06-01", true},
        ContainsCase{"EU", "HR", "2013-06-30", false}, ContainsCase{"EU", "HR", "2013-07-01", true},
        ContainsCase{"EU", "AT", "1994-12-31", false},
        ContainsCase{"EEA", "AT", "1994-06-01", true},
        // New EU members joined the EEA later: the EU was not inside the EEA meanwhile.
        ContainsCase{"EEA", "EU", "2007-03-01", false},
        ContainsCase{"EEA", "EU", "2013-08-01", false},
        ContainsCase{"EEA", "EU", "2014-04-12", true},
        // A group without members on the date lies inside nothing but itself.
        ContainsCase{"EU", "GCC", "1980-01-01", false},
        ContainsCase{"GCC", "GCC", "1980-01-01", true},
        ContainsCase{"XX", "XX", "2026-11-01", false},
        ContainsCase{"EU", "XX", "2026-11-01", false},
        ContainsCase{"GLOBAL", "DE", "2026-11-01", false}));

struct SelectsCase {
  std::string_view market;
  std::string_view jurisdiction;
  std::string_view date;
  bool selects;
};

class SelectsTest : public testing::TestWithParam<SelectsCase> {};

TEST_P(SelectsTest, SelectsWhenEitherContainsTheOther) {
  const SelectsCase& c = GetParam();
  EXPECT_EQ(Table().Selects(c.market, c.jurisdiction, D(c.date)), c.selects)
      << c.market << " selects " << c.jurisdiction << " on " << c.date;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SelectsTest,
    testing::Values(
        SelectsCase{"DE", "DE", "2026-11-01", true}, SelectsCase{"DE", "EU", "2026-11-01", true},
        SelectsCase{"DE", "EEA", "2026-11-01", true}, SelectsCase{"DE", "US", "2026-11-01", false},
        SelectsCase{"DE", "FR", "2026-11-01", false},
        SelectsCase{"DE-BY", "EU", "2026-11-01", true},
        SelectsCase{"DE-BY", "DE", "2026-11-01", true}, SelectsCase{"US", "US", "2026-11-01", true},
        SelectsCase{"US", "US-CA", "2026-11-01", true},
        SelectsCase{"US-CA", "US", "2026-11-01", true},
        SelectsCase{"US-CA", "US-NY", "2026-11-01", false},
        SelectsCase{"US-CA", "EU", "2026-11-01", false},
        SelectsCase{"EU", "EU", "2026-11-01", true}, SelectsCase{"EU", "DE", "2026-11-01", true},
        SelectsCase{"EU", "EEA", "2026-11-01", true}, SelectsCase{"EU", "US", "2026-11-01", false},
        SelectsCase{"NO", "EEA", "2026-11-01", true}, SelectsCase{"NO", "EU", "2026-11-01", false},
        SelectsCase{"GB", "EU", "2019-06-01", true}, SelectsCase{"GB", "EU", "2020-02-01", false},
        SelectsCase{"GB", "GB", "2020-02-01", true},
        SelectsCase{"DE", "GLOBAL", "2026-11-01", true},
        SelectsCase{"US-CA", "GLOBAL", "2026-11-01", true},
        SelectsCase{"EU", "GLOBAL", "2026-11-01", true},
        SelectsCase{"GB", "GLOBAL", "2020-02-01", true},
        SelectsCase{"XX", "GLOBAL", "2026-11-01", false},
        SelectsCase{"GLOBAL", "DE", "2026-11-01", false},
        SelectsCase{"DE", "XX", "2026-11-01", false}));

// Norway is judged by the GDPR through the EEA Agreement from the day EEA Joint Committee Decision
// No 154/2018 took effect, and never by the EU's VAT rules; Switzerland by neither.
TEST(MarketTableTest, ExtensionsBringARulesetToAMarketFromItsDate) {
  const MarketTable& table = Table();
  EXPECT_FALSE(table.SelectsRuleset("NO", "EU", "eu.gdpr", D("2018-07-19")));
  EXPECT_TRUE(table.SelectsRuleset("NO", "EU", "eu.gdpr", D("2018-07-20")));
  EXPECT_TRUE(table.SelectsRuleset("NO", "EU", "eu.gdpr", kToday));
  EXPECT_FALSE(table.SelectsRuleset("NO", "EU", "eu.vat_ioss", kToday));
  EXPECT_FALSE(table.SelectsRuleset("NO", "EU", "eu.gpsr", kToday));
  EXPECT_FALSE(table.SelectsRuleset("CH", "EU", "eu.gdpr", kToday));
  // Markets the jurisdiction selects are unaffected.
  EXPECT_TRUE(table.SelectsRuleset("EEA", "EU", "eu.gdpr", kToday));
  EXPECT_TRUE(table.SelectsRuleset("DE", "EU", "eu.vat_ioss", kToday));
  EXPECT_TRUE(table.SelectsRuleset("NO", "NO", "no.voec", kToday));
  ASSERT_FALSE(table.extensions().empty());
  EXPECT_THAT(table.extensions().front().refs, testing::Contains("NO-GDPR-TRANSFER"));
}

TEST(MarketTableTest, ExtensionsEndOnTheirLastDay) {
  std::string error;
  const std::optional<MarketTable> table = MarketTable::Parse(
      R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["CH", "DE"],
          "groups": {"EU": {"members": [{"country": "DE", "from": "1958-01-01"}]}},
          "extensions": [{"ruleset": "eu.x", "market": "CH", "from": "2020-01-01",
                          "until": "2020-12-31", "agreement": "bilateral", "instrument": "i"}]})",
      &error);
  ASSERT_TRUE(table.has_value()) << error;
  EXPECT_TRUE(table->SelectsRuleset("CH", "EU", "eu.x", D("2020-12-31")));
  EXPECT_FALSE(table->SelectsRuleset("CH", "EU", "eu.x", D("2021-01-01")));
  EXPECT_TRUE(table->extensions().front().refs.empty());
}

struct SuggestCase {
  std::string_view code;
  std::string_view suggestion;
};

class SuggestTest : public testing::TestWithParam<SuggestCase> {};

TEST_P(SuggestTest, OffersTheLikelyCode) {
  const SuggestCase& c = GetParam();
  EXPECT_EQ(Table().Suggest(c.code), c.suggestion) << c.code;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SuggestTest,
    testing::Values(SuggestCase{"UK", "GB"}, SuggestCase{"EL", "GR"}, SuggestCase{"uk", "GB"},
                    SuggestCase{"de", "DE"}, SuggestCase{"eu", "EU"}, SuggestCase{"us-ca", "US-CA"},
                    SuggestCase{"UK-NIR", "GB-NIR"}, SuggestCase{"ED", "DE"},
                    SuggestCase{"EUR", "EU"}, SuggestCase{"EEC", "EEA"}, SuggestCase{"DE", ""},
                    SuggestCase{"US-CA", ""}, SuggestCase{"GERMANY", ""}, SuggestCase{"GLOBAL", ""},
                    SuggestCase{"12", ""}, SuggestCase{"US-CALI", ""}, SuggestCase{"XX", ""}));

TEST(MarketTableTest, MembersAreDated) {
  EXPECT_EQ(Table().Members("EU", kToday).size(), 27u);
  EXPECT_THAT(Table().Members("EU", kToday), testing::Not(testing::Contains("GB")));
  EXPECT_EQ(Table().Members("EU", D("2019-06-01")).size(), 28u);
  EXPECT_THAT(Table().Members("EU", D("2019-06-01")), testing::Contains("GB"));
  EXPECT_EQ(Table().Members("EU", D("1958-01-01")),
            (std::vector<std::string>{"BE", "DE", "FR", "IT", "LU", "NL"}));
  EXPECT_EQ(Table().Members("EEA", kToday).size(), 30u);
  EXPECT_THAT(Table().Members("EEA", kToday), testing::IsSupersetOf({"IS", "LI", "NO", "HR"}));
  EXPECT_EQ(Table().Members("GCC", kToday),
            (std::vector<std::string>{"AE", "BH", "KW", "OM", "QA", "SA"}));
  EXPECT_TRUE(Table().Members("GCC", D("1981-05-24")).empty());
  EXPECT_TRUE(Table().Members("DE", kToday).empty());
  EXPECT_EQ(Table().GroupNames(), (std::vector<std::string>{"EEA", "EU", "GCC"}));
}

TEST(MarketTableTest, ListsEveryIsoCountry) {
  // Spot checks across the alphabet, including territories.
  for (const std::string_view code :
       {"AD", "AQ", "AX", "BQ", "CW", "HK", "MO", "PS", "SS", "SX", "TW", "UM", "XK"}) {
    EXPECT_EQ(Table().IsCountry(code), code != "XK") << code;  // XK is not ISO 3166-1
  }
}

TEST(MarketTableTest, Provenance) {
  EXPECT_EQ(Table().provenance().name, "markets");
  EXPECT_EQ(Table().provenance().date, "2026-12-05");
  EXPECT_THAT(Table().provenance().source, testing::HasSubstr("EEA Agreement"));
}

struct InvalidTableCase {
  std::string_view name;
  std::string json;
  std::string_view error;  // substring of the message
};
// Names the case in test output.
void PrintTo(const InvalidTableCase& c, std::ostream* os) { *os << c.name; }

class InvalidTableTest : public testing::TestWithParam<InvalidTableCase> {};

TEST_P(InvalidTableTest, IsRejectedWithAMessage) {
  const InvalidTableCase& c = GetParam();
  std::string error;
  EXPECT_FALSE(MarketTable::Parse(c.json, &error).has_value()) << c.name;
  EXPECT_THAT(error, testing::HasSubstr(c.error)) << c.name;
}

// A valid document with `groups` replaced.
std::string WithGroups(std::string_view groups) {
  return R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["DE", "FR"],
             "groups": )" +
         std::string(groups) + "}";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, InvalidTableTest,
    testing::Values(
        InvalidTableCase{"not JSON", "{", "invalid JSON at byte"},
        InvalidTableCase{"not an object", "[]", "must be a JSON object"},
        InvalidTableCase{"no source", R"({"name": "t", "date": "2026-11-01"})",
                         "`source` must be a string"},
        InvalidTableCase{"bad date",
                         R"({"name": "t", "source": "s", "date": "2026-13-01", "countries": []})",
                         "`date` must be a date"},
        InvalidTableCase{"unknown top-level key",
                         R"({"name": "t", "source": "s", "date": "2026-11-01", "extra": 1})",
                         "unknown key `extra`"},
        InvalidTableCase{
            "lower-case country",
            R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["de"]})",
            "countries[0]"},
        InvalidTableCase{
            "duplicate country",
            R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["DE", "DE"]})",
            "listed twice"},
        InvalidTableCase{"misspelt until", WithGroups(R"({"EU": {"members": [
                             {"country": "DE", "from": "1958-01-01", "untill": "2020-01-31"}]}})"),
                         "groups.EU.members[0]: unknown key `untill`"},
        InvalidTableCase{"until before from", WithGroups(R"({"EU": {"members": [
                             {"country": "DE", "from": "1958-01-01", "until": "1957-01-01"}]}})"),
                         "`until` is before `from`"},
        InvalidTableCase{
            "member not a country",
            WithGroups(R"({"EU": {"members": [{"country": "IT", "from": "1958-01-01"}]}})"),
            "`IT` is not in `countries`"},
        InvalidTableCase{"group named like a country", WithGroups(R"({"DE": {"members": []}})"),
                         "groups.DE"},
        InvalidTableCase{"group named GLOBAL", WithGroups(R"({"GLOBAL": {"members": []}})"),
                         "groups.GLOBAL"},
        InvalidTableCase{"members not a list", WithGroups(R"({"EU": {"members": {}}})"),
                         "`members` must be a list"},
        InvalidTableCase{
            "extension to an unknown country",
            R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["DE"], "groups": {},
                "extensions": [{"ruleset": "eu.x", "market": "NO", "from": "2018-07-20",
                                "agreement": "EEA", "instrument": "i"}]})",
            "extensions[0]: `NO` is not in `countries`"},
        InvalidTableCase{
            "extension without a date",
            R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["NO"], "groups": {},
                "extensions": [{"ruleset": "eu.x", "market": "NO", "agreement": "EEA",
                                "instrument": "i"}]})",
            "extensions[0]: `from` must be a date"},
        InvalidTableCase{
            "extension refs not strings",
            R"({"name": "t", "source": "s", "date": "2026-11-01", "countries": ["NO"], "groups": {},
                "extensions": [{"ruleset": "eu.x", "market": "NO", "from": "2018-07-20",
                                "agreement": "EEA", "instrument": "i", "refs": [1]}]})",
            "`refs` must be a list of strings"}),
    [](const testing::TestParamInfo<InvalidTableCase>& param_info) {
      std::string name(param_info.param.name);
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(MarketTableTest, LoadNamesThePathInErrors) {
  std::string error;
  EXPECT_FALSE(MarketTable::Load("/nonexistent/markets.json", &error).has_value());
  EXPECT_THAT(error, testing::StartsWith("/nonexistent/markets.json: "));
}

TEST(MarketTableTest, ParsesAMinimalTable) {
  std::string error;
  const std::optional<MarketTable> table =
      MarketTable::Parse(WithGroups(R"({"EU": {"name": "European Union", "note": "n", "members": [
          {"country": "DE", "from": "1958-01-01"},
          {"country": "FR", "from": "1958-01-01", "until": "1999-12-31"},
          {"country": "FR", "from": "2010-01-01"}]}})"),
                         &error);
  ASSERT_TRUE(table.has_value()) << error;
  // A country may leave and rejoin: every period counts.
  EXPECT_TRUE(table->Contains("EU", "FR", D("1999-12-31")));
  EXPECT_FALSE(table->Contains("EU", "FR", D("2005-01-01")));
  EXPECT_TRUE(table->Contains("EU", "FR", D("2010-01-01")));
  EXPECT_EQ(table->Members("EU", D("2020-01-01")), (std::vector<std::string>{"DE", "FR"}));
}

}  // namespace
}  // namespace tradelint
