#pragma once
// ReplayStreambuf: a read-only streambuf that yields bytes already taken from a source and
// then the rest of the source, so that a reader can look at the start of a stream (to tell
// its format) and still hand the whole stream to another reader.

#include <cstddef>
#include <memory>
#include <streambuf>
#include <string>

namespace tradelint {

class ReplayStreambuf final : public std::streambuf {
 public:
  // Yields `taken`, then what `source` still holds. `source` must outlive this streambuf.
  // Like the source, it never waits for more bytes than one once a byte is available, so
  // records from a pipe still come out as their lines arrive (see byte_stream.h).
  ReplayStreambuf(std::string taken, std::streambuf* source);

 protected:
  int_type underflow() override;
  std::streamsize showmanyc() override;

 private:
  static constexpr std::size_t kChunkSize = 64 * 1024;

  std::string taken_;
  std::streambuf* source_;
  std::unique_ptr<char[]> chunk_;  // bytes read from the source once `taken_` is used up
  bool replaying_ = true;
};

}  // namespace tradelint
