#include "engine/input/internal/byte_stream.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace tradelint {

ByteStream::ByteStream(std::istream& in)
    : in_(in.rdbuf()), buffer_(std::make_unique<char[]>(kBufferSize)) {}

std::string_view ByteStream::Peek() {
  if (begin_ == end_ && !at_end_) Fill();
  return {buffer_.get() + begin_, end_ - begin_};
}

bool ByteStream::SkipPrefix(std::string_view prefix) {
  while (end_ - begin_ < prefix.size() && !at_end_) Fill();
  if (std::string_view(buffer_.get() + begin_, end_ - begin_).substr(0, prefix.size()) != prefix) {
    return false;
  }
  Skip(prefix.size());
  return true;
}

void ByteStream::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (in_ == nullptr) {
    at_end_ = true;
    return;
  }
  using Traits = std::char_traits<char>;
  std::streamsize available = in_->in_avail();
  if (available <= 0) {
    // Waits for one byte; afterwards the streambuf tells how many more it holds.
    if (Traits::eq_int_type(in_->sgetc(), Traits::eof())) {
      at_end_ = true;
      return;
    }
    available = std::max<std::streamsize>(in_->in_avail(), 1);
  }
  const auto space = static_cast<std::streamsize>(kBufferSize - end_);
  const std::streamsize got = in_->sgetn(buffer_.get() + end_, std::min(available, space));
  if (got <= 0) {
    at_end_ = true;
    return;
  }
  end_ += static_cast<std::size_t>(got);
}

}  // namespace tradelint
