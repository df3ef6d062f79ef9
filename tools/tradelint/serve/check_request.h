#pragma once
// `POST /v1/check` (docs/server.md): a body of records judged as `tradelint check` judges
// them, answered with its report.
//
// The body, by Content-Type (its parameters ignored):
//   application/x-ndjson, application/jsonl, application/x-jsonlines, application/json-lines
//       JSON Lines, read as `check --input-format jsonl`: a bad line is an `invalid` result.
//   application/json, or none
//       one JSON document: a record (read as `check` reads one on standard input), an array
//       of records (as a .json file), or an envelope `{"records": [...], "market", "as_of",
//       "lang"}` (each record as one line of JSON Lines, so its source is `request:N`, N
//       its position from 1). A body that is not one JSON document is read as JSON Lines
//       when its first non-blank line is a JSON value by itself (as `check` tells standard
//       input apart), else it is answered 400 `malformed_json`.
//   anything else: 415 `unsupported_media_type`.
// Record sources are `request:LINE` (the line where the record starts) except in envelopes.
//
// Parameters: `market` (M[,M...]), `as_of` (YYYY-MM-DD), `lang` (BCP 47), from the query,
// else from the envelope; `format` from the query only (report_media.h). A bad value is a
// 400 naming it (`invalid_parameter`).
//
// The check runs on the calling thread (the connection's worker) with CheckRun and the
// record pipeline of `tradelint check`; when it runs past `deadline` it stops and the answer
// is 503 `time_limit` (nothing partial is sent).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/api/engine.h"
#include "engine/input/record_reader.h"
#include "engine/report/report_writer.h"

namespace tradelint::serve {

struct CheckRequest {
  std::string_view body;
  std::string_view content_type;
  std::vector<std::string> markets;  // each value of the `market` query parameter
  std::string as_of;                 // query parameters; empty when not given
  std::string language;
  std::string horizon;  // months, as `check --horizon`
  std::string format;
  std::string accept;  // the Accept header
};

struct CheckAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
  std::int64_t records = 0;  // judged
  FindingCounts findings;    // reported
};

CheckAnswer AnswerCheck(const Engine& engine, const std::string& tool_version,
                        const CheckRequest& request, const InputLimits& limits,
                        std::chrono::steady_clock::time_point deadline);

}  // namespace tradelint::serve
