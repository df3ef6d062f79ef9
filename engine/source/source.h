#pragma once
// Source text of a ruleset (or any input the engine reports positions in) with its line
// table, and byte-offset spans into it.
//
// A SourceFile is immutable once built and shared (std::shared_ptr) between the AST, the
// checked rules and the plan, so that every stage can point back at the rule text.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  struct Position {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, counted in Unicode code points
  };
  Position PositionOf(std::size_t offset) const;
  // Text of a 1-based line without its line break.
  std::string_view Line(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// Half-open byte range [begin, end) in a source file. A default Span points nowhere.
struct Span {
  std::shared_ptr<const SourceFile> file;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != nullptr; }
  std::string_view text() const;
  // `path:line:col`, or an empty string for an invalid span.
  std::string Location() const;
  // The smallest span covering both (same file required).
  static Span Cover(const Span& a, const Span& b);
};

}  // namespace tradelint
