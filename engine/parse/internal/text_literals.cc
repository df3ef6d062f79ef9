#include "engine/parse/internal/text_literals.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace tradelint::parse_internal {
namespace {

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace

bool UnescapeString(std::string_view body, std::string& out, EscapeError& error) {
  out.clear();
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      // The run up to the next escape, as it is.
      const std::size_t escape = std::min(body.find('\\', i), body.size());
      out.append(body.substr(i, escape - i));
      i = escape - 1;
      continue;
    }
    const std::size_t start = i;
    if (i + 1 >= body.size()) {
      error = {start, 1, "a string cannot end with a lone `\\`"};
      return false;
    }
    const char escaped = body[++i];
    switch (escaped) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '{':
        out += '{';
        break;
      case '}':
        out += '}';
        break;
      case 'u': {
        const std::size_t close = body.find('}', i);
        if (i + 1 >= body.size() || body[i + 1] != '{' || close == std::string_view::npos) {
          error = {start, 2, "write a code point as `\\u{XXXX}`"};
          return false;
        }
        const std::string_view hex = body.substr(i + 2, close - i - 2);
        std::uint32_t code_point = 0;
        const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), code_point, 16);
        if (hex.empty() || ec != std::errc() || end != hex.data() + hex.size() ||
            code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
          error = {start, close - start + 1,
                   "`\\u{" + std::string(hex) + "}` is not a Unicode code point"};
          return false;
        }
        AppendUtf8(out, static_cast<char32_t>(code_point));
        i = close;
        break;
      }
      default:
        error = {start, 2, std::string("unknown escape `\\") + escaped + "`"};
        return false;
    }
  }
  return true;
}

std::string_view QuotedBody(std::string_view text, std::size_t open) {
  std::size_t close = open + 1;
  while (text[close] != '"') close += text[close] == '\\' ? 2 : 1;
  return text.substr(open + 1, close - open - 1);
}

std::vector<std::size_t> StringListItems(std::string_view list) {
  std::vector<std::size_t> items;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i] == '#') {
      i = list.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (list[i] == '"') {
      items.push_back(i);
      i += QuotedBody(list, i).size() + 1;  // on the closing quote
    }
  }
  return items;
}

TextBrace NextTextBrace(std::string_view body, std::size_t from) {
  for (std::size_t i = body.find_first_of("\\{}", from); i < body.size();
       i = body.find_first_of("\\{}", i + 1)) {
    const char c = body[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (i + 1 < body.size() && body[i + 1] == c) {
      ++i;
      continue;
    }
    return {c == '{' ? TextBrace::Kind::kOpen : TextBrace::Kind::kUnmatchedClose, i};
  }
  return {};
}

bool DecodeTextLiteral(std::string_view raw, std::string& out, EscapeError& error) {
  if (raw.find("{{") == std::string_view::npos && raw.find("}}") == std::string_view::npos) {
    return UnescapeString(raw, out, error);
  }
  // `raw_offset` maps each kept byte back to `raw`, for the error's place.
  std::string collapsed;
  std::vector<std::size_t> raw_offset;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    collapsed += raw[i];
    raw_offset.push_back(i);
    if ((raw[i] == '{' || raw[i] == '}') && i + 1 < raw.size() && raw[i + 1] == raw[i]) ++i;
  }
  if (UnescapeString(collapsed, out, error)) return true;
  error.offset = raw_offset[error.offset];
  return false;
}

}  // namespace tradelint::parse_internal
