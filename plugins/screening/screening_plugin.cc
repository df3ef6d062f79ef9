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

CheckResult CheckSanctionsMatch(std::span<const ArgumentInfo> args) {
  if (args.size() != 3 && args.size() != 4) {
    return CheckError{"`sanctions_match` takes 3 or 4 arguments, found " +
                      std::to_string(args.size())};
  }
  const Type& names = args[0].type;
  if (!names.is_any() && names.kind != Type::Kind::kString &&
      !(names.kind == Type::Kind::kList &&
        (names.Element().is_any() || names.Element().kind == Type::Kind::kString))) {
    return ArgumentTypeError(0, "a string or a list of string", names);
  }
  if (auto error = CheckArgumentType(args, 1, Type::Number())) return *error;
  if (auto error = CheckArgumentType(args, 2, Type::String())) return *error;
  if (args.size() == 4) {
    if (auto error = CheckArgumentType(args, 3, Type::Date())) return *error;
  }
  if (args[2].constant != nullptr && args[2].constant->is_string() &&
      args[2].constant->as_string() != "strong" && args[2].constant->as_string() != "all") {
    return CheckError{"expected \"strong\" or \"all\" for argument 3", 2};
  }
  return Type::String();
}

Value SanctionsMatch(std::span<const Value> args, const CallContext& context,
                     const Dispositions* dispositions) {
  if (!(args[0].is_string() || args[0].is_list()) || !args[1].is_number() || !args[2].is_string())
    return Value();
  if (context.reference == nullptr) return Value();
  std::string error;
  const std::shared_ptr<const Screener> screener = SharedScreener(*context.reference, &error);
  if (screener == nullptr) return Value();
  ScreenOptions options;
  options.min_score = std::stod(args[1].as_number().ToString());
  if (args.size() > 3 && args[3].is_date()) options.birth_year = args[3].as_date().year();
  const bool strong_only = args[2].as_string() == "strong";
  std::vector<std::string> names;
  if (args[0].is_string()) names.push_back(args[0].as_string());
  if (args[0].is_list()) {
    for (const Value& name : args[0].as_list()) {
      if (name.is_string()) names.push_back(name.as_string());
    }
  }
  for (const std::string& name : names) {
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
      return Value("`" + name + "` matches the " + match.list->title + " entry " + match.entry->id +
                   " \"" + match.name->text + "\"" + (match.name->weak ? " (weak alias)" : "") +
                   ", program " + match.entry->programs + ", score " + FormatScore(match.score) +
                   ", list version " + version + decided);
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
                    "string, born: "
                    "date?) -> string",
       .summary = "the best sanctions-list entry whose name scores at least min_score, or \"\"",
       .check = CheckSanctionsMatch,
       .prepare = nullptr,
       .eval =
           [dispositions = dispositions_](std::span<const Value> args, const CallContext& context) {
             return SanctionsMatch(args, context, dispositions.get());
           },
       .accepts_missing = false});
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
