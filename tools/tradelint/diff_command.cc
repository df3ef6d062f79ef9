// `tradelint diff`: judge the same records under two rule sets or two as-of dates and report
// the results whose verdict or findings change (docs/cli.md, "diff").
//
// Each record is judged by both sides (CheckRun::Judge); results are matched by market. A
// rule's findings in one result are described by (severity, basis, waived) each; a rule is
// `added` (findings on the new side only), `removed` (old side only) or `changed` (both, but
// described differently: a severity, basis or waiver that changed). A result changes when its
// verdict changes or some rule does. Changed results are written as they are found; the counts
// by rule and market, with example record ids, close the output.

#include <algorithm>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/input/record_reader.h"
#include "engine/json/json.h"
#include "engine/report/terminal_text.h"
#include "tools/tradelint/check_run.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/output_buffer.h"
#include "tools/tradelint/shared_options.h"

namespace tradelint::cli {
namespace {

constexpr std::size_t kExamples = 5;  // record ids kept per rule and per market

struct DiffOptions {
  std::vector<std::string> old_rules;
  std::vector<std::string> new_rules;
  std::optional<Date> old_as_of;
  std::optional<Date> new_as_of;
  std::optional<Date> as_of;  // both sides, unless --old-as-of/--new-as-of
  std::vector<std::string> markets;
  std::string format = "text";
  std::string output;
  std::string source_name;
  std::vector<std::string> inputs;
};

// Writes nothing: diff judges through CheckRun without reporting.
class NoReport : public ReportWriter {
 public:
  void Begin(const RunInfo&) override {}
  void Result(const RecordResult&) override {}
  void End(const Summary&) override {}
};

// How a rule's findings in one result look: (severity, basis, waived) per finding, sorted.
using Look = std::vector<std::tuple<std::string, std::string, bool>>;

std::map<std::string, Look> LooksByRule(const RecordResult& result) {
  std::map<std::string, Look> looks;
  for (const Finding& finding : result.findings) {
    looks[finding.rule->id].emplace_back(std::string(SeverityName(finding.rule->severity)),
                                         std::string(BasisName(finding.basis)),
                                         finding.waived.has_value());
  }
  for (auto& [rule, look] : looks) std::sort(look.begin(), look.end());
  return looks;
}

struct RuleChange {
  std::string rule;
  std::string change;  // added, removed, changed
  const Look* old_look = nullptr;
  const Look* new_look = nullptr;
};

struct Counts {
  std::int64_t added = 0;
  std::int64_t removed = 0;
  std::int64_t changed = 0;
  std::vector<std::string> examples;
};

void AddExample(std::vector<std::string>& examples, const std::string& id) {
  if (examples.size() < kExamples &&
      std::find(examples.begin(), examples.end(), id) == examples.end())
    examples.push_back(id);
}

std::string LookText(const Look& look) {
  std::string text;
  for (const auto& [severity, basis, waived] : look) {
    if (!text.empty()) text += ", ";
    text += severity + " " + basis + (waived ? " waived" : "");
  }
  return text;
}

class Differ {
 public:
  Differ(std::ostream& out, bool json)
      : out_(out), json_(json), writer_(text_, JsonWriter::Style::kPretty) {}

  void Begin(const DiffOptions& options) {
    if (!json_) return;
    writer_.BeginObject();
    for (const auto& [key, rules, date] :
         {std::tuple{"old", &options.old_rules,
                     options.old_as_of ? options.old_as_of : options.as_of},
          std::tuple{"new", &options.new_rules,
                     options.new_as_of ? options.new_as_of : options.as_of}}) {
      writer_.Key(key).BeginObject();
      writer_.Key("rules").BeginArray();
      for (const std::string& path : *rules) writer_.String(path);
      writer_.EndArray();
      writer_.Key("as_of");
      date ? writer_.String(date->ToString()) : writer_.Null();
      writer_.EndObject();
    }
    writer_.Key("changes").BeginArray();
    Drain();
  }

  // Compares the results of one record under both sides.
  void Compare(const std::vector<RecordResult>& old_results,
               const std::vector<RecordResult>& new_results) {
    ++records_;
    for (const RecordResult& new_result : new_results) {
      ++results_;
      const auto old_result =
          std::find_if(old_results.begin(), old_results.end(),
                       [&](const RecordResult& r) { return r.market == new_result.market; });
      if (old_result == old_results.end()) continue;  // the same record names the same markets
      CompareResult(*old_result, new_result);
    }
  }

  // Writes the counts; returns whether anything changed.
  bool End() {
    if (json_) {
      writer_.EndArray();
      writer_.Key("summary").BeginObject();
      writer_.Key("records").Int(records_);
      writer_.Key("results").Int(results_);
      writer_.Key("changed").Int(changed_);
      writer_.Key("verdicts").BeginObject();
      for (const auto& [transition, count] : verdicts_) writer_.Key(transition).Int(count);
      writer_.EndObject();
      writer_.Key("by_rule").BeginObject();
      for (const auto& [rule, counts] : by_rule_) {
        writer_.Key(rule).BeginObject();
        writer_.Key("added").Int(counts.added);
        writer_.Key("removed").Int(counts.removed);
        writer_.Key("changed").Int(counts.changed);
        WriteStrings("examples", counts.examples);
        writer_.EndObject();
      }
      writer_.EndObject();
      writer_.Key("by_market").BeginObject();
      for (const auto& [market, counts] : by_market_) {
        writer_.Key(market).BeginObject();
        writer_.Key("changed").Int(counts.changed);
        WriteStrings("examples", counts.examples);
        writer_.EndObject();
      }
      writer_.EndObject();
      writer_.EndObject().EndObject();
      text_ += '\n';
    } else {
      for (const auto& [rule, counts] : by_rule_) {
        text_ += rule + ": " + std::to_string(counts.added) + " added, " +
                 std::to_string(counts.removed) + " removed, " + std::to_string(counts.changed) +
                 " changed (e.g. " + Printable(Join(counts.examples)) + ")\n";
      }
      for (const auto& [market, counts] : by_market_) {
        text_ += market + ": " + std::to_string(counts.changed) + " changed (e.g. " +
                 Printable(Join(counts.examples)) + ")\n";
      }
      for (const auto& [transition, count] : verdicts_) {
        text_ += transition + ": " + std::to_string(count) + "\n";
      }
      text_ += std::to_string(changed_) + " of " + std::to_string(results_) + " results in " +
               std::to_string(records_) + " records change\n";
    }
    Drain();
    return changed_ > 0;
  }

 private:
  static std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  }

  void WriteStrings(std::string_view key, const std::vector<std::string>& strings) {
    writer_.Key(key).BeginArray();
    for (const std::string& text : strings) writer_.String(text);
    writer_.EndArray();
  }

  void CompareResult(const RecordResult& old_result, const RecordResult& new_result) {
    const std::map<std::string, Look> old_looks = LooksByRule(old_result);
    const std::map<std::string, Look> new_looks = LooksByRule(new_result);
    std::vector<RuleChange> changes;
    for (const auto& [rule, look] : old_looks) {
      const auto found = new_looks.find(rule);
      if (found == new_looks.end()) {
        changes.push_back({rule, "removed", &look, nullptr});
      } else if (found->second != look) {
        changes.push_back({rule, "changed", &look, &found->second});
      }
    }
    for (const auto& [rule, look] : new_looks) {
      if (!old_looks.contains(rule)) changes.push_back({rule, "added", nullptr, &look});
    }
    std::sort(changes.begin(), changes.end(),
              [](const RuleChange& a, const RuleChange& b) { return a.rule < b.rule; });
    if (changes.empty() && old_result.verdict == new_result.verdict) return;

    ++changed_;
    const std::string id = new_result.id ? *new_result.id : new_result.source;
    const std::string market = new_result.market.value_or("");
    if (old_result.verdict != new_result.verdict) {
      ++verdicts_[std::string(VerdictName(old_result.verdict)) + " -> " +
                  std::string(VerdictName(new_result.verdict))];
    }
    Counts& by_market = by_market_[market];
    ++by_market.changed;
    AddExample(by_market.examples, id);
    for (const RuleChange& change : changes) {
      Counts& counts = by_rule_[change.rule];
      ++(change.change == "added"     ? counts.added
         : change.change == "removed" ? counts.removed
                                      : counts.changed);
      AddExample(counts.examples, id);
    }
    json_ ? WriteJson(old_result, new_result, changes) : WriteText(old_result, new_result, changes);
    Drain();
  }

  void WriteLook(std::string_view key, const Look* look) {
    writer_.Key(key);
    if (look == nullptr) {
      writer_.Null();
      return;
    }
    writer_.BeginArray();
    for (const auto& [severity, basis, waived] : *look) {
      writer_.BeginObject();
      writer_.Key("severity").String(severity);
      writer_.Key("basis").String(basis);
      writer_.Key("waived").Bool(waived);
      writer_.EndObject();
    }
    writer_.EndArray();
  }

  void WriteJson(const RecordResult& old_result, const RecordResult& new_result,
                 const std::vector<RuleChange>& changes) {
    writer_.BeginObject();
    writer_.Key("record").BeginObject();
    writer_.Key("kind");
    new_result.kind ? writer_.String(RecordKindName(*new_result.kind)) : writer_.Null();
    writer_.Key("id");
    new_result.id ? writer_.String(*new_result.id) : writer_.Null();
    writer_.Key("source").String(new_result.source);
    writer_.Key("hash");
    new_result.hash.empty() ? writer_.Null() : writer_.String(new_result.hash);
    writer_.EndObject();
    writer_.Key("market");
    new_result.market ? writer_.String(*new_result.market) : writer_.Null();
    for (const auto& [key, result] :
         {std::pair{"old", &old_result}, std::pair{"new", &new_result}}) {
      writer_.Key(key).BeginObject();
      writer_.Key("as_of");
      result->as_of ? writer_.String(result->as_of->ToString()) : writer_.Null();
      writer_.Key("verdict").String(VerdictName(result->verdict));
      writer_.EndObject();
    }
    writer_.Key("rules").BeginArray();
    for (const RuleChange& change : changes) {
      writer_.BeginObject();
      writer_.Key("rule").String(change.rule);
      writer_.Key("change").String(change.change);
      WriteLook("old", change.old_look);
      WriteLook("new", change.new_look);
      writer_.EndObject();
    }
    writer_.EndArray();
    writer_.EndObject();
  }

  void WriteText(const RecordResult& old_result, const RecordResult& new_result,
                 const std::vector<RuleChange>& changes) {
    std::string line = (new_result.id ? *new_result.id : "(no id)") + " " +
                       new_result.market.value_or("-") + " (" + new_result.source +
                       "): " + std::string(VerdictName(old_result.verdict)) + " -> " +
                       std::string(VerdictName(new_result.verdict));
    text_ += Printable(line) + '\n';
    for (const RuleChange& change : changes) {
      text_ += "  " + change.change + " " + change.rule;
      if (change.old_look != nullptr && change.new_look != nullptr) {
        text_ += ": " + LookText(*change.old_look) + " -> " + LookText(*change.new_look);
      } else {
        text_ += ": " + LookText(change.old_look != nullptr ? *change.old_look : *change.new_look);
      }
      text_ += '\n';
    }
  }

  void Drain() {
    out_ << text_;
    text_.clear();
  }

  std::ostream& out_;
  bool json_;
  std::string text_;
  JsonWriter writer_;
  std::int64_t records_ = 0;
  std::int64_t results_ = 0;
  std::int64_t changed_ = 0;
  std::map<std::string, std::int64_t> verdicts_;  // `pass -> fail`: count
  std::map<std::string, Counts> by_rule_;
  std::map<std::string, Counts> by_market_;
};

int RunDiff(const DiffOptions& options) {
  const bool by_rules = !options.old_rules.empty() || !options.new_rules.empty();
  const bool by_dates = options.old_as_of || options.new_as_of;
  if ((by_rules && (options.old_rules.empty() || options.new_rules.empty())) ||
      (by_dates && (!options.old_as_of || !options.new_as_of)) || (!by_rules && !by_dates)) {
    PrintError("give --old-rules and --new-rules, or --old-as-of and --new-as-of (or both pairs)");
    return kUsageError;
  }
  const std::unique_ptr<const Engine> old_engine =
      CompileRulesets(options.old_rules, "", {}, TestBlocks::kSkip);
  if (old_engine == nullptr) return kUsageError;
  std::unique_ptr<const Engine> new_engine;
  if (by_rules) {
    new_engine = CompileRulesets(options.new_rules, "", {}, TestBlocks::kSkip);
    if (new_engine == nullptr) return kUsageError;
  }
  if (!ValidateMarkets(old_engine->markets(), options.markets, "--market")) return kUsageError;

  NoReport no_report;
  const auto settings = [&](const std::optional<Date>& as_of) {
    return CheckRun::Settings{.markets = options.markets,
                              .as_of = as_of ? as_of : options.as_of,
                              .language = "en",
                              .fail_on = std::nullopt,
                              .fail_on_not_covered = false,
                              .expand_groups = false,
                              .waivers = nullptr,
                              .strict = false};
  };
  const CheckRun old_run(*old_engine, settings(options.old_as_of), no_report);
  const CheckRun new_run(new_engine ? *new_engine : *old_engine, settings(options.new_as_of),
                         no_report);

  const std::unique_ptr<OutputBuffer> buffer = OutputBuffer::Open(options.output);
  if (buffer == nullptr) return kUsageError;
  std::ostream out(buffer.get());
  Differ differ(out, options.format == "json");
  differ.Begin(options);
  bool all_opened = true;
  std::size_t index = 0;
  const InputLimits limits;
  for (const std::string& input :
       options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs) {
    std::string open_error;
    const std::unique_ptr<RecordReader> reader = OpenRecordReader(
        input, old_engine->schema(), limits, &open_error, std::nullopt, options.source_name);
    if (reader == nullptr) {
      PrintError(open_error);
      all_opened = false;
      continue;
    }
    for (InputRecord record; out && reader->Next(record); ++index) {
      differ.Compare(old_run.Judge(record, index).results, new_run.Judge(record, index).results);
    }
  }
  const bool changed = differ.End();
  out.flush();
  if (buffer->error() != 0) {
    PrintError("cannot write the diff: " + std::string(std::strerror(buffer->error())));
    return kWriteError;
  }
  if (!all_opened) return kUnusableInput;
  return changed ? kFindings : kClean;
}

}  // namespace

Command AddDiffCommand(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff",
      "judge the same records under two rule sets or two as-of dates and report what changes");
  command
      ->add_option("--old-rules", options->old_rules,
                   "the old side's ruleset file or folder; repeatable (default: the bundled "
                   "rulesets)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  command
      ->add_option("--new-rules", options->new_rules,
                   "the new side's ruleset file or folder; repeatable (default: the bundled "
                   "rulesets)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  AddDateOption(*command, "--old-as-of", options->old_as_of, "the old side's as-of date");
  AddDateOption(*command, "--new-as-of", options->new_as_of, "the new side's as-of date");
  AddAsOfOption(*command, options->as_of,
                "the as-of date of both sides when comparing rule sets (default: each record's "
                "own, as in check)");
  command
      ->add_option("--market", options->markets,
                   "markets to judge, as in check (default: each record's own)")
      ->type_name("M[,M...]")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--format", options->format, "text or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--output", options->output, "write the diff to FILE")->type_name("FILE");
  command
      ->add_option("--source-name", options->source_name,
                   "the name of standard input in record.source (default `-`)")
      ->type_name("NAME");
  command
      ->add_option("INPUT", options->inputs,
                   "record files as in check; `-` or none: JSON Lines on standard input")
      ->type_name("");
  command->footer(
      "Exit status: 0 no result changes; 1 some result's verdict or findings change; 2 a usage "
      "or ruleset error; 3 an input file could not be opened; 4 the output could not be "
      "written.");
  return {command, [options] { return RunDiff(*options); }};
}

}  // namespace tradelint::cli
