#include "engine/input/internal/record_check.h"
#include "engine/base/spelling.h"
#include "engine/diag/codes.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tradelint {
namespace {

constexpr std::string_view kAllowedKinds =
    "`listing`, `transaction`, `seller`, `payment` or `waybill`";
// The message names at most this many violations; `paths` names them all.
constexpr std::size_t kMaxViolationsInMessage = 20;

// How the value's JSON type reads in a message: "an array", "a number", ...
std::string_view JsonTypePhrase(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "a boolean";
    case Value::Kind::kNumber:
      return "a number";
    case Value::Kind::kList:
      return "an array";
    case Value::Kind::kObject:
      return "an object";
    default:
      return "a string";
  }
}

// The kind a misspelt `kind` value most likely meant: within two edits (one for short
// words) and not a different word altogether.
std::optional<std::string_view> SuggestKind(std::string_view written) {
  if (written.size() > 20) return std::nullopt;
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (const RecordKind kind : kAllRecordKinds) {
    const std::string_view name = RecordKindName(kind);
    const std::size_t distance = EditDistance(written, name);
    if (distance < best_distance && distance * 3 <= name.size()) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

RecordError KindError(const Value& kind) {
  RecordError error{std::string(record_code::kUnknownKind), "", {"kind"}, {}};
  if (kind.is_missing()) {
    error.message = fmt::format("the record has no `kind`; expected {}", kAllowedKinds);
  } else if (!kind.is_string()) {
    error.message = fmt::format("`kind` must be {}, not {} (`{}`)", kAllowedKinds,
                                JsonTypePhrase(kind), kind.ToDisplayString());
  } else {
    error.message = fmt::format("unknown kind `{}`; expected {}", kind.as_string(), kAllowedKinds);
    if (const auto suggestion = SuggestKind(kind.as_string())) {
      error.message += fmt::format("; did you mean `{}`?", *suggestion);
    }
  }
  return error;
}

RecordError IdError(const Value& id) {
  RecordError error{std::string(record_code::kMissingId), "", {"id"}, {}};
  if (id.is_missing()) {
    error.message = "the record has no `id`";
  } else if (id.is_string()) {
    error.message = "`id` is empty";
  } else if (id.is_number()) {
    error.message = fmt::format("`id` must be a string, not a number; write it as `\"{}\"`",
                                id.as_number().ToString());
  } else {
    error.message = fmt::format("`id` must be a string, not {}", JsonTypePhrase(id));
  }
  return error;
}

}  // namespace

RecordError SchemaViolationError(const std::vector<SchemaViolation>& violations) {
  RecordError error{std::string(record_code::kSchemaViolation), "", {}, {}};
  for (std::size_t i = 0; i < violations.size(); ++i) {
    const SchemaViolation& violation = violations[i];
    if (!violation.path.empty() &&
        std::find(error.paths.begin(), error.paths.end(), violation.path) == error.paths.end()) {
      error.paths.push_back(violation.path);
    }
    if (i == kMaxViolationsInMessage) {
      error.message += fmt::format("; and {} more", violations.size() - i);
    }
    if (i >= kMaxViolationsInMessage) continue;
    if (i > 0) error.message += "; ";
    if (!violation.path.empty()) error.message += fmt::format("`{}`: ", violation.path);
    error.message += violation.message;
    if (!violation.suggestion.empty()) {
      error.message += fmt::format("; did you mean `{}`?", violation.suggestion);
    }
  }
  return error;
}

void CheckRecord(const Value& value, std::vector<SchemaViolation> extra, const Schema& schema,
                 InputRecord& out) {
  if (!value.is_object()) {
    out.error =
        RecordError{std::string(record_code::kNotAnObject),
                    fmt::format("a record must be a JSON object, not {}", JsonTypePhrase(value)),
                    {},
                    {}};
    return;
  }
  const Value& id = value.Get("id");
  if (id.is_string() && !id.as_string().empty()) out.id = id.as_string();
  const Value& kind = value.Get("kind");
  if (kind.is_string()) out.kind = RecordKindFromName(kind.as_string());

  if (!out.kind) {
    out.error = KindError(kind);
    return;
  }
  if (!out.id) {
    out.error = IdError(id);
    return;
  }
  std::vector<SchemaViolation> violations = schema.Validate(*out.kind, value, &out.unknown_fields);
  violations.insert(violations.end(), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));
  if (!violations.empty()) {
    out.error = SchemaViolationError(violations);
    return;
  }
  out.record = value;
}

void RejectUnknownFields(InputRecord& record) {
  if (record.error || record.unknown_fields.empty()) return;
  record.error = SchemaViolationError(record.unknown_fields);
  record.record = Value();
}

std::vector<std::string> UnknownFieldNotes(const InputRecord& record) {
  std::vector<std::string> notes;
  for (const SchemaViolation& field : record.unknown_fields) {
    notes.push_back(fmt::format(
        "`{}` is not a field of the data model{}; no rule reads it", field.path,
        field.suggestion.empty() ? "" : fmt::format(" (did you mean `{}`?)", field.suggestion)));
  }
  return notes;
}

}  // namespace tradelint
