#pragma once
// The canonical JSON of a Value: RFC 8785, the JSON Canonicalization Scheme (JCS).
//
//   - object members sorted by their names' UTF-16 code units, with no whitespace;
//   - numbers as ECMAScript's Number.prototype.toString writes the nearest IEEE 754 double
//     (`1.50` -> `1.5`, `1e2` -> `100`, `1e-7` -> `1e-7`, `-0` -> `0`);
//   - strings with the minimal escapes of JSON.stringify (`"`, `\`, \b \f \n \r \t, other
//     controls as \u00xx with lower-case hex), everything else as UTF-8.
// Values that are not JSON are written as the JSON report writes them (AppendJson): dates,
// date-times and durations as strings, money as {"amount", "currency"}. Ill-formed UTF-8 in
// a string becomes U+FFFD (AppendJsonString).
//
// Its SHA-256 is a record's `hash` in the report: equal for records that are equal as JSON
// data, whatever their key order, spacing, number spelling or input format.

#include <string>

#include "engine/value/value.h"

namespace tradelint {

// Appends the canonical JSON of `value`.
void AppendCanonicalJson(std::string& out, const Value& value);
std::string CanonicalJson(const Value& value);

// `number` as ECMAScript writes a double (Number.prototype.toString): the shortest digits that
// read back as `number`, in plain form for exponents from -7 to 20, else as `1.5e+21`.
// `number` must be finite.
std::string EcmaScriptNumber(double number);

}  // namespace tradelint
