#pragma once
// The server's error answer (docs/server.md): every 4xx and 5xx carries
// `{"error": {"code": "...", "message": "..."}}` as application/json, with more members where
// an error has more to say (a reload's `diagnostics`).

#include <httplib.h>

#include <string>
#include <string_view>

namespace tradelint::serve {

// `{"error": {"code": code, "message": message}}`, pretty-printed, with a final line end.
std::string JsonErrorBody(std::string_view code, std::string_view message);

// Sets `response` to `status` with that body.
void SetJsonError(httplib::Response& response, int status, std::string_view code,
                  std::string_view message);

// The code of an error the HTTP layer itself answered (before any route ran), by status:
// 400 `bad_request`, 404 `not_found`, 413 `too_large`, 414 `uri_too_long`, ...
std::string_view ErrorCodeForStatus(int status);

}  // namespace tradelint::serve
