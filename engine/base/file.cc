#include "engine/base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tradelint {
namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::optional<std::string> Fail(std::string* error, std::string reason) {
  if (error != nullptr) *error = std::move(reason);
  return std::nullopt;
}

std::string TooLarge(std::size_t max_bytes) {
  return "is larger than the limit of " + std::to_string(max_bytes) + " bytes";
}

}  // namespace

std::optional<std::string> ReadFile(const std::string& path, std::size_t max_bytes,
                                    std::string* error) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (file.get() < 0)
    return Fail(error, std::string("cannot be opened (") + std::strerror(errno) + ")");
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) {
    return Fail(error, std::string("cannot be read (") + std::strerror(errno) + ")");
  }
  if (!S_ISREG(status.st_mode)) return Fail(error, "is not a regular file");
  if (static_cast<std::uintmax_t>(status.st_size) > max_bytes)
    return Fail(error, TooLarge(max_bytes));
  std::string contents;
  contents.reserve(static_cast<std::size_t>(status.st_size));
  // Read to the end rather than trusting the size: the file may change while it is read, so
  // the limit is checked again as the contents grow.
  char buffer[1 << 16];
  for (;;) {
    const ssize_t count = ::read(file.get(), buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return Fail(error, std::string("cannot be read (") + std::strerror(errno) + ")");
    if (count == 0) return contents;
    if (contents.size() + static_cast<std::size_t>(count) > max_bytes)
      return Fail(error, TooLarge(max_bytes));
    contents.append(buffer, static_cast<std::size_t>(count));
  }
}

bool ResolvesInside(const std::string& path, const std::string& root) {
  std::error_code error;
  const std::filesystem::path resolved = std::filesystem::canonical(path, error);
  return !error && ResolvedFolder(root).Contains(resolved);
}

ResolvedFolder::ResolvedFolder(const std::string& folder) {
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::canonical(folder, error);
  if (!error) folder_ = std::move(resolved);
}

bool ResolvedFolder::Contains(const std::filesystem::path& resolved) const {
  // Inside when the folder's components are a prefix of the path's.
  return folder_.has_value() &&
         std::mismatch(folder_->begin(), folder_->end(), resolved.begin(), resolved.end()).first ==
             folder_->end();
}

}  // namespace tradelint
