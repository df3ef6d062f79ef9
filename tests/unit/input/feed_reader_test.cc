// Feed readers (record_reader.h, "Feeds"): Merchant Center tab-separated and XML, Shopify CSV,
// JSON-LD bare and in HTML, with the sample feeds of examples/feeds/; every item accounted for.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/input/feed_mapping.h"
#include "engine/input/record_reader.h"
#include "engine/input/supplement.h"
#include "engine/json/json.h"
#include "tests/unit/input/test_support.h"

namespace tradelint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const FeedMapping& Mapping(const std::string& name) {
  static std::map<std::string, FeedMapping>* const mappings = [] {
    auto* loaded = new std::map<std::string, FeedMapping>;
    for (const std::string format : {"gmc", "shopify", "jsonld"}) {
      std::string error;
      std::optional<FeedMapping> mapping =
          FeedMapping::Load(TRADELINT_SOURCE_DIR "/schema/feeds/" + format + ".json", &error);
      if (!mapping) ADD_FAILURE() << error;
      loaded->emplace(format, std::move(*mapping));
    }
    return loaded;
  }();
  return mappings->at(name);
}

std::vector<InputRecord> ReadFeed(const std::string& text, InputFormat format,
                                  const std::string& mapping,
                                  const Supplement* supplement = nullptr) {
  std::istringstream in(text);
  const std::unique_ptr<RecordReader> reader =
      MakeRecordReader(in, format, "feed", input_test::ProjectSchema(), {},
                       FeedInput{&Mapping(mapping), supplement});
  std::vector<InputRecord> records;
  InputRecord record;
  while (reader->Next(record)) records.push_back(std::move(record));
  return records;
}

std::string Example(const std::string& name) {
  std::ifstream in(TRADELINT_SOURCE_DIR "/examples/feeds/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `source id: JSON` or `source code: message`.
std::string Show(const InputRecord& record) {
  if (record.error) return record.source + " " + record.error->code + ": " + record.error->message;
  std::string json;
  AppendJson(json, record.record);
  return record.source + " " + json;
}

std::string Field(const InputRecord& record, const std::vector<std::string>& path) {
  const Value* value = &record.record;
  for (const std::string& step : path) value = &value->Get(step);
  std::string json;
  AppendJson(json, *value);
  return json;
}

TEST(FeedReaderTest, MerchantCenterTabSeparated) {
  const std::vector<InputRecord> records =
      ReadFeed(Example("gmc-products.tsv"), InputFormat::kGmc, "gmc");
  ASSERT_EQ(records.size(), 4u);
  const InputRecord& bear = records[0];
  ASSERT_FALSE(bear.error) << Show(bear);
  EXPECT_EQ(bear.source, "feed:2");
  EXPECT_EQ(bear.id, "PLUSH-BEAR-01");
  EXPECT_EQ(bear.feed, &Mapping("gmc"));
  EXPECT_EQ(Field(bear, {"target_markets"}), R"(["DE","FR"])");
  EXPECT_EQ(Field(bear, {"offer", "price"}), R"({"amount":19.99,"currency":"EUR"})");
  EXPECT_EQ(Field(bear, {"offer", "prior_price"}), R"({"amount":24.99,"currency":"EUR"})");
  EXPECT_EQ(Field(bear, {"offer", "reduction_announced"}), "true");
  EXPECT_EQ(Field(bear, {"product", "age_grade"}), R"({"min_months":60,"max_months":156})");
  EXPECT_EQ(Field(bear, {"product", "brand", "name"}), R"("Mingda")");
  // No shipping: no market (judging makes it no_market).
  EXPECT_FALSE(records[1].error) << Show(records[1]);
  EXPECT_EQ(Field(records[1], {"target_markets"}), "null");
  // A short row: invalid at its line, with its id.
  EXPECT_EQ(Show(records[2]),
            "feed:4 schema_violation: row has 4 tab-separated cells, header has 17");
  EXPECT_EQ(records[2].id, "PLUSH-BEAR-03");
  // A price the data model refuses names the feed attribute.
  ASSERT_TRUE(records[3].error);
  EXPECT_EQ(records[3].source, "feed:5");
  EXPECT_THAT(records[3].error->message, HasSubstr("`offer.price.amount` (from `price`)"));
}

TEST(FeedReaderTest, MerchantCenterHeaderNamesGroupOrder) {
  const std::vector<InputRecord> records = ReadFeed(
      "id\tg:price\tshipping(price:country)\nA\t5.00 USD\t4.00 USD:us\n", InputFormat::kGmc, "gmc");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(
      Show(records[0]),
      R"(feed:2 {"kind":"listing","id":"A","offer":{"price":{"amount":5.00,"currency":"USD"},)"
      R"("delivery_cost":{"amount":4.00,"currency":"USD"}},"target_markets":["US"]})");
}

TEST(FeedReaderTest, MerchantCenterXml) {
  const std::vector<InputRecord> records =
      ReadFeed(Example("gmc-products.xml"), InputFormat::kGmc, "gmc");
  ASSERT_EQ(records.size(), 2u);
  ASSERT_FALSE(records[0].error) << Show(records[0]);
  EXPECT_EQ(records[0].source, "feed:7");
  EXPECT_EQ(Field(records[0], {"target_markets"}), R"(["DE","FR"])");
  EXPECT_EQ(Field(records[0], {"images"}),
            R"([{"url":"https://shop.example/img/plush-bear-01.jpg","role":"main"},)"
            R"({"url":"https://shop.example/img/plush-bear-01-label.jpg","role":"additional"}])");
  EXPECT_EQ(Field(records[0], {"category", "path"}), R"("Toys & Games > Toys > Stuffed Animals")");
  ASSERT_FALSE(records[1].error) << Show(records[1]);
  EXPECT_EQ(Field(records[1], {"product", "energy_label"}),
            R"({"efficiency_class":"E","registration_number":"1234567"})");
  EXPECT_EQ(
      Field(records[1], {"product", "certificates"}),
      R"([{"type":"other","scheme":"eprel","number":"1234567","issuer":{"name":"European_Commission"}}])");
}

TEST(FeedReaderTest, MerchantCenterXmlNotWellFormedMakesItsItemInvalidAndReadsOn) {
  const std::vector<InputRecord> records =
      ReadFeed(Example("gmc-broken.xml"), InputFormat::kGmc, "gmc");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].id, "BLOCKS-120");
  EXPECT_EQ(records[1].id, "PUZZLE-48");
  EXPECT_FALSE(records[1].error) << Show(records[1]);
  ASSERT_TRUE(records[2].error);
  EXPECT_EQ(records[2].source, "feed:39");
  EXPECT_EQ(records[2].id, "BROKEN-3");
  EXPECT_THAT(
      records[2].error->message,
      HasSubstr("the item is not well-formed XML: line 42: Opening and ending tag mismatch"));
  EXPECT_EQ(records[3].id, "AFTER-THE-ERROR-4");
}

TEST(FeedReaderTest, ShopifyGroupsRowsByHandleAndKeepsBadRowsInOrder) {
  const std::vector<InputRecord> records =
      ReadFeed(Example("shopify-products.csv"), InputFormat::kShopify, "shopify");
  ASSERT_EQ(records.size(), 4u);
  const InputRecord& bear = records[0];
  ASSERT_FALSE(bear.error) << Show(bear);
  EXPECT_EQ(bear.source, "feed:2");
  EXPECT_EQ(bear.id, "singing-plush-bear");
  EXPECT_EQ(Field(bear, {"product", "identifiers"}),
            R"({"sku":"MD-PB-01-BR","gtin":"6923456789012"})");
  EXPECT_EQ(Field(bear, {"offer", "price"}), R"({"amount":19.99})");
  EXPECT_EQ(Field(bear, {"images"}).find("plush-bear-label.jpg") != std::string::npos, true);
  EXPECT_EQ(records[1].id, "wooden-blocks-120");
  EXPECT_EQ(records[1].source, "feed:5");
  EXPECT_EQ(Show(records[2]), "feed:6 schema_violation: row has 10 cells, header has 32");
  EXPECT_EQ(Show(records[3]), "feed:7 schema_violation: the row has no `Handle`");
}

TEST(FeedReaderTest, ShopifyOlderHeaderNames) {
  const std::vector<InputRecord> records =
      ReadFeed(Example("shopify-products-older.csv"), InputFormat::kShopify, "shopify");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_FALSE(records[0].error) << Show(records[0]);
  EXPECT_EQ(Field(records[0], {"category", "path"}), R"("Home & Garden > Lighting > Lamps")");
  EXPECT_EQ(Field(records[0], {"product", "product_type"}), R"("Lamp")");
}

TEST(FeedReaderTest, JsonLdInHtmlFindsProductsInScriptsOnly) {
  const std::vector<InputRecord> records =
      ReadFeed(Example("jsonld-product-page.html"), InputFormat::kJsonLd, "jsonld");
  ASSERT_EQ(records.size(), 2u);
  const InputRecord& bear = records[0];
  ASSERT_FALSE(bear.error) << Show(bear);
  EXPECT_EQ(bear.id, "PLUSH-BEAR-01");
  EXPECT_EQ(bear.source, "feed:13");
  EXPECT_EQ(Field(bear, {"target_markets"}), R"(["DE","AT"])");
  EXPECT_EQ(Field(bear, {"offer", "condition"}), R"("new")");
  EXPECT_EQ(Field(bear, {"product", "manufacturer", "postal_address", "country"}), R"("CN")");
  EXPECT_EQ(Field(bear, {"offer", "returns", "period_days"}), "30");
  EXPECT_EQ(records[1].source, "feed:74");
  EXPECT_THAT(records[1].error->message, HasSubstr("line 75, column 113"));
  EXPECT_EQ(records[1].error->code, "malformed_json");
}

TEST(FeedReaderTest, BareJsonLdAndTheSupplement) {
  std::string error;
  const std::string path = ::testing::TempDir() + "/supplement.jsonl";
  std::ofstream(path)
      << R"({"id": "NO-MARKET-2", "target_markets": ["FR"], "offer": {"price": {"currency": "USD"}}})"
      << "\n";
  const std::optional<Supplement> supplement = Supplement::Load(path, &error);
  ASSERT_TRUE(supplement) << error;
  const std::vector<InputRecord> records =
      ReadFeed(Example("jsonld-products.json"), InputFormat::kJsonLd, "jsonld", &*supplement);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(Field(records[0], {"target_markets"}), R"(["DE"])");
  EXPECT_EQ(Field(records[1], {"target_markets"}), R"(["FR"])");
  EXPECT_EQ(Field(records[1], {"offer", "price"}), R"({"amount":5.00,"currency":"USD"})");
}

TEST(FeedReaderTest, SupplementErrorsNameTheLine) {
  const std::string path = ::testing::TempDir() + "/bad-supplement.jsonl";
  std::ofstream(path) << "{\"id\": \"A\"}\n\n[1]\n";
  std::string error;
  EXPECT_FALSE(Supplement::Load(path, &error));
  EXPECT_THAT(error, HasSubstr("line 3: not a JSON object"));
}

}  // namespace
}  // namespace tradelint
