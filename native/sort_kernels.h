// Sorting loops of issue 18 (lib/sort-kernels.ts is their typed front):
// stable sort and argsort of every lane of a strided layout along its last
// axis, in NumPy's order (NaN last, +0 and -0 equal, complex numbers by
// NumPy's NaN classes then real then imaginary part). Each reads its input
// from an ArrayBuffer or a whole mapping (past 4 GiB), checks every byte it
// may touch before it touches one, and gives the bits of lib/sort.ts's JS
// path. `unique` is NumPy's unique (equal_nan) over the same keys.
#ifndef MMARRAY_SORT_KERNELS_H_
#define MMARRAY_SORT_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds `sortKernels` ({ sortLanes, unique }) to `exports`.
void InitSortKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_SORT_KERNELS_H_
