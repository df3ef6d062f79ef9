// `tradelint screen [--lists L[,L...]] [--min-score N] [--mode screening|ofac] NAMES...|-`:
// names screened against the sanctions lists of the reference data; `--pairs FILE.csv`
// scores name pairs instead (docs/cli.md, docs/screening.md).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/base/date.h"
#include "engine/base/file.h"
#include "engine/refdata/csv_records.h"
#include "engine/refdata/reference_overlay.h"
#include "engine/ruleset/ruleset_loader.h"
#include "engine/screening/dispositions.h"
#include "engine/screening/screening_lists.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"

namespace tradelint::cli {
namespace {

struct ScreenCommandOptions {
  std::vector<std::string> names;  // or {"-"}: one name a line on standard input
  std::vector<std::string> lists;
  std::optional<double> min_score;
  std::string mode = "screening";
  std::string pairs;  // --pairs FILE.csv
  std::string reference_data;
  std::string dispositions;  // --dispositions FILE
  std::string compare;       // --compare OLD_SDN_FOLDER
  std::string output;        // --output FILE (with --compare)
};

std::string JsonString(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      quoted += escaped;
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

// `--compare OLD`: what changed from an older SDN list to the current one, and which cleared
// dispositions made on the older version must be reviewed (entry changed or removed) or carry
// forward (entry unchanged). Exit 1 when some disposition must be reviewed.
int CompareLists(const ScreenCommandOptions& options, const Screener& screener,
                 const Dispositions* dispositions) {
  const SanctionsList& current = *screener.FindList("sdn");
  std::string error;
  const std::string old_name = std::filesystem::path(options.compare).filename().string();
  const Provenance unsidecared{"", options.compare, "", old_name};
  std::optional<SanctionsList> old =
      LoadSdnFolder(options.compare, &error, ReferenceOverlay(), &unsidecared);
  if (!old) {
    PrintError(error);
    return kUsageError;
  }
  std::size_t added = 0, removed = 0, changed = 0, unchanged = 0;
  for (const ListEntry& entry : current.entries) {
    const ListEntry* before = old->Find(entry.id);
    if (before == nullptr)
      ++added;
    else if (before->digest == entry.digest)
      ++unchanged;
    else
      ++changed;
  }
  for (const ListEntry& entry : old->entries) {
    if (current.Find(entry.id) == nullptr) ++removed;
  }
  std::cout << "OFAC SDN List " << old->provenance.version << " -> " << current.provenance.version
            << ": " << added << " entries added, " << removed << " removed, " << changed
            << " changed, " << unchanged << " unchanged\n";
  if (dispositions == nullptr) return kClean;
  bool review = false;
  std::vector<Disposition> carried;
  for (const Disposition& disposition : dispositions->all()) {
    if (disposition.list != "sdn") {
      carried.push_back(disposition);
      continue;
    }
    if (disposition.list_version == current.provenance.version) {
      carried.push_back(disposition);
      continue;
    }
    const ListEntry* before = old->Find(disposition.entry);
    const ListEntry* now = current.Find(disposition.entry);
    std::string status;
    if (disposition.list_version != old->provenance.version) {
      status = "review\tmade on list version " + disposition.list_version + ", not " +
               old->provenance.version;
    } else if (now == nullptr) {
      status = "removed\tthe entry is no longer listed";
    } else if (before == nullptr || before->digest != now->digest) {
      status = "review\tthe entry changed";
    } else {
      status = "holds\tthe entry is unchanged: carried forward to " + current.provenance.version;
      Disposition forward = disposition;
      forward.list_version = current.provenance.version;
      carried.push_back(std::move(forward));
    }
    if (status.starts_with("review")) review = true;
    std::cout << status.substr(0, status.find('\t')) << '\t' << disposition.party
              << "\tsdn:" << disposition.entry << '\t' << disposition.decision << '\t'
              << status.substr(status.find('\t') + 1) << '\n';
  }
  if (!options.output.empty()) {
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    file << "{\"dispositions\": [";
    for (std::size_t i = 0; i < carried.size(); ++i) {
      const Disposition& d = carried[i];
      file << (i == 0 ? "\n" : ",\n") << "  {\"party\": " << JsonString(d.party)
           << ", \"list\": " << JsonString(d.list) << ", \"entry\": " << JsonString(d.entry)
           << ", \"list_version\": " << JsonString(d.list_version)
           << ", \"decision\": " << JsonString(d.decision)
           << ", \"reason\": " << JsonString(d.reason) << ", \"by\": " << JsonString(d.by)
           << ", \"date\": " << JsonString(d.date) << "}";
    }
    file << "\n]}\n";
    if (!file.flush()) {
      PrintError("cannot write `" + options.output + "`");
      return kUsageError;
    }
  }
  return review ? kFindings : kClean;
}

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", score);
  std::string formatted = text;
  if (formatted.ends_with(".0")) formatted.resize(formatted.size() - 2);
  return formatted;
}

// `--pairs`: one output row per input row, in input order.
int ScorePairs(const ScreenCommandOptions& options, ScoringMode mode) {
  const std::optional<std::string> text = ReadFile(options.pairs);
  if (!text) {
    PrintError("cannot read `" + options.pairs + "`");
    return kUsageError;
  }
  const std::vector<CsvRecord> records = ReadCsvRecords(*text);
  std::optional<std::size_t> query_column, result_column;
  if (!records.empty()) {
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) {
      std::string name = records[0].fields[i];
      if (i == 0 && name.starts_with("\xEF\xBB\xBF")) name.erase(0, 3);  // a byte order mark
      if (name == "query_name") query_column = i;
      if (name == "result_name") result_column = i;
    }
  }
  if (!query_column || !result_column) {
    PrintError(options.pairs + ": the header must name the columns query_name and result_name");
    return kUsageError;
  }
  std::cout << "query_name,result_name,score\n";
  for (std::size_t r = 1; r < records.size(); ++r) {
    const std::vector<std::string>& fields = records[r].fields;
    const std::string query = *query_column < fields.size() ? fields[*query_column] : "";
    const std::string result = *result_column < fields.size() ? fields[*result_column] : "";
    const double score = ScoreName(PrepareName(query), PrepareName(result), mode);
    std::cout << CsvField(query) << ',' << CsvField(result) << ',' << Score(std::round(score))
              << '\n';
  }
  return kClean;
}

int RunScreen(const ScreenCommandOptions& options) {
  const ScoringMode mode = options.mode == "ofac" ? ScoringMode::kOfac : ScoringMode::kScreening;
  if (!options.pairs.empty()) {
    if (!options.names.empty()) {
      PrintError("give names or --pairs FILE, not both");
      return kUsageError;
    }
    return ScorePairs(options, mode);
  }
  const std::optional<std::shared_ptr<const Dispositions>> dispositions =
      LoadDispositions(options.dispositions);
  if (!dispositions) return kUsageError;
  if (options.names.empty() && options.compare.empty()) {
    PrintError("give the names to screen, or `-` to read one name a line from standard input");
    return kUsageError;
  }
  const std::string data = FindDataDirectory();
  if (data.empty()) {
    PrintError("cannot find tradelint's data (rulesets/); set TRADELINT_DATA_DIR");
    return kUsageError;
  }
  const std::string bundled = data + "/rulesets/reference";
  std::string error;
  std::optional<ReferenceOverlay> overlay = ReferenceOverlay();
  if (!options.reference_data.empty()) {
    overlay = ReferenceOverlay::Open(bundled, options.reference_data, &error);
    if (!overlay) {
      PrintError(error);
      return kUsageError;
    }
  }
  std::vector<Provenance> provenance;
  const std::shared_ptr<const Screener> screener =
      LoadScreener(bundled, *overlay, &provenance, &error);
  if (screener == nullptr) {
    PrintError(error);
    return kUsageError;
  }
  if (!options.compare.empty()) return CompareLists(options, *screener, dispositions->get());
  for (const std::string& list : options.lists) {
    if (screener->FindList(list) == nullptr) {
      PrintError("unknown list `" + list + "` (--lists: sdn, un)");
      return kUsageError;
    }
  }
  const Date today = Date::TodayUtc();
  for (const SanctionsList& list : screener->lists()) {
    if (!options.lists.empty() &&
        std::find(options.lists.begin(), options.lists.end(), list.id) == options.lists.end()) {
      continue;
    }
    const std::string stale = StaleListNote(list, today);
    if (!stale.empty()) PrintWarning(stale);
  }
  ScreenOptions screen;
  screen.mode = mode;
  screen.lists = options.lists;
  screen.min_score = options.min_score.value_or(mode == ScoringMode::kOfac ? 80 : 85);
  bool matched = false;
  auto screen_one = [&](const std::string& name) {
    for (const ScreeningMatch& match : screener->Screen(name, screen)) {
      const Disposition* disposition =
          *dispositions ? (*dispositions)->Find(name, match.list->id, match.entry->id) : nullptr;
      std::string decided;
      if (disposition != nullptr && disposition->decision == "cleared") {
        if (disposition->list_version == match.list->provenance.version) continue;
        decided = "\tcleared on list version " + disposition->list_version +
                  ": no longer holds, review it";
      } else if (disposition != nullptr) {
        decided = "\tconfirmed by " + disposition->by + " on " + disposition->date;
      }
      matched = true;
      std::cout << name << '\t' << Score(match.score) << '\t' << match.list->id << ':'
                << match.entry->id << '\t' << match.name->text
                << (match.name->weak ? " (weak alias)" : "") << '\t' << match.entry->programs
                << '\t' << match.list->provenance.version << decided << '\n';
    }
  };
  if (options.names.size() == 1 && options.names[0] == "-") {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) screen_one(line);
    }
  } else {
    for (const std::string& name : options.names) screen_one(name);
  }
  return matched ? kFindings : kClean;
}

}  // namespace

Command AddScreenCommand(CLI::App& app) {
  auto options = std::make_shared<ScreenCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "screen", "screen names against the sanctions lists (OFAC SDN, UN Consolidated List)");
  command->add_option("NAMES", options->names, "names to screen; `-`: one name a line on stdin")
      ->type_name("");
  command
      ->add_option("--lists", options->lists,
                   "the lists to screen against: sdn, un (default: both)")
      ->delimiter(',')
      ->type_name("L[,L...]")
      ->allow_extra_args(false);
  command
      ->add_option("--min-score", options->min_score,
                   "the lowest score reported, 0..100 (default 85; 80 with --mode ofac)")
      ->check(CLI::Range(0.0, 100.0))
      ->type_name("N");
  command
      ->add_option("--mode", options->mode,
                   "screening (the default: legal forms ignored, transliterations met) or "
                   "ofac (scores as OFAC's Sanctions List Search gives them)")
      ->check(CLI::IsMember({"screening", "ofac"}))
      ->type_name("MODE");
  command
      ->add_option("--pairs", options->pairs,
                   "score the name pairs of a CSV file with the columns query_name and "
                   "result_name; writes query_name,result_name,score")
      ->type_name("FILE.csv");
  command
      ->add_option("--reference-data", options->reference_data,
                   "files replacing the bundled reference files at the same path, e.g. "
                   "DIR/sanctions/ofac-sdn/sdn.csv with its sdn.csv.meta.json")
      ->type_name("DIR");
  command
      ->add_option("--dispositions", options->dispositions,
                   "JSON file of screening decisions: a cleared match is not printed while the "
                   "list has the version it was cleared on")
      ->type_name("FILE");
  command
      ->add_option("--compare", options->compare,
                   "compare an older copy of the SDN list (a folder of OFAC's sdn.csv, alt.csv, "
                   "add.csv) with the current one; with --dispositions, say which clearances "
                   "must be reviewed (entry changed or removed) and which carry forward")
      ->type_name("OLD_DIR");
  command
      ->add_option("--output", options->output,
                   "with --compare and --dispositions: write the dispositions, those whose "
                   "entry is unchanged carried forward to the current list version")
      ->type_name("FILE");
  command->footer(
      "Output: one line per match, tab-separated: name, score, list:entry, the listed name "
      "matched, program, list version (and a disposition's status).\n--compare: a summary line, "
      "then per disposition made on the older version: holds|review|removed, party, entry, "
      "decision, why.\nExit status: 0 no match (--compare: nothing to review); 1 a match "
      "(--compare: a clearance to review); 2 usage error or unreadable lists.");
  return {command, [options] { return RunScreen(*options); }};
}

}  // namespace tradelint::cli
