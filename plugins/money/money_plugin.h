#pragma once
// The `money` plugin: amounts with a currency.
//
//   amount(m)             the amount of money as a number
//   currency(m)           its ISO 4217 code as a string
//   money(amount, "EUR")  money from a number and a currency code
//   convert(m, EUR)       m in another currency at the ECB euro reference rates of the latest
//                         date on or before the as-of date (see conversion.h for the exact
//                         arithmetic and rounding); missing when there is no rate at that date.
//                         When the evaluator explains a finding, the conversion adds a note
//                         naming the rates and their date.

#include <string_view>
#include <vector>

#include "engine/plugin/plugin.h"

namespace tradelint {

class MoneyPlugin : public Plugin {
 public:
  std::string_view name() const override { return "money"; }
  std::string_view version() const override { return "1.0"; }
  std::vector<FunctionDef> Functions() const override;
};

}  // namespace tradelint
