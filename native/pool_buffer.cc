#include "pool_buffer.h"

#include <sys/mman.h>
#include <uv.h>

#include <cmath>
#include <cstdint>

#include "env_state.h"

namespace mmarray {
namespace {

// Node 20 refuses external ArrayBuffers above 4 GiB (and typed arrays hold
// at most 2^32 items); JS allocates those itself.
constexpr double kMaxBytes = 4294967296.0;

struct Region {
  void* addr;
  size_t length;
};

void Unmap(const Region& r) {
  // SAFETY: addr/length are exactly what mmap returned in PoolBuffer, and the
  // buffer over them is gone (V8 calls the finalizer after its last use).
  munmap(r.addr, r.length);
}

struct UnmapRequest {
  uv_work_t req;
  Region region;
};

// The finalizer: Node runs it on the JS thread on a later turn (it defers
// external ArrayBuffer finalizers with SetImmediate), so the unmap goes to
// the pool; at env teardown, or if the pool cannot take it, it runs here.
void Finalize(napi_env env, void* data, void* hint) {
  Region region{data, reinterpret_cast<size_t>(hint)};
  uv_loop_t* loop = nullptr;
  if (!EnvClosing(Napi::Env(env)) && napi_get_uv_event_loop(env, &loop) == napi_ok && loop != nullptr) {
    auto* r = new UnmapRequest{{}, region};
    int rc = uv_queue_work(
        loop, &r->req, [](uv_work_t* req) { Unmap(reinterpret_cast<UnmapRequest*>(req)->region); },
        [](uv_work_t* req, int /*status*/) { delete reinterpret_cast<UnmapRequest*>(req); });
    if (rc == 0) return;
    delete r;
  }
  Unmap(region);
}

// poolBuffer(byteLength) -> ArrayBuffer of zeros, or null when byteLength is
// 0 or above 4 GiB or the memory cannot be had (the caller allocates in JS).
Napi::Value PoolBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double n = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : -1;
  if (!(n >= 1 && n <= kMaxBytes) || std::floor(n) != n) return env.Null();
  size_t length = static_cast<size_t>(n);
  void* addr = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (addr == MAP_FAILED) return env.Null();
#ifdef MADV_HUGEPAGE
  // The pool thread takes the faults, so huge pages cost the event loop
  // nothing and spare the writer 511 of every 512 faults (NumPy asks too).
  if (length >= (size_t{4} << 20)) madvise(addr, length, MADV_HUGEPAGE);
#endif
  napi_value out;
  napi_status status = napi_create_external_arraybuffer(env, addr, length, Finalize, reinterpret_cast<void*>(length), &out);
  if (status != napi_ok) {
    // Only a refusal before Node took the memory leaves it ours to unmap: on
    // a later failure Node has called (or queued) Finalize already.
    if (status == napi_no_external_buffers_allowed) munmap(addr, length);
    if (env.IsExceptionPending()) env.GetAndClearPendingException();
    return env.Null();
  }
  return Napi::Value(env, out);
}

}  // namespace

void InitPoolBuffer(Napi::Env env, Napi::Object exports) {
  exports.Set("poolBuffer", Napi::Function::New<PoolBuffer>(env, "poolBuffer"));
}

}  // namespace mmarray
