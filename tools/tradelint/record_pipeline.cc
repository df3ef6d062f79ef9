#include "tools/tradelint/record_pipeline.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace tradelint::cli {
namespace {

// Records per batch: large enough that handing a batch over costs little against judging
// it, small enough that the first results appear at once.
constexpr std::size_t kBatchSize = 256;
// Record text per batch: a batch closes once its records' text reaches this, so that big
// records are spread over the workers rather than queued behind one of them.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
// Batches in flight per worker: keeps every worker busy while the reader and the writer wait
// on the oldest batch.
constexpr std::size_t kBatchesPerWorker = 4;

struct Batch {
  std::size_t first_index = 0;  // record_index of records[0]
  std::size_t text_bytes = 0;   // of records' text, as read
  std::vector<UnparsedRecord> records;
  std::vector<JudgedRecord> results;  // parallel to records, once done
  bool done = false;                  // guarded by Pipeline::mutex
};

class Pipeline {
 public:
  // Starts `jobs` workers, or as many as the system allows (see workers()).
  Pipeline(const Schema& schema, const InputLimits& limits, const CheckRun& run, int jobs)
      : schema_(schema), limits_(limits), run_(run) {
    try {
      for (int i = 0; i < jobs; ++i) workers_.emplace_back([this] { Work(); });
    } catch (const std::system_error&) {
      // Out of threads: go on with the workers started.
    }
  }

  // Batches still queued (the run stopped early) are dropped unjudged.
  ~Pipeline() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
      queue_.clear();
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  std::size_t workers() const { return workers_.size(); }

  void Submit(std::shared_ptr<Batch> batch) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(batch));
    }
    work_ready_.notify_one();
  }

  // Waits until `batch` is judged.
  void Await(const Batch& batch) {
    std::unique_lock lock(mutex_);
    batch_done_.wait(lock, [&batch] { return batch.done; });
  }

  // Hands a reported batch back to be freed by a worker, on a thread whose allocator made its
  // results, rather than by the reporting thread.
  void Retire(std::shared_ptr<Batch> batch) {
    std::lock_guard lock(mutex_);
    retired_.push_back(std::move(batch));
  }

 private:
  void Work() {
    while (true) {
      std::shared_ptr<Batch> batch;
      std::vector<std::shared_ptr<Batch>> retired;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
        retired.swap(retired_);
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      retired.clear();  // outside the lock
      batch->results.resize(batch->records.size());
      for (std::size_t i = 0; i < batch->records.size(); ++i) {
        ParseRecord(batch->records[i], schema_, limits_);
        batch->results[i] = run_.Judge(batch->records[i].record, batch->first_index + i);
        // Freed here, on the thread that allocated it: cheaper than on the reporting thread.
        batch->records[i] = UnparsedRecord{};
      }
      {
        std::lock_guard lock(mutex_);
        batch->done = true;
      }
      batch_done_.notify_all();
    }
  }

  const Schema& schema_;
  const InputLimits& limits_;
  const CheckRun& run_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  std::deque<std::shared_ptr<Batch>> queue_;     // submitted, not yet taken by a worker
  std::vector<std::shared_ptr<Batch>> retired_;  // reported, to be freed by a worker
  bool closing_ = false;
  std::vector<std::thread> workers_;  // last: started after everything they use exists
};

bool RunSequentially(RecordReader& reader, const Schema& schema, const InputLimits& limits,
                     CheckRun& run, std::ostream& out, bool flush_each,
                     const std::function<void()>& after_record) {
  UnparsedRecord record;
  while (reader.NextUnparsed(record)) {
    ParseRecord(record, schema, limits);
    run.Check(record.record);
    if (flush_each) out.flush();
    if (!out) return false;
    if (after_record) after_record();
  }
  return true;
}

}  // namespace

bool RunRecordPipeline(RecordReader& reader, const Schema& schema, const InputLimits& limits,
                       CheckRun& run, std::ostream& out, const PipelineSettings& settings,
                       const std::function<void()>& after_record) {
  std::optional<Pipeline> pipeline;
  if (settings.jobs > 1 && !settings.interactive) {
    pipeline.emplace(schema, limits, run, settings.jobs);
  }
  if (!pipeline || pipeline->workers() == 0) {
    return RunSequentially(reader, schema, limits, run, out, settings.interactive, after_record);
  }
  const std::size_t max_batches = kBatchesPerWorker * pipeline->workers();
  std::deque<std::shared_ptr<Batch>> in_flight;  // in input order
  std::size_t bytes_in_flight = 0;               // their record text
  // Reports the oldest batch in flight; false when `out` failed.
  const auto report_oldest = [&] {
    std::shared_ptr<Batch> batch = std::move(in_flight.front());
    in_flight.pop_front();
    bytes_in_flight -= batch->text_bytes;
    pipeline->Await(*batch);
    for (JudgedRecord& judged : batch->results) {
      run.Report(judged);
      if (!out) return false;
      if (after_record) after_record();
    }
    pipeline->Retire(std::move(batch));
    return true;
  };
  std::size_t next_index = static_cast<std::size_t>(run.summary().records);
  bool more = true;
  while (more) {
    auto batch = std::make_shared<Batch>();
    batch->first_index = next_index;
    batch->records.resize(kBatchSize);
    std::size_t count = 0;
    // Each record is read while the text in flight is below kBytesInFlight, so it never
    // exceeds that by more than one record.
    while (count < kBatchSize && batch->text_bytes < kBatchBytes &&
           bytes_in_flight + batch->text_bytes < kBytesInFlight &&
           (more = reader.NextUnparsed(batch->records[count]))) {
      batch->text_bytes += batch->records[count].text.size();
      ++count;
    }
    if (count == 0) break;
    batch->records.resize(count);
    next_index += count;
    bytes_in_flight += batch->text_bytes;
    in_flight.push_back(batch);
    pipeline->Submit(std::move(batch));
    while (!in_flight.empty() &&
           (in_flight.size() >= max_batches || bytes_in_flight >= kBytesInFlight)) {
      if (!report_oldest()) return false;
    }
  }
  while (!in_flight.empty()) {
    if (!report_oldest()) return false;
  }
  return true;
}

}  // namespace tradelint::cli
