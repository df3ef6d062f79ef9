// engine/diag/codes.h and docs/diagnostics.md list the same codes: every declared code is
// documented, every documented code is declared, each in the part of its kind.
#include "engine/diag/codes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

namespace tradelint {
namespace {

using Entry = std::pair<CodeKind, std::string>;

std::string ReadDocs() {
  std::ifstream in(TRADELINT_SOURCE_DIR "/docs/diagnostics.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The part of `docs` from the heading `## <title>` to the next `## ` heading.
std::string Section(const std::string& docs, const std::string& title) {
  const std::size_t begin = docs.find("\n## " + title + "\n");
  EXPECT_NE(begin, std::string::npos) << "no section `## " << title << "`";
  if (begin == std::string::npos) return "";
  const std::size_t end = docs.find("\n## ", begin + 1);
  return docs.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// The codes of a table's first column: "| `code` |" or "| [`code`](#anchor) |".
std::set<std::string> TableCodes(const std::string& section) {
  static const std::regex kRow(R"(\n\| \[?`([a-z0-9_]+)`)");
  std::set<std::string> codes;
  for (std::sregex_iterator it(section.begin(), section.end(), kRow), end; it != end; ++it) {
    codes.insert((*it)[1]);
  }
  return codes;
}

std::set<Entry> Documented() {
  const std::string docs = ReadDocs();
  std::set<Entry> entries;
  for (const auto& [title, kind] : {std::pair{"Index", CodeKind::kRulesetDiagnostic},
                                    std::pair{"Setup errors", CodeKind::kSetupError},
                                    std::pair{"Invalid records", CodeKind::kRecordError}}) {
    for (const std::string& code : TableCodes(Section(docs, title))) entries.insert({kind, code});
  }
  return entries;
}

std::set<Entry> Declared() {
  std::set<Entry> entries;
  for (const CodeInfo& info : AllCodes()) {
    EXPECT_TRUE(entries.insert({info.kind, std::string(info.code)}).second)
        << info.code << " is declared twice";
  }
  return entries;
}

TEST(Codes, EveryDeclaredCodeIsDocumented) {
  const std::set<Entry> documented = Documented();
  for (const Entry& entry : Declared()) {
    EXPECT_TRUE(documented.contains(entry))
        << "`" << entry.second << "` is not in its table of docs/diagnostics.md";
  }
}

TEST(Codes, EveryDocumentedCodeIsDeclared) {
  const std::set<Entry> declared = Declared();
  const std::set<Entry> documented = Documented();
  EXPECT_GT(documented.size(), 50u);
  for (const Entry& entry : documented) {
    EXPECT_TRUE(declared.contains(entry))
        << "`" << entry.second << "` is documented but not declared in engine/diag/codes.h";
  }
}

TEST(Codes, EveryRulesetDiagnosticHasASection) {
  const std::string docs = ReadDocs();
  for (const CodeInfo& info : AllCodes()) {
    if (info.kind != CodeKind::kRulesetDiagnostic) continue;
    EXPECT_NE(docs.find("\n### `" + std::string(info.code) + "`"), std::string::npos)
        << "no section `### `" << info.code << "`` in docs/diagnostics.md";
  }
}

TEST(Codes, CodesAreSnakeCaseWithASummary) {
  static const std::regex kSnakeCase("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  for (const CodeInfo& info : AllCodes()) {
    EXPECT_TRUE(std::regex_match(std::string(info.code), kSnakeCase)) << info.code;
    EXPECT_FALSE(info.summary.empty()) << info.code;
  }
}

}  // namespace
}  // namespace tradelint
