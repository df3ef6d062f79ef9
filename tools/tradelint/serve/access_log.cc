#include "tools/tradelint/serve/access_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <mutex>

namespace tradelint::serve {
namespace {

std::mutex write_mutex;

std::string Now() {
  const auto now = std::chrono::system_clock::now();
  const auto milliseconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", std::chrono::floor<std::chrono::seconds>(now),
                     milliseconds);
}

}  // namespace

void AccessLog::Start(JsonWriter& json, std::string_view event) {
  json.Key("time").String(Now());
  json.Key("event").String(event);
}

void AccessLog::Request(std::string_view method, std::string_view path, int status,
                        std::size_t bytes, std::int64_t duration_us,
                        std::string_view remote) const {
  if (!requests_) return;
  Event("request", [&](JsonWriter& json) {
    json.Key("method").String(method);
    json.Key("path").String(path);
    json.Key("status").Int(status);
    json.Key("bytes").Int(static_cast<std::int64_t>(bytes));
    json.Key("duration_us").Int(duration_us);
    json.Key("remote").String(remote);
  });
}

void AccessLog::Write(std::string line) const {
  line += '\n';
  const std::lock_guard<std::mutex> lock(write_mutex);
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
    if (n <= 0) return;  // a log that cannot be written is dropped, never fatal
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace tradelint::serve
