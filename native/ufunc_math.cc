// The math ufuncs' loops (see ufunc_math.h).
//
// fp-contract off heads the file, before the includes, for the reason
// ufunc_kernels.cc gives (GCC does not inline across functions compiled
// with other math flags): NumPy's formulas (logaddexp, complex expm1,
// reciprocal ...) round each step, and so must these; and the float32
// sin/cos loop must compute the same bits in every clone. errno and the
// floating-point exception flags are never read (no-trapping-math lets GCC
// compute both arms of that loop's selects, so it vectorizes; it changes no
// value).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-math-errno", "fp-contract=off", "no-trapping-math")
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
#include "fold_form.h"
#include "type_codes.h"
#include "ufunc_math.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace mmarray {
namespace {

// Type codes of lib/kernels.ts CAST_CODES (as ufunc_kernels.cc).
using namespace types;  // NOLINT: the type codes of type_codes.h

// npymath's constants, rounded to the loop's part type as NumPy's float loops use them.
template <class T>
constexpr T kLogE2 = T(0.693147180559945309417232121458176568);
template <class T>
constexpr T kLog2E = T(1.442695040888963407359924681001892137);
template <class T>
constexpr T kLog10E = T(0.434294481903251827651128918916605082);
template <class T>
constexpr T kPi = T(3.141592653589793238462643383279502884);

// ------------------------------------------------------------------ real element ops

#define MMARRAY_LIBM_OP(Name, call)        \
  struct Name {                            \
    template <class T>                     \
    static T Apply(T x) { return call(x); } \
  };
MMARRAY_LIBM_OP(Sin, std::sin)
MMARRAY_LIBM_OP(Cos, std::cos)
MMARRAY_LIBM_OP(Tan, std::tan)
MMARRAY_LIBM_OP(Arcsin, std::asin)
MMARRAY_LIBM_OP(Arccos, std::acos)
MMARRAY_LIBM_OP(Arctan, std::atan)
MMARRAY_LIBM_OP(Sinh, std::sinh)
MMARRAY_LIBM_OP(Cosh, std::cosh)
MMARRAY_LIBM_OP(Tanh, std::tanh)
MMARRAY_LIBM_OP(Arcsinh, std::asinh)
MMARRAY_LIBM_OP(Arccosh, std::acosh)
MMARRAY_LIBM_OP(Arctanh, std::atanh)
MMARRAY_LIBM_OP(Exp2, std::exp2)
MMARRAY_LIBM_OP(Expm1, std::expm1)
MMARRAY_LIBM_OP(Log2, std::log2)
MMARRAY_LIBM_OP(Log10, std::log10)
MMARRAY_LIBM_OP(Log1p, std::log1p)
MMARRAY_LIBM_OP(Cbrt, std::cbrt)
#undef MMARRAY_LIBM_OP

// npy_deg2rad / npy_rad2deg: one product by a constant. NumPy's float
// constant is computed in float (180.0f / NPY_PIf, whose bits differ from
// (float)(180 / pi)); checked against NumPy in test/ufuncs/trig.test.ts.
struct Radians {
  template <class T>
  static T Apply(T x) { return x * (kPi<T> / T(180)); }
};
struct Degrees {
  template <class T>
  static T Apply(T x) { return x * (T(180) / kPi<T>); }
};
// NumPy's sign: NaN stays NaN (its own bits), -0.0 gives +0.0.
struct Sign {
  template <class T>
  static T Apply(T x) {
    if constexpr (std::is_floating_point_v<T>) return x > 0 ? T(1) : x < 0 ? T(-1) : x == 0 ? T(0) : x;
    else if constexpr (std::is_signed_v<T>) return static_cast<T>((x > 0) - (x < 0));
    else return static_cast<T>(x > 0);
  }
};
struct Positive {
  template <class T>
  static T Apply(T x) { return x; }
};
// NumPy's integer reciprocal is C's (type)(1.0 / x): 1 and -1 keep their
// value, larger ones truncate to 0, and 0 gives what x86-64's conversion of
// inf gives (INT_MIN for int32 and int64, 0 for the narrower and unsigned
// types, whose conversion goes through a wider int): spelled out here, as
// C leaves that conversion undefined.
struct Reciprocal {
  template <class T>
  static T Apply(T x) {
    if constexpr (std::is_floating_point_v<T>) {
      return T(1) / x;
    } else {
      if (x == 0) {
        if constexpr (std::is_signed_v<T> && sizeof(T) >= 4) return std::numeric_limits<T>::min();
        else return 0;
      }
      if (x == 1) return 1;
      if constexpr (std::is_signed_v<T>) {
        if (x == -1) return static_cast<T>(-1);
      }
      return 0;
    }
  }
};
// npy_spacing: the gap to the next value away from zero, signed as x; NaN
// for inf; the smallest subnormal (positive) for either zero.
struct Spacing {
  template <class T>
  static T Apply(T x) {
    if (std::isinf(x)) return std::numeric_limits<T>::quiet_NaN();
    if (x == 0) return std::numeric_limits<T>::denorm_min();
    return std::nextafter(x, std::copysign(std::numeric_limits<T>::infinity(), x)) - x;
  }
};

struct Arctan2 {
  template <class T>
  static T Apply(T y, T x) { return std::atan2(y, x); }
};
struct Hypot {
  template <class T>
  static T Apply(T x, T y) { return std::hypot(x, y); }
};
// npy_logaddexp: equal inputs (infinities of one sign included) add log 2;
// otherwise the larger plus log1p(exp(-|difference|)); NaN passes through.
struct Logaddexp {
  template <class T>
  static T Apply(T x, T y) {
    if (x == y) return x + kLogE2<T>;
    const T d = x - y;
    if (d > 0) return x + std::log1p(std::exp(-d));
    if (d <= 0) return y + std::log1p(std::exp(d));
    return d;
  }
};
// npy_logaddexp2, with npy_log2_1p(v) = LOG2E * log1p(v).
struct Logaddexp2 {
  template <class T>
  static T Apply(T x, T y) {
    if (x == y) return x + 1;
    const T d = x - y;
    if (d > 0) return x + kLog2E<T> * std::log1p(std::exp2(-d));
    if (d <= 0) return y + kLog2E<T> * std::log1p(std::exp2(d));
    return d;
  }
};
// C's fmod for floats; for ints, C's % with NumPy's guards: by 0 gives 0,
// MIN % -1 gives 0 (C's traps).
struct Fmod {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      return std::fmod(a, b);
    } else {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
      }
      return static_cast<T>(a % b);
    }
  }
};
struct Copysign {
  template <class T>
  static T Apply(T a, T b) { return std::copysign(a, b); }
};
// fmax/fmin: a NaN loses to a number (both NaN: the first). On ±0 ties the
// first input is kept; NumPy's own loops disagree with each other there
// (its float32 and float64 SIMD loops and its scalar loop pick differently).
// No short circuit, as Maximum's in ufunc_kernels.cc: vector code, no branch on the data.
struct Fmax {
  template <class T>
  static T Apply(T a, T b) { return (a >= b) | (b != b) ? a : b; }
};
struct Fmin {
  template <class T>
  static T Apply(T a, T b) { return (a <= b) | (b != b) ? a : b; }
};
// npy_heaviside: NaN for NaN (the default quiet NaN), h0 at 0, else 0 or 1.
struct Heaviside {
  template <class T>
  static T Apply(T x, T h0) {
    if (x != x) return std::numeric_limits<T>::quiet_NaN();
    if (x == 0) return h0;
    return x < 0 ? T(0) : T(1);
  }
};
struct Nextafter {
  template <class T>
  static T Apply(T a, T b) { return std::nextafter(a, b); }
};

// float16 nextafter and spacing step half's own bits (npy_half_nextafter,
// npy_half_spacing): their loops take the bits (compute type float16, which
// the walk converts to and from like any other), as NumPy's 'e' loops do.
inline bool HalfIsNan(uint16_t h) { return (h & 0x7c00u) == 0x7c00u && (h & 0x03ffu) != 0; }
struct HalfNextafter {
  static uint16_t Apply(uint16_t x, uint16_t y) {
    if (HalfIsNan(x) || HalfIsNan(y)) return 0x7e00u;
    if (x == y || ((x | y) & 0x7fffu) == 0) return x;  // equal (either zero equals the other)
    if ((x & 0x7fffu) == 0) return static_cast<uint16_t>((y & 0x8000u) + 1);  // the smallest subnormal, signed as y
    if (!(x & 0x8000u)) return static_cast<int16_t>(x) > static_cast<int16_t>(y) ? static_cast<uint16_t>(x - 1) : static_cast<uint16_t>(x + 1);
    return !(y & 0x8000u) || (x & 0x7fffu) > (y & 0x7fffu) ? static_cast<uint16_t>(x - 1) : static_cast<uint16_t>(x + 1);
  }
};
// Half's spacing is the (positive) gap toward +inf: for a negative power of
// two that is the gap below its magnitude.
struct HalfSpacing {
  static uint16_t Apply(uint16_t h) {
    const uint16_t e = h & 0x7c00u, m = h & 0x03ffu;
    if (e == 0x7c00u) return 0x7e00u;  // NaN for inf and NaN
    if (h == 0x7bffu) return 0x7c00u;  // past the largest half: +inf
    if ((h & 0x8000u) && m == 0) {
      if (e > 0x2c00u) return static_cast<uint16_t>(e - 0x2c00u);
      if (e > 0x0400u) return static_cast<uint16_t>(1u << ((e >> 10) - 2));
      return 0x0001u;
    }
    if (e > 0x2800u) return static_cast<uint16_t>(e - 0x2800u);
    if (e > 0x0400u) return static_cast<uint16_t>(1u << ((e >> 10) - 1));
    return 0x0001u;
  }
};

// npy_gcd/npy_lcm: Euclid on the magnitudes as unsigned values (so
// gcd(INT_MIN, 0) is INT_MIN again once stored), lcm = a / gcd * b wrapping
// as C's unsigned arithmetic; computed in 64 bits, whose low bits are those
// of the narrower types' arithmetic.
template <class T>
inline uint64_t Magnitude(T x) {
  if constexpr (std::is_signed_v<T>) return x < 0 ? uint64_t{0} - static_cast<uint64_t>(static_cast<int64_t>(x)) : static_cast<uint64_t>(x);
  else return static_cast<uint64_t>(x);
}
inline uint64_t Euclid(uint64_t a, uint64_t b) {
  while (b != 0) {
    const uint64_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}
template <class T>
inline T Narrow(uint64_t v) {
  return static_cast<T>(static_cast<std::make_unsigned_t<T>>(v));  // modular
}
struct Gcd {
  template <class T>
  static T Apply(T a, T b) { return Narrow<T>(Euclid(Magnitude(a), Magnitude(b))); }
};
struct Lcm {
  template <class T>
  static T Apply(T a, T b) {
    const uint64_t x = Magnitude(a), y = Magnitude(b);
    const uint64_t g = Euclid(x, y);
    if (g == 0) return 0;
    // The quotient of the narrow type's magnitude, then the product modulo its width.
    using U = std::make_unsigned_t<T>;
    const U q = static_cast<U>(x / g);
    return Narrow<T>(static_cast<uint64_t>(static_cast<U>(q * static_cast<U>(y))));
  }
};


// fabs, and the halves of modf and frexp (NumPy's loops call the C
// library's, one output each here: lib/ufuncs/float-parts.ts runs the two
// halves as two passes). frexp's exponent is returned in the compute type
// (an exact small integer) and stored as int32 by the walk's output cast;
// glibc gives 0 for inf and NaN, as NumPy's loop then stores.
struct Fabs {
  template <class T>
  static T Apply(T x) { return std::fabs(x); }
};
struct ModfFrac {
  template <class T>
  static T Apply(T x) {
    T whole;
    return std::modf(x, &whole);
  }
};
struct ModfInt {
  template <class T>
  static T Apply(T x) {
    T whole;
    std::modf(x, &whole);
    return whole;
  }
};
struct FrexpMant {
  template <class T>
  static T Apply(T x) {
    int e = 0;
    return std::frexp(x, &e);
  }
};
struct FrexpExp {
  template <class T>
  static T Apply(T x) {
    int e = 0;
    std::frexp(x, &e);
    return std::isfinite(x) ? static_cast<T>(e) : T(0);
  }
};
// npy_ldexp with the exponent handed over in the compute type (the walk
// converts the int input to it: exact for every exponent that does not
// already overflow or underflow any float), clamped into int's range (C's
// conversion of a larger double is undefined; ldexp saturates far earlier).
struct Ldexp {
  template <class T>
  static T Apply(T x, T n) {
    const int e = n != n ? 0 : n >= T(1 << 20) ? (1 << 20) : n <= -T(1 << 20) ? -(1 << 20) : static_cast<int>(n);
    return std::ldexp(x, e);
  }
};
// NumPy's bitwise_count: the set bits of the magnitude (of -1: 1), stored as uint8 by the walk.
struct BitwiseCount {
  template <class T>
  static T Apply(T x) { return static_cast<T>(__builtin_popcountll(Magnitude(x))); }
};

// ------------------------------------------------------------------ complex element ops

template <class T>
using C = std::complex<T>;

// csin ... catanh: std's complex functions are the C library's (libstdc++
// calls __builtin_csin ...), which is what NumPy's npy_csin ... call.
#define MMARRAY_CLIB_OP(Name, call)                  \
  struct C##Name {                                   \
    template <class T>                               \
    static C<T> Apply(C<T> z) { return call(z); }    \
  };
MMARRAY_CLIB_OP(Sin, std::sin)
MMARRAY_CLIB_OP(Cos, std::cos)
MMARRAY_CLIB_OP(Tan, std::tan)
MMARRAY_CLIB_OP(Arcsin, std::asin)
MMARRAY_CLIB_OP(Arccos, std::acos)
MMARRAY_CLIB_OP(Arctan, std::atan)
MMARRAY_CLIB_OP(Sinh, std::sinh)
MMARRAY_CLIB_OP(Cosh, std::cosh)
MMARRAY_CLIB_OP(Tanh, std::tanh)
MMARRAY_CLIB_OP(Arcsinh, std::asinh)
MMARRAY_CLIB_OP(Arccosh, std::acosh)
MMARRAY_CLIB_OP(Arctanh, std::atanh)
#undef MMARRAY_CLIB_OP

// nc_exp2: cexp of z * ln 2, each part multiplied on its own.
struct CExp2 {
  template <class T>
  static C<T> Apply(C<T> z) { return std::exp(C<T>(z.real() * kLogE2<T>, z.imag() * kLogE2<T>)); }
};
// nc_expm1: (expm1(x) cos y - 2 sin²(y/2), exp(x) sin y).
struct CExpm1 {
  template <class T>
  static C<T> Apply(C<T> z) {
    const T x = z.real(), y = z.imag();
    const T a = std::sin(y / 2);
    return C<T>(std::expm1(x) * std::cos(y) - 2 * a * a, std::exp(x) * std::sin(y));
  }
};
// nc_log2, nc_log10: clog, each part times log_b(e).
struct CLog2 {
  template <class T>
  static C<T> Apply(C<T> z) {
    const C<T> l = std::log(z);
    return C<T>(l.real() * kLog2E<T>, l.imag() * kLog2E<T>);
  }
};
struct CLog10 {
  template <class T>
  static C<T> Apply(C<T> z) {
    const C<T> l = std::log(z);
    return C<T>(l.real() * kLog10E<T>, l.imag() * kLog10E<T>);
  }
};
// nc_log1p: (log(hypot(x + 1, y)), atan2(y, x + 1)).
struct CLog1p {
  template <class T>
  static C<T> Apply(C<T> z) {
    const T x1 = z.real() + 1, y = z.imag();
    return C<T>(std::log(std::hypot(x1, y)), std::atan2(y, x1));
  }
};
// NumPy 2's complex sign, z / |z|: an infinite part gives its unit
// direction, even beside a NaN (NaN + NaN j when both parts are infinite);
// otherwise a NaN part gives NaN + NaN j; 0 gives 0.
struct CSign {
  template <class T>
  static C<T> Apply(C<T> z) {
    const T x = z.real(), y = z.imag();
    const T nan = std::numeric_limits<T>::quiet_NaN();
    if (std::isinf(x)) return std::isinf(y) ? C<T>(nan, nan) : C<T>(x > 0 ? T(1) : T(-1), T(0));
    if (std::isinf(y)) return C<T>(T(0), y > 0 ? T(1) : T(-1));
    if (x != x || y != y) return C<T>(nan, nan);
    if (x == 0 && y == 0) return C<T>(T(0), T(0));
    const T h = std::hypot(x, y);
    return C<T>(x / h, y / h);
  }
};
struct CPositive {
  template <class T>
  static C<T> Apply(C<T> z) { return z; }
};
// NumPy's complex reciprocal (Smith's, dividing by the larger part).
struct CReciprocal {
  template <class T>
  static C<T> Apply(C<T> z) {
    const T x = z.real(), y = z.imag();
    if (std::fabs(y) <= std::fabs(x)) {
      const T r = y / x;
      const T d = x + y * r;
      return C<T>(1 / d, -r / d);
    }
    const T r = x / y;
    const T d = x * r + y;
    return C<T>(r / d, -1 / d);
  }
};
// NumPy's complex fmax/fmin: lexicographic order, a NaN part loses.
template <class T>
inline bool Cge(C<T> a, C<T> b) {
  return (a.real() > b.real() && a.imag() == a.imag() && b.imag() == b.imag()) || (a.real() == b.real() && a.imag() >= b.imag());
}
template <class T>
inline bool Cle(C<T> a, C<T> b) {
  return (a.real() < b.real() && a.imag() == a.imag() && b.imag() == b.imag()) || (a.real() == b.real() && a.imag() <= b.imag());
}
struct CFmax {
  template <class T>
  static C<T> Apply(C<T> a, C<T> b) { return Cge(a, b) || b.real() != b.real() || b.imag() != b.imag() ? a : b; }
};
struct CFmin {
  template <class T>
  static C<T> Apply(C<T> a, C<T> b) { return Cle(a, b) || b.real() != b.real() || b.imag() != b.imag() ? a : b; }
};

// ------------------------------------------------------------------ chunks

// Element i of an input is a[i * sa] (sa 0: one broadcast value); each input
// element is read before the output element of the same index is written,
// so an output that is an input exactly is fine (ufunc_math.h's SAFETY).
template <class F, class T>
void UnaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  const int64_t sa = ins[0];
  T* o = static_cast<T*>(ov);
  if (sa == 1 && so == 1) {
    for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i]);
    return;
  }
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa]);
}
// fmax/fmin reduce to the same value in any grouping (the largest number, or
// the first NaN when there is none), but for which zero a tie of +0 and -0
// keeps: a fold of contiguous items may then run in lanes. nanmin/nanmax give
// a zero result NumPy's sign afterwards (lib/reduce-axis.ts signZeros); in
// fmin/fmax.reduceat's groups either zero may win, as in NumPy's own loops,
// which disagree there (the Fmax note above).
template <class F, class T>
constexpr bool kRegroupsFold = std::is_floating_point_v<T> && (std::is_same_v<F, Fmax> || std::is_same_v<F, Fmin>);


template <class F, class T>
void BinaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  const T* b = static_cast<const T*>(in[1]);
  const int64_t sa = ins[0], sb = ins[1];
  T* o = static_cast<T*>(ov);
  if constexpr (kRegroupsFold<F, T>) {
    if (so == 0 && sa == 0 && a == o && sb == 1 && n >= kRegroupedFoldMin) {
      // Running values in lanes (vector code), folded together in order, then
      // the rest, then into the accumulator: the sequential fold's value
      // and NaN (a lane keeps its first NaN until a number comes, and the
      // first of all-NaN lanes wins each step). A zero result's sign is the
      // caller's (lib/reduce-axis.ts signZeros, after nanmin/nanmax).
      // SAFETY: the accumulator and items 0 .. n - 1 of b, as RunFoldForm.
      *o = F::Apply(*a, RegroupedFold<F, T>(b, n));
      return;
    }
  }
  // NumPy's reduce and accumulate calls (fold_form.h; MathLoopFoldsInPlace).
  if (RunFoldForm<F, T>(n, a, sa, b, sb, o, so)) return;
  if (sa == 1 && sb == 1 && so == 1) {
    for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], b[i]);
    return;
  }
  if (sa == 1 && sb == 0 && so == 1) {
    const T y = *b;
    for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], y);
    return;
  }
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa], b[i * sb]);
}
// Complex: an element is two parts of T (real first); strides count elements.
template <class F, class T>
void ComplexUnaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  const int64_t sa = ins[0];
  T* o = static_cast<T*>(ov);
  for (int64_t i = 0; i < n; i++) {
    const C<T> r = F::Apply(C<T>(a[2 * i * sa], a[2 * i * sa + 1]));
    o[2 * i * so] = r.real();
    o[2 * i * so + 1] = r.imag();
  }
}
template <class F, class T>
void ComplexBinaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  const T* b = static_cast<const T*>(in[1]);
  const int64_t sa = ins[0], sb = ins[1];
  T* o = static_cast<T*>(ov);
  for (int64_t i = 0; i < n; i++) {
    const C<T> r = F::Apply(C<T>(a[2 * i * sa], a[2 * i * sa + 1]), C<T>(b[2 * i * sb], b[2 * i * sb + 1]));
    o[2 * i * so] = r.real();
    o[2 * i * so + 1] = r.imag();
  }
}

// ------------------------------------------------------------------ float32 sin, cos
//
// NumPy's own float32 loop (umath loops_trigonometric.dispatch.cpp,
// simd_sincos_f32, on every x86-64 CPU with FMA3 and on arm64), step for
// step, so the results are NumPy's bits: k = rint(x·2/π) in float (a
// fused multiply-add of the 1.5·2^23 shift), r = x - k·π/2 by Cody-Waite in
// three fused multiply-adds (π/2 in three float parts), NumPy's degree-8
// cosine and degree-9 sine
// polynomials in r² (fused multiply-adds, T. Myklebust's coefficients), the
// one picked by k's quadrant, negated as 0 - v. NumPy documents it within
// 1.49 ulp of the exact value (sine's polynomial 0.647, cosine's 0.875 on
// the reduced range). Past its reduction range (|x| > 117435.992 for sin,
// 71476.0625 for cos) and for ±inf NumPy calls the C library's sinf/cosf,
// and so does this (Lib); a NaN gives NumPy's quiet NaN. std::fma is the
// exact fused operation on every build (one instruction in the x86-64-v3
// and -v4 clones and on arm64, the C library's fmaf elsewhere), and
// fp-contract is off, so every clone and the scalar form give the same bits.
// The float64-evaluated loop it replaces (fdlibm's reduction and
// polynomials, the float nearest (float)sin((double)x)) was within 1 ulp but
// differed from NumPy's bits on 1.6% of random floats up to 117,373 in
// magnitude, and took twice NumPy's CPU time: eight double lanes per vector
// and both polynomials at double length. Checked against NumPy 2.4.6 (its
// AVX512_SKX loop) over all 2^32 float32 bit patterns, sin and cos: no bit
// differs (NaNs compared as NaN).
constexpr float kTwoOverPiF = 0x1.45f306p-1f;
constexpr float kRintShiftF = 0x1.8p23f;  // adding and subtracting it rounds |v| <= 2^22 to an integer
constexpr float kMinusPio2HiF = -0x1.921fb0p+00f, kMinusPio2MedF = -0x1.5110b4p-22f, kMinusPio2LoF = -0x1.846988p-48f;
constexpr float kCosQ8 = 0x1.98e616p-16f, kCosQ6 = -0x1.6c06dcp-10f, kCosQ4 = 0x1.55553cp-05f;
constexpr float kSinQ9 = 0x1.7d3bbcp-19f, kSinQ7 = -0x1.a06bbap-13f, kSinQ5 = 0x1.11119ap-07f, kSinQ3 = -0x1.555556p-03f;
// NumPy's Cody-Waite ranges: past them it calls sinf/cosf.
constexpr float kSinReduceMax = 117435.992f, kCosReduceMax = 71476.0625f;

// sin (kCos 0) or cos (kCos 1) of x for |x| within the range or NaN (a
// quiet NaN); any other x gives a finite value the chunk replaces.
template <int kCos>
inline float SinCosNumpy(float x) {
  constexpr float kMax = kCos ? kCosReduceMax : kSinReduceMax;
  // NumPy zeroes the lanes it does not compute (NaN, out of range) before reducing.
  const float xr = std::fabs(x) <= kMax ? x : 0.0f;
  // Fused, as NumPy's build compiles its multiply and add (GCC contracts
  // the two vector operations): unfused, k differs for some x near an odd
  // multiple of π/4 and the result by an ulp.
  const float k = std::fma(xr, kTwoOverPiF, kRintShiftF) - kRintShiftF;
  float r = std::fma(k, kMinusPio2HiF, xr);
  r = std::fma(k, kMinusPio2MedF, r);
  r = std::fma(k, kMinusPio2LoF, r);
  const float r2 = r * r;
  const float c = std::fma(std::fma(std::fma(std::fma(kCosQ8, r2, kCosQ6), r2, kCosQ4), r2, -0.5f), r2, 1.0f);
  // The + 0 step is NumPy's (it decides the sign of a zero result: sin(-0) is -0).
  const float s = std::fma(std::fma(std::fma(std::fma(std::fma(kSinQ9, r2, kSinQ7), r2, kSinQ5), r2, kSinQ3), r2, 0.0f), r, r);
  // k is an integer of at most 2^17 in magnitude: the conversion is exact.
  const int32_t q = static_cast<int32_t>(k) + kCos;
  const float v = (q & 1) == 0 ? s : c;
  const float w = (q & 2) != 0 ? 0.0f - v : v;
  return x == x ? w : std::numeric_limits<float>::quiet_NaN();
}

// sin and cos as the kernels of VectorChunk (below).
template <int kCos>
struct SinCosF32 {
  using T = float;
  static float Vec(float x) { return SinCosNumpy<kCos>(x); }
  // NaN is in range (Vec gives NumPy's NaN); ±inf and large |x| are not.
  static bool InRange(float x) { return !(std::fabs(x) > (kCos ? kCosReduceMax : kSinReduceMax)); }
  static float Lib(float x) { return kCos ? std::cos(x) : std::sin(x); }
};

// ------------------------------------------------------------------ float64 log10
//
// fdlibm's log10 (FreeBSD e_log10.c, k_log.h), branch-free over positive
// normal x, a loop the compiler vectorises: x = 2^k · m with m in
// [√2/2, √2), log(m) = f - f²/2 + s·(f²/2 + R(s²)) for f = m - 1 and
// s = f / (2 + f), then k·log10(2) + log(m)/ln(10) each in a head and a
// tail summed last. Within 0.71 ulp on 20M random inputs (glibc's log10:
// 1.6 there), exact at the powers of 10 to 1e22; only IEEE operations and
// bit moves, no contraction, so the x86-64-v4, AVX2 and baseline clones and
// arm64 give the same bits. Zero, negatives, subnormals, inf and NaN take
// the C library's log10.
constexpr double kIvln10Hi = 4.34294481878168880939e-01, kIvln10Lo = 2.50829467116452752298e-11;
constexpr double kLog10Of2Hi = 3.01029995663611771306e-01, kLog10Of2Lo = 3.69423907715893078616e-13;
constexpr double kLg1 = 6.666666666666735130e-01, kLg2 = 3.999999999940941908e-01, kLg3 = 2.857142874366239149e-01,
                 kLg4 = 2.222219843214978396e-01, kLg5 = 1.818357216161805012e-01, kLg6 = 1.531383769920937332e-01,
                 kLg7 = 1.479819860511658591e-01;

inline double Log10Normal(double x) {
  uint64_t b;
  std::memcpy(&b, &x, 8);
  const uint64_t hx = b >> 32;
  // i: 0x100000 when the mantissa is past √2 (m is then x's mantissa halved, k one more).
  const uint64_t i = ((hx & 0x000fffffu) + 0x95f64u) & 0x100000u;
  const uint64_t mb = (((hx & 0x000fffffu) | (i ^ 0x3ff00000u)) << 32) | (b & 0xffffffffu);
  double m;
  std::memcpy(&m, &mb, 8);
  // k as a double through 2^52's bits (exact; an int64 conversion does not vectorise before AVX-512).
  const uint64_t kb = 0x4330000000000000ull | ((hx >> 20) + (i >> 20));
  double y;
  std::memcpy(&y, &kb, 8);
  y = (y - 4503599627370496.0) - 1023.0;
  const double f = m - 1.0;
  const double hfsq = 0.5 * f * f;
  const double s = f / (2.0 + f);
  const double z = s * s, w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = s * (hfsq + (t2 + t1));
  // f - f²/2 with its low 32 bits cleared, so hi · ivln10hi is exact.
  double hi = f - hfsq;
  uint64_t hb;
  std::memcpy(&hb, &hi, 8);
  hb &= 0xffffffff00000000ull;
  std::memcpy(&hi, &hb, 8);
  const double lo = (f - hi) - hfsq + r;
  const double y2 = y * kLog10Of2Hi;
  const double val_hi = hi * kIvln10Hi;
  double val_lo = y * kLog10Of2Lo + (lo + hi) * kIvln10Lo + lo * kIvln10Hi;
  const double sum = y2 + val_hi;
  val_lo += (y2 - sum) + val_hi;
  return val_lo + sum;
}
struct Log10F64 {
  using T = double;
  static double Vec(double x) { return Log10Normal(x); }
  static bool InRange(double x) { return x >= std::numeric_limits<double>::min() && x <= std::numeric_limits<double>::max(); }
  static double Lib(double x) { return std::log10(x); }
};

// ------------------------------------------------------------------ float64 arctan2
//
// fdlibm's atan2 (e_atan2.c, s_atan.c; V8's Math.atan2 is the same code)
// for the pairs it computes as atan(|y/x|) and a quadrant fix: both parts
// finite, normal and |y/x| in [2^-58, 2^58]. Its range branches become
// selects (one quotient picked from the five reductions, one table entry),
// so the loop vectorises; only IEEE operations, no contraction: the same
// bits in every build, and V8's. The other pairs (zeros, infinities, NaN,
// subnormals, extreme ratios) take the C library's atan2.
// atan(1/2), atan(1), atan(3/2), atan(inf) in a head and a tail (scalars, not a table: a table lookup would not vectorise).
constexpr double kAtanHi0 = 4.63647609000806093515e-01, kAtanHi1 = 7.85398163397448278999e-01, kAtanHi2 = 9.82793723247329054082e-01,
                 kAtanHi3 = 1.57079632679489655800e+00;
constexpr double kAtanLo0 = 2.26987774529616870924e-17, kAtanLo1 = 3.06161699786838301793e-17, kAtanLo2 = 1.39033110312309984516e-17,
                 kAtanLo3 = 6.12323399573676603587e-17;
constexpr double kAT0 = 3.33333333333329318027e-01, kAT1 = -1.99999999998764832476e-01, kAT2 = 1.42857142725034663711e-01,
                 kAT3 = -1.11111104054623557880e-01, kAT4 = 9.09088713343650656196e-02, kAT5 = -7.69187620504482999495e-02,
                 kAT6 = 6.66107313738753120669e-02, kAT7 = -5.83357013379057348645e-02, kAT8 = 4.97687799461593236017e-02,
                 kAT9 = -3.65315727442169155270e-02, kAT10 = 1.62858201153657823623e-02;
constexpr double kPiD = 3.1415926535897931160e+00, kPiLo = 1.2246467991473531772e-16;

inline double Atan2Ordinary(double y, double x) {
  const double t = std::fabs(y / x);
  // s_atan.c's reductions of t: none under 7/16, then around 1/2, 1, 3/2 and infinity.
  const bool r0 = t < 0.4375, r1 = t < 0.6875, r2 = t < 1.1875, r3 = t < 2.4375;
  const double num = r0 ? t : r1 ? 2.0 * t - 1.0 : r2 ? t - 1.0 : r3 ? t - 1.5 : -1.0;
  const double den = r0 ? 1.0 : r1 ? 2.0 + t : r2 ? t + 1.0 : r3 ? 1.0 + 1.5 * t : t;
  double hi = kAtanHi3, lo = kAtanLo3;
  hi = r3 ? kAtanHi2 : hi;
  lo = r3 ? kAtanLo2 : lo;
  hi = r2 ? kAtanHi1 : hi;
  lo = r2 ? kAtanLo1 : lo;
  hi = r1 ? kAtanHi0 : hi;
  lo = r1 ? kAtanLo0 : lo;
  const double u = num / den;  // t / 1 = t under 7/16
  const double z = u * u, w = z * z;
  const double s1 = z * (kAT0 + w * (kAT2 + w * (kAT4 + w * (kAT6 + w * (kAT8 + w * kAT10)))));
  const double s2 = w * (kAT1 + w * (kAT3 + w * (kAT5 + w * (kAT7 + w * kAT9))));
  const double a = r0 ? u - u * (s1 + s2) : hi - ((u * (s1 + s2) - lo) - u);
  // e_atan2.c's quadrants: atan(+,+), atan(-,+), atan(+,-), atan(-,-).
  // (y and x are not zero here: the sign is the comparison; signbit does not vectorise.)
  const bool ny = y < 0, nx = x < 0;
  const double right = ny ? -a : a;
  const double left = ny ? (a - kPiLo) - kPiD : kPiD - (a - kPiLo);
  return nx ? left : right;
}
struct Atan2F64 {
  using T = double;
  static double Vec(double y, double x) { return Atan2Ordinary(y, x); }
  static bool InRange(double y, double x) {
    constexpr double kMin = std::numeric_limits<double>::min(), kMax = std::numeric_limits<double>::max();
    const double ay = std::fabs(y), ax = std::fabs(x);
    // |y/x|, the same value as |y|/|x| and the same expression as Vec's
    // first line, so a loop computing both divides once (VectorBlock2Checked).
    const double t = std::fabs(y / x);
    // & rather than &&: no branches, so the check's loop vectorises.
    return (ay >= kMin) & (ay <= kMax) & (ax >= kMin) & (ax <= kMax) & (t >= 0x1p-58) & (t <= 0x1p58);
  }
  static double Lib(double y, double x) { return std::atan2(y, x); }
  // Vec is defined (only IEEE operations) for every pair: VectorChunk2 may
  // run it and the range check in one loop and patch the pairs out of range.
  static constexpr bool kFusedCheck = true;
};

// ------------------------------------------------------------------ vector chunks

#if defined(__x86_64__)
// x86-64-v3 (AVX2 with FMA) beside plain AVX2: float32 sin/cos use std::fma,
// one instruction there and a C library call in a clone without FMA.
#define MMARRAY_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "avx2", "default")))
#else
#define MMARRAY_VECTOR_CLONES
#endif
template <class K>
MMARRAY_VECTOR_CLONES void VectorBlock(int64_t n, const typename K::T* a, typename K::T* o) {
  for (int64_t i = 0; i < n; i++) o[i] = K::Vec(a[i]);
}
// The kernel's range check over a block, a loop that vectorises.
template <class K>
MMARRAY_VECTOR_CLONES bool AllInRange(int64_t n, const typename K::T* a) {
  int all = 1;
  for (int64_t i = 0; i < n; i++) all &= K::InRange(a[i]);
  return all != 0;
}
template <class K>
MMARRAY_VECTOR_CLONES void VectorBlock2(int64_t n, const typename K::T* a, const typename K::T* b, typename K::T* o) {
  for (int64_t i = 0; i < n; i++) o[i] = K::Vec(a[i], b[i]);
}
// VectorBlock2 and AllInRange2 in one pass (for kernels whose Vec is
// defined for every pair: K::kFusedCheck): the inputs are read once and a
// division both compute (arctan2's y/x) is done once.
template <class K>
MMARRAY_VECTOR_CLONES bool VectorBlock2Checked(int64_t n, const typename K::T* a, const typename K::T* b, typename K::T* o) {
  int all = 1;
  for (int64_t i = 0; i < n; i++) {
    o[i] = K::Vec(a[i], b[i]);
    all &= K::InRange(a[i], b[i]);
  }
  return all != 0;
}
template <class K>
MMARRAY_VECTOR_CLONES bool AllInRange2(int64_t n, const typename K::T* a, const typename K::T* b) {
  int all = 1;
  for (int64_t i = 0; i < n; i++) all &= K::InRange(a[i], b[i]);
  return all != 0;
}
#undef MMARRAY_VECTOR_CLONES

// Kernel K (Vec: the vectorised form, right for inputs InRange; Lib: the C
// library for the rest) in blocks of 1024: a contiguous block whose inputs
// are all in range (the usual case) goes straight through the vector loop
// (in place too: each element is read before it is written); any other
// block goes through a buffer: the loop, then Lib for the inputs out of
// range, then the stores (an output that is the input stays unread until
// its block is done).
template <class K>
void VectorChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  using T = typename K::T;
  const T* a = static_cast<const T*>(in[0]);
  const int64_t sa = ins[0];
  T* o = static_cast<T*>(ov);
  constexpr int64_t kBlock = 1024;
  T buf[kBlock];
  for (int64_t s = 0; s < n; s += kBlock) {
    const int64_t m = std::min(kBlock, n - s);
    // SAFETY: the caller's contract (ufunc_math.h): n elements at these strides are in bounds.
    if (sa == 1 && so == 1 && AllInRange<K>(m, a + s)) {
      VectorBlock<K>(m, a + s, o + s);
      continue;
    }
    if (sa == 1) {
      VectorBlock<K>(m, a + s, buf);
    } else {
      // Gathered first, so a strided input runs the vector loop too (this
      // CPU's clone: float32 sin's fused multiply-adds are C library calls
      // in the baseline build).
      T gathered[kBlock];
      for (int64_t i = 0; i < m; i++) gathered[i] = a[(s + i) * sa];
      VectorBlock<K>(m, gathered, buf);
    }
    for (int64_t i = 0; i < m; i++) {
      const T x = a[(s + i) * sa];
      if (!K::InRange(x)) buf[i] = K::Lib(x);
    }
    for (int64_t i = 0; i < m; i++) o[(s + i) * so] = buf[i];
  }
}

// K::kFusedCheck when K declares it true, else false.
template <class K, class = void>
struct FusedCheck : std::false_type {};
template <class K>
struct FusedCheck<K, std::void_t<decltype(K::kFusedCheck)>> : std::bool_constant<K::kFusedCheck> {};

// VectorChunk's two-input form: contiguous blocks of in-range pairs (the
// second input contiguous or one broadcast value) straight through the
// vector loop, any other block element by element (Vec or Lib) through a
// buffer. A kernel with kFusedCheck (arctan2) runs each contiguous block
// once, values and range check together, into the buffer, patches the
// pairs out of range with Lib and stores the block: 10M float64 pairs,
// CPU min of 15, ~54 -> ~51 ms (see docs/performance-notes.md, perf7).
template <class K>
void VectorChunk2(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  using T = typename K::T;
  const T* a = static_cast<const T*>(in[0]);
  const T* b = static_cast<const T*>(in[1]);
  const int64_t sa = ins[0], sb = ins[1];
  T* o = static_cast<T*>(ov);
  constexpr int64_t kBlock = 1024;
  T buf[kBlock];
  // A broadcast second input (a scalar: ldexp(x, 3), arctan2(y, 1.0)) spread
  // over one block, so its blocks take the vector loop too (4M float64, CPU
  // min of 7 over three interleaved A/B runs at load 10-12: arctan2(x, 1.5)
  // 35.9-36.6 -> 16.7-17.5 ms, ldexp(x, 3) 13.9-14.6 -> 3.8-5.8 ms).
  T spread[kBlock];
  if (sb == 0) std::fill(spread, spread + std::min(kBlock, n), *b);
  for (int64_t s = 0; s < n; s += kBlock) {
    const int64_t m = std::min(kBlock, n - s);
    // SAFETY: the caller's contract (ufunc_math.h): n elements at these
    // strides are in bounds; `spread` holds min(kBlock, n) >= m copies of *b.
    const T* bb = sb == 0 ? spread : b + s;
    if constexpr (FusedCheck<K>::value) {
      if (sa == 1 && (sb == 1 || sb == 0)) {
        // One pass into the buffer (the output may be an input: nothing is
        // stored until the block's pairs out of range are patched from them).
        if (!VectorBlock2Checked<K>(m, a + s, bb, buf)) {
          for (int64_t i = 0; i < m; i++) {
            if (!K::InRange(a[s + i], bb[i])) buf[i] = K::Lib(a[s + i], bb[i]);
          }
        }
        if (so == 1) std::memcpy(o + s, buf, static_cast<size_t>(m) * sizeof(T));
        else for (int64_t i = 0; i < m; i++) o[(s + i) * so] = buf[i];
        continue;
      }
    }
    if (sa == 1 && (sb == 1 || sb == 0) && so == 1 && AllInRange2<K>(m, a + s, bb)) {
      VectorBlock2<K>(m, a + s, bb, o + s);
      continue;
    }
    for (int64_t i = 0; i < m; i++) {
      const T x = a[(s + i) * sa], y = b[(s + i) * sb];
      buf[i] = K::InRange(x, y) ? K::Vec(x, y) : K::Lib(x, y);
    }
    for (int64_t i = 0; i < m; i++) o[(s + i) * so] = buf[i];
  }
}


// ------------------------------------------------------------------ frexp, modf as vector kernels
//
// The halves of frexp and modf for finite normal x by bit moves and one
// trunc, loops the compiler vectorises (VectorChunk, below); zeros,
// subnormals, inf and NaN take the C library's frexp and modf. The same
// values: frexp's mantissa is x with its exponent field set to 2^-1's and
// the exponent the field minus 1022 (126 for float); modf's whole part is
// trunc(x) and the fraction x - trunc(x) (exact: both lie in x's binade or
// below) with x's sign (-3.0 gives -0.0, as modf).
template <class T>
struct FloatBits;
template <>
struct FloatBits<double> {
  using U = uint64_t;
  static constexpr int kMantBits = 52;
  static constexpr U kExpMask = 0x7ff;
  static constexpr U kHalfExp = 1022;
};
template <>
struct FloatBits<float> {
  using U = uint32_t;
  static constexpr int kMantBits = 23;
  static constexpr U kExpMask = 0xff;
  static constexpr U kHalfExp = 126;
};
template <class T>
inline bool NormalFinite(T x) {
  using B = FloatBits<T>;
  typename B::U b;
  std::memcpy(&b, &x, sizeof b);
  const typename B::U e = (b >> B::kMantBits) & B::kExpMask;
  return (e != 0) & (e != B::kExpMask);
}
template <class TT>
struct FrexpMantVec {
  using T = TT;
  static T Vec(T x) {
    using B = FloatBits<T>;
    typename B::U b;
    std::memcpy(&b, &x, sizeof b);
    b = (b & ~(B::kExpMask << B::kMantBits)) | (B::kHalfExp << B::kMantBits);
    T m;
    std::memcpy(&m, &b, sizeof m);
    return m;
  }
  static bool InRange(T x) { return NormalFinite(x); }
  static T Lib(T x) { return FrexpMant::Apply(x); }
};
template <class TT>
struct FrexpExpVec {
  using T = TT;
  static T Vec(T x) {
    using B = FloatBits<T>;
    typename B::U b;
    std::memcpy(&b, &x, sizeof b);
    using S = std::make_signed_t<typename B::U>;
    return static_cast<T>(static_cast<S>((b >> B::kMantBits) & B::kExpMask) - static_cast<S>(B::kHalfExp));
  }
  static bool InRange(T x) { return NormalFinite(x); }
  static T Lib(T x) { return FrexpExp::Apply(x); }
};
template <class TT>
struct ModfIntVec {
  using T = TT;
  static T Vec(T x) { return std::trunc(x); }
  static bool InRange(T x) { return NormalFinite(x); }
  static T Lib(T x) { return ModfInt::Apply(x); }
};
template <class TT>
struct ModfFracVec {
  using T = TT;
  static T Vec(T x) { return std::copysign(x - std::trunc(x), x); }
  static bool InRange(T x) { return NormalFinite(x); }
  static T Lib(T x) { return ModfFrac::Apply(x); }
};

// ldexp as a vector kernel: for a finite normal x and an integral exponent
// n whose result stays normal, n added to the exponent field (exact, as
// ldexp is); everything else (zeros, subnormal inputs or results,
// overflow, inf, NaN) takes Ldexp, the C library's.
template <class TT>
struct LdexpVec {
  using T = TT;
  using B = FloatBits<T>;
  using S = std::make_signed_t<typename B::U>;
  // n as an integer (a NaN or huge n, of a pair InRange refuses, as 0: C leaves that conversion undefined).
  static S Int(T n) { return static_cast<S>(n >= T(-4096) && n <= T(4096) ? n : T(0)); }
  static T Vec(T x, T n) {
    typename B::U b;
    std::memcpy(&b, &x, sizeof b);
    b += static_cast<typename B::U>(Int(n)) << B::kMantBits;
    T r;
    std::memcpy(&r, &b, sizeof r);
    return r;
  }
  static bool InRange(T x, T n) {
    typename B::U b;
    std::memcpy(&b, &x, sizeof b);
    const S e = static_cast<S>((b >> B::kMantBits) & B::kExpMask) + Int(n);
    // & rather than &&: no branches, so the check's loop vectorises.
    return NormalFinite(x) & (n == std::trunc(n)) & (n >= T(-4096)) & (n <= T(4096)) & (e >= 1) & (e < static_cast<S>(B::kExpMask));
  }
  static T Lib(T x, T n) { return Ldexp::Apply(x, n); }
};

// ------------------------------------------------------------------ dispatch

template <class T>
MathChunkFn PickFloat(int op) {
  if (op == kMFrexpMant) return VectorChunk<FrexpMantVec<T>>;
  if (op == kMFrexpExp) return VectorChunk<FrexpExpVec<T>>;
  if (op == kMModfInt) return VectorChunk<ModfIntVec<T>>;
  if (op == kMModfFrac) return VectorChunk<ModfFracVec<T>>;
  if (op == kMLdexp) return VectorChunk2<LdexpVec<T>>;
  if constexpr (std::is_same_v<T, float>) {
    if (op == kMSin) return VectorChunk<SinCosF32<0>>;
    if (op == kMCos) return VectorChunk<SinCosF32<1>>;
  } else {
    if (op == kMLog10) return VectorChunk<Log10F64>;
    if (op == kMArctan2) return VectorChunk2<Atan2F64>;
  }
  switch (op) {
    case kMSin: return UnaryChunk<Sin, T>;
    case kMCos: return UnaryChunk<Cos, T>;
    case kMTan: return UnaryChunk<Tan, T>;
    case kMArcsin: return UnaryChunk<Arcsin, T>;
    case kMArccos: return UnaryChunk<Arccos, T>;
    case kMArctan: return UnaryChunk<Arctan, T>;
    case kMSinh: return UnaryChunk<Sinh, T>;
    case kMCosh: return UnaryChunk<Cosh, T>;
    case kMTanh: return UnaryChunk<Tanh, T>;
    case kMArcsinh: return UnaryChunk<Arcsinh, T>;
    case kMArccosh: return UnaryChunk<Arccosh, T>;
    case kMArctanh: return UnaryChunk<Arctanh, T>;
    case kMExp2: return UnaryChunk<Exp2, T>;
    case kMExpm1: return UnaryChunk<Expm1, T>;
    case kMLog2: return UnaryChunk<Log2, T>;
    case kMLog10: return UnaryChunk<Log10, T>;
    case kMLog1p: return UnaryChunk<Log1p, T>;
    case kMCbrt: return UnaryChunk<Cbrt, T>;
    case kMRadians: return UnaryChunk<Radians, T>;
    case kMDegrees: return UnaryChunk<Degrees, T>;
    case kMSign: return UnaryChunk<Sign, T>;
    case kMPositive: return UnaryChunk<Positive, T>;
    case kMReciprocal: return UnaryChunk<Reciprocal, T>;
    case kMSpacing: return UnaryChunk<Spacing, T>;
    case kMArctan2: return BinaryChunk<Arctan2, T>;
    case kMHypot: return BinaryChunk<Hypot, T>;
    case kMLogaddexp: return BinaryChunk<Logaddexp, T>;
    case kMLogaddexp2: return BinaryChunk<Logaddexp2, T>;
    case kMFmod: return BinaryChunk<Fmod, T>;
    case kMCopysign: return BinaryChunk<Copysign, T>;
    case kMFmax: return BinaryChunk<Fmax, T>;
    case kMFmin: return BinaryChunk<Fmin, T>;
    case kMHeaviside: return BinaryChunk<Heaviside, T>;
    case kMNextafter: return BinaryChunk<Nextafter, T>;
    case kMFabs: return UnaryChunk<Fabs, T>;
    case kMModfFrac: return UnaryChunk<ModfFrac, T>;
    case kMModfInt: return UnaryChunk<ModfInt, T>;
    case kMFrexpMant: return UnaryChunk<FrexpMant, T>;
    case kMFrexpExp: return UnaryChunk<FrexpExp, T>;
    case kMLdexp: return BinaryChunk<Ldexp, T>;
  }
  return nullptr;
}

template <class T>
MathChunkFn PickInt(int op) {
  switch (op) {
    case kMSign: return UnaryChunk<Sign, T>;
    case kMPositive: return UnaryChunk<Positive, T>;
    case kMReciprocal: return UnaryChunk<Reciprocal, T>;
    case kMFmod: return BinaryChunk<Fmod, T>;
    case kMFmax: return BinaryChunk<Fmax, T>;
    case kMFmin: return BinaryChunk<Fmin, T>;
    case kMGcd: return BinaryChunk<Gcd, T>;
    case kMLcm: return BinaryChunk<Lcm, T>;
    case kMBitwiseCount: return UnaryChunk<BitwiseCount, T>;
  }
  return nullptr;
}

template <class T>
MathChunkFn PickComplex(int op) {
  switch (op) {
    case kMSin: return ComplexUnaryChunk<CSin, T>;
    case kMCos: return ComplexUnaryChunk<CCos, T>;
    case kMTan: return ComplexUnaryChunk<CTan, T>;
    case kMArcsin: return ComplexUnaryChunk<CArcsin, T>;
    case kMArccos: return ComplexUnaryChunk<CArccos, T>;
    case kMArctan: return ComplexUnaryChunk<CArctan, T>;
    case kMSinh: return ComplexUnaryChunk<CSinh, T>;
    case kMCosh: return ComplexUnaryChunk<CCosh, T>;
    case kMTanh: return ComplexUnaryChunk<CTanh, T>;
    case kMArcsinh: return ComplexUnaryChunk<CArcsinh, T>;
    case kMArccosh: return ComplexUnaryChunk<CArccosh, T>;
    case kMArctanh: return ComplexUnaryChunk<CArctanh, T>;
    case kMExp2: return ComplexUnaryChunk<CExp2, T>;
    case kMExpm1: return ComplexUnaryChunk<CExpm1, T>;
    case kMLog2: return ComplexUnaryChunk<CLog2, T>;
    case kMLog10: return ComplexUnaryChunk<CLog10, T>;
    case kMLog1p: return ComplexUnaryChunk<CLog1p, T>;
    case kMSign: return ComplexUnaryChunk<CSign, T>;
    case kMPositive: return ComplexUnaryChunk<CPositive, T>;
    case kMReciprocal: return ComplexUnaryChunk<CReciprocal, T>;
    case kMFmax: return ComplexBinaryChunk<CFmax, T>;
    case kMFmin: return ComplexBinaryChunk<CFmin, T>;
  }
  return nullptr;
}

}  // namespace

MathChunkFn PickMathLoop(int op, int type) {
  switch (type) {
    case kF8: return PickFloat<double>(op);
    case kF4: return PickFloat<float>(op);
    case kI1: return PickInt<int8_t>(op);
    case kU1: return PickInt<uint8_t>(op);
    case kI2: return PickInt<int16_t>(op);
    case kU2: return PickInt<uint16_t>(op);
    case kI4: return PickInt<int32_t>(op);
    case kU4: return PickInt<uint32_t>(op);
    case kI8: return PickInt<int64_t>(op);
    case kU8: return PickInt<uint64_t>(op);
    case kF2: return op == kMNextafter ? BinaryChunk<HalfNextafter, uint16_t> : op == kMSpacing ? UnaryChunk<HalfSpacing, uint16_t> : nullptr;
    case kC8: return PickComplex<float>(op);
    case kC16: return PickComplex<double>(op);
  }
  return nullptr;
}

bool MathLoopFoldsInPlace(int op, int type) {
  if (MathNin(op) != 2 || type == kC8 || type == kC16 || op == kMLdexp) return false;
  if (op == kMArctan2 && type == kF8) return false;  // VectorChunk2<Atan2F64>
  return PickMathLoop(op, type) != nullptr;
}

int MathNin(int op) {
  if (op >= 0 && op < kMUnaryCount) return 1;
  if (op >= kMArctan2 && op < kMOpCount) return 2;
  return 0;
}

}  // namespace mmarray
