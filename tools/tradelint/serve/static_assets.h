#pragma once
// The web page's files (tools/tradelint/serve/web/), compiled into the binary
// (embed_assets.cmake) and served from memory: the page works offline, needs no install
// path, and a request can only name a file that was embedded, so no path reaches the file
// system (no directory traversal, whatever `..`, `%2e` or `\` a request holds).

#include <string_view>
#include <vector>

namespace tradelint::serve {

struct StaticAsset {
  std::string_view path;   // `/index.html`, `/app.js`
  std::string_view bytes;  // the file as it is in web/
};

// Every embedded file (defined in the generated embedded_assets.cc).
const std::vector<StaticAsset>& EmbeddedAssets();

// The asset served at the URL path `path` (`/` is `/index.html`); null when there is none.
const StaticAsset* FindAsset(std::string_view path);

// The Content-Type of an asset, by its extension.
std::string_view AssetContentType(std::string_view path);

}  // namespace tradelint::serve
