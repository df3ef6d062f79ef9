#include "plugins/money/conversion.h"

#include <algorithm>
#include <vector>

namespace tradelint {
namespace {

std::string Display(const Money& money) {
  return std::string(money.currency.code()) + " " + money.amount.ToString();
}

// `value` rounded half-even to exactly `places` fractional digits: 160 -> 160.00, as a price in
// the currency is written.
Decimal WithPlaces(const Decimal& value, int places) {
  const Decimal rounded = value.Rounded(places);
  Int128 coefficient = rounded.coefficient();
  for (int scale = rounded.scale(); scale < places; ++scale) coefficient *= 10;
  return Decimal::FromParts(coefficient, places);
}

// One non-EUR side of a conversion and the rate it used.
struct Leg {
  Currency currency;
  FxRate rate;
  std::string Text() const {
    return "1 EUR = " + rate.rate.ToString() + " " + std::string(currency.code());
  }
};

std::string Note(const Money& from, const Money& to, const std::vector<Leg>& legs) {
  std::string note = "converted " + Display(from) + " to " + Display(to) + " at the ECB reference ";
  if (legs.size() == 1) {
    return note + "rate of " + legs[0].rate.date.ToString() + " (" + legs[0].Text() + ")";
  }
  note += "rates of " + legs[0].rate.date.ToString() + " (" + legs[0].Text();
  if (legs[0].rate.date == legs[1].rate.date) return note + ", " + legs[1].Text() + ")";
  return note + ") and " + legs[1].rate.date.ToString() + " (" + legs[1].Text() + ")";
}

// The note on the oldest rate of `legs` when it is stale, else "".
std::string StaleRateNote(const std::vector<Leg>& legs, Date as_of) {
  Date oldest = as_of;
  for (const Leg& leg : legs) oldest = std::min(oldest, leg.rate.date);
  const std::int64_t age = as_of.days() - oldest.days();
  if (age <= FxTable::kStaleAfterDays) return "";
  return "the ECB reference rate of " + oldest.ToString() + " is " + std::to_string(age) +
         " days older than the as-of date " + as_of.ToString() +
         ": the exchange rates may be out of date (refresh them with `tradelint refdata "
         "import-ecb`)";
}

}  // namespace

std::optional<Conversion> Convert(const Money& money, Currency target, Date as_of,
                                  const ReferenceData& reference) {
  if (money.currency == target) return Conversion{money, "", ""};
  const std::optional<FxRate> from_rate = reference.EurRate(money.currency, as_of);
  const std::optional<FxRate> to_rate = reference.EurRate(target, as_of);
  if (!from_rate || !to_rate) return std::nullopt;
  const std::optional<Decimal> scaled = money.amount.Multiply(to_rate->rate);
  if (!scaled) return std::nullopt;
  const std::optional<Decimal> exact = scaled->Divide(from_rate->rate);
  if (!exact) return std::nullopt;
  const Money result{WithPlaces(*exact, target.minor_units()), target};
  std::vector<Leg> legs;
  if (money.currency.code() != "EUR") legs.push_back({money.currency, *from_rate});
  if (target.code() != "EUR") legs.push_back({target, *to_rate});
  return Conversion{result, Note(money, result, legs), StaleRateNote(legs, as_of)};
}

std::string MissingRateReason(const Money& money, Currency target, Date as_of,
                              const ReferenceData& reference) {
  if (money.currency == target) return "";
  for (Currency currency : {money.currency, target}) {
    if (currency.code() == "EUR" || reference.EurRate(currency, as_of)) continue;
    const std::string code(currency.code());
    // A currency the table has at a later date only: the as-of date is before the table starts.
    const std::optional<Date> latest = reference.fx_latest_date();
    if (latest && reference.EurRate(currency, *latest)) {
      return "no FX rate for " + code + " on or before " + as_of.ToString() +
             " in the ECB reference rates (the table starts later)";
    }
    return "no FX rate for " + code + " in the ECB reference rates (the ECB publishes none for it)";
  }
  return "";
}

}  // namespace tradelint
