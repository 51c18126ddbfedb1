// The math ufuncs of kernelUfunc that NumPy computes through the C library
// or one exact formula: trig and hyperbolic functions and their inverses,
// exp2 expm1 log2 log10 log1p cbrt, degrees/radians, sign, positive,
// reciprocal, spacing, fabs, the two halves of modf and frexp,
// bitwise_count, and the binary arctan2 hypot logaddexp logaddexp2
// fmod copysign fmax fmin heaviside nextafter gcd lcm ldexp; complex versions
// where NumPy has them. ufunc_kernels.cc runs them in its walk like its own
// loops (operation codes kMathOpBase + MathOp); lib/ufuncs/math-native.ts
// also calls them on the JS loops' blocks, so both paths give the same bits.
//
// Accuracy: float64 and float32 call the C library per element (glibc's are
// within 1 ulp, NumPy's SIMD loops promise 4), except float32 sin and cos
// (ufunc_math.cc SinCosNumpy: NumPy's own float32 loop in fused multiply-adds,
// NumPy's bits) and float64 log10 and arctan2: vectorised loops in double
// (Log10Normal, Atan2Ordinary; fdlibm's algorithms, the same
// bits in every build), all with the C library for inputs outside their range
// (so are the halves of modf and frexp, exact bit moves and trunc in the
// float's own type for finite normal inputs);
// float16 computes in float32.
// Complex sin ... arctanh call the C library's csin ... catanh, as NumPy's
// npy_csin ... do; complex exp2, expm1, log2, log10, log1p, sign and
// reciprocal follow NumPy's formulas (umath funcs.inc.src, loops.c.src)
// step for step. Everything else is exact.
#ifndef MMARRAY_UFUNC_MATH_H_
#define MMARRAY_UFUNC_MATH_H_

#include <cstdint>

namespace mmarray {

// Operation codes after ufunc_kernels.cc's own: lib/ufuncs/math-ops.ts holds the same list.
constexpr int kMathOpBase = 64;
enum MathOp {
  kMSin = 0, kMCos, kMTan, kMArcsin, kMArccos, kMArctan, kMSinh, kMCosh, kMTanh, kMArcsinh, kMArccosh, kMArctanh,
  kMExp2, kMExpm1, kMLog2, kMLog10, kMLog1p, kMCbrt, kMRadians, kMDegrees, kMSign, kMPositive, kMReciprocal, kMSpacing,
  kMFabs, kMModfFrac, kMModfInt, kMFrexpMant, kMFrexpExp, kMBitwiseCount,
  kMUnaryCount,
  kMArctan2 = 32, kMHypot, kMLogaddexp, kMLogaddexp2, kMFmod, kMCopysign, kMFmax, kMFmin, kMHeaviside, kMNextafter,
  kMGcd, kMLcm, kMLdexp,
  kMOpCount
};

// A chunk of n elements, as ufunc_kernels.cc's ChunkFn: inputs in[k] with
// element strides ins[k] (0: a broadcast value), output o with stride so.
// SAFETY: callers pass pointers aligned for the compute type (a complex
// element needs its part's alignment) whose n elements at those strides lie
// in checked memory or a chunk buffer; an input that overlaps the output is
// the very same elements (each is read before its output is written).
using MathChunkFn = void (*)(int64_t n, const void* const* in, const int64_t* ins, void* o, int64_t so);

// The loop of math operation `op` (a MathOp) over compute type `type`
// (CAST_CODES: 0 float64, 1 float32, 2..7 and 9, 10 ints, 12 complex64,
// 13 complex128; 11 float16 for nextafter and spacing only, which step
// half's bits), or nullptr when NumPy has none.
MathChunkFn PickMathLoop(int op, int type);
// The inputs of math operation `op`: 1 or 2 (0: not an operation).
int MathNin(int op);
// Whether the loop of binary math operation `op` over real type `type`
// takes its items one at a time in order (BinaryChunk), so a reduce or
// accumulate call (its output the accumulator, or in[0] one item on) folds
// item by item, as NumPy's loops; not the vector loops, which compute a
// block of results before they store any.
bool MathLoopFoldsInPlace(int op, int type);

}  // namespace mmarray

#endif  // MMARRAY_UFUNC_MATH_H_
