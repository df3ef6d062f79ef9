#include "engine/json/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "engine/json/json.h"

namespace tradelint {
namespace {

// `text` (UTF-8) as UTF-16 code units, for JCS's order of member names.
std::u16string Utf16(std::string_view text) {
  std::u16string units;
  units.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1   ? lead
                    : length == 2 ? lead & 0x1F
                    : length == 3 ? lead & 0x0F
                                  : lead & 0x07;
    for (int k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      units += static_cast<char16_t>(0xD800 + (code >> 10));
      units += static_cast<char16_t>(0xDC00 + (code & 0x3FF));
    } else {
      units += static_cast<char16_t>(code);
    }
  }
  return units;
}

void AppendNumber(std::string& out, const Decimal& number) {
  const std::string text = number.ToString();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  out += EcmaScriptNumber(value);
}

}  // namespace

std::string EcmaScriptNumber(double number) {
  if (number == 0) return "0";  // also -0
  std::string out = number < 0 ? "-" : "";
  // The shortest digits that round-trip, as d.ddde[+-]x.
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(number),
                                          std::chars_format::scientific);
  const std::string_view scientific(buffer, end - buffer);
  const std::size_t e = scientific.find('e');
  std::string digits(1, scientific[0]);
  if (e > 1) digits.append(scientific.substr(2, e - 2));
  int exponent = 0;
  const std::string_view exponent_text = scientific.substr(e + 1);
  std::from_chars(exponent_text.data() + (exponent_text[0] == '+' ? 1 : 0),
                  exponent_text.data() + exponent_text.size(), exponent);
  // ECMA-262 Number::toString: value = digits x 10^(n - k).
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, n);
    out += '.';
    out += digits.substr(n);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(-n, '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

void AppendCanonicalJson(std::string& out, const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNumber:
      AppendNumber(out, value.as_number());
      return;
    case Value::Kind::kMoney:
      out += "{\"amount\":";
      AppendNumber(out, value.as_money().amount);
      out += ",\"currency\":";
      AppendJsonString(out, value.as_money().currency.code());
      out += '}';
      return;
    case Value::Kind::kList: {
      out += '[';
      bool first = true;
      for (const Value& item : value.as_list()) {
        if (!first) out += ',';
        first = false;
        AppendCanonicalJson(out, item);
      }
      out += ']';
      return;
    }
    case Value::Kind::kObject: {
      std::vector<std::pair<std::u16string, const std::pair<std::string, Value>*>> members;
      for (const auto& member : value.as_object()) {
        if (!member.second.is_missing()) members.emplace_back(Utf16(member.first), &member);
      }
      std::sort(members.begin(), members.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      out += '{';
      bool first = true;
      for (const auto& [key, member] : members) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, member->first);
        out += ':';
        AppendCanonicalJson(out, member->second);
      }
      out += '}';
      return;
    }
    default:
      AppendJson(out, value);  // null, booleans, strings, dates: already canonical
      return;
  }
}

std::string CanonicalJson(const Value& value) {
  std::string out;
  AppendCanonicalJson(out, value);
  return out;
}

}  // namespace tradelint
