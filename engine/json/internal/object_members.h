#pragma once
// The members of a parsed JSON object, as both JSON parsers of engine/json build them.

#include "engine/value/value.h"

namespace tradelint::json_internal {

// Keeps, for each repeated key, the first position and the last value (as Python's dict).
void KeepLastOfRepeatedKeys(ValueObject& members);

}  // namespace tradelint::json_internal
