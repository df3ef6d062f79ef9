#pragma once
// PointerTable<T>: a hash table of pointers to elements that live elsewhere, each filed under
// a hash its caller worked out, so that finding one costs a probe of one array and, for each
// element whose hash matches, one comparison (GroupWindows: the open groups by rule and key).
//
// Open addressing with linear probing in a power-of-two array of (hash, pointer) slots, at
// most half full; Erase shifts the slots after the erased one back, so no slot is ever marked
// deleted. The table owns no element. Not thread-safe.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace tradelint {

template <typename T>
class PointerTable {
 public:
  // The element filed under `hash` for which `equal(element)` holds, or nullptr.
  template <typename Equal>
  T* Find(std::size_t hash, Equal&& equal) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = Home(hash);; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.element == nullptr) return nullptr;
      if (slot.hash == hash && equal(*slot.element)) return slot.element;
    }
  }

  // Files `element` under `hash`; the table holds no element equal to it.
  void Insert(std::size_t hash, T* element) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place(Slot{hash, element});
    ++size_;
  }

  // Removes `element`, filed under `hash`.
  void Erase(std::size_t hash, const T* element) {
    std::size_t i = Home(hash);
    while (slots_[i].element != element) i = (i + 1) & mask_;
    // Each later slot of the run moves into the gap when its home is not between the gap and
    // it (cyclically), so every element stays reachable from its home without a gap.
    for (std::size_t j = (i + 1) & mask_; slots_[j].element != nullptr; j = (j + 1) & mask_) {
      if (((j - Home(slots_[j].hash)) & mask_) >= ((j - i) & mask_)) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{};
    --size_;
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::size_t hash = 0;
    T* element = nullptr;  // null: empty
  };

  // The first slot to probe for `hash`: its high bits after a Fibonacci multiplication, so
  // that hashes differing only in their high bits spread too.
  std::size_t Home(std::size_t hash) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(hash) * 0x9e3779b97f4a7c15ull) >>
                                    shift_);
  }

  void Place(Slot slot) {
    std::size_t i = Home(slot.hash);
    while (slots_[i].element != nullptr) i = (i + 1) & mask_;
    slots_[i] = slot;
  }

  void Grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    shift_ = 64;
    for (std::size_t count = slots_.size(); count > 1; count >>= 1) --shift_;
    for (const Slot& slot : old) {
      if (slot.element != nullptr) Place(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 64;  // 64 - log2(slots_.size())
  std::size_t size_ = 0;
};

}  // namespace tradelint
