#include "tools/tradelint/lsp/message_stream.h"
#include "engine/base/ascii_case.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <optional>
#include <string_view>

namespace tradelint::lsp {
namespace {

constexpr std::string_view kContentLength = "content-length:";
constexpr std::string_view kHeaderEnd = "\r\n\r\n";

// The offset just past the last `name` in `text`, ignoring ASCII case (header names are
// case-insensitive); npos when there is none.
std::size_t EndOfLastNoCase(std::string_view text, std::string_view name) {
  for (std::size_t at = text.size(); at >= name.size(); --at) {
    if (AsciiEqualsIgnoringCase(text.substr(at - name.size(), name.size()), name)) return at;
  }
  return std::string_view::npos;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

bool MessageReader::Fill() {
  char chunk[65536];
  for (;;) {
    const ssize_t count = ::read(fd_, chunk, sizeof chunk);
    if (count > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(count));
      return true;
    }
    if (count < 0 && errno == EINTR) continue;
    return false;
  }
}

bool MessageReader::HasPendingInput() const {
  if (!buffer_.empty()) return true;
  pollfd waiting{fd_, POLLIN, 0};
  return ::poll(&waiting, 1, 0) > 0;
}

MessageReader::Message MessageReader::Read() {
  std::size_t header_end;
  while ((header_end = buffer_.find(kHeaderEnd)) == std::string::npos) {
    if (!Fill()) return {};
  }
  // The last Content-Length of the header counts: bytes before it (what is left of a message
  // skipped after a bad header) and other headers (Content-Type) are ignored.
  const std::string_view header = std::string_view(buffer_).substr(0, header_end);
  std::optional<std::size_t> length;
  if (const std::size_t at = EndOfLastNoCase(header, kContentLength); at != header.npos) {
    const std::string_view rest = header.substr(at);
    const std::string_view digits = Trim(rest.substr(0, rest.find("\r\n")));
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty() &&
        value <= kMaxBody) {
      length = value;
    }
  }
  if (!length) {
    buffer_.erase(0, header_end + kHeaderEnd.size());
    return {Message::Status::kBadHeader,
            {},
            "the message header has no valid Content-Length (at most " + std::to_string(kMaxBody) +
                " bytes)"};
  }
  const std::size_t body_start = header_end + kHeaderEnd.size();
  while (buffer_.size() - body_start < *length) {
    if (!Fill()) return {};
  }
  Message message{Message::Status::kBody, buffer_.substr(body_start, *length), {}};
  buffer_.erase(0, body_start + *length);
  return message;
}

bool MessageWriter::Write(const nlohmann::json& message) {
  if (failed_) return false;
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (std::size_t written = 0; written < frame.size();) {
    const ssize_t count = ::write(fd_, frame.data() + written, frame.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) {
      failed_ = true;
      return false;
    }
    written += static_cast<std::size_t>(count);
  }
  return true;
}

}  // namespace tradelint::lsp
