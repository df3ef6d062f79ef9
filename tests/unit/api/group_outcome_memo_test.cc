// GroupOutcomeMemo (engine/api/group_outcome_memo.h): a group seen as an earlier one was is
// not judged again; the memo stays bounded and gives up on rules whose groups do not repeat.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "engine/api/group_outcome_memo.h"

namespace tradelint {
namespace {

// An outcome whose finding's message names `seen`, counting the judgements in `calls`.
RuleOutcome Judged(const std::string& seen, int& calls) {
  ++calls;
  RuleOutcome outcome;
  outcome.finding.emplace();
  outcome.finding->message = "judged " + seen;
  return outcome;
}

TEST(GroupOutcomeMemo, AGroupSeenAsAnEarlierOneTakesItsOutcome) {
  GroupOutcomeMemo memo(2);
  int calls = 0;
  for (const char* seen : {"a", "b", "a", "a", "b"}) {
    const RuleOutcome outcome = memo.Judge(0, seen, [&] { return Judged(seen, calls); });
    ASSERT_TRUE(outcome.finding.has_value());
    EXPECT_EQ(outcome.finding->message, std::string("judged ") + seen);
  }
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(memo.lookups(0), 5);
  EXPECT_EQ(memo.hits(0), 3);
  // Another rule's groups are its own, even when seen alike.
  memo.Judge(1, "a", [&] { return Judged("a", calls); });
  EXPECT_EQ(calls, 3);
}

TEST(GroupOutcomeMemo, AFullMemoStartsAgain) {
  GroupOutcomeMemo memo(1);
  int calls = 0;
  // Every group twice in a row: half of them repeat, so the rule stays memoized, but no more
  // than kEntriesPerRule outcomes are kept: the first group is judged again at the end.
  for (std::size_t i = 0; i <= GroupOutcomeMemo::kEntriesPerRule; ++i) {
    const std::string seen = std::to_string(i);
    for (int twice = 0; twice < 2; ++twice)
      memo.Judge(0, seen, [&] { return Judged(seen, calls); });
  }
  EXPECT_EQ(calls, static_cast<int>(GroupOutcomeMemo::kEntriesPerRule) + 1);
  memo.Judge(0, "0", [&] { return Judged("0", calls); });
  EXPECT_EQ(calls, static_cast<int>(GroupOutcomeMemo::kEntriesPerRule) + 2);
  EXPECT_TRUE(memo.memoized(0));
}

TEST(GroupOutcomeMemo, ARuleWhoseGroupsDoNotRepeatIsNoLongerMemoized) {
  GroupOutcomeMemo memo(1);
  int calls = 0;
  for (std::int64_t i = 0; i < GroupOutcomeMemo::kTrial; ++i) {
    const std::string seen = std::to_string(i);
    memo.Judge(0, seen, [&] { return Judged(seen, calls); });
  }
  EXPECT_FALSE(memo.memoized(0));
  // Judged each time from now on, and not counted.
  memo.Judge(0, "0", [&] { return Judged("0", calls); });
  memo.Judge(0, "0", [&] { return Judged("0", calls); });
  EXPECT_EQ(calls, GroupOutcomeMemo::kTrial + 2);
  EXPECT_EQ(memo.lookups(0), GroupOutcomeMemo::kTrial);
}

}  // namespace
}  // namespace tradelint
