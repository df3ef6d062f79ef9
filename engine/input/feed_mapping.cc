#include "engine/input/feed_mapping.h"
#include "engine/base/ascii_case.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <variant>

#include "engine/base/file.h"
#include "engine/json/json.h"

namespace tradelint {
namespace {

// The largest mapping file read.
constexpr std::size_t kMaxMappingBytes = 1 << 20;

std::string_view Trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// A value as the text of a field; nullopt for objects, lists and missing values.
std::optional<std::string> ScalarText(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kString: {
      const std::string_view text = Trim(value.as_string());
      if (text.empty()) return std::nullopt;
      return std::string(text);
    }
    case Value::Kind::kNumber:
      return value.as_number().ToString();
    case Value::Kind::kBool:
      return value.as_bool() ? "true" : "false";
    case Value::Kind::kObject:
      if (value.as_object().size() == 1 && value.as_object().front().first == "@value") {
        return ScalarText(value.as_object().front().second);
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// Appends `value`, or each element of it when it is a list (recursively), to `out`.
void AppendFlattened(const Value& value, std::vector<const Value*>& out) {
  if (value.is_list()) {
    for (const Value& element : value.as_list()) AppendFlattened(element, out);
  } else if (!value.is_missing()) {
    out.push_back(&value);
  }
}

// Every value `attribute` reaches from `item` (see the header), lists stepped into.
std::vector<const Value*> Reach(const Value& item, std::string_view attribute) {
  std::vector<const Value*> current;
  AppendFlattened(item, current);
  for (const std::string_view step : Split(attribute, '.')) {
    std::vector<const Value*> next;
    for (const Value* value : current) {
      if (value->is_object()) AppendFlattened(value->Get(step), next);
    }
    current = std::move(next);
  }
  return current;
}

// A field path without its list brackets: `images[2].url` -> `images.url`.
std::string WithoutBrackets(std::string_view path) {
  std::string out;
  bool in_bracket = false;
  for (const char c : path) {
    if (c == '[') {
      in_bracket = true;
    } else if (c == ']') {
      in_bracket = false;
    } else if (!in_bracket) {
      out.push_back(c);
    }
  }
  return out;
}

// Whether `a` equals `b` or one lies inside the other (`a.b` and `a.b.c`).
bool Overlaps(std::string_view a, std::string_view b) {
  const std::string_view shorter = a.size() < b.size() ? a : b;
  const std::string_view longer = a.size() < b.size() ? b : a;
  return longer.substr(0, shorter.size()) == shorter &&
         (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

std::string Join(std::string_view base, std::string_view path) {
  if (base.empty()) return std::string(path);
  if (path.empty()) return std::string(base);
  return fmt::format("{}.{}", base, path);
}

// --- Reading mapping files ---------------------------------------------------------------

class MappingParser {
 public:
  explicit MappingParser(std::string_view name) : name_(name) {}

  bool Fail(const std::string& message) {
    if (error_.empty()) error_ = fmt::format("feed mapping `{}`: {}", name_, message);
    return false;
  }
  const std::string& error() const { return error_; }

  std::optional<std::string> String(const Value& value, std::string_view what) {
    if (value.is_string()) return value.as_string();
    Fail(fmt::format("{} must be a string", what));
    return std::nullopt;
  }

  bool StringList(const Value& value, std::string_view what, std::vector<std::string>& out) {
    if (value.is_string()) {
      out.push_back(value.as_string());
      return true;
    }
    if (!value.is_list())
      return Fail(fmt::format("{} must be a string or a list of strings", what));
    for (const Value& element : value.as_list()) {
      const std::optional<std::string> text = String(element, what);
      if (!text) return false;
      out.push_back(*text);
    }
    return true;
  }

  bool StringPairs(const Value& value, std::string_view what,
                   std::vector<std::pair<std::string, std::string>>& out) {
    if (!value.is_object()) return Fail(fmt::format("{} must be an object", what));
    for (const auto& [key, member] : value.as_object()) {
      const std::optional<std::string> text = String(member, what);
      if (!text) return false;
      out.emplace_back(key, *text);
    }
    return true;
  }

  bool Entry(const Value& value, FeedMappingEntry& entry) {
    if (!value.is_object()) return Fail("each entry must be an object");
    static const std::set<std::string, std::less<>> kConversions = {"split", "local_name", "upper",
                                                                    "lower", "money"};
    for (const auto& [key, member] : value.as_object()) {
      if (key == "from") {
        if (!StringList(member, "`from`", entry.from)) return false;
      } else if (key == "to" || key == "when" || key == "each" || key == "note") {
        std::optional<std::string> text = String(member, fmt::format("`{}`", key));
        if (!text) return false;
        (key == "to"     ? entry.to
         : key == "when" ? entry.when
         : key == "each" ? entry.each
                         : entry.note) = std::move(*text);
      } else if (key == "value") {
        entry.value = String(member, "`value`");
        if (!entry.value) return false;
      } else if (key == "convert") {
        if (!StringList(member, "`convert`", entry.convert)) return false;
        for (const std::string& conversion : entry.convert) {
          if (!kConversions.contains(conversion)) {
            return Fail(fmt::format("unknown conversion `{}`", conversion));
          }
        }
      } else if (key == "values") {
        std::vector<std::pair<std::string, std::string>> pairs;
        if (!StringPairs(member, "`values`", pairs)) return false;
        for (auto& [from, to] : pairs) entry.values.emplace(AsciiLower(from), std::move(to));
      } else if (key == "with") {
        if (!StringPairs(member, "`with`", entry.with)) return false;
      } else if (key == "where") {
        if (!StringPairs(member, "`where`", entry.where)) return false;
      } else if (key == "fields") {
        if (!Entries(member, entry.fields)) return false;
      } else {
        return Fail(fmt::format("unknown entry member `{}`", key));
      }
    }
    if (entry.each.empty() ? entry.from.empty() : entry.fields.empty()) {
      return Fail(entry.each.empty() ? "an entry needs `from` (or `each` and `fields`)"
                                     : fmt::format("group `{}` needs `fields`", entry.each));
    }
    if (entry.each.empty() && entry.to.empty()) {
      return Fail(fmt::format("entry from `{}` needs `to`", entry.from.front()));
    }
    if (!entry.each.empty() && !entry.to.empty() &&
        (entry.to.size() < 2 || entry.to.compare(entry.to.size() - 2, 2, "[]") != 0)) {
      return Fail(fmt::format("group `{}`: `to` must end in `[]`", entry.each));
    }
    const std::size_t brackets = entry.to.find("[]");
    if (brackets != std::string::npos && entry.to.find("[]", brackets + 1) != std::string::npos) {
      return Fail(fmt::format("`{}` may hold `[]` only once", entry.to));
    }
    return true;
  }

  bool Entries(const Value& value, std::vector<FeedMappingEntry>& out) {
    if (!value.is_list()) return Fail("`fields` must be a list");
    for (const Value& element : value.as_list()) {
      if (!Entry(element, out.emplace_back())) return false;
    }
    return true;
  }

 private:
  std::string name_;
  std::string error_;
};

// --- Mapping items -------------------------------------------------------------------------

// The fields of one item as they are written.
class FieldWriter {
 public:
  // Writes `text` at `path` unless something was written there already.
  void Write(std::string path, std::string text, const std::string& attribute) {
    if (!written_.insert(path).second) return;
    fields_.push_back({std::move(path), std::move(text), attribute});
  }
  // `to` with its `[]` replaced by the next free index of that list; nullopt when `leaf`
  // is already an element of that leaf list (`target_markets[]`). `leaf` is null for a
  // group's element, which is always new.
  std::optional<std::string> NewElement(const std::string& to, const std::string* leaf) {
    const std::size_t brackets = to.find("[]");
    const std::string list = to.substr(0, brackets);
    if (leaf != nullptr && brackets + 2 == to.size() &&
        !leaf_elements_[list].insert(*leaf).second) {
      return std::nullopt;
    }
    return fmt::format("{}[{}]{}", list, next_index_[list]++, to.substr(brackets + 2));
  }
  std::vector<MappedField> Take() { return std::move(fields_); }

 private:
  std::vector<MappedField> fields_;
  std::set<std::string, std::less<>> written_;
  std::unordered_map<std::string, std::size_t> next_index_;
  std::unordered_map<std::string, std::set<std::string, std::less<>>> leaf_elements_;
};

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> Convert(const FeedMappingEntry& entry, std::vector<std::string> texts) {
  if (Has(entry.convert, "split")) {
    std::vector<std::string> parts;
    for (const std::string& text : texts) {
      for (const std::string_view part : Split(text, ',')) {
        if (!Trim(part).empty()) parts.emplace_back(Trim(part));
      }
    }
    texts = std::move(parts);
  }
  for (std::string& text : texts) {
    if (Has(entry.convert, "local_name")) {
      const std::size_t cut = text.find_last_of("/#:");
      if (cut != std::string::npos) text.erase(0, cut + 1);
    }
    if (Has(entry.convert, "upper")) text = AsciiUpper(text);
    if (Has(entry.convert, "lower")) text = AsciiLower(text);
    if (const auto found = entry.values.find(AsciiLower(text)); found != entry.values.end()) {
      text = found->second;
    }
  }
  return texts;
}

// Writes `text` at `path`, split into amount and currency for `money`.
void WriteValue(const FeedMappingEntry& entry, const std::string& path, const std::string& text,
                const std::string& attribute, FieldWriter& writer) {
  if (!Has(entry.convert, "money")) {
    writer.Write(path, text, attribute);
    return;
  }
  const std::vector<std::string_view> words = [&] {
    std::vector<std::string_view> all;
    for (const std::string_view word : Split(text, ' ')) {
      if (!word.empty()) all.push_back(word);
    }
    return all;
  }();
  if (words.size() == 2 && words[1].size() == 3) {
    writer.Write(path + ".amount", std::string(words[0]), attribute);
    writer.Write(path + ".currency", AsciiUpper(words[1]), attribute);
  } else {
    writer.Write(path + ".amount", text, attribute);
  }
}

void Apply(const FeedMappingEntry& entry, const Value& scope, const std::string& attribute_prefix,
           const std::string& base, FieldWriter& writer) {
  if (!entry.each.empty()) {
    const std::string group_attribute = attribute_prefix + entry.each;
    for (const Value* group : Reach(scope, entry.each)) {
      if (!group->is_object()) continue;
      const bool matches =
          std::all_of(entry.where.begin(), entry.where.end(), [&](const auto& where) {
            const std::vector<std::string> texts = AttributeTexts(*group, where.first);
            return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) {
              return AsciiLower(text) == AsciiLower(where.second);
            });
          });
      if (!matches) continue;
      std::string element = base;
      if (!entry.to.empty()) {
        element = *writer.NewElement(Join(base, entry.to), nullptr);
        for (const auto& [member, text] : entry.with) {
          writer.Write(Join(element, member), text, group_attribute);
        }
      }
      for (const FeedMappingEntry& field : entry.fields) {
        Apply(field, *group, group_attribute + ".", element, writer);
      }
    }
    return;
  }
  if (!entry.when.empty() && AttributeTexts(scope, entry.when).empty()) return;
  std::vector<std::string> texts;
  std::string attribute;
  for (const std::string& from : entry.from) {
    texts = AttributeTexts(scope, from);
    if (!texts.empty()) {
      attribute = attribute_prefix + from;
      break;
    }
  }
  if (texts.empty()) return;
  if (entry.value) texts = {*entry.value};
  texts = Convert(entry, std::move(texts));
  if (texts.empty()) return;
  const std::string to = Join(base, entry.to);
  if (to.find("[]") == std::string::npos) {
    WriteValue(entry, to, texts.front(), attribute, writer);
    return;
  }
  for (const std::string& text : texts) {
    const std::optional<std::string> path = writer.NewElement(to, &text);
    if (!path) continue;
    WriteValue(entry, *path, text, attribute, writer);
    const std::string element = path->substr(0, path->find(']', to.find("[]")) + 1);
    for (const auto& [member, constant] : entry.with) {
      writer.Write(Join(element, member), constant, attribute);
    }
  }
}

void CollectTargets(const FeedMappingEntry& entry, const std::string& attribute_prefix,
                    const std::string& base,
                    std::vector<std::pair<std::string, std::string>>& out) {
  const std::string to = WithoutBrackets(Join(base, entry.to));
  if (!entry.each.empty()) {
    for (const FeedMappingEntry& field : entry.fields) {
      CollectTargets(field, attribute_prefix + entry.each + ".", to, out);
    }
    return;
  }
  for (const std::string& from : entry.from) out.emplace_back(to, attribute_prefix + from);
}

}  // namespace

std::vector<std::string> AttributeTexts(const Value& item, std::string_view attribute) {
  std::vector<std::string> texts;
  for (const Value* value : Reach(item, attribute)) {
    if (std::optional<std::string> text = ScalarText(*value)) texts.push_back(std::move(*text));
  }
  return texts;
}

std::optional<FeedMapping> FeedMapping::Load(const std::string& path, std::string* error) {
  std::string read_error;
  const std::optional<std::string> text = ReadFile(path, kMaxMappingBytes, &read_error);
  if (!text) {
    *error = fmt::format("feed mapping `{}` {}", path, read_error);
    return std::nullopt;
  }
  return Parse(*text, path, error);
}

std::optional<FeedMapping> FeedMapping::Parse(std::string_view text, std::string_view name,
                                              std::string* error) {
  JsonResult parsed = ParseJson(text);
  if (const auto* json_error = std::get_if<JsonError>(&parsed)) {
    *error = fmt::format("feed mapping `{}`: not JSON: {}", name, json_error->message);
    return std::nullopt;
  }
  const Value& root = std::get<Value>(parsed);
  MappingParser parser(name);
  FeedMapping mapping;
  const auto fail = [&] {
    *error = parser.error();
    return std::nullopt;
  };
  if (!root.is_object()) {
    parser.Fail("must be a JSON object");
    return fail();
  }
  for (const auto& [key, member] : root.as_object()) {
    if (key == "format" || key == "record_key" || key == "title" || key == "specification" ||
        key == "kind") {
      std::optional<std::string> value = parser.String(member, fmt::format("`{}`", key));
      if (!value) return fail();
      if (key == "format") mapping.format_ = std::move(*value);
      if (key == "record_key") mapping.record_key_ = std::move(*value);
      if (key == "kind") {
        const std::optional<RecordKind> kind = RecordKindFromName(*value);
        if (!kind) {
          parser.Fail(fmt::format("unknown kind `{}`", *value));
          return fail();
        }
        mapping.kind_ = *kind;
      }
    } else if (key == "text_groups") {
      if (!member.is_object()) {
        parser.Fail("`text_groups` must be an object");
        return fail();
      }
      for (const auto& [group, names] : member.as_object()) {
        if (!parser.StringList(names, "`text_groups`", mapping.text_groups_[group])) return fail();
      }
    } else if (key == "header_aliases") {
      std::vector<std::pair<std::string, std::string>> pairs;
      if (!parser.StringPairs(member, "`header_aliases`", pairs)) return fail();
      for (auto& [from, to] : pairs)
        mapping.header_aliases_.emplace(AsciiLower(from), std::move(to));
    } else if (key == "fields") {
      if (!parser.Entries(member, mapping.entries_)) return fail();
    } else {
      parser.Fail(fmt::format("unknown member `{}`", key));
      return fail();
    }
  }
  if (mapping.format_.empty()) {
    parser.Fail("needs `format`");
    return fail();
  }
  std::vector<std::pair<std::string, std::string>> targets;
  for (const FeedMappingEntry& entry : mapping.entries_) CollectTargets(entry, "", "", targets);
  for (auto& [target_path, attribute] : targets) {
    // A named reference: clang before 16 does not let a lambda capture a structured binding.
    const std::string& path = target_path;
    auto found = std::find_if(mapping.targets_.begin(), mapping.targets_.end(),
                              [&](const Target& target) { return target.path == path; });
    if (found == mapping.targets_.end()) {
      found = mapping.targets_.insert(mapping.targets_.end(), Target{path, {}});
    }
    if (!Has(found->attributes, attribute)) found->attributes.push_back(std::move(attribute));
  }
  return mapping;
}

std::vector<MappedField> FeedMapping::Map(const Value& item) const {
  FieldWriter writer;
  for (const FeedMappingEntry& entry : entries_) Apply(entry, item, "", "", writer);
  return writer.Take();
}

std::vector<std::string> FeedMapping::AttributesFor(std::string_view path) const {
  const std::string plain = WithoutBrackets(path);
  std::vector<std::string> attributes;
  for (const Target& target : targets_) {
    if (!Overlaps(target.path, plain)) continue;
    for (const std::string& attribute : target.attributes) {
      if (!Has(attributes, attribute)) attributes.push_back(attribute);
    }
  }
  return attributes;
}

}  // namespace tradelint
