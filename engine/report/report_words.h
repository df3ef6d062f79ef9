#pragma once
// The report's own words (labels, verdict and severity names, headings, the summary) in the
// language `--lang` asks for: one catalogue, report_words.cc, read by the text and the HTML
// report. Rule titles, messages and fixes come from the rules, not from here.
//
// The catalogue has English, German, French, Spanish, Simplified Chinese and Arabic. A
// language is chosen by its primary subtag (`de-AT` reads German, `zh-Hans-CN` Chinese); any
// other language reads English. Texts with `{name}` placeholders are filled by Fill().

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "engine/eval/finding.h"

namespace tradelint {

enum class Word {
  // "3 records, 4 results: 1 fail, 0 warn, 2 pass, 1 not covered, 0 invalid"
  kSummary,      // {records}, {results}: {fail} ..., placeholders are the counts
  kRecordOne,    // "{n} record"
  kRecordOther,  // "{n} records"
  kResultOne,    // "{n} result"
  kResultOther,  // "{n} results"
  kCoverage,     // "rules: {in_force} in force, {applied} applied, ..."
  kAsOf,         // "as of {date}"
  kUnknownKind,  // a record whose kind could not be read
  kRecord,       // a record without id; also a column heading
  kLaw,          // label of a finding's citation
  kFix,          // label of a finding's fix
  kNote,         // label of a note
  kWaived,       // label of a waiver
  kWarning,      // label of a run-wide warning
  kToDo,         // heading of the fields to fill or correct
  kFillIn,       // a to-do entry: a field to state
  kCorrect,      // a to-do entry: a field whose value breaks a rule
  kOneOf,        // alternatives: "one of a, b"
  // HTML headings and controls.
  kReportTitle,  // "Compliance report"
  kOverview,     // the matrix of verdicts
  kMarket,
  kVerdict,
  kSeverity,
  kFindingsByMarket,
  kFindingsByDomain,
  kFindingsBySeverity,
  kFindingsByRule,
  kRecords,         // heading of the per-record details
  kAll,             // a filter's "any" choice
  kSearch,          // the search box's placeholder
  kShown,           // "{shown} of {total} records shown"
  kMoreRecords,     // "{n} further records: ids and verdicts only"
  kFields,          // label of the field paths of a finding
  kFeedAttributes,  // label of the feed attributes those paths came from (feed input)
  kUpcoming,        // label of a rule coming into force within --horizon that would fire
  kGroup,           // heading of a group rule's finding over several records
  kGroupMembers,    // label of the records of a group
  // Labels of the details `--verbose` adds.
  kResponsible,
  kMissing,
  kFound,
  kUndecided,
  kNotJudged,
  kIn,
  kOverrides,
};

class ReportWords {
 public:
  // The words of `language` (a BCP 47 tag; empty or unknown: English).
  explicit ReportWords(std::string_view language = "en");

  // The catalogue's text (every word has a text in every language of the catalogue).
  std::string_view operator()(Word word) const;
  std::string_view VerdictName(Verdict verdict) const;
  std::string_view SeverityName(Severity severity) const;
  // "3 records" from kRecordOne/kRecordOther and the like; `one` for 1, `other` otherwise.
  std::string Counted(std::int64_t n, Word one, Word other) const;
  // The BCP 47 tag of the words in use (`en`, `de`, ...), for `<html lang>`.
  std::string_view language() const;
  // Whether the language is written right to left (Arabic).
  bool right_to_left() const;

 private:
  std::size_t column_;  // the catalogue's column of the language
};

// `text` with each `{name}` replaced by its value; an unknown placeholder stays as written.
std::string Fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace tradelint
