#include "tools/tradelint/serve/api_keys.h"

#include <cctype>
#include <fstream>

#include "engine/base/sha256.h"

namespace tradelint::serve {
namespace {

bool IsHexDigest(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

}  // namespace

std::optional<ApiKeys> ApiKeys::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read the API key file `" + path + "`";
    return std::nullopt;
  }
  ApiKeys keys;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] == '#') continue;
    const std::size_t end = line.find_first_of(" \t\r", start);
    std::string hash = line.substr(start, end == std::string::npos ? end : end - start);
    if (!IsHexDigest(hash)) {
      *error = path + ":" + std::to_string(number) +
               ": not a SHA-256 hash (64 hexadecimal digits; make one with "
               "`printf %s KEY | sha256sum`)";
      return std::nullopt;
    }
    for (char& c : hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    keys.hashes_.insert(std::move(hash));
  }
  if (keys.hashes_.empty()) {
    *error = "the API key file `" + path + "` holds no key hash";
    return std::nullopt;
  }
  return keys;
}

bool ApiKeys::Accepts(std::string_view key) const {
  return !key.empty() && hashes_.contains(Sha256Hex(key));
}

std::string_view PresentedKey(std::string_view authorization, std::string_view api_key_header) {
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.starts_with(kBearer)) return authorization.substr(kBearer.size());
  return api_key_header;
}

}  // namespace tradelint::serve
