// exp, log and pow over rows of float64 or float32, for the ufunc kernels
// (native/ufunc_kernels.cc).
//
// Accuracy contract: every finite result is within 1 ulp of the correctly
// rounded one (exp and log about 0.52 ulp for float64; float32 computes in
// float64 and rounds once more, so within 0.5 ulp plus 2^-20). NumPy's own
// SIMD loops promise 4 ulp, so results lie inside NumPy's band but are not
// bit-identical to any one NumPy build. Special values are IEEE's (and
// NumPy's): exp(-inf) = 0, exp(+inf) = +inf, exp overflows to +inf and
// underflows through the subnormals to 0; log(0) = -inf, log(x < 0) = NaN,
// log(+inf) = +inf; NaN in gives NaN out.
//
// pow keeps NumPy's fast paths for a broadcast (stride 0) exponent: -1, 0,
// 0.5, 1 and 2 give 1/x, 1, sqrt(x), x and x*x, as NumPy's loop does (so
// power(-0.0, 0.5) is -0.0 there, where C's pow gives +0.0). Otherwise a
// vectorized exp(y * log(x)) in extended precision takes positive normal x,
// finite y and results clear of overflow and underflow (within 0.52 ulp);
// libm's pow (glibc's is within 0.52 ulp) takes every other pair, float32
// through float64.
//
// Rows take element strides (0: one broadcast value). An input may be the
// very same elements as the output (in place); any other overlap is the
// caller's to avoid (lib/ufunc.ts copies such inputs first).
#ifndef MMARRAY_TRANSCENDENTAL_H_
#define MMARRAY_TRANSCENDENTAL_H_

#include <cstdint>

namespace mmarray {

void ExpRow(int64_t n, const double* x, int64_t xs, double* y, int64_t ys);
void ExpRow(int64_t n, const float* x, int64_t xs, float* y, int64_t ys);
void LogRow(int64_t n, const double* x, int64_t xs, double* y, int64_t ys);
void LogRow(int64_t n, const float* x, int64_t xs, float* y, int64_t ys);
void PowRow(int64_t n, const double* x, int64_t xs, const double* p, int64_t ps, double* y, int64_t ys);
void PowRow(int64_t n, const float* x, int64_t xs, const float* p, int64_t ps, float* y, int64_t ys);
// NumPy's float_power: pow for every element, none of power's fast paths
// (pow(-0, 0.5) is +0 and pow(-inf, 0.5) inf, where sqrt gives -0 and NaN).
// Also power's float32 and float64 loops where NumPy's iterator hands its
// loop a buffered exponent with a non-zero stride (lib/nditer-buffering.ts).
void FloatPowRow(int64_t n, const double* x, int64_t xs, const double* p, int64_t ps, double* y, int64_t ys);
void FloatPowRow(int64_t n, const float* x, int64_t xs, const float* p, int64_t ps, float* y, int64_t ys);

}  // namespace mmarray

#endif  // MMARRAY_TRANSCENDENTAL_H_
