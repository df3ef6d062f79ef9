#include "engine/input/internal/replay_streambuf.h"

#include <algorithm>
#include <utility>

namespace tradelint {

ReplayStreambuf::ReplayStreambuf(std::string taken, std::streambuf* source)
    : taken_(std::move(taken)), source_(source) {
  setg(taken_.data(), taken_.data(), taken_.data() + taken_.size());
}

ReplayStreambuf::int_type ReplayStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (replaying_) {
    replaying_ = false;
    std::string().swap(taken_);
    chunk_ = std::make_unique<char[]>(kChunkSize);
  }
  // Waits for one byte; afterwards takes only what the source already holds.
  if (traits_type::eq_int_type(source_->sgetc(), traits_type::eof())) return traits_type::eof();
  const std::streamsize available =
      std::clamp<std::streamsize>(source_->in_avail(), 1, static_cast<std::streamsize>(kChunkSize));
  const std::streamsize got = source_->sgetn(chunk_.get(), available);
  if (got <= 0) return traits_type::eof();
  setg(chunk_.get(), chunk_.get(), chunk_.get() + got);
  return traits_type::to_int_type(*gptr());
}

std::streamsize ReplayStreambuf::showmanyc() { return replaying_ ? 0 : source_->in_avail(); }

}  // namespace tradelint
