#pragma once
// SHA-256 (FIPS 180-4), computed by OpenSSL's EVP interface.

#include <string>
#include <string_view>

namespace tradelint {

// The SHA-256 digest of `bytes` as 64 lower-case hexadecimal digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace tradelint
