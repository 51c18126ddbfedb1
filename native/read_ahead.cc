#include "read_ahead.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdlib>

namespace mmarray {

// Read-ahead on a cold file (issue #15: sumAsync cold vs NumPy cold). A
// fault on a mapped file reads the disk's readahead window (8 MiB here) and
// waits for it, so one stream of faults keeps about one window in flight
// whatever the thread count; NumPy's cold sum faults the same way. A kernel
// call (an async job, or a sync kernel on the JS thread) instead asks the kernel to read its source ahead (MADV_WILLNEED, which
// queues the reads and returns) up to kReadAheadBytes past the unit being
// claimed, kReadAheadStep at a time, so the disk always has a deep queue.
// A C model on the loaded 2-core VM (1 GiB <f8 file, pages evicted before
// each run, three interleaved rounds, load 13-17): 2 threads 0.49, 0.26,
// 0.29 GB/s without, 1.12, 1.31, 1.01 with 32 MiB ahead (64 MiB: 0.84-0.95).
// On a warm file each step costs one mincore() of one page (resident: no
// madvise). MMARRAY_READ_AHEAD_MB (read once; 0 turns it off, at most 1024)
// sets the distance.
int64_t ReadAheadBytes() {
  static const int64_t bytes = [] {
    const char* v = std::getenv("MMARRAY_READ_AHEAD_MB");
    if (v == nullptr || *v == '\0') return int64_t{32} << 20;
    char* end = nullptr;
    long mb = std::strtol(v, &end, 10);
    if (*end != '\0' || mb < 0 || mb > 1024) return int64_t{32} << 20;
    return static_cast<int64_t>(mb) << 20;
  }();
  return bytes;
}

std::atomic<uint64_t> advised_bytes{0};
std::atomic<uint64_t> advise_calls{0};

bool AdviseReadAhead(const KernelPlan& plan, int64_t from, int64_t to) {
#if defined(__unix__) || defined(__APPLE__)
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  // SAFETY: [read_base, read_base + read_span) lies inside one mapping
  // (SetReadAhead clamps it to the memory ReadLayout checked), kept mapped
  // by the caller (an async job's pin; a sync kernel runs on the JS thread,
  // which alone can close the mapping), and 0 <= from < to <= read_span. Rounding the start down to a
  // page stays inside the same mmap (it starts on a page); madvise and
  // mincore only look at the page tables and the page cache, never the bytes.
  uintptr_t lo = reinterpret_cast<uintptr_t>(plan.read_base() + from) & ~(page - 1);
  uintptr_t hi = reinterpret_cast<uintptr_t>(plan.read_base() + to);
#if defined(__linux__)
  // The range's last page: in the page cache already (a warm file, or the
  // faults' own readahead got there), nothing to queue.
  unsigned char resident = 0;
  if (mincore(reinterpret_cast<void*>((hi - 1) & ~(page - 1)), 1, &resident) == 0 && (resident & 1)) return true;
#endif
  // One call per kReadAheadStep: Linux reads at most one readahead window
  // per MADV_WILLNEED (force_page_cache_ra caps it at the device's window,
  // 8 MiB on this VM), so a first 32 MiB advise in one call would queue only
  // its first window.
  for (uintptr_t at = lo; at < hi;) {
    uintptr_t end = hi - at > static_cast<uintptr_t>(kReadAheadStep) ? at + kReadAheadStep : hi;
    if (madvise(reinterpret_cast<void*>(at), end - at, MADV_WILLNEED) != 0) break;
    advised_bytes.fetch_add(end - at, std::memory_order_relaxed);
    advise_calls.fetch_add(1, std::memory_order_relaxed);
    at = end;
  }
#else
  (void)plan;
  (void)from;
  (void)to;
#endif
  return false;
}

}  // namespace mmarray
