// Giving the event loop its core back between blocks of pool work (issue #15).
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

namespace mmarray {

// Lets a thread waiting for this core (the event loop's, above all) run
// before the next block; a no-op where there is no sched_yield.
inline void YieldToWaiting() {
#if defined(__unix__) || defined(__APPLE__)
  sched_yield();
#endif
}

}  // namespace mmarray

#endif  // MMARRAY_POOL_YIELD_H_
