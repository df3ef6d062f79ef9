#include "engine/screening/dispositions.h"

#include <variant>

#include "engine/base/date.h"
#include "engine/json/json.h"
#include "engine/screening/name_tokens.h"
#include "engine/value/value.h"

namespace tradelint {

std::string PartyKey(std::string_view party) {
  std::string key;
  for (const std::string& word : NameTokens(party)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

std::optional<Dispositions> Dispositions::Parse(std::string_view text, std::string_view file_name,
                                                std::string* error) {
  auto fail = [&](const std::string& message) {
    *error = std::string(file_name) + ": " + message;
    return std::nullopt;
  };
  JsonResult parsed = ParseJson(text);
  if (const JsonError* json_error = std::get_if<JsonError>(&parsed))
    return fail("not JSON: " + json_error->message);
  const Value& root = std::get<Value>(parsed);
  const Value& list = root.Get("dispositions");
  if (!root.is_object() || !list.is_list())
    return fail(
        R"(expected {"dispositions": [{"party", "list", "entry", "list_version", "decision", "reason", "by", "date"}]})");
  Dispositions dispositions;
  for (std::size_t i = 0; i < list.as_list().size(); ++i) {
    const Value& item = list.as_list()[i];
    const std::string where = "disposition " + std::to_string(i + 1) + ": ";
    if (!item.is_object()) return fail(where + "expected an object");
    Disposition disposition;
    for (auto [name, field] :
         {std::pair{"party", &disposition.party}, std::pair{"list", &disposition.list},
          std::pair{"entry", &disposition.entry},
          std::pair{"list_version", &disposition.list_version},
          std::pair{"decision", &disposition.decision}, std::pair{"reason", &disposition.reason},
          std::pair{"by", &disposition.by}, std::pair{"date", &disposition.date}}) {
      const Value& member = item.Get(name);
      if (!member.is_string() || member.as_string().empty())
        return fail(where + "`" + name + "` must be a non-empty string");
      *field = member.as_string();
    }
    if (disposition.decision != "cleared" && disposition.decision != "confirmed")
      return fail(where + "`decision` must be \"cleared\" or \"confirmed\"");
    if (!Date::Parse(disposition.date)) return fail(where + "`date` must be YYYY-MM-DD");
    dispositions.parties_.push_back(PartyKey(disposition.party));
    dispositions.dispositions_.push_back(std::move(disposition));
  }
  return dispositions;
}

const Disposition* Dispositions::Find(std::string_view party, std::string_view list,
                                      std::string_view entry) const {
  const std::string key = PartyKey(party);
  // The last disposition recorded wins: a later decision replaces an earlier one.
  for (std::size_t i = dispositions_.size(); i-- > 0;) {
    const Disposition& disposition = dispositions_[i];
    if (parties_[i] == key && disposition.list == list && disposition.entry == entry)
      return &disposition;
  }
  return nullptr;
}

}  // namespace tradelint
