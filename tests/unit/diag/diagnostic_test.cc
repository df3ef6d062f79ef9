#include "engine/diag/diagnostic.h"
#include "engine/base/spelling.h"

#include <gtest/gtest.h>

#include <ostream>

#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tradelint {
namespace {

// A span over the first occurrence of `needle` in the file's text (after `from`).
Span SpanOf(const std::shared_ptr<const SourceFile>& file, std::string_view needle,
            std::size_t from = 0) {
  const std::size_t begin = file->text().find(needle, from);
  EXPECT_NE(begin, std::string::npos) << needle;
  return Span{file, static_cast<std::uint32_t>(begin),
              static_cast<std::uint32_t>(begin + needle.size())};
}

std::shared_ptr<const SourceFile> GpsrFile() {
  std::string text;
  for (int line = 1; line < 12; ++line) text += "# filler\n";
  text += "  require present(product.manufactrer.name)\n";
  return std::make_shared<const SourceFile>("rules/eu/gpsr.trl", text);
}

TEST(DiagnosticTest, RendersTheDocumentedForm) {
  const Diagnostic diagnostic{"unknown_field",
                              DiagnosticSeverity::kError,
                              SpanOf(GpsrFile(), "product.manufactrer"),
                              "unknown field `product.manufactrer`",
                              {},
                              "did you mean `product.manufacturer`?"};
  EXPECT_EQ(diagnostic.Render(),
            "rules/eu/gpsr.trl:12:19: error[unknown_field]: unknown field `product.manufactrer`\n"
            "   12 |   require present(product.manufactrer.name)\n"
            "      |                   ^^^^^^^^^^^^^^^^^^^\n"
            "   = help: did you mean `product.manufacturer`?\n");
}

struct CaretCase {
  std::string_view name;
  std::string text;
  std::string_view needle;  // the span
  std::string expected;     // Render() output
};
// Names the case in test output.
void PrintTo(const CaretCase& c, std::ostream* os) { *os << c.name; }

class CaretTest : public testing::TestWithParam<CaretCase> {};

TEST_P(CaretTest, UnderlinesTheSpan) {
  const CaretCase& c = GetParam();
  const auto file = std::make_shared<const SourceFile>("f.trl", c.text);
  const Diagnostic diagnostic{"c", DiagnosticSeverity::kWarning, SpanOf(file, c.needle), "m", {},
                              {}};
  EXPECT_EQ(diagnostic.Render(), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CaretTest,
    testing::Values(CaretCase{"multi-byte UTF-8 before the span", "name == \"Grüße €\" and x", "x",
                              "f.trl:1:23: warning[c]: m\n"
                              "   1 | name == \"Grüße €\" and x\n"
                              "     |                       ^\n"},
                    CaretCase{"multi-byte UTF-8 inside the span", "a = \"日本語\"", "\"日本語\"",
                              "f.trl:1:5: warning[c]: m\n"
                              "   1 | a = \"日本語\"\n"
                              "     |     ^^^^^\n"},
                    CaretCase{"tabs are copied into the underline", "\trule\tX", "X",
                              "f.trl:1:7: warning[c]: m\n"
                              "   1 | \trule\tX\n"
                              "     | \t    \t^\n"},
                    CaretCase{"multi-line span is clipped to its first line", "when a and\n  b",
                              "and\n  b",
                              "f.trl:1:8: warning[c]: m\n"
                              "   1 | when a and\n"
                              "     |        ^^^\n"},
                    CaretCase{"empty span still gets a caret", "abc", "",
                              "f.trl:1:1: warning[c]: m\n"
                              "   1 | abc\n"
                              "     | ^\n"},
                    CaretCase{"span at the line break", "abc\ndef", "\n",
                              "f.trl:1:4: warning[c]: m\n"
                              "   1 | abc\n"
                              "     |    ^\n"},
                    CaretCase{"CRLF line", "abc\r\ndef", "c\r\n",
                              "f.trl:1:3: warning[c]: m\n"
                              "   1 | abc\n"
                              "     |   ^\n"}),
    [](const testing::TestParamInfo<CaretCase>& param_info) {
      std::string name(param_info.param.name);
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(DiagnosticTest, GutterFitsTheWidestLineNumber) {
  std::string text;
  for (int line = 1; line < 100; ++line) text += "x\n";
  text += "rule A {}\n";
  const auto file = std::make_shared<const SourceFile>("r.trl", text);
  const Diagnostic diagnostic{"duplicate_rule",
                              DiagnosticSeverity::kError,
                              SpanOf(file, "rule A"),
                              "rule `A` is defined twice",
                              {{Span{file, 0, 1}, "first defined here"}},
                              "rename one of them"};
  EXPECT_EQ(diagnostic.Render(),
            "r.trl:100:1: error[duplicate_rule]: rule `A` is defined twice\n"
            "   100 | rule A {}\n"
            "       | ^^^^^^\n"
            "r.trl:1:1\n"
            "     1 | x\n"
            "       | ^\n"
            "   = note: first defined here\n"
            "   = help: rename one of them\n");
}

TEST(DiagnosticTest, InvalidSpansRenderWithoutSnippets) {
  const Diagnostic diagnostic{"io_error",    DiagnosticSeverity::kNote, Span{},
                              "cannot read", {{Span{}, "x"}},           "check the path"};
  EXPECT_EQ(diagnostic.Render(),
            "note[io_error]: cannot read\n"
            "   = note: x\n"
            "   = help: check the path\n");
}

TEST(DiagnosticsTest, CollectsAndCounts) {
  const auto file = std::make_shared<const SourceFile>("a.trl", "abc");
  Diagnostics diagnostics;
  EXPECT_FALSE(diagnostics.has_errors());
  diagnostics.Warning("w", Span{file, 0, 1}, "first");
  Diagnostic& error = diagnostics.Error("e", Span{file, 1, 2}, "second", "fix it");
  EXPECT_EQ(error.help, "fix it");
  error.labels.push_back({Span{file, 2, 3}, "here"});
  diagnostics.Add(Diagnostic{"n", DiagnosticSeverity::kNote, Span{}, "third", {}, {}});
  EXPECT_TRUE(diagnostics.has_errors());
  EXPECT_EQ(diagnostics.error_count(), 1);
  EXPECT_EQ(diagnostics.warning_count(), 1);
  ASSERT_EQ(diagnostics.all().size(), 3u);
  EXPECT_EQ(diagnostics.all()[1].labels.size(), 1u);
  EXPECT_EQ(diagnostics.RenderAll(), diagnostics.all()[0].Render() + "\n" +
                                         diagnostics.all()[1].Render() + "\n" +
                                         diagnostics.all()[2].Render());

  Diagnostics more;
  more.Append(diagnostics);
  more.Append(more);  // appending to itself doubles it
  EXPECT_EQ(more.all().size(), 6u);
  EXPECT_EQ(more.error_count(), 2);
  EXPECT_EQ(more.warning_count(), 2);
  EXPECT_EQ(more.all()[5].code, "n");
}

}  // namespace
}  // namespace tradelint
