/* gtin: an example plugin built outside the engine against the C plugin ABI
 * (engine/plugin/abi/tradelint_plugin.h, docs/plugins.md), loaded with
 * `tradelint check --plugin libtradelint_gtin.so`.
 *
 *   gtin_valid(code: string) -> boolean
 *
 * Whether `code` is a GTIN (GTIN-8, UPC-A/GTIN-12, EAN-13/GTIN-13 or GTIN-14: 8, 12, 13 or 14
 * digits) whose last digit is the GS1 check digit of the others: from the right, the digits
 * before the check digit are weighted 3, 1, 3, 1, ...; the check digit brings the weighted
 * sum to a multiple of 10 (GS1 General Specifications, section 7.9, check digit
 * calculation). `4006381333931` is valid; `4006381333932` is not.
 */
#include <stddef.h>

#include "engine/plugin/abi/tradelint_plugin.h"

static int gtin_check_digit_right(const char* digits, size_t size) {
  int sum = 0;
  size_t i;
  if (size != 8 && size != 12 && size != 13 && size != 14) return 0;
  for (i = 0; i < size; ++i) {
    if (digits[i] < '0' || digits[i] > '9') return 0;
  }
  /* digits[size - 1] is the check digit; digits[size - 2] has weight 3, and so on. */
  for (i = 0; i + 1 < size; ++i) {
    const int digit = digits[size - 2 - i] - '0';
    sum += (i % 2 == 0) ? 3 * digit : digit;
  }
  return (10 - sum % 10) % 10 == digits[size - 1] - '0';
}

static void gtin_valid(const tradelint_call* call) {
  tradelint_value result = {TRADELINT_TYPE_BOOL, 0, NULL, 0};
  result.boolean = gtin_check_digit_right(call->arguments[0].text, call->arguments[0].size);
  call->set_result(call->result, &result);
}

static const tradelint_type kGtinValidParameters[] = {TRADELINT_TYPE_STRING};

static const tradelint_function kFunctions[] = {
    {"gtin_valid",
     "whether a text is a GTIN-8, -12, -13 or -14 with the right GS1 check digit",
     kGtinValidParameters, 1, TRADELINT_TYPE_BOOL, gtin_valid},
};

static const tradelint_plugin kPlugin = {TRADELINT_PLUGIN_ABI_VERSION, "gtin", "1.0.0",
                                         kFunctions, sizeof kFunctions / sizeof kFunctions[0]};

TRADELINT_PLUGIN_EXPORT const tradelint_plugin* tradelint_plugin_entry(void) { return &kPlugin; }
