// Huge inputs stream: a 50 MB record is reported as too_large without 50 MB of memory, and
// the record after it is read normally. The stream produces the 50 MB on demand, and this
// binary's operator new records the largest single allocation.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <istream>
#include <new>
#include <string>
#include <vector>

#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "tests/unit/input/test_support.h"

namespace {

std::atomic<std::size_t> largest_allocation{0};

}  // namespace

// These replace the global allocation functions with malloc/free; GCC's optimiser sees the
// free() without knowing the replacement new used malloc and warns.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  std::size_t largest = largest_allocation.load(std::memory_order_relaxed);
  while (size > largest &&
         !largest_allocation.compare_exchange_weak(largest, size, std::memory_order_relaxed)) {
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
// Every other form too, so that no allocation of this binary (libraries included: simdjson
// uses the nothrow array form) is freed by an allocator that did not make it.
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return operator new(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& nothrow) noexcept {
  return operator new(size, nothrow);
}
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace tradelint {
namespace {

using ::testing::ElementsAre;
using Piece = input_test::GeneratedInput::Piece;

constexpr std::size_t kHuge = 50u << 20;  // 50 MiB
const InputLimits kDefaultLimits;
// A reader may hold one record of max_record_bytes and fixed buffers; never the 50 MiB.
const std::size_t kAllowedAllocation = kDefaultLimits.max_record_bytes + (1u << 20);

const std::string kListing = R"({"kind":"listing","id":"L-1"})";

std::vector<std::string> ReadHuge(std::vector<Piece> pieces, InputFormat format) {
  input_test::GeneratedInput generated(std::move(pieces));
  std::istream in(&generated);
  largest_allocation = 0;
  const std::vector<InputRecord> records = input_test::ReadAll(in, format, "big");
  EXPECT_LT(largest_allocation.load(), kAllowedAllocation);
  std::vector<std::string> shown;
  for (const InputRecord& record : records) {
    shown.push_back(record.source + " " + (record.error ? record.error->code : "ok"));
  }
  return shown;
}

TEST(LargeInputTest, JsonLinesLineOf50MegabytesThenAGoodLine) {
  EXPECT_THAT(ReadHuge({{R"({"kind":"listing","id":"L-0","title":")"},
                        {"x", kHuge},
                        {"\"}\r\n" + kListing + "\n"}},
                       InputFormat::kJsonLines),
              ElementsAre("big:1 too_large", "big:2 ok"));
}

TEST(LargeInputTest, JsonLinesMessageGivesTheFullLength) {
  input_test::GeneratedInput generated({{"x", kHuge}});
  std::istream in(&generated);
  const std::vector<InputRecord> records = input_test::ReadAll(in, InputFormat::kJsonLines, "big");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].error->message,
            "the record is 52428800 bytes long, more than the limit of 8388608 bytes");
}

TEST(LargeInputTest, JsonArrayElementOf50MegabytesThenAGoodElement) {
  EXPECT_THAT(ReadHuge({{"[\n"
                         R"({"kind":"listing","id":"L-0","title":")"},
                        {"x]},\n", kHuge / 6},
                        {"\"},\n" + kListing + "]"}},
                       InputFormat::kJson),
              ElementsAre("big:2 too_large", "big:" + std::to_string(3 + kHuge / 6) + " ok"));
}

TEST(LargeInputTest, CsvRowOf50MegabytesThenAGoodRow) {
  EXPECT_THAT(
      ReadHuge({{"id,title\nL-0,\""}, {"x,\n", kHuge / 3}, {"\"\nL-1,ok\n"}}, InputFormat::kCsv),
      ElementsAre("big:2 too_large", "big:" + std::to_string(3 + kHuge / 3) + " ok"));
}

TEST(LargeInputTest, CsvRowWithMillionsOfCellsKeepsOnlyTheHeaderCount) {
  EXPECT_THAT(ReadHuge({{"id,title\nL-0"}, {",", 4u << 20}, {"\nL-1,ok\n"}}, InputFormat::kCsv),
              ElementsAre("big:2 schema_violation", "big:3 ok"));
}

}  // namespace
}  // namespace tradelint
