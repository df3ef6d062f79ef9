#pragma once
// `tradelint lint --format json|sarif`: the diagnostics of a compilation for machines
// (docs/cli.md, "lint"). The text format is Diagnostics::RenderAll.
//
// json:  {"diagnostics": [{"code", "severity", "file", "line", "column", "end_line",
//                          "end_column", "message", "help",
//                          "labels": [{"file", "line", "column", "message"}]}],
//         "summary": {"errors", "warnings", "rulesets"}}
//        (`file`, `line`, ... are null for a diagnostic without a place, e.g. `no_rulesets`;
//        `end_column` is exclusive; columns count Unicode code points)
// sarif: one result per diagnostic (sarif_log.h): `ruleId` the code, the level its severity
//        (`note` for notes), the span as the region, labels as related locations, the help
//        line in `properties.help`; each code used is a rule whose description is the code's
//        summary (engine/diag/codes.h).

#include <cstddef>
#include <ostream>
#include <string>

#include "engine/diag/diagnostic.h"

namespace tradelint {

void WriteDiagnosticsJson(std::ostream& out, const Diagnostics& diagnostics,
                          std::size_t ruleset_files);
void WriteDiagnosticsSarif(std::ostream& out, const Diagnostics& diagnostics,
                           const std::string& tool_version);

}  // namespace tradelint
