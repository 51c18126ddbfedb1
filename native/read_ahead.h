// Read-ahead of a cold mapped source (issue #15), off unless asked for
// (read_ahead.cc says why): one kernel call keeps the disk's queue deep by
// asking the kernel to read its source ahead of the units it runs
// (MADV_WILLNEED), instead of waiting on one readahead window per fault. Shared by the sync kernels (kernels.cc RunSync, on the JS
// thread) and the async jobs (async_kernels.cc, on the pool).
#ifndef MMARRAY_READ_AHEAD_H_
#define MMARRAY_READ_AHEAD_H_

#include <atomic>
#include <cstdint>

#include "kernel_plan.h"

namespace mmarray {

// Bytes one advise covers at least (the last one of a span may be shorter).
constexpr int64_t kReadAheadStep = int64_t{4} << 20;

// How far past the unit being run the source is advised, in bytes (0: off):
// off unless MMARRAY_READ_AHEAD_MB (read once; 0-1024) asks for it.
int64_t ReadAheadBytes();

// Bytes advised and madvise calls made, over the process (kernelReadAhead).
extern std::atomic<uint64_t> advised_bytes;
extern std::atomic<uint64_t> advise_calls;

// Advises [from, to) of the plan's read span (a hint: an error changes
// nothing), unless its last page is resident already. The caller keeps
// every mapping of the plan mapped (a pin, or the JS thread itself).
// Returns true when that page was resident (nothing was advised).
bool AdviseReadAhead(const KernelPlan& plan, int64_t from, int64_t to);

}  // namespace mmarray

#endif  // MMARRAY_READ_AHEAD_H_
