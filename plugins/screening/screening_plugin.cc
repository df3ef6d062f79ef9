#include "plugins/screening/screening_plugin.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "engine/refdata/reference_data.h"
#include "engine/screening/screening_lists.h"
#include "plugins/common/arguments.h"

namespace tradelint {
namespace {

std::string FormatScore(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", score);
  return text;
}

// Whether `type` is `element`, a list of it, or not known until run time.
bool OneOrList(const Type& type, Type::Kind element) {
  return type.is_any() || type.kind == element ||
         (type.kind == Type::Kind::kList &&
          (type.Element().is_any() || type.Element().kind == element));
}

CheckResult CheckSanctionsMatch(std::span<const ArgumentInfo> args) {
  if (args.size() < 3 || args.size() > 5) {
    return CheckError{"`sanctions_match` takes 3 to 5 arguments, found " +
                      std::to_string(args.size())};
  }
  if (!OneOrList(args[0].type, Type::Kind::kString))
    return ArgumentTypeError(0, "a string or a list of string", args[0].type);
  if (auto error = CheckArgumentType(args, 1, Type::Number())) return *error;
  if (auto error = CheckArgumentType(args, 2, Type::String())) return *error;
  if (args.size() > 3 && !OneOrList(args[3].type, Type::Kind::kString))
    return ArgumentTypeError(3, "a string or a list of string", args[3].type);
  if (args.size() > 4 && !OneOrList(args[4].type, Type::Kind::kDate))
    return ArgumentTypeError(4, "a date or a list of date", args[4].type);
  if (args[2].constant != nullptr && args[2].constant->is_string() &&
      args[2].constant->as_string() != "strong" && args[2].constant->as_string() != "all") {
    return CheckError{"expected \"strong\" or \"all\" for argument 3", 2};
  }
  return Type::String();
}

// The `k`th party's value of an argument given per party: the list's element `k`, or the one
// value given for every party.
const Value& OfParty(std::span<const Value> args, std::size_t index, std::size_t k) {
  if (index >= args.size()) return Value::MissingValue();
  const Value& arg = args[index];
  if (!arg.is_list()) return arg;
  return k < arg.as_list().size() ? arg.as_list()[k] : Value::MissingValue();
}

std::string Described(const std::string& name, const ScreeningMatch& match,
                      const std::string& decided) {
  std::string evidence;
  for (const std::string& item : match.evidence) evidence += "; " + item;
  return "`" + name + "` matches the " + match.list->title + " entry " + match.entry->id + " \"" +
         match.name->text + "\"" + (match.name->weak ? " (weak alias)" : "") + ", program " +
         match.entry->programs + ", score " + FormatScore(match.score) + evidence +
         ", list version " + match.list->provenance.version + decided;
}

// Missing arguments are accepted (FunctionDef::accepts_missing): a party's country and date of
// birth are optional, each party's own (a list parallel to the names, or one value for all). A
// missing name, score or alias choice is unknown.
Value SanctionsMatch(std::span<const Value> args, const CallContext& context,
                     const Dispositions* dispositions) {
  if (!(args[0].is_string() || args[0].is_list()) || !args[1].is_number() || !args[2].is_string())
    return Value();
  if (context.reference == nullptr) return Value();
  std::string error;
  const std::shared_ptr<const Screener> screener = SharedScreener(*context.reference, &error);
  if (screener == nullptr) return Value();
  const bool strong_only = args[2].as_string() == "strong";
  const std::vector<Value> names =
      args[0].is_list() ? std::vector<Value>(args[0].as_list().begin(), args[0].as_list().end())
                        : std::vector<Value>{args[0]};
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (!names[k].is_string()) continue;
    const std::string& name = names[k].as_string();
    ScreenOptions options;
    options.min_score = std::stod(args[1].as_number().ToString());
    if (const Value& country = OfParty(args, 3, k); country.is_string())
      options.country = country.as_string();
    if (const Value& born = OfParty(args, 4, k); born.is_date())
      options.birth_year = born.as_date().year();
    for (const ScreeningMatch& match : screener->Screen(name, options)) {
      if (strong_only && match.name->weak) continue;
      const Disposition* disposition =
          dispositions != nullptr ? dispositions->Find(name, match.list->id, match.entry->id)
                                  : nullptr;
      const std::string& version = match.list->provenance.version;
      std::string decided;
      if (disposition != nullptr && disposition->decision == "cleared") {
        if (disposition->list_version == version) continue;  // cleared, and still holds
        decided = "; the disposition clearing it on list version " + disposition->list_version +
                  " (" + disposition->by + ", " + disposition->date +
                  ") no longer holds: the list is now version " + version + "; review it";
      } else if (disposition != nullptr) {
        decided = "; confirmed by " + disposition->by + " on " + disposition->date;
      }
      if (context.notes != nullptr) {
        const std::string stale = StaleListNote(*match.list, context.as_of);
        if (!stale.empty()) context.notes->push_back(stale);
      }
      return Value(Described(name, match, decided));
    }
  }
  return Value(std::string());
}

bool SixDigits(const std::string& code) {
  return code.size() >= 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Value HsCodeKnown(std::span<const Value> args, const CallContext& context) {
  if (!args[0].is_string() || context.reference == nullptr || context.reference->hs() == nullptr)
    return Value();
  const std::string& code = args[0].as_string();
  return Value(SixDigits(code) && context.reference->hs()->Contains(code.substr(0, 6)));
}

// "" when every code is known, else the first unknown code with its nearest subheadings.
std::string UnknownCode(const std::string& code, const HsNomenclature& hs) {
  if (SixDigits(code) && hs.Contains(code.substr(0, 6))) return "";
  std::string text = "`" + code + "` is not ";
  text += SixDigits(code) ? "an HS 2022 subheading (by its first six digits)"
                          : "an HS code of at least six digits";
  std::string nearest;
  for (const std::string& valid : hs.Nearest(code, 3)) {
    std::string description = *hs.Description(valid);
    if (description.size() > 60) description = description.substr(0, 57) + "...";
    nearest += (nearest.empty() ? "" : "; ") + valid + " (" + description + ")";
  }
  if (!nearest.empty()) text += "; nearest valid: " + nearest;
  return text;
}

CheckResult CheckHsUnknown(std::span<const ArgumentInfo> args) {
  if (auto error = CheckArgumentCount("hs_unknown", args, 1)) return *error;
  const Type& type = args[0].type;
  if (!type.is_any() && type.kind != Type::Kind::kString &&
      !(type.kind == Type::Kind::kList &&
        (type.Element().is_any() || type.Element().kind == Type::Kind::kString))) {
    return ArgumentTypeError(0, "a string or a list of string", type);
  }
  return Type::String();
}

Value HsUnknown(std::span<const Value> args, const CallContext& context) {
  if (context.reference == nullptr || context.reference->hs() == nullptr) return Value();
  const HsNomenclature& hs = *context.reference->hs();
  if (args[0].is_string()) return Value(UnknownCode(args[0].as_string(), hs));
  if (!args[0].is_list()) return Value();
  for (const Value& code : args[0].as_list()) {
    if (!code.is_string()) continue;
    std::string unknown = UnknownCode(code.as_string(), hs);
    if (!unknown.empty()) return Value(std::move(unknown));
  }
  return Value(std::string());
}

}  // namespace

std::vector<FunctionDef> ScreeningPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(
      {.name = "sanctions_match",
       .signature = "sanctions_match(names: string | list<string>, min_score: number, aliases: "
                    "string, country: string | list<string>?, born: date | list<date>?) -> "
                    "string",
       .summary = "the best sanctions-list entry whose name scores at least min_score (raised "
                  "or lowered by each party's year of birth and country), or \"\"",
       .check = CheckSanctionsMatch,
       .prepare = nullptr,
       .eval =
           [dispositions = dispositions_](std::span<const Value> args, const CallContext& context) {
             return SanctionsMatch(args, context, dispositions.get());
           },
       .accepts_missing = true});
  functions.push_back({.name = "hs_code_known",
                       .signature = "hs_code_known(code: string) -> bool",
                       .summary = "whether the code's first six digits are an HS 2022 subheading",
                       .check = FixedSignature("hs_code_known", {Type::String()}, Type::Bool()),
                       .prepare = nullptr,
                       .eval = HsCodeKnown,
                       .accepts_missing = false});
  functions.push_back({.name = "hs_unknown",
                       .signature = "hs_unknown(codes: string | list<string>) -> string",
                       .summary = "the first code not in HS 2022, with the nearest valid ones",
                       .check = CheckHsUnknown,
                       .prepare = nullptr,
                       .eval = HsUnknown,
                       .accepts_missing = false});
  return functions;
}

}  // namespace tradelint
