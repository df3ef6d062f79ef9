#include "plugins/regex/regex_plugin.h"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <utility>

#include "plugins/common/arguments.h"

namespace tradelint {
namespace {

enum class Mode { kPartial, kFull, kExtract };

// Compiles the constant pattern of argument 2.
PrepareResult Compile(std::span<const ArgumentInfo> args, const RegexOptions& options, Mode mode) {
  const Value* pattern = args[1].constant;
  if (pattern == nullptr || !pattern->is_string()) {
    return CheckError{"the pattern must be a constant string", 1};
  }
  RE2::Options re2_options;
  re2_options.set_log_errors(false);
  re2_options.set_max_mem(options.max_mem);
  auto regex = std::make_shared<const RE2>(pattern->as_string(), re2_options);
  if (!regex->ok()) {
    return CheckError{"invalid regular expression: " + regex->error(), 1};
  }
  if (mode == Mode::kExtract && regex->NumberOfCapturingGroups() < 1) {
    return CheckError{"`extract` needs a pattern with a capture group, such as `(\\d+)`", 1};
  }
  return PreparedState(std::move(regex));
}

FunctionDef RegexFunction(std::string name, std::string signature, std::string summary, Type result,
                          Mode mode, RegexOptions options) {
  FunctionDef def;
  def.name = name;
  def.signature = std::move(signature);
  def.summary = std::move(summary);
  const CheckFunction types = FixedSignature(name, {Type::String(), Type::String()}, result);
  def.check = [types](std::span<const ArgumentInfo> args) -> CheckResult {
    CheckResult checked = types(args);
    if (std::holds_alternative<CheckError>(checked)) return checked;
    if (args[1].constant == nullptr) {
      return CheckError{
          "the pattern must be a constant string (a literal or a `const`), so "
          "that it is compiled once",
          1};
    }
    return checked;
  };
  def.prepare = [options, mode](std::span<const ArgumentInfo> args) {
    return Compile(args, options, mode);
  };
  def.eval = [mode](std::span<const Value> args, const CallContext& context) -> Value {
    if (context.prepared == nullptr || !args[0].is_string()) return Value();
    const RE2& regex = *static_cast<const RE2*>(context.prepared);
    const std::string& text = args[0].as_string();
    switch (mode) {
      case Mode::kPartial:
        return Value(RE2::PartialMatch(text, regex));
      case Mode::kFull:
        return Value(RE2::FullMatch(text, regex));
      case Mode::kExtract: {
        // Submatch 0 is the whole match, 1 the first group; an unset group has a null data().
        re2::StringPiece groups[2];
        if (!regex.Match(text, 0, text.size(), RE2::UNANCHORED, groups, 2) ||
            groups[1].data() == nullptr) {
          return Value();
        }
        return Value(std::string(groups[1].data(), groups[1].size()));
      }
    }
    return Value();
  };
  return def;
}

}  // namespace

std::vector<FunctionDef> RegexPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(RegexFunction("matches",
                                    "matches(text: string, pattern: constant string) -> boolean",
                                    "whether the RE2 pattern matches somewhere in `text`",
                                    Type::Bool(), Mode::kPartial, options_));
  functions.push_back(RegexFunction(
      "full_match", "full_match(text: string, pattern: constant string) -> boolean",
      "whether the RE2 pattern matches the whole of `text`", Type::Bool(), Mode::kFull, options_));
  functions.push_back(RegexFunction(
      "extract", "extract(text: string, pattern: constant string) -> string",
      "the first capture group of the pattern's first match in `text`; missing when it does not "
      "match",
      Type::String(), Mode::kExtract, options_));
  return functions;
}

}  // namespace tradelint
