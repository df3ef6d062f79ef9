#include "engine/input/supplement.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <variant>

#include "engine/base/file.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

// The largest supplement file read: it is held in memory whole.
constexpr std::size_t kMaxSupplementBytes = 256u << 20;

}  // namespace

std::optional<Supplement> Supplement::Load(const std::string& path, std::string* error) {
  std::string read_error;
  const std::optional<std::string> text = ReadFile(path, kMaxSupplementBytes, &read_error);
  if (!text) {
    *error = fmt::format("supplement `{}` {}", path, read_error);
    return std::nullopt;
  }
  Supplement supplement;
  std::istringstream lines(*text);
  std::string line;
  for (std::size_t number = 1; std::getline(lines, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto fail = [&](std::string_view problem) {
      *error = fmt::format("supplement `{}` line {}: {}", path, number, problem);
      return std::nullopt;
    };
    JsonResult parsed = ParseJson(line);
    if (const auto* json_error = std::get_if<JsonError>(&parsed)) return fail(json_error->message);
    const Value& object = std::get<Value>(parsed);
    const Value& id = object.Get("id");
    if (!object.is_object()) return fail("not a JSON object");
    if (!id.is_string() || id.as_string().empty()) return fail("no `id` (a non-empty string)");
    ValueObject fields;
    for (const auto& [key, value] : object.as_object()) {
      if (key != "id") fields.emplace_back(key, value);
    }
    if (!supplement.by_id_.emplace(id.as_string(), Value(std::move(fields))).second) {
      return fail(fmt::format("`{}` is given twice", id.as_string()));
    }
  }
  return supplement;
}

const Value* Supplement::Find(std::string_view id) const {
  const auto found = by_id_.find(std::string(id));
  return found == by_id_.end() ? nullptr : &found->second;
}

Value MergeRecord(const Value& base, const Value& overlay) {
  if (!base.is_object() || !overlay.is_object()) return overlay;
  ValueObject merged = base.as_object();
  for (const auto& member_of_overlay : overlay.as_object()) {
    const auto& [key, value] = member_of_overlay;
    const auto found = std::find_if(merged.begin(), merged.end(), [&](const auto& member) {
      return member.first == member_of_overlay.first;
    });
    if (found == merged.end()) {
      merged.emplace_back(key, value);
    } else {
      found->second = MergeRecord(found->second, value);
    }
  }
  return Value(std::move(merged));
}

}  // namespace tradelint
