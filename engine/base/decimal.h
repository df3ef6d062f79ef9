#pragma once
// Exact decimal numbers for amounts, thresholds and every other number in the engine.
//
// A Decimal is coefficient * 10^-scale with a 128-bit signed coefficient and 0 <= scale <= 38.
// It never rounds through binary floating point: `150.00 == 150`, `0.1 + 0.2 == 0.3`.
// Values are normalised lazily: equality and ordering compare numerically, whatever the
// scale. All arithmetic is allocation-free; an operation whose exact result does not fit
// (more than 38 significant digits) reports overflow instead of rounding silently.
// Division rounds half-even to kDivisionScale fractional digits when the quotient does not
// terminate earlier.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tradelint {

// The 128-bit coefficient type. `__extension__` keeps -Wpedantic quiet about the GCC/Clang
// built-in type; spell it Int128 everywhere else so no other file needs the keyword.
__extension__ typedef __int128 Int128;

class Decimal {
 public:
  static constexpr int kMaxScale = 38;
  static constexpr int kDivisionScale = 18;

  constexpr Decimal() = default;
  constexpr Decimal(std::int64_t integer) : coefficient_(integer) {}  // NOLINT: implicit by design

  // Parses JSON-number or rule-literal text: `-12`, `19.99`, `0.1`, `1e3`, `2.5E-2`.
  // Returns nullopt for anything else or a value that does not fit.
  static std::optional<Decimal> Parse(std::string_view text);
  // Builds coefficient * 10^-scale. Requires 0 <= scale <= kMaxScale and |coefficient| of at
  // most 38 digits, the range every operation keeps to (so Negate never overflows).
  static Decimal FromParts(Int128 coefficient, int scale);

  // Arithmetic; nullopt on overflow (and on division by zero for Divide).
  std::optional<Decimal> Add(const Decimal& other) const;
  std::optional<Decimal> Subtract(const Decimal& other) const;
  std::optional<Decimal> Multiply(const Decimal& other) const;
  std::optional<Decimal> Divide(const Decimal& other) const;
  Decimal Negate() const { return FromParts(-coefficient_, scale_); }

  bool IsZero() const { return coefficient_ == 0; }
  bool IsNegative() const { return coefficient_ < 0; }
  bool IsInteger() const;
  // The integer value when IsInteger() and it fits in int64.
  std::optional<std::int64_t> ToInt64() const;

  // Rounds half-even to `scale` fractional digits (no-op when already that precise).
  Decimal Rounded(int scale) const;

  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  // Shortest plain text without exponent that keeps the value's own scale: `150.00`, `0.3`.
  std::string ToString() const;
  // Same value with trailing fractional zeros removed: `150`, `0.3`.
  Decimal Normalized() const;

  Int128 coefficient() const { return coefficient_; }
  int scale() const { return scale_; }

 private:
  Int128 coefficient_ = 0;
  int scale_ = 0;
};

}  // namespace tradelint
