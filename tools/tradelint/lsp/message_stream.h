#pragma once
// The base protocol of LSP: JSON-RPC messages framed on a byte stream. Each message is a
// header (`Content-Length: N`, optionally `Content-Type: ...`, each line ended by `\r\n`),
// an empty line, then N bytes of JSON.
//
// Bad input never stops the reader: a header without a usable Content-Length is reported as
// kBadHeader and dropped, so that the server can answer with a JSON-RPC error and read on;
// bytes before the next message's Content-Length are ignored.

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace tradelint::lsp {

class MessageReader {
 public:
  // Reads from `fd`, which stays open while the reader lives.
  explicit MessageReader(int fd) : fd_(fd) {}

  // The largest message body accepted; a larger Content-Length is a bad header.
  static constexpr std::size_t kMaxBody = 256 << 20;

  struct Message {
    enum class Status { kBody, kBadHeader, kEnd };
    Status status = Status::kEnd;
    std::string body;   // kBody: the JSON text (not yet parsed)
    std::string error;  // kBadHeader: what was wrong
  };
  // Blocks until a whole message, a bad header or the end of the input (also after a read
  // error or a message cut short).
  Message Read();

  // Whether input is waiting: bytes already read, or readable now on the descriptor.
  bool HasPendingInput() const;

 private:
  // Reads more bytes into the buffer; false at the end of input or on an error.
  bool Fill();

  int fd_;
  std::string buffer_;  // bytes read and not yet consumed
};

class MessageWriter {
 public:
  // Writes to `fd`, which stays open while the writer lives.
  explicit MessageWriter(int fd) : fd_(fd) {}

  // Frames and writes one message; invalid UTF-8 in strings is replaced (U+FFFD). False once a
  // write failed (the client has gone).
  bool Write(const nlohmann::json& message);

 private:
  int fd_;
  bool failed_ = false;
};

}  // namespace tradelint::lsp
