// Group rules over a stream of records (engine/api/group_windows.h, docs/language.md "Group
// rules"): which records form a group, when its window closes, what the rule sees of it, and
// that memory holds the open groups only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/api/group_windows.h"
#include "engine/json/json.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;
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
)";

class GroupWindowsTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "tradelint-groups-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = new fs::path(pattern);
    std::ofstream(*directory_ / "groups.trl") << kRuleset;
    const BuiltinPlugins builtin;
    EngineOptions options;
    options.plugins = builtin.plugins();
    options.rule_paths = {directory_->string()};
    options.data_directory = TRADELINT_SOURCE_DIR;
    Diagnostics diagnostics;
    engine_ = Engine::Compile(options, diagnostics).release();
    ASSERT_NE(engine_, nullptr) << diagnostics.RenderAll();
  }

  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
    if (directory_ != nullptr) fs::remove_all(*directory_);
    delete directory_;
    directory_ = nullptr;
  }

  // Adds a record given as JSON text; returns the groups it closed.
  std::vector<GroupResult> Add(const std::string& json) {
    const Value record = std::get<Value>(ParseJson(json));
    const RecordKind kind = *RecordKindFromName(record.Get("kind").as_string());
    const Date date = engine_->DefaultAsOf(record, kind, *Date::Parse("2026-01-01"));
    std::vector<GroupResult> closed;
    windows_.Add(record, GroupMember{kind, record.Get("id").as_string(), "test"}, date,
                 GroupWindows::Links(*engine_, record, kind, date), closed);
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

  static std::vector<std::string> Ids(const GroupResult& group) {
    std::vector<std::string> ids;
    for (const GroupMember& member : group.members) ids.push_back(member.id);
    return ids;
  }

  static inline fs::path* directory_ = nullptr;
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

TEST_F(GroupWindowsTest, ARecordWithoutItsKeyJoinsNoGroup) {
  const std::string json =
      R"({"kind": "payment", "id": "P-9", "created_at": "2026-03-01T00:00:00Z"})";
  const Value record = std::get<Value>(ParseJson(json));
  EXPECT_THAT(
      GroupWindows::Links(*engine_, record, RecordKind::kPayment, *Date::Parse("2026-03-01")),
      IsEmpty());
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

}  // namespace
}  // namespace tradelint
