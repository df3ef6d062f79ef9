#include "engine/screening/name_tokens.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

#include "engine/base/ascii_case.h"

namespace tradelint {
namespace {

// Romanisation of the Russian, Ukrainian, Belarusian and Bulgarian Cyrillic letters (lower
// case, U+0430..U+045F), after BGN/PCGN, the system OFAC's and the UN's lists mostly follow.
constexpr std::array<std::string_view, 0x30> kCyrillic = {
    "a", "b", "v",  "g", "d",  "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t",  "u", "f",  "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya",
    "e", "e", "dj", "g", "ye", "s",  "i",  "yi", "j",  "l",    "n", "c", "k", "i", "u",  "dz"};
// U+0430..U+044F are the first 32 entries; U+0450..U+045F follow (ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ).

// Greek lower-case letters U+03B1..U+03C9, ELOT 743.
constexpr std::array<std::string_view, 25> kGreek = {"a", "v", "g", "d", "e",  "z",  "i", "th", "i",
                                                     "k", "l", "m", "n", "x",  "o",  "p", "r",  "s",
                                                     "s", "t", "y", "f", "ch", "ps", "o"};

// `text` folded by utf8proc (compatibility decomposition, case folding, marks and ignorables
// removed) into `out`; false, with `out` untouched, when `text` is not UTF-8.
bool FoldUtf8(std::string_view text, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (length < 0) return false;
  out.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
  return true;
}

bool IsAsciiAlphanumeric(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsApostrophe(utf8proc_int32_t c) {
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x02BB ||
         c == 0x00B4;
}

void Append(std::string& out, utf8proc_int32_t c) {
  utf8proc_uint8_t bytes[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(c, bytes);
  out.append(reinterpret_cast<const char*>(bytes), length);
}

// Appends the words of folded text to `out` (letters and spans), transliterating as it goes.
// ASCII, most of every list, is read a byte at a time without decoding; it needs no folding
// but for A-Z, so `folded` may be ASCII text as written.
void AppendWords(std::string_view folded, NameWords& out) {
  std::size_t word_begin = out.letters.size();
  auto flush = [&] {
    if (out.letters.size() > word_begin) {
      out.words.push_back(
          {static_cast<std::uint32_t>(word_begin), static_cast<std::uint32_t>(out.letters.size())});
    }
    word_begin = out.letters.size();
  };
  std::string& word = out.letters;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  std::size_t offset = 0;
  while (offset < folded.size()) {
    if (bytes[offset] < 0x80) {
      const char c = static_cast<char>(bytes[offset++]);
      if (IsAsciiAlphanumeric(c)) {
        word += AsciiUpper(c);
      } else if (!IsApostrophe(c)) {
        flush();
      }
      continue;
    }
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t length =
        utf8proc_iterate(bytes + offset, static_cast<utf8proc_ssize_t>(folded.size() - offset), &c);
    offset += length > 0 ? static_cast<std::size_t>(length) : 1;
    if (length <= 0) continue;
    if (c >= 0x430 && c < 0x460) {
      for (char letter : kCyrillic[c - 0x430]) word += AsciiUpper(letter);
    } else if (c >= 0x3B1 && c <= 0x3C9) {
      for (char letter : kGreek[c - 0x3B1]) word += AsciiUpper(letter);
    } else if (c == 0xDF) {
      word += "SS";
    } else if (c == 0xF8 || c == 0x153) {
      word += c == 0xF8 ? "O" : "OE";
    } else if (c == 0xE6) {
      word += "AE";
    } else if (c == 0x131 || c == 0x142 || c == 0x111) {
      word += c == 0x131 ? "I" : (c == 0x142 ? "L" : "D");
    } else if (IsApostrophe(c)) {
      // joins, as ASCII apostrophes do
    } else {
      const utf8proc_category_t category = utf8proc_category(c);
      const bool letter_or_digit =
          (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
          (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME) ||
          category == UTF8PROC_CATEGORY_ND;
      if (letter_or_digit) {
        Append(word, c);
      } else {
        flush();
      }
    }
  }
  flush();
}

// Appends the words of `text` to `out` (not yet joined: JoinSpelledLegalForms). Returns
// whether `text` is UTF-8; text that is not is read byte by byte as Latin-1.
bool AppendTextWords(std::string_view text, NameWords& out) {
  // ASCII folds to itself but for A-Z (no ASCII character decomposes, is a mark or is
  // ignorable): most names on the lists and to screen are ASCII.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    AppendWords(text, out);
    return true;
  }
  thread_local std::string folded;
  if (FoldUtf8(text, folded)) {
    AppendWords(folded, out);
    return true;
  }
  std::string latin1;
  for (unsigned char c : text) {
    if (c < 0x80) {
      latin1 += static_cast<char>(c);
    } else {
      latin1 += static_cast<char>(0xC0 | (c >> 6));
      latin1 += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  FoldUtf8(latin1, folded);
  AppendWords(folded, out);
  return false;
}

// A legal form spelled with dots or spaces (S.A., S. P. A., P.J.S.C.) splits into one-letter
// words: the longest run of them from a word on that spells a legal-form word is joined into
// that word, so that it is known as one (IsLegalFormWord) instead of read as initials
// (B.V. / N.V. -> BV NV). Other one-letter words (J. R. SMITH) stay. Joins the words of
// `words` from `from` on, in place; words split from one text lie back to back in `letters`,
// so a run's letters are already the joined word.
void JoinSpelledLegalForms(const std::string& letters, std::vector<NameWords::Span>& words,
                           std::size_t from) {
  std::size_t kept = from;
  for (std::size_t i = from; i < words.size();) {
    std::size_t end = i;
    while (end < words.size() && words[end].end - words[end].begin == 1) ++end;
    for (; end >= i + 2; --end) {
      const std::string_view spelled(letters.data() + words[i].begin,
                                     words[end - 1].end - words[i].begin);
      if (IsLegalFormWord(spelled)) break;
    }
    if (end >= i + 2) {
      words[kept++] = {words[i].begin, words[end - 1].end};
      i = end;
    } else {
      words[kept++] = words[i++];
    }
  }
  words.resize(kept);
}

std::vector<std::string> Strings(const NameWords& name, const std::vector<NameWords::Span>& spans) {
  std::vector<std::string> strings;
  strings.reserve(spans.size());
  for (const NameWords::Span span : spans) strings.emplace_back(name(span));
  return strings;
}

}  // namespace

void SplitName(std::string_view name, NameWords& out) {
  out.letters.clear();
  out.words.clear();
  out.reordered.clear();
  out.last_name_words = 0;
  const std::size_t comma = name.find(',');
  if (comma == std::string_view::npos) {
    AppendTextWords(name, out);
    JoinSpelledLegalForms(out.letters, out.words, 0);
    return;
  }
  // The last name's words, then the first name's, each split once: "First ... LAST" is made
  // of them, each side joined on its own. Folding keeps the comma and folds each side as it
  // would alone, so the words of the whole name are the two sides' words, unless the name is
  // not UTF-8 while a side is: then the whole is read as Latin-1 and split again.
  const bool last_utf8 = AppendTextWords(name.substr(0, comma), out);
  const std::size_t last_words = out.words.size();
  const bool first_utf8 = AppendTextWords(name.substr(comma + 1), out);
  std::size_t last_name_words = 0;
  if (last_words > 0 && last_words < out.words.size()) {
    out.reordered.assign(out.words.begin() + last_words, out.words.end());
    JoinSpelledLegalForms(out.letters, out.reordered, 0);
    const std::size_t first_name_words = out.reordered.size();
    out.reordered.insert(out.reordered.end(), out.words.begin(), out.words.begin() + last_words);
    JoinSpelledLegalForms(out.letters, out.reordered, first_name_words);
    last_name_words = out.reordered.size() - first_name_words;
  }
  if (!last_utf8 || !first_utf8) {
    out.words.clear();
    AppendTextWords(name, out);
  }
  JoinSpelledLegalForms(out.letters, out.words, 0);
  out.last_name_words = std::min(out.words.size(), last_name_words);
}

std::vector<std::string> NameTokens(std::string_view name) {
  NameWords words;
  SplitName(name, words);
  return Strings(words, words.words);
}

std::vector<std::string> ReorderedNameTokens(std::string_view name) {
  NameWords words;
  SplitName(name, words);
  return Strings(words, words.reordered);
}

bool IsLegalFormWord(std::string_view token) {
  // Company types of the jurisdictions the lists name most often.
  static constexpr std::string_view kWords[] = {
      "AB",      "AG",   "AO",          "AS",           "BHD", "BV",   "CIA", "CO",
      "COMPANY", "CORP", "CORPORATION", "CV",           "DOO", "EIRL", "FZC", "FZCO",
      "FZE",     "GMBH", "INC",         "INCORPORATED", "JSC", "KFT",  "KG",  "LIMITED",
      "LLC",     "LLP",  "LTD",         "NV",           "OAO", "OJSC", "OOO", "PJSC",
      "PLC",     "PT",   "PTE",         "PTY",          "PVT", "SA",   "SAL", "SARL",
      "SAS",     "SDN",  "SPA",         "SRL",          "TOO", "ZAO",  "ZAT"};
  // Every word of the lists and of each name screened is asked: the words up to 8 bytes are
  // compared as numbers (sorted, for binary search; no word has a NUL byte, so words of
  // different lengths differ), the few longer ones as they are.
  constexpr std::size_t kPacked = 8;
  constexpr auto pack = [](std::string_view word) {
    std::uint64_t packed = 0;
    for (char c : word) packed = packed << 8 | static_cast<unsigned char>(c);
    return packed;
  };
  struct Table {
    std::array<std::uint64_t, std::size(kWords)> packed{};
    std::size_t packed_count = 0;
    std::array<std::string_view, std::size(kWords)> long_words{};
    std::size_t long_count = 0;
  };
  static constexpr Table kTable = [&] {
    Table table;
    for (std::string_view word : kWords) {
      if (word.size() <= kPacked) {
        table.packed[table.packed_count++] = pack(word);
      } else {
        table.long_words[table.long_count++] = word;
      }
    }
    std::sort(table.packed.begin(), table.packed.begin() + table.packed_count);
    return table;
  }();
  if (token.size() > kPacked) {
    const auto end = kTable.long_words.begin() + kTable.long_count;
    return std::find(kTable.long_words.begin(), end, token) != end;
  }
  return std::binary_search(kTable.packed.begin(), kTable.packed.begin() + kTable.packed_count,
                            pack(token));
}

}  // namespace tradelint
