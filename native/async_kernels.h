// The bulk kernels off the event loop: a KernelPlan (kernel_plan.h) run on
// libuv's thread pool, over one or more pool threads, cancellable, with a
// progress counter JS polls. lib/async.ts is the typed front.
#ifndef MMARRAY_ASYNC_KERNELS_H_
#define MMARRAY_ASYNC_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds kernelReduceAsync, kernelCopyAsync, kernelCastAsync, kernelAbort and
// kernelProgress to `exports`.
void InitAsyncKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_ASYNC_KERNELS_H_
