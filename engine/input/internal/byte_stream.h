#pragma once
// ByteStream: the buffered reading under every record reader.
//
// Holds one fixed buffer of kBufferSize bytes whatever the input size, so a reader's memory
// is bounded by its own limits. Reads through the stream's streambuf: once a byte has
// arrived it never waits for more than the streambuf already has, so records from a pipe
// come out as their lines arrive. End of input and read errors both end the stream.

#include <cstddef>
#include <istream>
#include <memory>
#include <string_view>

namespace tradelint {

class ByteStream {
 public:
  static constexpr std::size_t kBufferSize = 64 * 1024;

  // `in` must outlive the ByteStream; its state flags and exception mask are ignored.
  explicit ByteStream(std::istream& in);

  // The buffered unread bytes, refilled when none are left: empty only at end of input.
  std::string_view Peek();
  // Drops the first `n` bytes of Peek(). Requires n <= Peek().size().
  void Skip(std::size_t n) { begin_ += n; }
  // Skips `prefix` (e.g. a UTF-8 byte order mark) when the unread input starts with it;
  // returns whether it did. Requires prefix.size() <= kBufferSize.
  bool SkipPrefix(std::string_view prefix);

 private:
  // Moves the unread bytes to the front of the buffer and reads more after them (at least
  // one byte unless at end of input). Requires free space after compaction.
  void Fill();

  std::streambuf* in_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0;  // first unread byte
  std::size_t end_ = 0;    // one past the last buffered byte
  bool at_end_ = false;
};

}  // namespace tradelint
