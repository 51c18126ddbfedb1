#include "region_pool.h"

#include <sys/mman.h>
#include <uv.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mmarray {
namespace {

// A region idle this long is unmapped: a loop that makes one result per
// iteration reuses its buffers long before, an idle process gives them back.
constexpr uint64_t kIdleNs = 1000000000;
// The trimmer wakes this often while the pool holds anything.
constexpr uint64_t kTickNs = 250000000;
constexpr size_t kMaxIdleBytes = size_t{1} << 30;
constexpr size_t kMaxTotalBytes = size_t{2} << 30;

struct Idle {
  Region region;
  uint64_t since;  // uv_hrtime() when it was released
};

// Everything below is guarded by mu (libuv's primitives: Node exports them,
// so they add no glibc symbol version to the binary).
uv_once_t once = UV_ONCE_INIT;
uv_mutex_t mu;
uv_cond_t wake;
// Newest last. On the heap, not a static object: a trimmer thread still
// blocked at process exit must not find it destroyed. Made on first use and
// freed when the last env closes (DrainRegions, after StopTrimmer), because
// Node may then unload the addon and a pointer kept in its statics would leak.
std::vector<Idle>* idle = nullptr;
size_t idle_bytes = 0;
size_t idle_limit = 0;
size_t in_use_bytes = 0;  // handed out by AcquireRegion, not yet taken back
size_t total_limit = 0;
uint64_t fresh_maps = 0;  // mappings made so far (tests tell reuse from it)
bool trimmer_started = false;
bool trimmer_stop = false;
uv_thread_t trimmer;

void InitOnce() {
  if (uv_mutex_init(&mu) != 0 || uv_cond_init(&wake) != 0) abort();
  uint64_t ram = uv_get_total_memory();
  idle_limit = ram == 0 ? kMaxIdleBytes : static_cast<size_t>(std::min<uint64_t>(kMaxIdleBytes, ram / 16));
  total_limit = ram == 0 ? kMaxTotalBytes : static_cast<size_t>(std::min<uint64_t>(kMaxTotalBytes, ram / 8));
}

void Lock() {
  uv_once(&once, InitOnce);
  uv_mutex_lock(&mu);
  if (idle == nullptr) idle = new std::vector<Idle>();
}

// Unmaps the regions idle for kIdleNs, outside the lock; sleeps while the
// pool is empty. Runs until StopTrimmer (the last env closing: Node may then
// unload the addon, and this code with it), or for the life of the process
// (a blocked thread does not hold exit up).
void TrimLoop(void* /*arg*/) {
  std::vector<Region> expired;
  uv_mutex_lock(&mu);
  while (!trimmer_stop) {
    if (idle->empty()) {
      uv_cond_wait(&wake, &mu);
    } else {
      (void)uv_cond_timedwait(&wake, &mu, kTickNs);
    }
    uint64_t now = uv_hrtime();
    auto keep = std::stable_partition(idle->begin(), idle->end(), [now](const Idle& e) { return now - e.since < kIdleNs; });
    for (auto it = keep; it != idle->end(); ++it) {
      expired.push_back(it->region);
      idle_bytes -= it->region.length;
    }
    idle->erase(keep, idle->end());
    if (expired.empty()) continue;
    uv_mutex_unlock(&mu);
    for (const Region& r : expired) UnmapRegion(r);
    expired.clear();
    uv_mutex_lock(&mu);
  }
  uv_mutex_unlock(&mu);
}

// A fresh kRegionAlign-aligned mapping of `length` (a multiple of it): map
// one alignment more, then unmap the unaligned head and the tail.
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
  void* addr = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
  // One fault per 2 MiB instead of 512 (NumPy asks the same for large
  // arrays). Advice only: without THP the region works the same.
  madvise(addr, length, MADV_HUGEPAGE);
#endif
  return {addr, length};
}

}  // namespace

Region AcquireRegion(size_t bytes, bool* recycled) {
  *recycled = false;
  if (bytes == 0) return {nullptr, 0};
  size_t length;
  if (__builtin_add_overflow(bytes, kRegionAlign - 1, &length)) return {nullptr, 0};
  length &= ~(kRegionAlign - 1);
  Lock();
  // The newest idle region of that length: the likeliest still in cache.
  for (size_t i = idle->size(); i-- > 0;) {
    if ((*idle)[i].region.length != length) continue;
    Region r = (*idle)[i].region;
    idle->erase(idle->begin() + static_cast<std::ptrdiff_t>(i));
    idle_bytes -= length;
    in_use_bytes += length;
    uv_mutex_unlock(&mu);
    *recycled = true;
    return r;
  }
  // Counted before mapping (outside the lock), so racing callers stay bounded.
  if (length > total_limit || in_use_bytes + idle_bytes > total_limit - length) {
    uv_mutex_unlock(&mu);
    return {nullptr, 0};
  }
  in_use_bytes += length;
  fresh_maps++;
  uv_mutex_unlock(&mu);
  Region r = MapAligned(length);
  if (r.addr == nullptr) {
    Lock();
    in_use_bytes -= length;
    uv_mutex_unlock(&mu);
  }
  return r;
}

bool ReleaseRegion(Region r) {
  Lock();
  in_use_bytes -= r.length;
  if (r.length > idle_limit - idle_bytes) {
    uv_mutex_unlock(&mu);
    return false;
  }
  idle->push_back({r, uv_hrtime()});
  idle_bytes += r.length;
  bool start = !trimmer_started;
  if (start) trimmer_started = uv_thread_create(&trimmer, TrimLoop, nullptr) == 0;
  if (start && !trimmer_started) {
    // No thread to ever give it back: do not keep it.
    idle->pop_back();
    idle_bytes -= r.length;
    uv_mutex_unlock(&mu);
    return false;
  }
  uv_cond_signal(&wake);
  uv_mutex_unlock(&mu);
  return true;
}

void RetireRegion(Region r) {
  Lock();
  in_use_bytes -= r.length;
  uv_mutex_unlock(&mu);
  UnmapRegion(r);
}

void UnmapRegion(Region r) {
  // SAFETY: r is exactly a mapping MapAligned made (the caller's contract),
  // and nothing reaches it any more.
  munmap(r.addr, r.length);
}

void DrainRegions() {
  Lock();
  std::vector<Idle> all;
  all.swap(*idle);
  idle_bytes = 0;
  // The last env's teardown calls this after StopTrimmer; unless an env that
  // started meanwhile restarted the trimmer, no thread holds the vector, and
  // a later env's Lock() makes a new one.
  if (!trimmer_started) {
    delete idle;
    idle = nullptr;
  }
  uv_mutex_unlock(&mu);
  for (const Idle& e : all) UnmapRegion(e.region);
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

size_t TotalRegionLimit() {
  Lock();
  size_t n = total_limit;
  uv_mutex_unlock(&mu);
  return n;
}

uint64_t FreshRegionMaps() {
  Lock();
  uint64_t n = fresh_maps;
  uv_mutex_unlock(&mu);
  return n;
}

}  // namespace mmarray
