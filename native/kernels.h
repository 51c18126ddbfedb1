// The few bulk loops a benchmark proved JS cannot match: strided copy with an
// optional per-unit byte swap (copy, astype between byte orders, byteswap),
// casts between plain numeric types, and reductions (sum, min, max) over any
// strided layout of an ArrayBuffer or of a whole mapping of any size.
//
// The JS side (lib/kernels.ts) decides when to call them and keeps a JS path
// with the same arithmetic, so a result never depends on which path ran.
#ifndef MMARRAY_KERNELS_H_
#define MMARRAY_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds kernelCopy, kernelReduce and kernelCast to `exports`.
void InitKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_KERNELS_H_
