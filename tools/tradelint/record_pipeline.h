#pragma once
// RecordPipeline: reads the records of one input, judges them on worker threads and reports
// each record's results in input order.
//
// One thread (the caller's) reads records in order and hands them over in batches; `jobs`
// worker threads parse them (RecordReader::NextUnparsed leaves JSON Lines text to them) and
// judge them (CheckRun::Judge, over the one shared immutable Engine); the caller reports the
// batches in the order they were read. Output order and content do not depend on `jobs`.
//
// Memory does not grow with the input, nor with `jobs`: the record text read but not yet
// reported stays below kBytesInFlight plus one record, whatever `jobs` is, and each worker
// holds one parsed record at a time, taken from that text. (Records that a reader hands over
// parsed, from .json and .csv inputs, are bounded by count only: a few batches per worker.)
//
// With jobs == 1, or for interactive input (a producer may wait for each result before
// writing the next record), records are read, judged and reported one at a time on the
// caller's thread, and `flush_each` flushes the output after every record.

#include <cstddef>
#include <functional>
#include <ostream>

#include "engine/input/record_reader.h"
#include "tools/tradelint/check_run.h"

namespace tradelint::cli {

// The budget of record text in flight, in bytes (see above).
inline constexpr std::size_t kBytesInFlight = std::size_t{32} << 20;

struct PipelineSettings {
  int jobs = 1;              // worker threads; 1: no thread is started
  bool interactive = false;  // read, judge, report and flush one record at a time
};

// Runs `reader` to its end, or until `out` fails (a write error: a full disk, a closed pipe),
// which stops the run at once, leaving the rest of the input unread and queued records
// unjudged. Returns whether `out` is still good. `after_record` (may be empty) is called on
// the caller's thread after each record is reported (progress display).
bool RunRecordPipeline(RecordReader& reader, const Schema& schema, const InputLimits& limits,
                       CheckRun& run, std::ostream& out, const PipelineSettings& settings,
                       const std::function<void()>& after_record);

}  // namespace tradelint::cli
