#pragma once
// OutputBuffer: a std::streambuf that writes to a file descriptor and remembers why writing
// failed.
//
// A std::ostream over a failed write only sets badbit; errno, the reason, is gone by the time
// the caller looks, as any later library call may change it. This buffer keeps the errno of
// the first write that failed (ENOSPC for a full disk, EPIPE for a closed pipe, with SIGPIPE
// ignored) and writes nothing after it; the stream over it then turns bad, as over any
// streambuf whose writes fail.

#include <cstddef>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

namespace tradelint::cli {

class OutputBuffer : public std::streambuf {
 public:
  // Writes to `fd`, which stays open while the buffer lives; closed with it if `owns_fd`.
  explicit OutputBuffer(int fd, bool owns_fd = false);
  // A buffer over the file at `path`, created or truncated (`--output`), or over standard
  // output when `path` is empty; null, after printing why (PrintError), when it cannot be
  // opened.
  static std::unique_ptr<OutputBuffer> Open(const std::string& path);
  ~OutputBuffer() override;  // flushes
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  // The errno of the first write that failed; 0 while none has.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  // Writes out the buffered bytes; false once a write failed.
  bool Drain();
  // Writes `count` bytes of `text` to the descriptor, retrying short writes and EINTR.
  bool WriteAll(const char* text, std::size_t count);

  int fd_;
  bool owns_fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

}  // namespace tradelint::cli
