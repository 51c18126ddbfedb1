// Giving the event loop its core back while pool threads run a kernel
// (issue #15): a yield between blocks, and a low priority for the job.
//
// A kernel on a pool thread runs for seconds; the JS thread wakes every few
// milliseconds (a timer, a socket) and needs a core for microseconds. On a
// machine with few cores the two share one, and the scheduler (Linux EEVDF)
// lets the running kernel thread finish its slice before the woken JS thread
// runs, which the event loop sees as a gap of milliseconds. Both threads are
// of this process (one autogroup / cgroup), so the kernel thread can hand the
// core over at each block boundary: sched_yield moves it behind the threads
// that are waiting in its run queue and returns at once when none is. Measured
// on the 2-core VM (a 1 ms sleeper beside one thread busy in 0.1 ms blocks,
// five interleaved pairs, load average 21 from other work): median wakeup 1.1
// vs 2.6-2.9 ms, p90 1.1-6.8 vs 9.1-10.9 ms with and without the yield. One
// syscall per block (a 1 MiB block takes 50 µs or more) costs well under 1%.
#ifndef MMARRAY_POOL_YIELD_H_
#define MMARRAY_POOL_YIELD_H_

#if defined(__unix__) || defined(__APPLE__)
#include <sched.h>
#endif
#if defined(__linux__)
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#endif

namespace mmarray {

// Lets a thread waiting for this core (the event loop's, above all) run
// before the next block; a no-op where there is no sched_yield.
inline void YieldToWaiting() {
#if defined(__unix__) || defined(__APPLE__)
  sched_yield();
#endif
}

// The nice value a pool thread runs a kernel job at (Linux), unless the
// environment's MMARRAY_POOL_NICE (0-19, read once when the addon loads)
// says otherwise; 0 leaves pool threads alone. Nice values weigh threads
// against the others of their scheduling group (the session's autogroup, or
// the service's cgroup), not against other programs: at 19 a pool thread
// gets 15/1024 of a core the event loop's thread wants, so a woken JS thread
// is picked before it, while the group's share of the machine stays what it
// was (the kernel still has every core no other thread of the group wants).
// In a C model of one 1 ms sleeper beside two busy threads on this 2-core VM
// (load 13-17 from other sessions, interleaved rounds), the sleeper's mean
// run-queue wait per wakeup went from 0.60-1.87 ms to 0.15-0.42 ms and its
// p99 gap from 8.7-12.6 ms to 4.6-6.1 ms, the busy threads' throughput
// within the (large) noise of the load.
constexpr int kPoolNice = 19;

#if defined(__linux__)
namespace pool_priority_detail {

inline int CurrentTid() { return static_cast<int>(syscall(SYS_gettid)); }

struct Probe {
  int nice;
  bool ok;
};

// Raises the calling thread's nice value to probe->nice and takes it back
// down; ok when both worked. Run on a throwaway thread, so a failed restore
// leaves no thread behind at the low priority.
inline void* ProbeRestore(void* arg) {
  // SAFETY: `arg` is the Probe of ConfiguredNice's frame, which joins this
  // thread before it reads it or returns.
  Probe* probe = static_cast<Probe*>(arg);
  int tid = CurrentTid();
  errno = 0;
  int old = getpriority(PRIO_PROCESS, static_cast<id_t>(tid));
  if (errno != 0 || old >= probe->nice) return nullptr;
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(tid), probe->nice) != 0) return nullptr;
  probe->ok = setpriority(PRIO_PROCESS, static_cast<id_t>(tid), old) == 0;
  return nullptr;
}

}  // namespace pool_priority_detail
#endif

// The nice value PoolPriority gives a pool thread in this process: kPoolNice
// or MMARRAY_POOL_NICE; 0 (threads left as they are) outside Linux (nice is
// per process there) and where a thread may not lower its nice value back
// after raising it: without CAP_SYS_NICE that needs RLIMIT_NICE >= 20 - nice
// (`ulimit -e`, systemd's LimitNICE=; 0 by default for a non-root user), and
// a pool thread left at nice 19 would run every later fs, dns and zlib job
// of the process at that priority. Decided once per process (call it first
// on the JS thread: getenv), probed on a thread of its own.
inline int PoolNice() {
#if defined(__linux__)
  static const int nice = [] {
    int want = kPoolNice;
    const char* env = getenv("MMARRAY_POOL_NICE");
    if (env != nullptr && *env != '\0') {
      char* end = nullptr;
      long v = strtol(env, &end, 10);
      if (*end == '\0' && v >= 0 && v <= 19) want = static_cast<int>(v);
    }
    if (want == 0) return 0;
    pool_priority_detail::Probe probe{want, false};
    pthread_t t;
    if (pthread_create(&t, nullptr, pool_priority_detail::ProbeRestore, &probe) != 0) return 0;
    pthread_join(t, nullptr);
    return probe.ok ? want : 0;
  }();
  return nice;
#else
  return 0;
#endif
}

// For its lifetime, runs the calling pool thread at PoolNice(), so the event
// loop's thread wins a core from it at once; restores the thread's nice
// value before the thread goes back to libuv (an fs job that runs on it next
// runs at the priority it had). A no-op when PoolNice() is 0 or the thread
// already runs at that priority or a lower one.
class PoolPriority {
 public:
  PoolPriority() {
#if defined(__linux__)
    int nice = PoolNice();
    if (nice == 0) return;
    tid_ = pool_priority_detail::CurrentTid();
    errno = 0;
    old_ = getpriority(PRIO_PROCESS, static_cast<id_t>(tid_));
    if (errno != 0 || old_ >= nice) return;
    lowered_ = setpriority(PRIO_PROCESS, static_cast<id_t>(tid_), nice) == 0;
#endif
  }
  ~PoolPriority() {
#if defined(__linux__)
    if (lowered_) (void)setpriority(PRIO_PROCESS, static_cast<id_t>(tid_), old_);
#endif
  }
  PoolPriority(const PoolPriority&) = delete;
  PoolPriority& operator=(const PoolPriority&) = delete;

 private:
  int tid_ = 0;
  int old_ = 0;
  bool lowered_ = false;
};

}  // namespace mmarray

#endif  // MMARRAY_POOL_YIELD_H_
