#pragma once
// Runs independent pieces of work on a few threads. Stages that handle one document at a time
// (ingest, segment, recognise, normalise) use it; every caller writes each result into its own
// slot and merges the slots in index order afterwards, so the output never depends on which
// thread finished first.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace checker {

/// Threads to use for `jobs` as the user gave it: 0 means one per core.
inline unsigned resolve_jobs(unsigned jobs) {
  if (jobs != 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

/// Calls `work(index, worker)` once for every index in [0, count), on up to `jobs` threads
/// (`worker` < jobs names the thread, so callers can keep one costly helper per thread).
/// Indices are handed out in order. The first exception thrown by any call is rethrown here
/// after every thread has stopped; the remaining indices are then not started.
template <class Work>
void for_each_index(std::size_t count, unsigned jobs, Work&& work) {
  jobs = resolve_jobs(jobs);
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i, 0u);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto run = [&](unsigned worker) {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        work(i, worker);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(run, w);
  run(0);
  for (std::thread& t : pool) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace checker
