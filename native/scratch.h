// Scratch memory of the sort kernels (sort_kernels.cc: the keys and
// positions a lane sorts in). A block of 2 MiB or more comes from the region
// pool (region_pool.h): 2 MiB pages, and on a later sort the pages of an
// earlier one, already faulted; a smaller one, or one the pool refuses (its
// bound), from the heap, given back in pieces (gradual_release.h).
//
// Why the pool: on the 2-vCPU VM the first write to each 4 KiB page costs
// about 8 µs even after MADV_POPULATE_WRITE (a C model: 256 MiB written in
// order, 530 ms in populated 4 KiB pages against 12 ms in 2 MiB pages), and
// a lane of 10M float64 keys takes 240 MB of scratch: argsort spent 0.2 s
// of its 1.2-1.5 s reading keys into fresh scratch and most of the rest
// scattering them into more. NumPy's own buffers ask for huge pages too.
// Left uninitialized: a kernel writes what it reads (a zero fill would be
// one more pass before an async sort's first checkpoint).
#ifndef MMARRAY_SCRATCH_H_
#define MMARRAY_SCRATCH_H_

#include <cstddef>

#include "gradual_release.h"
#include "region_pool.h"

namespace mmarray {

// Blocks at least this long come from the region pool: one huge page.
constexpr size_t kPooledScratchMin = kRegionAlign;

template <class T>
class Scratch {
 public:
  explicit Scratch(size_t n) : n_(n) {
    if (n == 0) return;
    size_t bytes;
    if (!__builtin_mul_overflow(n, sizeof(T), &bytes) && bytes >= kPooledScratchMin) {
      bool recycled = false;
      region_ = AcquireRegionNow(bytes, /*zeroed=*/false, &recycled);
      if (region_.addr != nullptr) {
        // SAFETY: the region is at least `bytes` = n * sizeof(T) long and
        // 2 MiB-aligned, and this Scratch alone uses it until it goes back.
        p_ = static_cast<T*>(region_.addr);
        return;
      }
    }
    p_ = GradualAllocator<T>().allocate(n);
  }
  ~Scratch() {
    if (region_.addr != nullptr) {
      ReturnRegion(region_);
    } else if (p_ != nullptr) {
      GradualAllocator<T>().deallocate(p_, n_);
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* data() { return p_; }

 private:
  size_t n_;
  Region region_{nullptr, 0};
  T* p_ = nullptr;
};

}  // namespace mmarray

#endif  // MMARRAY_SCRATCH_H_
