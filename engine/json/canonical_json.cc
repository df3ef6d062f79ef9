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

// Whether member name `a` sorts before `b` in JCS's order, by UTF-16 code units, comparing
// their UTF-8 (valid, as every string of a Value is). UTF-8's bytes sort by code point, and
// so does UTF-16 except at one place: a code point above U+FFFF is a surrogate pair
// (D800-DBFF first), which sorts before U+E000..U+FFFF (UTF-8 lead bytes EE and EF) although
// its code point is greater. Bytes before the first difference are equal, so the characters
// that differ start at the same offset; when that difference is in a continuation byte both
// characters have the same length and the byte order holds.
bool Utf16Less(std::string_view a, std::string_view b) {
  const std::size_t common = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < common && a[i] == b[i]) ++i;
  if (i == common) return a.size() < b.size();
  const auto x = static_cast<unsigned char>(a[i]);
  const auto y = static_cast<unsigned char>(b[i]);
  const auto above_bmp = [](unsigned char lead) { return lead >= 0xF0; };
  const auto above_surrogates = [](unsigned char lead) { return lead == 0xEE || lead == 0xEF; };
  if (above_bmp(x) && above_surrogates(y)) return true;
  if (above_surrogates(x) && above_bmp(y)) return false;
  return x < y;
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
      std::vector<const std::pair<std::string, Value>*> members;
      members.reserve(value.as_object().size());
      for (const auto& member : value.as_object()) {
        if (!member.second.is_missing()) members.push_back(&member);
      }
      std::sort(members.begin(), members.end(),
                [](const auto* a, const auto* b) { return Utf16Less(a->first, b->first); });
      out += '{';
      bool first = true;
      for (const auto* member : members) {
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
