// engine/diag/codes.h and docs/diagnostics.md list the same codes: every declared code is
// documented, every documented code is declared, each in the part of its kind.
#include "engine/diag/codes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

namespace tradelint {
namespace {

using Entry = std::pair<CodeKind, std::string>;

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ReadDocs() { return ReadText(TRADELINT_SOURCE_DIR "/docs/diagnostics.md"); }

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

// The first two arguments of the call whose `(` is at `open`, each trimmed.
std::vector<std::string> FirstTwoArguments(const std::string& text, std::size_t open) {
  std::vector<std::string> arguments(1);
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = open + 1; i < text.size() && arguments.size() <= 2; ++i) {
    const char c = text[i];
    if (in_string) {
      arguments.back() += c;
      if (c == '\\' && i + 1 < text.size())
        arguments.back() += text[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '(' || c == '{' || c == '[') ++depth;
    if ((c == ')' || c == '}' || c == ']') && depth-- == 0) break;
    if (c == ',' && depth == 0) {
      arguments.emplace_back();
      continue;
    }
    arguments.back() += c;
  }
  if (arguments.size() > 2) arguments.pop_back();
  for (std::string& argument : arguments) {
    argument.erase(0, argument.find_first_not_of(" \n"));
    argument.erase(argument.find_last_not_of(" \n") + 1);
  }
  return arguments;
}

// A code is reported by its constant: no Error/Warning call and no `code =` assignment of the
// engine and the command line spells one as a string literal.
TEST(Codes, CallSitesNameTheConstants) {
  static const std::regex kLiteralCode(R"("[a-z0-9]+(_[a-z0-9]+)*")");
  std::size_t calls = 0;
  for (const char* folder : {"engine", "tools", "plugins"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(TRADELINT_SOURCE_DIR) / folder)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".cc" && extension != ".h") continue;
      const std::string text = ReadText(entry.path());
      for (const char* call : {"Error(", "Warning("}) {
        for (std::size_t at = text.find(call); at != std::string::npos;
             at = text.find(call, at + 1)) {
          ++calls;
          for (const std::string& argument : FirstTwoArguments(text, text.find('(', at))) {
            EXPECT_FALSE(std::regex_match(argument, kLiteralCode))
                << entry.path() << ": " << argument
                << " is a literal code; use engine/diag/codes.h";
          }
        }
      }
      static const std::regex kCodeAssignment(R"(\bcode\s*=\s*"[a-z0-9_]+")");
      EXPECT_FALSE(std::regex_search(text, kCodeAssignment))
          << entry.path() << " assigns a literal code; use engine/diag/codes.h";
    }
  }
  EXPECT_GT(calls, 50u);
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
