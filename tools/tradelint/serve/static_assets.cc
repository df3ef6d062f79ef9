#include "tools/tradelint/serve/static_assets.h"

namespace tradelint::serve {

const StaticAsset* FindAsset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const StaticAsset& asset : EmbeddedAssets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

std::string_view AssetContentType(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".json")) return "application/json";
  if (path.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace tradelint::serve
