// `tradelint merge REPORT.json...`: one JSON report from the reports of shards of one run
// (docs/cli.md, "merge").
//
// The shards must come from the same tool version and the same rulesets; their results are
// concatenated in argument order, `reference_data` and `summary.warnings` are the union in
// order of first appearance, and the summary is recounted from the results (records: the sum
// of the shards'). `groups` are concatenated in argument order too: each shard's groups are
// those it found within itself, as a group across shards cannot be seen (docs/scale-out.md).
// Each shard is read twice, once for its header and once for its results, so that at most
// one shard (and the groups, few beside the results) is held in memory at a time.

#include <algorithm>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/base/file.h"
#include "engine/json/json.h"
#include "engine/report/json_report_writer.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/commands.h"
#include "tools/tradelint/exit_status.h"
#include "tools/tradelint/output_buffer.h"

namespace tradelint::cli {
namespace {

// Reports nest a record's own values (up to the input's 64 levels) under results and findings.
constexpr JsonLimits kReportLimits{.max_depth = 128};

struct MergeOptions {
  std::vector<std::string> reports;
  std::string output;  // empty: standard output
};

// The report at `path`, or nullopt after printing why it is not one.
std::optional<Value> LoadReport(const std::string& path) {
  std::string error;
  const std::optional<std::string> text =
      ReadFile(path, std::numeric_limits<std::size_t>::max(), &error);
  if (!text) {
    PrintError("`" + path + "` " + error);
    return std::nullopt;
  }
  JsonResult parsed = ParseJson(*text, kReportLimits);
  if (const JsonError* json_error = std::get_if<JsonError>(&parsed)) {
    PrintError("`" + path + "` is not JSON: " + json_error->message);
    return std::nullopt;
  }
  Value report = std::get<Value>(std::move(parsed));
  if (!report.is_object() || !report.Get("results").is_list() ||
      !report.Get("summary").is_object() || !report.Get("rulesets").is_list()) {
    PrintError("`" + path + "` is not a report of `tradelint check --format json`");
    return std::nullopt;
  }
  return report;
}

std::int64_t IntOf(const Value& value) {
  return value.is_number() ? std::stoll(value.as_number().ToString()) : 0;
}

// Counts `result` (a result object of a report) into `summary`, as Summary::Count does.
void CountResult(const Value& result, Summary& summary) {
  ++summary.results;
  const Value& verdict = result.Get("verdict");
  const std::string name = verdict.is_string() ? verdict.as_string() : "";
  if (name == "pass") ++summary.pass;
  if (name == "not_covered") ++summary.not_covered;
  if (name == "warn") ++summary.warn;
  if (name == "fail") ++summary.fail;
  if (name == "invalid") ++summary.invalid;
  const Value& market = result.Get("market");
  for (const Value& finding :
       result.Get("findings").is_list() ? result.Get("findings").as_list() : ValueList{}) {
    const auto count = [&](FindingCounts& counts) {
      if (!finding.Get("waived").is_missing()) {
        ++counts.waived;
        return;
      }
      const Value& severity = finding.Get("severity");
      const std::string level = severity.is_string() ? severity.as_string() : "";
      ++(level == "error" ? counts.error : level == "warning" ? counts.warning : counts.info);
    };
    const Value& rule = finding.Get("rule");
    const Value& domain = finding.Get("domain");
    count(summary.by_rule[rule.is_string() ? rule.as_string() : ""]);
    if (market.is_string()) count(summary.by_market[market.as_string()]);
    count(summary.by_domain[domain.is_string() ? domain.as_string() : ""]);
  }
}

void AddOnce(std::vector<Value>& values, const Value& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

int RunMerge(const MergeOptions& options) {
  // Pass 1: the headers agree; the union of reference tables and warnings; records.
  std::optional<Value> tool;
  std::optional<Value> rulesets;
  std::vector<Value> reference_data;
  Summary summary;
  std::vector<Value> warnings;
  for (const std::string& path : options.reports) {
    const std::optional<Value> report = LoadReport(path);
    if (!report) return kUsageError;
    if (!tool) {
      tool = report->Get("tool");
      rulesets = report->Get("rulesets");
    } else if (report->Get("tool") != *tool || report->Get("rulesets") != *rulesets) {
      PrintError("`" + path + "` comes from another tool version or other rulesets than `" +
                 options.reports.front() + "`: shards of one run share both");
      return kUsageError;
    }
    if (report->Get("reference_data").is_list()) {
      for (const Value& table : report->Get("reference_data").as_list())
        AddOnce(reference_data, table);
    }
    if (report->Get("summary").Get("warnings").is_list()) {
      for (const Value& warning : report->Get("summary").Get("warnings").as_list())
        AddOnce(warnings, warning);
    }
    summary.records += IntOf(report->Get("summary").Get("records"));
  }
  for (const Value& warning : warnings) {
    if (warning.is_string()) summary.warnings.push_back(warning.as_string());
  }

  const std::unique_ptr<OutputBuffer> buffer = OutputBuffer::Open(options.output);
  if (buffer == nullptr) return kUsageError;
  std::ostream out(buffer.get());
  std::string text;
  JsonWriter json(text, JsonWriter::Style::kPretty);
  json.BeginObject();
  json.Key("tool").Write(*tool);
  json.Key("rulesets").Write(*rulesets);
  json.Key("reference_data").BeginArray();
  for (const Value& table : reference_data) json.Write(table);
  json.EndArray();
  json.Key("results").BeginArray();
  // Pass 2: the results, shard by shard; the groups kept for after them.
  std::vector<Value> groups;
  for (const std::string& path : options.reports) {
    const std::optional<Value> report = LoadReport(path);
    if (!report) return kUsageError;
    for (const Value& result : report->Get("results").as_list()) {
      json.Write(result);
      CountResult(result, summary);
      out << text;
      text.clear();
    }
    if (report->Get("groups").is_list()) {
      for (const Value& group : report->Get("groups").as_list()) groups.push_back(group);
    }
  }
  json.EndArray();
  json.Key("groups").BeginArray();
  for (const Value& group : groups) json.Write(group);
  json.EndArray();
  WriteSummaryJson(json.Key("summary"), summary);
  json.EndObject();
  out << text << '\n';
  out.flush();
  if (buffer->error() != 0) {
    PrintError("cannot write the merged report: " + std::string(std::strerror(buffer->error())));
    return kWriteError;
  }
  return kClean;
}

}  // namespace

Command AddMergeCommand(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* command =
      app.add_subcommand("merge", "combine the JSON reports of shards of one run into one report");
  command->add_option("--output", options->output, "write the report to FILE")->type_name("FILE");
  command
      ->add_option("REPORT", options->reports,
                   "reports of `tradelint check --format json`, in the order of their shards")
      ->type_name("")
      ->required();
  command->footer(
      "Results and groups are concatenated in argument order (a group never spans two shards); "
      "the summary is recounted. Exit status: 0 "
      "merged; 2 a report cannot be read or comes from another tool version or other rulesets; "
      "4 the report could not be written.");
  return {command, [options] { return RunMerge(*options); }};
}

}  // namespace tradelint::cli
