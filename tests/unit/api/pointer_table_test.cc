// PointerTable (engine/api/pointer_table.h): elements filed under their callers' hashes are
// found, and stay found as others are erased and the table grows.
#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

#include "engine/api/pointer_table.h"

namespace tradelint {
namespace {

struct Item {
  std::size_t hash = 0;
  int id = 0;
};

int FoundId(const PointerTable<Item>& table, std::size_t hash, int id) {
  const Item* found = table.Find(hash, [&](const Item& item) { return item.id == id; });
  return found == nullptr ? -1 : found->id;
}

TEST(PointerTable, FindsWhatWasInsertedAndNotWhatWasErased) {
  // 2,000 items on 300 hashes (several per hash, as colliding keys would be), so that runs of
  // probed slots are long and wrap around; erase every third, then find each.
  std::vector<Item> items(2000);
  PointerTable<Item> table;
  for (int i = 0; i < 2000; ++i) {
    items[i] = Item{static_cast<std::size_t>(i % 300) << (i % 2 == 0 ? 0 : 60), i};
    table.Insert(items[i].hash, &items[i]);
  }
  EXPECT_EQ(table.size(), 2000u);
  for (int i = 0; i < 2000; i += 3) table.Erase(items[i].hash, &items[i]);
  EXPECT_EQ(table.size(), 2000u - 667u);
  for (int i = 0; i < 2000; ++i) {
    EXPECT_EQ(FoundId(table, items[i].hash, i), i % 3 == 0 ? -1 : i) << i;
  }
  for (int i = 0; i < 2000; i += 3) table.Insert(items[i].hash, &items[i]);
  for (int i = 0; i < 2000; ++i) EXPECT_EQ(FoundId(table, items[i].hash, i), i) << i;
  for (Item& item : items) table.Erase(item.hash, &item);
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(FoundId(table, items[5].hash, 5), -1);
}

TEST(PointerTable, AnEmptyTableFindsNothing) {
  const PointerTable<Item> table;
  EXPECT_EQ(FoundId(table, 7, 7), -1);
}

}  // namespace
}  // namespace tradelint
