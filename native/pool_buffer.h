// ArrayBuffers for the results of the async kernels whose pages never cost
// the event loop: anonymous memory (zero pages, nothing to clear), faulted in
// by the pool thread that writes it, and unmapped on the pool when V8 lets
// go of the buffer. A plain `new ArrayBuffer(1 GiB)` is freed by the GC on
// the JS thread, and unmapping a GiB of touched pages stalls it for tens of
// milliseconds.
#ifndef MMARRAY_POOL_BUFFER_H_
#define MMARRAY_POOL_BUFFER_H_

#include <napi.h>

#include <cstddef>

#include "region_pool.h"

namespace mmarray {

// Adds poolBuffer(byteLength) -> ArrayBuffer to `exports`.
void InitPoolBuffer(Napi::Env env, Napi::Object exports);

// How HandRegion ended: an ArrayBuffer made; refused with the region still
// the caller's (no env state here, or no external buffers allowed); or
// failed after Node took the region (its finalizer gives it back).
enum class HandOutcome { kHanded, kRefused, kLost };

// On the JS thread: an ArrayBuffer over the first `length` bytes of
// `region` (from AcquireRegion or AcquireRegionNow, those bytes written),
// handed to JS as poolBuffer's are, so the region goes back to the pool, not
// through a free on the JS thread, when V8 lets go of it (a kernel that
// fills a result of unknown length on a pool thread: uniqueAsync).
HandOutcome HandRegion(napi_env env, Region region, size_t length, napi_value* out);

}  // namespace mmarray

#endif  // MMARRAY_POOL_BUFFER_H_
