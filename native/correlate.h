// The sliding dot product of convolve/correlate (lib/convolve.ts) over
// float64 items: NumPy's _pyarray_correlate loops (left partial overlaps,
// full overlaps, right partial overlaps), every output summed in tap order
// so the bits are the JS loop's.
#ifndef MMARRAY_CORRELATE_H_
#define MMARRAY_CORRELATE_H_

#include <napi.h>

namespace mmarray {

// Adds `correlateF64(x, y, out, nLeft, nRight)` to `exports`.
void InitCorrelate(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_CORRELATE_H_
