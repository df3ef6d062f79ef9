#pragma once
// `file://` URIs (RFC 8089) as LSP clients send them, and back.

#include <optional>
#include <string>
#include <string_view>

namespace tradelint::lsp {

// The file path of a `file:` URI, percent-decoded; nullopt for any other scheme (an editor's
// `untitled:` buffer) or a malformed escape.
std::optional<std::string> PathFromUri(std::string_view uri);
// The `file://` URI of an absolute path, with every byte outside RFC 3986's unreserved set
// and `/` percent-encoded.
std::string UriFromPath(std::string_view path);

}  // namespace tradelint::lsp
