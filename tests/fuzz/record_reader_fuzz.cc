// libFuzzer target for record input: any bytes, read as JSON Lines, as a .json file and as
// CSV, must give records without crashing, hanging or leaking, and every record must be
// either usable (an object, no error) or invalid (an error code, no record value).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/input/input_record.h"
#include "engine/input/record_reader.h"
#include "engine/schema/schema.h"

namespace {

const tradelint::Schema& ProjectSchema() {
  static const tradelint::Schema* const schema = [] {
    std::string error;
    std::optional<tradelint::Schema> loaded =
        tradelint::Schema::Load(TRADELINT_SOURCE_DIR "/schema", &error);
    if (!loaded) {
      std::cerr << "record_reader_fuzz: cannot load the schema: " << error << "\n";
      std::abort();
    }
    return new tradelint::Schema(std::move(*loaded));
  }();
  return *schema;
}

void ReadAll(std::string_view bytes, tradelint::InputFormat format) {
  // Small limits so that the fuzzer reaches too_large and too_deep with short inputs.
  tradelint::InputLimits limits;
  limits.max_record_bytes = 4096;
  limits.max_depth = 16;
  limits.max_csv_columns = 64;
  std::istringstream in{std::string(bytes)};
  std::unique_ptr<tradelint::RecordReader> reader =
      tradelint::MakeRecordReader(in, format, "fuzz", ProjectSchema(), limits);
  tradelint::InputRecord record;
  std::size_t records = 0;
  while (reader->Next(record)) {
    // Every record comes from at least one byte, so there cannot be more records than
    // bytes (+1 for the empty .json file's result).
    if (++records > bytes.size() + 1) std::abort();
    if (record.source.rfind("fuzz:", 0) != 0) std::abort();
    if (record.error.has_value() == record.record.is_object()) std::abort();
    if (record.error && record.error->code.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadAll(bytes, tradelint::InputFormat::kJsonLines);
  ReadAll(bytes, tradelint::InputFormat::kJson);
  ReadAll(bytes, tradelint::InputFormat::kCsv);
  return 0;
}
