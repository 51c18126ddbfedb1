// Complex ufunc loops (see ufunc_complex.h).
//
// Every product, sum and quotient is rounded to the part type on its own, as
// the JS loops round each step (lib/ufuncs/arith.ts): no fused multiply-add,
// which GCC would otherwise form for C++ wherever the target has one
// (arm64; an x86 clone with FMA). The pragmas head the file, before the
// includes, for the reason ufunc_kernels.cc gives: GCC does not inline
// across functions compiled with different math flags. no-trapping-math
// (nothing here reads the floating-point exception flags) lets GCC compute
// both arms of absolute's selects, so that loop vectorizes; it changes no
// value.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-math-errno", "fp-contract=off", "no-trapping-math")
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
#include "ufunc_complex.h"

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace mmarray {
namespace {

// One complex element: NumPy's layout (real part first), the same as the
// JS loops' interleaved typed arrays.
template <class P>
struct Pair {
  P re, im;
};
static_assert(sizeof(Pair<float>) == 8 && sizeof(Pair<double>) == 16, "a complex element is two packed parts");

// ------------------------------------------------------------------ element ops

struct CAdd {
  template <class P>
  static Pair<P> Apply(Pair<P> a, Pair<P> b) { return {a.re + b.re, a.im + b.im}; }
};
struct CSubtract {
  template <class P>
  static Pair<P> Apply(Pair<P> a, Pair<P> b) { return {a.re - b.re, a.im - b.im}; }
};
// (ar br - ai bi, ar bi + ai br), each product rounded (mulC in arith.ts).
struct CMultiply {
  template <class P>
  static Pair<P> Apply(Pair<P> a, Pair<P> b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }
};
// Smith's algorithm as NumPy's scalar loop and divC in arith.ts, step for
// step; a zero divisor divides each part by +0 (inf or NaN, as NumPy).
struct CDivide {
  template <class P>
  static Pair<P> Apply(Pair<P> a, Pair<P> b) {
    const P br_abs = std::fabs(b.re), bi_abs = std::fabs(b.im);
    if (br_abs >= bi_abs) {
      if (br_abs == 0 && bi_abs == 0) return {a.re / br_abs, a.im / br_abs};
      const P rat = b.im / b.re;
      const P scl = P(1) / (b.re + b.im * rat);
      return {(a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl};
    }
    const P rat = b.re / b.im;
    const P scl = P(1) / (b.im + b.re * rat);
    return {(a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl};
  }
};
struct CSquare {
  template <class P>
  static Pair<P> Apply(Pair<P> a) { return {a.re * a.re - a.im * a.im, a.re * a.im + a.im * a.re}; }
};
struct CNegative {
  template <class P>
  static Pair<P> Apply(Pair<P> a) { return {-a.re, -a.im}; }
};
struct CConjugate {
  template <class P>
  static Pair<P> Apply(Pair<P> a) { return {a.re, -a.im}; }
};
// |a| as V8's Math.hypot(re, im), which the JS loop calls: an infinite part
// wins over a NaN, then NaN, then 0; else both parts scaled by the larger,
// sqrt of the sum of squares, times the larger, in double (complex64 rounds
// the double result once, as a Float32Array store does). The Kahan
// compensation V8 carries is exactly 0 for two terms. The special cases are
// selects over the general result (which they replace whenever it is not
// finite), so the loop vectorizes. One divide: the larger part scaled by
// itself is exactly 1 (m finite and non-zero; any other m is replaced by a
// select), so p * p + q * q is 1 + t * t for t the smaller part over m, the
// same sum (a sum of two terms does not depend on their order). A divide
// costs more than the rest of the element (half the loop's time with two).
struct CAbsolute {
  template <class P>
  static P Apply(Pair<P> a) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const double x = std::fabs(static_cast<double>(a.re)), y = std::fabs(static_cast<double>(a.im));
    const double m = x > y ? x : y;
    const double t = (x > y ? y : x) / m;
    double r = std::sqrt(1.0 + t * t) * m;
    r = m == 0 ? 0.0 : r;
    r = x != x || y != y ? std::numeric_limits<double>::quiet_NaN() : r;
    r = x == kInf || y == kInf ? kInf : r;
    return static_cast<P>(r);
  }
};
struct CEqual {
  template <class P>
  static uint8_t Apply(Pair<P> a, Pair<P> b) { return (a.re == b.re) & (a.im == b.im); }
};
struct CNotEqual {
  template <class P>
  static uint8_t Apply(Pair<P> a, Pair<P> b) { return (a.re != b.re) | (a.im != b.im); }
};
struct CIsnan {
  template <class P>
  static uint8_t Apply(Pair<P> a) { return (a.re != a.re) | (a.im != a.im); }
};
struct CIsinf {
  template <class P>
  static uint8_t Apply(Pair<P> a) {
    constexpr P kInf = std::numeric_limits<P>::infinity();
    return (std::fabs(a.re) == kInf) | (std::fabs(a.im) == kInf);
  }
};
struct CIsfinite {
  template <class P>
  static uint8_t Apply(Pair<P> a) { return std::isfinite(a.re) & std::isfinite(a.im); }
};

// ------------------------------------------------------------------ C library ops
//
// NumPy's complex sqrt, exp and log call the C library's csqrt, cexp and
// clog (npy_csqrt ... in npy_math_complex.c.src), and its power ends in
// cpow: std::sqrt, exp, log and pow of std::complex are those calls
// (libstdc++ passes them to __builtin_csqrt ...), so on one glibc these
// loops give NumPy's bits (test/ufuncs/complex-explog.test.ts).

template <class P>
inline Pair<P> FromStd(std::complex<P> z) { return {z.real(), z.imag()}; }
template <class P>
inline std::complex<P> ToStd(Pair<P> a) { return {a.re, a.im}; }

struct CSqrt {
  template <class P>
  static Pair<P> Apply(Pair<P> a) { return FromStd(std::sqrt(ToStd(a))); }
};
struct CExp {
  template <class P>
  static Pair<P> Apply(Pair<P> a) { return FromStd(std::exp(ToStd(a))); }
};
struct CLog {
  template <class P>
  static Pair<P> Apply(Pair<P> a) { return FromStd(std::log(ToStd(a))); }
};
// NumPy 2.4's nc_pow (umath funcs.inc.src), step for step: a zero exponent
// gives 1 (0 ** 0 too); a zero base 0 when the exponent's real part is
// positive, else NaN + NaN j; a real integer exponent 1, 2 or 3 is a,
// a·a, a·(a·a); others under 100 in magnitude binary powering with
// CMultiply's rounded products (a negative one then 1 / r by Smith's
// division, as nc_quot); anything else the C library's cpow. All in the
// part type: complex64 multiplies in float, as cmulf.
struct CPower {
  template <class P>
  static Pair<P> Apply(Pair<P> a, Pair<P> b) {
    const P nan = std::numeric_limits<P>::quiet_NaN();
    if (b.re == 0 && b.im == 0) return {P(1), P(0)};
    if (a.re == 0 && a.im == 0) return b.re > 0 ? Pair<P>{P(0), P(0)} : Pair<P>{nan, nan};
    // (npy_intp)br == br without C's undefined conversion of an out-of-range value.
    if (b.im == 0 && std::trunc(b.re) == b.re && std::fabs(b.re) < 100) {
      int n = static_cast<int>(b.re);
      if (n == 1) return a;
      if (n == 2) return CMultiply::Apply(a, a);
      if (n == 3) return CMultiply::Apply(a, CMultiply::Apply(a, a));
      if (n < 0) n = -n;
      Pair<P> acc{P(1), P(0)}, p = a;
      for (int mask = 1;; mask <<= 1) {
        if (n & mask) acc = CMultiply::Apply(acc, p);
        if (n < (mask << 1)) break;
        p = CMultiply::Apply(p, p);
      }
      return b.re < 0 ? CDivide::Apply(Pair<P>{P(1), P(0)}, acc) : acc;
    }
    return FromStd(std::pow(ToStd(a), ToStd(b)));
  }
};

// ------------------------------------------------------------------ loops
//
// The contiguous forms as plain unit-stride loops the compiler vectorizes,
// built for AVX2 too (as ufunc_kernels.cc's). No __restrict: the output may
// be an input exactly (in place), and each element is read before it is written.
// The one-input loops are also built for x86-64-v4 (abs: a divide and a
// sqrt in 8 lanes). Not the two-input ones: GCC 12's vectorizer turns the
// complex product's pattern into vfmaddsub there (one rounding for a
// product and a sum) whatever fp-contract says.
#define MMARRAY_LOOP_CLONES __attribute__((target_clones("avx2", "default")))
#define MMARRAY_UNARY_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))

template <class F, class P, class R>
MMARRAY_LOOP_CLONES void VV(int64_t n, const Pair<P>* a, const Pair<P>* b, R* o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], b[i]);
}
template <class F, class P, class R>
MMARRAY_LOOP_CLONES void VS(int64_t n, const Pair<P>* a, Pair<P> y, R* o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], y);
}
template <class F, class P, class R>
MMARRAY_LOOP_CLONES void SV(int64_t n, Pair<P> x, const Pair<P>* b, R* o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(x, b[i]);
}
template <class F, class P, class R>
MMARRAY_UNARY_CLONES void U(int64_t n, const Pair<P>* a, R* o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i]);
}

#undef MMARRAY_LOOP_CLONES
#undef MMARRAY_UNARY_CLONES

template <class F, class P, class R>
void BinaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const Pair<P>* a = static_cast<const Pair<P>*>(in[0]);
  const Pair<P>* b = static_cast<const Pair<P>*>(in[1]);
  const int64_t sa = ins[0], sb = ins[1];
  R* o = static_cast<R*>(ov);
  if (so == 1) {
    // SAFETY: the caller's contract (ufunc_complex.h): n elements at these
    // strides are in bounds, and an input overlapping o is o exactly.
    if (sa == 1 && sb == 1) return VV<F, P, R>(n, a, b, o);
    if (sa == 1 && sb == 0) return VS<F, P, R>(n, a, *b, o);
    if (sa == 0 && sb == 1) return SV<F, P, R>(n, *a, b, o);
  }
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa], b[i * sb]);
}

template <class F, class P, class R>
void UnaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const Pair<P>* a = static_cast<const Pair<P>*>(in[0]);
  const int64_t sa = ins[0];
  R* o = static_cast<R*>(ov);
  // SAFETY: as in BinaryChunk.
  if (so == 1 && sa == 1) return U<F, P, R>(n, a, o);
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa]);
}

// The C library ops' chunks: plain loops (no clones: the time is in the
// calls, and a clone might contract nc_pow's products).
template <class F, class P>
void LibBinaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const Pair<P>* a = static_cast<const Pair<P>*>(in[0]);
  const Pair<P>* b = static_cast<const Pair<P>*>(in[1]);
  const int64_t sa = ins[0], sb = ins[1];
  Pair<P>* o = static_cast<Pair<P>*>(ov);
  // SAFETY: as in BinaryChunk.
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa], b[i * sb]);
}
template <class F, class P>
void LibUnaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const Pair<P>* a = static_cast<const Pair<P>*>(in[0]);
  const int64_t sa = ins[0];
  Pair<P>* o = static_cast<Pair<P>*>(ov);
  // SAFETY: as in BinaryChunk.
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa]);
}

template <class P>
ComplexChunkFn ForPart(ComplexOp op) {
  switch (op) {
    case ComplexOp::kAdd: return BinaryChunk<CAdd, P, Pair<P>>;
    case ComplexOp::kSubtract: return BinaryChunk<CSubtract, P, Pair<P>>;
    case ComplexOp::kMultiply: return BinaryChunk<CMultiply, P, Pair<P>>;
    case ComplexOp::kDivide: return BinaryChunk<CDivide, P, Pair<P>>;
    case ComplexOp::kNegative: return UnaryChunk<CNegative, P, Pair<P>>;
    case ComplexOp::kConjugate: return UnaryChunk<CConjugate, P, Pair<P>>;
    case ComplexOp::kAbsolute: return UnaryChunk<CAbsolute, P, P>;
    case ComplexOp::kSquare: return UnaryChunk<CSquare, P, Pair<P>>;
    case ComplexOp::kEqual: return BinaryChunk<CEqual, P, uint8_t>;
    case ComplexOp::kNotEqual: return BinaryChunk<CNotEqual, P, uint8_t>;
    case ComplexOp::kIsnan: return UnaryChunk<CIsnan, P, uint8_t>;
    case ComplexOp::kIsinf: return UnaryChunk<CIsinf, P, uint8_t>;
    case ComplexOp::kIsfinite: return UnaryChunk<CIsfinite, P, uint8_t>;
    case ComplexOp::kSqrt: return LibUnaryChunk<CSqrt, P>;
    case ComplexOp::kExp: return LibUnaryChunk<CExp, P>;
    case ComplexOp::kLog: return LibUnaryChunk<CLog, P>;
    case ComplexOp::kPower: return LibBinaryChunk<CPower, P>;
  }
  return nullptr;
}

}  // namespace

ComplexChunkFn PickComplexLoop(ComplexOp op, bool is_double) {
  return is_double ? ForPart<double>(op) : ForPart<float>(op);
}

}  // namespace mmarray
