#include "plugins/common/arguments.h"

#include <utility>

namespace tradelint {

std::string WithArticle(const Type& type) {
  switch (type.kind) {
    case Type::Kind::kAny:
      return "any value";
    case Type::Kind::kMoney:
      return type.ToString();
    case Type::Kind::kObject:
      return "an object";
    default:
      return "a " + type.ToString();
  }
}

std::optional<CheckError> CheckArgumentCount(std::string_view function,
                                             std::span<const ArgumentInfo> args,
                                             std::size_t expected) {
  if (args.size() == expected) return std::nullopt;
  std::string takes;
  if (expected == 0) {
    takes = "no arguments";
  } else {
    takes = std::to_string(expected) + (expected == 1 ? " argument" : " arguments");
  }
  return CheckError{
      "`" + std::string(function) + "` takes " + takes + ", found " + std::to_string(args.size()),
      -1};
}

std::optional<CheckError> CheckArgumentType(std::span<const ArgumentInfo> args, std::size_t index,
                                            const Type& expected) {
  if (expected.Accepts(args[index].type)) return std::nullopt;
  return ArgumentTypeError(index, WithArticle(expected), args[index].type);
}

CheckError ArgumentTypeError(std::size_t index, std::string_view expected, const Type& found) {
  return CheckError{"expected " + std::string(expected) + " for argument " +
                        std::to_string(index + 1) + ", found " + found.ToString(),
                    static_cast<int>(index)};
}

CheckFunction FixedSignature(std::string function, std::vector<Type> parameters, Type result) {
  return [function = std::move(function), parameters = std::move(parameters),
          result = std::move(result)](std::span<const ArgumentInfo> args) -> CheckResult {
    if (auto error = CheckArgumentCount(function, args, parameters.size())) return *error;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      if (auto error = CheckArgumentType(args, i, parameters[i])) return *error;
    }
    return result;
  };
}

}  // namespace tradelint
