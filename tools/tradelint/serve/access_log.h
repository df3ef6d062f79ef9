#pragma once
// The server's log (docs/server.md, "Logs"): one JSON object a line on standard error, so a
// log collector reads it without a pattern. Every line has `time` (UTC, RFC 3339 with
// milliseconds) and `event`:
//   request  `method`, `path`, `status`, `bytes` (of the body sent), `duration_us`, `remote`
//   listening, reload, stopping, error: what happened, with their own members.
// Lines are written whole, one at a time, from any thread.

#include <string>
#include <string_view>

#include "engine/json/json.h"

namespace tradelint::serve {

class AccessLog {
 public:
  // `requests`: whether each request is logged (--no-access-log); the other events always are.
  explicit AccessLog(bool requests) : requests_(requests) {}

  void Request(std::string_view method, std::string_view path, int status, std::size_t bytes,
               std::int64_t duration_us, std::string_view remote) const;

  // One line of `event`; `members` writes the members after `time` and `event` (may be empty).
  template <typename Members>
  void Event(std::string_view event, Members&& members) const {
    std::string line;
    JsonWriter json(line, JsonWriter::Style::kCompact);
    json.BeginObject();
    Start(json, event);
    members(json);
    json.EndObject();
    Write(std::move(line));
  }

 private:
  static void Start(JsonWriter& json, std::string_view event);
  void Write(std::string line) const;

  bool requests_;
};

}  // namespace tradelint::serve
