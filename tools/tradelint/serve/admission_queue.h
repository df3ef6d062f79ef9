#pragma once
// AdmissionQueue: the server's bounded worker pool, with admission control (docs/server.md,
// "Staying up").
//
// cpp-httplib hands each accepted connection to a TaskQueue, and its own ThreadPool queues
// them without bound: under overload a request would wait forever, and memory would grow.
// This queue runs connections on `workers` threads with at most `queue_limit` connections
// waiting for one to be free; a connection beyond that is refused: it runs on the refusal thread,
// marked so (Refusing()), and the server answers its request 503 with `Retry-After` and closes it,
// without reading the body or judging anything. The refusal thread's backlog is its own
// (kRefusalBacklog, whatever `queue_limit` is, even 0), so one slow refused client does not stop
// the accepting thread; only when that backlog is full does the accepting thread answer the
// refusal itself, which stops it accepting more until then (the kernel's listen backlog holds
// the rest).
//
// A connection holds its worker for as long as it is kept alive, so `workers` bounds the
// connections served at once and the keep-alive idle timeout bounds how long an idle one
// holds a worker.

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tradelint::serve {

class AdmissionQueue : public httplib::TaskQueue {
 public:
  // `on_refusal` is called on the accepting thread for each refused connection (metrics).
  AdmissionQueue(std::size_t workers, std::size_t queue_limit, std::function<void()> on_refusal);
  ~AdmissionQueue() override;

  // Runs `connection` on a worker, or refuses it (see above).
  void enqueue(std::function<void()> connection) override;
  // Runs the connections already queued, then joins every thread.
  void shutdown() override;

  // Whether the calling thread is serving a refused connection.
  static bool Refusing();

 private:
  // Refused connections waiting for the refusal thread (each waits at most the read timeout).
  static constexpr std::size_t kRefusalBacklog = 64;

  // Runs `queue`'s connections until shutdown and an empty queue; `refusing` marks the thread.
  void Work(std::deque<std::function<void()>>& queue, bool refusing);

  const std::size_t queue_limit_;
  const std::function<void()> on_refusal_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::size_t idle_workers_ = 0;                // workers waiting for a connection
  std::deque<std::function<void()>> admitted_;  // not yet taken by a worker
  std::deque<std::function<void()>> refused_;
  bool shutting_down_ = false;
  std::vector<std::thread> threads_;  // the workers, then the refusal thread
};

}  // namespace tradelint::serve
