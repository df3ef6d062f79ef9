#pragma once
// The contract between the language and a function of the library.
//
// A function declares itself to the checker (`check`: argument types -> result type or an
// error) and implements itself for the evaluator (`eval`). Optionally it prepares constant
// arguments once at plan time (`prepare`: compile a regular expression, build a keyword
// matcher); the prepared state is immutable and shared by every evaluation on every thread.
//
// Missing data: unless `accepts_missing` is set, the evaluator never calls `eval` with a
// missing argument; the call's result is missing (unknown) instead. A function returns a
// missing Value when it cannot decide (it then counts as missing data for the rule).

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/base/date.h"
#include "engine/plugin/type.h"
#include "engine/value/value.h"

namespace tradelint {

class MarketTable;
class ReferenceData;

// What the checker knows about one argument.
struct ArgumentInfo {
  Type type;
  // The argument's value when it is a constant (literal, `const`, `set`); else nullopt.
  const Value* constant = nullptr;
};

// Result of `check`: the result type, or an error message for the author (lower-case,
// user text in backticks) and the index of the argument it concerns (-1: the whole call).
struct CheckError {
  std::string message;
  int argument = -1;
};
using CheckResult = std::variant<Type, CheckError>;

// Opaque state built once at plan time from constant arguments.
using PreparedState = std::shared_ptr<const void>;
using PrepareResult = std::variant<PreparedState, CheckError>;

// Everything a function may read while evaluating, besides its arguments. Valid only
// during the call.
struct CallContext {
  const void* prepared = nullptr;  // the PreparedState's pointer, or null
  Date as_of;                      // the legal date the rules are judged at
  std::string_view market;         // the market being judged
  const MarketTable* markets = nullptr;
  const ReferenceData* reference = nullptr;  // dated tables (FX rates, languages); may be null
  // When non-null, the evaluator is explaining a finding: a function may add a note that the
  // finding should carry (e.g. "converted at the ECB rate of 2025-03-03"). Null on the fast
  // path, so functions must not depend on it.
  std::vector<std::string>* notes = nullptr;
  // When non-null, the evaluation is observed (`check --explain`): a function that reads a
  // reference table adds each row it read, as `<table> <key>: <values>`. Null on the fast path.
  std::vector<std::string>* rows_read = nullptr;
};

struct FunctionDef {
  std::string name;
  std::string signature;  // for docs and messages: `matches(text: string, pattern: string) -> bool`
  std::string summary;    // one line
  std::function<CheckResult(std::span<const ArgumentInfo>)> check;
  std::function<PrepareResult(std::span<const ArgumentInfo>)> prepare;  // optional
  std::function<Value(std::span<const Value>, const CallContext&)> eval;
  bool accepts_missing = false;
};

}  // namespace tradelint
