// Golden tests of rendered diagnostics: every case under tests/golden/diagnostics/ is
// compiled with Engine::Compile and all its diagnostics, rendered, must equal the case's
// `.expected` file byte for byte.
//
// A case is one of (its name is the file or folder name without extension):
//   <name>.trl    a ruleset compiled on its own;
//   <name>/       a folder of rulesets compiled together (e.g. a duplicate ruleset id);
//   <name>.paths  rule paths, one per line, relative to the golden folder (for a path that
//                 does not exist);
// and its expected output is <name>.expected beside it. A case named after a diagnostic
// code (`unknown_field.trl`) is that code's golden case; every code documented in
// docs/diagnostics.md must have one. More cases for the same code are named
// `<code>-<variant>`.
//
// The absolute path of the source tree is written `<repo>/` in the expected output, so that
// goldens do not depend on where the repository is checked out.
//
// To (re)write the .expected files from the current output, run the test with
// TRADELINT_UPDATE_GOLDEN=1, then review every changed file by eye (caret position, wording):
//   TRADELINT_UPDATE_GOLDEN=1 build/tests/diagnostics_golden_test
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/engine.h"
#include "plugins/builtin_plugins.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRepoPlaceholder = "<repo>/";

const fs::path& GoldenDirectory() {
  static const fs::path directory =
      fs::path(TRADELINT_SOURCE_DIR) / "tests" / "golden" / "diagnostics";
  return directory;
}

struct GoldenCase {
  std::string name;                     // the file or folder name without extension
  std::vector<std::string> rule_paths;  // what Engine::Compile is given
  fs::path expected;                    // the .expected file
};

// Prints a case as its name, so failures say which golden file differs.
void PrintTo(const GoldenCase& golden, std::ostream* out) { *out << golden.name; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The non-empty lines of a .paths file, each resolved against the golden folder.
std::vector<std::string> ReadPaths(const fs::path& file) {
  std::vector<std::string> paths;
  std::istringstream lines(ReadFile(file));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) paths.push_back((GoldenDirectory() / line).lexically_normal().string());
  }
  return paths;
}

// Every case in the golden folder, sorted by name.
std::vector<GoldenCase> FindCases() {
  std::vector<GoldenCase> cases;
  for (const fs::directory_entry& entry : fs::directory_iterator(GoldenDirectory())) {
    const fs::path& path = entry.path();
    GoldenCase golden{path.stem().string(), {}, {}};
    if (entry.is_directory()) {
      golden.name = path.filename().string();
      golden.rule_paths = {path.string()};
    } else if (path.extension() == ".trl") {
      golden.rule_paths = {path.string()};
    } else if (path.extension() == ".paths") {
      golden.rule_paths = ReadPaths(path);
    } else {
      continue;
    }
    golden.expected = GoldenDirectory() / (golden.name + ".expected");
    cases.push_back(std::move(golden));
  }
  std::sort(cases.begin(), cases.end(),
            [](const GoldenCase& a, const GoldenCase& b) { return a.name < b.name; });
  return cases;
}

// All diagnostics of compiling the case, rendered, with the source tree's path replaced.
std::string RenderCase(const GoldenCase& golden, bool& compiled) {
  const BuiltinPlugins builtin;
  EngineOptions options;
  options.plugins = builtin.plugins();
  options.rule_paths = golden.rule_paths;
  options.data_directory = TRADELINT_SOURCE_DIR;
  Diagnostics diagnostics;
  compiled = Engine::Compile(options, diagnostics) != nullptr;
  EXPECT_EQ(compiled, !diagnostics.has_errors()) << "Compile's result disagrees with its errors";
  std::string rendered = diagnostics.RenderAll();
  const std::string prefix = std::string(TRADELINT_SOURCE_DIR) + "/";
  for (std::size_t at = rendered.find(prefix); at != std::string::npos;
       at = rendered.find(prefix, at + kRepoPlaceholder.size())) {
    rendered.replace(at, prefix.size(), kRepoPlaceholder);
  }
  return rendered;
}

bool UpdateRequested() {
  const char* update = std::getenv("TRADELINT_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

class DiagnosticsGolden : public testing::TestWithParam<GoldenCase> {};

TEST_P(DiagnosticsGolden, RendersAsExpected) {
  const GoldenCase& golden = GetParam();
  bool compiled = false;
  const std::string rendered = RenderCase(golden, compiled);
  EXPECT_FALSE(rendered.empty()) << golden.name << " reports nothing";
  if (UpdateRequested()) {
    std::ofstream(golden.expected, std::ios::binary) << rendered;
    return;
  }
  ASSERT_TRUE(fs::exists(golden.expected))
      << "no " << golden.expected << "; run with TRADELINT_UPDATE_GOLDEN=1 to write it";
  EXPECT_EQ(ReadFile(golden.expected), rendered) << "golden " << golden.expected;
}

// gtest names allow letters, digits and `_` only.
std::string TestName(const testing::TestParamInfo<GoldenCase>& info) {
  std::string name = info.param.name;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, DiagnosticsGolden, testing::ValuesIn(FindCases()), TestName);

// The codes docs/diagnostics.md documents, one `### \`code\`` heading each.
std::vector<std::string> DocumentedCodes() {
  std::vector<std::string> codes;
  std::istringstream lines(ReadFile(fs::path(TRADELINT_SOURCE_DIR) / "docs" / "diagnostics.md"));
  constexpr std::string_view kHeading = "### `";
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(kHeading, 0) != 0) continue;
    const std::size_t close = line.find('`', kHeading.size());
    if (close != std::string::npos)
      codes.push_back(line.substr(kHeading.size(), close - kHeading.size()));
  }
  return codes;
}

TEST(DiagnosticsGoldenCoverage, EveryDocumentedCodeHasAGoldenCase) {
  const std::vector<std::string> codes = DocumentedCodes();
  EXPECT_GE(codes.size(), 40u)
      << "docs/diagnostics.md lists too few codes; is the heading format `### \\`code\\``?";
  std::set<std::string> cases;
  for (const GoldenCase& golden : FindCases()) cases.insert(golden.name);
  for (const std::string& code : codes) {
    if (!cases.count(code)) {
      ADD_FAILURE() << "`" << code << "` has no golden case in " << GoldenDirectory();
      continue;
    }
    // The case named after a code must report that code.
    const std::string expected = ReadFile(GoldenDirectory() / (code + ".expected"));
    EXPECT_NE(expected.find("[" + code + "]: "), std::string::npos)
        << code << ".expected does not contain a `" << code << "` diagnostic";
  }
}

}  // namespace
}  // namespace tradelint
