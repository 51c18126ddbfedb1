// NumPy's ufunc.reduceat for add, multiply, minimum and maximum: one native
// segmented reduction over every group of every lane (lib/reduceat.ts).
#ifndef MMARRAY_REDUCEAT_KERNELS_H_
#define MMARRAY_REDUCEAT_KERNELS_H_

#include <napi.h>

namespace mmarray {

void InitReduceatKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_REDUCEAT_KERNELS_H_
