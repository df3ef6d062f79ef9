#include "engine/input/internal/format_sniffer.h"

#include <algorithm>
#include <string_view>

#include "engine/input/internal/json_nesting.h"

namespace tradelint {
namespace {

constexpr std::string_view kJsonBlank = " \t\r\n";

// Appends what `source` holds to `taken`, waiting for one byte at most; false at end of input.
bool TakeAvailable(std::streambuf& source, std::string& taken) {
  using Traits = std::char_traits<char>;
  if (Traits::eq_int_type(source.sgetc(), Traits::eof())) return false;
  const std::streamsize available = std::clamp<std::streamsize>(source.in_avail(), 1, 64 * 1024);
  const std::size_t before = taken.size();
  taken.resize(before + static_cast<std::size_t>(available));
  const std::streamsize got = source.sgetn(taken.data() + before, available);
  taken.resize(before + static_cast<std::size_t>(std::max<std::streamsize>(got, 0)));
  return got > 0;
}

}  // namespace

bool LeavesJsonValueOpen(std::string_view line) {
  JsonNesting nesting;
  for (const char c : line) nesting.Step(c);
  return nesting.open();
}

SniffedFormat SniffJsonFormat(std::streambuf& source, std::size_t max_line_bytes) {
  SniffedFormat sniffed{InputFormat::kJsonLines, {}};
  std::string& taken = sniffed.taken;
  std::size_t line_start = std::string::npos;  // of the first non-blank line, once seen
  std::size_t scanned = 0;
  bool at_end = false;
  while (true) {
    if (line_start == std::string::npos) {
      const std::size_t content = taken.find_first_not_of(kJsonBlank, scanned);
      if (content != std::string::npos) {
        const std::size_t newline = taken.rfind('\n', content);
        line_start = newline == std::string::npos ? 0 : newline + 1;
      }
      scanned = taken.size();
      if (line_start == std::string::npos && taken.size() > max_line_bytes) return sniffed;
    }
    if (line_start != std::string::npos) {
      const std::size_t line_end = taken.find('\n', line_start);
      if (line_end != std::string::npos || at_end) {
        std::string_view line = std::string_view(taken).substr(line_start);
        line = line.substr(0, line_end == std::string::npos ? line.size() : line_end - line_start);
        if (line.size() <= max_line_bytes && LeavesJsonValueOpen(line)) {
          sniffed.format = InputFormat::kJson;
        }
        return sniffed;
      }
      if (taken.size() - line_start > max_line_bytes) return sniffed;
    }
    if (at_end) return sniffed;
    at_end = !TakeAvailable(source, taken);
  }
}

}  // namespace tradelint
