// Dense linear algebra behind lib/linalg-solve.ts (NumPy's np.linalg det,
// slogdet, inv, solve, cholesky) over a stack of row-major square matrices,
// one matrix at a time. Float64 LU and solves of order 96 and more are
// blocked (LAPACK's recursive dgetrf2 and recursive triangular solves: halves
// down to 32 columns, the off-diagonal blocks through gemm.h's packed,
// threaded GEMM); smaller ones, complex128 and Cholesky run LAPACK's
// unblocked algorithms:
//
//  - getrf: LU with partial pivoting, LAPACK's pivot rule (the first row of
//    largest |a| in the column; complex: largest |re| + |im|, as izamax),
//    rows swapped whole, the column scaled by the pivot's reciprocal (a
//    division when the pivot is below the smallest normal, as dgetf2), the
//    trailing matrix updated right-looking. A zero pivot leaves the column
//    unscaled and records info = its 1-based index (the first only), as LAPACK.
//  - getrs: B's rows swapped as the pivots say, then the unit-lower and
//    upper triangular solves in LAPACK's column order (dtrsm, left side).
//  - potrf: Cholesky of the lower triangle (dpotf2's order); info = the
//    1-based row whose diagonal was not positive (or NaN).
//
// Float64 and complex128 only: NumPy 2 computes float32/complex64 input in
// double and rounds the result (numpy/linalg/_linalg.py _commonType, "lite
// version"), and so does lib/linalg-solve.ts. The templates take any
// element type. Results are not bit-identical to LAPACK's (another blocking
// and order of sums), but they are deterministic: the same bits on every run,
// ISA and thread count (the GEMM's rows split over threads, never its sums).
#ifndef MMARRAY_LINALG_KERNELS_H_
#define MMARRAY_LINALG_KERNELS_H_

#include <napi.h>

namespace mmarray {

// Adds linalgGetrf, linalgGetrs, linalgSlogdet and linalgPotrf to `exports`.
void InitLinalgKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_LINALG_KERNELS_H_
