#include "engine/refdata/lookup_table.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace tradelint {
namespace {

bool IsMarket(std::string_view code) {
  return code == "DE" || code == "FR" || code == "US-CA" || code == "EU";
}

std::optional<LookupTable> Parse(std::string_view text, std::string* error) {
  return LookupTable::Parse(text, "ages.csv", "reference/ages.csv", IsMarket, error);
}

constexpr std::string_view kAges = R"(# child-consent ages for the tests
# source: national laws
# date: 2026-11-01
country:market,age:number,from:date,cap:money,national:bool,provision
DE,16,2018-05-25,EUR 150,false,GDPR Art. 8(1)
FR,15,2018-06-22,,true,Loi 78-17 Art. 45
US-CA,13,,,,
)";

TEST(LookupTableTest, ReadsTypedCellsByKeyAndColumn) {
  std::string error;
  std::optional<LookupTable> table = Parse(kAges, &error);
  ASSERT_TRUE(table) << error;
  EXPECT_EQ(table->provenance().name, "reference/ages.csv");
  EXPECT_EQ(table->provenance().source, "national laws");
  EXPECT_EQ(table->provenance().date, "2026-11-01");
  ASSERT_EQ(table->columns().size(), 6u);
  EXPECT_EQ(table->columns()[1].type, ColumnType::kNumber);
  EXPECT_EQ(table->columns()[5].type, ColumnType::kString);

  const std::size_t age = *table->ColumnIndex("age");
  EXPECT_EQ(table->Find("FR", age)->as_number(), Decimal(15));
  EXPECT_EQ(table->Find("DE", *table->ColumnIndex("from"))->as_date(), *Date::Parse("2018-05-25"));
  const Money cap = table->Find("DE", *table->ColumnIndex("cap"))->as_money();
  EXPECT_EQ(cap.currency.code(), "EUR");
  EXPECT_EQ(cap.amount, Decimal(150));
  EXPECT_TRUE(table->Find("FR", *table->ColumnIndex("national"))->as_bool());
  EXPECT_TRUE(table->Find("FR", *table->ColumnIndex("cap"))->is_missing())
      << "an empty cell is absent";
  EXPECT_EQ(table->Find("IT", age), nullptr) << "no row";
  EXPECT_FALSE(table->ColumnIndex("agee"));
}

TEST(LookupTableTest, IsTheSetOfItsKeysInFileOrder) {
  std::string error;
  std::optional<LookupTable> table = Parse(kAges, &error);
  ASSERT_TRUE(table) << error;
  ASSERT_TRUE(table->keys().is_list());
  const ValueList& keys = table->keys().as_list();
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0].as_string(), "DE");
  EXPECT_EQ(keys[2].as_string(), "US-CA");
}

TEST(LookupTableTest, AOneColumnTableIsASet) {
  std::string error;
  std::optional<LookupTable> table =
      Parse("# source: s\n# date: 2026-01-01\nterm\nfake\nreplica\n", &error);
  ASSERT_TRUE(table) << error;
  EXPECT_EQ(table->keys().as_list().size(), 2u);
  EXPECT_NE(table->Find("replica", 0), nullptr);
}

struct BadTable {
  std::string name;
  std::string text;
  std::string error;
};

class LookupTableErrorTest : public testing::TestWithParam<BadTable> {};

TEST_P(LookupTableErrorTest, NamesTheLineAndTheProblem) {
  std::string error;
  EXPECT_FALSE(Parse(GetParam().text, &error));
  EXPECT_EQ(error, GetParam().error);
}

constexpr char kHead[] = "# source: s\n# date: 2026-01-01\n";

INSTANTIATE_TEST_SUITE_P(
    Errors, LookupTableErrorTest,
    testing::Values(
        BadTable{"NotANumber", std::string(kHead) + "k,n:number\nDE,16\nFR,fifteen\n",
                 "ages.csv:5: `fifteen` in column `n` is not a number such as `16` or `0.5`"},
        BadTable{
            "NotAMarket", std::string(kHead) + "k:market\nDE\nXX\n",
            "ages.csv:5: `XX` in column `k` is not a market code such as `DE`, `US-CA` or `EU`"},
        BadTable{"NotMoney", std::string(kHead) + "k,m:money\nDE,150 EUR\n",
                 "ages.csv:4: `150 EUR` in column `m` is not money such as `EUR 150`"},
        BadTable{"NotADate", std::string(kHead) + "k,d:date\nDE,2025-02-30\n",
                 "ages.csv:4: `2025-02-30` in column `d` is not a date as YYYY-MM-DD"},
        BadTable{"NotABool", std::string(kHead) + "k,b:bool\nDE,yes\n",
                 "ages.csv:4: `yes` in column `b` is not `true` or `false`"},
        BadTable{"UnknownType", std::string(kHead) + "k,n:integer\nDE,1\n",
                 "ages.csv:3: column `n` has the unknown type `integer`; the types are `string`, "
                 "`number`, `date`, `money`, `market`, `bool`"},
        BadTable{"DuplicateColumn", std::string(kHead) + "k,n,n\nDE,1,2\n",
                 "ages.csv:3: column `n` appears twice"},
        BadTable{"NumericKey", std::string(kHead) + "n:number,k\n1,DE\n",
                 "ages.csv:3: the first column is the key and must be a `string` or a `market`"},
        BadTable{"DuplicateKey", std::string(kHead) + "k,n\nDE,1\nDE,2\n",
                 "ages.csv:5: the key `DE` appears twice"},
        BadTable{"EmptyKey", std::string(kHead) + "k,n\n,1\n",
                 "ages.csv:4: the key (first column) is empty"},
        BadTable{"FieldCount", std::string(kHead) + "k,n\nDE,1,2\n",
                 "ages.csv:4: expected 2 fields, found 3"},
        BadTable{"NoHeader", std::string(kHead),
                 "ages.csv:2: expected a header line naming the columns"},
        BadTable{
            "NoSource", "# date: 2026-01-01\nk\nDE\n",
            "ages.csv:1: missing the `# source: ...` comment naming where the data comes from"},
        BadTable{"NoDate", "# source: s\nk\nDE\n",
                 "ages.csv:1: missing the `# date: YYYY-MM-DD` comment giving the snapshot date"}),
    [](const testing::TestParamInfo<BadTable>& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace tradelint
