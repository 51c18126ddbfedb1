// NumPy's histogram over equal-width bins of float64 data: NumPy's bin rule
// in one native pass (lib/histogram.ts).
#ifndef MMARRAY_HISTOGRAM_KERNELS_H_
#define MMARRAY_HISTOGRAM_KERNELS_H_

#include <napi.h>

namespace mmarray {

void InitHistogramKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_HISTOGRAM_KERNELS_H_
