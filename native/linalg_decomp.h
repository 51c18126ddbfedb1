// The decompositions behind lib/linalg-qr.ts, lib/linalg-svd.ts and
// lib/linalg-eigh.ts (NumPy's np.linalg qr, svd, eigh; eig is linalg_eig.h), over stacks of
// row-major matrices, one matrix at a time, float64 or complex128 (NumPy 2
// computes float32/complex64 in double and rounds, as lib/ does).
//
//  - geqrf / orgqr: Householder QR as LAPACK's unblocked dgeqr2/zgeqr2 and
//    dorg2r/zung2r (each reflection applied a row at a time); float64 with
//    min(m, n) ≥ 128 blocked as dgeqrf/dorgqr (panels of 32 columns, each a
//    block reflector I - V·T·Vᵀ applied by two GEMMs; rounding differs
//    from the unblocked loops', as OpenBLAS's blocked dgeqrf does). Each
//    reflector is dlarfg/zlarfg's: beta = -sign(Re alpha)·|(alpha, x)|, tau = ((beta - Re alpha)/beta, -Im alpha/beta),
//    v = x/(alpha - beta); no reflector (tau = 0) when x and Im alpha are 0.
//    So R's diagonal has LAPACK's signs and Q and R agree with NumPy's to
//    rounding (OpenBLAS's blocked dgeqrf sums in another order).
//  - svd, on A (on Aᴴ when m < n): Householder bidiagonalisation and the
//    Golub–Kahan implicit-shift QR on the bidiagonal (LINPACK's dsvdc; for
//    complex input zsvdc, whose complex bidiagonal is made real by unit
//    phases folded into U's and V's columns, then the same real iteration;
//    LAPACK's gesvd route), which gives the singular values to a few ulp of
//    the largest, as LAPACK's. U's extra columns of full matrices complete
//    it to an orthonormal basis through a Householder QR of the computed
//    columns. The singular values come out descending.
//  - eigh: the symmetric (Hermitian) matrix read from one triangle (the
//    other ignored, the diagonal's imaginary part ignored, as LAPACK's
//    heevd); eigenvalues ascending, eigenvectors as columns: Householder
//    tridiagonalisation (EISPACK's tred2 for real input; zhetrd's reflectors
//    and a diagonal phase that makes the tridiagonal real for complex input)
//    and the implicit QL iteration (tql2; LAPACK's dsteqr route).
//
// Every matrix is first scaled by a power of two (exact) so that no square
// overflows or underflows; non-finite input is reported (info -1), not
// iterated on. Vectors are unique only up to sign/phase: the tests compare
// them by reconstruction.
#ifndef MMARRAY_LINALG_DECOMP_H_
#define MMARRAY_LINALG_DECOMP_H_

#include <napi.h>

namespace mmarray {

// Adds linalgGeqrf, linalgOrgqr, linalgSvd and linalgEigh to `exports`.
void InitLinalgDecomp(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_LINALG_DECOMP_H_
