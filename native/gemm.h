// The float64/float32 matrix-product loops behind dotGemm (dot_kernels.cc is
// the front): cache-blocked GEMM over packed panels with a register-tiled
// micro-kernel, and a matrix × vector product, each picking AVX-512, AVX2 or
// a portable path at run time and splitting large products over threads.
//
// Summation order (the contract dot_kernels.h states, and the JS mirror in
// lib/dot-kernel.ts): a matrix product (m > 1) sums each C[i, j] over
// p = 0…k-1 in order, each step one fused multiply-add (IEEE
// fusedMultiplyAdd: the hardware's on AVX2/AVX-512 and arm64, libm's
// correctly rounded fma on an x86 without FMA, so the same bits); packing,
// tiling, the ISA and the thread count never change one element's sum. A
// matrix × vector product (m = 1) sums each segment of 65536 items of row i
// in 16 lanes, lane p mod 16, each a chain of fused multiply-adds from 0,
// adds the segments' lanes lane by lane in order, then adds the lanes as a
// fixed tree. A row vector times a matrix (n = 1, m > 1) streams B without
// packing it, each C[0, j] still summed over p in order. Threads split the
// rows of C (a row vector's product: its columns; the dot of two long
// vectors: its segments, each into its own lanes), so the bits never depend
// on how many ran.
#ifndef MMARRAY_GEMM_H_
#define MMARRAY_GEMM_H_

#include <cstdint>

namespace mmarray {

// C (n×m) = A (n×k) · B (k×m), row-major and contiguous. False when the
// packing buffers could not be allocated (C is then unspecified).
bool GemmF64(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m);
bool GemmF32(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m);

// C (n×m, row stride ldc) -= A (n×k, row stride lda) · B (k×m, row stride
// ldb), float64: the update of a blocked factorization (linalg_kernels.cc).
// Each C[i, j] takes its k products in p order, each by one fused
// multiply-add onto its running value (C[i, j] - a·b rounded once), on the
// same packed kernel and the same row split over threads as GemmF64, so the
// bits never depend on the ISA or the thread count. A, B and C must not
// overlap C. False when the packing buffers could not be allocated.
bool GemmSubF64(const double* a, int64_t lda, const double* b, int64_t ldb, double* c, int64_t ldc, int64_t n, int64_t k, int64_t m);

// The number of threads a product of n×k by k×m would use (tests, benches).
int GemmThreads(int64_t n, int64_t k, int64_t m);

// Sets the most threads a product may use (0: the default, the machine's
// cores, at most 4); returns the previous setting. Results never depend on it.
int SetGemmMaxThreads(int threads);

}  // namespace mmarray

#endif  // MMARRAY_GEMM_H_
