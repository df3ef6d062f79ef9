#pragma once
// API keys (docs/server.md, "API keys"): a file of SHA-256 hashes of the accepted keys, so the
// server never holds a key itself. One hash a line, 64 hexadecimal digits; text after the
// hash (a name: `<hash> ci-pipeline`), blank lines and lines starting with `#` are ignored.
// A request presents its key as `Authorization: Bearer KEY` or `X-API-Key: KEY`.

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace tradelint::serve {

class ApiKeys {
 public:
  // The keys of `path`; nullopt with `*error` set when the file cannot be read, a line is not
  // a hash, or it holds no hash at all.
  static std::optional<ApiKeys> Load(const std::string& path, std::string* error);

  // Whether `key` hashes to one of the accepted hashes.
  bool Accepts(std::string_view key) const;

 private:
  std::set<std::string, std::less<>> hashes_;  // lower-case hex
};

// The key a request presents in `authorization` (`Bearer KEY`) or else `api_key_header`
// (`X-API-Key`); empty when it presents none.
std::string_view PresentedKey(std::string_view authorization, std::string_view api_key_header);

}  // namespace tradelint::serve
