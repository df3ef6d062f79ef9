// Group rules over a stream of records (engine/api/group_windows.h, docs/language.md "Group
// rules"): which records form a group, when its window closes, what the rule sees of it, and
// that memory holds the open groups only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/group_windows.h"
#include "engine/api/record_projection.h"
#include "engine/json/canonical_json.h"
#include "engine/json/json.h"
#include "tests/unit/api/inline_rules.h"

namespace tradelint {
namespace {

using testing::ElementsAre;
using testing::IsEmpty;

constexpr char kRuleset[] = R"(
ruleset groups.test {
  title        "Group rules under test"
  jurisdiction CN
  instrument   "Test rules: no version, a draft not held to `ref`"
}

group rule paid "an order has a payment" {
  link       transaction by id
  link       payment by order_id
  within     30 days
  domain     customs_tax
  severity   error
  cite       "test"
  when       count(transaction) >= 1
  require    count(payment) >= 1
  message    "{count(payment)} payments for {link}"
}

group rule same_day "a buyer's orders of one day stay under 100" {
  link       transaction by [buyer.id, date(created_at)]
  within     0 days
  domain     customs_tax
  severity   warning
  cite       "test"
  require    sum(convert(transaction[*].totals.total, CNY)) <= CNY 100
  message    "too much in one day"
}

group rule waybill_seen "a waybill, passed whole to a function" {
  link       waybill by order_id
  within     30 days
  domain     customs_tax
  severity   info
  cite       "test"
  when       count(distinct(waybill)) >= 1
  require    present(link)
  message    "a waybill for {link}"
}
)";

class GroupWindowsTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics diagnostics;
    rules_ = new InlineRules("groups", {{"groups.trl", kRuleset}}, diagnostics);
    engine_ = rules_->engine();
    ASSERT_NE(engine_, nullptr) << diagnostics.RenderAll();
  }

  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
    engine_ = nullptr;
  }

  // Adds a record given as JSON text; returns the groups it closed.
  std::vector<GroupResult> Add(const std::string& json) {
    const Value record = std::get<Value>(ParseJson(json));
    const RecordKind kind = *RecordKindFromName(record.Get("kind").as_string());
    const Date date = engine_->DefaultAsOf(record, kind, *Date::Parse("2026-01-01"));
    std::vector<GroupResult> closed;
    windows_.Add(std::make_shared<const GroupMember>(
                     GroupMember{kind, record.Get("id").as_string(), "test"}),
                 date, windows_.Links(record, kind, date), closed);
    return closed;
  }

  static std::string Order(const std::string& id, const std::string& day,
                           const std::string& total = "50") {
    return R"({"kind": "transaction", "id": ")" + id + R"(", "created_at": ")" + day +
           R"(T10:00:00Z", "buyer": {"id": "B-1"}, "totals": {"total": {"amount": )" + total +
           R"(, "currency": "CNY"}}})";
  }
  static std::string Payment(const std::string& id, const std::string& order,
                             const std::string& day) {
    return R"({"kind": "payment", "id": ")" + id + R"(", "order_id": ")" + order +
           R"(", "created_at": ")" + day + R"(T10:00:00Z"})";
  }

  static const CheckedRule& Rule(const std::string& id) {
    for (const CheckedRule* rule : engine_->program().group_rules()) {
      if (rule->id == id) return *rule;
    }
    ADD_FAILURE() << "no group rule " << id;
    return *engine_->program().group_rules().front();
  }

  static std::vector<std::string> Ids(const GroupResult& group) {
    std::vector<std::string> ids;
    for (const GroupMember& member : group.members) ids.push_back(member.id);
    return ids;
  }

  static inline InlineRules* rules_ = nullptr;
  static inline const Engine* engine_ = nullptr;
  GroupWindows windows_{*engine_, "en", std::nullopt};
};

TEST_F(GroupWindowsTest, APaymentOnTheLastDayOfTheWindowJoinsTheGroup) {
  EXPECT_THAT(Add(Order("O-1", "2026-03-01")), IsEmpty());
  EXPECT_THAT(Add(Payment("P-1", "O-1", "2026-03-31")), IsEmpty());  // 30 days after
  std::vector<GroupResult> closed;
  windows_.CloseAll(closed);
  EXPECT_THAT(closed, IsEmpty());   // paid: no finding
  EXPECT_EQ(windows_.judged(), 2);  // paid and same_day
  EXPECT_EQ(windows_.fired(), 0);
}

TEST_F(GroupWindowsTest, APaymentTheDayAfterTheWindowClosesItAndOpensAnother) {
  Add(Order("O-2", "2026-03-01"));
  const std::vector<GroupResult> closed = Add(Payment("P-2", "O-2", "2026-04-01"));
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].finding.rule->id, "groups.test.paid");
  EXPECT_THAT(Ids(closed[0]), ElementsAre("O-2"));
  EXPECT_EQ(closed[0].key, "\"O-2\"");
  EXPECT_EQ(closed[0].market, "CN");
  EXPECT_EQ(closed[0].as_of.ToString(), "2026-03-01");
  EXPECT_EQ(closed[0].finding.message, "0 payments for O-2");
  EXPECT_EQ(windows_.open_groups(), 1u);  // the payment's own group (no order: not applicable)
}

TEST_F(GroupWindowsTest, ARecordOfALaterDayClosesTheGroupsItsDatePassed) {
  Add(Order("O-3", "2026-03-01", "60"));
  Add(Order("O-4", "2026-03-01", "60"));  // same buyer, same day: 120 together
  const std::vector<GroupResult> closed = Add(Order("O-5", "2026-03-02"));
  ASSERT_EQ(closed.size(), 1u);  // same_day; `paid` of O-3 and O-4 waits for its 30 days
  EXPECT_EQ(closed[0].finding.rule->id, "groups.test.same_day");
  EXPECT_THAT(Ids(closed[0]), ElementsAre("O-3", "O-4"));
  EXPECT_EQ(closed[0].key, "[\"B-1\",\"2026-03-01\"]");
}

TEST_F(GroupWindowsTest, RulesLinkingByOneKeyOpenAndCloseTheirGroupsApart) {
  // `paid` and `waybill_seen` both link by the order's id: their groups of O-6 open on
  // different days and close on their own.
  Add(Order("O-6", "2026-03-01"));
  Add(R"({"kind": "waybill", "id": "W-6", "order_id": "O-6",
          "created_at": "2026-03-10T10:00:00Z"})");
  EXPECT_EQ(windows_.open_groups(), 2u);  // same_day closed on 03-10
  const std::vector<GroupResult> closed = Add(Payment("P-6", "O-6", "2026-04-01"));
  ASSERT_EQ(closed.size(), 1u);  // paid, opened on 03-01: no payment within 30 days
  EXPECT_EQ(closed[0].finding.rule->id, "groups.test.paid");
  EXPECT_THAT(Ids(closed[0]), ElementsAre("O-6"));
  EXPECT_EQ(windows_.open_groups(), 2u);  // waybill_seen until 04-09, paid of the payment
  std::vector<GroupResult> rest;
  windows_.CloseAll(rest);
  EXPECT_THAT(rest, IsEmpty());     // a waybill was seen; a payment alone is no order
  EXPECT_EQ(windows_.judged(), 4);  // paid twice, same_day, waybill_seen
  EXPECT_EQ(windows_.open_groups(), 0u);
}

// Closing the open groups a few at a time gives the groups CloseAll gives, in its order.
TEST_F(GroupWindowsTest, ClosingInPortionsClosesAsClosingAllAtOnce) {
  GroupWindows all_at_once(*engine_, "en", std::nullopt);
  std::vector<GroupResult> ignored;
  for (const std::string& json :
       {Order("O-10", "2026-03-01", "60"), Order("O-11", "2026-03-01", "60"),
        Order("O-12", "2026-03-02", "200"), Order("O-13", "2026-03-03"),
        Payment("P-13", "O-13", "2026-03-04")}) {
    const Value record = std::get<Value>(ParseJson(json));
    const RecordKind kind = record.Get("kind").as_string() == "payment" ? RecordKind::kPayment
                                                                        : RecordKind::kTransaction;
    const Date date = *Date::Parse(record.Get("created_at").as_string().substr(0, 10));
    const auto member = std::make_shared<const GroupMember>(
        GroupMember{kind, record.Get("id").as_string(), "test"});
    windows_.Add(member, date, windows_.Links(record, kind, date), ignored);
    all_at_once.Add(member, date, all_at_once.Links(record, kind, date), ignored);
  }
  std::vector<GroupResult> expected;
  all_at_once.CloseAll(expected);
  std::vector<std::string> portions;
  while (windows_.open_groups() > 0) {
    std::vector<GroupResult> portion;
    windows_.CloseFirst(2, portion);
    for (const GroupResult& group : portion)
      portions.push_back(group.key + " " + group.finding.rule->id);
  }
  std::vector<std::string> at_once;
  for (const GroupResult& group : expected)
    at_once.push_back(group.key + " " + group.finding.rule->id);
  EXPECT_EQ(portions, at_once);
  EXPECT_FALSE(at_once.empty());
  EXPECT_EQ(windows_.judged(), all_at_once.judged());
}

// The groups whose windows end on one date close in the order they opened, after those whose
// windows end earlier, whatever their keys.
TEST_F(GroupWindowsTest, GroupsCloseByTheEndOfTheirWindowThenInTheOrderTheyOpened) {
  for (const char* id : {"O-30", "O-3", "O-300", "O-31"}) Add(Order(id, "2026-03-02", "60"));
  Add(Order("O-29", "2026-03-01", "120"));  // out of time order: its groups end a day earlier
  std::vector<GroupResult> closed;
  windows_.CloseAll(closed);
  std::vector<std::string> order;
  for (const GroupResult& group : closed) order.push_back(group.key);
  EXPECT_THAT(order, ElementsAre(R"(["B-1","2026-03-01"])", R"(["B-1","2026-03-02"])", R"("O-29")",
                                 R"("O-30")", R"("O-3")", R"("O-300")", R"("O-31")"));
}

// Groups that look alike to their rule (GroupOutcomeMemo) conclude alike, each with its own
// members; a rule that reads the key (`paid` names it in its message) sees each group's own.
TEST_F(GroupWindowsTest, GroupsThatLookAlikeConcludeAlikeWithTheirOwnMembersAndKeys) {
  std::vector<GroupResult> closed;
  for (const char* day : {"2026-03-01", "2026-03-02", "2026-03-03"}) {
    for (const char* buyer : {"A-", "B-"}) {
      for (GroupResult& group : Add(Order(buyer + std::string(day), day, "60")))
        closed.push_back(std::move(group));
    }
  }
  windows_.CloseAll(closed);
  std::vector<std::string> same_day, paid;
  for (const GroupResult& group : closed) {
    const std::string members =
        Ids(group)[0] + (group.members.size() > 1 ? "+" + Ids(group)[1] : "");
    if (group.finding.rule->id == "groups.test.same_day") {
      EXPECT_EQ(group.finding.message, "too much in one day");
      EXPECT_EQ(group.finding.paths, (std::vector<std::string>{"transaction[0].totals.total",
                                                               "transaction[1].totals.total"}));
      same_day.push_back(group.as_of.ToString() + " " + members);
    } else {
      paid.push_back(group.finding.message + " " + members);
    }
  }
  EXPECT_THAT(same_day, ElementsAre("2026-03-01 A-2026-03-01+B-2026-03-01",
                                    "2026-03-02 A-2026-03-02+B-2026-03-02",
                                    "2026-03-03 A-2026-03-03+B-2026-03-03"));
  EXPECT_THAT(paid, ElementsAre("0 payments for A-2026-03-01 A-2026-03-01",
                                "0 payments for B-2026-03-01 B-2026-03-01",
                                "0 payments for A-2026-03-02 A-2026-03-02",
                                "0 payments for B-2026-03-02 B-2026-03-02",
                                "0 payments for A-2026-03-03 A-2026-03-03",
                                "0 payments for B-2026-03-03 B-2026-03-03"));
  EXPECT_EQ(windows_.judged(), 9);
  EXPECT_EQ(windows_.fired(), 9);
}

TEST_F(GroupWindowsTest, ARecordWithoutItsKeyJoinsNoGroup) {
  const std::string json =
      R"({"kind": "payment", "id": "P-9", "created_at": "2026-03-01T00:00:00Z"})";
  const Value record = std::get<Value>(ParseJson(json));
  EXPECT_THAT(windows_.Links(record, RecordKind::kPayment, *Date::Parse("2026-03-01")), IsEmpty());
}

TEST_F(GroupWindowsTest, MemoryHoldsOneWindowOfGroups) {
  // 2,000 orders over 200 days, 10 a day: never more than 31 days of `paid` groups and one
  // day of `same_day` groups open.
  Date day = *Date::Parse("2026-01-01");
  std::size_t most_open = 0;
  for (int i = 0; i < 2000; ++i) {
    if (i % 10 == 0) day = *day.AddDays(1);
    Add(Order("M-" + std::to_string(i), day.ToString()));
    most_open = std::max(most_open, windows_.open_groups());
  }
  EXPECT_LE(most_open, 31u * 10u + 1u);
  std::vector<GroupResult> closed;
  windows_.CloseAll(closed);
  EXPECT_EQ(windows_.open_groups(), 0u);
}

TEST_F(GroupWindowsTest, AGroupHoldsOnlyWhatItsRuleReads) {
  const std::string order = R"({"kind": "transaction", "id": "O-8", "buyer": {"id": "B-1"},
      "created_at": "2026-03-01T10:00:00Z", "notes": {"gift": true}, "lines": [{"sku": "A"}],
      "totals": {"total": {"amount": 150, "currency": "CNY"}, "tax": 3}})";
  const Value record = std::get<Value>(ParseJson(order));
  // `same_day` sums the totals in `require`; `paid` only counts the orders in `when` and the
  // payments in `require`: of either it keeps only that the record is there.
  EXPECT_EQ(CanonicalJson(RecordProjection::For(Rule("groups.test.same_day"),
                                                RecordKind::kTransaction, engine_->schema())
                              .Project(record)),
            R"({"totals":{"total":{"amount":150,"currency":"CNY"}}})");
  EXPECT_EQ(CanonicalJson(RecordProjection::For(Rule("groups.test.paid"), RecordKind::kTransaction,
                                                engine_->schema())
                              .Project(record)),
            "{}");
  EXPECT_EQ(
      CanonicalJson(
          RecordProjection::For(Rule("groups.test.paid"), RecordKind::kPayment, engine_->schema())
              .Project(std::get<Value>(ParseJson(Payment("P-8", "O-8", "2026-03-01"))))),
      "{}");

  // The finding is the one the whole record gives.
  std::vector<GroupResult> closed = Add(order);
  windows_.CloseAll(closed);
  GroupWindows plain(*engine_, "en", std::nullopt);
  std::vector<GroupResult> plain_closed;
  const Value bare = std::get<Value>(ParseJson(Order("O-8", "2026-03-01", "150")));
  const Date date = *Date::Parse("2026-03-01");
  plain.Add(
      std::make_shared<const GroupMember>(GroupMember{RecordKind::kTransaction, "O-8", "test"}),
      date, plain.Links(bare, RecordKind::kTransaction, date), plain_closed);
  plain.CloseAll(plain_closed);
  ASSERT_EQ(closed.size(), 2u);  // paid (no payment) and same_day (150 in one day)
  ASSERT_EQ(plain_closed.size(), 2u);
  for (std::size_t i = 0; i < closed.size(); ++i) {
    const Finding& finding = closed[i].finding;
    const Finding& expected = plain_closed[i].finding;
    EXPECT_EQ(finding.rule, expected.rule);
    EXPECT_EQ(finding.message, expected.message);
    EXPECT_EQ(finding.basis, expected.basis);
    EXPECT_EQ(finding.paths, expected.paths);
    EXPECT_EQ(finding.value_path, expected.value_path);
    EXPECT_EQ(finding.value.has_value(), expected.value.has_value());
    if (finding.value && expected.value) {
      EXPECT_EQ(CanonicalJson(*finding.value), CanonicalJson(*expected.value));
    }
  }
}

TEST_F(GroupWindowsTest, ARuleThatReadsAWholeRecordKeepsItWhole) {
  const Value waybill = std::get<Value>(ParseJson(
      R"({"kind": "waybill", "id": "W-1", "order_id": "O-9", "consignee": {"name": "Li"}})"));
  const RecordProjection projection = RecordProjection::For(
      Rule("groups.test.waybill_seen"), RecordKind::kWaybill, engine_->schema());
  EXPECT_TRUE(projection.whole());
  EXPECT_EQ(CanonicalJson(projection.Project(waybill)), CanonicalJson(waybill));
}

TEST_F(GroupWindowsTest, APackedRecordReadsBackAsItWas) {
  // Field order, the scale of numbers, numbers beyond 64 bits, every kind of value.
  ValueObject typed;
  typed.emplace_back("money", Value(Money{*Decimal::Parse("-19.990"), Currency::FromCode("EUR")}));
  typed.emplace_back("date", Value(*Date::Parse("1969-12-31")));
  typed.emplace_back("instant", Value(*DateTime::Parse("2026-03-01T10:00:00Z")));
  typed.emplace_back("within",
                     Value(ValueList{Value(Duration::Months(12)), Value(Duration::Days(-3))}));
  typed.emplace_back("absent", Value());
  ValueObject fields = std::get<Value>(ParseJson(R"({"z": 1, "a": [2.50, -0.001, 0,
      12345678901234567890123456789, -98765432109876543210], "s": "W-\u00fc \"q\"", "e": {},
      "l": [[], [null, true, false]], "o": {"b": {"c": "x"}, "a": ""}})"))
                           .as_object();
  fields.emplace_back("typed", Value(std::move(typed)));
  const Value record(std::move(fields));
  const Value back = RecordProjection::Whole().Project(record);
  EXPECT_EQ(back.ToDisplayString(), record.ToDisplayString());
  // Skip passes over the bytes of one record exactly: the next one reads back after it.
  std::string two;
  RecordProjection::Whole().Pack(record, two);
  const std::size_t first = two.size();
  RecordProjection::Whole().Pack(Value(std::string("next")), two);
  std::string_view packed = two;
  EXPECT_EQ(RecordProjection::Whole().Skip(packed).size(), first);
  EXPECT_EQ(RecordProjection::Whole().Unpack(packed).as_string(), "next");
  EXPECT_TRUE(packed.empty());
}

// A string the data model lists for its field (here the `tax.scheme` enum and the country code
// of each line's origin) packs as its index in the list, any other string as itself; both read
// back as they were.
TEST(RecordProjectionEnums, AListedStringPacksAsItsIndexAndReadsBack) {
  Diagnostics diagnostics;
  const InlineRules rules("groups-enums", {{"schemes.trl", R"(
ruleset groups.enums {
  title        "Strings the data model lists"
  jurisdiction CN
  instrument   "Test rules: no version, a draft not held to `ref`"
}

group rule schemes "one scheme per buyer" {
  link       transaction by buyer.id
  within     30 days
  domain     customs_tax
  severity   error
  cite       "test"
  require    count(distinct(transaction[*].tax.scheme)) <= 1
  message    "{transaction[0].lines[0].country_of_origin}"
}
)"}},
                          diagnostics);
  ASSERT_NE(rules.engine(), nullptr) << diagnostics.RenderAll();
  const RecordProjection projection =
      RecordProjection::For(*rules.engine()->program().group_rules().front(),
                            RecordKind::kTransaction, rules.engine()->schema());
  const auto order = [](const std::string& scheme, const std::string& market) {
    return std::get<Value>(ParseJson(R"({"kind": "transaction", "id": "O-1", "tax": {"scheme": ")" +
                                     scheme + R"("}, "lines": [{"country_of_origin": "CN"},
        {"country_of_origin": ")" + market +
                                     R"(", "sku": "A"}], "buyer": {"id": "B-1"}})"));
  };
  const Value listed = order("cross_border_ecommerce_retail_import", "KR");
  const Value unlisted = order("cross_border_ecommerce_retail_imporX", "XQ");
  std::string listed_bytes, unlisted_bytes;
  projection.Pack(listed, listed_bytes);
  projection.Pack(unlisted, unlisted_bytes);
  EXPECT_LT(listed_bytes.size() + 30, unlisted_bytes.size());
  for (const std::string& bytes : {listed_bytes, unlisted_bytes}) {
    std::string_view packed = bytes;
    EXPECT_EQ(projection.Skip(packed).size(), bytes.size());
    EXPECT_TRUE(packed.empty());
  }
  EXPECT_EQ(CanonicalJson(projection.Project(listed)),
            R"({"lines":[{"country_of_origin":"CN"},{"country_of_origin":"KR"}],)"
            R"("tax":{"scheme":"cross_border_ecommerce_retail_import"}})");
  EXPECT_EQ(CanonicalJson(projection.Project(unlisted)),
            R"({"lines":[{"country_of_origin":"CN"},{"country_of_origin":"XQ"}],)"
            R"("tax":{"scheme":"cross_border_ecommerce_retail_imporX"}})");
}

TEST(GroupFindingValue, AListOfRecordsShowsWhatTheRuleReadsOfThem) {
  // The deciding value of `amounts` is the list of orders it walked: it shows of each order
  // the fields the rule reads (its total, the buyer in the message), not the whole record.
  Diagnostics diagnostics;
  const InlineRules rules("groups-value", {{"amounts.trl", R"(
ruleset groups.value {
  title        "A group finding's value"
  jurisdiction CN
  instrument   "Test rules: no version, a draft not held to `ref`"
}

group rule amounts "the payments add up to the order total" {
  link       transaction by id
  link       payment by order_id
  within     30 days
  domain     customs_tax
  severity   error
  cite       "test"
  when       count(payment) >= 1
  require    all t in transaction: sum(payment[*].amount) == t.totals.total
  message    "{transaction[0].buyer.id} paid {sum(payment[*].amount)}"
}
)"}},
                          diagnostics);
  ASSERT_NE(rules.engine(), nullptr) << diagnostics.RenderAll();
  GroupWindows windows(*rules.engine(), "en", std::nullopt);
  std::vector<GroupResult> closed;
  for (const std::string json : {
           R"({"kind": "transaction", "id": "O-1", "created_at": "2026-03-01T10:00:00Z",
               "buyer": {"id": "B-1", "name": "Li"}, "lines": [{"sku": "A"}],
               "totals": {"total": {"amount": 50, "currency": "CNY"}}})",
           R"({"kind": "payment", "id": "P-1", "order_id": "O-1",
               "created_at": "2026-03-01T11:00:00Z", "payer": {"name": "Li"},
               "amount": {"amount": 40, "currency": "CNY"}})"}) {
    const Value record = std::get<Value>(ParseJson(json));
    const RecordKind kind = *RecordKindFromName(record.Get("kind").as_string());
    const Date date = *Date::Parse("2026-03-01");
    windows.Add(std::make_shared<const GroupMember>(
                    GroupMember{kind, record.Get("id").as_string(), "in.jsonl:1"}),
                date, windows.Links(record, kind, date), closed);
  }
  windows.CloseAll(closed);
  ASSERT_EQ(closed.size(), 1u);
  const Finding& finding = closed[0].finding;
  EXPECT_EQ(finding.message, "B-1 paid CNY 40");
  EXPECT_EQ(finding.value_path, "transaction");
  ASSERT_TRUE(finding.value.has_value());
  EXPECT_EQ(CanonicalJson(*finding.value),
            R"([{"buyer":{"id":"B-1"},"totals":{"total":{"amount":50,"currency":"CNY"}}}])");
}

TEST_F(GroupWindowsTest, AGroupGivesItsMembersSourcesBack) {
  std::vector<GroupResult> closed;
  const Date date = *Date::Parse("2026-03-01");
  const Value order = std::get<Value>(ParseJson(Order("O-7", "2026-03-01", "150")));
  for (const std::string source :
       {"a/in.jsonl:7", "a/in.jsonl:1234567", "-:12", "b:c:007", "feed.xml", "x:"}) {
    windows_.Add(
        std::make_shared<const GroupMember>(GroupMember{RecordKind::kTransaction, "O-7", source}),
        date, windows_.Links(order, RecordKind::kTransaction, date), closed);
  }
  windows_.CloseAll(closed);
  ASSERT_FALSE(closed.empty());
  std::vector<std::string> sources;
  for (const GroupMember& member : closed[0].members) sources.push_back(member.source);
  EXPECT_THAT(sources, ElementsAre("a/in.jsonl:7", "a/in.jsonl:1234567", "-:12", "b:c:007",
                                   "feed.xml", "x:"));
}

// Links whose key is the same field path compute it once per record (GroupWindows::Links);
// each link still gets its own rule's key, and a key the record leaves out links no group.
TEST(GroupLinks, EachLinkHasItsOwnRulesKey) {
  Diagnostics diagnostics;
  const InlineRules rules("groups-keys", {{"keys.trl", R"(
ruleset groups.keys {
  title        "Links by shared and by other keys"
  jurisdiction CN
  instrument   "Test rules: no version, a draft not held to `ref`"
}

group rule by_id "by id" {
  link       transaction by id
  within     1 days
  domain     customs_tax
  severity   error
  cite       "test"
  require    count(transaction) <= 1
  message    "twice"
}

group rule by_buyer "by buyer" {
  link       transaction by buyer.id
  within     1 days
  domain     customs_tax
  severity   error
  cite       "test"
  require    count(transaction) <= 1
  message    "twice"
}

group rule by_id_again "by id, again" {
  link       transaction by id
  link       payment by order_id
  within     1 days
  domain     customs_tax
  severity   error
  cite       "test"
  require    count(payment) <= 1
  message    "twice"
}
)"}},
                          diagnostics);
  ASSERT_NE(rules.engine(), nullptr) << diagnostics.RenderAll();
  const GroupWindows windows(*rules.engine(), "en", std::nullopt);
  const Date date = *Date::Parse("2026-03-01");
  const auto keys = [&](const std::string& json) {
    std::vector<std::string> found;
    for (const GroupLinkKey& link :
         windows.Links(std::get<Value>(ParseJson(json)), RecordKind::kTransaction, date)) {
      found.push_back(std::to_string(link.rule) + " " + link.key + " " + CanonicalJson(link.value));
    }
    return found;
  };
  EXPECT_THAT(keys(R"({"kind": "transaction", "id": "O-1", "buyer": {"id": "B-1"}})"),
              ElementsAre(R"(0 "O-1" "O-1")", R"(1 "B-1" "B-1")", R"(2 "O-1" "O-1")"));
  EXPECT_THAT(keys(R"({"kind": "transaction", "id": "O-2"})"),
              ElementsAre(R"(0 "O-2" "O-2")", R"(2 "O-2" "O-2")"));
  EXPECT_THAT(keys(R"({"kind": "transaction", "buyer": {"id": "B-3"}})"),
              ElementsAre(R"(1 "B-3" "B-3")"));
}

}  // namespace
}  // namespace tradelint
