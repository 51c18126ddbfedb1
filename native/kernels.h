// The few bulk loops a benchmark proved JS cannot match: strided copy with an
// optional per-unit byte swap (copy, astype between byte orders, byteswap),
// and reductions (sum, min, max) over any strided layout.
//
// The JS side (lib/kernels.ts) decides when to call them and keeps a JS path
// with the same arithmetic, so a result never depends on which path ran.
#ifndef MMARRAY_KERNELS_H_
#define MMARRAY_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds kernelCopy and kernelReduce to `exports`.
void InitKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_KERNELS_H_
