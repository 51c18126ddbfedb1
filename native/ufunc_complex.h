// The complex loops of kernelUfunc (complex64 and complex128 loop types):
// add, subtract, multiply, divide, negative, conjugate, absolute, square,
// equal, not_equal, isnan, isinf, isfinite, and sqrt, exp, log, power.
// ufunc_kernels.cc picks them through
// PickComplexLoop and runs them in its walk like any other loop; an element
// of the compute type is one (re, im) pair.
//
// Values are those of the JS loops (lib/ufuncs/arith.ts, compare.ts,
// math.ts), bit for bit: each product, sum and quotient is rounded to the
// part type on its own (no fused multiply-add), division is Smith's
// algorithm as NumPy's scalar loop, and absolute is V8's Math.hypot (scaled
// by the larger part) rounded to the part type. sqrt, exp, log and power
// are NumPy's: the C library's csqrt, cexp, clog and (after nc_pow's
// integer cases) cpow, which the JS loops call through these loops too.
#ifndef MMARRAY_UFUNC_COMPLEX_H_
#define MMARRAY_UFUNC_COMPLEX_H_

#include <cstdint>

namespace mmarray {

// The complex operations, apart from ufunc_kernels.cc's operation codes so
// the two files share only this list.
enum class ComplexOp {
  kAdd, kSubtract, kMultiply, kDivide, kNegative, kConjugate, kAbsolute, kSquare,
  kEqual, kNotEqual, kIsnan, kIsinf, kIsfinite, kSqrt, kExp, kLog, kPower
};

// A chunk of n elements, as ufunc_kernels.cc's ChunkFn: inputs in[k] with
// element strides ins[k] (0: a broadcast value), output o with stride so.
// The output is a pair of the input's part type, a part (absolute) or a
// bool byte (comparisons, isnan ...).
// SAFETY: callers pass pointers aligned for the part type whose n elements
// at those strides lie in checked memory or a chunk buffer; an input that
// overlaps the output is the very same elements (each is read before its
// output is written).
using ComplexChunkFn = void (*)(int64_t n, const void* const* in, const int64_t* ins, void* o, int64_t so);

// The loop of `op` over complex128 (is_double) or complex64 pairs.
ComplexChunkFn PickComplexLoop(ComplexOp op, bool is_double);

}  // namespace mmarray

#endif  // MMARRAY_UFUNC_COMPLEX_H_
