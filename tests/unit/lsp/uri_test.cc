#include "tools/tradelint/lsp/uri.h"

#include <gtest/gtest.h>

namespace tradelint::lsp {
namespace {

TEST(UriTest, FileUrisBecomePathsAndBack) {
  EXPECT_EQ(PathFromUri("file:///home/a%20b/r%C3%A8gles.trl"), "/home/a b/r\xC3\xA8gles.trl");
  EXPECT_EQ(PathFromUri("file://localhost/x.trl"), "/x.trl");
  EXPECT_EQ(UriFromPath("/home/a b/r\xC3\xA8gles.trl"), "file:///home/a%20b/r%C3%A8gles.trl");
  EXPECT_EQ(PathFromUri(UriFromPath("/tmp/#1?.trl")), "/tmp/#1?.trl");
}

TEST(UriTest, OtherUrisAreNoPaths) {
  EXPECT_EQ(PathFromUri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(PathFromUri("file://server/share/x.trl"), std::nullopt);
  EXPECT_EQ(PathFromUri("file:///bad%2"), std::nullopt);
  EXPECT_EQ(PathFromUri("file:///bad%zz"), std::nullopt);
}

}  // namespace
}  // namespace tradelint::lsp
