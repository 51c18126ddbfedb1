// cumsum and cumprod (np.add.accumulate / np.multiply.accumulate) over any
// strided layout of an ArrayBuffer or of a whole mapping of any size
// (lib/cumulative.ts is their front and keeps the JS loop as the reference).
//
// NumPy's accumulation is sequential along the axis (no pairwise tree), so a
// result is exact to the bit: each item is the previous result combined with
// the next input, in the accumulation type. JS resolves the accumulation
// type, the output and any overlap, and orders the axes; the kernel reads
// inputs of any numeric type and byte order through kernelCast's routines
// (as the ufunc kernels do) and writes the output in its own type.
#ifndef MMARRAY_ACCUMULATE_KERNELS_H_
#define MMARRAY_ACCUMULATE_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds kernelAccumulate to `exports`.
void InitAccumulateKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_ACCUMULATE_KERNELS_H_
