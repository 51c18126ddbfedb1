// Anonymous memory for large fresh arrays, recycled. An 80 MB result in a
// new ArrayBuffer pays ~20k page faults before its first byte is written
// (2.5-6x NumPy's copy here). This pool maps 2 MiB-aligned regions with
// MADV_HUGEPAGE (one fault per 2 MiB) and, when V8 drops a buffer, keeps its
// already-faulted region for the next result of that size instead of
// unmapping it: the next copy pays no fault at all. NumPy gets the same from
// freeing at refcount 0; V8 frees only at GC, which is why huge pages alone
// made every tenth copy slow (each GC cycle left the kernel compacting
// memory for fresh huge pages).
//
// Bounded: at most min(1 GiB, RAM/16) idle and min(2 GiB, RAM/8) handed out
// and idle together (past it results take ordinary memory); a region idle for a second is
// unmapped by the pool's own thread (never the JS thread), and the last env
// to close unmaps the rest. Process-wide and locked: the main thread and
// workers share it. No N-API here; pool_buffer.cc hands the regions to JS.
#ifndef MMARRAY_REGION_POOL_H_
#define MMARRAY_REGION_POOL_H_

#include <cstddef>
#include <cstdint>

namespace mmarray {

// An anonymous mapping: exactly what mmap returned (after alignment trims).
struct Region {
  void* addr;
  size_t length;
};

// Regions are mapped in multiples of this (the x86_64 / aarch64 huge page).
constexpr size_t kRegionAlign = size_t{2} << 20;

// A region of at least `bytes` (1 <= bytes; its length rounded up to
// kRegionAlign): an idle one of exactly that length when the pool holds one
// (`*recycled` = true: its pages are faulted in and hold old bytes), else a
// fresh mapping (zero pages). {nullptr, 0} when no memory can be had, or when
// the regions handed out and idle would pass the pool's bound (the caller
// then takes ordinary memory). A region handed out counts against the bound
// until ReleaseRegion or RetireRegion.
Region AcquireRegion(size_t bytes, bool* recycled);

// Takes back a region that nothing can reach any more. True when the pool
// kept it; false when the idle pool is full: then the caller unmaps it
// (UnmapRegion), on any thread.
bool ReleaseRegion(Region r);

// Takes back a region and unmaps it now, never to be reused.
void RetireRegion(Region r);

// munmap(r): SAFETY is the caller's (r is unreachable and came from AcquireRegion).
void UnmapRegion(Region r);

// Unmaps every idle region now (the last env closing).
void DrainRegions();

// Ends the pool's thread and waits for it (the last env closing, before Node
// may unload the addon); the next release starts it again.
void StopTrimmer();

// Bytes held idle now and their bound; bytes handed out now and the bound on
// handed out + idle.
size_t IdleRegionBytes();
size_t IdleRegionLimit();
size_t InUseRegionBytes();
size_t TotalRegionLimit();
// How many fresh mappings AcquireRegion has made (tests: reuse makes none).
uint64_t FreshRegionMaps();

}  // namespace mmarray

#endif  // MMARRAY_REGION_POOL_H_
