#include "engine/api/waivers.h"

#include <algorithm>
#include <array>

#include "engine/base/file.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

constexpr std::array<std::string_view, 6> kWaiverKeys = {"rule",   "record",  "markets",
                                                         "reason", "expires", "approved_by"};

bool IsKnownRule(const Program& program, std::string_view rule) {
  const std::vector<const CheckedRule*>& rules = program.rules();
  if (std::any_of(rules.begin(), rules.end(), [&](const CheckedRule* candidate) {
        return candidate->id == rule || candidate->ref == rule;
      })) {
    return true;
  }
  const auto& scopes = program.scope_rules();
  return std::any_of(scopes.begin(), scopes.end(),
                     [&](const auto& scope) { return scope->rule.id == rule; });
}

// Reads one waiver object; returns an error message, empty when it is valid.
std::string ReadWaiver(const Value& entry, const Program& program, Waiver& waiver) {
  if (!entry.is_object()) return "is not an object";
  for (const auto& [key, value] : entry.as_object()) {
    if (std::find(kWaiverKeys.begin(), kWaiverKeys.end(), key) == kWaiverKeys.end()) {
      return "has an unknown field `" + key +
             "` (fields: rule, record, markets, reason, expires, approved_by)";
    }
  }
  auto text = [&](std::string_view key, std::string& out) -> std::string {
    const Value& value = entry.Get(key);
    if (!value.is_string() || value.as_string().empty())
      return "needs `" + std::string(key) + "` as a non-empty string";
    out = value.as_string();
    return "";
  };
  for (const auto& [key, out] : {std::pair<std::string_view, std::string*>{"rule", &waiver.rule},
                                 {"record", &waiver.record},
                                 {"reason", &waiver.reason},
                                 {"approved_by", &waiver.approved_by}}) {
    if (std::string problem = text(key, *out); !problem.empty()) return problem;
  }
  std::string expires;
  if (std::string problem = text("expires", expires); !problem.empty()) return problem;
  const std::optional<Date> date = Date::Parse(expires);
  if (!date) return "has `expires` `" + expires + "`, not a date YYYY-MM-DD";
  waiver.expires = *date;
  const Value& markets = entry.Get("markets");
  if (!markets.is_missing()) {
    if (!markets.is_list()) return "needs `markets` as a list of market codes";
    for (const Value& market : markets.as_list()) {
      if (!market.is_string() || !program.markets().IsValidMarket(market.as_string())) {
        return "has `markets` entry " +
               (market.is_string() ? "`" + market.as_string() + "`" : market.ToDisplayString()) +
               ", not a market code";
      }
      waiver.markets.push_back(market.as_string());
    }
  }
  if (!IsKnownRule(program, waiver.rule))
    return "names rule `" + waiver.rule + "`, which no loaded rule has as id or ref";
  return "";
}

}  // namespace

bool MatchesWildcard(std::string_view pattern, std::string_view text) {
  // Greedy matching with one backtrack point for the last `*`: linear in practice.
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<Waivers> Waivers::Parse(std::string_view text, std::string_view file_name,
                                      const Program& program, std::string* error) {
  JsonResult parsed = ParseJsonPrecise(text);
  if (const JsonError* json_error = std::get_if<JsonError>(&parsed)) {
    *error = std::string(file_name) + ": not valid JSON: " + json_error->message;
    return std::nullopt;
  }
  const Value& root = std::get<Value>(parsed);
  const Value& entries = root.Get("waivers");
  if (!root.is_object() || !entries.is_list()) {
    *error = std::string(file_name) + ": expected an object with a `waivers` list";
    return std::nullopt;
  }
  Waivers waivers;
  for (std::size_t i = 0; i < entries.as_list().size(); ++i) {
    Waiver waiver;
    waiver.location = std::string(file_name) + ": waivers[" + std::to_string(i) + "]";
    if (std::string problem = ReadWaiver(entries.as_list()[i], program, waiver); !problem.empty()) {
      *error = waiver.location + " " + problem;
      return std::nullopt;
    }
    waivers.waivers_.push_back(std::move(waiver));
  }
  return waivers;
}

std::optional<Waivers> Waivers::Load(const std::string& path, const Program& program,
                                     std::string* error) {
  const std::optional<std::string> text = ReadFile(path);
  if (!text) {
    *error = "cannot read waivers file `" + path + "`";
    return std::nullopt;
  }
  return Parse(*text, path, program, error);
}

const Waiver* Waivers::Find(const CheckedRule& rule, std::string_view record_id,
                            std::string_view market, std::string_view group_market,
                            Date today) const {
  const Waiver* expired = nullptr;
  for (const Waiver& waiver : waivers_) {
    if (waiver.rule != rule.id && (rule.ref.empty() || waiver.rule != rule.ref)) continue;
    if (!MatchesWildcard(waiver.record, record_id)) continue;
    const bool in_market =
        waiver.markets.empty() ||
        std::any_of(waiver.markets.begin(), waiver.markets.end(), [&](const std::string& code) {
          return code == market || (!group_market.empty() && code == group_market);
        });
    if (!in_market) continue;
    if (!(waiver.expires < today)) return &waiver;
    if (expired == nullptr) expired = &waiver;
  }
  return expired;
}

}  // namespace tradelint
