#include "engine/base/date.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace tradelint {
namespace {

Date D(std::string_view text) {
  const std::optional<Date> parsed = Date::Parse(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.value_or(Date());
}

struct DateParseCase {
  std::string_view text;
  bool valid;
};

class DateParseTest : public testing::TestWithParam<DateParseCase> {};

TEST_P(DateParseTest, AcceptsOnlyStrictValidDates) {
  const DateParseCase& c = GetParam();
  const std::optional<Date> parsed = Date::Parse(c.text);
  EXPECT_EQ(parsed.has_value(), c.valid) << c.text;
  if (parsed) {
    EXPECT_EQ(parsed->ToString(), c.text);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateParseTest,
    testing::Values(DateParseCase{"2024-02-29", true}, DateParseCase{"2023-02-29", false},
                    DateParseCase{"2000-02-29", true}, DateParseCase{"1900-02-29", false},
                    DateParseCase{"2100-02-29", false}, DateParseCase{"2024-12-31", true},
                    DateParseCase{"2024-04-31", false}, DateParseCase{"2024-13-01", false},
                    DateParseCase{"2024-00-10", false}, DateParseCase{"2024-01-00", false},
                    DateParseCase{"1970-01-01", true}, DateParseCase{"0001-01-01", true},
                    DateParseCase{"9999-12-31", true}, DateParseCase{"2024-1-01", false},
                    DateParseCase{"2024/01/01", false}, DateParseCase{"20240101", false},
                    DateParseCase{"2024-01-01T00:00:00Z", false},
                    DateParseCase{" 2024-01-01", false}, DateParseCase{"2024-0a-01", false},
                    DateParseCase{"", false}));

TEST(DateTest, DaysSinceEpochRoundTrip) {
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(D("1970-01-02").days(), 1);
  EXPECT_EQ(D("1969-12-31").days(), -1);
  EXPECT_EQ(D("2000-03-01").days(), 11017);
  EXPECT_EQ(Date::FromDays(19782).ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromDays(-719468).ToString(), "0000-03-01");
  for (std::int64_t days = -800000; days <= 800000; days += 997) {
    const Date date = Date::FromDays(days);
    EXPECT_EQ(Date::FromYmd(date.year(), date.month(), date.day()), date) << days;
  }
}

TEST(DateTest, ComponentsAndOrdering) {
  const Date date = D("2024-02-29");
  EXPECT_EQ(date.year(), 2024);
  EXPECT_EQ(date.month(), 2);
  EXPECT_EQ(date.day(), 29);
  EXPECT_LT(D("2019-06-01"), D("2020-02-01"));
  EXPECT_EQ(D("2024-02-28").AddDays(1), date);
  EXPECT_EQ(date.AddDays(1), D("2024-03-01"));
  EXPECT_EQ(Date::FromYmd(2023, 2, 29), std::nullopt);
}

TEST(DateTest, TodayIsAfterThisCodeWasWritten) { EXPECT_GT(Date::TodayUtc(), D("2024-01-01")); }

struct AddMonthsCase {
  std::string_view from;
  std::int64_t months;
  std::string_view to;
};

class AddMonthsTest : public testing::TestWithParam<AddMonthsCase> {};

TEST_P(AddMonthsTest, ClampsToMonthEnd) {
  const AddMonthsCase& c = GetParam();
  EXPECT_EQ(D(c.from).AddMonths(c.months), D(c.to)) << c.from << " + " << c.months;
}

INSTANTIATE_TEST_SUITE_P(Cases, AddMonthsTest,
                         testing::Values(AddMonthsCase{"2024-01-31", 1, "2024-02-29"},
                                         AddMonthsCase{"2023-01-31", 1, "2023-02-28"},
                                         AddMonthsCase{"2024-03-31", 1, "2024-04-30"},
                                         AddMonthsCase{"2024-03-31", -1, "2024-02-29"},
                                         AddMonthsCase{"2024-02-29", 12, "2025-02-28"},
                                         AddMonthsCase{"2024-11-15", 2, "2025-01-15"},
                                         AddMonthsCase{"2024-01-15", -1, "2023-12-15"},
                                         AddMonthsCase{"2024-01-15", -25, "2021-12-15"},
                                         AddMonthsCase{"2024-05-10", 0, "2024-05-10"}));

struct DateTimeCase {
  std::string_view text;
  std::optional<std::string_view> utc;  // ToString; nullopt = rejected
};

class DateTimeParseTest : public testing::TestWithParam<DateTimeCase> {};

TEST_P(DateTimeParseTest, ConvertsOffsetsToUtc) {
  const DateTimeCase& c = GetParam();
  const std::optional<DateTime> parsed = DateTime::Parse(c.text);
  if (!c.utc) {
    EXPECT_FALSE(parsed.has_value()) << c.text << " parsed as " << parsed->ToString();
    return;
  }
  ASSERT_TRUE(parsed.has_value()) << c.text;
  EXPECT_EQ(parsed->ToString(), *c.utc) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateTimeParseTest,
    testing::Values(DateTimeCase{"2024-05-01T12:30:45Z", "2024-05-01T12:30:45Z"},
                    DateTimeCase{"2024-05-01t12:30:45z", "2024-05-01T12:30:45Z"},
                    DateTimeCase{"2024-05-01 12:30:45Z", "2024-05-01T12:30:45Z"},
                    DateTimeCase{"2024-05-01T12:30:45.123456Z", "2024-05-01T12:30:45Z"},
                    DateTimeCase{"2024-05-01T12:30:45+02:00", "2024-05-01T10:30:45Z"},
                    // Offsets that cross midnight, a month end and a year end.
                    DateTimeCase{"2024-05-01T01:00:00+02:00", "2024-04-30T23:00:00Z"},
                    DateTimeCase{"2024-12-31T20:00:00-05:00", "2025-01-01T01:00:00Z"},
                    DateTimeCase{"2024-03-01T00:15:00+05:30", "2024-02-29T18:45:00Z"},
                    DateTimeCase{"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
                    DateTimeCase{"2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"},
                    DateTimeCase{"2024-05-01T12:30:45", std::nullopt},
                    DateTimeCase{"2024-05-01T24:00:00Z", std::nullopt},
                    DateTimeCase{"2024-05-01T12:60:00Z", std::nullopt},
                    DateTimeCase{"2024-05-01T12:30:45+0200", std::nullopt},
                    DateTimeCase{"2024-05-01T12:30:45+24:00", std::nullopt},
                    DateTimeCase{"2024-05-01T12:30:45.Z", std::nullopt},
                    DateTimeCase{"2024-05-01T12:30:45Zjunk", std::nullopt},
                    DateTimeCase{"2023-02-29T12:30:45Z", std::nullopt},
                    DateTimeCase{"2024-05-01", std::nullopt}));

TEST(DateTimeTest, UtcDate) {
  EXPECT_EQ(DateTime::Parse("2024-05-01T01:00:00+02:00")->utc_date(), D("2024-04-30"));
  EXPECT_EQ(DateTime::FromEpochSeconds(-1).utc_date(), D("1969-12-31"));
  EXPECT_EQ(DateTime::FromEpochSeconds(86400).utc_date(), D("1970-01-02"));
  EXPECT_LT(*DateTime::Parse("2024-05-01T01:00:00+02:00"),
            *DateTime::Parse("2024-04-30T23:30:00Z"));
}

struct UnitWordCase {
  std::int64_t count;
  std::string_view unit;
  std::optional<Duration> duration;
  std::string_view text;
};

class DurationUnitTest : public testing::TestWithParam<UnitWordCase> {};

TEST_P(DurationUnitTest, MapsUnitWords) {
  const UnitWordCase& c = GetParam();
  const std::optional<Duration> duration = Duration::FromUnitWord(c.count, c.unit);
  EXPECT_EQ(duration, c.duration) << c.count << " " << c.unit;
  if (duration) {
    EXPECT_EQ(duration->ToString(), c.text);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DurationUnitTest,
    testing::Values(UnitWordCase{1, "day", Duration::Days(1), "1 day"},
                    UnitWordCase{30, "days", Duration::Days(30), "30 days"},
                    UnitWordCase{1, "week", Duration::Days(7), "7 days"},
                    UnitWordCase{2, "weeks", Duration::Days(14), "14 days"},
                    UnitWordCase{1, "month", Duration::Months(1), "1 month"},
                    UnitWordCase{12, "months", Duration::Months(12), "12 months"},
                    UnitWordCase{1, "year", Duration::Months(12), "12 months"},
                    UnitWordCase{2, "years", Duration::Months(24), "24 months"},
                    UnitWordCase{1, "fortnight", std::nullopt, ""},
                    UnitWordCase{1, "Days", std::nullopt, ""},
                    UnitWordCase{INT64_MAX, "weeks", std::nullopt, ""}));

TEST(DurationTest, AddsAndSubtracts) {
  EXPECT_EQ(Duration::Days(30).AddTo(D("2024-02-15")), D("2024-03-16"));
  EXPECT_EQ(Duration::Months(1).AddTo(D("2024-01-31")), D("2024-02-29"));
  EXPECT_EQ(Duration::Months(24).AddTo(D("2024-02-29")), D("2026-02-28"));
  EXPECT_EQ(Duration::Months(1).SubtractFrom(D("2024-03-31")), D("2024-02-29"));
  EXPECT_EQ(Duration::Days(14).SubtractFrom(D("2024-03-01")), D("2024-02-16"));
}

// Arithmetic beyond the years 0000 to 9999 reports overflow for any count, however large
// (these cases were undefined behaviour when the counts were added unchecked).
TEST(DateArithmeticTest, ReportsOverflow) {
  EXPECT_EQ(D("9999-12-31").AddDays(0), D("9999-12-31"));
  EXPECT_EQ(D("9999-12-31").AddDays(1), std::nullopt);
  EXPECT_EQ(D("0000-01-01").AddDays(-1), std::nullopt);
  EXPECT_EQ(D("9999-12-01").AddMonths(1), std::nullopt);
  EXPECT_EQ(D("0000-01-31").AddMonths(-1), std::nullopt);
  EXPECT_EQ(D("0000-01-31").AddMonths(9999 * 12 + 11), D("9999-12-31"));
  for (const std::int64_t count : {INT64_MAX, INT64_MIN, INT64_MAX / 12, INT64_MIN / 12}) {
    EXPECT_EQ(D("2024-02-29").AddDays(count), std::nullopt) << count;
    EXPECT_EQ(D("2024-02-29").AddMonths(count), std::nullopt) << count;
    for (const Duration duration : {Duration::Days(count), Duration::Months(count)}) {
      EXPECT_EQ(duration.AddTo(D("2024-02-29")), std::nullopt) << duration.ToString();
      EXPECT_EQ(duration.SubtractFrom(D("2024-02-29")), std::nullopt) << duration.ToString();
    }
  }
}

}  // namespace
}  // namespace tradelint
