// The matrix-product kernel behind matmul, dot, vdot, inner and tensordot
// (lib/linalg.ts is the front, lib/dot-kernel.ts the JS mirror): one
// row-major n×k by k×m product of typed arrays: float64 and float32
// (gemm.h: packed, register-tiled, threaded), integers, complex and bool
// (gemm_exact.h).
//
// Summation order is part of the contract, the same on every build and in
// the mirror: a matrix product (m > 1) sums each C[i, j] over p = 0…k-1 in
// order (blocking over i, j and p never reorders one element's sum); a
// matrix × vector product (m = 1, also dot of two vectors) cuts row i into
// segments of 65536 items, sums each segment in 16 lanes from zero (lane
// p mod 16), adds the segments' lanes lane by lane in segment order, then
// adds the 16 lanes as a fixed tree (a row of at most 65536 items: one
// segment, its 16 lanes and the tree). The dot of two long vectors (from
// 2^20 items) splits its segments over threads; each segment's lanes are
// kept apart and added in order, so the bits are the same. Float64 and
// float32 add each product by a fused multiply-add (one rounding; the JS
// mirror's lib/fma.ts gives the same bits); the ISA picked at run time and
// the number of threads never change them.
#ifndef MMARRAY_DOT_KERNELS_H_
#define MMARRAY_DOT_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds dotGemm to `exports`.
void InitDotKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_DOT_KERNELS_H_
