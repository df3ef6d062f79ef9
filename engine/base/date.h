#pragma once
// Calendar dates, instants and durations as the rule language uses them.
//
// Date: a proleptic Gregorian day without time zone, stored as days since 1970-01-01.
// DateTime: an instant, stored as seconds since 1970-01-01T00:00:00Z (parsed from RFC 3339
//   with an offset; compared in UTC). DateTime::utc_date() gives its UTC calendar day.
// Duration: a calendar span in whole days or whole months (`30 days`, `12 months`,
//   `2 years` = 24 months). Adding months clamps to the end of the month (Jan 31 + 1 month
//   = Feb 28/29), as contract law counts periods.
//
// Date arithmetic stays within the years 0000 to 9999, the dates `YYYY-MM-DD` can write: a
// result outside them is an overflow, reported as nullopt, for any count however large.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tradelint {

class Date {
 public:
  constexpr Date() = default;
  static Date FromDays(std::int64_t days_since_epoch) { return Date(days_since_epoch); }
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Exactly `YYYY-MM-DD` with a valid day of month.
  static std::optional<Date> Parse(std::string_view text);
  // Today's date in UTC, from the system clock.
  static Date TodayUtc();

  std::int64_t days() const { return days_; }
  int year() const;
  int month() const;             // 1..12
  int day() const;               // 1..31
  std::string ToString() const;  // YYYY-MM-DD

  // This date moved by `days` or `months`; nullopt beyond the years 0000 to 9999.
  std::optional<Date> AddDays(std::int64_t days) const;
  std::optional<Date> AddMonths(std::int64_t months) const;

  friend bool operator==(Date, Date) = default;
  friend std::strong_ordering operator<=>(Date, Date) = default;

 private:
  explicit constexpr Date(std::int64_t days) : days_(days) {}
  std::int64_t days_ = 0;
};

class DateTime {
 public:
  constexpr DateTime() = default;
  static DateTime FromEpochSeconds(std::int64_t seconds) { return DateTime(seconds); }
  // RFC 3339: `YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)`; `t`/`z` and a space for `T`
  // are accepted too. Fractions of a second are dropped.
  static std::optional<DateTime> Parse(std::string_view text);

  std::int64_t epoch_seconds() const { return seconds_; }
  Date utc_date() const;
  std::string ToString() const;  // YYYY-MM-DDThh:mm:ssZ

  friend bool operator==(DateTime, DateTime) = default;
  friend std::strong_ordering operator<=>(DateTime, DateTime) = default;

 private:
  explicit constexpr DateTime(std::int64_t seconds) : seconds_(seconds) {}
  std::int64_t seconds_ = 0;
};

class Duration {
 public:
  enum class Unit { kDays, kMonths };
  constexpr Duration() = default;
  static constexpr Duration Days(std::int64_t n) { return Duration(n, Unit::kDays); }
  static constexpr Duration Months(std::int64_t n) { return Duration(n, Unit::kMonths); }
  // Unit words of the rule language: day(s), week(s) (7 days), month(s), year(s) (12 months).
  static std::optional<Duration> FromUnitWord(std::int64_t count, std::string_view unit);

  std::int64_t count() const { return count_; }
  Unit unit() const { return unit_; }
  std::string ToString() const;  // `30 days`, `12 months`, `1 day`

  // `date` moved forward or back by this duration; nullopt beyond the years 0000 to 9999.
  std::optional<Date> AddTo(Date date) const;
  std::optional<Date> SubtractFrom(Date date) const;

  friend bool operator==(const Duration&, const Duration&) = default;

 private:
  constexpr Duration(std::int64_t count, Unit unit) : count_(count), unit_(unit) {}
  std::int64_t count_ = 0;
  Unit unit_ = Unit::kDays;
};

}  // namespace tradelint
