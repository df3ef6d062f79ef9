#pragma once
// The fast path of ParseJson: simdjson's on-demand parser building the same Value tree as the
// nlohmann-based parser (exact decimals from the number's own text, input order, repeated keys
// keeping their first position and last value).
//
// It accepts only what it can prove well-formed: an object or array at the root, nesting up to
// max_depth, numbers matching the JSON grammar that fit a Decimal, no control character but
// JSON whitespace outside strings. For anything else it returns nullopt and ParseJson falls
// back to the nlohmann parser, which gives the precise error message and position; so the
// fast path never changes what is accepted or how an error is reported.

#include <optional>
#include <string_view>

#include "engine/value/value.h"

namespace tradelint::json_internal {

std::optional<Value> ParseJsonFast(std::string_view text, int max_depth);

}  // namespace tradelint::json_internal
