#include "tools/tradelint/output_buffer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "tools/tradelint/cli_options.h"

namespace tradelint::cli {
namespace {

// Large enough that a report is written in few system calls.
constexpr std::size_t kBufferBytes = std::size_t{64} << 10;

}  // namespace

OutputBuffer::OutputBuffer(int fd, bool owns_fd)
    : fd_(fd), owns_fd_(owns_fd), buffer_(kBufferBytes) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

std::unique_ptr<OutputBuffer> OutputBuffer::Open(const std::string& path) {
  if (path.empty()) return std::make_unique<OutputBuffer>(STDOUT_FILENO);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    PrintError("cannot write `" + path + "`: " + std::strerror(errno));
    return nullptr;
  }
  return std::make_unique<OutputBuffer>(fd, /*owns_fd=*/true);
}

OutputBuffer::~OutputBuffer() {
  Drain();
  if (owns_fd_) ::close(fd_);
}

bool OutputBuffer::WriteAll(const char* text, std::size_t count) {
  while (count > 0 && error_ == 0) {
    const ssize_t written = ::write(fd_, text, count);
    if (written < 0) {
      if (errno != EINTR) error_ = errno;
      continue;
    }
    text += written;
    count -= static_cast<std::size_t>(written);
  }
  return error_ == 0;
}

bool OutputBuffer::Drain() {
  const bool written = WriteAll(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return written;
}

OutputBuffer::int_type OutputBuffer::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize OutputBuffer::xsputn(const char* text, std::streamsize count) {
  const auto size = static_cast<std::size_t>(count);
  if (size <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), text, size);
    pbump(static_cast<int>(count));
    return count;
  }
  // Too long for the room left: write out what is buffered, then keep the text if it fits
  // the buffer, else write it straight through.
  if (!Drain()) return 0;
  if (size < buffer_.size()) return xsputn(text, count);
  return WriteAll(text, size) ? count : 0;
}

int OutputBuffer::sync() { return Drain() ? 0 : -1; }

}  // namespace tradelint::cli
