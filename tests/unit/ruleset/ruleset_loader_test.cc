// Loading rule paths never throws or hangs: broken symbolic links, loops, FIFOs, devices and
// oversized files are diagnostics, and every loaded file gets its rules root.
#include "engine/ruleset/ruleset_loader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tradelint {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

constexpr char kRuleset[] = R"(ruleset loader.sample {
  title        "Loader sample"
  jurisdiction EU
}
)";

// A fresh, empty folder for one test, removed afterwards.
class LoaderTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() / ("tradelint_loader_" + std::to_string(::getpid()) + "_" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "rules");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const fs::path& relative, const std::string& text) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }
  std::string Rules() const { return (root_ / "rules").string(); }

  // Loads `paths` and returns the diagnostics' codes with their messages.
  std::vector<std::unique_ptr<ast::RulesetFile>> Load(const std::vector<std::string>& paths,
                                                      const RulesetFileLimits& limits = {}) {
    return LoadRulesetFiles(paths, "", diagnostics_, nullptr, RulesetLoadLimits{limits, {}});
  }
  const Diagnostic* Find(const std::string& code) const {
    for (const Diagnostic& diagnostic : diagnostics_.all()) {
      if (diagnostic.code == code) return &diagnostic;
    }
    return nullptr;
  }

  fs::path root_;
  Diagnostics diagnostics_;
};

TEST_F(LoaderTest, DanglingSymbolicLinkIsADiagnostic) {
  Write("rules/good.trl", kRuleset);
  fs::create_symlink(root_ / "nowhere.trl", root_ / "rules" / "dangling.trl");
  const auto files = Load({Rules()});
  const Diagnostic* error = Find("unreadable_ruleset");
  ASSERT_NE(error, nullptr) << diagnostics_.RenderAll();
  EXPECT_THAT(error->message, HasSubstr("dangling.trl"));
  EXPECT_EQ(files.size(), 1u);  // the good file is still read
}

TEST_F(LoaderTest, SymbolicLinkLoopsAreDiagnostics) {
  Write("rules/good.trl", kRuleset);
  fs::create_symlink(root_ / "rules" / "b.trl", root_ / "rules" / "a.trl");
  fs::create_symlink(root_ / "rules" / "a.trl", root_ / "rules" / "b.trl");
  fs::create_symlink(root_ / "rules" / "self", root_ / "rules" / "self");
  fs::create_directory_symlink(root_ / "rules", root_ / "rules" / "again");  // not followed
  EXPECT_NO_THROW(Load({Rules()}));
  int unreadable = 0;
  for (const Diagnostic& diagnostic : diagnostics_.all()) {
    EXPECT_EQ(diagnostic.code, "unreadable_ruleset") << diagnostic.message;
    unreadable += diagnostic.code == "unreadable_ruleset";
  }
  EXPECT_EQ(unreadable, 3) << diagnostics_.RenderAll();  // a.trl, b.trl, self
}

TEST_F(LoaderTest, AGivenLoopIsNotFound) {
  fs::create_symlink(root_ / "loop.trl", root_ / "loop.trl");
  EXPECT_NO_THROW(Load({(root_ / "loop.trl").string()}));
  EXPECT_NE(Find("unreadable_ruleset"), nullptr);
}

TEST_F(LoaderTest, FifoAndDeviceAreRefusedWithoutBlocking) {
  const std::string fifo = (root_ / "rules" / "fifo.trl").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Load({fifo, "/dev/zero"});
  int refused = 0;
  for (const Diagnostic& diagnostic : diagnostics_.all()) {
    EXPECT_EQ(diagnostic.code, "unreadable_ruleset");
    EXPECT_THAT(diagnostic.message, HasSubstr("is not a regular file"));
    ++refused;
  }
  EXPECT_EQ(refused, 2);
}

TEST_F(LoaderTest, OversizedRulesetIsRefused) {
  const std::string path = Write("rules/big.trl", kRuleset);
  RulesetFileLimits limits;
  limits.max_ruleset_bytes = 16;
  EXPECT_TRUE(Load({path}, limits).empty());
  const Diagnostic* error = Find("unreadable_ruleset");
  ASSERT_NE(error, nullptr);
  EXPECT_THAT(error->message, HasSubstr("larger than the limit of 16 bytes"));
}

TEST_F(LoaderTest, RulesetLinkedFromOutsideTheFolderIsRefused) {
  Write("elsewhere/outside.trl", kRuleset);
  fs::create_symlink(root_ / "elsewhere" / "outside.trl", root_ / "rules" / "outside.trl");
  EXPECT_TRUE(Load({Rules()}).empty());
  const Diagnostic* error = Find("path_outside_rules_root");
  ASSERT_NE(error, nullptr) << diagnostics_.RenderAll();
  EXPECT_THAT(error->message, HasSubstr("outside.trl"));
}

TEST_F(LoaderTest, EachFileGetsItsRulesRoot) {
  Write("rules/nested/inner.trl", kRuleset);
  const std::string single =
      Write("single/one.trl", std::string(kRuleset).replace(15, 6, "single"));
  const auto files = Load({Rules(), single});
  ASSERT_EQ(files.size(), 2u) << diagnostics_.RenderAll();
  EXPECT_EQ(files[0]->rules_root, Rules());
  EXPECT_EQ(files[1]->rules_root, (root_ / "single").string());
}

TEST_F(LoaderTest, UnsavedTextReplacesTheFileAndNeedNotExistOnDisk) {
  const std::string saved = Write("rules/saved.trl", kRuleset);
  const std::string unsaved_only = (root_ / "rules" / "new.trl").string();
  std::error_code ignored;
  const UnsavedFiles unsaved = {{fs::weakly_canonical(saved, ignored).string(),
                                 std::string(kRuleset).replace(15, 6, "edited")},
                                {fs::weakly_canonical(unsaved_only, ignored).string(),
                                 std::string(kRuleset).replace(15, 6, "added")}};
  const auto files =
      LoadRulesetFiles({Rules(), unsaved_only}, "", diagnostics_, nullptr, {}, unsaved);
  ASSERT_EQ(files.size(), 2u) << diagnostics_.RenderAll();
  EXPECT_EQ(files[0]->id.text, "loader.edited");
  EXPECT_EQ(files[1]->id.text, "loader.added");
  EXPECT_EQ(files[1]->rules_root, Rules());
}

TEST(BundledRulesetsTest, RootIsTheDataDirectory) {
  const std::string library = TRADELINT_SOURCE_DIR "/rulesets";
  Diagnostics diagnostics;
  const auto files = LoadRulesetFiles({library + "/eu"}, library, diagnostics);
  ASSERT_FALSE(files.empty()) << diagnostics.RenderAll();
  for (const auto& file : files)
    EXPECT_EQ(file->rules_root, TRADELINT_SOURCE_DIR) << file->source->path();
}

}  // namespace
}  // namespace tradelint
