// Giving the event loop its core back while pool threads run a kernel
// (issue #15): a yield between blocks, a short scheduler slice for the
// loop's thread while jobs run (LoopSlice), and, opt-in, a low priority for
// the job's pool threads (PoolPriority).
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
#include <cstdint>
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

// The nice value a pool thread runs a kernel job at (Linux): the
// environment's MMARRAY_POOL_NICE (1-19, read once when the addon loads);
// unset or 0 leaves pool threads alone, the default. Off by default because
// a nice value does not only weigh a pool thread against the event loop's
// thread: the kernel splits a group's weight (the session's autogroup, the
// service's cgroup) over the cores in proportion to the weights of the
// group's threads on each, so a pool thread at nice 19 on a core of its own
// also gets a fraction of the share it had against other programs. In the
// 2-core VM at load 20-26 (bench/async.js --gaps-only --rounds 2, in its own
// session, beside the default loop slice, two runs each): walls of
// copyAsync 6.2, 4.2 s vs 2.3, 4.0 s, astypeAsync 9.4, 10.2 vs 1.4, 2.1,
// saveNpyAsync 17.2, 18.1 vs 7.5, 8.2 with and without nice 19, and no
// shorter gaps; in a C model of one 1 ms sleeper beside busy
// threads in their own autogroup, no lower wait for a core either. Where the
// process runs alone with `threads` = every core, it makes the loop's thread
// win the core it shares with a pool thread.
constexpr int kPoolNice = 0;

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

// The nice value PoolPriority gives a pool thread in this process:
// MMARRAY_POOL_NICE, else kPoolNice; 0 (threads left as they are) outside Linux (nice is
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

// The event loop's own thread asks for a short slice while any async job of
// its env runs (Linux 6.12 or later: EEVDF's per-task slice, sched_setattr's
// sched_runtime for SCHED_OTHER; older kernels ignore it). A woken thread
// with a shorter slice than the running one preempts it at once instead of
// waiting out the running thread's slice, and the kernel hands the shortest
// slice of a group up to the group, so the woken loop also gets its core
// back sooner from other programs' threads. No weight changes: the process
// and its pool threads get the share of the machine they had (unlike a nice
// value, which also shrinks the group's share on the pool thread's core).
// Measured in a C model (1 ms sleeper beside one or two busy threads in
// their own autogroup on this 2-core VM, load 18-20 from other sessions, three
// interleaved rounds): the sleeper's p99 gap 5.8-8.4 ms against 14.7-21.7 ms
// with one busy thread, 7.9-10.9 against 10.9-27.0 with two, the busy
// threads as fast. MMARRAY_LOOP_SLICE_US (read once when the addon loads):
// the slice in µs, 100 (the kernel's minimum) to 100000, or 0 to leave the
// thread alone.
constexpr uint64_t kLoopSliceNs = 100000;

#if defined(__linux__) && defined(SYS_sched_setattr) && defined(SYS_sched_getattr)
#define MMARRAY_HAVE_SCHED_ATTR 1
namespace pool_priority_detail {

// struct sched_attr of the syscall, its first version (48 bytes).
struct SchedAttr {
  uint32_t size;
  uint32_t policy;
  uint64_t flags;
  int32_t nice;
  uint32_t priority;
  uint64_t runtime;
  uint64_t deadline;
  uint64_t period;
};

// What LoopSlice keeps per JS thread: jobs in flight, and the attributes to
// restore when the last one ends.
struct LoopSliceState {
  int depth = 0;
  bool applied = false;
  SchedAttr saved{};
};

inline LoopSliceState& LoopState() {
  thread_local LoopSliceState state;
  return state;
}

}  // namespace pool_priority_detail
#endif

// The slice (ns) LoopSlice asks for: kLoopSliceNs or MMARRAY_LOOP_SLICE_US;
// 0 when off. Call it first on the JS thread (getenv).
inline uint64_t LoopSliceNs() {
  static const uint64_t ns = [] {
    uint64_t want = kLoopSliceNs;
    const char* env = getenv("MMARRAY_LOOP_SLICE_US");
    if (env != nullptr && *env != '\0') {
      char* end = nullptr;
      long v = strtol(env, &end, 10);
      if (*end == '\0' && (v == 0 || (v >= 100 && v <= 100000))) want = static_cast<uint64_t>(v) * 1000;
    }
    return want;
  }();
  return ns;
}

// Held by each async job's worker from its start to its end, on the JS
// thread that started it: the first of that thread's jobs shortens its slice
// to LoopSliceNs(), the last one restores the attributes it had. A no-op
// for a thread that is not SCHED_OTHER/SCHED_BATCH, or already has a slice
// that short, and where the syscalls fail or do not exist.
class LoopSlice {
 public:
  LoopSlice() {
#if defined(MMARRAY_HAVE_SCHED_ATTR)
    pool_priority_detail::LoopSliceState& st = pool_priority_detail::LoopState();
    if (st.depth++ > 0 || LoopSliceNs() == 0) return;
    pool_priority_detail::SchedAttr a{};
    a.size = sizeof(a);
    // SAFETY: `a` is a writable sched_attr of the size passed.
    if (syscall(SYS_sched_getattr, 0, &a, sizeof(a), 0) != 0) return;
    if ((a.policy != SCHED_OTHER && a.policy != SCHED_BATCH) || (a.runtime != 0 && a.runtime <= LoopSliceNs())) return;
    a.size = sizeof(a);
    a.flags = 0;
    st.saved = a;
    a.runtime = LoopSliceNs();
    // SAFETY: `a` is a filled sched_attr of its own size; 0 is this thread.
    st.applied = syscall(SYS_sched_setattr, 0, &a, 0) == 0;
#endif
  }
  ~LoopSlice() {
#if defined(MMARRAY_HAVE_SCHED_ATTR)
    pool_priority_detail::LoopSliceState& st = pool_priority_detail::LoopState();
    if (--st.depth > 0 || !st.applied) return;
    st.applied = false;
    // The slice sched_getattr reported (the default one, unless the thread
    // had its own): the thread gets it back, as its own.
    (void)syscall(SYS_sched_setattr, 0, &st.saved, 0);
#endif
  }
  LoopSlice(const LoopSlice&) = delete;
  LoopSlice& operator=(const LoopSlice&) = delete;
};

}  // namespace mmarray

#endif  // MMARRAY_POOL_YIELD_H_
