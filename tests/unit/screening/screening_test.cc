// The screening stage: normalisation, similarity, the list parsers, the matcher and the
// 2019 -> 2021 SDN comparison (docs/screening.md).

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/file.h"
#include "engine/refdata/hs_nomenclature.h"
#include "engine/screening/list_countries.h"
#include "engine/screening/name_score.h"
#include "engine/screening/name_tokens.h"
#include "engine/screening/ofac_sdn.h"
#include "engine/screening/sanctions_list.h"
#include "engine/screening/screening_lists.h"
#include "engine/screening/similarity.h"
#include "engine/screening/un_list.h"

namespace tradelint {
namespace {

const std::string kReference = std::string(TRADELINT_SOURCE_DIR) + "/rulesets/reference";

std::vector<std::string> W(std::initializer_list<const char*> words) {
  return std::vector<std::string>(words.begin(), words.end());
}

double Score(std::string_view query, std::string_view listed,
             ScoringMode mode = ScoringMode::kScreening) {
  return ScoreName(PrepareName(query), PrepareName(listed), mode);
}

TEST(NameTokens, CasePunctuationDiacriticsAndApostrophes) {
  EXPECT_EQ(NameTokens("O'Brien, José-María  Núñez"), W({"OBRIEN", "JOSE", "MARIA", "NUNEZ"}));
  EXPECT_EQ(NameTokens("AL QA'IDA"), W({"AL", "QAIDA"}));
  EXPECT_EQ(NameTokens("Straße Øresund"), W({"STRASSE", "ORESUND"}));
}

// ASCII text is folded without utf8proc; a non-ASCII word after it sends the same text through
// utf8proc, which must give the same words before it. Every ASCII character, each between
// letters.
TEST(NameTokens, AsciiFoldsAsUtf8procFoldsIt) {
  std::string text;
  for (int c = 1; c < 0x80; ++c) {
    text += "Ab";
    text += static_cast<char>(c);
  }
  std::vector<std::string> through_utf8proc = NameTokens(text + " \u00e9");
  ASSERT_FALSE(through_utf8proc.empty());
  EXPECT_EQ(through_utf8proc.back(), "E");
  through_utf8proc.pop_back();
  EXPECT_EQ(NameTokens(text), through_utf8proc);
}

TEST(NameTokens, TransliteratesCyrillicAndGreek) {
  EXPECT_EQ(NameTokens("Владимир Путин"), W({"VLADIMIR", "PUTIN"}));
  EXPECT_EQ(NameTokens("Хабаровск Щукин"), W({"KHABAROVSK", "SHCHUKIN"}));
  EXPECT_EQ(NameTokens("Αθήνα"), W({"ATHINA"}));
}

TEST(NameTokens, LastFirstIsAlsoReadFirstLast) {
  EXPECT_EQ(ReorderedNameTokens("BIN LADEN, Osama"), W({"OSAMA", "BIN", "LADEN"}));
  EXPECT_TRUE(ReorderedNameTokens("AL QAEDA").empty());
}

TEST(NameTokens, LegalForms) {
  for (const char* word : {"LTD", "CORP", "LLC", "CO", "GMBH", "OOO", "INC", "SA", "AB", "ZAT",
                           "COMPANY", "LIMITED", "CORPORATION", "INCORPORATED"})
    EXPECT_TRUE(IsLegalFormWord(word)) << word;
  // Words up to 8 bytes are compared packed into a number, longer ones as they are.
  for (const char* word : {"BANCO", "", "A", "LTDA", "SAS2", "COMPANYS", "CORPORATIONS",
                           "INCORPORATE", "ZZZ", "\xd0\x9e\xd0\x9e\xd0\x9e"})
    EXPECT_FALSE(IsLegalFormWord(word)) << word;
}

TEST(NameTokens, LegalFormsSpelledWithDotsOrSpaces) {
  EXPECT_EQ(NameTokens("Acme S.A."), W({"ACME", "SA"}));
  EXPECT_EQ(NameTokens("Acme S. A. S."), W({"ACME", "SAS"}));
  EXPECT_EQ(NameTokens("Rossi S.p.A."), W({"ROSSI", "SPA"}));
  EXPECT_EQ(NameTokens("Muster A.G."), W({"MUSTER", "AG"}));
  EXPECT_EQ(NameTokens("Van Dam B.V. / N.V."), W({"VAN", "DAM", "BV", "NV"}));
  EXPECT_EQ(NameTokens("P.J.S.C. Rosneft"), W({"PJSC", "ROSNEFT"}));
  EXPECT_EQ(NameTokens("J.S.C. Kirov"), W({"JSC", "KIROV"}));
  EXPECT_EQ(NameTokens("Dupont S.A.R.L."), W({"DUPONT", "SARL"}));
  EXPECT_EQ(NameTokens("Bianchi S.R.L."), W({"BIANCHI", "SRL"}));
  EXPECT_EQ(NameTokens("J. R. Smith"), W({"J", "R", "SMITH"}));  // initials stay
  // The legal form is no evidence: the initials S and A no longer meet a listed name.
  EXPECT_DOUBLE_EQ(Score("Banco Nacional de Cuba S.A.", "BANCO NACIONAL DE CUBA"), 100);
}

std::vector<std::string> Words(const NameWords& split, const std::vector<NameWords::Span>& spans) {
  std::vector<std::string> words;
  for (const NameWords::Span span : spans) words.emplace_back(split(span));
  return words;
}

// SplitName splits "LAST, First" once into one buffer of letters and gives both readings as
// spans of it; a legal form spelled in one-letter words is one span over their letters.
TEST(NameTokens, SplitNameGivesBothReadingsFromOneBuffer) {
  NameWords split;
  SplitName("Van Dam B.V., Jan", split);
  EXPECT_EQ(split.letters, "VANDAMBVJAN");
  EXPECT_EQ(Words(split, split.words), W({"VAN", "DAM", "BV", "JAN"}));
  EXPECT_EQ(Words(split, split.reordered), W({"JAN", "VAN", "DAM", "BV"}));
  EXPECT_EQ(split.last_name_words, 3u);
  // Reused for the next name. A run of one-letter words across the comma joins in the name
  // as written, but each side is joined on its own in "First LAST".
  SplitName("Acme S., A.", split);
  EXPECT_EQ(Words(split, split.words), W({"ACME", "SA"}));
  EXPECT_EQ(Words(split, split.reordered), W({"A", "ACME", "S"}));
  EXPECT_EQ(split.last_name_words, 2u);
  SplitName("Acme SA", split);
  EXPECT_EQ(Words(split, split.words), W({"ACME", "SA"}));
  EXPECT_TRUE(split.reordered.empty());
  EXPECT_EQ(split.last_name_words, 0u);
  // Not UTF-8 as a whole (one side is): the whole is read as Latin-1 (C3 is Ã, A9 is ©), each
  // side as it would be alone.
  SplitName("Jos\xc3\xa9, \xff Ma", split);
  EXPECT_EQ(Words(split, split.words), W({"JOSA", "Y", "MA"}));
  EXPECT_EQ(Words(split, split.reordered), W({"Y", "MA", "JOSE"}));
  EXPECT_EQ(NameTokens("Jos\xc3\xa9, \xff Ma"), W({"JOSA", "Y", "MA"}));
  EXPECT_EQ(ReorderedNameTokens("Jos\xc3\xa9, \xff Ma"), W({"Y", "MA", "JOSE"}));
}

std::vector<std::string> W(PreparedName::Words words) {
  return std::vector<std::string>(words.begin(), words.end());
}

// A prepared name's words and keys are views of its own buffer: they stay valid when the name
// is moved (here by a growing vector), short names too.
TEST(NameScore, PreparedNameKeepsItsWordsWhenMoved) {
  std::vector<PreparedName> names;
  for (int i = 0; i < 40; ++i) {
    names.push_back(PrepareName(i % 2 == 0 ? "PUTIN, Vladimir Vladimirovich" : "Al, Bo Ltd"));
  }
  for (std::size_t i = 0; i < names.size(); i += 2) {
    const PreparedName& putin = names[i];
    EXPECT_EQ(W(putin.words()), W({"PUTIN", "VLADIMIR", "VLADIMIROVICH"}));
    EXPECT_EQ(W(putin.reordered()), W({"VLADIMIR", "VLADIMIROVICH", "PUTIN"}));
    EXPECT_EQ(W(putin.evidence()), W({"PUTIN", "VLADIMIR", "VLADIMIROVICH"}));
    EXPECT_EQ(W(putin.keys()),
              std::vector<std::string>(
                  {PhoneticKey("PUTIN"), PhoneticKey("VLADIMIR"), PhoneticKey("VLADIMIROVICH")}));
    // The patronymic, a middle name as the name is read, weighs half its letters.
    EXPECT_EQ(std::vector<double>(putin.unfound_weights().begin(), putin.unfound_weights().end()),
              std::vector<double>({5, 8, 6.5}));
    const PreparedName& al = names[i + 1];
    EXPECT_EQ(W(al.words()), W({"AL", "BO", "LTD"}));
    EXPECT_EQ(W(al.evidence()), W({"AL", "BO"}));
    EXPECT_EQ(W(al.keys()), std::vector<std::string>({PhoneticKey("AL"), PhoneticKey("BO")}));
  }
  EXPECT_DOUBLE_EQ(ScoreName(names[0], names[2], ScoringMode::kScreening), 100);
}

// FNV-1a (64 bits) as published, eight bytes a turn and the rest one at a time: the entries'
// digests that dispositions were made on must not change.
TEST(Similarity, Fnv1aKnownValues) {
  EXPECT_EQ(Fnv1a(""), 14695981039346656037ull);
  EXPECT_EQ(Fnv1a("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a("foobar"), 0x85944171f73967e8ull);
  std::string text;
  for (int i = 0; i < 41; ++i) text += static_cast<char>('A' + i * 7 % 53);
  for (std::size_t length = 0; length <= text.size(); ++length) {
    std::uint64_t expected = 14695981039346656037ull;
    for (std::size_t i = 0; i < length; ++i) {
      expected ^= static_cast<unsigned char>(text[i]);
      expected *= 1099511628211ull;
    }
    EXPECT_EQ(Fnv1a(std::string_view(text).substr(0, length)), expected) << length;
    EXPECT_EQ(Fnv1a(text.substr(length), Fnv1a(text.substr(0, length))), Fnv1a(text));
  }
}

TEST(Similarity, JaroWinklerKnownValues) {
  EXPECT_DOUBLE_EQ(JaroWinkler("PUTIN", "PUTIN"), 1.0);
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("ABC", ""), 0.0);
}

TEST(Similarity, PhoneticKeysMeetAcrossTransliterations) {
  EXPECT_EQ(PhoneticKey("MOHAMMED"), PhoneticKey("MUHAMMAD"));
  EXPECT_EQ(PhoneticKey("MOHAMMED"), PhoneticKey("MOHAMAD"));
  EXPECT_EQ(PhoneticKey("QAEDA"), PhoneticKey("QAIDA"));
  EXPECT_EQ(PhoneticKey("PUTIN"), PhoneticKey("PUTNI"));
  EXPECT_EQ(PhoneticKey("ANATOLIJEVITCH"), PhoneticKey("ANATOLYEVICH"));
  EXPECT_NE(PhoneticKey("PUTIN"), PhoneticKey("OBAMA"));
  // The first letter, then the consonants merged, doubled ones once, sorted when three or fewer.
  EXPECT_EQ(PhoneticKey("PUTIN"), "PNT");
  EXPECT_EQ(PhoneticKey("PHILIP"), "FLP");
  EXPECT_EQ(PhoneticKey("STEPHEN"), "SFNT");
  EXPECT_EQ(PhoneticKey("ZWICKY"), "SKV");
  EXPECT_EQ(PhoneticKey("ANATOLIJEVITCH"), "ANTLVK");
  EXPECT_EQ(PhoneticKey("Ab"), "Ab");  // not upper-case ASCII letters: its own key
  EXPECT_EQ(PhoneticKey(""), "");
}

TEST(NameScore, WordOrderAndLastFirstDoNotMatter) {
  EXPECT_DOUBLE_EQ(Score("Vladimir Putin", "PUTIN, Vladimir"), 100);
  EXPECT_DOUBLE_EQ(Score("putin VLADIMIR", "Vladimir Putin"), 100);
}

TEST(NameScore, LegalFormsAreNoEvidence) {
  // "CORP" alone matching 100% is the classic false positive.
  EXPECT_LT(Score("Acme Corp", "Kirov Corp"), 80);
  EXPECT_DOUBLE_EQ(Score("Banco Nacional de Cuba SA", "BANCO NACIONAL DE CUBA"), 100);
}

TEST(NameScore, ASharedFirstNameIsNotAMatch) {
  EXPECT_LT(Score("John Smith", "JOHN, Damien"), 60);
  EXPECT_GE(Score("Putin", "PUTIN, Vladimir Vladimirovich"), 80);  // a possible match
}

// A middle name or patronymic the query leaves out weighs half its letters: "Viktor Bout" is
// the listed BOUT, Viktor Anatolijevitch (88.3 when the 14-letter patronymic counted in full).
TEST(NameScore, AMiddleNameLeftOutWeighsLess) {
  EXPECT_GE(Score("Viktor Bout", "BOUT, Viktor Anatolijevitch"), 90);
  EXPECT_GE(Score("Viktor Bout", "VIKTOR ANATOLIJEVITCH BOUT"), 90);
  EXPECT_GE(Score("Viktor Anatolyevich Bout", "BOUT, Viktor Anatolijevitch"), 95);
  // A matched middle name counts in full.
  EXPECT_GE(Score("Bashiruddin", "MAHMOOD, Sultan Bashiruddin"), 85);
}

TEST(NameScore, OneWordOrSeveral) { EXPECT_GE(Score("Bashiruddin", "Bashir-Ud-Din"), 95); }

TEST(NameScore, OfacModeReproducesPublishedScores) {
  EXPECT_DOUBLE_EQ(Score("VLADIMIR PUTIN", "PUTIN, Vladimir Vladimirovich", ScoringMode::kOfac),
                   100);
  EXPECT_NEAR(Score("PUTIN", "PUTINA, Maria", ScoringMode::kOfac), 97, 1);
  EXPECT_LT(Score("BUSH GEORGE", "GEORGIOU, Georgios", ScoringMode::kOfac), 80);
}

// The SDN files through CsvRows: quoted fields with doubled quotes, `-0-` as empty, programs,
// remarks (years of birth, nationality), aliases (weak), address countries, and the digest over
// every cleaned field of the entry's rows, each followed by 0x1F.
TEST(OfacSdn, ParsesTheThreeFiles) {
  const std::string sdn =
      "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0- \r\n"
      "173,\"ANGLO-CARIBBEAN \"\"CO.\"\", LTD.\",\"individual\",\"IRAN] [SDGT\",-0-,-0-,-0-,-0-,"
      "-0-,-0-,-0-,\"DOB 07 Oct 1952; DOB circa 1960; nationality Russia.\"\r\n\x1a";
  const std::string alt =
      "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n173,13,\"aka\",\"ANGLO\",\"weak aka\"\r\n"
      "999,14,\"aka\",\"NOBODY\",-0-\r\n";
  const std::string add =
      "173,25,-0-,\"Moscow\",\"Russia\",-0- \r\n36,26,-0-,\"Havana\",\"Cuba\",-0-\r\n";
  std::string error;
  const std::optional<SanctionsList> list = ParseOfacSdn({sdn, alt, add}, Provenance(), &error);
  ASSERT_TRUE(list) << error;
  ASSERT_EQ(list->entries.size(), 2u);
  const ListEntry& airline = list->entries[0];
  EXPECT_EQ(airline.id, "36");
  EXPECT_EQ(airline.type, "entity");
  EXPECT_EQ(airline.programs, "CUBA");
  ASSERT_EQ(airline.names.size(), 2u);
  EXPECT_EQ(airline.names[1].text, "AERO-CARIBBEAN");
  EXPECT_EQ(airline.names[1].kind, "aka");
  EXPECT_EQ(airline.countries, W({"CUBA"}));
  std::uint64_t digest = Fnv1a("");
  for (const char* field :
       {"36", "AEROCARIBBEAN AIRLINES", "", "CUBA", "", "", "", "", "", "", "", ""})
    digest = Fnv1a(std::string(field) + "\x1f", digest);
  for (const char* field : {"36", "12", "aka", "AERO-CARIBBEAN", ""})
    digest = Fnv1a(std::string(field) + "\x1f", digest);
  for (const char* field : {"36", "26", "", "Havana", "Cuba", ""})
    digest = Fnv1a(std::string(field) + "\x1f", digest);
  EXPECT_EQ(airline.digest, digest);
  const ListEntry& person = list->entries[1];
  EXPECT_EQ(person.names[0].text, "ANGLO-CARIBBEAN \"CO.\", LTD.");
  EXPECT_EQ(person.type, "individual");
  EXPECT_EQ(person.programs, "IRAN; SDGT");
  EXPECT_EQ(person.birth_years, std::vector<int>({1952, 1960}));
  EXPECT_EQ(person.countries, W({"RUSSIA"}));  // the nationality and the address, once
  ASSERT_EQ(person.names.size(), 2u);
  EXPECT_TRUE(person.names[1].weak);
  EXPECT_FALSE(ParseOfacSdn({"x\r\n1,2\r\n", "", ""}, Provenance(), &error));
  EXPECT_NE(error.find("sdn.csv:2:"), std::string::npos) << error;
}

// The UN list's elements are found by their exact tags (<COUNTRY> is not <ISSUING_COUNTRY>,
// <INDIVIDUAL> not <INDIVIDUALS>), the first of a kind for a single value, every one for a
// list; an element without its end tag is not read; the digest is over the entry's text.
TEST(UnList, ReadsEntriesByExactTags) {
  const std::string individual =
      "<DATAID>1</DATAID><FIRST_NAME> Ivan </FIRST_NAME><SECOND_NAME>PETROV &amp; SON"
      "</SECOND_NAME><FOURTH_NAME/><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
      "<REFERENCE_NUMBER>KPi.001</"
      "REFERENCE_NUMBER><NAME_ORIGINAL_SCRIPT>&#x418;&#1074;&#x430;&#x43D;"
      "</NAME_ORIGINAL_SCRIPT><NATIONALITY><VALUE>Russian Federation</VALUE><VALUE>Ukraine</VALUE>"
      "</NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Vanya</ALIAS_NAME>"
      "</INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>The Bear</ALIAS_NAME>"
      "</INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME></ALIAS_NAME>"
      "</INDIVIDUAL_ALIAS><INDIVIDUAL_ADDRESS><CITY>Kyiv</CITY><COUNTRY>Ukraine</COUNTRY>"
      "</INDIVIDUAL_ADDRESS><INDIVIDUAL_DATE_OF_BIRTH><YEAR>1961</YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><DATE>1963-02-01</DATE></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DOCUMENT><ISSUING_COUNTRY>Japan</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>";
  const std::string xml =
      "<?xml version=\"1.0\"?><CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">"
      "<INDIVIDUALS><INDIVIDUAL>" +
      individual +
      "</INDIVIDUAL></INDIVIDUALS><ENTITIES><ENTITY>"
      "<FIRST_NAME>ACME TRADING</FIRST_NAME><REFERENCE_NUMBER>KPe.002</REFERENCE_NUMBER>"
      "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><UN_LIST_TYPE>Iraq</UN_LIST_TYPE><ENTITY_ALIAS>"
      "<QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ACME</ALIAS_NAME></ENTITY_ALIAS><INDIVIDUAL_ALIAS>"
      "<ALIAS_NAME>NOT AN ENTITY'S</ALIAS_NAME></INDIVIDUAL_ALIAS>"
      "<ENTITY_ADDRESS><COUNTRY>China</COUNTRY></ENTITY_ADDRESS></ENTITY><ENTITY>"
      "<FIRST_NAME>UNFINISHED</FIRST_NAME></ENTITIES></CONSOLIDATED_LIST>";
  std::string error;
  const std::optional<SanctionsList> list = ParseUnList(xml, "un.xml", "UN", &error);
  ASSERT_TRUE(list) << error;
  EXPECT_EQ(list->provenance.date, "2026-02-27");
  ASSERT_EQ(list->entries.size(), 2u);
  const ListEntry& ivan = list->entries[0];
  EXPECT_EQ(ivan.id, "KPi.001");
  EXPECT_EQ(ivan.type, "individual");
  EXPECT_EQ(ivan.programs, "DPRK");
  ASSERT_EQ(ivan.names.size(), 4u);
  EXPECT_EQ(ivan.names[0].text, "Ivan PETROV & SON");
  EXPECT_EQ(ivan.names[1].text, "\u0418\u0432\u0430\u043d");
  EXPECT_EQ(ivan.names[1].kind, "original script");
  EXPECT_EQ(ivan.names[2].text, "Vanya");
  EXPECT_FALSE(ivan.names[2].weak);
  EXPECT_EQ(ivan.names[3].text, "The Bear");
  EXPECT_TRUE(ivan.names[3].weak);
  EXPECT_EQ(ivan.countries, W({"RUSSIAN FEDERATION", "UKRAINE", "UKRAINE"}));
  EXPECT_EQ(ivan.birth_years, std::vector<int>({1961, 1963}));
  EXPECT_EQ(ivan.digest, Fnv1a(individual));
  const ListEntry& acme = list->entries[1];
  EXPECT_EQ(acme.names[0].text, "ACME TRADING");
  EXPECT_EQ(acme.programs, "DPRK");  // a single value from the first element
  ASSERT_EQ(acme.names.size(), 2u);  // an entity's aliases are ENTITY_ALIAS
  EXPECT_EQ(acme.names[1].text, "ACME");
  EXPECT_EQ(acme.countries, W({"CHINA"}));
  EXPECT_FALSE(ParseUnList("<CONSOLIDATED_LIST>", "un.xml", "UN", &error));
}

ScreenOptions Options(double min_score, std::vector<std::string> lists = {},
                      std::optional<int> birth_year = std::nullopt) {
  ScreenOptions options;
  options.min_score = min_score;
  options.lists = std::move(lists);
  options.birth_year = birth_year;
  return options;
}

const Screener& BundledScreener() {
  static const std::shared_ptr<const Screener> screener = [] {
    std::vector<Provenance> provenance;
    std::string error;
    std::shared_ptr<const Screener> loaded =
        LoadScreener(kReference, ReferenceOverlay(), &provenance, &error);
    EXPECT_TRUE(loaded) << error;
    EXPECT_EQ(provenance.size(), 3u);  // the two lists and the country table
    return loaded;
  }();
  return *screener;
}

TEST(Screener, ListsLoadWithTheirVersions) {
  const Screener& screener = BundledScreener();
  const SanctionsList* sdn = screener.FindList("sdn");
  const SanctionsList* un = screener.FindList("un");
  ASSERT_NE(sdn, nullptr);
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(sdn->provenance.date, "2021-07-07");
  EXPECT_EQ(un->provenance.date, "2026-02-27");
  EXPECT_GT(sdn->entries.size(), 8000u);
  EXPECT_EQ(un->entries.size(), 1003u);
  const ListEntry* cuba = sdn->Find("306");
  ASSERT_NE(cuba, nullptr);
  EXPECT_EQ(cuba->programs, "CUBA");
  EXPECT_GT(cuba->names.size(), 1u);  // with its aliases
}

TEST(Screener, FindsAnEntryByNameAliasAndScript) {
  const Screener& screener = BundledScreener();
  std::vector<ScreeningMatch> matches = screener.Screen("Banco Nacional de Cuba", {});
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].entry->id, "306");
  EXPECT_EQ(matches[0].list->id, "sdn");
  EXPECT_DOUBLE_EQ(matches[0].score, 100);
  matches = screener.Screen("Усама бен Ладен", Options(90, {"sdn"}));
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].name->text, "BIN LADEN, Usama");
  EXPECT_TRUE(screener.Screen("Jane Miller", {}).empty());
  EXPECT_TRUE(screener.Screen("Acme Trading Co Ltd", {}).empty());
}

TEST(Screener, WeakAliasesAreMarked) {
  const Screener& screener = BundledScreener();
  bool weak_seen = false;
  for (const SanctionsList& list : screener.lists()) {
    for (const ListEntry& entry : list.entries) {
      for (const ListName& name : entry.names) weak_seen = weak_seen || name.weak;
    }
  }
  EXPECT_TRUE(weak_seen);
}

TEST(Screener, DateOfBirthRaisesOrLowers) {
  const Screener& screener = BundledScreener();
  const std::vector<ScreeningMatch> plain = screener.Screen("Usama bin Laden", Options(90));
  ASSERT_FALSE(plain.empty());
  const ListEntry* entry = plain[0].entry;
  ASSERT_FALSE(entry->birth_years.empty());
  const int born = entry->birth_years[0];
  auto score_with = [&](int year) {
    for (const ScreeningMatch& match : screener.Screen("Usama bin Laden", Options(0, {}, year))) {
      if (match.entry == entry) return match.score;
    }
    return -1.0;
  };
  EXPECT_GE(score_with(born), plain[0].score);
  EXPECT_LT(score_with(born + 20), plain[0].score);
}

TEST(ListCountries, ListNamesToIsoCodes) {
  std::string error;
  const std::string path = kReference + "/" + std::string(ListCountries::kFileName);
  std::optional<ListCountries> countries = ListCountries::Parse(*ReadFile(path), path, &error);
  ASSERT_TRUE(countries) << error;
  EXPECT_FALSE(countries->provenance().source.empty());
  EXPECT_EQ(countries->Code("Korea, North"), "KP");
  EXPECT_EQ(countries->Code("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"), "KP");
  EXPECT_EQ(countries->Code("Iran (Islamic Republic of)"), "IR");
  EXPECT_EQ(countries->Code("Türkiye"), "TR");
  EXPECT_EQ(countries->Code("Côte d'Ivoire"), "CI");
  EXPECT_EQ(countries->Code("Former Soviet Union"), "");
  EXPECT_FALSE(ListCountries::Parse("# source: x\n# date: 2026-01-01\nname,code\nIran,IRN\n",
                                    "bad.csv", &error));
  EXPECT_NE(error.find("bad.csv:4:"), std::string::npos) << error;
}

// The table knows the countries of nearly every entry that names some (it leaves out names
// that are no country: Former Soviet Union, Undetermined, ...).
TEST(Screener, EntriesHaveTheirCountryCodes) {
  for (const SanctionsList& list : BundledScreener().lists()) {
    std::size_t with_countries = 0, with_codes = 0;
    for (const ListEntry& entry : list.entries) {
      with_countries += !entry.countries.empty();
      with_codes += !entry.country_codes.empty();
    }
    EXPECT_GT(with_codes, with_countries * 95 / 100) << list.id;
  }
  EXPECT_EQ(BundledScreener().FindList("sdn")->Find("306")->country_codes,
            W({"CH", "ES", "JP", "PA"}));
}

TEST(Screener, CountryRaisesOrLowersWithEvidence) {
  const Screener& screener = BundledScreener();
  auto match_with = [&](std::string country) {
    ScreenOptions options = Options(0, {"sdn"});
    options.country = std::move(country);
    for (const ScreeningMatch& match : screener.Screen("Banco Cuba", options)) {
      if (match.entry->id == "306") return match;
    }
    return ScreeningMatch{};
  };
  const ScreeningMatch plain = match_with("");
  const ScreeningMatch agrees = match_with("ES");
  const ScreeningMatch disagrees = match_with("CU");
  ASSERT_NE(plain.entry, nullptr);
  EXPECT_TRUE(plain.evidence.empty());
  EXPECT_DOUBLE_EQ(agrees.score, plain.score + 5);
  EXPECT_DOUBLE_EQ(disagrees.score, plain.score - 5);
  ASSERT_EQ(agrees.evidence.size(), 1u);
  EXPECT_EQ(agrees.evidence[0], "country ES agrees with the entry's CH, ES, JP, PA (+5)");
  EXPECT_EQ(disagrees.evidence[0], "country CU disagrees with the entry's CH, ES, JP, PA (-5)");
}

TEST(Screener, StaleListNote) {
  const SanctionsList* un = BundledScreener().FindList("un");
  EXPECT_EQ(StaleListNote(*un, *Date::Parse("2026-03-01")), "");
  EXPECT_NE(StaleListNote(*un, *Date::Parse("2026-12-01")), "");
}

TEST(HsNomenclature, BundledTableAndNearest) {
  std::string error;
  const std::string path = kReference + "/" + std::string(HsNomenclature::kFileName);
  std::optional<HsNomenclature> hs = HsNomenclature::Parse(*ReadFile(path), path, &error);
  ASSERT_TRUE(hs) << error;
  EXPECT_EQ(hs->provenance().version, "2022.0");
  EXPECT_TRUE(hs->Contains("950300"));
  EXPECT_TRUE(hs->Contains("9503"));
  EXPECT_FALSE(hs->Contains("950399"));
  EXPECT_EQ(hs->Nearest("950399", 3), W({"950300"}));  // the heading's only subheading
  EXPECT_FALSE(hs->Nearest("999999", 3).empty());
}

// Every HS code or heading a bundled table is keyed by (a first column named `hs`) exists in
// HS 2022: a table keyed by a code that does not exist would never match a declared one.
TEST(HsNomenclature, EveryCodeOfTheBundledTablesExists) {
  std::string error;
  const std::string path = kReference + "/" + std::string(HsNomenclature::kFileName);
  std::optional<HsNomenclature> hs = HsNomenclature::Parse(*ReadFile(path), path, &error);
  ASSERT_TRUE(hs) << error;
  std::size_t checked = 0;
  for (const auto& file : std::filesystem::recursive_directory_iterator(kReference)) {
    if (file.path().extension() != ".csv") continue;
    const std::string text = *ReadFile(file.path().string());
    std::size_t at = 0;
    bool header_seen = false, keyed_by_hs = false;
    while (at < text.size()) {
      const std::size_t end = std::min(text.find('\n', at), text.size());
      const std::string line = text.substr(at, end - at);
      at = end + 1;
      if (line.empty() || line[0] == '#') continue;
      const std::string first = line.substr(0, line.find(','));
      if (!header_seen) {
        header_seen = true;
        keyed_by_hs = first == "hs" || first.starts_with("hs:");
        if (!keyed_by_hs) break;
        continue;
      }
      EXPECT_TRUE(hs->Contains(first)) << file.path() << ": `" << first << "` is not in HS 2022";
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);  // eu-russia-luxury.csv at least
}

}  // namespace
}  // namespace tradelint
