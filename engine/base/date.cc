#include "engine/base/date.h"

#include <algorithm>
#include <chrono>

namespace tradelint {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kFirstYear = 0;
constexpr std::int64_t kLastYear = 9999;

struct Civil {
  std::int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
// Requires a valid month and day.
std::int64_t DaysFromCivil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;  // [0, 399]
  const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146'097 + day_of_era - 719'468;
}

// Howard Hinnant's civil_from_days, the inverse of DaysFromCivil.
Civil CivilFromDays(std::int64_t days) {
  days += 719'468;
  const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const std::int64_t day_of_era = days - era * 146'097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;              // [0, 11], March = 0
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool IsLeapYear(std::int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int DaysInMonth(std::int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// The number written by text[begin, begin + width), all ASCII digits; -1 otherwise.
int ParseDigits(std::string_view text, std::size_t begin, std::size_t width) {
  if (begin + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = begin; i < begin + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Appends |value| zero-padded to `width` digits, with a leading '-' when negative.
void AppendPadded(std::string& out, std::int64_t value, int width) {
  if (value < 0) out.push_back('-');
  const std::string digits = std::to_string(value < 0 ? -value : value);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

// Floor division of seconds into whole days, for instants before the epoch too.
std::int64_t FloorDays(std::int64_t seconds) {
  return seconds >= 0 ? seconds / kSecondsPerDay : -((-seconds - 1) / kSecondsPerDay) - 1;
}

}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = ParseDigits(text, 0, 4);
  const int month = ParseDigits(text, 5, 2);
  const int day = ParseDigits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  return FromYmd(year, month, day);
}

Date Date::TodayUtc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date(now.time_since_epoch().count());
}

int Date::year() const { return static_cast<int>(CivilFromDays(days_).year); }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }

std::string Date::ToString() const {
  const Civil civil = CivilFromDays(days_);
  std::string text;
  text.reserve(10);
  AppendPadded(text, civil.year, 4);
  text.push_back('-');
  AppendPadded(text, civil.month, 2);
  text.push_back('-');
  AppendPadded(text, civil.day, 2);
  return text;
}

std::optional<Date> Date::AddDays(std::int64_t days) const {
  static const std::int64_t kFirstDay = DaysFromCivil(kFirstYear, 1, 1);
  static const std::int64_t kLastDay = DaysFromCivil(kLastYear, 12, 31);
  std::int64_t moved = 0;
  if (__builtin_add_overflow(days_, days, &moved) || moved < kFirstDay || moved > kLastDay) {
    return std::nullopt;
  }
  return Date(moved);
}

std::optional<Date> Date::AddMonths(std::int64_t months) const {
  const Civil civil = CivilFromDays(days_);
  // Months counted from year 0, January; floor division keeps negative totals right.
  std::int64_t total = 0;
  if (__builtin_add_overflow(civil.year * 12 + (civil.month - 1), months, &total))
    return std::nullopt;
  const std::int64_t year = total >= 0 ? total / 12 : -((-total - 1) / 12) - 1;
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  const int month = static_cast<int>(total - year * 12) + 1;
  const int day = std::min(civil.day, DaysInMonth(year, month));
  return Date(DaysFromCivil(year, month, day));
}

std::optional<DateTime> DateTime::Parse(std::string_view text) {
  // YYYY-MM-DDThh:mm:ss: 19 characters before the optional fraction and the offset.
  if (text.size() < 20) return std::nullopt;
  const std::optional<Date> date = Date::Parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  if (text[13] != ':' || text[16] != ':') return std::nullopt;
  const int hour = ParseDigits(text, 11, 2);
  const int minute = ParseDigits(text, 14, 2);
  const int second = ParseDigits(text, 17, 2);
  // Second 60 is RFC 3339's leap second; it counts as the first second of the next minute.
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  std::size_t i = 19;
  if (text[i] == '.') {
    const std::size_t fraction_begin = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == fraction_begin) return std::nullopt;
  }
  if (i >= text.size()) return std::nullopt;
  std::int64_t offset_seconds = 0;
  if (text[i] == 'Z' || text[i] == 'z') {
    ++i;
  } else if (text[i] == '+' || text[i] == '-') {
    const int offset_hour = ParseDigits(text, i + 1, 2);
    const int offset_minute = ParseDigits(text, i + 4, 2);
    if (offset_hour < 0 || offset_hour > 23 || offset_minute < 0 || offset_minute > 59 ||
        text[i + 3] != ':') {
      return std::nullopt;
    }
    offset_seconds = (text[i] == '-' ? -1 : 1) * (offset_hour * 3600 + offset_minute * 60);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  const std::int64_t local_seconds =
      date->days() * kSecondsPerDay + hour * 3600 + minute * 60 + second;
  // A local time at offset +hh:mm is that much ahead of UTC.
  return DateTime(local_seconds - offset_seconds);
}

Date DateTime::utc_date() const { return Date::FromDays(FloorDays(seconds_)); }

std::string DateTime::ToString() const {
  const std::int64_t second_of_day = seconds_ - FloorDays(seconds_) * kSecondsPerDay;
  std::string text = utc_date().ToString();
  text.push_back('T');
  AppendPadded(text, second_of_day / 3600, 2);
  text.push_back(':');
  AppendPadded(text, second_of_day / 60 % 60, 2);
  text.push_back(':');
  AppendPadded(text, second_of_day % 60, 2);
  text.push_back('Z');
  return text;
}

std::optional<Duration> Duration::FromUnitWord(std::int64_t count, std::string_view unit) {
  std::int64_t scaled = 0;
  if (unit == "day" || unit == "days") return Days(count);
  if (unit == "month" || unit == "months") return Months(count);
  if (unit == "week" || unit == "weeks") {
    if (__builtin_mul_overflow(count, 7, &scaled)) return std::nullopt;
    return Days(scaled);
  }
  if (unit == "year" || unit == "years") {
    if (__builtin_mul_overflow(count, 12, &scaled)) return std::nullopt;
    return Months(scaled);
  }
  return std::nullopt;
}

std::string Duration::ToString() const {
  std::string text = std::to_string(count_);
  text += unit_ == Unit::kDays ? " day" : " month";
  if (count_ != 1 && count_ != -1) text.push_back('s');
  return text;
}

std::optional<Date> Duration::AddTo(Date date) const {
  return unit_ == Unit::kDays ? date.AddDays(count_) : date.AddMonths(count_);
}

std::optional<Date> Duration::SubtractFrom(Date date) const {
  std::int64_t negated = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, count_, &negated)) return std::nullopt;
  return unit_ == Unit::kDays ? date.AddDays(negated) : date.AddMonths(negated);
}

}  // namespace tradelint
