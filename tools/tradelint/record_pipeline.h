#pragma once
// RecordPipeline: reads the records of one input, judges them on worker threads and reports
// each record's results in input order.
//
// One thread (the caller's) reads records in order and hands them over in batches; `jobs`
// worker threads parse them (RecordReader::NextUnparsed leaves JSON Lines text to them) and
// judge them (CheckRun::Judge, over the one shared immutable Engine); the caller reports the
// batches in the order they were read. At most a fixed number of batches are in flight, so
// memory does not grow with the input. Output order and content do not depend on `jobs`.
//
// With jobs == 1, or for interactive input (a producer may wait for each result before
// writing the next record), records are read, judged and reported one at a time on the
// caller's thread, and `flush_each` flushes the output after every record.

#include <functional>
#include <ostream>

#include "engine/input/record_reader.h"
#include "tools/tradelint/check_run.h"

namespace tradelint::cli {

struct PipelineSettings {
  int jobs = 1;             // worker threads; 1: no thread is started
  bool interactive = false;  // read, judge, report and flush one record at a time
};

// Runs `reader` to its end. `after_record` (may be empty) is called on the caller's thread
// after each record is reported (progress display).
void RunRecordPipeline(RecordReader& reader, const Schema& schema, const InputLimits& limits,
                       CheckRun& run, std::ostream& out, const PipelineSettings& settings,
                       const std::function<void()>& after_record);

}  // namespace tradelint::cli
