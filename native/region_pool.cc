#include "region_pool.h"

#include <sys/mman.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include <uv.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "gradual_release.h"

// Linux 5.14; older kernels refuse it with EINVAL and PopulateRange touches
// the pages instead.
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace mmarray {
namespace {

// A region idle for the horizon is unmapped (unless the reserve target keeps
// it), and the target decays on the same clock. The horizon is 4x the gap
// between the last two requests, at least kIdleNs and at most kMaxIdleNs: a
// loop making one 80 MB result every few ms reuses its buffers long before a
// second; one making a 1 GiB result per 1-2 s round (async copies) keeps its
// regions between rounds instead of faulting a fresh one each round (with a
// fixed second it did: warm copyAsync/astypeAsync at 0.60x/0.48x NumPy's
// throughput); an idle process gives everything back within kMaxIdleNs.
constexpr uint64_t kIdleNs = 1000000000;
constexpr uint64_t kMaxIdleNs = 8000000000;
// The pool's thread wakes this often while the pool holds anything.
constexpr uint64_t kTickNs = 250000000;
// While requests keep coming (one within kMaxIdleNs), the newest idle regions
// up to this many bytes stay past the horizon, whatever the reserve target.
// On this VM the host takes back memory the guest frees (virtio free page
// reporting, 2 MiB blocks), so a region unmapped at the horizon and mapped
// again a second later faults 1.4-5 ms of CPU per MB against 0.1 reused
// (docs/performance-notes.md): a program whose results of tens of MB come in
// bursts a few seconds apart (a server between requests, W18's rows between
// their hand-loop baselines) paid that on the first calls of every burst.
// A quiet process still gives everything back kMaxIdleNs after its last
// request; the bound keeps the RSS it holds small against the idle bound.
constexpr size_t kWarmBytes = size_t{256} << 20;
constexpr size_t kMaxIdleBytes = size_t{1} << 30;
// A region given back when the idle bound has no room for it (a 2 GiB
// result, or a second 1 GiB one) stays idle past that bound for at most this
// long (and at most the horizon), under the total bound, for the next request
// of about its length: a loop of `using r = a.copy()` over a 2 GiB view then
// reuses its region each round instead of faulting fresh memory (W9: 4.25x the
// per-element time of a copy that fitted). Short, because it is RAM the idle
// bound does not cover; a request that would otherwise pass the total bound
// unmaps such regions first.
constexpr uint64_t kMaxOverIdleNs = 2000000000;
// Room for three 1 GiB results (RAM/6 on this 23 GiB VM is 3.9 GiB; RAM/8
// was 2.9): the one being made, the one the program dropped, and the one
// before it, which V8 has often not collected yet (bench/async.js rounds
// showed two dead 1 GiB results held). With two, such a round's result took
// ordinary memory and faulted it all (1.8-3.2 s against 0.6-0.9 s). The
// bound also bounds RSS, and must stay (#14): V8 does not collect dropped
// pool buffers as it does its own. A synchronous loop of 2 GiB copies,
// served past the bound from fresh regions, had 10 GiB of dropped results
// still in use after five rounds (RSS 12 GiB), with or without
// napi_adjust_external_memory; the same loop in ordinary memory had V8
// free them by the third round (RSS at most 8 GiB). Past the bound, the
// ordinary memory a result takes is what makes V8 collect.
constexpr size_t kMaxTotalBytes = size_t{4} << 30;
// A request longer than half the total bound (a 2 GiB result) may hold up to
// two of its length, at most RAM/4: `x = a.copy()` in a loop keeps the last
// result while making the next (NumPy's `x = a.copy()` holds two as well),
// and with room for one the rounds alternated between a reused region and
// ordinary memory that faults every page (W9: copy() just over 2 GiB 3.98x
// the time of one that reused its region; big_rounds.js --sync-drop: 0.5 s
// of CPU reused, 1.9-7.5 s in ordinary memory, at load 20). The RSS is the
// same either way: the result the pool refuses takes ordinary memory.
constexpr uint64_t kStretchRamDivisor = 4;
// The thread pre-faults in steps of this much, checking for StopTrimmer
// between them. The last env's teardown joins the thread, so one step bounds
// how long exit waits: a 64 MiB step of fresh huge pages took 0.75 s under
// load, past the 500 ms a jest worker gets to exit before it is killed (the
// "failed to exit gracefully" warning); 8 MiB is four huge pages.
constexpr size_t kPopulateStep = size_t{8} << 20;

struct Idle {
  Region region;
  uint64_t since;  // uv_hrtime() when it was released or pre-faulted
  bool zeroed;     // zero pages: pre-faulted by the thread, never handed out
  bool over;       // kept past the idle bound (kMaxOverIdleNs): counted in over_bytes, not idle_bytes
};

// Everything below is guarded by mu (libuv's primitives: Node exports them,
// so they add no glibc symbol version to the binary).
uv_once_t once = UV_ONCE_INIT;
uv_mutex_t mu;
uv_cond_t wake;
uv_cond_t made;  // broadcast when the thread ends a MakeReserve
// Newest last. On the heap, not static objects: a thread still blocked at
// process exit must not find them destroyed. Made on first use and freed when
// the last env closes (DrainRegions, after StopTrimmer), because Node may then
// unload the addon and a pointer kept in its statics would leak.
std::vector<Idle>* idle = nullptr;
std::vector<Region>* doomed = nullptr;  // taken back past the idle bound: the thread unmaps them
size_t idle_bytes = 0;
size_t zeroed_bytes = 0;  // the part of idle_bytes that is reserve
size_t idle_limit = 0;
size_t over_bytes = 0;  // idle regions kept past idle_limit (see kMaxOverIdleNs)
size_t in_use_bytes = 0;  // handed out by AcquireRegion, or being pre-faulted by the thread
size_t total_limit = 0;
size_t stretch_limit = 0;  // the most a request longer than total_limit / 2 may stretch it to
uint64_t fresh_maps = 0;  // mappings AcquireRegion made (tests tell reuse from it)
uint64_t reserve_maps = 0;  // mappings the thread made and pre-faulted
// Requests AcquireRegion served from idle regions: ones that held old bytes
// within the idle bound, the reserve's zero ones, and ones kept past the bound.
uint64_t idle_hits = 0;
uint64_t reserve_hits = 0;
uint64_t over_hits = 0;
uint64_t kept_bytes = 0;  // given back by ReleaseRegion and kept (idle or over), in all
// The reserve target: idle bytes the thread keeps ready. A miss (a request
// no idle region fits) adds its length, up to idle_limit; it halves once per
// kIdleNs without a miss and is 0 once no request came for kIdleNs.
size_t want_bytes = 0;
size_t miss_length = 0;  // the last miss's length: what the thread maps
size_t making_length = 0;  // what the thread is pre-faulting now (0: nothing)
size_t making_done = 0;  // how much of it is faulted in so far
uint64_t last_miss = 0;
uint64_t last_request = 0;
uint64_t request_gap = 0;  // between the last two requests (see kIdleNs)
bool trimmer_started = false;
bool trimmer_stop = false;
uv_thread_t trimmer;

void InitOnce() {
  if (uv_mutex_init(&mu) != 0 || uv_cond_init(&wake) != 0 || uv_cond_init(&made) != 0) abort();
  uint64_t ram = uv_get_total_memory();
  idle_limit = ram == 0 ? kMaxIdleBytes : static_cast<size_t>(std::min<uint64_t>(kMaxIdleBytes, ram / 16));
  total_limit = ram == 0 ? kMaxTotalBytes : static_cast<size_t>(std::min<uint64_t>(kMaxTotalBytes, ram / 6));
  stretch_limit = ram == 0 ? total_limit : std::max(total_limit, static_cast<size_t>(ram / kStretchRamDivisor));
}

void Lock() {
  uv_once(&once, InitOnce);
  uv_mutex_lock(&mu);
  if (idle == nullptr) idle = new std::vector<Idle>();
  if (doomed == nullptr) doomed = new std::vector<Region>();
}

// The idle horizon (see kIdleNs); with mu held.
uint64_t HorizonNs() {
  return request_gap >= kMaxIdleNs / 4 ? kMaxIdleNs : std::max(kIdleNs, 4 * request_gap);
}

// Handed out, idle and kept past the idle bound: what total_limit bounds; with mu held.
size_t HeldBytes() { return in_use_bytes + idle_bytes + over_bytes; }

// The total bound for a request of `length` (a multiple of kRegionAlign):
// total_limit, or room for two of it when it is longer than half of that
// (kStretchRamDivisor); with mu held.
size_t LimitFor(size_t length) {
  if (length <= total_limit / 2 || length > stretch_limit / 2) return total_limit;
  return std::max(total_limit, 2 * length);
}

// Queues regions kept past the idle bound for the thread to unmap, oldest
// first, until `length` more fits `limit`; with mu held.
void ShedOver(size_t length, size_t limit) {
  for (size_t i = 0; i < idle->size() && over_bytes != 0 && HeldBytes() > limit - length;) {
    const Idle& e = (*idle)[i];
    if (!e.over) {
      i++;
      continue;
    }
    over_bytes -= e.region.length;
    doomed->push_back(e.region);
    idle->erase(idle->begin() + static_cast<std::ptrdiff_t>(i));
  }
}

void TrimLoop(void* arg);

// Adds `e` to the idle list (the caller counts its bytes), merged with the
// idle regions of its kind (zero or not) it touches: a region split for a
// shorter request comes back whole once both parts are idle, so a request of
// the original length finds it again. With mu held.
void PushIdle(Idle e) {
  for (size_t i = idle->size(); i-- > 0;) {
    const Idle& o = (*idle)[i];
    uintptr_t oa = reinterpret_cast<uintptr_t>(o.region.addr);
    uintptr_t ea = reinterpret_cast<uintptr_t>(e.region.addr);
    // SAFETY: only compares addresses. Both ranges are the pool's own
    // mappings (or whole aligned parts of them), so two that touch make one
    // range munmap takes whole (munmap may span mappings).
    if (o.zeroed != e.zeroed || o.over != e.over || (oa + o.region.length != ea && ea + e.region.length != oa)) continue;
    e.region.addr = reinterpret_cast<void*>(std::min(oa, ea));
    e.region.length += o.region.length;
    idle->erase(idle->begin() + static_cast<std::ptrdiff_t>(i));
  }
  idle->push_back(e);
}

// Starts the pool's thread if it is not running; with mu held. False when it
// cannot start (then nothing may wait for it).
bool EnsureThread() {
  if (!trimmer_started) trimmer_started = uv_thread_create(&trimmer, TrimLoop, nullptr) == 0;
  return trimmer_started;
}

// A fresh kRegionAlign-aligned mapping of `length` (a multiple of it): map
// one alignment more, then unmap the unaligned head and the tail, and ask
// for huge pages (MADV_HUGEPAGE): see the header (a fresh huge page can cost
// 20x a reused one, which is why the reserve faults them on the pool's
// thread; later passes over a result in 4 KiB pages pay the page walks).
Region MapAligned(size_t length) {
  size_t padded;
  if (__builtin_add_overflow(length, kRegionAlign, &padded)) return {nullptr, 0};
  void* raw = mmap(nullptr, padded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return {nullptr, 0};
  uintptr_t base = reinterpret_cast<uintptr_t>(raw);
  uintptr_t aligned = (base + kRegionAlign - 1) & ~(uintptr_t{kRegionAlign} - 1);
  size_t head = aligned - base;
  size_t tail = padded - head - length;
  // SAFETY: [base, base + padded) is the mapping just made; head + length +
  // tail == padded, so both trims lie inside it and leave [aligned,
  // aligned + length) mapped.
  if (head != 0) munmap(raw, head);
  if (tail != 0) munmap(reinterpret_cast<void*>(aligned + length), tail);
  // SAFETY: [aligned, aligned + length) is the mapping kept above. A failure
  // leaves 4 KiB pages, which are correct too.
  (void)madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
  return {reinterpret_cast<void*>(aligned), length};
}

// Faults in [r.addr + from, r.addr + to) as zero pages.
void PopulateRange(Region r, size_t from, size_t to) {
  char* p = static_cast<char*>(r.addr);
  // SAFETY: from <= to <= r.length (the caller's loop), and r is a writable
  // mapping only this thread reaches until it is pushed idle.
  if (madvise(p + from, to - from, MADV_POPULATE_WRITE) == 0) return;
  // Pre-5.14 kernels: one write per 4 KiB page (at most the page size, so
  // every page is written); writing 0 faults in a private zero page.
  for (size_t i = from; i < to; i += 4096) static_cast<volatile char*>(p)[i] = 0;
}

// Maps and pre-faults one reserve region of `length`, outside the lock; with
// mu held on entry and on return. Gives it up if StopTrimmer comes meanwhile.
void MakeReserve(size_t length) {
  in_use_bytes += length;  // counted against the bound while being made
  making_length = length;
  uv_mutex_unlock(&mu);
  Region r = MapAligned(length);
  bool stopped = false;
  for (size_t at = 0; r.addr != nullptr && at < length && !stopped; at += kPopulateStep) {
    size_t to = std::min(length, at + kPopulateStep);
    PopulateRange(r, at, to);
    uv_mutex_lock(&mu);
    stopped = trimmer_stop;
    making_done = to;
    uv_mutex_unlock(&mu);
  }
  if (r.addr != nullptr && stopped) {
    UnmapRegion(r);
    r = {nullptr, 0};
  }
  uv_mutex_lock(&mu);
  in_use_bytes -= length;
  making_length = 0;
  making_done = 0;
  uv_cond_broadcast(&made);
  if (r.addr == nullptr) {
    want_bytes = 0;  // no memory (or stopping): do not retry every tick
    return;
  }
  idle_bytes += length;
  PushIdle({r, uv_hrtime(), true, false});
  zeroed_bytes += length;
  reserve_maps++;
}

// The pool's thread: unmaps what was queued and the regions idle for kIdleNs
// beyond the reserve target, outside the lock, and pre-faults regions up to
// the target; sleeps while there is nothing to do. Runs until StopTrimmer
// (the last env closing: Node may then unload the addon, and this code with
// it), or for the life of the process (a blocked thread does not hold exit up).
void TrimLoop(void* /*arg*/) {
#if defined(__linux__)
  // Named, so `top -H`, /proc/<pid>/task/*/comm and bench/async.js's
  // per-thread CPU tell its unmaps and pre-faults from the kernels' threads.
  // prctl names the calling thread and is in every glibc; pthread_setname_np
  // would raise the addon's glibc floor to 2.34 (scripts/check-glibc.js).
  (void)prctl(PR_SET_NAME, "mmarray-pool", 0, 0, 0);
#endif
  std::vector<Region> expired;
  uv_mutex_lock(&mu);
  while (!trimmer_stop) {
    uint64_t now = uv_hrtime();
    uint64_t horizon = HorizonNs();
    uint64_t over_horizon = std::min(horizon, kMaxOverIdleNs);
    if (want_bytes != 0 && now - last_request >= horizon) {
      want_bytes = 0;
    } else if (want_bytes != 0 && now - last_miss >= horizon) {
      want_bytes = (want_bytes / 2) & ~(kRegionAlign - 1);
      last_miss = now;  // halved again a horizon later at the earliest
    }
    // Oldest first; keeps the newest floor_bytes: the reserve target, or
    // kWarmBytes while requests come (regions past the idle bound are never
    // part of either).
    size_t keep_bytes = idle_bytes;
    size_t floor_bytes = std::max(want_bytes, now - last_request < kMaxIdleNs ? std::min(kWarmBytes, idle_limit) : 0);
    auto keep = std::stable_partition(idle->begin(), idle->end(), [&](const Idle& e) {
      if (e.over) return now - e.since < over_horizon;
      bool expire = now - e.since >= horizon && keep_bytes - e.region.length >= floor_bytes;
      if (expire) keep_bytes -= e.region.length;
      return !expire;
    });
    for (auto it = keep; it != idle->end(); ++it) {
      expired.push_back(it->region);
      (it->over ? over_bytes : idle_bytes) -= it->region.length;
      if (it->zeroed) zeroed_bytes -= it->region.length;
    }
    idle->erase(keep, idle->end());
    expired.insert(expired.end(), doomed->begin(), doomed->end());
    doomed->clear();
    if (!expired.empty()) {
      uv_mutex_unlock(&mu);
      for (const Region& r : expired) UnmapRegion(r);
      expired.clear();
      uv_mutex_lock(&mu);
      continue;
    }
    size_t length = miss_length;
    if (!trimmer_stop && idle_bytes < want_bytes && length != 0 && length <= total_limit &&
        HeldBytes() <= total_limit - length && length <= idle_limit - idle_bytes) {
      MakeReserve(length);
      continue;
    }
    if (trimmer_stop) break;
    if (idle->empty() && want_bytes == 0) {
      uv_cond_wait(&wake, &mu);
    } else {
      (void)uv_cond_timedwait(&wake, &mu, kTickNs);
    }
  }
  uv_mutex_unlock(&mu);
}

// Whether the idle region `e` may serve a request of `length` (rounded):
// long enough, and more than half as long when kept past the idle bound
// (split for a short request, what is left would fit neither the next
// request of its size nor the idle bound).
bool Serves(const Idle& e, size_t length) {
  return e.region.length >= length && !(e.over && length <= e.region.length / 2);
}

// Takes the idle region that fits `length` best, or {nullptr, 0}; with mu held.
Region TakeIdle(size_t length, bool zeroed, bool* recycled) {
  // The best: the one matching `zeroed` (no clearing for a zeroed request;
  // zero pages kept for such requests otherwise), then the shortest, then the
  // newest (the likeliest still in cache).
  size_t best = idle->size();
  for (size_t i = idle->size(); i-- > 0;) {
    const Idle& e = (*idle)[i];
    if (!Serves(e, length)) continue;
    if (best == idle->size()) {
      best = i;
      continue;
    }
    const Idle& b = (*idle)[best];
    bool e_match = e.zeroed == zeroed;
    bool b_match = b.zeroed == zeroed;
    if (e_match != b_match ? e_match : e.region.length < b.region.length) best = i;
  }
  if (best != idle->size()) {
    Idle& e = (*idle)[best];
    Region r{e.region.addr, length};
    *recycled = !e.zeroed;
    if (e.zeroed) zeroed_bytes -= length;
    (e.over ? over_bytes : idle_bytes) -= length;
    (e.over ? over_hits : e.zeroed ? reserve_hits : idle_hits)++;
    if (e.region.length == length) {
      idle->erase(idle->begin() + static_cast<std::ptrdiff_t>(best));
    } else {
      // SAFETY: length < e.region.length, both multiples of kRegionAlign, so
      // the tail [addr + length, addr + old length) is a whole, aligned part
      // of the same mapping; munmap takes any part of a mapping later.
      e.region.addr = static_cast<char*>(e.region.addr) + length;
      e.region.length -= length;
    }
    in_use_bytes += length;
    if (idle_bytes < want_bytes) uv_cond_signal(&wake);
    return r;
  }
  return {nullptr, 0};
}

}  // namespace

namespace {

// AcquireRegion and AcquireRegionNow: `reserve` is whether a miss raises the
// reserve target (and may wait for the region the thread is making).
Region Acquire(size_t bytes, bool zeroed, bool* recycled, bool reserve) {
  *recycled = false;
  if (bytes == 0) return {nullptr, 0};
  size_t length;
  if (__builtin_add_overflow(bytes, kRegionAlign - 1, &length)) return {nullptr, 0};
  length &= ~(kRegionAlign - 1);
  Lock();
  uint64_t now = uv_hrtime();
  request_gap = last_request == 0 ? 0 : now - last_request;
  last_request = now;
  Region r = TakeIdle(length, zeroed, recycled);
  if (r.addr != nullptr) {
    uv_mutex_unlock(&mu);
    return r;
  }
  // A miss: the thread pre-faults regions of this length up to the raised
  // target, so the next miss finds one (unless there is no thread).
  if (reserve && EnsureThread()) {
    want_bytes = std::min(idle_limit & ~(kRegionAlign - 1), want_bytes > SIZE_MAX - length ? SIZE_MAX : want_bytes + length);
    miss_length = length;
    last_miss = now;
    uv_cond_signal(&wake);
    // The thread is pre-faulting a region that fits and has at most `length`
    // left to fault: waiting for the rest of it costs no more than faulting a
    // whole fresh one here. (A 64 MiB request does not wait for a 1 GiB
    // region that has just begun: that held the JS thread for its whole fault.)
    // This wait is the one sleep bench/fresh_rounds.js finds in W18's slow
    // rounds (0.5-0.7 s, now and then, at load 8-14); their usual cause there
    // is the JS thread's run-queue wait. Taking the region unfinished and
    // faulting the rest on the JS thread did not shorten them (80 MB: median
    // 0.24-0.95 s against 0.11-1.1 s waiting, three interleaved runs): the
    // pages cost the same whichever thread faults them (#14).
    if (making_length >= length && making_length - making_done <= length) {
      while (making_length != 0) uv_cond_wait(&made, &mu);
      r = TakeIdle(length, zeroed, recycled);
      if (r.addr != nullptr) {
        uv_mutex_unlock(&mu);
        return r;
      }
    }
  }
  // Counted before mapping (outside the lock), so racing callers stay
  // bounded. Regions kept past the idle bound give way first: this request
  // would otherwise take ordinary memory, which faults as fresh.
  size_t limit = LimitFor(length);
  if (length <= limit && HeldBytes() > limit - length) {
    ShedOver(length, limit);
    uv_cond_signal(&wake);
  }
  if (length > limit || HeldBytes() > limit - length) {
    uv_mutex_unlock(&mu);
    return {nullptr, 0};
  }
  in_use_bytes += length;
  fresh_maps++;
  uv_mutex_unlock(&mu);
  r = MapAligned(length);
  if (r.addr == nullptr) {
    Lock();
    in_use_bytes -= length;
    uv_mutex_unlock(&mu);
  }
  return r;
}

}  // namespace

Region AcquireRegion(size_t bytes, bool zeroed, bool* recycled) { return Acquire(bytes, zeroed, recycled, true); }

Region AcquireRegionNow(size_t bytes, bool zeroed, bool* recycled) { return Acquire(bytes, zeroed, recycled, false); }

bool ReleaseRegion(Region r) {
  Lock();
  in_use_bytes -= r.length;
  if (!EnsureThread()) {
    uv_mutex_unlock(&mu);
    return false;  // no thread to ever give it back: do not keep it
  }
  kept_bytes += r.length;
  if (r.length <= idle_limit - idle_bytes) {
    idle_bytes += r.length;
    PushIdle({r, uv_hrtime(), false, false});
  } else {
    // No room under the idle bound: kept a short while past it for the next
    // request of its size (kMaxOverIdleNs). It was counted as handed out, so
    // the total bound still holds. The thread unmaps it if none comes
    // (unmapping 4 KiB pages costs ~0.4 ms/MB: never on the caller's thread).
    over_bytes += r.length;
    PushIdle({r, uv_hrtime(), false, true});
  }
  uv_cond_signal(&wake);
  uv_mutex_unlock(&mu);
  return true;
}

bool IdleServes(size_t bytes) {
  size_t length;
  if (bytes == 0 || __builtin_add_overflow(bytes, kRegionAlign - 1, &length)) return false;
  length &= ~(kRegionAlign - 1);
  Lock();
  bool any = std::any_of(idle->begin(), idle->end(), [length](const Idle& e) { return Serves(e, length); });
  uv_mutex_unlock(&mu);
  return any;
}

void ReturnRegion(Region r) {
  if (!ReleaseRegion(r)) UnmapRegion(r);
}

void RetireRegion(Region r) {
  Lock();
  in_use_bytes -= r.length;
  uv_mutex_unlock(&mu);
  UnmapRegion(r);
}

void UnmapRegion(Region r) {
  // Its pages first, in pieces (gradual_release.h): one munmap of a region
  // in 4 KiB pages (no huge pages to be had) held the event loop's thread.
  ReleasePagesGradually(r.addr, r.length);
  // SAFETY: r is exactly a mapping MapAligned made, or a whole aligned part
  // of one (the caller's contract), and nothing reaches it any more.
  munmap(r.addr, r.length);
}

void DrainRegions() {
  Lock();
  std::vector<Idle> all;
  all.swap(*idle);
  std::vector<Region> queued;
  queued.swap(*doomed);
  idle_bytes = 0;
  over_bytes = 0;
  zeroed_bytes = 0;
  want_bytes = 0;
  // The last env's teardown calls this after StopTrimmer; unless an env that
  // started meanwhile restarted the thread, no thread holds the vectors, and
  // a later env's Lock() makes new ones.
  if (!trimmer_started) {
    delete idle;
    idle = nullptr;
    delete doomed;
    doomed = nullptr;
  }
  uv_mutex_unlock(&mu);
  for (const Idle& e : all) UnmapRegion(e.region);
  for (const Region& r : queued) UnmapRegion(r);
}

void StopTrimmer() {
  Lock();
  bool running = trimmer_started;
  trimmer_stop = true;
  uv_cond_signal(&wake);
  uv_mutex_unlock(&mu);
  if (running) uv_thread_join(&trimmer);
  Lock();
  trimmer_started = false;
  trimmer_stop = false;
  uv_mutex_unlock(&mu);
}

size_t IdleRegionBytes() {
  Lock();
  size_t n = idle_bytes;
  uv_mutex_unlock(&mu);
  return n;
}

size_t IdleRegionLimit() {
  Lock();
  size_t n = idle_limit;
  uv_mutex_unlock(&mu);
  return n;
}

size_t InUseRegionBytes() {
  Lock();
  size_t n = in_use_bytes;
  uv_mutex_unlock(&mu);
  return n;
}

size_t HandedOutRegionBytes() {
  Lock();
  // making_length is counted in in_use_bytes while the reserve is made
  // (MakeReserve sets and clears both under mu).
  size_t n = in_use_bytes - making_length;
  uv_mutex_unlock(&mu);
  return n;
}

size_t TotalRegionLimit() {
  Lock();
  size_t n = total_limit;
  uv_mutex_unlock(&mu);
  return n;
}

size_t StretchRegionLimit() {
  Lock();
  size_t n = stretch_limit;
  uv_mutex_unlock(&mu);
  return n;
}

uint64_t IdleHorizonNs() {
  Lock();
  uint64_t n = HorizonNs();
  uv_mutex_unlock(&mu);
  return n;
}

uint64_t FreshRegionMaps() {
  Lock();
  uint64_t n = fresh_maps;
  uv_mutex_unlock(&mu);
  return n;
}

size_t ReserveRegionBytes() {
  Lock();
  size_t n = zeroed_bytes;
  uv_mutex_unlock(&mu);
  return n;
}

size_t ReserveRegionTarget() {
  Lock();
  size_t n = want_bytes;
  uv_mutex_unlock(&mu);
  return n;
}

uint64_t ReserveRegionMaps() {
  Lock();
  uint64_t n = reserve_maps;
  uv_mutex_unlock(&mu);
  return n;
}

size_t OverIdleBytes() {
  Lock();
  size_t n = over_bytes;
  uv_mutex_unlock(&mu);
  return n;
}

RegionHits RegionHitCounts() {
  Lock();
  RegionHits h{idle_hits, reserve_hits, over_hits, kept_bytes};
  uv_mutex_unlock(&mu);
  return h;
}

}  // namespace mmarray
