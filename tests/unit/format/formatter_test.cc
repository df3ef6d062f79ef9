// The canonical layout of docs/language.md ("Canonical layout"): comments and blank-line
// groups kept, `and`/`or` chains and lists broken past the column limit, refusal of text that
// does not parse; and, on every ruleset of the repository, that formatting is idempotent and
// keeps every token and comment (so the file parses to the same rules).
#include "engine/format/formatter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/file.h"
#include "engine/parse/syntax_tree.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

std::string Format(const std::string& text) {
  Diagnostics diagnostics;
  const std::optional<std::string> formatted = FormatRuleset("test.trl", text, diagnostics);
  EXPECT_TRUE(formatted.has_value()) << diagnostics.RenderAll();
  return formatted.value_or("");
}

TEST(Formatter, LaysOutBlocksWithAlignedValues) {
  EXPECT_EQ(Format("ruleset  x.y{title \"T\" jurisdiction DE}\n"
                   "rule r \"R\" { ref \"X\" severity error applies to listing\n"
                   "require title!=\"\" message de \"m\" }\n"
                   "test \"t\" { record \"r.json\" as of 2025-01-01 expect pass r }"),
            "ruleset x.y {\n"
            "  title        \"T\"\n"
            "  jurisdiction DE\n"
            "}\n"
            "rule r \"R\" {\n"
            "  ref         \"X\"\n"
            "  severity    error\n"
            "  applies to  listing\n"
            "  require     title != \"\"\n"
            "  message de  \"m\"\n"
            "}\n"
            "test \"t\" {\n"
            "  record \"r.json\"\n"
            "  as of  2025-01-01\n"
            "  expect pass r\n"
            "}\n");
}

TEST(Formatter, SpacesTokensByTheirRole) {
  EXPECT_EQ(Format("ruleset x {}\ndef f( a ,b )=-a [ * ] . b+g ( a )*( 2 - 1 )\n"
                   "set S = [ \"a\" , \"b\" , ]\nconst C = EUR  10\n"
                   "def q = any  x in S : not x in [1,2]\n"),
            "ruleset x {\n}\n"
            "def f(a, b) = -a[*].b + g(a) * (2 - 1)\n"
            "set S = [\"a\", \"b\"]\n"
            "const C = EUR 10\n"
            "def q = any x in S: not x in [1, 2]\n");
}

TEST(Formatter, KeepsCommentsAndOneBlankLineBetweenItems) {
  EXPECT_EQ(Format("# head\n\n\nruleset x {  # trailing\n  # before title\n  title \"T\"\n\n\n"
                   "  version \"1\"\n  # at the end\n}\n\n\n\n# about C\nconst C = 1 # one\n"
                   "def d = a\n    # why b\n    and b\n# last\n"),
            "# head\n"
            "\n"
            "ruleset x { # trailing\n"
            "  # before title\n"
            "  title        \"T\"\n"
            "\n"
            "  version      \"1\"\n"
            "  # at the end\n"
            "}\n"
            "\n"
            "# about C\n"
            "const C = 1 # one\n"
            "def d = a\n"
            "    # why b\n"
            "    and b\n"
            "# last\n");
}

TEST(Formatter, BreaksLongChainsBeforeEachOperator) {
  const std::string operand(40, 'a');
  EXPECT_EQ(Format("ruleset x {}\nrule r {\nrequire " + operand + "_1 and " + operand + "_2 and (" +
                   operand + "_3 or " + operand + "_4)\n}\n"),
            "ruleset x {\n}\n"
            "rule r {\n"
            "  require     " +
                operand +
                "_1\n"
                "                  and " +
                operand +
                "_2\n"
                "                  and (" +
                operand +
                "_3\n"
                "                       or " +
                operand +
                "_4)\n"
                "}\n");
}

TEST(Formatter, BreaksALongQuantifierAfterItsColon) {
  const std::string operand(50, 'b');
  EXPECT_EQ(Format("ruleset x {}\ndef d = any item in items: item." + operand + " or item." +
                   operand + "\n"),
            "ruleset x {\n}\n"
            "def d = any item in items:\n"
            "    item." +
                operand +
                "\n"
                "    or item." +
                operand + "\n");
}

TEST(Formatter, FillsLongListsAndKeepsCommentsInside) {
  std::string items;
  for (int i = 0; i < 12; ++i)
    items += (i > 0 ? ", " : "") + std::string("\"item_") + std::to_string(i) + "\"";
  EXPECT_EQ(Format("ruleset x {}\nset S = [" + items + "]\nset T = [\"a\", # first\n\"b\"]\n"),
            "ruleset x {\n}\n"
            "set S = [\"item_0\", \"item_1\", \"item_2\", \"item_3\", \"item_4\", \"item_5\", "
            "\"item_6\", \"item_7\", \"item_8\",\n"
            "         \"item_9\", \"item_10\", \"item_11\"]\n"
            "set T = [\"a\", # first\n"
            "         \"b\"]\n");
}

TEST(Formatter, RefusesTextThatDoesNotParse) {
  Diagnostics diagnostics;
  EXPECT_FALSE(FormatRuleset("bad.trl", "ruleset x {\nrule r { require }\n", diagnostics));
  EXPECT_THAT(diagnostics.RenderAll(), HasSubstr("bad.trl:2:"));
  Diagnostics date;
  EXPECT_FALSE(FormatRuleset("bad.trl", "ruleset x { effective 2025-02-30 }", date));
  EXPECT_THAT(date.RenderAll(), HasSubstr("invalid_date"));
}

// The tokens of a file (a list's trailing comma left out) and its comments, in order.
struct Written {
  std::vector<std::string_view> tokens;
  std::vector<std::string_view> comments;
  bool operator==(const Written&) const = default;
};

Written WrittenIn(const syntax::Tree& tree) {
  Written written;
  const std::vector<syntax::Token>& tokens = tree.tokens;
  const auto trim = [](std::string_view text) {
    return text.substr(0, text.find_last_not_of(" \t") + 1);
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (const syntax::Comment& comment : tokens[i].comments_before)
      written.comments.push_back(trim(comment.text));
    const bool trailing_comma =
        tokens[i].text == "," && i + 1 < tokens.size() && tokens[i + 1].text == "]";
    if (!trailing_comma) written.tokens.push_back(tokens[i].text);
    if (tokens[i].comment_after) written.comments.push_back(trim(tokens[i].comment_after->text));
  }
  return written;
}

// Every ruleset of the repository: the rulesets, the benchmark's and the conformance suite's.
std::vector<std::string> RepositoryRulesets() {
  std::vector<std::string> files;
  for (const char* folder : {"rulesets", "bench", "tests/conformance"}) {
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(TRADELINT_SOURCE_DIR) / folder)) {
      if (entry.path().extension() == ".trl") files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The text of `tree` with every token on a line of its own (and blank lines where it had
// them): the same file in another layout.
std::string OneTokenALine(const syntax::Tree& tree) {
  std::string text;
  for (const syntax::Token& token : tree.tokens) {
    for (const syntax::Comment& comment : token.comments_before)
      text += std::string(comment.blank_line_before ? "\n" : "") + std::string(comment.text) + "\n";
    text += std::string(token.blank_line_before ? "\n" : "") + std::string(token.text);
    if (token.comment_after) text += " " + std::string(token.comment_after->text);
    text += "\n";
  }
  return text;
}

// The lexer skips only spaces, line ends and comments, so a file written with the same tokens
// parses to the same rules: formatting is safe when it keeps the tokens (and the comments).
TEST(Formatter, KeepsTheTokensAndCommentsOfEveryRulesetAndIsIdempotent) {
  const std::vector<std::string> files = RepositoryRulesets();
  ASSERT_GT(files.size(), 100u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    const std::optional<std::string> text = ReadFile(path);
    ASSERT_TRUE(text.has_value());
    Diagnostics diagnostics;
    const std::optional<std::string> formatted = FormatRuleset(path, *text, diagnostics);
    ASSERT_TRUE(formatted.has_value()) << diagnostics.RenderAll();
    std::optional<std::string> again = FormatRuleset(path, *formatted, diagnostics);
    EXPECT_EQ(again, formatted);
    const auto before =
        syntax::ParseSyntaxTree(std::make_shared<SourceFile>(path, *text), diagnostics);
    const auto after =
        syntax::ParseSyntaxTree(std::make_shared<SourceFile>(path, *formatted), diagnostics);
    ASSERT_NE(before, nullptr);
    ASSERT_NE(after, nullptr);
    EXPECT_TRUE(WrittenIn(*before) == WrittenIn(*after));
    // The layout is canonical: it does not depend on the layout formatted.
    EXPECT_EQ(FormatRuleset(path, OneTokenALine(*before), diagnostics), formatted);
  }
}

}  // namespace
}  // namespace tradelint
