#include "engine/report/report_words.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace tradelint {
namespace {

// The catalogue's languages, in the order of its columns.
constexpr std::array<std::string_view, 6> kLanguages = {"en", "de", "fr", "es", "zh", "ar"};
constexpr std::size_t kArabic = 5;

using Texts = std::array<std::string_view, kLanguages.size()>;

struct Entry {
  Word word;
  Texts texts;
};

// One row per Word, in the enum's order (checked below). The verdict and severity names are
// kept apart: English uses the names of the JSON report there.
constexpr Entry kCatalogue[] = {
    {Word::kSummary,
     {"{records}, {results}: {fail} fail, {warn} warn, {pass} pass, {not_covered} not covered, "
      "{invalid} invalid",
      "{records}, {results} — nicht bestanden: {fail}, Warnung: {warn}, bestanden: {pass}, "
      "nicht abgedeckt: {not_covered}, ungültig: {invalid}",
      "{records}, {results} — non conforme : {fail}, avertissement : {warn}, conforme : {pass}, "
      "non couvert : {not_covered}, invalide : {invalid}",
      "{records}, {results} — no conforme: {fail}, advertencia: {warn}, conforme: {pass}, "
      "sin cobertura: {not_covered}, no válido: {invalid}",
      "{records}，{results}：不通过 {fail}，警告 {warn}，通过 {pass}，未覆盖 {not_covered}，"
      "无效 {invalid}",
      "{records}، {results} — غير مطابق: {fail}، تحذير: {warn}، مطابق: {pass}، "
      "غير مشمول: {not_covered}، غير صالح: {invalid}"}},
    {Word::kRecordOne,
     {"{n} record", "{n} Datensatz", "{n} enregistrement", "{n} registro", "{n} 条记录",
      "عدد السجلات: {n}"}},
    {Word::kRecordOther,
     {"{n} records", "{n} Datensätze", "{n} enregistrements", "{n} registros", "{n} 条记录",
      "عدد السجلات: {n}"}},
    {Word::kResultOne,
     {"{n} result", "{n} Ergebnis", "{n} résultat", "{n} resultado", "{n} 项结果",
      "عدد النتائج: {n}"}},
    {Word::kResultOther,
     {"{n} results", "{n} Ergebnisse", "{n} résultats", "{n} resultados", "{n} 项结果",
      "عدد النتائج: {n}"}},
    {Word::kCoverage,
     {"rules: {in_force} in force, {applied} applied, {not_applicable} not applicable, "
      "{undecided} undecided, {fired} fired",
      "Regeln: {in_force} in Kraft, {applied} angewandt, {not_applicable} nicht anwendbar, "
      "{undecided} unentschieden, {fired} mit Befund",
      "règles : {in_force} en vigueur, {applied} appliquées, {not_applicable} non applicables, "
      "{undecided} indéterminées, {fired} avec constat",
      "normas: {in_force} en vigor, {applied} aplicadas, {not_applicable} no aplicables, "
      "{undecided} sin decidir, {fired} con hallazgos",
      "规则：{in_force} 条有效，{applied} 条已适用，{not_applicable} 条不适用，{undecided} 条待定，"
      "{fired} 条触发",
      "القواعد: {in_force} سارية، {applied} مطبَّقة، {not_applicable} غير منطبقة، "
      "{undecided} غير محسومة، {fired} أسفرت عن ملاحظات"}},
    {Word::kAsOf,
     {"as of {date}", "Stand {date}", "au {date}", "a fecha de {date}", "截至 {date}",
      "بتاريخ {date}"}},
    {Word::kUnknownKind,
     {"unknown kind", "unbekannte Art", "type inconnu", "tipo desconocido", "未知类型",
      "نوع غير معروف"}},
    {Word::kRecord, {"record", "Datensatz", "enregistrement", "registro", "记录", "سجل"}},
    {Word::kLaw,
     {"law", "Rechtsgrundlage", "base juridique", "base jurídica", "法律依据", "السند القانوني"}},
    {Word::kFix, {"fix", "Abhilfe", "correction", "corrección", "修正", "الإصلاح"}},
    {Word::kNote, {"note", "Hinweis", "remarque", "nota", "注", "ملاحظة"}},
    {Word::kWaived, {"waived", "Ausnahme", "dérogation", "exención", "已豁免", "إعفاء"}},
    {Word::kWarning, {"warning", "Warnung", "avertissement", "advertencia", "警告", "تحذير"}},
    {Word::kToDo, {"to do", "zu erledigen", "à faire", "pendiente", "待办", "المطلوب"}},
    {Word::kFillIn, {"fill in", "ausfüllen", "à renseigner", "completar", "填写", "أكمِل"}},
    {Word::kCorrect, {"correct", "korrigieren", "à corriger", "corregir", "更正", "صحِّح"}},
    {Word::kOneOf,
     {"one of {fields}", "eines von {fields}", "l’un de {fields}", "uno de {fields}",
      "任选其一：{fields}", "أحد الحقول: {fields}"}},
    {Word::kReportTitle,
     {"Compliance report", "Konformitätsbericht", "Rapport de conformité",
      "Informe de cumplimiento", "合规报告", "تقرير الامتثال"}},
    {Word::kOverview, {"Overview", "Übersicht", "Vue d’ensemble", "Resumen", "概览", "نظرة عامة"}},
    {Word::kMarket, {"Market", "Markt", "Marché", "Mercado", "市场", "السوق"}},
    {Word::kVerdict, {"Verdict", "Bewertung", "Verdict", "Veredicto", "结论", "الحكم"}},
    {Word::kSeverity,
     {"Severity", "Schweregrad", "Gravité", "Gravedad", "严重程度", "درجة الخطورة"}},
    {Word::kFindingsByMarket,
     {"Findings by market", "Befunde nach Markt", "Constats par marché", "Hallazgos por mercado",
      "按市场统计的问题", "الملاحظات حسب السوق"}},
    {Word::kFindingsByDomain,
     {"Findings by domain", "Befunde nach Rechtsgebiet", "Constats par domaine",
      "Hallazgos por ámbito", "按领域统计的问题", "الملاحظات حسب المجال"}},
    {Word::kFindingsBySeverity,
     {"Findings by severity", "Befunde nach Schweregrad", "Constats par gravité",
      "Hallazgos por gravedad", "按严重程度统计的问题", "الملاحظات حسب درجة الخطورة"}},
    {Word::kFindingsByRule,
     {"Findings by rule", "Befunde nach Regel", "Constats par règle", "Hallazgos por norma",
      "按规则统计的问题", "الملاحظات حسب القاعدة"}},
    {Word::kRecords, {"Records", "Datensätze", "Enregistrements", "Registros", "记录", "السجلات"}},
    {Word::kAll, {"all", "alle", "tous", "todos", "全部", "الكل"}},
    {Word::kSearch, {"Search", "Suchen", "Rechercher", "Buscar", "搜索", "بحث"}},
    {Word::kShown,
     {"{shown} of {total} records shown", "{shown} von {total} Datensätzen angezeigt",
      "{shown} enregistrements affichés sur {total}", "{shown} de {total} registros mostrados",
      "显示 {shown} / {total} 条记录", "السجلات المعروضة: {shown} من {total}"}},
    {Word::kMoreRecords,
     {"{n} further records: ids and verdicts only",
      "{n} weitere Datensätze: nur Kennungen und Bewertungen",
      "{n} autres enregistrements : identifiants et verdicts seulement",
      "{n} registros más: solo identificadores y veredictos", "其余 {n} 条记录：仅列出编号和结论",
      "سجلات أخرى ({n}): المعرّفات والأحكام فقط"}},
    {Word::kFields, {"fields", "Felder", "champs", "campos", "字段", "الحقول"}},
    {Word::kFeedAttributes,
     {"feed attributes", "Feed-Attribute", "attributs du flux", "atributos del feed",
      "商品数据源属性", "سمات الخلاصة"}},
    {Word::kUpcoming, {"upcoming", "künftig", "à venir", "próximamente", "即将生效", "قادم"}},
    {Word::kGroup, {"group", "Gruppe", "groupe", "grupo", "记录组", "مجموعة"}},
    {Word::kGroupMembers,
     {"records", "Datensätze", "enregistrements", "registros", "记录", "السجلات"}},
    {Word::kResponsible,
     {"responsible", "verantwortlich", "responsable", "responsable", "责任方", "المسؤول"}},
    {Word::kMissing, {"missing", "fehlt", "manquant", "falta", "缺少", "ناقص"}},
    {Word::kFound, {"found", "gefunden", "trouvé", "encontrado", "实际值", "القيمة الموجودة"}},
    {Word::kUndecided,
     {"undecided", "unentschieden", "indéterminé", "sin decidir", "待定", "غير محسوم"}},
    {Word::kNotJudged,
     {"not judged", "nicht beurteilt", "non évalué", "no evaluado", "未评估", "لم يُقيَّم"}},
    {Word::kIn, {"in", "in", "dans", "en", "适用于", "في"}},
    {Word::kOverrides, {"overrides", "ersetzt", "remplace", "sustituye", "取代", "يحل محل"}},
};

constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < std::size(kCatalogue); ++i) {
    if (static_cast<std::size_t>(kCatalogue[i].word) != i) return false;
  }
  return std::size(kCatalogue) == static_cast<std::size_t>(Word::kOverrides) + 1;
}
static_assert(InEnumOrder(), "kCatalogue has one row per Word, in the enum's order");

// In the order of Verdict: pass, not_covered, warn, fail, invalid.
constexpr std::array<Texts, 5> kVerdicts = {{
    {"pass", "bestanden", "conforme", "conforme", "通过", "مطابق"},
    {"not_covered", "nicht abgedeckt", "non couvert", "sin cobertura", "未覆盖", "غير مشمول"},
    {"warn", "Warnung", "avertissement", "advertencia", "警告", "تحذير"},
    {"fail", "nicht bestanden", "non conforme", "no conforme", "不通过", "غير مطابق"},
    {"invalid", "ungültig", "invalide", "no válido", "无效", "غير صالح"},
}};

// In the order of Severity: error, warning, info.
constexpr std::array<Texts, 3> kSeverities = {{
    {"error", "Fehler", "erreur", "error", "错误", "خطأ"},
    {"warning", "Warnung", "avertissement", "advertencia", "警告", "تحذير"},
    {"info", "Hinweis", "information", "información", "提示", "معلومة"},
}};

std::size_t ColumnOf(std::string_view language) {
  const std::string_view primary = language.substr(0, language.find('-'));
  for (std::size_t column = 0; column < kLanguages.size(); ++column) {
    if (kLanguages[column] == primary) return column;
  }
  return 0;
}

}  // namespace

ReportWords::ReportWords(std::string_view language) : column_(ColumnOf(language)) {}

std::string_view ReportWords::operator()(Word word) const {
  return kCatalogue[static_cast<std::size_t>(word)].texts[column_];
}

std::string_view ReportWords::VerdictName(Verdict verdict) const {
  return kVerdicts[static_cast<std::size_t>(verdict)][column_];
}

std::string_view ReportWords::SeverityName(Severity severity) const {
  return kSeverities[static_cast<std::size_t>(severity)][column_];
}

std::string ReportWords::Counted(std::int64_t n, Word one, Word other) const {
  return Fill((*this)(n == 1 ? one : other), {{"n", std::to_string(n)}});
}

std::string_view ReportWords::language() const { return kLanguages[column_]; }

bool ReportWords::right_to_left() const { return column_ == kArabic; }

std::string Fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string filled;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    filled.append(text.substr(i, open - i));
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const auto* value = std::find_if(values.begin(), values.end(),
                                     [&](const auto& entry) { return entry.first == name; });
    filled.append(value != values.end() ? std::string_view(value->second)
                                        : text.substr(open, close - open + 1));
    i = close + 1;
  }
  filled.append(text.substr(i));
  return filled;
}

}  // namespace tradelint
