#pragma once
// ReadRecordText: one record's JSON text to an InputRecord (JSON Lines lines, .json files
// and their array elements).

#include <cstddef>
#include <string_view>

#include "engine/input/input_record.h"
#include "engine/input/internal/text_position.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"

namespace tradelint {

// Parses `text`, which starts at `start` in its file, and fills `out` like CheckRecord
// does; `out.source` is left as it is. Text that is not UTF-8 or not JSON gives
// malformed_json, nesting beyond limits.max_depth too_deep, both with a message that starts
// with the position of the problem in the file ("line 3, column 17: ...").
// The caller enforces limits.max_record_bytes.
void ReadRecordText(std::string_view text, TextPosition start, const Schema& schema,
                    const InputLimits& limits, InputRecord& out);

// The too_large error for a record text of `bytes` bytes, more than `limit`.
RecordError TooLargeError(std::size_t bytes, std::size_t limit);

}  // namespace tradelint
