#include "engine/input/internal/record_text.h"

#include <fmt/format.h>

#include <string>
#include <variant>

#include "engine/base/utf8.h"
#include "engine/diag/codes.h"
#include "engine/input/internal/record_check.h"
#include "engine/json/json.h"

namespace tradelint {

void ReadRecordText(std::string_view text, TextPosition start, const Schema& schema,
                    const InputLimits& limits, InputRecord& out) {
  JsonResult parsed = ParseJson(text, JsonLimits{.max_depth = limits.max_depth});
  if (const auto* error = std::get_if<JsonError>(&parsed)) {
    // Both parsers refuse ill-formed UTF-8, so only a failed parse needs the UTF-8 check, which
    // names the first bad byte (and takes precedence over the syntax error).
    if (const std::size_t invalid = FindInvalidUtf8(text); invalid != std::string_view::npos) {
      out.error = RecordError{std::string(record_code::kMalformedJson),
                              fmt::format("{}: the text is not valid UTF-8",
                                          PositionIn(text, invalid, start).ToString()),
                              {},
                              {}};
      return;
    }
    const std::string_view code = error->kind == JsonError::Kind::kTooDeep
                                      ? record_code::kTooDeep
                                      : record_code::kMalformedJson;
    out.error =
        RecordError{std::string(code),
                    fmt::format("{}: {}", PositionIn(text, error->byte_offset, start).ToString(),
                                error->message),
                    {},
                    {}};
    if (code == record_code::kMalformedJson) {
      LineExcerpt excerpt = ExcerptAt(text, error->byte_offset, kExcerptCharacters);
      out.error->excerpt = ErrorExcerpt{std::move(excerpt.text), excerpt.column};
    }
    return;
  }
  CheckRecord(std::get<Value>(parsed), {}, schema, out);
}

RecordError TooLargeError(std::size_t bytes, std::size_t limit) {
  return RecordError{
      std::string(record_code::kTooLarge),
      fmt::format("the record is {} bytes long, more than the limit of {} bytes", bytes, limit),
      {},
      {}};
}

}  // namespace tradelint
