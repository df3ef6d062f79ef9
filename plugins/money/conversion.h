#pragma once
// Currency conversion at the ECB euro reference rates of ReferenceData.
//
// Rates are units of a currency per 1 EUR on the latest publication date on or before the
// as-of date. EUR -> X multiplies by X's rate, X -> EUR divides by it, X -> Y (neither EUR)
// goes through the euro as amount * rate(Y) / rate(X), dividing last so that only one
// rounding happens before the final one. All arithmetic is exact decimal; the quotient is
// rounded half-even to Decimal::kDivisionScale places by Decimal::Divide, and the result is
// rounded half-even to the target currency's ISO 4217 minor units (EUR 2, JPY 0, KWD 3).
// Converting to the money's own currency returns it unchanged and needs no rate.
// A rate more than FxTable::kStaleAfterDays days older than the as-of date is stale, and the
// conversion says so in a second note.

#include <optional>
#include <string>

#include "engine/base/date.h"
#include "engine/refdata/reference_data.h"
#include "engine/value/value.h"

namespace tradelint {

struct Conversion {
  Money result;
  // For a finding: "converted USD 160.00 to EUR 146.94 at the ECB reference rate of
  // 2025-03-14 (1 EUR = 1.0889 USD)"; empty for an identity conversion.
  std::string note;
  // For a finding, when a rate used is stale: "the ECB reference rate of 2026-04-13 is 236
  // days older than the as-of date 2026-12-05: ..."; empty otherwise.
  std::string stale_rate_note;
};

// nullopt when a rate is missing at `as_of` (before the table starts, or a currency the table
// does not have) or the arithmetic overflows.
std::optional<Conversion> Convert(const Money& money, Currency target, Date as_of,
                                  const ReferenceData& reference);

// Why Convert has no rate for a conversion, for the finding's `reason`: "no FX rate for VND on
// or before 2026-04-13 in the ECB reference rates (the ECB publishes none for it)"; empty when
// both rates exist (or the conversion is an identity).
std::string MissingRateReason(const Money& money, Currency target, Date as_of,
                              const ReferenceData& reference);

}  // namespace tradelint
