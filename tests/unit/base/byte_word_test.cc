// The 8-bytes-at-once tests say exactly whether any byte qualifies, whichever byte it is and
// wherever it stands among the others.
#include "engine/base/byte_word.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace tradelint {
namespace {

TEST(ByteWord, EachTestAgreesWithLookingAtEveryByte) {
  // Fillers around the byte under test: ordinary text, the limits' neighbours, high bytes.
  for (const unsigned char filler : {'a', ' ', '!', '~', '\x7f', '\x80', '\xff', '\x21'}) {
    for (int value = 0; value < 256; ++value) {
      for (int position = 0; position < 8; ++position) {
        std::string bytes(8, static_cast<char>(filler));
        bytes[position] = static_cast<char>(value);
        const std::uint64_t word = byte_word::Load(bytes.data());
        for (const unsigned char limit : {1, 0x20, 0x21, 0x7f, 0x80}) {
          const bool below = std::any_of(bytes.begin(), bytes.end(), [&](char c) {
            return static_cast<unsigned char>(c) < limit;
          });
          ASSERT_EQ(byte_word::HasByteBelow(word, limit), below)
              << value << " at " << position << " among " << int{filler} << ", limit "
              << int{limit};
        }
        for (const unsigned char wanted : {'"', '\\', '\0', '\xff'}) {
          ASSERT_EQ(byte_word::HasByte(word, wanted),
                    bytes.find(static_cast<char>(wanted)) != std::string::npos)
              << value << " at " << position << " among " << int{filler};
        }
        ASSERT_EQ(byte_word::HasHighByte(word), value >= 0x80 || filler >= 0x80);
      }
    }
  }
}

}  // namespace
}  // namespace tradelint
