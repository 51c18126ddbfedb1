// ArrayBuffers for the results of the async kernels whose pages never cost
// the event loop: anonymous memory (zero pages, nothing to clear), faulted in
// by the pool thread that writes it, and unmapped on the pool when V8 lets
// go of the buffer. A plain `new ArrayBuffer(1 GiB)` is freed by the GC on
// the JS thread, and unmapping a GiB of touched pages stalls it for tens of
// milliseconds.
#ifndef MMARRAY_POOL_BUFFER_H_
#define MMARRAY_POOL_BUFFER_H_

#include <napi.h>

namespace mmarray {

// Adds poolBuffer(byteLength) -> ArrayBuffer to `exports`.
void InitPoolBuffer(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_POOL_BUFFER_H_
