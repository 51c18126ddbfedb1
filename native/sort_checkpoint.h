// Checkpoints inside one long sort lane (issue 15). An async sort
// (sort_kernels.cc SortJob) sets its pool thread's checkpoint for the run;
// the long loops of a lane (the key loops, the radix passes, the vector
// quicksort's partitions, the write-back) reach it every kCheckItems items.
// There it hands the core to a waiting thread (pool_yield.h: the event
// loop's, which a lane of seconds otherwise kept waiting for a scheduler
// slice) and says whether to go on: an abort, or a close() waiting to unmap,
// makes it say stop, and it keeps saying stop, so every loop up the stack
// returns (another thread of the same job may be the one that saw the stop:
// a sort returns early whenever SortStopped(), and its caller writes
// nothing back then). Only the loops that fill a lane's scratch may stop; the
// write-back of a sorted lane into its destination only yields
// (ForEachWrite), so a stopped lane is as it was and a lane that reached its
// write-back ends sorted. With no checkpoint set (every sync sort) a
// checkpoint is one thread-local load.
#ifndef MMARRAY_SORT_CHECKPOINT_H_
#define MMARRAY_SORT_CHECKPOINT_H_

#include <algorithm>
#include <cstddef>

#include "pool_yield.h"

namespace mmarray {

class SortCheckpoint {
 public:
  virtual ~SortCheckpoint() = default;
  // Yields to a waiting thread; false when the sort must stop (and from
  // then on).
  virtual bool Go() = 0;
  // Whether a Go() has said stop (no yield).
  virtual bool Stopped() const = 0;
};

// The checkpoint of the async sort running on this thread, or null.
inline thread_local SortCheckpoint* tl_sort_checkpoint = nullptr;

// Items between two checkpoints: 64 Ki items are 0.1-1 ms of any lane loop
// (a few 1 MiB blocks of 8-byte keys, the block size of the other pool
// kernels' yields), and one sched_yield per piece costs well under 1%.
constexpr size_t kCheckItems = size_t{1} << 16;

// True when the sort goes on (always, with no checkpoint set).
inline bool SortGo() {
  SortCheckpoint* c = tl_sort_checkpoint;
  return c == nullptr || c->Go();
}

// True when a checkpoint has said stop: the lane's scratch is then
// incomplete and must not be written back.
inline bool SortStopped() {
  SortCheckpoint* c = tl_sort_checkpoint;
  return c != nullptr && c->Stopped();
}

// Runs f(begin, end) over [0, n): at once with no checkpoint set or n at
// most kCheckItems (a short lane costs no syscall: the lane walk checks
// between lanes), else in pieces of kCheckItems with a checkpoint between
// two; false when one said stop (f has then run over a prefix only).
template <class F>
inline bool ForEachPiece(size_t n, F f) {
  if (tl_sort_checkpoint == nullptr || n <= kCheckItems) {
    f(size_t{0}, n);
    return true;
  }
  for (size_t b = 0; b < n; b += kCheckItems) {
    if (b > 0 && !SortGo()) return false;
    f(b, std::min(n, b + kCheckItems));
  }
  return true;
}

// ForEachPiece for a write-back: yields between pieces, never stops.
template <class F>
inline void ForEachWrite(size_t n, F f) {
  if (tl_sort_checkpoint == nullptr || n <= kCheckItems) {
    f(size_t{0}, n);
    return;
  }
  for (size_t b = 0; b < n; b += kCheckItems) {
    if (b > 0) YieldToWaiting();
    f(b, std::min(n, b + kCheckItems));
  }
}

}  // namespace mmarray

#endif  // MMARRAY_SORT_CHECKPOINT_H_
