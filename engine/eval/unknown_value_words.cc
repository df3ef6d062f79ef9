#include "engine/eval/unknown_value_words.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tradelint {
namespace {

constexpr UnknownValueWords kEnglish{"not stated", "unknown"};

// Sorted by primary subtag.
constexpr std::array<std::pair<std::string_view, UnknownValueWords>, 20> kCatalogue{{
    {"af", {"nie vermeld nie", "onbekend"}},
    {"ar", {"غير مذكور", "غير معروف"}},
    {"de", {"nicht angegeben", "unbekannt"}},
    {"es", {"no indicado", "desconocido"}},
    {"fi", {"ei ilmoitettu", "tuntematon"}},
    {"fil", {"hindi nakasaad", "hindi alam"}},
    {"fr", {"non indiqué", "inconnu"}},
    {"hi", {"उल्लेख नहीं", "अज्ञात"}},
    {"id", {"tidak dicantumkan", "tidak diketahui"}},
    {"it", {"non indicato", "sconosciuto"}},
    {"ja", {"記載なし", "不明"}},
    {"ko", {"기재되지 않음", "알 수 없음"}},
    {"ms", {"tidak dinyatakan", "tidak diketahui"}},
    {"nb", {"ikke oppgitt", "ukjent"}},
    {"pt", {"não indicado", "desconhecido"}},
    {"sw", {"haijatajwa", "haijulikani"}},
    {"th", {"ไม่ได้ระบุ", "ไม่ทราบ"}},
    {"tr", {"belirtilmemiş", "bilinmiyor"}},
    {"vi", {"không nêu", "không rõ"}},
    {"zh", {"未注明", "未知"}},
}};

const UnknownValueWords* Find(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find('-'));
  const auto* entry = std::lower_bound(
      kCatalogue.begin(), kCatalogue.end(), primary,
      [](const auto& candidate, std::string_view key) { return candidate.first < key; });
  return entry != kCatalogue.end() && entry->first == primary ? &entry->second : nullptr;
}

}  // namespace

const UnknownValueWords& UnknownValueWordsFor(std::string_view language) {
  const UnknownValueWords* words = Find(language);
  return words != nullptr ? *words : kEnglish;
}

bool HasUnknownValueWords(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find('-'));
  return primary.empty() || primary == "en" || Find(language) != nullptr;
}

}  // namespace tradelint
