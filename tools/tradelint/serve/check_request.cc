#include "tools/tradelint/serve/check_request.h"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <streambuf>

#include "engine/json/json.h"
#include "tools/tradelint/check_run.h"
#include "tools/tradelint/cli_options.h"
#include "tools/tradelint/record_pipeline.h"
#include "tools/tradelint/serve/json_error.h"
#include "tools/tradelint/serve/query_list.h"
#include "tools/tradelint/serve/report_media.h"

namespace tradelint::serve {
namespace {

// The error codes of the answers (docs/server.md, "Errors").
constexpr char kUnsupportedMediaType[] = "unsupported_media_type";
constexpr char kTooDeep[] = "too_deep";
constexpr char kMalformedJson[] = "malformed_json";
constexpr char kInvalidEnvelope[] = "invalid_envelope";
constexpr char kNotAcceptable[] = "not_acceptable";
constexpr char kInvalidParameter[] = "invalid_parameter";
constexpr char kTimeLimit[] = "time_limit";

// A read-only std::streambuf over text that outlives it: the body is read in place.
class TextStreambuf : public std::streambuf {
 public:
  explicit TextStreambuf(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// The source name of every record of a request (`request:N`).
constexpr std::string_view kSourceName = "request";

CheckAnswer Error(int status, std::string_view code, std::string_view message) {
  CheckAnswer answer;
  answer.status = status;
  answer.content_type = "application/json";
  answer.body = JsonErrorBody(code, message);
  return answer;
}

// The media type of a Content-Type header, lower-cased, without parameters or spaces.
std::string MediaType(std::string_view content_type) {
  std::string media(content_type.substr(0, content_type.find(';')));
  std::erase_if(media, [](char c) { return c == ' ' || c == '\t'; });
  std::transform(media.begin(), media.end(), media.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return media;
}

bool IsJsonLinesType(std::string_view media) {
  return media == "application/x-ndjson" || media == "application/jsonl" ||
         media == "application/x-jsonlines" || media == "application/json-lines";
}

// `line L, column C` of `offset` in `text` (columns in bytes from 1).
std::string Position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return fmt::format("line {}, column {}", line, column);
}

// Whether the first non-blank line of `text` is a JSON value by itself.
bool FirstLineIsJsonValue(std::string_view text, const JsonLimits& limits) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      return std::holds_alternative<Value>(ParseJson(line, limits));
    }
    start = end + 1;
  }
  return false;
}

// What the body holds once told apart (see check_request.h).
struct Body {
  InputFormat format = InputFormat::kJsonLines;
  std::string envelope_lines;  // an envelope's records, one a line; read instead of the body
  bool is_envelope = false;
  std::vector<std::string> markets;  // the envelope's
  std::string as_of;
  std::string language;
  std::string horizon;
};

// The envelope's parameter `key`, a string; `market` may also be a list of strings, `horizon`
// a number.
std::optional<std::string> EnvelopeText(const Value& value, std::string_view key,
                                        std::string* error) {
  if (value.is_missing()) return std::string();
  if (value.is_string()) return value.as_string();
  if (key == "horizon" && value.is_number()) return value.as_number().ToString();
  if (key == "market" && value.is_list()) {
    std::string joined;
    for (const Value& item : value.as_list()) {
      if (!item.is_string()) break;
      joined += (joined.empty() ? "" : ",") + item.as_string();
    }
    if (!joined.empty() || value.as_list().empty()) return joined;
  }
  *error = fmt::format("the envelope's `{}` must be a string{}", key,
                       key == "market"    ? " (`DE,FR`) or a list of strings"
                       : key == "horizon" ? " or a number"
                                          : "");
  return std::nullopt;
}

// Reads the body's shape; an error answer when it cannot be read as a whole.
std::optional<CheckAnswer> ReadBody(const CheckRequest& request, const InputLimits& limits,
                                    Body& body) {
  const std::string media = MediaType(request.content_type);
  if (IsJsonLinesType(media)) return std::nullopt;  // body.format is kJsonLines
  if (!media.empty() && media != "application/json") {
    return Error(415, kUnsupportedMediaType,
                 "send records as application/json (a record, an array of records or an "
                 "envelope) or application/x-ndjson (JSON Lines), not `" +
                     std::string(request.content_type) + "`");
  }
  // An envelope or array holds records two levels below the top.
  const JsonLimits document_limits{.max_depth = limits.max_depth + 2};
  JsonResult parsed = ParseJson(request.body, document_limits);
  if (const JsonError* error = std::get_if<JsonError>(&parsed)) {
    if (FirstLineIsJsonValue(request.body, {.max_depth = limits.max_depth})) {
      return std::nullopt;  // JSON Lines
    }
    if (error->kind == JsonError::Kind::kTooDeep) {
      return Error(400, kTooDeep,
                   fmt::format("{}: objects and arrays nested more than {} deep",
                               Position(request.body, error->byte_offset), limits.max_depth));
    }
    return Error(400, kMalformedJson,
                 Position(request.body, error->byte_offset) + ": " + error->message);
  }
  const Value& document = std::get<Value>(parsed);
  if (document.is_list()) {
    body.format = InputFormat::kJson;
    return std::nullopt;
  }
  if (!document.is_object() || document.Get("records").is_missing() ||
      !document.Get("kind").is_missing()) {
    body.format = InputFormat::kJsonLinesOrDocument;  // one record, as on standard input
    return std::nullopt;
  }
  body.is_envelope = true;
  for (const auto& [key, value] : document.as_object()) {
    if (key != "records" && key != "market" && key != "as_of" && key != "lang" &&
        key != "horizon") {
      return Error(400, kInvalidEnvelope,
                   "unknown envelope member `" + key +
                       "`: an envelope has `records`, `market`, `as_of`, `lang` and `horizon`");
    }
  }
  const Value& records = document.Get("records");
  if (!records.is_list()) {
    return Error(400, kInvalidEnvelope, "the envelope's `records` must be a list of records");
  }
  for (const Value& record : records.as_list()) {
    AppendJson(body.envelope_lines, record);
    body.envelope_lines += '\n';
  }
  std::string error;
  const std::optional<std::string> market = EnvelopeText(document.Get("market"), "market", &error);
  const std::optional<std::string> as_of = EnvelopeText(document.Get("as_of"), "as_of", &error);
  const std::optional<std::string> language = EnvelopeText(document.Get("lang"), "lang", &error);
  const std::optional<std::string> horizon =
      EnvelopeText(document.Get("horizon"), "horizon", &error);
  if (!market || !as_of || !language || !horizon) return Error(400, kInvalidEnvelope, error);
  if (!market->empty()) body.markets = {*market};
  body.as_of = *as_of;
  body.language = *language;
  body.horizon = *horizon;
  return std::nullopt;
}

}  // namespace

CheckAnswer AnswerCheck(const Engine& engine, const std::string& tool_version,
                        const CheckRequest& request, const InputLimits& limits,
                        std::chrono::steady_clock::time_point deadline) {
  std::string format_error;
  const std::optional<ReportMedia> media =
      NegotiateReportMedia(request.format, request.accept, &format_error);
  if (!media) return Error(406, kNotAcceptable, format_error);
  Body body;
  if (std::optional<CheckAnswer> error = ReadBody(request, limits, body)) return *error;

  const std::vector<std::string> markets =
      SplitList(request.markets.empty() ? body.markets : request.markets, /*upper_case=*/true);
  if (const std::vector<std::string> errors =
          cli::MarketErrors(engine.markets(), markets, "market");
      !errors.empty()) {
    return Error(400, kInvalidParameter, fmt::format("{}", fmt::join(errors, "; ")));
  }
  const std::string as_of_text = request.as_of.empty() ? body.as_of : request.as_of;
  std::optional<Date> as_of;
  if (!as_of_text.empty()) {
    as_of = Date::Parse(as_of_text);
    if (!as_of) {
      return Error(400, kInvalidParameter,
                   "as_of: `" + as_of_text + "` is not a date (YYYY-MM-DD)");
    }
  }
  std::string language = request.language.empty() ? body.language : request.language;
  if (language.empty()) language = "en";
  if (const std::string error = cli::NormalizeLanguageTag(language); !error.empty()) {
    return Error(400, kInvalidParameter, "lang: " + error);
  }
  const std::string horizon_text = request.horizon.empty() ? body.horizon : request.horizon;
  std::optional<int> horizon_months;
  if (!horizon_text.empty()) {
    std::string error;
    horizon_months = cli::ParseHorizonMonths(horizon_text, error);
    if (!horizon_months) return Error(400, kInvalidParameter, error);
  }

  std::ostringstream out;
  const std::unique_ptr<ReportWriter> writer =
      MakeReportWriter(media->format, out, TextReportOptions{});
  writer->Begin(RunInfo{tool_version, engine.program().rulesets(), engine.reference_tables()});
  cli::CheckRun run(engine,
                    cli::CheckRun::Settings{.markets = markets,
                                            .as_of = as_of,
                                            .language = language,
                                            .fail_on = std::nullopt,
                                            .horizon_months = horizon_months,
                                            .notes_on_stderr = false},
                    *writer);
  TextStreambuf text(body.is_envelope ? std::string_view(body.envelope_lines) : request.body);
  std::istream in(&text);
  const std::unique_ptr<RecordReader> reader =
      MakeRecordReader(in, body.format, std::string(kSourceName), engine.schema(), limits);
  bool late = false;
  const auto check_deadline = [&] {
    if (std::chrono::steady_clock::now() > deadline) {
      late = true;
      out.setstate(std::ios::badbit);  // stops the pipeline
    }
  };
  cli::RunRecordPipeline(*reader, engine.schema(), limits, run, out, {.jobs = 1}, check_deadline);
  if (late) {
    return Error(503, kTimeLimit,
                 fmt::format("the check ran past the server's time limit after {} records; send "
                             "fewer records per request",
                             run.summary().records));
  }
  writer->End(run.summary());
  CheckAnswer answer;
  answer.content_type = media->content_type;
  answer.body = out.str();
  answer.records = run.summary().records;
  for (const auto& [market, counts] : run.summary().by_market) {
    answer.findings.error += counts.error;
    answer.findings.warning += counts.warning;
    answer.findings.info += counts.info;
    answer.findings.waived += counts.waived;
  }
  return answer;
}

}  // namespace tradelint::serve
