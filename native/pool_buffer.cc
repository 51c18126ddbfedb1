#include "pool_buffer.h"

#include <sys/mman.h>
#include <uv.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "env_state.h"
#include "region_pool.h"

namespace mmarray {
namespace {

// Node 20 refuses external ArrayBuffers above 4 GiB (and typed arrays hold
// at most 2^32 items); JS allocates those itself.
constexpr double kMaxBytes = 4294967296.0;

struct UnmapRequest {
  uv_work_t req;
  Region region;
};

struct PoolEnv;

// One buffer handed out: its region, and a weak reference to the ArrayBuffer.
struct Ticket {
  Region region;
  napi_ref weak;     // empty once V8 collected the buffer; nullptr once reclaimed
  PoolEnv* owner;
  bool reclaimed;    // the region went back through `weak`: Finalize only frees this
};

// Per env (JS thread only): the buffers it handed out, not yet finalized.
struct PoolEnv {
  std::vector<Ticket*> live;  // not yet reclaimed either: what Reclaim scans
  size_t tickets = 0;         // every Ticket not yet freed (they point here)
  // Reclaiming through the weak reference needs the buffer object's death to
  // mean its memory's: true while nothing can move the memory to another
  // ArrayBuffer. Node marks these buffers untransferable (postMessage and
  // structuredClone copy them), and Node 20 has no
  // ArrayBuffer.prototype.transfer; where it exists (Node >= 21) this is
  // false and only the finalizer returns regions.
  bool weak_reuse = false;
  bool closing = false;
};

// Envs with the addon loaded; the last to close unmaps the idle regions.
std::atomic<int> live_envs{0};

void Forget(Ticket* t) {
  PoolEnv* pe = t->owner;
  auto it = std::find(pe->live.begin(), pe->live.end(), t);
  if (it != pe->live.end()) pe->live.erase(it);
  delete t;
  if (--pe->tickets == 0 && pe->closing) delete pe;
}

// Hands a region no JS can reach back to the pool (which keeps it idle or has
// its own thread unmap it), or, when the pool has no thread, has it unmapped
// on the libuv thread pool, or here when there is no loop.
void GiveBack(napi_env env, Region region) {
  if (ReleaseRegion(region)) return;
  uv_loop_t* loop = nullptr;
  if (napi_get_uv_event_loop(env, &loop) == napi_ok && loop != nullptr) {
    auto* r = new UnmapRequest{{}, region};
    int rc = uv_queue_work(
        loop, &r->req, [](uv_work_t* req) { UnmapRegion(reinterpret_cast<UnmapRequest*>(req)->region); },
        [](uv_work_t* req, int /*status*/) { delete reinterpret_cast<UnmapRequest*>(req); });
    if (rc == 0) return;
    delete r;
  }
  UnmapRegion(region);
}

// The finalizer: Node runs it on the JS thread on a later turn (it defers
// external ArrayBuffer finalizers with SetImmediate), once the buffer's
// backing store is gone. A loop that never yields never sees it: Reclaim
// covers that. At env teardown Node calls it for buffers JS may still hold,
// so then the region is unmapped and never reused.
void Finalize(napi_env env, void* /*data*/, void* hint) {
  auto* t = static_cast<Ticket*>(hint);
  if (!t->reclaimed) {
    if (t->owner->closing || EnvClosing(Napi::Env(env))) {
      RetireRegion(t->region);
    } else {
      GiveBack(env, t->region);
    }
    // At teardown Node frees the env's references itself.
    if (t->weak != nullptr && !t->owner->closing) napi_delete_reference(env, t->weak);
  }
  Forget(t);
}

// Returns to the pool the regions of buffers V8 has collected whose
// finalizers have not run yet (a synchronous loop of copies never yields to
// run them). A weak reference is emptied in the GC pause that collects the
// buffer, so an empty one means no JS object reaches the buffer; with no
// transfer possible (weak_reuse), none reaches its memory either.
// Reclaimed tickets leave `live` here (their finalizers may be many turns
// away), so the scan stays as short as the buffers alive.
void Reclaim(napi_env env, PoolEnv* pe) {
  if (!pe->weak_reuse) return;
  auto still = std::remove_if(pe->live.begin(), pe->live.end(), [env](Ticket* t) {
    napi_value v = nullptr;
    if (napi_get_reference_value(env, t->weak, &v) != napi_ok || v != nullptr) return false;
    napi_delete_reference(env, t->weak);
    t->weak = nullptr;
    t->reclaimed = true;
    GiveBack(env, t->region);
    return true;
  });
  pe->live.erase(still, pe->live.end());
}

// The ArrayBuffer over a region this env hands out (poolBuffer,
// HandRegion): a ticket, the buffer with Finalize, and the weak reference
// Reclaim reads. On kRefused the region is still the caller's.
HandOutcome HandOut(napi_env env, PoolEnv* pe, Region region, size_t length, napi_value* out) {
  auto* t = new Ticket{region, nullptr, pe, false};
  pe->tickets++;
  napi_status status = napi_create_external_arraybuffer(env, region.addr, length, Finalize, t, out);
  if (status != napi_ok) {
    bool pending = false;
    if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
      napi_value ignored;
      napi_get_and_clear_last_exception(env, &ignored);
    }
    // Only a refusal before Node took the memory leaves it ours: on a later
    // failure Node has called (or queued) Finalize already.
    if (status != napi_no_external_buffers_allowed) return HandOutcome::kLost;
    pe->tickets--;
    delete t;
    return HandOutcome::kRefused;
  }
  if (napi_create_reference(env, *out, 0, &t->weak) == napi_ok) {
    pe->live.push_back(t);
  } else {
    t->weak = nullptr;  // never reclaimed early: the finalizer returns it
  }
  // V8 counts an external ArrayBuffer's bytes as it counts its own, so the
  // GC runs (and returns regions to the pool) as often as for its own
  // buffers; no napi_adjust_external_memory (that would count them twice).
  return HandOutcome::kHanded;
}

// This thread's env state (one env per thread: the main thread's, or a
// worker's), for HandRegion; null before InitPoolBuffer and once it closes.
thread_local PoolEnv* tl_pool_env = nullptr;

// poolBuffer(byteLength, uninitialized = false, now = false) -> ArrayBuffer,
// or null when byteLength is 0 or above 4 GiB or the pool cannot give the
// memory (the caller allocates in JS). Zeroed unless `uninitialized` is true:
// then a recycled region keeps its old bytes, for callers that overwrite
// every byte before JS can read one. With `now`, a miss maps fresh memory at
// once (AcquireRegionNow), for callers whose pool threads fault it.
Napi::Value PoolBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto* pe = static_cast<PoolEnv*>(info.Data());
  double n = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : -1;
  if (!(n >= 1 && n <= kMaxBytes) || std::floor(n) != n || pe->closing) return env.Null();
  bool uninitialized = info.Length() > 1 && info[1].IsBoolean() && info[1].As<Napi::Boolean>().Value();
  bool now = info.Length() > 2 && info[2].IsBoolean() && info[2].As<Napi::Boolean>().Value();
  size_t length = static_cast<size_t>(n);
  Reclaim(env, pe);
  bool recycled = false;
  Region region = now ? AcquireRegionNow(length, !uninitialized, &recycled) : AcquireRegion(length, !uninitialized, &recycled);
  if (region.addr == nullptr) return env.Null();
  // SAFETY: region spans at least `length` writable bytes (AcquireRegion),
  // and no JS object reaches it yet. A fresh or reserve region is zero pages
  // already.
  if (recycled && !uninitialized) std::memset(region.addr, 0, length);
  napi_value out;
  HandOutcome outcome = HandOut(env, pe, region, length, &out);
  if (outcome == HandOutcome::kRefused) RetireRegion(region);
  return outcome == HandOutcome::kHanded ? Napi::Value(env, out) : env.Null();
}

// releaseBuffer(buffer) -> boolean: an array's release(). Detaches `buffer`
// (an ArrayBuffer the library allocated), so every typed array, DataView and
// array view over it reads length 0 and the library's closed check fires;
// when it is one of this env's pool buffers, its region goes back to the pool
// now instead of after the GC and the deferred finalizer (a loop that never
// yields sees neither). True when a region went back; false for a buffer
// V8 allocated (detaching frees that memory) or one already detached.
// Throws when the buffer cannot be detached (a detach key, or not an
// ArrayBuffer): then nothing changed.
Napi::Value ReleaseBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto* pe = static_cast<PoolEnv*>(info.Data());
  if (info.Length() < 1 || !info[0].IsArrayBuffer()) {
    Napi::TypeError::New(env, "releaseBuffer needs an ArrayBuffer").ThrowAsJavaScriptException();
    return env.Null();
  }
  napi_value ab = info[0];
  void* data = nullptr;
  size_t length = 0;
  if (napi_get_arraybuffer_info(env, ab, &data, &length) != napi_ok) return env.Null();
  if (length == 0) return Napi::Boolean::New(env, false);
  // The live pool buffer over `data`, if any: at most one ticket in `live`
  // holds a region starting there (a region goes back to the pool only after
  // its ticket left `live`), and its weak reference must still reach this
  // very object (a ticket whose buffer was collected is not ours to take).
  Ticket* owner = nullptr;
  for (Ticket* t : pe->live) {
    if (t->region.addr != data) continue;
    napi_value v = nullptr;
    bool same = false;
    if (napi_get_reference_value(env, t->weak, &v) == napi_ok && v != nullptr &&
        napi_strict_equals(env, v, ab, &same) == napi_ok && same) {
      owner = t;
    }
    break;
  }
  if (napi_detach_arraybuffer(env, ab) != napi_ok) {
    if (!env.IsExceptionPending()) Napi::Error::New(env, "this ArrayBuffer cannot be detached").ThrowAsJavaScriptException();
    return env.Null();
  }
  if (owner == nullptr) return Napi::Boolean::New(env, false);
  // SAFETY: the buffer is detached, so no typed array, DataView or buffer
  // object reaches the region any more; sync kernels run no JS, and the JS
  // side refuses a release while an async job holds the buffer (release.ts).
  // The finalizer Node queues for the dropped backing store sees `reclaimed`
  // and only frees the ticket, as after Reclaim.
  napi_delete_reference(env, owner->weak);
  owner->weak = nullptr;
  owner->reclaimed = true;
  pe->live.erase(std::find(pe->live.begin(), pe->live.end(), owner));
  GiveBack(env, owner->region);
  return Napi::Boolean::New(env, true);
}

// poolReuse(byteLength) -> 0 when an idle region would serve a request of
// byteLength now (after taking back the regions of buffers V8 has collected),
// 1 when none would but a buffer this env handed out and V8 has not
// collected yet is at least that long (a GC may return it), 2 otherwise.
// For lib/gc-wait.ts's GC assist: a number, so it allocates nothing.
Napi::Value PoolReuse(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto* pe = static_cast<PoolEnv*>(info.Data());
  double n = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : -1;
  if (!(n >= 1 && n <= kMaxBytes) || std::floor(n) != n || pe->closing) return Napi::Number::New(env, 2);
  size_t length = static_cast<size_t>(n);
  Reclaim(env, pe);
  if (IdleServes(length)) return Napi::Number::New(env, 0);
  bool outstanding = std::any_of(pe->live.begin(), pe->live.end(), [length](const Ticket* t) { return t->region.length >= length; });
  return Napi::Number::New(env, outstanding ? 1 : 2);
}

// poolStats() -> { idleBytes, idleLimit, inUseBytes, totalLimit, stretchLimit, freshMaps,
// reserveBytes, reserveTarget, reserveMaps, idleHorizonMs, overBytes,
// idleHits, reserveHits, overHits, keptBytes } (tests, diagnostics).
Napi::Value PoolStats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object o = Napi::Object::New(env);
  o.Set("idleBytes", Napi::Number::New(env, static_cast<double>(IdleRegionBytes())));
  o.Set("idleLimit", Napi::Number::New(env, static_cast<double>(IdleRegionLimit())));
  o.Set("inUseBytes", Napi::Number::New(env, static_cast<double>(InUseRegionBytes())));
  o.Set("handedOutBytes", Napi::Number::New(env, static_cast<double>(HandedOutRegionBytes())));
  o.Set("totalLimit", Napi::Number::New(env, static_cast<double>(TotalRegionLimit())));
  o.Set("stretchLimit", Napi::Number::New(env, static_cast<double>(StretchRegionLimit())));
  o.Set("freshMaps", Napi::Number::New(env, static_cast<double>(FreshRegionMaps())));
  o.Set("reserveBytes", Napi::Number::New(env, static_cast<double>(ReserveRegionBytes())));
  o.Set("reserveTarget", Napi::Number::New(env, static_cast<double>(ReserveRegionTarget())));
  o.Set("reserveMaps", Napi::Number::New(env, static_cast<double>(ReserveRegionMaps())));
  o.Set("idleHorizonMs", Napi::Number::New(env, static_cast<double>(IdleHorizonNs()) / 1e6));
  o.Set("overBytes", Napi::Number::New(env, static_cast<double>(OverIdleBytes())));
  RegionHits hits = RegionHitCounts();
  o.Set("idleHits", Napi::Number::New(env, static_cast<double>(hits.idle)));
  o.Set("reserveHits", Napi::Number::New(env, static_cast<double>(hits.reserve)));
  o.Set("overHits", Napi::Number::New(env, static_cast<double>(hits.over)));
  o.Set("keptBytes", Napi::Number::New(env, static_cast<double>(hits.kept_bytes)));
  return o;
}

void OnEnvClosing(void* arg) {
  auto* pe = static_cast<PoolEnv*>(arg);
  pe->closing = true;
  if (tl_pool_env == pe) tl_pool_env = nullptr;
  if (pe->tickets == 0) delete pe;
  if (live_envs.fetch_sub(1) == 1) {
    StopTrimmer();
    DrainRegions();
  }
}

}  // namespace

HandOutcome HandRegion(napi_env env, Region region, size_t length, napi_value* out) {
  PoolEnv* pe = tl_pool_env;
  if (pe == nullptr || pe->closing || length == 0 || length > region.length || static_cast<double>(length) > kMaxBytes) {
    return HandOutcome::kRefused;
  }
  return HandOut(env, pe, region, length, out);
}

void InitPoolBuffer(Napi::Env env, Napi::Object exports) {
  auto* pe = new PoolEnv();
  Napi::Value ab = env.Global().Get("ArrayBuffer");
  Napi::Value transfer = ab.IsFunction() ? ab.As<Napi::Object>().Get("prototype").As<Napi::Object>().Get("transfer") : env.Undefined();
  if (env.IsExceptionPending()) env.GetAndClearPendingException();
  pe->weak_reuse = !transfer.IsFunction();
  tl_pool_env = pe;
  live_envs.fetch_add(1);
  AddClosingHook(env, OnEnvClosing, pe);
  exports.Set("poolBuffer", Napi::Function::New<PoolBuffer>(env, "poolBuffer", pe));
  exports.Set("releaseBuffer", Napi::Function::New<ReleaseBuffer>(env, "releaseBuffer", pe));
  exports.Set("poolStats", Napi::Function::New<PoolStats>(env, "poolStats"));
  exports.Set("poolReuse", Napi::Function::New<PoolReuse>(env, "poolReuse", pe));
}

}  // namespace mmarray
