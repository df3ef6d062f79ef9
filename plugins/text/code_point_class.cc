#include "plugins/text/code_point_class.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <memory>

namespace tradelint {
namespace {

WordRole RoleOf(char32_t code_point) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(code_point))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return WordRole::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return WordRole::kJoiner;
    default:
      return WordRole::kSeparator;
  }
}

// NFKC case folding of the code point alone gives it back, it is a starter (canonical
// combining class 0), and no composition takes it as its second part, so that nothing before it
// composes with it. (A precomposed letter such as `ü` qualifies: it decomposes and composes
// again, and a combining mark after it goes through utf8proc with it; unicode_text.cc.)
// utf8proc's comb_index is 0xFFFF for a code point in no composition, below 0x8000 for one that
// composes with what follows it, and has bit 0x8000 for a second part; Hangul vowel and
// trailing jamo compose by algorithm, not by table.
bool FoldsToItself(char32_t code_point) {
  if (code_point >= 0x1100 && code_point <= 0x11FF) return false;  // Hangul jamo
  const auto point = static_cast<utf8proc_int32_t>(code_point);
  const utf8proc_property_t* property = utf8proc_get_property(point);
  const bool second_part = property->comb_index != UINT16_MAX && property->comb_index >= 0x8000;
  if (property->combining_class != 0 || second_part) return false;
  if (property->decomp_seqindex == UINT16_MAX && property->casefold_seqindex == UINT16_MAX) {
    return true;  // nothing to map
  }
  utf8proc_uint8_t text[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(point, text);
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t folded_length =
      utf8proc_map(text, length, &folded,
                   static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                  UTF8PROC_CASEFOLD | UTF8PROC_STABLE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
  return folded_length == length && std::equal(text, text + length, folded);
}

CodePointClass Classify(char32_t code_point) {
  return {RoleOf(code_point), ScriptOf(code_point), FoldsToItself(code_point)};
}

}  // namespace

namespace code_point_class_internal {

// Pages are built once and never freed; two threads may both build a page, and the one that
// publishes second frees its copy.
constinit std::array<std::atomic<const Page*>, 256> pages{};

CodePointClass ClassOfUnbuilt(char32_t code_point) {
  if (code_point > 0xFFFF) return Classify(code_point);
  std::atomic<const Page*>& slot = pages[code_point >> 8];
  const Page* page = slot.load(std::memory_order_acquire);
  if (page == nullptr) {
    auto built = std::make_unique<Page>();
    const char32_t first = code_point & ~char32_t{0xFF};
    for (char32_t i = 0; i < 256; ++i) (*built)[i] = Classify(first + i);
    if (slot.compare_exchange_strong(page, built.get(), std::memory_order_acq_rel)) {
      page = built.release();
    }
  }
  return (*page)[code_point & 0xFF];
}

}  // namespace code_point_class_internal
}  // namespace tradelint
