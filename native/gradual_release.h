// Giving large memory back to the kernel without stalling the event loop
// (issue #15): the pages of a dead block are dropped in 2 MiB pieces, with a
// yield between, before the block itself is freed or unmapped.
//
// One munmap (or free) of a few hundred MiB of 4 KiB pages clears every page
// table entry in one call, and on the 2-vCPU VM (kernel 6.18) the event
// loop's thread could not run for all of it although it touched none of that
// memory: a C model (a 1 ms sleeper beside a thread unmapping 512 MiB it had
// faulted) saw the sleeper's longest gap at 65-77 ms for a 45-78 ms munmap;
// an argsortAsync of 0.25 GiB, freeing its 768 MiB of scratch at the end of
// the job, held the loop 16-21 ms (the gap began with the first munmap, as
// perf's syscall trace showed). Dropping the same pages 2 MiB at a time
// (MADV_DONTNEED) with a sched_yield after each, then unmapping the empty
// range: the sleeper's longest gap 1.2-2.0 ms (4.0 once in six), and the
// whole release took 26-30 ms, less than the one munmap.
#ifndef MMARRAY_GRADUAL_RELEASE_H_
#define MMARRAY_GRADUAL_RELEASE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "pool_yield.h"

namespace mmarray {

// Blocks shorter than this are freed at once (a few page table pages).
constexpr size_t kGradualReleaseMin = size_t{8} << 20;
// The piece dropped between two yields: one huge page, 512 small ones.
constexpr size_t kGradualReleasePiece = size_t{2} << 20;

// Drops the whole pages inside [p, p + bytes) piece by piece, yielding to a
// waiting thread after each; the bytes read as zero afterwards. Does nothing
// for blocks under kGradualReleaseMin, or off Linux.
inline void ReleasePagesGradually(void* p, size_t bytes) {
#if defined(__linux__)
  if (p == nullptr || bytes < kGradualReleaseMin) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = reinterpret_cast<uintptr_t>(p);
  // Whole pages only: a malloc'd block's edges share pages with the heap.
  // bytes <= the block's length, so begin + bytes does not wrap.
  const uintptr_t first = (begin + page - 1) & ~(page - 1);
  const uintptr_t last = (begin + bytes) & ~(page - 1);
  for (uintptr_t at = first; at < last; at += kGradualReleasePiece) {
    const size_t len = static_cast<size_t>(last - at < kGradualReleasePiece ? last - at : kGradualReleasePiece);
    // SAFETY: [at, at + len) lies inside the caller's block (rounded inwards
    // to whole pages), which the caller owns and whose bytes are dead: it
    // frees or unmaps the block next. A failure leaves the pages to that.
    (void)madvise(reinterpret_cast<void*>(at), len, MADV_DONTNEED);
    YieldToWaiting();
  }
#else
  (void)p;
  (void)bytes;
#endif
}

// std::allocator that releases a large block with ReleasePagesGradually
// before freeing it: the scratch of kernels that run on pool threads.
template <class T>
struct GradualAllocator {
  using value_type = T;
  GradualAllocator() = default;
  template <class U>
  GradualAllocator(const GradualAllocator<U>& /*other*/) {}  // NOLINT: rebinding, as std::allocator
  T* allocate(size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T* p, size_t n) {
    // n * sizeof(T) did not overflow: allocate(n) succeeded.
    ReleasePagesGradually(p, n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const GradualAllocator<U>& /*other*/) const {
    return true;
  }
  template <class U>
  bool operator!=(const GradualAllocator<U>& /*other*/) const {
    return false;
  }
};

// A vector of kernel scratch (zero filled on resize, as std::vector).
template <class T>
using ScratchVector = std::vector<T, GradualAllocator<T>>;

}  // namespace mmarray

#endif  // MMARRAY_GRADUAL_RELEASE_H_
