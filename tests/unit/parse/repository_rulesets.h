#pragma once
// Every `.trl` file of the repository, for tests that compare two implementations of the
// language (scanner and lexer, direct parser and ANTLR's) on all the rulesets there are.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tradelint {

struct RepositoryRuleset {
  std::filesystem::path path;
  std::string text;
};

inline std::vector<RepositoryRuleset> RepositoryRulesets() {
  const std::filesystem::path root = TRADELINT_SOURCE_DIR;
  std::vector<RepositoryRuleset> rulesets;
  for (const char* folder : {"rulesets", "bench", "tests", "examples", "docs"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (entry.path().extension() != ".trl") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      rulesets.push_back({entry.path(), text.str()});
    }
  }
  return rulesets;
}

}  // namespace tradelint
