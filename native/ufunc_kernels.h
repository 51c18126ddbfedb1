// Element-wise ufunc loops over whole ArrayBuffers or mappings of any size
// (lib/ufunc-native.ts is their front; lib/ufunc.ts keeps the JS loops as
// the reference with the same results).
//
// JS resolves everything NumPy decides (loop type, broadcasting, `out`,
// `where`, overlap copies) and hands over a plan: the iteration shape (axes
// ordered slowest first and coalesced) and per operand its memory, element
// 0's byte offset, byte strides, dtype code and byte order. The loop runs in
// the loop's compute type: an operand already of that type, in native order
// and aligned, is addressed in place; any other is converted through
// kernelCast's routines in chunks (NumPy's buffered iterator).
#ifndef MMARRAY_UFUNC_KERNELS_H_
#define MMARRAY_UFUNC_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds kernelUfunc to `exports`.
void InitUfuncKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_UFUNC_KERNELS_H_
