// Did-you-mean: EditDistance and ClosestMatch.
#include "engine/base/spelling.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tradelint {
namespace {

TEST(EditDistanceTest, CountsEditsCaseInsensitively) {
  EXPECT_EQ(EditDistance("listing", "listing"), 0u);
  EXPECT_EQ(EditDistance("Listing", "listing"), 0u);
  EXPECT_EQ(EditDistance("listng", "listing"), 1u);
  EXPECT_EQ(EditDistance("lsiting", "listing"), 1u);  // adjacent transposition
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

struct ClosestCase {
  std::string_view word;
  std::vector<std::string> candidates;
  std::string expected;
};

class ClosestMatchTest : public testing::TestWithParam<ClosestCase> {};

TEST_P(ClosestMatchTest, FindsLikelyTypos) {
  const ClosestCase& c = GetParam();
  EXPECT_EQ(ClosestMatch(c.word, c.candidates), c.expected) << c.word;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClosestMatchTest,
    testing::Values(
        ClosestCase{"manufactrer", {"model", "manufacturer", "material"}, "manufacturer"},
        ClosestCase{"Manufacturer", {"manufacturer"}, "manufacturer"},  // case-insensitive
        ClosestCase{"prodcut", {"product", "price"}, "product"},        // transposition
        ClosestCase{"colour", {"color"}, "color"},
        ClosestCase{"weight", {"height", "width"}, "height"},  // first of the closest
        ClosestCase{"xyz", {"abc", "price"}, ""}, ClosestCase{"ab", {"xy"}, ""},
        ClosestCase{"ab", {"ac"}, "ac"},  // short words still allow one edit
        ClosestCase{"seller", {}, ""},
        ClosestCase{
            "origin_country", {"country_of_origin", "origin_countries"}, "origin_countries"}));

}  // namespace
}  // namespace tradelint
