#include "tools/tradelint/serve/admission_queue.h"

#include <utility>

namespace tradelint::serve {
namespace {

thread_local bool refusing = false;

}  // namespace

AdmissionQueue::AdmissionQueue(std::size_t workers, std::size_t queue_limit,
                               std::function<void()> on_refusal)
    : queue_limit_(queue_limit), on_refusal_(std::move(on_refusal)) {
  for (std::size_t i = 0; i < workers; ++i) {
    threads_.emplace_back([this] { Work(admitted_, /*refusing=*/false); });
  }
  threads_.emplace_back([this] { Work(refused_, /*refusing=*/true); });
}

AdmissionQueue::~AdmissionQueue() { shutdown(); }

bool AdmissionQueue::Refusing() { return refusing; }

void AdmissionQueue::enqueue(std::function<void()> connection) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (admitted_.size() < idle_workers_ + queue_limit_) {
    admitted_.push_back(std::move(connection));
    lock.unlock();
    ready_.notify_all();
    return;
  }
  if (on_refusal_) on_refusal_();
  if (refused_.size() < kRefusalBacklog) {
    refused_.push_back(std::move(connection));
    lock.unlock();
    ready_.notify_all();
    return;
  }
  lock.unlock();
  refusing = true;
  connection();
  refusing = false;
}

void AdmissionQueue::shutdown() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (shutting_down_ && threads_.empty()) return;
    shutting_down_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

void AdmissionQueue::Work(std::deque<std::function<void()>>& queue, bool refuses) {
  refusing = refuses;
  for (;;) {
    std::function<void()> connection;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!refuses) ++idle_workers_;
      ready_.wait(lock, [&] { return shutting_down_ || !queue.empty(); });
      if (!refuses) --idle_workers_;
      if (queue.empty()) return;
      connection = std::move(queue.front());
      queue.pop_front();
    }
    connection();
  }
}

}  // namespace tradelint::serve
