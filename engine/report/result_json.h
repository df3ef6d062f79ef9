#pragma once
// The JSON form of one result, shared by the `json` report (inside its `results` array) and
// the `jsonl` report (one per line). The shape is docs/cli.md's result object:
//
//   {"record": {"kind", "id", "source", "hash"}, "market", "as_of", "verdict",
//    "error": {"code", "message", "paths"}       (invalid results only)
//    "findings": [{"rule", "ruleset", "jurisdiction", "domain", "severity", "citation",
//                  "title", "message", "paths", "basis",
//                  "missing"                      (basis missing_data only)
//                  "ref", "fix", "responsible", "overrides", "notes"}],  (when non-empty)
//    "upcoming": [{"rule", "effective_from", ... as findings}]  (with check --horizon only)
//    "notes": [...]}                              (when non-empty)
//
// Unknown `kind`, `id`, `hash`, `market` and `as_of` are null; every other member is always
// present.

#include "engine/json/json.h"
#include "engine/report/report_writer.h"

namespace tradelint {

// Writes `result` as one JSON object value (the caller has placed the key or array slot).
void WriteResultJson(JsonWriter& json, const RecordResult& result);

// Writes a group a group rule found against:
//   {"rule", "link", "market", "as_of", "first", "last",
//    "records": [{"kind", "id", "source"}], "finding": <a finding, as in results>}
// `link` is the key the records share, as canonical JSON text.
void WriteGroupJson(JsonWriter& json, const GroupResult& group);

}  // namespace tradelint
