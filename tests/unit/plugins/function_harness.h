#pragma once
// Test support: calls a built-in function the way the checker, the planner and the evaluator
// do (check, then prepare once when the function has it, then eval), so that plugin tests
// read as tables of inputs and results.

#include <gtest/gtest.h>

#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "engine/plugin/function.h"
#include "engine/plugin/plugin.h"
#include "engine/value/value.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {

// The static type of a value, as the checker would infer it for a literal.
inline Type TypeOfValue(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kBool:
      return Type::Bool();
    case Value::Kind::kNumber:
      return Type::Number();
    case Value::Kind::kString:
      return Type::String();
    case Value::Kind::kDate:
      return Type::Date();
    case Value::Kind::kDateTime:
      return Type::DateTime();
    case Value::Kind::kDuration:
      return Type::Duration();
    case Value::Kind::kMoney:
      return Type::MoneyIn(value.as_money().currency);
    case Value::Kind::kList:
      return Type::ListOf(value.as_list().empty() ? Type::Any()
                                                  : TypeOfValue(value.as_list().front()));
    default:
      return Type::Any();
  }
}

inline const FunctionRegistry& Builtins() {
  static const FunctionRegistry* registry = [] {
    auto* built = new FunctionRegistry;
    RegisterBuiltinPlugins(*built);
    return built;
  }();
  return *registry;
}

inline const FunctionDef& Function(std::string_view name) {
  const FunctionDef* def = Builtins().Find(name);
  if (def == nullptr) throw std::runtime_error("no function " + std::string(name));
  return *def;
}

// Argument infos for `values`, each a constant when `constant`. The infos point into
// `values`, which must outlive them.
inline std::vector<ArgumentInfo> Infos(const std::vector<Value>& values, bool constant = true) {
  std::vector<ArgumentInfo> infos;
  for (const Value& value : values) {
    infos.push_back({TypeOfValue(value), constant ? &value : nullptr});
  }
  return infos;
}

// The check's error message, or "" when the check passes.
inline std::string CheckMessage(std::string_view name, const std::vector<ArgumentInfo>& infos) {
  const CheckResult result = Function(name).check(infos);
  const auto* error = std::get_if<CheckError>(&result);
  return error == nullptr ? "" : error->message;
}

// A call site after check and prepare: evaluates many times with one prepared state.
class PreparedCall {
 public:
  PreparedCall(std::string_view name, const std::vector<Value>& constants)
      : def_(Function(name)), constants_(constants) {
    const std::vector<ArgumentInfo> infos = Infos(constants_);
    const CheckResult checked = def_.check(infos);
    if (const auto* error = std::get_if<CheckError>(&checked)) {
      ADD_FAILURE() << name << ": check failed: " << error->message;
    }
    if (def_.prepare) {
      PrepareResult prepared = def_.prepare(infos);
      if (const auto* error = std::get_if<CheckError>(&prepared)) {
        ADD_FAILURE() << name << ": prepare failed: " << error->message;
      } else {
        state_ = std::get<PreparedState>(prepared);
      }
    }
  }

  Value Eval(const std::vector<Value>& args, CallContext context = {}) const {
    context.prepared = state_.get();
    return def_.eval(args, context);
  }

 private:
  const FunctionDef& def_;
  std::vector<Value> constants_;
  PreparedState state_;
};

// check + prepare + eval with every argument a constant.
inline Value Call(std::string_view name, const std::vector<Value>& args,
                  const CallContext& context = {}) {
  return PreparedCall(name, args).Eval(args, context);
}

inline Value Strings(const std::vector<std::string>& strings) {
  ValueList list;
  for (const std::string& text : strings) list.emplace_back(text);
  return Value(std::move(list));
}

inline Value Number(std::string_view text) { return Value(*Decimal::Parse(text)); }

}  // namespace tradelint
