// The feed mapping engine (engine/input/feed_mapping.h): attribute paths, alternatives,
// conversions, lists, groups, constants, and the attributes named for a field path.

#include "engine/input/feed_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "engine/json/json.h"

namespace tradelint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

FeedMapping MappingOf(const std::string& fields) {
  std::string error;
  std::optional<FeedMapping> mapping = FeedMapping::Parse(
      R"({"format": "test", "kind": "listing", "fields": )" + fields + "}", "test.json", &error);
  EXPECT_TRUE(mapping) << error;
  return mapping ? std::move(*mapping) : FeedMapping();
}

Value Item(const std::string& json) { return std::get<Value>(ParseJson(json)); }

// `path=text<-attribute` for each mapped field.
std::vector<std::string> Fields(const FeedMapping& mapping, const std::string& item) {
  std::vector<std::string> shown;
  for (const MappedField& field : mapping.Map(Item(item))) {
    shown.push_back(field.path + "=" + field.text + "<-" + field.attribute);
  }
  return shown;
}

TEST(FeedMappingTest, ScalarsAlternativesAndNestedAttributes) {
  const FeedMapping mapping = MappingOf(R"([
    {"from": "id", "to": "id"},
    {"from": ["brand.name", "brand"], "to": "product.brand.name"},
    {"from": "offers.price", "to": "offer.price.amount"}])");
  EXPECT_THAT(Fields(mapping, R"({"id": "A1", "brand": {"name": "Acme"},
                                  "offers": [{"price": 19.90}, {"price": 5}]})"),
              ElementsAre("id=A1<-id", "product.brand.name=Acme<-brand.name",
                          "offer.price.amount=19.90<-offers.price"));
  // The second alternative when the first has no value; a JSON-LD @value counts as the value.
  EXPECT_THAT(Fields(mapping, R"({"id": {"@value": "B2"}, "brand": "Plain"})"),
              ElementsAre("id=B2<-id", "product.brand.name=Plain<-brand"));
  // Empty strings, objects and missing attributes give nothing.
  EXPECT_THAT(Fields(mapping, R"({"id": "  ", "brand": {"logo": "x"}})"), IsEmpty());
}

TEST(FeedMappingTest, ListsMoneyAndConversions) {
  const FeedMapping mapping = MappingOf(R"([
    {"from": "shipping.country", "to": "target_markets[]", "convert": "upper"},
    {"from": "image_link", "to": "images[].url", "with": {"role": "main"}},
    {"from": "extra_image", "to": "images[].url", "with": {"role": "additional"}},
    {"from": "price", "to": "offer.price", "convert": "money"},
    {"from": "cond", "to": "offer.condition", "convert": ["local_name", "lower"],
     "values": {"newcondition": "new"}},
    {"from": "tags", "to": "bullet_points[]", "convert": "split"}])");
  EXPECT_THAT(
      Fields(mapping, R"({"shipping": [{"country": "de"}, {"country": "FR"}, {"country": "DE"}],
                          "image_link": "a.jpg", "extra_image": ["b.jpg", "c.jpg"],
                          "price": "15.00 eur", "cond": "https://schema.org/NewCondition",
                          "tags": "soft, singing,"})"),
      ElementsAre("target_markets[0]=DE<-shipping.country",
                  "target_markets[1]=FR<-shipping.country", "images[0].url=a.jpg<-image_link",
                  "images[0].role=main<-image_link", "images[1].url=b.jpg<-extra_image",
                  "images[1].role=additional<-extra_image", "images[2].url=c.jpg<-extra_image",
                  "images[2].role=additional<-extra_image", "offer.price.amount=15.00<-price",
                  "offer.price.currency=EUR<-price", "offer.condition=new<-cond",
                  "bullet_points[0]=soft<-tags", "bullet_points[1]=singing<-tags"));
  // Money that does not read as `amount currency` goes to `amount` whole, for the schema to
  // name; a value the table does not name is written as read.
  EXPECT_THAT(Fields(mapping, R"({"price": "twenty euros", "cond": "Mint"})"),
              ElementsAre("offer.price.amount=twenty euros<-price", "offer.condition=mint<-cond"));
}

TEST(FeedMappingTest, ConstantsConditionsAndFirstWriterWins) {
  const FeedMapping mapping = MappingOf(R"([
    {"from": ["sale_price", "price"], "to": "offer.price", "convert": "money"},
    {"from": "price", "to": "offer.prior_price", "convert": "money", "when": "sale_price"},
    {"from": "sale_price", "to": "offer.reduction_announced", "value": "true"},
    {"from": "price", "to": "offer.price.amount"}])");
  EXPECT_THAT(
      Fields(mapping, R"({"price": "20 EUR", "sale_price": "15 EUR"})"),
      ElementsAre("offer.price.amount=15<-sale_price", "offer.price.currency=EUR<-sale_price",
                  "offer.prior_price.amount=20<-price", "offer.prior_price.currency=EUR<-price",
                  "offer.reduction_announced=true<-sale_price"));
  EXPECT_THAT(Fields(mapping, R"({"price": "20 EUR"})"),
              ElementsAre("offer.price.amount=20<-price", "offer.price.currency=EUR<-price"));
}

TEST(FeedMappingTest, GroupsWithWhereIntoListElementsOrTheRoot) {
  const FeedMapping mapping = MappingOf(R"([
    {"each": "certification", "where": {"certification_name": "eprel"},
     "fields": [{"from": "certification_code", "to": "product.energy_label.registration_number"}]},
    {"each": "certification", "to": "product.certificates[]", "with": {"type": "other"},
     "fields": [{"from": "certification_name", "to": "scheme", "convert": "lower"},
                {"from": "certification_code", "to": "number"}]}])");
  EXPECT_THAT(
      Fields(mapping, R"({"certification": [
          {"certification_name": "EPREL", "certification_code": "123"},
          {"certification_name": "Other"}]})"),
      ElementsAre("product.energy_label.registration_number=123<-certification.certification_code",
                  "product.certificates[0].type=other<-certification",
                  "product.certificates[0].scheme=eprel<-certification.certification_name",
                  "product.certificates[0].number=123<-certification.certification_code",
                  "product.certificates[1].type=other<-certification",
                  "product.certificates[1].scheme=other<-certification.certification_name"));
}

TEST(FeedMappingTest, AttributesForAFieldPath) {
  const FeedMapping mapping = MappingOf(R"([
    {"from": "brand", "to": "product.brand.name"},
    {"from": ["sale_price", "price"], "to": "offer.price", "convert": "money"},
    {"from": "shipping.country", "to": "target_markets[]"},
    {"each": "certification", "to": "product.certificates[]",
     "fields": [{"from": "certification_code", "to": "number"}]}])");
  EXPECT_THAT(mapping.AttributesFor("product.brand"), ElementsAre("brand"));
  EXPECT_THAT(mapping.AttributesFor("product.brand.name"), ElementsAre("brand"));
  EXPECT_THAT(mapping.AttributesFor("offer.price.amount"), ElementsAre("sale_price", "price"));
  EXPECT_THAT(mapping.AttributesFor("target_markets[1]"), ElementsAre("shipping.country"));
  EXPECT_THAT(mapping.AttributesFor("product.certificates[0].number"),
              ElementsAre("certification.certification_code"));
  EXPECT_THAT(mapping.AttributesFor("product.manufacturer.postal_address"), IsEmpty());
  EXPECT_THAT(mapping.AttributesFor("product.brands"), IsEmpty());
}

TEST(FeedMappingTest, BadMappingFilesAreErrors) {
  const auto error_of = [](const std::string& text) {
    std::string error;
    EXPECT_FALSE(FeedMapping::Parse(text, "bad.json", &error));
    return error;
  };
  EXPECT_THAT(error_of("[]"), HasSubstr("must be a JSON object"));
  EXPECT_THAT(error_of(R"({"fields": []})"), HasSubstr("needs `format`"));
  EXPECT_THAT(error_of(R"({"format": "x", "fields": [{"from": "a"}]})"), HasSubstr("needs `to`"));
  EXPECT_THAT(error_of(R"({"format": "x", "fields": [{"from": "a", "to": "b", "convert": "x"}]})"),
              HasSubstr("unknown conversion `x`"));
  EXPECT_THAT(error_of(R"({"format": "x", "fields": [{"from": "a", "to": "b[].c[]"}]})"),
              HasSubstr("only once"));
  EXPECT_THAT(error_of(R"({"format": "x", "colour": 1})"), HasSubstr("unknown member `colour`"));
}

// The bundled mapping files load.
TEST(FeedMappingTest, BundledMappingsLoad) {
  for (const std::string name : {"gmc", "shopify", "jsonld"}) {
    std::string error;
    const std::optional<FeedMapping> mapping =
        FeedMapping::Load(TRADELINT_SOURCE_DIR "/schema/feeds/" + name + ".json", &error);
    ASSERT_TRUE(mapping) << error;
    EXPECT_EQ(mapping->format(), name);
    EXPECT_THAT(mapping->AttributesFor("id"), ::testing::Not(IsEmpty()));
  }
}

}  // namespace
}  // namespace tradelint
