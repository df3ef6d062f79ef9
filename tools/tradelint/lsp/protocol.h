#pragma once
// LSP values built from the engine's: ranges and locations from byte spans, and the error a
// request handler throws to answer with a JSON-RPC error.

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/source/source.h"
#include "tools/tradelint/lsp/text_position.h"

namespace tradelint::lsp {

// JSON-RPC and LSP error codes.
enum ErrorCode {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

// Thrown by a request handler: the request is answered with this error.
class RequestError : public std::runtime_error {
 public:
  RequestError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

nlohmann::json ToJson(Position position);
// The range of bytes [begin, end) of the text `lines` indexes.
nlohmann::json RangeJson(const LineIndex& lines, std::size_t begin, std::size_t end);
// The range of a valid span, indexing its file's text.
nlohmann::json RangeJson(const Span& span);
// A position read from a request's `{line, character}`.
Position PositionFromJson(const nlohmann::json& position);

}  // namespace tradelint::lsp
