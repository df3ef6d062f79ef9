#pragma once
// Which report format a `POST /v1/check` answers in (docs/server.md): `?format=NAME` (any
// name of `check --format`), else `Accept: text/html` for html, else json. The writer is the
// one `check --format NAME` uses (MakeReportWriter), so every format the command line gains
// the server answers in too.

#include <optional>
#include <string>
#include <string_view>

#include "engine/report/report_format.h"

namespace tradelint::serve {

struct ReportMedia {
  ReportFormat format = ReportFormat::kJson;
  std::string content_type;  // with its charset, e.g. `application/json`
};

// The format `format_parameter` (empty when not given) or else `accept` asks for; nullopt
// when the name is not a report format of this build (answered 406 with `*error` set, which
// names the formats there are).
std::optional<ReportMedia> NegotiateReportMedia(std::string_view format_parameter,
                                                std::string_view accept, std::string* error);

// The Content-Type of a report in the format named `name`.
std::string ContentTypeOfFormat(std::string_view name);

}  // namespace tradelint::serve
