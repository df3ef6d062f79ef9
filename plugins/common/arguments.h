#pragma once
// Helpers every plugin uses to declare its functions to the checker, so that argument errors
// read the same everywhere:
//
//   `contains_word` takes 2 arguments, found 3
//   expected a string for argument 1, found number
//
// Argument numbers in messages are 1-based; CheckError::argument is the 0-based index.

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/plugin/function.h"
#include "engine/plugin/type.h"

namespace tradelint {

using CheckFunction = std::function<CheckResult(std::span<const ArgumentInfo>)>;

// "a string", "a list of string", "money": the type as the object of "expected ...".
std::string WithArticle(const Type& type);

// An error unless exactly `expected` arguments were given.
std::optional<CheckError> CheckArgumentCount(std::string_view function,
                                             std::span<const ArgumentInfo> args,
                                             std::size_t expected);

// An error unless argument `index` can be used as `expected` (Type::Accepts).
std::optional<CheckError> CheckArgumentType(std::span<const ArgumentInfo> args, std::size_t index,
                                            const Type& expected);

// "expected <expected> for argument <index + 1>, found <found>", for arguments that accept
// several types (`a string or a list`).
CheckError ArgumentTypeError(std::size_t index, std::string_view expected, const Type& found);

// The check of a function with fixed parameter types and a fixed result type.
CheckFunction FixedSignature(std::string function, std::vector<Type> parameters, Type result);

}  // namespace tradelint
