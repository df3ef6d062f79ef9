#pragma once
// SarifLog: one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format) with one
// run of tradelint, streamed. Shared by `check --format sarif` (sarif_report_writer.h) and
// `lint --format sarif` (diagnostics_report.h); docs/cli.md gives the mapping.
//
//   {"$schema": ..., "version": "2.1.0",
//    "runs": [{"results": [<one per call of BeginResult>],
//              "columnKind": "unicodeCodePoints",
//              "invocations": [{"executionSuccessful": true}],
//              "tool": {"driver": {"name": "tradelint", "version", "semanticVersion",
//                                  "rules": [<each rule a result named, in order of first
//                                  use>]}}}]}
//
// Results are written as they come and not kept; `tool` follows them (member order carries
// no meaning in JSON), so that the rule table can hold exactly the rules the results use,
// with each result's `ruleIndex` pointing into it. Memory grows with the rules used, not with
// the results.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/json/json.h"

namespace tradelint {

// A `reportingDescriptor`: what the log says about a rule once.
struct SarifRule {
  std::string id;
  std::string short_description;  // one line; may be empty
  std::string full_description;   // may be empty
  std::string help;               // how to satisfy the rule; may be empty
  std::string level;              // default level: `error`, `warning` or `note`
  // `properties`: string members, in order, left out when empty.
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<std::string> tags;  // `properties.tags`
};

// A place in an input file: `uri` as the input was named (made a URI reference by SarifUri);
// line and column 1-based, 0 when unknown.
struct SarifRegion {
  std::string file;
  int start_line = 0;
  int start_column = 0;
  int end_line = 0;
  int end_column = 0;  // exclusive, as SARIF counts it
};

// SARIF's result level for a severity name: `error`, `warning`, and `note` for the rest.
std::string_view SarifLevel(std::string_view severity);

// `path` as a SARIF URI reference: a relative path stays relative with `/` separators, an
// absolute one becomes `file:///...`; bytes outside RFC 3986's unreserved set and `/` are
// percent-encoded.
std::string SarifUri(std::string_view path);

class SarifLog {
 public:
  // `out` must outlive the log.
  SarifLog(std::ostream& out, std::string tool_version);

  // Writes the log up to the opening of `results`.
  void Begin();

  // The index of rule `id` in the run's rule table. Known: only its index. Unknown: `describe()`
  // (a SarifRule with that id) is added at the end of the table.
  template <typename Describe>
  std::size_t RuleIndex(std::string_view id, Describe&& describe) {
    const auto found = rule_indexes_.find(id);
    if (found != rule_indexes_.end()) return found->second;
    rules_.push_back(describe());
    return rule_indexes_.emplace(rules_.back().id, rules_.size() - 1).first->second;
  }

  // Starts a result of rule `rule_index` at `level` with `message`; the caller then writes
  // the result's further members (Location, `suppressions`, `properties`) through json() and
  // calls EndResult.
  JsonWriter& BeginResult(std::size_t rule_index, std::string_view level, std::string_view message);
  void EndResult();

  // Writes one `location` object: a physical location at `region` (none when region.file is
  // empty), a logical location per dotted field path in `logical_paths` (kind `member`), and
  // `message` when not empty. The caller places it in an array (`locations`,
  // `relatedLocations`).
  void Location(const SarifRegion& region, const std::vector<std::string>& logical_paths,
                std::string_view message = {});

  JsonWriter& json() { return json_; }

  // Closes `results` and writes the invocation, the tool and its rule table.
  void End();

 private:
  // Moves what json_ has written so far to out_.
  void Drain();

  std::ostream& out_;
  std::string tool_version_;
  std::string buffer_;
  JsonWriter json_;
  std::vector<SarifRule> rules_;
  std::map<std::string, std::size_t, std::less<>> rule_indexes_;
};

}  // namespace tradelint
