// The matrix-product loops behind dotGemm for the dtypes NumPy sums without
// BLAS (dot_kernels.cc is the front; lib/dot-kernel.ts the JS mirror, the
// same bits): integers wrap modulo 2^bits (every product and every sum, as
// NumPy's int loops; signed and unsigned share the loop), complex is (re, im)
// pairs computed in double per product and added in p order (complex64 rounds
// each running sum to float32, as the mirror's Float32Array stores do), bool
// is the OR of ANDs. All row-major and contiguous: C (n×m) = A (n×k) · B (k×m).
#ifndef MMARRAY_GEMM_EXACT_H_
#define MMARRAY_GEMM_EXACT_H_

#include <cstdint>

namespace mmarray {

void GemmWrap8(const uint8_t* a, const uint8_t* b, uint8_t* c, int64_t n, int64_t k, int64_t m);
void GemmWrap16(const uint16_t* a, const uint16_t* b, uint16_t* c, int64_t n, int64_t k, int64_t m);
void GemmWrap32(const uint32_t* a, const uint32_t* b, uint32_t* c, int64_t n, int64_t k, int64_t m);
void GemmWrap64(const uint64_t* a, const uint64_t* b, uint64_t* c, int64_t n, int64_t k, int64_t m);
// a, b, c: (re, im) pairs, 2·n·k, 2·k·m and 2·n·m floats.
void GemmComplex128(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m);
void GemmComplex64(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m);
// Items are 0 or not; C's are 0 or 1.
void GemmBool(const uint8_t* a, const uint8_t* b, uint8_t* c, int64_t n, int64_t k, int64_t m);

}  // namespace mmarray

#endif  // MMARRAY_GEMM_EXACT_H_
