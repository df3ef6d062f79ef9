#include "engine/schema/schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "engine/json/json.h"

namespace tradelint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kSchemaDir = TRADELINT_SOURCE_DIR "/schema";

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Value Parse(std::string_view text) {
  JsonResult result = ParseJson(text);
  if (const JsonError* error = std::get_if<JsonError>(&result)) {
    ADD_FAILURE() << "invalid JSON at " << error->byte_offset << ": " << error->message;
    return Value();
  }
  return std::get<Value>(result);
}

std::string Describe(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const SchemaViolation& v : violations) {
    out += v.path + ": " + v.message + (v.suggestion.empty() ? "" : " [" + v.suggestion + "]");
    out += "\n";
  }
  return out;
}

class SchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    std::optional<Schema> loaded = Schema::Load(kSchemaDir, &error);
    ASSERT_TRUE(loaded.has_value()) << error;
    schema_ = new Schema(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete schema_;
    schema_ = nullptr;
  }

  static const SchemaNode* Resolve(RecordKind kind, std::vector<std::string> segments) {
    return schema_->Resolve(kind, segments);
  }
  static FieldType TypeAt(RecordKind kind, std::vector<std::string> segments) {
    const SchemaNode* node = Resolve(kind, std::move(segments));
    EXPECT_NE(node, nullptr);
    return node == nullptr ? FieldType::kAny : node->type;
  }
  static std::vector<SchemaViolation> Check(RecordKind kind, std::string_view json) {
    return schema_->Validate(kind, Parse(json));
  }
  // The violations of a listing with the given members after kind and id.
  static std::vector<SchemaViolation> CheckListing(std::string_view members) {
    return Check(RecordKind::kListing,
                 R"({"kind": "listing", "id": "LST-1", )" + std::string(members) + "}");
  }

  static Schema* schema_;
};

Schema* SchemaTest::schema_ = nullptr;

// --- Names -------------------------------------------------------------------------------

TEST(RecordKindTest, Names) {
  EXPECT_EQ(RecordKindFromName("listing"), RecordKind::kListing);
  EXPECT_EQ(RecordKindFromName("transaction"), RecordKind::kTransaction);
  EXPECT_EQ(RecordKindFromName("seller"), RecordKind::kSeller);
  EXPECT_EQ(RecordKindFromName("Listing"), std::nullopt);
  EXPECT_EQ(RecordKindName(RecordKind::kTransaction), "transaction");
  EXPECT_EQ(FieldTypeName(FieldType::kPartialDate), "partial_date");
  EXPECT_EQ(FieldTypeName(FieldType::kMoney), "money");
}

// --- Loading and resolution --------------------------------------------------------------

TEST_F(SchemaTest, RootsAreObjects) {
  for (RecordKind kind : {RecordKind::kListing, RecordKind::kTransaction, RecordKind::kSeller}) {
    EXPECT_EQ(schema_->Root(kind).type, FieldType::kObject);
    EXPECT_EQ(Resolve(kind, {}), &schema_->Root(kind));
    EXPECT_EQ(schema_->Root(kind).Property("kind")->const_value, RecordKindName(kind));
  }
}

TEST_F(SchemaTest, ClassifiesFieldsByDefinition) {
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"offer", "price"}), FieldType::kMoney);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"offer", "price", "amount"}), FieldType::kNumber);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"offer", "price", "currency"}), FieldType::kCurrency);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"product", "manufacturer", "postal_address", "country"}),
            FieldType::kCountry);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"target_markets"}), FieldType::kList);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"target_markets", "[]"}), FieldType::kMarket);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"language"}), FieldType::kLanguage);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"title"}), FieldType::kString);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"published_at"}), FieldType::kDateTime);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"offer", "offer_valid_until"}), FieldType::kDate);
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"product", "production", "date"}),
            FieldType::kPartialDate);
  EXPECT_EQ(TypeAt(RecordKind::kTransaction, {"created_at"}), FieldType::kDateTime);
  EXPECT_EQ(TypeAt(RecordKind::kTransaction, {"lines", "[]", "unit_price"}), FieldType::kMoney);
  EXPECT_EQ(TypeAt(RecordKind::kTransaction, {"lines", "[*]", "unit_price", "amount"}),
            FieldType::kNumber);
  EXPECT_EQ(TypeAt(RecordKind::kTransaction, {"shipment", "ship_to"}), FieldType::kCountry);
  EXPECT_EQ(TypeAt(RecordKind::kSeller, {"establishment_country"}), FieldType::kCountry);
}

TEST_F(SchemaTest, IntegersAndBounds) {
  const SchemaNode* months = Resolve(RecordKind::kListing, {"product", "age_grade", "min_months"});
  ASSERT_NE(months, nullptr);
  EXPECT_EQ(months->type, FieldType::kNumber);
  EXPECT_TRUE(months->integer);
  EXPECT_EQ(months->minimum, Decimal(0));
  EXPECT_EQ(months->type_name, "");
}

TEST_F(SchemaTest, RefsAcrossFilesAndEmbedding) {
  // listing.seller is seller.schema.json#/$defs/seller; lines[].product is the listing's.
  EXPECT_EQ(TypeAt(RecordKind::kListing, {"seller", "postal_address", "country"}),
            FieldType::kCountry);
  EXPECT_EQ(TypeAt(RecordKind::kTransaction,
                   {"lines", "[]", "product", "batteries", "[]", "energy_watt_hours"}),
            FieldType::kNumber);
  // The seller record root is a $ref to the same definition plus its own kind/id.
  EXPECT_NE(Resolve(RecordKind::kSeller, {"postal_address"}), nullptr);
  EXPECT_EQ(Resolve(RecordKind::kSeller, {"postal_address"})->type_name, "postal_address");
}

TEST_F(SchemaTest, AllOfMergesTheBaseProperties) {
  // consignment_value: allOf money + basis.
  const SchemaNode* value = Resolve(RecordKind::kTransaction, {"shipment", "consignment_value"});
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->type, FieldType::kMoney);
  EXPECT_THAT(FieldNames(*value), ElementsAre("amount", "basis", "currency"));
  // tax_registration: allOf registration + its own properties.
  const SchemaNode* registration =
      Resolve(RecordKind::kSeller, {"tax_registrations", "[]", "market"});
  ASSERT_NE(registration, nullptr);
  EXPECT_EQ(registration->type, FieldType::kMarket);
  EXPECT_NE(Resolve(RecordKind::kSeller, {"tax_registrations", "[]", "number"}), nullptr);
}

TEST_F(SchemaTest, MarketKeepsItsAlternatives) {
  const SchemaNode* market = Resolve(RecordKind::kListing, {"target_markets", "[]"});
  ASSERT_NE(market, nullptr);
  EXPECT_EQ(market->type_name, "market");
  ASSERT_EQ(market->any_of.size(), 3u);
  EXPECT_EQ(market->any_of[0]->type, FieldType::kCountry);
  EXPECT_EQ(market->any_of[1]->type, FieldType::kMarket);  // subdivision_code
  EXPECT_TRUE(market->any_of[1]->compiled_pattern != nullptr);
  EXPECT_EQ(market->any_of[2]->type_name, "market_group");
}

TEST_F(SchemaTest, UnknownPathsResolveToNull) {
  EXPECT_EQ(Resolve(RecordKind::kListing, {"product", "manufactrer"}), nullptr);
  EXPECT_EQ(Resolve(RecordKind::kListing, {"x_globalmart_asin"}), nullptr);
  EXPECT_EQ(Resolve(RecordKind::kListing, {"title", "[]"}), nullptr);  // not a list
  EXPECT_EQ(Resolve(RecordKind::kListing, {"target_markets", "x"}), nullptr);
  const SchemaNode* product = Resolve(RecordKind::kListing, {"product"});
  ASSERT_NE(product, nullptr);
  EXPECT_EQ(Schema::Resolve(*product, {"manufacturer", "name"})->type, FieldType::kString);
  const std::vector<std::string> names = FieldNames(*product);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_NE(std::find(names.begin(), names.end(), "manufacturer"), names.end());
  EXPECT_THAT(FieldNames(*Resolve(RecordKind::kListing, {"title"})), IsEmpty());
}

TEST_F(SchemaTest, PropertyDescriptionsAreTheFieldsOwn) {
  const SchemaNode* price = Resolve(RecordKind::kListing, {"offer", "price"});
  ASSERT_NE(price, nullptr);
  EXPECT_EQ(price->type_name, "money");
  EXPECT_FALSE(price->description.empty());
  EXPECT_THAT(FieldNames(*price), ElementsAre("amount", "currency"));
}

// --- Validation --------------------------------------------------------------------------

TEST_F(SchemaTest, EveryExampleIsValid) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSchemaDir + "/examples")) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    Value record = Parse(ReadText(entry.path()));
    std::optional<RecordKind> kind = RecordKindFromName(record.Get("kind").as_string());
    ASSERT_TRUE(kind.has_value());
    std::vector<SchemaViolation> violations = schema_->Validate(*kind, record);
    EXPECT_THAT(violations, IsEmpty()) << Describe(violations);
    ++checked;
  }
  EXPECT_EQ(checked, 15);
}

TEST_F(SchemaTest, EveryJsonlExampleIsValid) {
  std::istringstream lines(ReadText(kSchemaDir + "/examples/all.jsonl"));
  int checked = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    Value record = Parse(line);
    std::vector<SchemaViolation> violations =
        schema_->Validate(*RecordKindFromName(record.Get("kind").as_string()), record);
    EXPECT_THAT(violations, IsEmpty()) << Describe(violations);
    ++checked;
  }
  EXPECT_EQ(checked, 15);
}

TEST_F(SchemaTest, TypeMismatch) {
  auto violations = CheckListing(R"("offer": {"price": {"amount": "abc", "currency": "EUR"}})");
  ASSERT_EQ(violations.size(), 1u) << Describe(violations);
  EXPECT_EQ(violations[0].path, "offer.price.amount");
  EXPECT_EQ(violations[0].message, "expected a number, found string `\"abc\"`");
  EXPECT_EQ(violations[0].suggestion, "");

  violations = CheckListing(R"("target_markets": "DE", "offer": {"price": 5})");
  EXPECT_EQ(Describe(violations),
            "target_markets: expected a list, found string `\"DE\"`\n"
            "offer.price: expected a money object (`amount` and `currency`), found number `5`\n");
}

TEST_F(SchemaTest, MarketsWithSuggestions) {
  auto violations = CheckListing(R"("target_markets": ["DE", "UK", "EL", "de", "us-ca", "XX"])");
  EXPECT_EQ(Describe(violations),
            "target_markets[1]: `UK` is not a market: a country code (like `DE`), a subdivision "
            "code (like `US-CA`) or a market group (`EU`, `EEA` or `GCC`) [GB]\n"
            "target_markets[2]: `EL` is not a market: a country code (like `DE`), a subdivision "
            "code (like `US-CA`) or a market group (`EU`, `EEA` or `GCC`) [GR]\n"
            "target_markets[3]: `de` is not a market: a country code (like `DE`), a subdivision "
            "code (like `US-CA`) or a market group (`EU`, `EEA` or `GCC`) [DE]\n"
            "target_markets[4]: `us-ca` is not a market: a country code (like `DE`), a "
            "subdivision code (like `US-CA`) or a market group (`EU`, `EEA` or `GCC`) [US-CA]\n"
            "target_markets[5]: `XX` is not a market: a country code (like `DE`), a subdivision "
            "code (like `US-CA`) or a market group (`EU`, `EEA` or `GCC`)\n");
  EXPECT_THAT(CheckListing(R"("target_markets": ["US-CA", "GB-NIR", "EU", "EEA", "AX"])"),
              IsEmpty());
}

TEST_F(SchemaTest, CountryCodes) {
  auto violations =
      CheckListing(R"("product": {"manufacturer": {"postal_address": {"country": "UK"}}})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path, "product.manufacturer.postal_address.country");
  EXPECT_EQ(violations[0].message, "`UK` is not an ISO 3166-1 country code (like `DE`)");
  EXPECT_EQ(violations[0].suggestion, "GB");
  violations =
      Check(RecordKind::kSeller, R"({"kind": "seller", "id": "S", "establishment_country": "cn"})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].suggestion, "CN");
}

TEST_F(SchemaTest, Dates) {
  auto violations = CheckListing(R"("offer": {"offer_valid_until": "2025-02-30"})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path, "offer.offer_valid_until");
  EXPECT_EQ(violations[0].message, "`2025-02-30` is not a valid calendar date");

  violations = CheckListing(R"("offer": {"offer_valid_until": "2025/02/03"})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message, "`2025/02/03` is not a date in the form YYYY-MM-DD");

  violations = Check(RecordKind::kTransaction,
                     R"({"kind": "transaction", "id": "T", "created_at": "2025-10-14 09:30"})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path, "created_at");
  EXPECT_THAT(violations[0].message, HasSubstr("is not a date-time with a UTC offset"));

  EXPECT_THAT(CheckListing(R"("published_at": "2026-03-10T18:05:12.5+01:00",
                              "offer": {"offer_valid_until": "2024-02-29"},
                              "product": {"production": {"date": "2025-03"}})"),
              IsEmpty());
}

TEST_F(SchemaTest, EnumTypoGetsTheClosestValue) {
  auto violations = CheckListing(R"("status": "actve")");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path, "status");
  EXPECT_EQ(violations[0].message,
            "`actve` is not one of `draft`, `active`, `inactive` or `removed`");
  EXPECT_EQ(violations[0].suggestion, "active");

  violations = CheckListing(R"("status": "Draft")");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].suggestion, "draft");

  violations = CheckListing(R"("status": "gone")");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].suggestion, "");

  violations = CheckListing(R"("offer": {"price": {"amount": 5, "currency": "RMB"}})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message, "`RMB` is not an ISO 4217 currency code (like `EUR`)");
}

TEST_F(SchemaTest, ConstNumbersAndPatterns) {
  auto violations = Check(RecordKind::kListing, R"({"kind": "seller", "id": "X"})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path, "kind");
  EXPECT_EQ(violations[0].message, "expected `listing`, found `seller`");

  violations = CheckListing(R"("product": {"age_grade": {"min_months": -1, "max_months": 1.5}})");
  EXPECT_EQ(Describe(violations),
            "product.age_grade.min_months: `-1` is less than the minimum 0\n"
            "product.age_grade.max_months: expected a whole number, found `1.5`\n");

  violations = CheckListing(R"("seller": {"phone": "030 1234567", "email": "nobody"})");
  EXPECT_EQ(Describe(violations),
            "seller.phone: `030 1234567` is not a phone number in E.164 form (like "
            "`+493012345678`)\n"
            "seller.email: `nobody` is not an e-mail address\n");

  violations = CheckListing(R"("url": "ftp://example.com/x")");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message, "`ftp://example.com/x` is not an absolute http(s) URL");
}

TEST_F(SchemaTest, NullIsAViolation) {
  auto violations = CheckListing(R"("title": null, "target_markets": ["DE", null])");
  EXPECT_EQ(Describe(violations),
            "title: null is not allowed; leave the field out\n"
            "target_markets[1]: null is not allowed; leave the field out\n");
}

TEST_F(SchemaTest, ExtensionAndUnknownFieldsAreAllowed) {
  EXPECT_THAT(CheckListing(R"("x_globalmart_asin": 5, "unknown": {"deep": null},
                              "offer": {"x_flag": [1, "two"],
                                        "price": {"amount": 1, "currency": "EUR", "note": 3}})"),
              IsEmpty());
}

TEST_F(SchemaTest, RequiredIsNotEnforced) {
  EXPECT_THAT(Check(RecordKind::kTransaction, "{}"), IsEmpty());
  EXPECT_THAT(CheckListing(R"("offer": {"price": {"amount": 1}})"), IsEmpty());
}

TEST_F(SchemaTest, ViolationsAreCapped) {
  std::string markets = R"("target_markets": [)";
  for (int i = 0; i < 30; ++i) markets += std::string(i == 0 ? "" : ", ") + "\"UK\"";
  markets += "]";
  auto violations = CheckListing(markets + R"(, "title": 5)");
  ASSERT_EQ(violations.size(), Schema::kMaxViolations);
  EXPECT_EQ(violations.back().path, "target_markets[19]");
}

// --- Load errors -------------------------------------------------------------------------

// Each test starts from four minimal schema files and breaks one of them.
class SchemaLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tradelint_schema_test_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
    Write("listing.schema.json", R"({"type": "object", "properties": {
        "price": {"$ref": "common.schema.json#/$defs/money"}}})");
    Write("transaction.schema.json", R"({"type": "object"})");
    Write("seller.schema.json", R"({"type": "object"})");
    Write("payment.schema.json", R"({"type": "object"})");
    Write("waybill.schema.json", R"({"type": "object"})");
    Write("common.schema.json", R"({"$defs": {"money": {"type": "object"},
                                         "currency_code": {"type": "string", "enum": ["EUR"]}}})");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& file, const std::string& text) {
    std::ofstream(dir_ / file, std::ios::binary) << text;
  }
  std::string LoadError() {
    std::string error;
    EXPECT_FALSE(Schema::Load(dir_.string(), &error).has_value());
    return error;
  }

  std::filesystem::path dir_;
};

TEST_F(SchemaLoadTest, MinimalFilesLoad) {
  std::string error;
  std::optional<Schema> schema = Schema::Load(dir_.string(), &error);
  ASSERT_TRUE(schema.has_value()) << error;
  EXPECT_EQ(schema->Resolve(RecordKind::kListing, {"price"})->type, FieldType::kMoney);
}

// --- Data-model extensions (docs/extending.md) -------------------------------------------

TEST_F(SchemaLoadTest, ExtensionAddsFieldsWhereverTheObjectIsUsed) {
  Write("seller.schema.json", R"({"type": "object", "$ref": "#/$defs/seller",
      "$defs": {"seller": {"type": "object", "properties": {"name": {"type": "string"}}}}})");
  Write("listing.schema.json", R"({"type": "object", "properties": {
      "seller": {"$ref": "seller.schema.json#/$defs/seller"}}})");
  Write("extension.json", R"({"extend": {"seller.schema.json#/$defs/seller": {"properties": {
      "kr_number": {"description": "a number", "type": "string", "pattern": "^[0-9]+$"},
      "fee": {"description": "a fee", "$ref": "common.schema.json#/$defs/money"}}}}})");
  std::string error;
  std::optional<Schema> schema =
      Schema::Load(dir_.string(), &error, {(dir_ / "extension.json").string()});
  ASSERT_TRUE(schema.has_value()) << error;
  EXPECT_EQ(schema->Resolve(RecordKind::kSeller, {"kr_number"})->type, FieldType::kString);
  EXPECT_EQ(schema->Resolve(RecordKind::kListing, {"seller", "kr_number"})->type,
            FieldType::kString);
  EXPECT_EQ(schema->Resolve(RecordKind::kListing, {"seller", "fee"})->type, FieldType::kMoney);
  EXPECT_NE(schema->Resolve(RecordKind::kListing, {"seller", "name"}), nullptr);
  const std::vector<SchemaViolation> violations = schema->Validate(
      RecordKind::kListing, Parse(R"({"seller": {"kr_number": "12a", "name": "N"}})"));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path, "seller.kr_number");
}

TEST_F(SchemaLoadTest, ExtensionErrorsNameTheFile) {
  const std::string extension = (dir_ / "extension.json").string();
  const auto error_of = [&](const std::string& text) {
    Write("extension.json", text);
    std::string error;
    EXPECT_FALSE(Schema::Load(dir_.string(), &error, {extension}).has_value());
    return error;
  };
  EXPECT_THAT(error_of(R"({"fields": {}})"), HasSubstr(extension + ": expected {\"extend\""));
  EXPECT_THAT(error_of(R"({"extend": {"nowhere.json#/x": {"properties": {}}}})"),
              HasSubstr("`nowhere.json#/x` does not name an object of the data model"));
  EXPECT_THAT(error_of(R"({"extend": {"listing.schema.json#": {"properties": {
          "price": {"description": "again", "type": "string"}}}}})"),
              HasSubstr("`price` is already a field of `listing.schema.json#`"));
  EXPECT_THAT(error_of(R"({"extend": {"listing.schema.json#": {"properties": {
          "code": {"type": "string"}}}}})"),
              HasSubstr("`code` has no `description`"));
  EXPECT_THAT(error_of(R"({"extend": {"listing.schema.json#": {"properties": {
          "code": {"description": "c", "type": "string", "pattern": "("}}}}})"),
              HasSubstr("invalid pattern"));
}

TEST_F(SchemaLoadTest, MissingDirectory) {
  std::string error;
  EXPECT_FALSE(Schema::Load("/nonexistent/tradelint", &error).has_value());
  EXPECT_THAT(error, HasSubstr("listing.schema.json"));
}

TEST_F(SchemaLoadTest, InvalidJsonNamesTheFile) {
  Write("common.schema.json", R"({"$defs": {)");
  EXPECT_THAT(LoadError(), HasSubstr("common.schema.json: invalid JSON at byte 11"));
}

TEST_F(SchemaLoadTest, RecursiveRefsAreRejected) {
  Write("common.schema.json", R"({"$defs": {
      "money": {"type": "object", "properties": {"inner": {"$ref": "#/$defs/wrapper"}}},
      "wrapper": {"type": "object", "properties": {"money": {"$ref": "#/$defs/money"}}}}})");
  EXPECT_THAT(LoadError(), HasSubstr("recursive `$ref` to `common.schema.json#/$defs/money`"));
}

TEST_F(SchemaLoadTest, InvalidPattern) {
  Write("seller.schema.json",
        R"({"type": "object", "properties": {"a": {"type": "string", "pattern": "(unclosed"}}})");
  EXPECT_THAT(LoadError(), HasSubstr("seller.schema.json#/properties/a/pattern: invalid pattern"));
}

TEST_F(SchemaLoadTest, DanglingRef) {
  Write("seller.schema.json", R"({"properties": {"a": {"$ref": "common.schema.json#/$defs/x"}}})");
  EXPECT_THAT(LoadError(), HasSubstr("`$ref` `common.schema.json#/$defs/x` points to nothing"));
  Write("seller.schema.json", R"({"properties": {"a": {"$ref": "other.schema.json#/$defs/x"}}})");
  EXPECT_THAT(LoadError(), HasSubstr("`$ref` to unknown file `other.schema.json`"));
}

TEST_F(SchemaLoadTest, UnsupportedKeywordValues) {
  Write("transaction.schema.json", R"({"type": ["string", "null"]})");
  EXPECT_THAT(LoadError(), HasSubstr("transaction.schema.json#/type: `type` must be one of"));
  Write("transaction.schema.json", R"({"enum": [1, 2]})");
  EXPECT_THAT(LoadError(), HasSubstr("only string `enum` values are supported"));
}

// --- Unknown fields ----------------------------------------------------------------------

TEST_F(SchemaTest, UnknownFieldsAreListedApartWithADidYouMeanButExtensionsAreNot) {
  std::vector<SchemaViolation> unknown;
  const std::vector<SchemaViolation> violations =
      schema_->Validate(RecordKind::kListing,
                        Parse(R"({"kind": "listing", "id": "L-1", "titel": "Blocks", "x_batch": 7,
                "product": {"brnad": {"name": "Acme"}, "x_internal": {"anything": 1}}})"),
                        &unknown);
  EXPECT_TRUE(violations.empty()) << Describe(violations);
  ASSERT_EQ(unknown.size(), 2u) << Describe(unknown);
  EXPECT_EQ(unknown[0].path, "titel");
  EXPECT_EQ(unknown[0].suggestion, "title");
  EXPECT_EQ(unknown[1].path, "product.brnad");
  EXPECT_EQ(unknown[1].suggestion, "product.brand");
}

}  // namespace
}  // namespace tradelint
