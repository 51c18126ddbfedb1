// The general (non-symmetric) eigenproblem behind lib/linalg-eig.ts (NumPy's
// np.linalg.eig, and eigvals of complex input): for each row-major n×n matrix
// of a stack, the eigenvalues and, on request, the right eigenvectors.
//
//  - real input: Householder reduction to Hessenberg form with the
//    transformations kept (EISPACK's orthes/ortran), the Francis double-shift
//    QR iteration to real Schur form with the Schur vectors accumulated
//    (hqr2, as LAPACK's dhseqr in its small-matrix path), then back
//    substitution on the quasi-triangular form for the eigenvectors (as
//    dtrevc). A real eigenvalue has an imaginary part of exactly 0 and a real
//    eigenvector, so lib/ can apply NumPy 2's rule (real results when every
//    eigenvalue is real).
//  - complex input: Householder Hessenberg reduction, the single-shift
//    complex QR iteration with Wilkinson's shift (zlahqr's route, exceptional
//    shifts every 10th iteration), then back substitution on the triangular
//    Schur form (ztrevc).
//
// Both first balance the matrix as geev does (gebal, job 'B': permutations
// isolating eigenvalues, then row/column scaling by powers of two) and map
// the eigenvectors back (gebak), so a badly scaled matrix keeps its small
// eigenvalues.
//
// Eigenvectors come out as LAPACK's geev leaves them: unit 2-norm, and a
// complex vector turned so that its largest component is real. Every matrix
// is scaled by a power of two first (exact); non-finite input is reported
// (info -1), an eigenvalue that takes too many iterations too (info 1).
#ifndef MMARRAY_LINALG_EIG_H_
#define MMARRAY_LINALG_EIG_H_

#include <napi.h>

namespace mmarray {

// Adds linalgEig to `exports`.
void InitLinalgEig(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_LINALG_EIG_H_
