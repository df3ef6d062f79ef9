#include "tools/tradelint/unified_diff.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace tradelint::cli {
namespace {

constexpr std::ptrdiff_t kContext = 3;

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return lines;
}

// One line of the edit script: kept (' '), removed ('-') or added ('+').
struct Edit {
  char kind;
  std::string_view line;
};

// The shortest edit script from `a` to `b` (Myers, "An O(ND) difference algorithm").
std::vector<Edit> ShortestEdit(const std::vector<std::string_view>& a,
                               const std::vector<std::string_view>& b) {
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(a.size());
  const std::ptrdiff_t m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t offset = n + m + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * offset + 1), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;  // v before each step d
  for (std::ptrdiff_t d = 0; d <= n + m; ++d) {
    trace.push_back(v);
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d && !done; k += 2) {
      const auto at = [&](std::ptrdiff_t diagonal) -> std::ptrdiff_t& {
        return v[static_cast<std::size_t>(diagonal + offset)];
      };
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      done = x >= n && y >= m;
    }
    if (done) break;
  }
  // Walk back through the trace.
  std::vector<Edit> edits;
  std::ptrdiff_t x = n;
  std::ptrdiff_t y = m;
  for (std::ptrdiff_t d = static_cast<std::ptrdiff_t>(trace.size()) - 1; d >= 0; --d) {
    const std::vector<std::ptrdiff_t>& before = trace[static_cast<std::size_t>(d)];
    const auto at = [&](std::ptrdiff_t diagonal) {
      return before[static_cast<std::size_t>(diagonal + offset)];
    };
    const std::ptrdiff_t k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const std::ptrdiff_t previous_k = down ? k + 1 : k - 1;
    const std::ptrdiff_t previous_x = d == 0 ? 0 : at(previous_k);
    const std::ptrdiff_t previous_y = d == 0 ? 0 : previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      edits.push_back({' ', a[static_cast<std::size_t>(--x)]});
      --y;
    }
    if (d == 0) break;
    if (down) {
      edits.push_back({'+', b[static_cast<std::size_t>(--y)]});
    } else {
      edits.push_back({'-', a[static_cast<std::size_t>(--x)]});
    }
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

std::string Range(std::ptrdiff_t start, std::ptrdiff_t count) {
  // `diff -u` numbers an empty range by the line before it.
  return std::to_string(count == 0 ? start : start + 1) +
         (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const std::vector<Edit> edits = ShortestEdit(Lines(before), Lines(after));
  const std::ptrdiff_t size = static_cast<std::ptrdiff_t>(edits.size());
  std::string out = "--- " + std::string(path) + "\n+++ " + std::string(path) + "\n";
  std::ptrdiff_t old_line = 0;  // lines of each side before edits[i]
  std::ptrdiff_t new_line = 0;
  for (std::ptrdiff_t i = 0; i < size;) {
    if (edits[static_cast<std::size_t>(i)].kind == ' ') {
      ++old_line;
      ++new_line;
      ++i;
      continue;
    }
    // A hunk: from kContext kept lines before the first change to kContext after the last
    // change that is followed by fewer than 2 * kContext + 1 kept lines.
    const std::ptrdiff_t begin = std::max<std::ptrdiff_t>(0, i - kContext);
    std::ptrdiff_t end = i;
    for (std::ptrdiff_t kept = 0; end < size && kept <= 2 * kContext; ++end)
      kept = edits[static_cast<std::size_t>(end)].kind == ' ' ? kept + 1 : 0;
    while (end > i && edits[static_cast<std::size_t>(end - 1)].kind == ' ') --end;
    end = std::min(size, end + kContext);
    const std::ptrdiff_t lead = i - begin;
    std::ptrdiff_t old_count = 0;
    std::ptrdiff_t new_count = 0;
    std::string body;
    for (std::ptrdiff_t j = begin; j < end; ++j) {
      const Edit& edit = edits[static_cast<std::size_t>(j)];
      old_count += edit.kind != '+' ? 1 : 0;
      new_count += edit.kind != '-' ? 1 : 0;
      body += edit.kind;
      body += edit.line;
      body += '\n';
    }
    out += "@@ -" + Range(old_line - lead, old_count) + " +" + Range(new_line - lead, new_count) +
           " @@\n" + body;
    old_line += old_count - lead;
    new_line += new_count - lead;
    i = end;
  }
  return out;
}

}  // namespace tradelint::cli
