// `tradelint check`: judge records and write the report (docs/cli.md).

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/api/waivers.h"
#include "engine/input/feed_mapping.h"
#include "engine/input/record_reader.h"
#include "engine/input/supplement.h"
#include "engine/report/counted.h"
#include "engine/report/report_format.h"
#include "engine/schema/schema.h"
#include "tools/tradelint/check_run.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/output_buffer.h"
#include "tools/tradelint/progress_line.h"
#include "tools/tradelint/record_pipeline.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

// The most `--jobs` takes: more threads than this only cost memory and start-up time.
constexpr int kMaxJobs = 256;

// `--jobs` by default: one worker per core, at most kMaxJobs.
int DefaultJobs() {
  return static_cast<int>(
      std::clamp(std::thread::hardware_concurrency(), 1u, static_cast<unsigned>(kMaxJobs)));
}

struct CheckOptions {
  std::vector<std::string> rule_paths;
  std::vector<std::string> plugin_paths;  // --plugin
  std::string reference_data;             // --reference-data; empty: the bundled tables
  std::vector<std::string> markets;
  std::optional<Date> as_of;
  std::string format = "text";
  std::string output;  // empty: standard output
  std::string fail_on = "error";
  std::string language = "en";
  int jobs = DefaultJobs();
  bool quiet = false;
  bool verbose = false;
  bool fail_on_not_covered = false;
  bool expand = false;
  std::optional<int> horizon_months;  // --horizon
  bool strict = false;
  std::string waivers;       // empty: none
  std::string dispositions;  // --dispositions; empty: none
  std::string input_format = "auto";
  std::string supplement;            // --supplement: fields beside a feed; empty: none
  std::string source_name;           // --source-name: standard input's name in sources
  std::vector<std::string> explain;  // --explain: rule ids, refs, ruleset ids or `*`
  std::vector<std::string> inputs;   // empty: standard input
};

// `--jobs`: a whole number from 1 to kMaxJobs.
CLI::Validator JobCount() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        int count = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (error == std::errc() && end == text.data() + text.size() && count >= 1 &&
            count <= kMaxJobs) {
          return "";
        }
        return "`" + text + "` is not a whole number from 1 to " + std::to_string(kMaxJobs);
      },
      "");
}

// `--lang`: a BCP 47 tag (NormalizeLanguageTag).
CLI::Validator LanguageTag() {
  return CLI::Validator([](std::string& text) { return NormalizeLanguageTag(text); }, "");
}

// Colour only for a terminal on standard output, and never when NO_COLOR is set.
bool WantsColour(const CheckOptions& options) {
  return options.output.empty() && isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

// Whether standard input is a pipe, terminal or socket rather than a file: records may then
// arrive one at a time from a producer that waits for each result, so results are flushed
// record by record. A redirected file is read at full speed without that cost.
bool StandardInputIsStream() {
  struct stat status {};
  return fstat(STDIN_FILENO, &status) != 0 || !S_ISREG(status.st_mode);
}

// Reads every input in order and checks each record; an input that cannot be opened is named
// on stderr and skipped. Stops at once when `out` fails (a write error). Returns whether every
// input could be opened.
bool CheckInputs(const CheckOptions& options, const Schema& schema, const FeedInput& feed,
                 CheckRun& run, std::ostream& out) {
  const std::vector<std::string> inputs =
      options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  ProgressLine progress(!options.quiet && isatty(STDERR_FILENO) == 1);
  const auto after_record = [&] { progress.Update(run.summary().records, run.findings()); };
  bool all_opened = true;
  const InputLimits limits;
  for (const std::string& input : inputs) {
    std::string open_error;
    const std::unique_ptr<RecordReader> reader =
        OpenRecordReader(input, schema, limits, &open_error,
                         InputFormatFromName(options.input_format), options.source_name, feed);
    if (reader == nullptr) {
      PrintError(open_error);
      all_opened = false;
      continue;
    }
    const PipelineSettings settings{.jobs = options.jobs,
                                    .interactive = input == "-" && StandardInputIsStream()};
    if (!RunRecordPipeline(*reader, schema, limits, run, out, settings, after_record)) break;
  }
  progress.Finish();
  return all_opened;
}

int RunCheck(const CheckOptions& options) {
  const std::optional<std::shared_ptr<const Dispositions>> dispositions =
      LoadDispositions(options.dispositions);
  if (!dispositions) return kUsageError;
  std::unique_ptr<const Engine> engine =
      CompileRulesets(options.rule_paths, options.reference_data, options.plugin_paths,
                      TestBlocks::kSkip, {.regex = {}, .dispositions = *dispositions});
  if (engine == nullptr) return kUsageError;
  if (!ValidateMarkets(engine->markets(), options.markets, "--market")) return kUsageError;
  std::optional<Waivers> waivers;
  if (!options.waivers.empty()) {
    std::string error;
    waivers = Waivers::Load(options.waivers, engine->program(), &error);
    if (!waivers) {
      PrintError(error);
      return kUsageError;
    }
  }
  const ExplainSelection explain(options.explain);
  if (const std::vector<std::string> unmatched = explain.Unmatched(engine->program().rules());
      !unmatched.empty()) {
    for (const std::string& selector : unmatched) {
      PrintError("--explain `" + selector +
                 "` names no rule: give a rule id, a catalogue ref, a ruleset id or `*` (see "
                 "`tradelint rules`)");
    }
    return kUsageError;
  }
  // A market given twice is judged once: one result per (record, market).
  std::vector<std::string> markets;
  for (const std::string& market : options.markets) {
    if (std::find(markets.begin(), markets.end(), market) == markets.end()) {
      markets.push_back(market);
    }
  }

  // Feeds: the format's mapping from the data model's folder, and the fields given beside.
  std::optional<FeedMapping> feed_mapping;
  std::optional<Supplement> supplement;
  if (const std::optional<InputFormat> format = InputFormatFromName(options.input_format);
      format && IsFeedFormat(*format)) {
    std::string error;
    feed_mapping = FeedMapping::Load(
        engine->data_directory() + "/schema/feeds/" + options.input_format + ".json", &error);
    if (!feed_mapping) {
      PrintError(error);
      return kUsageError;
    }
  }
  if (!options.supplement.empty()) {
    std::string error;
    supplement = Supplement::Load(options.supplement, &error);
    if (!supplement) {
      PrintError(error);
      return kUsageError;
    }
  }
  const FeedInput feed{feed_mapping ? &*feed_mapping : nullptr,
                       supplement ? &*supplement : nullptr};

  const std::unique_ptr<OutputBuffer> buffer = OutputBuffer::Open(options.output);
  if (buffer == nullptr) return kUsageError;
  std::ostream out(buffer.get());
  const std::unique_ptr<ReportWriter> writer =
      MakeReportWriter(*ReportFormatFromName(options.format), out,
                       TextReportOptions{.colour = WantsColour(options),
                                         .problems_only = options.quiet,
                                         .verbose = options.verbose,
                                         .language = options.language});
  writer->Begin(
      RunInfo{TRADELINT_VERSION, engine->program().rulesets(), engine->reference_tables()});

  CheckRun run(
      *engine,
      CheckRun::Settings{
          .markets = std::move(markets),
          .as_of = options.as_of,
          .language = options.language,
          .fail_on = options.fail_on == "never" ? std::nullopt : SeverityFromName(options.fail_on),
          .fail_on_not_covered = options.fail_on_not_covered,
          .expand_groups = options.expand,
          .waivers = waivers ? &*waivers : nullptr,
          .strict = options.strict,
          .explain = explain.empty() ? nullptr : &explain,
          .horizon_months = options.horizon_months,
      },
      *writer);
  const bool all_opened = CheckInputs(options, engine->schema(), feed, run, out);
  if (out) run.Finish();
  if (out) writer->End(run.summary());
  out.flush();
  if (buffer->error() != 0) {
    PrintError("cannot write the report" +
               (options.output.empty() ? std::string() : " to `" + options.output + "`") + ": " +
               std::strerror(buffer->error()) + " (after " +
               Counted(run.summary().records, "record") + ")");
    return kWriteError;
  }
  if (!all_opened || run.any_invalid()) return kUnusableInput;
  return run.fail_on_reached() ? kFindings : kClean;
}

}  // namespace

Command AddCheckCommand(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "check records against the rules of the markets they reach, and report");
  AddRulesOption(*command, options->rule_paths);
  AddPluginOption(*command, options->plugin_paths);
  AddReferenceDataOption(*command, options->reference_data);
  command
      ->add_option("--market", options->markets,
                   "markets to check against: countries (DE), subdivisions (US-CA), groups "
                   "(EU, EEA, GCC); repeatable (default: each record's own markets)")
      ->type_name("M[,M...]")
      ->delimiter(',')
      ->transform(MarketCodeCase())
      ->allow_extra_args(false);
  AddAsOfOption(*command, options->as_of,
                "the legal date the rules are judged at (default: a transaction's created_at "
                "as a UTC date; today's UTC date for listings and sellers)");
  command->add_option("--format", options->format, "report format")
      ->type_name("FORMAT")
      ->check(CLI::IsMember(ReportFormatNames()))
      ->capture_default_str();
  command->add_option("--output", options->output, "write the report to FILE")->type_name("FILE");
  command
      ->add_option("--fail-on", options->fail_on,
                   "exit 1 when a finding is at or above this severity; never: do not")
      ->type_name("SEVERITY")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  command
      ->add_option(
          "--lang", options->language,
          "language of titles, messages and fixes (BCP 47: de, zh, ar) and of the text and "
          "HTML reports' own words (en, de, fr, es, zh, ar); rules without it use English, "
          "as does a language of no market (with a warning)")
      ->type_name("LANG")
      ->check(LanguageTag())
      ->capture_default_str();
  command
      ->add_option("--jobs", options->jobs,
                   "threads that parse and judge records, 1 to 256 (default: one per core); "
                   "the report is the same for every N, in input order")
      ->type_name("N")
      ->check(JobCount())
      ->capture_default_str();
  command->add_flag("--fail-on-not-covered", options->fail_on_not_covered,
                    "exit 1 when some market is not_covered (no rule of its own law applies), "
                    "also with --fail-on never");
  command->add_flag("--strict", options->strict,
                    "a record with a field the data model does not have (not x_) is invalid "
                    "(schema_violation) instead of judged with a note");
  command
      ->add_option("--horizon", options->horizon_months,
                   "also list, per result, the rules that come into force within MONTHS after "
                   "the as-of date and would fire, each judged at its effective_from "
                   "(`upcoming`)")
      ->type_name("MONTHS")
      ->check(CLI::Range(0, kMaxHorizonMonths));
  command->add_flag("--expand", options->expand,
                    "a group market (EU, EEA, GCC) gives one result per member instead of one "
                    "combined result");
  command
      ->add_option("--waivers", options->waivers,
                   "JSON file of accepted findings (rule or ref, record id or pattern, markets, "
                   "reason, expires, approved_by); waived findings are reported but do not count")
      ->type_name("FILE");
  command
      ->add_option("--source-name", options->source_name,
                   "the name of standard input in record.source (default `-`): NAME:line")
      ->type_name("NAME");
  command
      ->add_option("--explain", options->explain,
                   "show how a rule judged each record: every when, unless and require with "
                   "the value of each sub-expression, the fields and reference rows read, and "
                   "the conclusion; RULE is a rule id, a catalogue ref, a ruleset id (all its "
                   "rules) or * (every rule); repeatable")
      ->type_name("RULE")
      ->allow_extra_args(false);
  command
      ->add_option("--dispositions", options->dispositions,
                   "JSON file of screening decisions (party, list, entry, list_version, "
                   "decision cleared|confirmed, reason, by, date): a cleared match is not "
                   "reported while the list has that version (docs/screening.md)")
      ->type_name("FILE");
  command->add_flag("--quiet", options->quiet,
                    "no progress line on standard error; text report: leave out results that "
                    "pass with nothing to report");
  command->add_flag("--verbose", options->verbose,
                    "text report: every detail of each finding (rule id, catalogue ref, who "
                    "must act, fields, missing fields, value found, waiver, notes)");
  command
      ->add_option("--input-format", options->input_format,
                   "how to read the inputs: auto (by file name; standard input is JSON Lines, "
                   "or one JSON document when its first line leaves a value open), json, "
                   "jsonl, csv; feeds: gmc (Merchant Center, tab-separated or XML), shopify "
                   "(product CSV export), jsonld (schema.org Products, bare or in HTML)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"auto", "json", "jsonl", "csv", "gmc", "shopify", "jsonld"}))
      ->capture_default_str();
  command
      ->add_option("--supplement", options->supplement,
                   "JSON Lines file of fields a feed cannot carry: one object per line with "
                   "the item's `id` and its fields as in a record, merged into the item's "
                   "record (docs/cli.md, Feeds)")
      ->type_name("FILE.jsonl");
  command
      ->add_option("INPUT", options->inputs,
                   "record files: .json (a record or an array), .jsonl/.ndjson, .csv; `-` or "
                   "none: standard input (JSON Lines, or one pretty-printed JSON document)")
      ->type_name("");
  command->footer(
      "Exit status: 0 nothing at or above --fail-on; 1 a finding at or above it; 2 a usage or "
      "ruleset error (nothing checked); 3 an input file could not be opened or a record is "
      "invalid (the others are still checked); 4 the report could not be written (a full disk, "
      "a closed pipe): the run stops there. When several hold: 4, then 2, then 3, then 1.");
  return {command, [options] { return RunCheck(*options); }};
}

}  // namespace tradelint::cli
