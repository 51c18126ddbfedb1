#include "read_ahead.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdlib>

namespace mmarray {

// Read-ahead on a cold file (issue #15: sumAsync cold vs NumPy cold), off
// unless asked for. A fault on a mapped file reads the disk's readahead
// window and waits for it, so one stream of faults keeps about one window in
// flight whatever the thread count; NumPy's cold sum faults the same way. With
// a distance set, a kernel call (an async job, or a sync kernel on the JS
// thread) asks the kernel to read its source ahead (MADV_WILLNEED, which
// queues the reads and returns) up to ReadAheadBytes() past the unit being
// claimed, kReadAheadStep at a time, so the disk always has a deep queue.
// That won on the earlier VM's slow, loaded disk (a C model, 1 GiB <f8 file,
// load 13-17: 2 threads 0.49-0.29 GB/s without, 1.01-1.31 with 32 MiB
// ahead). On this VM's kernel it loses everywhere: the pages MADV_WILLNEED
// reads are single 4 KiB folios, where the fault path reads large folios
// that one fault maps many pages of, so the kernels take 10-20x the faults
// (bench/cold_copy.js, 4.5 GiB, threads 2, load 1.3-1.8, NumPy time / ours:
// sumAsync 0.56x with 32 MiB ahead against 1.42x without, copyAsync of half
// 1.00x against 1.93x, astypeAsync('<f4') 0.87x against 1.44x; CPU 3.6 s
// against 0.6 s for the sum). MMARRAY_READ_AHEAD_MB (read once; 0-1024)
// sets the distance: a disk far slower than the CPU's faults may want 32.
int64_t ReadAheadBytes() {
  static const int64_t bytes = [] {
    const char* v = std::getenv("MMARRAY_READ_AHEAD_MB");
    if (v == nullptr || *v == '\0') return int64_t{0};
    char* end = nullptr;
    long mb = std::strtol(v, &end, 10);
    if (*end != '\0' || mb < 0 || mb > 1024) return int64_t{0};
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
