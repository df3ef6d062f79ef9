#include "engine/refdata/reference_overlay.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "engine/refdata/reference_data.h"

namespace tradelint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRates =
    "# source: European Central Bank\n# date: "
    "2025-03-14\ndate,currency,rate\n2025-03-14,USD,1.0889\n";
constexpr std::string_view kLanguages =
    "# source: s\n# date: 2026-01-01\ncountry,languages\nDE,de\n";

// A bundled reference folder and an overlay folder, written for one test and removed after.
class Folders : public testing::Test {
 protected:
  Folders()
      : root_(fs::temp_directory_path() /
              ("tradelint-overlay-" +
               std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
               std::to_string(::getpid()))) {
    Write(bundled() + "/fx/ecb-euro-reference-rates.csv", kRates);
    Write(bundled() + "/languages.csv", kLanguages);
    Write(bundled() + "/markets.json", "{}");
    Write(bundled() + "/privacy/ages.csv", "# source: s\n# date: 2026-01-01\ncode,age\nDE,16\n");
    Write(bundled() + "/hs/harmonized-system-2022.csv",
          "# source: s\n# date: 2022-01-01\nsection,hscode,description,parent,level\n"
          "I,01,Animals; live,TOTAL,2\n");
    fs::create_directories(overlay());
  }
  ~Folders() override { fs::remove_all(root_); }

  std::string bundled() const { return (root_ / "reference").string(); }
  std::string overlay() const { return (root_ / "overlay").string(); }
  static void Write(const std::string& path, std::string_view text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
  }
  std::optional<ReferenceOverlay> Open(std::string* error) const {
    return ReferenceOverlay::Open(bundled(), overlay(), error);
  }

 private:
  fs::path root_;
};

TEST_F(Folders, AFileReplacesTheBundledOneAtTheSamePath) {
  Write(overlay() + "/privacy/ages.csv", "# source: mine\n# date: 2026-12-01\ncode,age\nDE,14\n");
  std::string error;
  const std::optional<ReferenceOverlay> opened = Open(&error);
  ASSERT_TRUE(opened) << error;
  EXPECT_FALSE(opened->empty());
  // Any spelling of the bundled path finds it; other files stay bundled.
  const ReferenceOverlay::File ages = opened->Locate(bundled() + "/fx/../privacy/ages.csv");
  EXPECT_EQ(ages.path, overlay() + "/privacy/ages.csv");
  EXPECT_FALSE(ages.sidecar);
  EXPECT_EQ(opened->Locate(bundled() + "/languages.csv").path, bundled() + "/languages.csv");
  EXPECT_EQ(opened->Locate("/elsewhere/privacy/ages.csv").path, "/elsewhere/privacy/ages.csv");
}

TEST_F(Folders, TheReferenceDataListsTheReplacingFilesProvenance) {
  // No comments of its own: the sidecar gives the provenance.
  Write(overlay() + "/fx/ecb-euro-reference-rates.csv", "date,currency,rate\n2026-12-01,USD,1.2\n");
  Write(overlay() + "/fx/ecb-euro-reference-rates.csv.meta.json",
        R"({"source": "treasury desk", "date": "2026-12-01", "version": "2026-48"})");
  std::string error;
  const std::optional<ReferenceOverlay> opened = Open(&error);
  ASSERT_TRUE(opened) << error;
  const std::optional<ReferenceData> reference = ReferenceData::Load(bundled(), &error, *opened);
  ASSERT_TRUE(reference) << error;
  EXPECT_EQ(
      reference->EurRate(Currency::FromCode("USD"), *Date::Parse("2026-12-05"))->rate.ToString(),
      "1.2");
  const std::vector<Provenance> provenance = reference->provenance();
  EXPECT_EQ(provenance[0].name, "fx/ecb-euro-reference-rates.csv");
  EXPECT_EQ(provenance[0].source, "treasury desk");
  EXPECT_EQ(provenance[0].date, "2026-12-01");
  EXPECT_EQ(provenance[0].version, "2026-48");
  EXPECT_EQ(provenance[1].source, "s");  // languages.csv: bundled
}

TEST_F(Folders, AnEmptyOverlayChangesNothing) {
  std::string error;
  const std::optional<ReferenceOverlay> opened = Open(&error);
  ASSERT_TRUE(opened) << error;
  EXPECT_TRUE(opened->empty());
  EXPECT_EQ(opened->Locate(bundled() + "/languages.csv").path, bundled() + "/languages.csv");
}

struct OverlayErrorCase {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files;  // relative path, text
  std::string error;                                       // after the overlay folder's path
};

class OverlayErrorTest : public Folders, public testing::WithParamInterface<OverlayErrorCase> {};

TEST_P(OverlayErrorTest, NamesTheFile) {
  for (const auto& [path, text] : GetParam().files) Write(overlay() + "/" + path, text);
  std::string error;
  EXPECT_FALSE(Open(&error));
  EXPECT_EQ(error, overlay() + GetParam().error);
}

const std::string kSidecarShape =
    R"(expected {"source": "...", "date": "YYYY-MM-DD", "version": "..."})";

INSTANTIATE_TEST_SUITE_P(
    Refdata, OverlayErrorTest,
    testing::Values(
        OverlayErrorCase{
            "NoBundledCounterpart",
            {{"fx/ecb-rates.csv", "x"}},
            "/fx/ecb-rates.csv: no bundled reference file `fx/ecb-rates.csv` to replace "
            "(the folder's files replace those of rulesets/reference/ at the same path)"},
        OverlayErrorCase{"SidecarWithoutItsFile",
                         {{"languages.csv.meta.json", "{}"}},
                         "/languages.csv.meta.json: a sidecar without its file `languages.csv`"},
        OverlayErrorCase{"SidecarOfMarketsJson",
                         {{"markets.json", "{}"}, {"markets.json.meta.json", "{}"}},
                         "/markets.json.meta.json: markets.json gives its provenance in its own "
                         "`source` and `date` members; it takes no sidecar"},
        OverlayErrorCase{"SidecarNotAnObject",
                         {{"languages.csv", ""}, {"languages.csv.meta.json", "[]"}},
                         "/languages.csv.meta.json: " + kSidecarShape},
        OverlayErrorCase{
            "SidecarWithoutSource",
            {{"languages.csv", ""}, {"languages.csv.meta.json", R"({"date": "2026-12-01"})"}},
            "/languages.csv.meta.json: `source` is required; " + kSidecarShape},
        OverlayErrorCase{
            "SidecarWithABadDate",
            {{"languages.csv", ""},
             {"languages.csv.meta.json", R"({"source": "s", "date": "1 Dec 2026"})"}},
            "/languages.csv.meta.json: `date` must be a date as YYYY-MM-DD; " + kSidecarShape},
        OverlayErrorCase{
            "SidecarWithAnUnknownMember",
            {{"languages.csv", ""},
             {"languages.csv.meta.json", R"({"source": "s", "date": "2026-12-01", "by": "me"})"}},
            "/languages.csv.meta.json: unknown member `by`; " + kSidecarShape}),
    [](const testing::TestParamInfo<OverlayErrorCase>& param) { return param.param.name; });

TEST_F(Folders, ASidecarThatIsNotJsonIsAnError) {
  Write(overlay() + "/languages.csv", "");
  Write(overlay() + "/languages.csv.meta.json", "{");
  std::string error;
  EXPECT_FALSE(Open(&error));
  EXPECT_THAT(error, testing::StartsWith(overlay() + "/languages.csv.meta.json: not JSON: "));
}

TEST_F(Folders, AMissingFolderIsAnError) {
  std::string error;
  EXPECT_FALSE(ReferenceOverlay::Open(bundled(), overlay() + "/none", &error));
  EXPECT_EQ(error, overlay() + "/none: not a folder (--reference-data)");
}

}  // namespace
}  // namespace tradelint
