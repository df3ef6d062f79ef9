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
  if (auto error = CheckArgumentType(args, 0, Type::String())) return *error;
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

Value SanctionsMatch(std::span<const Value> args, const CallContext& context) {
  if (!args[0].is_string() || !args[1].is_number() || !args[2].is_string()) return Value();
  if (context.reference == nullptr) return Value();
  std::string error;
  const std::shared_ptr<const Screener> screener = SharedScreener(*context.reference, &error);
  if (screener == nullptr) return Value();
  ScreenOptions options;
  options.min_score = std::stod(args[1].as_number().ToString());
  if (args.size() > 3 && args[3].is_date()) options.birth_year = args[3].as_date().year();
  const bool strong_only = args[2].as_string() == "strong";
  for (const ScreeningMatch& match : screener->Screen(args[0].as_string(), options)) {
    if (strong_only && match.name->weak) continue;
    if (context.notes != nullptr) {
      const std::string stale = StaleListNote(*match.list, context.as_of);
      if (!stale.empty()) context.notes->push_back(stale);
    }
    return Value(match.list->title + " entry " + match.entry->id + " \"" + match.name->text +
                 "\"" + (match.name->weak ? " (weak alias)" : "") + ", program " +
                 match.entry->programs + ", score " + FormatScore(match.score) +
                 ", list version " + match.list->provenance.version);
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

Value HsNearest(std::span<const Value> args, const CallContext& context) {
  if (!args[0].is_string() || context.reference == nullptr || context.reference->hs() == nullptr)
    return Value();
  const HsNomenclature& hs = *context.reference->hs();
  std::string text;
  for (const std::string& code : hs.Nearest(args[0].as_string(), 3)) {
    if (!text.empty()) text += "; ";
    std::string description = *hs.Description(code);
    if (description.size() > 60) description = description.substr(0, 57) + "...";
    text += code + " (" + description + ")";
  }
  return Value(text);
}

}  // namespace

std::vector<FunctionDef> ScreeningPlugin::Functions() const {
  std::vector<FunctionDef> functions;
  functions.push_back(
      {.name = "sanctions_match",
       .signature = "sanctions_match(name: string, min_score: number, aliases: string, born: "
                    "date?) -> string",
       .summary = "the best sanctions-list entry whose name scores at least min_score, or \"\"",
       .check = CheckSanctionsMatch,
       .prepare = nullptr,
       .eval = SanctionsMatch,
       .accepts_missing = true});
  functions.push_back({.name = "hs_code_known",
                       .signature = "hs_code_known(code: string) -> bool",
                       .summary = "whether the code's first six digits are an HS 2022 subheading",
                       .check = FixedSignature("hs_code_known", {Type::String()}, Type::Bool()),
                       .prepare = nullptr,
                       .eval = HsCodeKnown,
                       .accepts_missing = false});
  functions.push_back({.name = "hs_nearest",
                       .signature = "hs_nearest(code: string) -> string",
                       .summary = "the HS 2022 subheadings nearest to a code, with descriptions",
                       .check = FixedSignature("hs_nearest", {Type::String()}, Type::String()),
                       .prepare = nullptr,
                       .eval = HsNearest,
                       .accepts_missing = false});
  return functions;
}

}  // namespace tradelint
