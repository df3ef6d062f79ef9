#include "engine/markets/market_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <variant>

#include "engine/base/ascii_case.h"
#include "engine/base/file.h"
#include "engine/base/spelling.h"
#include "engine/diag/diagnostic.h"
#include "engine/json/json.h"
#include "engine/value/value.h"

namespace tradelint {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Two upper-case ASCII letters: the shape of an ISO 3166-1 alpha-2 code.
bool IsCountryShape(std::string_view code) {
  return code.size() == 2 && IsUpper(code[0]) && IsUpper(code[1]);
}

// ^[A-Z]{2}-[A-Z0-9]{1,3}$, the shape of an ISO 3166-2 code.
bool IsSubdivisionShape(std::string_view code) {
  if (code.size() < 4 || code.size() > 6 || !IsCountryShape(code.substr(0, 2)) || code[2] != '-') {
    return false;
  }
  const std::string_view part = code.substr(3);
  return std::all_of(part.begin(), part.end(), [](char c) { return IsUpper(c) || IsDigit(c); });
}

// A group code: two to eight upper-case ASCII letters (EU, EEA, GCC).
bool IsGroupShape(std::string_view code) {
  return code.size() >= 2 && code.size() <= 8 && std::all_of(code.begin(), code.end(), IsUpper);
}

// Codes people write for a country that ISO 3166-1 spells differently: the United Kingdom's
// common abbreviation and Greece's EU/VAT prefix.
constexpr std::pair<std::string_view, std::string_view> kCountryAliases[] = {{"UK", "GB"},
                                                                             {"EL", "GR"}};

// Validation of the document. Each check returns false after setting *message to a one-line
// description that names the offending place (`groups.EU.members[3]`).
bool CheckKeys(const Value& object, std::initializer_list<std::string_view> allowed,
               std::string_view where, std::string* message) {
  for (const auto& [key, member] : object.as_object()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      *message = fmt::format("{}: unknown key `{}`", where, key);
      return false;
    }
  }
  return true;
}

bool ReadString(const Value& object, std::string_view key, std::string_view where, std::string* out,
                std::string* message) {
  const Value& member = object.Get(key);
  if (!member.is_string()) {
    *message = fmt::format("{}: `{}` must be a string", where, key);
    return false;
  }
  *out = member.as_string();
  return true;
}

bool ReadDate(const Value& object, std::string_view key, std::string_view where, Date* out,
              std::string* message) {
  const Value& member = object.Get(key);
  const std::optional<Date> date =
      member.is_string() ? Date::Parse(member.as_string()) : std::nullopt;
  if (!date) {
    *message = fmt::format("{}: `{}` must be a date YYYY-MM-DD", where, key);
    return false;
  }
  *out = *date;
  return true;
}

// An optional documentation member (`note`, a group's `name`) must at least be a string.
bool CheckOptionalString(const Value& object, std::string_view key, std::string_view where,
                         std::string* message) {
  if (object.Get(key).is_missing() || object.Get(key).is_string()) return true;
  *message = fmt::format("{}: `{}` must be a string", where, key);
  return false;
}

}  // namespace

std::optional<MarketTable> MarketTable::Load(const std::string& path, std::string* error) {
  const std::optional<std::string> text = ReadFile(path);
  if (!text) {
    if (error != nullptr) *error = fmt::format("{}: cannot read the market table", path);
    return std::nullopt;
  }
  std::optional<MarketTable> table = Parse(*text, error);
  if (!table && error != nullptr) *error = fmt::format("{}: {}", path, *error);
  return table;
}

std::optional<MarketTable> MarketTable::Parse(std::string_view json_text, std::string* error) {
  std::string message;
  const auto fail = [&error, &message]() -> std::optional<MarketTable> {
    if (error != nullptr) *error = std::move(message);
    return std::nullopt;
  };

  const JsonResult parsed = ParseJson(json_text);
  if (const JsonError* json_error = std::get_if<JsonError>(&parsed)) {
    message =
        fmt::format("invalid JSON at byte {}: {}", json_error->byte_offset, json_error->message);
    return fail();
  }
  const Value& root = std::get<Value>(parsed);
  if (!root.is_object()) {
    message = "the market table must be a JSON object";
    return fail();
  }
  MarketTable table;
  if (!CheckKeys(root, {"name", "source", "date", "note", "countries", "groups", "extensions"},
                 "market table", &message) ||
      !ReadString(root, "name", "market table", &table.provenance_.name, &message) ||
      !ReadString(root, "source", "market table", &table.provenance_.source, &message) ||
      !CheckOptionalString(root, "note", "market table", &message)) {
    return fail();
  }
  Date snapshot;
  if (!ReadDate(root, "date", "market table", &snapshot, &message)) return fail();
  table.provenance_.date = snapshot.ToString();

  const Value& countries = root.Get("countries");
  if (!countries.is_list()) {
    message = "market table: `countries` must be a list of ISO 3166-1 alpha-2 codes";
    return fail();
  }
  for (std::size_t i = 0; i < countries.as_list().size(); ++i) {
    const Value& code = countries.At(i);
    if (!code.is_string() || !IsCountryShape(code.as_string())) {
      message = fmt::format("countries[{}]: {} is not an alpha-2 code (two upper-case letters)", i,
                            code.ToDisplayString());
      return fail();
    }
    if (!table.countries_.insert(code.as_string()).second) {
      message = fmt::format("countries[{}]: `{}` is listed twice", i, code.as_string());
      return fail();
    }
  }

  const Value& groups = root.Get("groups");
  if (!groups.is_object()) {
    message = "market table: `groups` must be an object";
    return fail();
  }
  for (const auto& [name, group] : groups.as_object()) {
    const std::string where = fmt::format("groups.{}", name);
    if (!IsGroupShape(name) || name == kGlobal || table.countries_.contains(name)) {
      message =
          fmt::format("{}: a group code is 2 to 8 upper-case letters and neither a country nor {}",
                      where, kGlobal);
      return fail();
    }
    if (!group.is_object()) {
      message = fmt::format("{}: must be an object", where);
      return fail();
    }
    if (!CheckKeys(group, {"name", "note", "members"}, where, &message) ||
        !CheckOptionalString(group, "name", where, &message) ||
        !CheckOptionalString(group, "note", where, &message)) {
      return fail();
    }
    const Value& members = group.Get("members");
    if (!members.is_list()) {
      message = fmt::format("{}: `members` must be a list", where);
      return fail();
    }
    std::vector<Membership>& memberships = table.groups_[name];
    for (std::size_t i = 0; i < members.as_list().size(); ++i) {
      const Value& member = members.At(i);
      const std::string member_where = fmt::format("{}.members[{}]", where, i);
      if (!member.is_object()) {
        message = fmt::format("{}: must be an object", member_where);
        return fail();
      }
      Membership membership;
      if (!CheckKeys(member, {"country", "from", "until"}, member_where, &message) ||
          !ReadString(member, "country", member_where, &membership.country, &message) ||
          !ReadDate(member, "from", member_where, &membership.from, &message)) {
        return fail();
      }
      if (!table.countries_.contains(membership.country)) {
        message = fmt::format("{}: `{}` is not in `countries`", member_where, membership.country);
        return fail();
      }
      if (!member.Get("until").is_missing()) {
        Date until;
        if (!ReadDate(member, "until", member_where, &until, &message)) return fail();
        if (until < membership.from) {
          message = fmt::format("{}: `until` is before `from`", member_where);
          return fail();
        }
        membership.until = until;
      }
      memberships.push_back(std::move(membership));
    }
  }

  const Value& extensions = root.Get("extensions");
  if (!extensions.is_missing() && !extensions.is_list()) {
    message = "market table: `extensions` must be a list";
    return fail();
  }
  for (std::size_t i = 0; !extensions.is_missing() && i < extensions.as_list().size(); ++i) {
    const Value& entry = extensions.At(i);
    const std::string where = fmt::format("extensions[{}]", i);
    if (!entry.is_object()) {
      message = fmt::format("{}: must be an object", where);
      return fail();
    }
    Extension extension;
    if (!CheckKeys(entry, {"ruleset", "market", "from", "until", "agreement", "instrument", "refs"},
                   where, &message) ||
        !ReadString(entry, "ruleset", where, &extension.ruleset, &message) ||
        !ReadString(entry, "market", where, &extension.market, &message) ||
        !ReadDate(entry, "from", where, &extension.from, &message) ||
        !ReadString(entry, "agreement", where, &extension.agreement, &message) ||
        !ReadString(entry, "instrument", where, &extension.instrument, &message)) {
      return fail();
    }
    if (!table.countries_.contains(extension.market)) {
      message = fmt::format("{}: `{}` is not in `countries`", where, extension.market);
      return fail();
    }
    if (!entry.Get("until").is_missing()) {
      Date until;
      if (!ReadDate(entry, "until", where, &until, &message)) return fail();
      if (until < extension.from) {
        message = fmt::format("{}: `until` is before `from`", where);
        return fail();
      }
      extension.until = until;
    }
    const Value& refs = entry.Get("refs");
    if (!refs.is_missing()) {
      if (!refs.is_list()) {
        message = fmt::format("{}: `refs` must be a list of strings", where);
        return fail();
      }
      for (std::size_t r = 0; r < refs.as_list().size(); ++r) {
        if (!refs.At(r).is_string()) {
          message = fmt::format("{}: `refs` must be a list of strings", where);
          return fail();
        }
        extension.refs.push_back(refs.At(r).as_string());
      }
    }
    table.extensions_.push_back(std::move(extension));
  }
  return table;
}

std::optional<MarketTable::Form> MarketTable::Classify(std::string_view code) const {
  if (groups_.contains(code)) return Form::kGroup;
  if (countries_.contains(code)) return Form::kCountry;
  if (IsSubdivisionShape(code) && countries_.contains(code.substr(0, 2))) {
    return Form::kSubdivision;
  }
  return std::nullopt;
}

std::string MarketTable::Suggest(std::string_view code) const {
  if (IsValidMarket(code)) return {};
  const std::string upper = AsciiUpper(code);
  if (IsValidMarket(upper)) return upper;
  // A subdivision-like code is corrected in its country part and keeps the rest.
  const std::size_t hyphen = upper.find('-');
  const std::string head = upper.substr(0, hyphen);
  const std::string tail = hyphen == std::string::npos ? std::string() : upper.substr(hyphen);
  for (const auto& [alias, country] : kCountryAliases) {
    if (head == alias && IsValidMarket(std::string(country) + tail)) {
      return std::string(country) + tail;
    }
  }
  if (head.size() == 2) {
    const std::string swapped = std::string{head[1], head[0]} + tail;
    if (IsValidMarket(swapped)) return swapped;
  }
  // One edit away from a two-letter code is nearly every other code (`XX` -> `AX`): edit
  // distance only guesses at the longer group names (`EEC` -> `EEA`).
  if (head.size() <= 2) return {};
  if (!tail.empty()) return {};
  return ClosestMatch(upper, GroupNames());
}

std::vector<std::string> MarketTable::CountryCodes() const {
  std::vector<std::string> codes(countries_.begin(), countries_.end());
  std::sort(codes.begin(), codes.end());
  return codes;
}

bool MarketTable::IsMember(std::string_view group, std::string_view country, Date date) const {
  const auto found = groups_.find(group);
  if (found == groups_.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(), [&](const Membership& m) {
    return m.country == country && m.from <= date && (!m.until || date <= *m.until);
  });
}

bool MarketTable::Contains(std::string_view outer, std::string_view inner, Date date) const {
  const std::optional<Form> outer_form = Classify(outer);
  const std::optional<Form> inner_form = Classify(inner);
  if (!outer_form || !inner_form) return false;
  if (outer == inner) return true;
  switch (*outer_form) {
    case Form::kSubdivision:
      return false;
    case Form::kCountry:
      return inner_form == Form::kSubdivision && inner.substr(0, 2) == outer;
    case Form::kGroup:
      switch (*inner_form) {
        case Form::kCountry:
          return IsMember(outer, inner, date);
        case Form::kSubdivision:
          return IsMember(outer, inner.substr(0, 2), date);
        case Form::kGroup: {
          const std::vector<std::string> members = Members(inner, date);
          return !members.empty() &&
                 std::all_of(members.begin(), members.end(), [&](const std::string& country) {
                   return IsMember(outer, country, date);
                 });
        }
      }
  }
  return false;
}

bool MarketTable::Selects(std::string_view market, std::string_view jurisdiction, Date date) const {
  if (!IsValidMarket(market)) return false;
  if (jurisdiction == kGlobal) return true;
  return Contains(market, jurisdiction, date) || Contains(jurisdiction, market, date);
}

bool MarketTable::SelectsRuleset(std::string_view market, std::string_view jurisdiction,
                                 std::string_view ruleset, Date date) const {
  if (Selects(market, jurisdiction, date)) return true;
  return std::any_of(extensions_.begin(), extensions_.end(), [&](const Extension& extension) {
    return extension.ruleset == ruleset && extension.from <= date &&
           (!extension.until || date <= *extension.until) &&
           (Contains(market, extension.market, date) || Contains(extension.market, market, date));
  });
}

std::vector<std::string> MarketTable::Members(std::string_view group, Date date) const {
  std::vector<std::string> members;
  const auto found = groups_.find(group);
  if (found == groups_.end()) return members;
  for (const Membership& membership : found->second) {
    if (IsMember(group, membership.country, date)) members.push_back(membership.country);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return members;
}

std::vector<std::string> MarketTable::GroupNames() const {
  std::vector<std::string> names;
  names.reserve(groups_.size());
  for (const auto& [name, memberships] : groups_) names.push_back(name);
  return names;
}

}  // namespace tradelint
