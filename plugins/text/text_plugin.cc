#include "plugins/text/text_plugin.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "plugins/common/arguments.h"
#include "plugins/text/prefix_matcher.h"
#include "plugins/text/term_matcher.h"
#include "plugins/text/unicode_text.h"
#include "plugins/text/word_matcher.h"

namespace tradelint {
namespace {

// A string -> string function; a non-string or invalid UTF-8 argument gives missing.
FunctionDef StringMap(std::string name, std::string summary,
                      std::optional<std::string> (*map)(std::string_view)) {
  FunctionDef def;
  def.name = name;
  def.signature = name + "(text: string) -> string";
  def.summary = std::move(summary);
  def.check = FixedSignature(name, {Type::String()}, Type::String());
  def.eval = [map](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_string()) return Value();
    std::optional<std::string> result = map(args[0].as_string());
    return result ? Value(std::move(*result)) : Value();
  };
  return def;
}

// A (string, string) -> boolean test; a non-string argument or invalid UTF-8 gives missing.
FunctionDef StringTest(std::string name, std::string summary,
                       std::optional<bool> (*test)(std::string_view, std::string_view)) {
  FunctionDef def;
  def.name = name;
  def.signature = name + "(text: string, part: string) -> boolean";
  def.summary = std::move(summary);
  def.check = FixedSignature(name, {Type::String(), Type::String()}, Type::Bool());
  def.eval = [test](std::span<const Value> args, const CallContext&) -> Value {
    if (!args[0].is_string() || !args[1].is_string()) return Value();
    const std::optional<bool> result = test(args[0].as_string(), args[1].as_string());
    return result ? Value(*result) : Value();
  };
  return def;
}

std::optional<std::string> Trimmed(std::string_view text) {
  const std::optional<std::string_view> trimmed = TrimSpace(text);
  if (!trimmed) return std::nullopt;
  return std::string(*trimmed);
}

std::optional<bool> Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::optional<bool> StartsWith(std::string_view text, std::string_view part) {
  return text.starts_with(part);
}

std::optional<bool> EndsWith(std::string_view text, std::string_view part) {
  return text.ends_with(part);
}

std::optional<bool> ContainsText(std::string_view text, std::string_view part) {
  const std::optional<std::string> folded_text = CaseFold(text);
  const std::optional<std::string> folded_part = CaseFold(part);
  if (!folded_text || !folded_part) return std::nullopt;
  return folded_text->find(*folded_part) != std::string::npos;
}

FunctionDef Len() {
  FunctionDef def;
  def.name = "len";
  def.signature = "len(value: string | list) -> number";
  def.summary =
      "the number of characters (Unicode code points) of a string, or of elements of "
      "a list";
  def.check = [](std::span<const ArgumentInfo> args) -> CheckResult {
    if (auto error = CheckArgumentCount("len", args, 1)) return *error;
    const Type::Kind kind = args[0].type.kind;
    if (kind != Type::Kind::kAny && kind != Type::Kind::kString && kind != Type::Kind::kList) {
      return ArgumentTypeError(0, "a string or a list", args[0].type);
    }
    return Type::Number();
  };
  def.eval = [](std::span<const Value> args, const CallContext&) -> Value {
    if (args[0].is_list())
      return Value(Decimal(static_cast<std::int64_t>(args[0].as_list().size())));
    if (!args[0].is_string()) return Value();
    const std::optional<std::size_t> count = CodePointCount(args[0].as_string());
    return count ? Value(Decimal(static_cast<std::int64_t>(*count))) : Value();
  };
  return def;
}

// The entries of a constant list of words, terms or prefixes: a string, or a list (or set) of
// strings. An error for the author when the argument is not a constant or holds anything but
// strings.
std::variant<std::vector<std::string>, CheckError> WordListEntries(const ArgumentInfo& arg) {
  if (arg.constant == nullptr) {
    return CheckError{
        "the list must be a constant (a string literal, a list literal, a `const`, a "
        "`set` or a `table`), so that it is compiled once",
        1};
  }
  const Value& words = *arg.constant;
  if (words.is_string()) return std::vector<std::string>{words.as_string()};
  if (!words.is_list()) {
    return CheckError{"the list must be a string or a list of strings, found " +
                          std::string(KindName(words.kind())),
                      1};
  }
  std::vector<std::string> entries;
  for (const Value& word : words.as_list()) {
    if (!word.is_string()) {
      return CheckError{"the list must hold strings only, found " +
                            std::string(KindName(word.kind())) + " " + word.ToDisplayString(),
                        1};
    }
    entries.push_back(word.as_string());
  }
  return entries;
}

// A function of (text, constant list) whose list is compiled into a `Matcher` at plan time:
// contains_word and matching_words (WordMatcher), contains_any (TermMatcher), has_prefix
// (PrefixMatcher). `Matcher::Create(entries)` returns the matcher or an error message.
template <typename Matcher>
FunctionDef ListMatchFunction(std::string name, std::string signature, std::string summary,
                              Type result, Value (*match)(const Matcher&, std::string_view text)) {
  FunctionDef def;
  def.name = name;
  def.signature = std::move(signature);
  def.summary = std::move(summary);
  def.check = [name, result](std::span<const ArgumentInfo> args) -> CheckResult {
    if (auto error = CheckArgumentCount(name, args, 2)) return *error;
    if (auto error = CheckArgumentType(args, 0, Type::String())) return *error;
    const auto entries = WordListEntries(args[1]);
    if (const auto* error = std::get_if<CheckError>(&entries)) return *error;
    return result;
  };
  def.prepare = [](std::span<const ArgumentInfo> args) -> PrepareResult {
    auto entries = WordListEntries(args[1]);
    if (auto* error = std::get_if<CheckError>(&entries)) return std::move(*error);
    auto matcher = Matcher::Create(std::get<std::vector<std::string>>(entries));
    if (auto* error = std::get_if<std::string>(&matcher)) return CheckError{std::move(*error), 1};
    return PreparedState(std::make_shared<const Matcher>(std::move(std::get<Matcher>(matcher))));
  };
  def.eval = [match](std::span<const Value> args, const CallContext& context) -> Value {
    if (context.prepared == nullptr || !args[0].is_string()) return Value();
    return match(*static_cast<const Matcher*>(context.prepared), args[0].as_string());
  };
  return def;
}

Value HasPrefix(const PrefixMatcher& matcher, std::string_view text) {
  return Value(matcher.MatchesStartOf(text));
}

Value ContainsAnyTerm(const TermMatcher& matcher, std::string_view text) {
  const std::optional<bool> found = matcher.ContainsAny(text);
  return found ? Value(*found) : Value();
}

Value ContainsWord(const WordMatcher& matcher, std::string_view text) {
  const std::optional<bool> found = matcher.ContainsAny(text);
  return found ? Value(*found) : Value();
}

Value MatchingWords(const WordMatcher& matcher, std::string_view text) {
  std::optional<std::vector<std::string>> matches = matcher.Matches(text);
  if (!matches) return Value();
  ValueList list;
  list.reserve(matches->size());
  for (std::string& match : *matches) list.emplace_back(std::move(match));
  return Value(std::move(list));
}

}  // namespace

std::vector<FunctionDef> TextPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(StringMap("lower", "lower case (simple Unicode case mapping)", ToLower));
  functions.push_back(StringMap("upper", "upper case (simple Unicode case mapping)", ToUpper));
  functions.push_back(
      StringMap("casefold", "NFKC normalisation and case folding, for case-insensitive comparison",
                CaseFold));
  functions.push_back(StringMap("normalize", "NFC normalisation", NormalizeNfc));
  functions.push_back(
      StringMap("trim", "the text without leading and trailing white space", Trimmed));
  functions.push_back(Len());
  functions.push_back(
      StringTest("contains", "whether `part` occurs in `text` (exact, case-sensitive)", Contains));
  functions.push_back(StringTest(
      "starts_with", "whether `text` starts with `part` (exact, case-sensitive)", StartsWith));
  functions.push_back(
      StringTest("ends_with", "whether `text` ends with `part` (exact, case-sensitive)", EndsWith));
  functions.push_back(StringTest("contains_text",
                                 "whether `part` occurs in `text` after NFKC case folding of both",
                                 ContainsText));
  functions.push_back(ListMatchFunction<WordMatcher>(
      "contains_word",
      "contains_word(text: string, words: constant string | list of string) "
      "-> boolean",
      "whether any word or phrase of the constant list occurs in `text` as whole words, "
      "compared after NFKC case folding",
      Type::Bool(), ContainsWord));
  functions.push_back(ListMatchFunction<WordMatcher>(
      "matching_words",
      "matching_words(text: string, words: constant string | list of string) "
      "-> list of string",
      "the entries of the constant list that occur in `text` as whole words, as written in "
      "the list, in order of first occurrence",
      Type::ListOf(Type::String()), MatchingWords));
  functions.push_back(ListMatchFunction<TermMatcher>(
      "contains_any",
      "contains_any(text: string, terms: constant string | list of string) -> boolean",
      "whether any term of the constant list occurs anywhere in `text` (also inside words, as in "
      "Chinese or Japanese text without spaces), compared after NFKC case folding",
      Type::Bool(), ContainsAnyTerm));
  functions.push_back(ListMatchFunction<PrefixMatcher>(
      "has_prefix",
      "has_prefix(text: string, prefixes: constant string | list of string) -> boolean",
      "whether `text` starts with any entry of the constant list, byte for byte (tariff code "
      "chapters and headings: `8507` matches `850760`)",
      Type::Bool(), HasPrefix));
  return functions;
}

}  // namespace tradelint
