#include "engine/diag/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace tradelint {
namespace {

// Renders indent the gutter by this many spaces; `= help:` and `= note:` lines too.
constexpr std::string_view kIndent = "   ";

bool StartsCodePoint(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

int DigitCount(int n) { return static_cast<int>(std::to_string(n).size()); }

// Width of the line-number gutter: wide enough for every line a diagnostic shows.
int GutterWidth(const Diagnostic& diagnostic) {
  int width = 1;
  const auto widen = [&width](const Span& span) {
    if (span.valid()) width = std::max(width, DigitCount(span.file->PositionOf(span.begin).line));
  };
  widen(diagnostic.span);
  for (const DiagnosticLabel& label : diagnostic.labels) widen(label.span);
  return width;
}

// Appends the first source line of a valid `span` and the caret line under it:
//      12 |   require present(product.manufactrer.name)
//         |                   ^^^^^^^^^^^^^^^^^^^
// The carets cover the span's code points on that line (at least one); the underline's
// leading whitespace repeats the line's tabs so the carets align in any tab width.
void AppendSnippet(std::string& out, const Span& span, int gutter_width) {
  const SourceFile& file = *span.file;
  const int line_number = file.PositionOf(span.begin).line;
  const std::string_view line = file.Line(line_number);
  const std::size_t line_start = static_cast<std::size_t>(line.data() - file.text().data());
  // Byte range of the span within the line, clipped to the line's end.
  const std::size_t first = std::min<std::size_t>(span.begin - line_start, line.size());
  const std::size_t last = std::clamp<std::size_t>(
      span.end >= line_start ? span.end - line_start : 0, first, line.size());

  std::string underline;
  for (std::size_t i = 0; i < first; ++i) {
    if (line[i] == '\t') {
      underline.push_back('\t');
    } else if (StartsCodePoint(line[i])) {
      underline.push_back(' ');
    }
  }
  const std::size_t carets = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::count_if(line.begin() + static_cast<std::ptrdiff_t>(first),
                                                line.begin() + static_cast<std::ptrdiff_t>(last),
                                                StartsCodePoint)));
  underline.append(carets, '^');

  if (line.empty()) {
    out += fmt::format("{}{:>{}} |\n", kIndent, line_number, gutter_width);
  } else {
    out += fmt::format("{}{:>{}} | {}\n", kIndent, line_number, gutter_width, line);
  }
  out += fmt::format("{}{:>{}} | {}\n", kIndent, "", gutter_width, underline);
}

}  // namespace

std::string_view SeverityName(DiagnosticSeverity severity) {
  switch (severity) {
    case DiagnosticSeverity::kError:
      return "error";
    case DiagnosticSeverity::kWarning:
      return "warning";
    case DiagnosticSeverity::kNote:
      return "note";
  }
  return "error";
}

std::string Diagnostic::Render() const {
  std::string out;
  if (span.valid()) out += span.Location() + ": ";
  out += fmt::format("{}[{}]: {}\n", SeverityName(severity), code, message);
  const int gutter_width = GutterWidth(*this);
  if (span.valid()) AppendSnippet(out, span, gutter_width);
  for (const DiagnosticLabel& label : labels) {
    if (label.span.valid()) {
      out += label.span.Location() + "\n";
      AppendSnippet(out, label.span, gutter_width);
    }
    out += fmt::format("{}= note: {}\n", kIndent, label.message);
  }
  if (!help.empty()) out += fmt::format("{}= help: {}\n", kIndent, help);
  return out;
}

Diagnostic& Diagnostics::Error(std::string code, Span span, std::string message, std::string help) {
  Add(Diagnostic{std::move(code),
                 DiagnosticSeverity::kError,
                 std::move(span),
                 std::move(message),
                 {},
                 std::move(help)});
  return diagnostics_.back();
}

Diagnostic& Diagnostics::Warning(std::string code, Span span, std::string message,
                                 std::string help) {
  Add(Diagnostic{std::move(code),
                 DiagnosticSeverity::kWarning,
                 std::move(span),
                 std::move(message),
                 {},
                 std::move(help)});
  return diagnostics_.back();
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == DiagnosticSeverity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

void Diagnostics::Append(const Diagnostics& other) {
  // By index, so that appending a collection to itself copies each element before growing.
  const std::size_t count = other.diagnostics_.size();
  for (std::size_t i = 0; i < count; ++i) Add(other.diagnostics_[i]);
}

int Diagnostics::warning_count() const {
  return static_cast<int>(std::count_if(
      diagnostics_.begin(), diagnostics_.end(),
      [](const Diagnostic& d) { return d.severity == DiagnosticSeverity::kWarning; }));
}

std::string Diagnostics::RenderAll() const {
  // Diagnostics are separated by a blank line.
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics_) {
    if (!out.empty()) out.push_back('\n');
    out += diagnostic.Render();
  }
  return out;
}

}  // namespace tradelint
