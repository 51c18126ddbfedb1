// Anonymous memory for large fresh arrays, recycled. An 80 MB result in a
// new ArrayBuffer pays ~20k page faults before its first byte is written
// (2.5-6x NumPy's copy here). This pool maps 2 MiB-aligned regions and, when
// V8 drops a buffer, keeps its already-faulted region for the next result
// instead of unmapping it: the next copy pays no fault at all. NumPy gets the
// same from freeing at refcount 0; V8 frees only at GC, so a loop holding a
// few results needs more regions than it has until the GC catches up.
//
// Fresh regions are the slow mode, and the pool keeps them off the JS thread:
// a request that finds no idle region raises a reserve target, and the pool's
// thread maps and pre-faults regions (MADV_POPULATE_WRITE) up to it, so the
// next such request takes memory already faulted and zeroed. Measured on a
// 2-vCPU VM (THP enabled=madvise, defrag=madvise, free page reporting on):
// touching 80 MB of fresh MADV_HUGEPAGE memory took 0.9-1.3 s when the
// kernel handed out huge pages the host had reclaimed, against 55 ms for huge
// pages freed a moment before (NumPy's case: it frees and maps again at once)
// and ~200 ms with 4 KiB pages either way; /proc/vmstat showed no
// compact_stall, so the stall was the host backing the pages, not guest
// compaction. Regions still ask for huge pages (MADV_HUGEPAGE): with 4 KiB
// pages every later pass over a result paid for the page walks (in-place
// ufuncs and set() into existing arrays ran 1.5-1.8x NumPy's huge-page arrays
// in one quiet run, against 0.65-1.0x with huge pages), and the reserve
// makes most fresh faults on the pool's thread; a miss on the JS thread that
// the reserve cannot serve still pays a fresh fault (the bimodal medians the
// README names). The reserve target shrinks by half each idle horizon
// without a miss and is 0 after a horizon without requests; the horizon is
// 4x the gap between the last two requests, clamped to 1-8 s (a program
// making a 1 GiB result every second or two keeps its regions between
// rounds).
//
// Bounded: at most min(1 GiB, RAM/16) idle (reserve included) and
// min(4 GiB, RAM/6) handed out and idle together (past it results take
// ordinary memory); a region idle for the horizon (at most 8 s) is unmapped
// by the pool's own thread (never the JS thread) unless it is part of the
// reserve target, and the last env to close unmaps the rest. A region given
// back when the idle bound has no room (a 2 GiB result) is kept past that
// bound, still under the total one, for at most 2 s (and the horizon), and
// serves only a request of more than half its length; a request that would
// pass the total bound unmaps such regions first. Process-wide and locked: the main
// thread and workers share it. No N-API here; pool_buffer.cc hands the
// regions to JS.
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
// kRegionAlign): from the idle pool when it holds one that long (the
// smallest that fits; a longer one is split and its tail stays idle), else a
// fresh mapping (zero pages) made here. `*recycled` = true when its pages may
// hold old bytes (a region a buffer used before); false when they are zero
// (fresh, or pre-faulted by the pool's thread and never handed out). With
// `zeroed` the pool prefers zero regions (no clearing), without it regions
// that held old bytes (keeping the zero ones for callers that need them).
// {nullptr, 0} when no memory can be had, or when the regions handed out and
// idle would pass the pool's bound (the caller then takes ordinary memory).
// A region handed out counts against the bound until ReleaseRegion or
// RetireRegion.
Region AcquireRegion(size_t bytes, bool zeroed, bool* recycled);

// AcquireRegion for a caller that faults the pages itself, on several
// threads (the async kernels' results, lib/async.ts): an idle region, else a
// fresh mapping at once. A miss neither waits for the region the pool's
// thread is pre-faulting nor raises the reserve target: that thread faults on
// one core, with the JS thread blocked for all of it when it waits (a 1 GiB
// result: 0.3-2 s), while the kernel's threads fault their own blocks side by
// side and the pool thread would only take a core from them.
Region AcquireRegionNow(size_t bytes, bool zeroed, bool* recycled);

// Takes back a region that nothing can reach any more. True when the pool
// took it (kept idle, or queued for its thread to unmap); false only when the
// pool has no thread: then the caller unmaps it (UnmapRegion), on any thread.
bool ReleaseRegion(Region r);

// ReleaseRegion, or, when the pool has no thread, UnmapRegion here: for a
// caller with no loop to unmap on (kernel scratch, a job's unhanded result).
void ReturnRegion(Region r);

// Whether an idle region would serve a request of `bytes` now (no mapping,
// no wait): what a caller checks before asking V8 to collect dropped buffers.
bool IdleServes(size_t bytes);

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
// InUseRegionBytes without a reserve region the pool's thread is making:
// what callers hold (one reading, under the pool's lock).
size_t HandedOutRegionBytes();
size_t TotalRegionLimit();
// What a request longer than half of TotalRegionLimit() may stretch it to:
// two of its length, at most this (RAM/4).
size_t StretchRegionLimit();
// How long a region may stay idle now: 4x the gap between the last two
// requests, clamped to 1-8 s.
uint64_t IdleHorizonNs();
// How many fresh mappings AcquireRegion has made (tests: reuse makes none).
uint64_t FreshRegionMaps();
// The reserve: idle bytes of zero pages (pre-faulted, never handed out), the
// target the pool's thread fills idle memory up to, and how many regions
// that thread has mapped and pre-faulted.
size_t ReserveRegionBytes();
size_t ReserveRegionTarget();
uint64_t ReserveRegionMaps();
// Idle bytes kept past the idle bound now (within the total bound).
size_t OverIdleBytes();
// Requests served from idle regions so far, by kind: regions that held old
// bytes (within the idle bound), the reserve's zero regions, and regions
// kept past the idle bound. With FreshRegionMaps, where each result came from.
struct RegionHits {
  uint64_t idle;
  uint64_t reserve;
  uint64_t over;
  uint64_t kept_bytes;  // bytes ReleaseRegion has kept for reuse, in all
};
RegionHits RegionHitCounts();

}  // namespace mmarray

#endif  // MMARRAY_REGION_POOL_H_
