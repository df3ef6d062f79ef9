#include "engine/screening/un_list.h"

#include <string.h>  // memmem

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>

namespace tradelint {
namespace {

// The XML text of `raw` with the predefined and numeric character references resolved.
std::string Unescape(std::string_view raw) {
  std::string text;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::size_t semicolon = raw[i] == '&' ? raw.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      text += raw[i];
      continue;
    }
    const std::string_view name = raw.substr(i + 1, semicolon - i - 1);
    if (name == "amp")
      text += '&';
    else if (name == "lt")
      text += '<';
    else if (name == "gt")
      text += '>';
    else if (name == "quot")
      text += '"';
    else if (name == "apos")
      text += '\'';
    else if (name.starts_with("#")) {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const long code =
          std::strtol(std::string(name.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
      if (code < 0x80) {
        text += static_cast<char>(code);
      } else if (code < 0x800) {
        text += static_cast<char>(0xC0 | (code >> 6));
        text += static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0x10000) {
        text += static_cast<char>(0xE0 | (code >> 12));
        text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        text += static_cast<char>(0xF0 | (code >> 18));
        text += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (code & 0x3F));
      }
    } else {
      text += raw.substr(i, semicolon - i + 1);
    }
    i = semicolon;
  }
  return text;
}

// The first `needle` in `haystack` at or after `from`, or npos. memmem skips ahead by pairs of
// characters; the XML has a `<` every few bytes, where a search by the first one stops.
std::size_t Find(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  const void* found =
      memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
  return found == nullptr
             ? std::string_view::npos
             : static_cast<std::size_t>(static_cast<const char*>(found) - haystack.data());
}

// The start and end tags of an element, `<tag>` and `</tag>`, in a buffer of their own.
class Tags {
 public:
  // The longest tag name kept whole (the list's are at most 24 bytes); a longer one is cut.
  static constexpr std::size_t kLongest = 32;

  explicit Tags(std::string_view tag) {
    const std::size_t n = std::min(tag.size(), kLongest);
    buffer_[0] = '<';
    tag.copy(buffer_.data() + 1, n);
    buffer_[n + 1] = '>';
    buffer_[n + 2] = '<';
    buffer_[n + 3] = '/';
    tag.copy(buffer_.data() + n + 4, n);
    buffer_[2 * n + 4] = '>';
    open_ = std::string_view(buffer_.data(), n + 2);
    close_ = std::string_view(buffer_.data() + n + 2, n + 3);
  }
  Tags(const Tags&) = delete;
  Tags& operator=(const Tags&) = delete;

  std::string_view open() const { return open_; }
  std::string_view close() const { return close_; }

 private:
  std::array<char, 2 * kLongest + 5> buffer_;
  std::string_view open_, close_;
};

// The contents of the next `<tag>...</tag>` element of `xml` (not nested in itself) from `at`
// on, moving `at` past it; nullopt when there is none.
std::optional<std::string_view> NextElement(std::string_view xml, const Tags& tags,
                                            std::size_t& at) {
  const std::size_t open = Find(xml, tags.open(), at);
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t start = open + tags.open().size();
  const std::size_t end = Find(xml, tags.close(), start);
  if (end == std::string_view::npos) return std::nullopt;
  at = end + tags.close().size();
  return xml.substr(start, end - start);
}

// The contents of every `<tag>...</tag>` element of `xml` (not nested in itself), in order.
std::vector<std::string_view> Elements(std::string_view xml, std::string_view tag) {
  const Tags tags(tag);
  std::vector<std::string_view> elements;
  std::size_t at = 0;
  while (const std::optional<std::string_view> element = NextElement(xml, tags, at))
    elements.push_back(*element);
  return elements;
}

// An element's text, trimmed and unescaped.
std::string Value(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return Unescape(text);
}

// The text of the first `<tag>` element, trimmed and unescaped; empty when absent.
std::string Text(std::string_view xml, std::string_view tag) {
  std::size_t at = 0;
  const std::optional<std::string_view> found = NextElement(xml, Tags(tag), at);
  return found ? Value(*found) : "";
}

// Calls `visit(tag, contents)` for each element `<tag>...</tag>` of `xml` that is not inside
// another, in order: an entry's fields in one pass, instead of a search of the whole entry
// for each. Empty elements (`<tag/>`), elements with attributes and an element without its end
// tag are passed over (a search for `<tag>` does not find them either).
template <typename Visit>
void ForEachChild(std::string_view xml, Visit visit) {
  std::size_t at = 0;
  while ((at = xml.find('<', at)) != std::string_view::npos) {
    std::size_t name_end = at + 1;
    while (name_end < xml.size() && xml[name_end] != '>' && xml[name_end] != '/' &&
           xml[name_end] != ' ')
      ++name_end;
    const std::string_view tag = xml.substr(at + 1, name_end - at - 1);
    if (name_end >= xml.size() || xml[name_end] != '>' || tag.empty() ||
        tag.size() > Tags::kLongest) {
      at = name_end;
      continue;
    }
    const Tags tags(tag);
    const std::size_t start = name_end + 1;
    const std::size_t end = Find(xml, tags.close(), start);
    if (end == std::string_view::npos) {
      at = start;
      continue;
    }
    visit(tag, xml.substr(start, end - start));
    at = end + tags.close().size();
  }
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

ListEntry ReadEntry(std::string_view xml, std::string type) {
  ListEntry entry;
  entry.type = std::move(type);
  const bool individual = entry.type == "individual";
  // The entry's fields, each read in one pass over it: a single value from its first element.
  enum Single { kReference, kListType, kFirst, kSecond, kThird, kFourth, kOriginal, kSingles };
  static constexpr std::array<std::string_view, kSingles> kSingleTags = {
      "REFERENCE_NUMBER", "UN_LIST_TYPE", "FIRST_NAME",          "SECOND_NAME",
      "THIRD_NAME",       "FOURTH_NAME",  "NAME_ORIGINAL_SCRIPT"};
  std::array<std::optional<std::string_view>, kSingles> singles;
  std::vector<std::string_view> aliases, nationalities, addresses, births;
  ForEachChild(xml, [&](std::string_view tag, std::string_view contents) {
    for (std::size_t i = 0; i < kSingles; ++i) {
      if (tag == kSingleTags[i]) {
        if (!singles[i]) singles[i] = contents;
        return;
      }
    }
    if (tag == (individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) aliases.push_back(contents);
    if (tag == "NATIONALITY") nationalities.push_back(contents);
    if (tag == (individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
      addresses.push_back(contents);
    if (tag == "INDIVIDUAL_DATE_OF_BIRTH") births.push_back(contents);
  });
  auto single = [&](Single field) { return singles[field] ? Value(*singles[field]) : ""; };
  entry.id = single(kReference);
  entry.programs = single(kListType);
  std::string primary;
  for (Single part : {kFirst, kSecond, kThird, kFourth}) {
    const std::string text = single(part);
    if (text.empty()) continue;
    if (!primary.empty()) primary += ' ';
    primary += text;
  }
  entry.names.push_back({primary, "primary", false});
  const std::string original = single(kOriginal);
  if (!original.empty()) entry.names.push_back({original, "original script", false});
  for (std::string_view alias : aliases) {
    const std::string name = Text(alias, "ALIAS_NAME");
    if (name.empty()) continue;
    const std::string quality = Text(alias, "QUALITY");
    entry.names.push_back({name, quality == "f.k.a." ? "fka" : "aka", quality == "Low"});
  }
  for (std::string_view nationality : nationalities) {
    for (std::string_view value : Elements(nationality, "VALUE")) {
      entry.countries.push_back(Upper(Unescape(value)));
    }
  }
  for (std::string_view address : addresses) {
    const std::string country = Upper(Text(address, "COUNTRY"));
    if (!country.empty()) entry.countries.push_back(country);
  }
  for (std::string_view birth : births) {
    for (std::string_view tag : {"YEAR", "FROM_YEAR", "TO_YEAR", "DATE"}) {
      const std::string text = Text(birth, tag);
      if (text.size() >= 4) entry.birth_years.push_back(std::atoi(text.substr(0, 4).c_str()));
    }
  }
  entry.digest = Fnv1a(xml);
  return entry;
}

}  // namespace

std::optional<SanctionsList> ParseUnList(std::string_view xml, std::string name, std::string source,
                                         std::string* error) {
  const std::size_t root = xml.find("<CONSOLIDATED_LIST");
  const std::size_t attribute = xml.find("dateGenerated=\"", root);
  if (root == std::string_view::npos || attribute == std::string_view::npos) {
    *error =
        name + ": not the UN Consolidated List's XML (no CONSOLIDATED_LIST with a dateGenerated)";
    return std::nullopt;
  }
  const std::size_t start = attribute + 15;
  const std::string generated(xml.substr(start, xml.find('"', start) - start));
  SanctionsList list;
  list.id = "un";
  list.title = "UN Security Council Consolidated List";
  list.provenance = {std::move(name), std::move(source), generated.substr(0, 10), generated};
  for (std::string_view individual : Elements(xml, "INDIVIDUAL")) {
    list.entries.push_back(ReadEntry(individual, "individual"));
  }
  for (std::string_view entity : Elements(xml, "ENTITY")) {
    list.entries.push_back(ReadEntry(entity, "entity"));
  }
  return list;
}

}  // namespace tradelint
