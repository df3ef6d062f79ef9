#include "engine/base/decimal.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace tradelint {
namespace {

__extension__ typedef unsigned __int128 UInt128;

// 10^n for 0 <= n <= 38; all fit in UInt128 (10^38 < 2^127).
constexpr std::array<UInt128, Decimal::kMaxScale + 1> kPow10 = [] {
  std::array<UInt128, Decimal::kMaxScale + 1> powers{};
  powers[0] = 1;
  for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
  return powers;
}();

// A coefficient has at most 38 digits, so its magnitude is at most 38 nines; that bound is
// what "fits" means for every operation.
constexpr int kMaxDigits = 38;
constexpr UInt128 kMaxMagnitude = kPow10[kMaxDigits] - 1;

UInt128 Magnitude(Int128 coefficient) {
  // Unsigned negation is defined for every value, including the most negative one.
  return coefficient < 0 ? -static_cast<UInt128>(coefficient) : static_cast<UInt128>(coefficient);
}

// Unsigned 256-bit integer on the stack: wide enough for the product of two coefficients and
// for a coefficient shifted by up to 38 decimal places, so arithmetic can compute exact
// intermediate results and decide afterwards whether they fit.
class U256 {
 public:
  U256() = default;
  explicit U256(UInt128 value)
      : limbs_{0, 0, static_cast<std::uint64_t>(value >> 64), static_cast<std::uint64_t>(value)} {}

  // The full 256-bit product a * b.
  static U256 Product(UInt128 a, UInt128 b) {
    const UInt128 a0 = static_cast<std::uint64_t>(a), a1 = a >> 64;
    const UInt128 b0 = static_cast<std::uint64_t>(b), b1 = b >> 64;
    const UInt128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    // Column sums below stay under 3 * 2^64 and so fit in 128 bits.
    const UInt128 mid =
        (p00 >> 64) + static_cast<std::uint64_t>(p01) + static_cast<std::uint64_t>(p10);
    const UInt128 high = (mid >> 64) + (p01 >> 64) + (p10 >> 64) + static_cast<std::uint64_t>(p11);
    U256 result;
    result.limbs_ = {static_cast<std::uint64_t>((high >> 64) + (p11 >> 64)),
                     static_cast<std::uint64_t>(high), static_cast<std::uint64_t>(mid),
                     static_cast<std::uint64_t>(p00)};
    return result;
  }

  // *this = *this * factor + addend. Returns false when the result exceeds 256 bits.
  [[nodiscard]] bool MultiplyAdd(std::uint64_t factor, std::uint64_t addend) {
    UInt128 carry = addend;
    for (auto it = limbs_.rbegin(); it != limbs_.rend(); ++it) {
      const UInt128 step = static_cast<UInt128>(*it) * factor + carry;
      *it = static_cast<std::uint64_t>(step);
      carry = step >> 64;
    }
    return carry == 0;
  }

  // *this *= 10^n. Returns false when the result exceeds 256 bits.
  [[nodiscard]] bool MultiplyPow10(int n) {
    for (; n > 0; n -= 19) {  // 10^19 is the largest power of ten below 2^64.
      const int chunk = std::min(n, 19);
      if (!MultiplyAdd(static_cast<std::uint64_t>(kPow10[chunk]), 0)) return false;
    }
    return true;
  }

  // *this /= divisor; returns the remainder. Requires divisor > 0.
  std::uint64_t DivideSmall(std::uint64_t divisor) {
    UInt128 remainder = 0;
    for (std::uint64_t& limb : limbs_) {
      const UInt128 current = (remainder << 64) | limb;
      limb = static_cast<std::uint64_t>(current / divisor);
      remainder = current % divisor;
    }
    return static_cast<std::uint64_t>(remainder);
  }

  // *this += other; requires the sum to fit in 256 bits.
  void Add(const U256& other) {
    UInt128 carry = 0;
    for (int i = 3; i >= 0; --i) {
      const UInt128 sum = static_cast<UInt128>(limbs_[i]) + other.limbs_[i] + carry;
      limbs_[i] = static_cast<std::uint64_t>(sum);
      carry = sum >> 64;
    }
  }

  // *this -= other; requires *this >= other.
  void Subtract(const U256& other) {
    std::uint64_t borrow = 0;
    for (int i = 3; i >= 0; --i) {
      const std::uint64_t subtrahend = other.limbs_[i] + borrow;
      // The borrow propagates when the subtrahend wraps or exceeds the limb.
      const bool next_borrow = subtrahend < borrow || limbs_[i] < subtrahend;
      limbs_[i] -= subtrahend;
      borrow = next_borrow ? 1 : 0;
    }
  }

  bool IsOdd() const { return (limbs_[3] & 1) != 0; }
  // The low 128 bits; the whole value when it is at most kMaxMagnitude.
  UInt128 Low128() const { return (static_cast<UInt128>(limbs_[2]) << 64) | limbs_[3]; }

  // Limbs are stored most significant first, so the member-wise comparison is numeric.
  friend auto operator<=>(const U256&, const U256&) = default;

 private:
  std::array<std::uint64_t, 4> limbs_{};
};

// The exact value (negative ? -1 : 1) * magnitude * 10^-scale as a Decimal. Trailing fractional
// zeros are removed only as far as needed to fit; nullopt when the value does not fit in 38
// digits at a scale of at most kMaxScale.
std::optional<Decimal> Fit(bool negative, U256 magnitude, int scale) {
  const U256 max_magnitude(kMaxMagnitude);
  while ((scale > Decimal::kMaxScale || magnitude > max_magnitude) && scale > 0) {
    U256 shorter = magnitude;
    if (shorter.DivideSmall(10) != 0) break;
    magnitude = shorter;
    --scale;
  }
  if (scale > Decimal::kMaxScale || magnitude > max_magnitude) return std::nullopt;
  const Int128 coefficient = static_cast<Int128>(magnitude.Low128());
  return Decimal::FromParts(negative ? -coefficient : coefficient, scale);
}

// The coefficient's magnitude shifted to `scale` (>= its own scale, so by at most 38 places:
// below 2^128 * 10^38 < 2^255, which never overflows).
U256 MagnitudeAtScale(const Decimal& d, int scale) {
  U256 magnitude(Magnitude(d.coefficient()));
  const bool fits = magnitude.MultiplyPow10(scale - d.scale());
  static_cast<void>(fits);  // Always true by the bound above.
  return magnitude;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Decimal Decimal::FromParts(Int128 coefficient, int scale) {
  Decimal result;
  result.coefficient_ = coefficient;
  result.scale_ = scale;
  return result;
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  // JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && text[i] == '-') ++i;
  const std::size_t integer_begin = i;
  if (i == n || !IsDigit(text[i])) return std::nullopt;
  if (text[i] == '0') {
    ++i;
  } else {
    while (i < n && IsDigit(text[i])) ++i;
  }
  const std::string_view integer_digits = text.substr(integer_begin, i - integer_begin);
  std::string_view fraction_digits;
  if (i < n && text[i] == '.') {
    const std::size_t fraction_begin = ++i;
    while (i < n && IsDigit(text[i])) ++i;
    if (i == fraction_begin) return std::nullopt;
    fraction_digits = text.substr(fraction_begin, i - fraction_begin);
  }
  // Exponents saturate far beyond any representable value, so a huge exponent cannot
  // overflow the bookkeeping below and simply fails to fit (or gives zero).
  constexpr std::int64_t kExponentCap = 1'000'000;
  std::int64_t exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) negative_exponent = text[i++] == '-';
    const std::size_t exponent_begin = i;
    while (i < n && IsDigit(text[i])) {
      exponent = std::min(exponent * 10 + (text[i] - '0'), kExponentCap);
      ++i;
    }
    if (i == exponent_begin) return std::nullopt;
    if (negative_exponent) exponent = -exponent;
  }
  if (i != n) return std::nullopt;
  const bool negative = text[0] == '-';

  // Without an exponent, up to 18 digits are the coefficient as written (an int64 holds
  // them), at the scale of the fractional digits: what the general path below computes.
  // (An exponent of 0 changes nothing.)
  if (exponent == 0 && integer_digits.size() + fraction_digits.size() <= 18) {
    std::int64_t coefficient = 0;
    for (const std::string_view part : {integer_digits, fraction_digits}) {
      for (const char c : part) coefficient = coefficient * 10 + (c - '0');
    }
    return FromParts(negative ? -coefficient : coefficient,
                     static_cast<int>(fraction_digits.size()));
  }

  // The digits are significand * 10^trailing_zeros, leading zeros dropped.
  UInt128 significand = 0;
  std::int64_t significand_digits = 0;
  std::int64_t trailing_zeros = 0;
  for (const std::string_view part : {integer_digits, fraction_digits}) {
    for (const char c : part) {
      if (c == '0') {
        if (significand_digits > 0) ++trailing_zeros;
        continue;
      }
      significand_digits += trailing_zeros + 1;
      if (significand_digits > kMaxDigits) return std::nullopt;
      significand = significand * kPow10[trailing_zeros] * 10 + static_cast<UInt128>(c - '0');
      trailing_zeros = 0;
    }
  }
  // The value is significand * 10^(trailing_zeros + digit_exponent).
  const std::int64_t digit_exponent = exponent - static_cast<std::int64_t>(fraction_digits.size());
  // The scale the text asks for: its fractional digits, less the exponent.
  const std::int64_t written_scale = std::max<std::int64_t>(0, -digit_exponent);
  if (significand == 0) {
    return FromParts(0, static_cast<int>(std::min<std::int64_t>(written_scale, kMaxScale)));
  }
  const std::int64_t power = trailing_zeros + digit_exponent;
  // At scale s the coefficient is significand * 10^(power + s): s must be at least -power, and
  // the coefficient's significand_digits + power + s digits at most 38.
  const std::int64_t min_scale = std::max<std::int64_t>(0, -power);
  const std::int64_t scale =
      std::min({written_scale, std::int64_t{kMaxScale}, kMaxDigits - significand_digits - power});
  if (scale < min_scale) return std::nullopt;
  const UInt128 magnitude = significand * kPow10[power + scale];
  const Int128 coefficient = static_cast<Int128>(magnitude);
  return FromParts(negative ? -coefficient : coefficient, static_cast<int>(scale));
}

std::optional<Decimal> Decimal::Add(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  U256 a = MagnitudeAtScale(*this, scale);
  U256 b = MagnitudeAtScale(other, scale);
  if (IsNegative() == other.IsNegative()) {
    a.Add(b);  // Both below 2^255: the sum fits.
    return Fit(IsNegative(), a, scale);
  }
  if (a >= b) {
    a.Subtract(b);
    return Fit(IsNegative(), a, scale);
  }
  b.Subtract(a);
  return Fit(other.IsNegative(), b, scale);
}

std::optional<Decimal> Decimal::Subtract(const Decimal& other) const { return Add(other.Negate()); }

std::optional<Decimal> Decimal::Multiply(const Decimal& other) const {
  const U256 product = U256::Product(Magnitude(coefficient_), Magnitude(other.coefficient_));
  return Fit(IsNegative() != other.IsNegative(), product, scale_ + other.scale_);
}

std::optional<Decimal> Decimal::Divide(const Decimal& other) const {
  if (other.IsZero()) return std::nullopt;
  const UInt128 divisor = Magnitude(other.coefficient_);
  const UInt128 dividend = Magnitude(coefficient_);
  // Long division, one decimal digit at a time. Invariant: |this / other| equals
  // (quotient + remainder / divisor) * 10^-scale, with remainder < divisor.
  U256 quotient(dividend / divisor);
  UInt128 remainder = dividend % divisor;
  int scale = scale_ - other.scale_;
  const int target_scale = std::max(kDivisionScale, scale);
  const U256 wide_divisor(divisor);
  while (scale < 0 || (remainder != 0 && scale < target_scale)) {
    // remainder * 10 may exceed 128 bits; the next digit is at most 9 subtractions away.
    U256 shifted = U256::Product(remainder, 10);
    std::uint64_t digit = 0;
    while (shifted >= wide_divisor) {
      shifted.Subtract(wide_divisor);
      ++digit;
    }
    remainder = shifted.Low128();
    // Overflowing 256 bits at a scale of at most 38 means the value is above 10^38.
    if (!quotient.MultiplyAdd(10, digit)) return std::nullopt;
    ++scale;
  }
  if (remainder != 0) {
    // Half-even on the discarded tail; 2 * remainder < 2 * divisor <= 2^128.
    const UInt128 twice = remainder * 2;
    if (twice > divisor || (twice == divisor && quotient.IsOdd())) {
      if (!quotient.MultiplyAdd(1, 1)) return std::nullopt;
    }
  }
  return Fit(IsNegative() != other.IsNegative(), quotient, scale);
}

bool Decimal::IsInteger() const { return Magnitude(coefficient_) % kPow10[scale_] == 0; }

std::optional<std::int64_t> Decimal::ToInt64() const {
  if (!IsInteger()) return std::nullopt;
  const Int128 integer = coefficient_ / static_cast<Int128>(kPow10[scale_]);
  if (integer < INT64_MIN || integer > INT64_MAX) return std::nullopt;
  return static_cast<std::int64_t>(integer);
}

Decimal Decimal::Rounded(int scale) const {
  if (scale >= scale_) return *this;
  const UInt128 divisor = kPow10[scale_ - scale];
  const UInt128 magnitude = Magnitude(coefficient_);
  UInt128 quotient = magnitude / divisor;
  const UInt128 remainder = magnitude % divisor;
  const UInt128 half = divisor / 2;  // Exact: divisor is a positive power of ten.
  if (remainder > half || (remainder == half && (quotient & 1) != 0)) ++quotient;
  const Int128 rounded = static_cast<Int128>(quotient);
  return FromParts(IsNegative() ? -rounded : rounded, scale);
}

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.IsNegative() != b.IsNegative()) {
    return a.IsNegative() ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  // Compare magnitudes at the common scale; 256 bits hold both without overflow.
  const int scale = std::max(a.scale_, b.scale_);
  const U256 magnitude_a = MagnitudeAtScale(a, scale);
  const U256 magnitude_b = MagnitudeAtScale(b, scale);
  return a.IsNegative() ? magnitude_b <=> magnitude_a : magnitude_a <=> magnitude_b;
}

std::string Decimal::ToString() const {
  // Digits of the magnitude, least significant first, padded so that at least one digit
  // precedes the decimal point.
  std::array<char, 48> digits{};
  std::size_t count = 0;
  for (UInt128 magnitude = Magnitude(coefficient_); magnitude != 0 || count <= std::size_t(scale_);
       magnitude /= 10) {
    digits[count++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
  }
  std::string text;
  text.reserve(count + 2);
  if (IsNegative()) text.push_back('-');
  for (std::size_t i = count; i-- > 0;) {
    text.push_back(digits[i]);
    if (i == std::size_t(scale_) && i != 0) text.push_back('.');
  }
  return text;
}

Decimal Decimal::Normalized() const {
  Int128 coefficient = coefficient_;
  int scale = scale_;
  while (scale > 0 && coefficient % 10 == 0) {
    coefficient /= 10;
    --scale;
  }
  return FromParts(coefficient, scale);
}

}  // namespace tradelint
