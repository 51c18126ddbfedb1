// sqrt without errno (nothing reads it; with it GCC keeps a scalar call per
// negative input and will not vectorize the loop). NaN for x < 0 either way.
// It heads the file, before every include, because GCC does not inline a
// function that computes in floating point into one compiled with other
// math flags: placed lower, it left every float op (Add::Apply<float> ...)
// an out-of-line call per element, unvectorized (float32 x /= 255 ran at
// about 4 ns an element, 20x the int32 loops). fp-contract=off: no multiply
// and add may fuse into an FMA in the x86-64-v4 clones below (the JS loops
// round each step).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-math-errno", "fp-contract=off")
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
#include "type_codes.h"
#include "ufunc_kernels.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <shared_mutex>
#include <string>
#include <type_traits>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <unistd.h>

#include "env_state.h"
#include "fold_form.h"
#include "kernel_operand.h"
#include "kernels.h"
#include "kernel_plan.h"
#include "napi_util.h"
#include "pool_job.h"
#include "pool_yield.h"
#include "ufunc_complex.h"
#include "ufunc_math.h"
#include "transcendental.h"

namespace mmarray {
namespace {

// Type codes of lib/kernels.ts CAST_CODES (the same as kernels.cc).
using namespace types;  // NOLINT: the type codes of type_codes.h

// Operation codes shared with lib/ufunc-native.ts (NATIVE_OPS).
enum Op {
  kAdd = 0, kSubtract, kMultiply, kDivide,
  kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual,
  kMinimum, kMaximum, kNegative, kAbsolute, kSquare, kSqrt,
  kFloorDivide, kRemainder, kBitwiseAnd, kBitwiseOr, kBitwiseXor, kInvert,
  kIsnan, kIsinf, kIsfinite, kClip,
  kLogicalAnd, kLogicalOr, kLogicalXor, kLogicalNot,
  kLeftShift, kRightShift, kPower, kWhere,
  kConjugate,  // complex loop types only (ufunc_complex.cc)
  kExp, kLog,
  kFloatPower,  // float_power (float64, complex); also power's float32/64 loop without fast paths
  kOpCount
};

// Elements per chunk of the buffered path: 4096 items of at most 8 bytes
// (16 for complex128) keep every operand's buffer within 32 KiB (64 KiB;
// L1/L2 resident).
constexpr int64_t kChunk = 4096;

// Bytes per chunk buffer of a staged piece (see UfuncRun's constructor).
constexpr int64_t kPieceBytes = 8192;

// ------------------------------------------------------------------ element ops
//
// The JS loops' arithmetic (lib/ufuncs/arith.ts, compare.ts, math.ts):
// integers wrap (computed unsigned, in at least 32 bits, so no signed
// overflow and no int promotion surprises); floats compute in their own
// type, which for + - * / and sqrt rounds exactly as JS computing in double
// and storing to a Float32Array does (double holds more than 2p + 2 bits).

template <class T>
using Wide = std::conditional_t<(sizeof(T) <= 4), uint32_t, uint64_t>;

template <class T>
inline T Wrap(Wide<T> v) {
  return static_cast<T>(v);  // modular (two's complement)
}

struct Add {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return Wrap<T>(static_cast<Wide<T>>(a) + static_cast<Wide<T>>(b));
    else return a + b;
  }
};
struct Subtract {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return Wrap<T>(static_cast<Wide<T>>(a) - static_cast<Wide<T>>(b));
    else return a - b;
  }
};
struct Multiply {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return Wrap<T>(static_cast<Wide<T>>(a) * static_cast<Wide<T>>(b));
    else return a * b;
  }
};
struct Divide {  // floats only (true division of ints resolves to float64)
  template <class T>
  static T Apply(T a, T b) { return a / b; }
};
// NaN propagates from either side: `x <= y || x !== x ? x : y`.
// A tie keeps the second operand, as NumPy 2.4's Highway loops (minpd/maxpd) do for
// float32/64 at its x86-64 baseline: maximum(+0.0, -0.0) is -0.0 (arith.ts; float16,
// whose loop keeps the first, stays in JS).
// Without a short circuit (| of the two tests): a compare and a blend the
// compiler can vectorize, and no branch on the data (maximum.reduceat's lane
// folds of random data were 3x slower with ||).
struct Minimum {
  template <class T>
  static T Apply(T a, T b) { return (a < b) | (a != a) ? a : b; }
};
struct Maximum {
  template <class T>
  static T Apply(T a, T b) { return (a > b) | (a != a) ? a : b; }
};
struct Less {
  template <class T>
  static uint8_t Apply(T a, T b) { return a < b; }
};
struct LessEqual {
  template <class T>
  static uint8_t Apply(T a, T b) { return a <= b; }
};
struct Greater {
  template <class T>
  static uint8_t Apply(T a, T b) { return a > b; }
};
struct GreaterEqual {
  template <class T>
  static uint8_t Apply(T a, T b) { return a >= b; }
};
struct Equal {
  template <class T>
  static uint8_t Apply(T a, T b) { return a == b; }
};
struct NotEqual {
  template <class T>
  static uint8_t Apply(T a, T b) { return a != b; }
};
struct Negative {
  template <class T>
  static T Apply(T a) {
    if constexpr (std::is_integral_v<T>) return Wrap<T>(Wide<T>{0} - static_cast<Wide<T>>(a));
    else return -a;
  }
};
// abs(INT_MIN) wraps back to INT_MIN, as NumPy's (and the JS store's) does.
struct Absolute {
  template <class T>
  static T Apply(T a) {
    if constexpr (std::is_floating_point_v<T>) return std::fabs(a);
    else if constexpr (std::is_signed_v<T>) return a < 0 ? Negative::Apply(a) : a;
    else return a;
  }
};
struct Square {
  template <class T>
  static T Apply(T a) { return Multiply::Apply(a, a); }
};
// sqrt without errno: see the pragma at the top of the file.
struct Sqrt {  // floats only
  template <class T>
  static T Apply(T a) { return std::sqrt(a); }
};

// Integer // and % as the JS loops: by 0 gives 0, the quotient floors, and
// INT_MIN // -1 wraps to INT_MIN (x / -1 is computed as -x: C's INT64_MIN / -1
// traps). Floats follow npy_divmod (arith.ts divmod), step for step.
// npy_divmod's fmod (npymath, which x86-64 builds inline as x87 fprem): of
// two NaNs it returns the one with the larger significand, of equal ones the
// positive one unless both are negative: np.remainder(-nan, nan) is +nan,
// where the C library's fmod (and np.fmod, an SVML loop there) keeps the
// first operand's NaN.
template <class T>
inline T FmodNpy(T a, T b) {
  if (a == a || b == b) return std::fmod(a, b);
  using U = std::conditional_t<sizeof(T) == 8, uint64_t, uint32_t>;
  constexpr U kSignificand = sizeof(T) == 8 ? U(0x000FFFFFFFFFFFFFull) : U(0x007FFFFFu);
  U ua, ub;
  std::memcpy(&ua, &a, sizeof(T));
  std::memcpy(&ub, &b, sizeof(T));
  if ((ua & kSignificand) != (ub & kSignificand)) return (ua & kSignificand) > (ub & kSignificand) ? a : b;
  return std::signbit(a) ? b : a;
}

template <class T>
inline void DivmodFloat(T a, T b, T* floordiv, T* mod) {
  T m = FmodNpy(a, b);
  T div = (a - m) / b;
  if (m != 0) {
    if ((b < 0) != (m < 0)) {
      m = m + b;
      div = div - 1;
    }
  } else {
    m = b < 0 ? T(-0.0) : T(0.0);
  }
  T fd;
  if (div != 0) {
    fd = std::floor(div);
    if (div - fd > T(0.5)) fd = fd + 1;
  } else {
    T q = a / b;
    fd = std::signbit(q) && q == q ? T(-0.0) : T(0.0);
  }
  *floordiv = fd;
  *mod = m;
}
struct FloorDivide {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (b == 0) return a / b;
      T fd, m;
      DivmodFloat(a, b, &fd, &m);
      return fd;
    } else {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return Negative::Apply(a);
      }
      T q = static_cast<T>(a / b);
      T r = static_cast<T>(a % b);
      if constexpr (std::is_signed_v<T>) {
        if (r != 0 && ((r < 0) != (b < 0))) q = static_cast<T>(q - 1);
      }
      return q;
    }
  }
};
struct Remainder {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (b == 0) return std::fmod(a, b);
      T fd, m;
      DivmodFloat(a, b, &fd, &m);
      return m;
    } else {
      if (b == 0) return 0;
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
      }
      T r = static_cast<T>(a % b);
      if constexpr (std::is_signed_v<T>) {
        if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
      }
      return r;
    }
  }
};
struct BitwiseAnd {  // integers only (PickLoop)
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(a & b);
    else return a;  // never picked (PickLoop)
  }
};
struct BitwiseOr {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(a | b);
    else return a;  // never picked (PickLoop)
  }
};
struct BitwiseXor {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(a ^ b);
    else return a;  // never picked (PickLoop)
  }
};
struct Invert {
  template <class T>
  static T Apply(T a) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(~a);
    else return a;  // never picked (PickLoop)
  }
};
struct Isnan {
  template <class T>
  static uint8_t Apply(T a) { return a != a; }
};
struct Isinf {
  template <class T>
  static uint8_t Apply(T a) {
    if constexpr (std::is_floating_point_v<T>) return std::isinf(a);
    else return 0;
  }
};
struct Isfinite {
  template <class T>
  static uint8_t Apply(T a) {
    if constexpr (std::is_floating_point_v<T>) return std::isfinite(a);
    else return 1;
  }
};
// Shifts as bitwise.ts (NumPy's npy_lshift/npy_rshift): a count outside
// [0, bits) gives 0, or -1 for a right shift of a negative value. The
// count's unsigned image is >= bits exactly when it is negative or too big.
struct LeftShift {  // integers only (PickLoop)
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) {
      constexpr unsigned kBits = sizeof(T) * 8;
      if (static_cast<std::make_unsigned_t<T>>(b) >= kBits) return 0;
      return Wrap<T>(static_cast<Wide<T>>(a) << b);
    } else {
      return a;  // never picked (PickLoop)
    }
  }
};
struct RightShift {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) {
      constexpr unsigned kBits = sizeof(T) * 8;
      if (static_cast<std::make_unsigned_t<T>>(b) >= kBits) {
        if constexpr (std::is_signed_v<T>) return a < 0 ? T(-1) : T(0);
        else return 0;
      }
      return static_cast<T>(a >> b);  // arithmetic for signed T (GCC, Clang; C++20 defines it)
    } else {
      return a;  // never picked (PickLoop)
    }
  }
};
// Set by Power on a negative exponent of a signed type; KernelUfunc clears
// it before a run and reports it after, and JS raises NumPy's ValueError.
// Per thread: worker threads run their own calls.
thread_local bool t_negative_power = false;
// Integer power as arith.ts POW_I / powBig: square and multiply modulo
// 2^32 (2^64 for 64-bit types), which keeps the loop type's low bits.
struct Power {  // integers only here: float power is PowChunk (transcendental.cc)
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) {
      if constexpr (std::is_signed_v<T>) {
        if (b < 0) {
          t_negative_power = true;
          return 0;
        }
      }
      using W = Wide<T>;
      W base = static_cast<W>(a), r = 1;
      auto e = static_cast<std::make_unsigned_t<T>>(b);
      while (e > 0) {
        if (e & 1) r = static_cast<W>(r * base);
        base = static_cast<W>(base * base);
        e = static_cast<decltype(e)>(e >> 1);
      }
      return Wrap<T>(r);
    } else {
      return a;  // never picked (PickLoop)
    }
  }
};
// Truth is `!= 0` (NaN is true; a bool byte of any non-zero value is true).
struct LogicalAnd {
  template <class T>
  static uint8_t Apply(T a, T b) { return (a != 0) & (b != 0); }
};
struct LogicalOr {
  template <class T>
  static uint8_t Apply(T a, T b) { return (a != 0) | (b != 0); }
};
struct LogicalXor {
  template <class T>
  static uint8_t Apply(T a, T b) { return (a != 0) ^ (b != 0); }
};
struct LogicalNot {
  template <class T>
  static uint8_t Apply(T a) { return a == 0; }
};
// _NPY_MIN(_NPY_MAX(x, lo), hi): a NaN x wins, a NaN bound loses (clip.ts).
// Bounds constant over the loop take NumPy 2.4's scalar-bounds loop instead
// (ApplyConst): a NaN bound makes every result NaN, else min(hi, max(lo, x))
// with x86's minpd/maxpd ties (the second operand), so a bound equal to x
// (a zero of the other sign) keeps x.
struct Clip {
  template <class T>
  static T Apply(T x, T lo, T hi) {
    if (x == x) x = x > lo ? x : lo;
    if (x == x) x = x < hi ? x : hi;
    return x;
  }
  template <class T>
  static T ApplyConst(T x, T lo, T hi) {
    if (lo != lo) return lo;
    if (hi != hi) return hi;
    const T m = lo > x ? lo : x;
    return hi < m ? hi : m;
  }
};

// where(c, x, y) with the condition cast to the compute type (JS sends only
// a bool condition, which casts to 0 or non-zero, never to NaN).
struct Where {
  template <class T>
  static T Apply(T c, T x, T y) { return c != 0 ? x : y; }
  template <class T>
  static T ApplyConst(T c, T x, T y) { return Apply(c, x, y); }
};

// ------------------------------------------------------------------ inner loops
//
// Contiguous rows as plain loops over __restrict pointers, which the
// compiler vectorizes. JS hands over inputs that either do not overlap the
// output at all or are the very same elements (it copies any other
// overlapping input first), so the in-place forms (o = F(o, b) and the like)
// cover every aliasing that can occur; each reads o[i] before writing it.
// Each is also built for AVX2 and for x86-64-v4 (AVX-512 F/BW/DQ/VL),
// picked at load time where the CPU has it (as kernels.cc's contiguous
// loops): two and four times the lanes of the baseline SSE2. Each element
// op is one IEEE operation (or none), and fp-contract is off (the pragma
// above), so the wider sets cannot change a result.
#define MMARRAY_LOOP_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))

template <class F, class T, class R>
MMARRAY_LOOP_CLONES void VV(int64_t n, const T* __restrict a, const T* __restrict b, R* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], b[i]);
}
template <class F, class T, class R>
MMARRAY_LOOP_CLONES void VS(int64_t n, const T* __restrict a, T y, R* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], y);
}
template <class F, class T, class R>
MMARRAY_LOOP_CLONES void SV(int64_t n, T x, const T* __restrict b, R* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(x, b[i]);
}
template <class F, class T>
MMARRAY_LOOP_CLONES void OV(int64_t n, T* __restrict o, const T* __restrict b) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(o[i], b[i]);
}
template <class F, class T>
MMARRAY_LOOP_CLONES void VO(int64_t n, const T* __restrict a, T* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], o[i]);
}
template <class F, class T>
MMARRAY_LOOP_CLONES void OS(int64_t n, T* __restrict o, T y) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(o[i], y);
}
template <class F, class T>
MMARRAY_LOOP_CLONES void SO(int64_t n, T x, T* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(x, o[i]);
}
template <class F, class T>
MMARRAY_LOOP_CLONES void OO(int64_t n, T* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(o[i], o[i]);
}
template <class F, class T, class R>
MMARRAY_LOOP_CLONES void U(int64_t n, const T* __restrict a, R* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i]);
}
template <class F, class T>
MMARRAY_LOOP_CLONES void UO(int64_t n, T* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(o[i]);
}

// Integer power by one exponent for the whole row (power(qty, 3)):
// Power::Apply's square-and-multiply steps taken for a block of elements
// at a time, the loop over the elements innermost, so that it vectorizes
// (element by element, the loop over the exponent's bits kept the row
// scalar). The same products modulo 2^32 (2^64), so Apply's results. The
// block is read before it is written: o may be a exactly (in place).
template <class T>
MMARRAY_LOOP_CLONES void PowerByScalar(int64_t n, const T* a, T y, T* o) {
  if constexpr (std::is_signed_v<T>) {
    if (y < 0) {
      t_negative_power = true;
      for (int64_t i = 0; i < n; i++) o[i] = 0;
      return;
    }
  }
  using W = Wide<T>;
  constexpr int64_t kLanes = 256;
  W base[kLanes], r[kLanes];
  for (int64_t i0 = 0; i0 < n; i0 += kLanes) {
    const int64_t m = n - i0 < kLanes ? n - i0 : kLanes;
    // SAFETY: elements i0 .. i0 + m - 1 of a and o are the caller's row.
    for (int64_t k = 0; k < m; k++) {
      base[k] = static_cast<W>(a[i0 + k]);
      r[k] = 1;
    }
    for (auto e = static_cast<std::make_unsigned_t<T>>(y); e > 0; e = static_cast<decltype(e)>(e >> 1)) {
      if (e & 1) {
        for (int64_t k = 0; k < m; k++) r[k] = static_cast<W>(r[k] * base[k]);
      }
      for (int64_t k = 0; k < m; k++) base[k] = static_cast<W>(base[k] * base[k]);
    }
    for (int64_t k = 0; k < m; k++) o[i0 + k] = Wrap<T>(r[k]);
  }
}

#undef MMARRAY_LOOP_CLONES

// The comparisons' contiguous loops (a bool result from wider items), also
// built for x86-64-v4 (AVX-512 with BW and VL): there a vector compare
// gives a mask register and the bytes are narrowed from it in a few
// instructions, where AVX2 narrows each compare's 64-bit lanes to bytes
// with ~4 shuffles per 32 bytes read, which left equal(a, b) of 10M float64
// bound by those shuffles (a float64 chunk of 4096 in L1: 0.49 µs against
// 0.75 µs for the AVX2 loop). A comparison does no arithmetic, so a wider instruction set cannot
// change a result (no contraction into FMA). A hand-written AVX-512 row
// (four 16-bit compare masks joined by kunpck, one masked byte move per 64
// int32) beat GCC's clone standalone (10M int32 from memory: 2.90-3.05 ms
// against 3.27-3.49), but through mm.less over cached outputs the two were
// within noise (min CPU 1.76-2.24 against 1.77-2.09 ms, four interleaved
// runs at load 20): the row is bound by its reads, so it was not kept.
#define MMARRAY_CMP_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))

template <class F, class T>
MMARRAY_CMP_CLONES void CmpVV(int64_t n, const T* __restrict a, const T* __restrict b, uint8_t* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], b[i]);
}
template <class F, class T>
MMARRAY_CMP_CLONES void CmpVS(int64_t n, const T* __restrict a, T y, uint8_t* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], y);
}
template <class F, class T>
MMARRAY_CMP_CLONES void CmpSV(int64_t n, T x, const T* __restrict b, uint8_t* __restrict o) {
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(x, b[i]);
}

#undef MMARRAY_CMP_CLONES

#if defined(__x86_64__)
// Contiguous float64 comparisons where the CPU has AVX-512 BW (picked at
// run time): eight 8-lane compare masks joined into one 64-bit mask and one
// masked byte move per 64 results, as NumPy's DOUBLE_equal_X86_V4 does.
// GCC's x86-64-v4 clone of CmpVV narrows each compare's mask through a
// masked move, permutes and a narrowing store (about 1.5x the vector uops),
// and that showed: equal(a, b) of 10M float64 into an out array, process
// CPU median over 4-5 interleaved processes of 20 rounds each, 9.97 -> 9.50
// and 10.19 -> 9.27 ms (NumPy 9.11 / 8.42); into a new array 10.95 ->
// 10.29 (NumPy 9.76), at load 3-5. The predicates are the ordered ones
// (false on NaN) and NEQ unordered (true on NaN): C++'s <, <=, >, >=, ==
// and !=, so the results are those of CmpVV, bit for bit. (The int32 row
// of the same kind was within noise: see above.)
template <class F>
constexpr int kCmpPredicate = std::is_same_v<F, Less> ? _CMP_LT_OQ : std::is_same_v<F, LessEqual> ? _CMP_LE_OQ
                              : std::is_same_v<F, Greater> ? _CMP_GT_OQ : std::is_same_v<F, GreaterEqual> ? _CMP_GE_OQ
                              : std::is_same_v<F, Equal> ? _CMP_EQ_OQ : _CMP_NEQ_UQ;

template <class F, bool BScalar>
__attribute__((target("avx512f,avx512bw"))) void CmpF8Avx512(int64_t n, const double* a, const double* b, uint8_t* o) {
  const __m512i one = _mm512_set1_epi8(1);
  const __m512d bs = _mm512_set1_pd(BScalar ? *b : 0.0);
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    uint64_t m = 0;
    for (int k = 0; k < 8; k++) {
      __m512d bv = BScalar ? bs : _mm512_loadu_pd(b + i + 8 * k);
      m |= static_cast<uint64_t>(_mm512_cmp_pd_mask(_mm512_loadu_pd(a + i + 8 * k), bv, kCmpPredicate<F>)) << (8 * k);
    }
    _mm512_storeu_si512(o + i, _mm512_maskz_mov_epi8(m, one));
  }
  for (; i < n; i++) o[i] = F::Apply(a[i], BScalar ? *b : b[i]);
}

inline bool HasAvx512Bw() {
  static const bool v = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  }();
  return v;
}
#endif

template <class F>
constexpr bool kComparison = std::is_same_v<F, Less> || std::is_same_v<F, LessEqual> || std::is_same_v<F, Greater> ||
                             std::is_same_v<F, GreaterEqual> || std::is_same_v<F, Equal> || std::is_same_v<F, NotEqual>;

// One chunk of n elements: inputs in[k] with strides ins[k], output o with
// stride so; strides count elements (0: a broadcast value). Every pointer
// is aligned for its type and each element it addresses lies in checked
// memory or in a chunk buffer (the caller's guarantee).
using ChunkFn = UfuncChunkFn;

// Folds whose value does not depend on grouping or order: integer add and
// multiply (wrapping), minimum, maximum and the bitwise ops (not bool's);
// and integer subtract, whose fold a0 - b0 - b1 - ... is a0 minus the
// (wrapping) sum of the b's. Float minimum and maximum too, but for which
// zero a tie of +0 and -0 keeps and which NaN a NaN result is: their one
// caller in the reduce form, reduceat (lib/reduceat.ts), reduces a group
// again whose result is a zero or a NaN.
template <class F, class T>
constexpr bool kRegroupable = (std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                               (std::is_same_v<F, Add> || std::is_same_v<F, Multiply> || std::is_same_v<F, Minimum> ||
                                std::is_same_v<F, Maximum> || std::is_same_v<F, BitwiseAnd> || std::is_same_v<F, BitwiseOr> ||
                                std::is_same_v<F, BitwiseXor> || std::is_same_v<F, Subtract>)) ||
                              (std::is_floating_point_v<T> && (std::is_same_v<F, Minimum> || std::is_same_v<F, Maximum>));

template <class F, class T, class R>
void BinaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  const T* b = static_cast<const T*>(in[1]);
  int64_t sa = ins[0], sb = ins[1];
  R* o = static_cast<R*>(ov);
  if constexpr (std::is_same_v<T, R>) {
    // NumPy's reduce and accumulate calls (fold_form.h; UfuncLoopFoldsInPlace).
    if constexpr (kRegroupable<F, T>) {
      if (so == 0 && sa == 0 && static_cast<const void*>(a) == ov && sb == 1 && n >= kRegroupedFoldMin) {
        // kRegroupable: running values in lanes (vector code) of the items,
        // folded together, then into the accumulator (subtract's items are
        // summed, then subtracted once).
        // SAFETY: the accumulator and items 0 .. n - 1 of b, as RunFoldForm.
        using G = std::conditional_t<std::is_same_v<F, Subtract>, Add, F>;
        *o = F::Apply(*a, RegroupedFold<G, T>(b, n));
        return;
      }
    }
    if (RunFoldForm<F, T>(n, a, sa, b, sb, o, so)) return;
  }
  bool ca = sa == 1 || sa == 0, cb = sb == 1 || sb == 0;
  if (so == 1 && ca && cb && !(sa == 0 && sb == 0)) {
    if constexpr (std::is_same_v<F, Power> && std::is_integral_v<T> && std::is_same_v<T, R>) {
      // SAFETY: a is o exactly or apart from it (as below); PowerByScalar
      // reads each block before writing it, and *b is read once, first.
      if (sb == 0) return PowerByScalar<T>(n, a, *b, o);
    }
    bool ao = sa == 1 && static_cast<const void*>(a) == ov;
    bool bo = sb == 1 && static_cast<const void*>(b) == ov;
    if constexpr (std::is_same_v<T, R>) {
      // SAFETY: o is a or b exactly (same elements, same order): the
      // in-place forms read each element before writing it.
      if (ao && bo) return OO<F, T>(n, o);
      if (ao) return sb == 0 ? OS<F, T>(n, o, *b) : OV<F, T>(n, o, b);
      if (bo) return sa == 0 ? SO<F, T>(n, *a, o) : VO<F, T>(n, a, o);
    }
    if (!ao && !bo) {
      // SAFETY: JS copied every input overlapping the output other than
      // element for element, so a, b and o do not overlap here.
      if constexpr (kComparison<F> && std::is_same_v<R, uint8_t> && sizeof(T) > 1) {
#if defined(__x86_64__)
        if constexpr (std::is_same_v<T, double>) {
          if (sa == 1 && HasAvx512Bw()) return sb == 1 ? CmpF8Avx512<F, false>(n, a, b, o) : CmpF8Avx512<F, true>(n, a, b, o);
        }
#endif
        if (sa == 1 && sb == 1) return CmpVV<F, T>(n, a, b, o);
        if (sa == 1) return CmpVS<F, T>(n, a, *b, o);
        return CmpSV<F, T>(n, *a, b, o);
      }
      if (sa == 1 && sb == 1) return VV<F, T, R>(n, a, b, o);
      if (sa == 1) return VS<F, T, R>(n, a, *b, o);
      return SV<F, T, R>(n, *a, b, o);
    }
  }
  // Strided (or an in-place mix of types): each element read before it is written.
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa], b[i * sb]);
}

template <class F, class T, class R>
void UnaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  int64_t sa = ins[0];
  R* o = static_cast<R*>(ov);
  if (so == 1 && sa == 1) {
    if constexpr (std::is_same_v<T, R>) {
      // SAFETY: as in BinaryChunk, o is a exactly or does not overlap it.
      if (static_cast<const void*>(a) == ov) return UO<F, T>(n, o);
    }
    return U<F, T, R>(n, a, o);
  }
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * sa]);
}

#define MMARRAY_TERNARY_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))

// A contiguous row of three inputs where some are one broadcast value (A0,
// B0, C0: that input's stride is 0): where(mask, 0, a), where(mask, a, 0),
// clip(a, lo, hiArray). The strided loop below left these unvectorized
// (where(isnan(a), 0, a) of 10M float64, nanmean's pass: 18 ms of a 33 ms
// call in that loop). No __restrict, as for the all-contiguous row: clip
// may run in place (o == a exactly), and each a[i] is read before o[i].
template <class F, class T, class R, bool A0, bool B0, bool C0>
MMARRAY_TERNARY_CLONES void TernaryRow(int64_t n, const T* a, const T* b, const T* c, R* o) {
  const T av = A0 ? *a : T(), bv = B0 ? *b : T(), cv = C0 ? *c : T();
  for (int64_t i = 0; i < n; i++) o[i] = F::Apply(A0 ? av : a[i], B0 ? bv : b[i], C0 ? cv : c[i]);
}

// Three inputs (clip, where): one strided loop, each element read before it is written.
template <class F, class T, class R>
void TernaryChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  const T* a = static_cast<const T*>(in[0]);
  const T* b = static_cast<const T*>(in[1]);
  const T* c = static_cast<const T*>(in[2]);
  R* o = static_cast<R*>(ov);
  if (ins[1] == 0 && ins[2] == 0) {
    // clip(x, lo, hi) with scalar bounds, the common case.
    const T lo = *b, hi = *c;
    if (so == 1 && ins[0] == 1) {
      for (int64_t i = 0; i < n; i++) o[i] = F::ApplyConst(a[i], lo, hi);
      return;
    }
    for (int64_t i = 0; i < n; i++) o[i * so] = F::ApplyConst(a[i * ins[0]], lo, hi);
    return;
  }
  if (so == 1 && ins[0] == 1 && ins[1] == 1 && ins[2] == 1) {
    // All contiguous (where over whole arrays). No __restrict: clip may run
    // in place (o == a exactly), and each a[i] is read before o[i] is written.
    for (int64_t i = 0; i < n; i++) o[i] = F::Apply(a[i], b[i], c[i]);
    return;
  }
  if (so == 1 && (ins[0] | 1) == 1 && (ins[1] | 1) == 1 && (ins[2] | 1) == 1) {
    // Contiguous but for broadcast values (both bounds scalar was taken above).
    switch ((ins[0] == 0 ? 4 : 0) | (ins[1] == 0 ? 2 : 0) | (ins[2] == 0 ? 1 : 0)) {
      case 1: return TernaryRow<F, T, R, false, false, true>(n, a, b, c, o);
      case 2: return TernaryRow<F, T, R, false, true, false>(n, a, b, c, o);
      case 4: return TernaryRow<F, T, R, true, false, false>(n, a, b, c, o);
      case 5: return TernaryRow<F, T, R, true, false, true>(n, a, b, c, o);
      case 6: return TernaryRow<F, T, R, true, true, false>(n, a, b, c, o);
      default: break;  // 7: every input a scalar (one element)
    }
  }
  for (int64_t i = 0; i < n; i++) o[i * so] = F::Apply(a[i * ins[0]], b[i * ins[1]], c[i * ins[2]]);
}

#undef MMARRAY_TERNARY_CLONES

// ------------------------------------------------------------------ dispatch

template <class F, template <class, class, class> class Kind, bool Bool>
ChunkFn ForType(int type) {
  // Bool: the result is a bool byte (comparisons); else the compute type.
  switch (type) {
    case kF8: return Kind<F, double, std::conditional_t<Bool, uint8_t, double>>::fn;
    case kF4: return Kind<F, float, std::conditional_t<Bool, uint8_t, float>>::fn;
    case kI1: return Kind<F, int8_t, std::conditional_t<Bool, uint8_t, int8_t>>::fn;
    case kU1: return Kind<F, uint8_t, uint8_t>::fn;
    case kI2: return Kind<F, int16_t, std::conditional_t<Bool, uint8_t, int16_t>>::fn;
    case kU2: return Kind<F, uint16_t, std::conditional_t<Bool, uint8_t, uint16_t>>::fn;
    case kI4: return Kind<F, int32_t, std::conditional_t<Bool, uint8_t, int32_t>>::fn;
    case kU4: return Kind<F, uint32_t, std::conditional_t<Bool, uint8_t, uint32_t>>::fn;
    case kI8: return Kind<F, int64_t, std::conditional_t<Bool, uint8_t, int64_t>>::fn;
    case kU8: return Kind<F, uint64_t, std::conditional_t<Bool, uint8_t, uint64_t>>::fn;
    case kB1: return Kind<F, uint8_t, uint8_t>::fn;  // raw bool bytes (logical ops only)
  }
  return nullptr;
}

// exp, log and float power: rows of transcendental.cc, which take element
// strides and in-place operands as the chunk hands them over.
template <class T>
void ExpChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  ExpRow(n, static_cast<const T*>(in[0]), ins[0], static_cast<T*>(ov), so);
}
template <class T>
void LogChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  LogRow(n, static_cast<const T*>(in[0]), ins[0], static_cast<T*>(ov), so);
}
template <class T>
void PowChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  PowRow(n, static_cast<const T*>(in[0]), ins[0], static_cast<const T*>(in[1]), ins[1], static_cast<T*>(ov), so);
}

template <class T>
void FloatPowChunk(int64_t n, const void* const* in, const int64_t* ins, void* ov, int64_t so) {
  FloatPowRow(n, static_cast<const T*>(in[0]), ins[0], static_cast<const T*>(in[1]), ins[1], static_cast<T*>(ov), so);
}

template <class F, class T, class R>
struct Bin {
  static constexpr ChunkFn fn = BinaryChunk<F, T, R>;
};
template <class F, class T, class R>
struct Un {
  static constexpr ChunkFn fn = UnaryChunk<F, T, R>;
};
template <class F, class T, class R>
struct Tern {
  static constexpr ChunkFn fn = TernaryChunk<F, T, R>;
};

bool IsFloat(int type) { return type == kF8 || type == kF4; }
bool IsInt(int type) { return (type >= kI1 && type <= kU4) || type == kI8 || type == kU8; }

// The complex loop of `op` (ufunc_complex.cc), or nullptr.
ChunkFn PickComplex(int op, int type) {
  ComplexOp c;
  switch (op) {
    case kAdd: c = ComplexOp::kAdd; break;
    case kSubtract: c = ComplexOp::kSubtract; break;
    case kMultiply: c = ComplexOp::kMultiply; break;
    case kDivide: c = ComplexOp::kDivide; break;
    case kNegative: c = ComplexOp::kNegative; break;
    case kConjugate: c = ComplexOp::kConjugate; break;
    case kAbsolute: c = ComplexOp::kAbsolute; break;
    case kSquare: c = ComplexOp::kSquare; break;
    case kEqual: c = ComplexOp::kEqual; break;
    case kNotEqual: c = ComplexOp::kNotEqual; break;
    case kIsnan: c = ComplexOp::kIsnan; break;
    case kIsinf: c = ComplexOp::kIsinf; break;
    case kIsfinite: c = ComplexOp::kIsfinite; break;
    case kSqrt: c = ComplexOp::kSqrt; break;
    case kExp: c = ComplexOp::kExp; break;
    case kLog: c = ComplexOp::kLog; break;
    case kPower: case kFloatPower: c = ComplexOp::kPower; break;
    default: return nullptr;
  }
  return PickComplexLoop(c, type == kC16);
}

// The loop of `op` over compute type `type`, or nullptr when there is none
// (lib/ufunc-native.ts asks only for these).
ChunkFn PickLoop(int op, int type) {
  // The math ufuncs (ufunc_math.cc) have codes of their own, from kMathOpBase.
  if (op >= kMathOpBase) return PickMathLoop(op - kMathOpBase, type);
  if (type == kC8 || type == kC16) return PickComplex(op, type);
  bool num = IsFloat(type) || IsInt(type);
  bool flt = IsFloat(type);
  switch (op) {
    case kAdd: return num ? ForType<Add, Bin, false>(type) : nullptr;
    case kSubtract: return num ? ForType<Subtract, Bin, false>(type) : nullptr;
    case kMultiply: return num ? ForType<Multiply, Bin, false>(type) : nullptr;
    case kDivide: return flt ? ForType<Divide, Bin, false>(type) : nullptr;
    case kLess: return num ? ForType<Less, Bin, true>(type) : nullptr;
    case kLessEqual: return num ? ForType<LessEqual, Bin, true>(type) : nullptr;
    case kGreater: return num ? ForType<Greater, Bin, true>(type) : nullptr;
    case kGreaterEqual: return num ? ForType<GreaterEqual, Bin, true>(type) : nullptr;
    case kEqual: return num ? ForType<Equal, Bin, true>(type) : nullptr;
    case kNotEqual: return num ? ForType<NotEqual, Bin, true>(type) : nullptr;
    case kMinimum: return num ? ForType<Minimum, Bin, false>(type) : nullptr;
    case kMaximum: return num ? ForType<Maximum, Bin, false>(type) : nullptr;
    case kNegative: return num ? ForType<Negative, Un, false>(type) : nullptr;
    case kAbsolute: return num ? ForType<Absolute, Un, false>(type) : nullptr;
    case kSquare: return num ? ForType<Square, Un, false>(type) : nullptr;
    case kSqrt: return flt ? ForType<Sqrt, Un, false>(type) : nullptr;
    case kFloorDivide: return num ? ForType<FloorDivide, Bin, false>(type) : nullptr;
    case kRemainder: return num ? ForType<Remainder, Bin, false>(type) : nullptr;
    case kBitwiseAnd: return IsInt(type) ? ForType<BitwiseAnd, Bin, false>(type) : nullptr;
    case kBitwiseOr: return IsInt(type) ? ForType<BitwiseOr, Bin, false>(type) : nullptr;
    case kBitwiseXor: return IsInt(type) ? ForType<BitwiseXor, Bin, false>(type) : nullptr;
    case kInvert: return IsInt(type) ? ForType<Invert, Un, false>(type) : nullptr;
    case kIsnan: return num ? ForType<Isnan, Un, true>(type) : nullptr;
    case kIsinf: return num ? ForType<Isinf, Un, true>(type) : nullptr;
    case kIsfinite: return num ? ForType<Isfinite, Un, true>(type) : nullptr;
    case kClip: return num ? ForType<Clip, Tern, false>(type) : nullptr;
    // Bool loops too: JS maps bool add/multiply/minimum/maximum/bitwise ops to these.
    case kLogicalAnd: return num || type == kB1 ? ForType<LogicalAnd, Bin, true>(type) : nullptr;
    case kLogicalOr: return num || type == kB1 ? ForType<LogicalOr, Bin, true>(type) : nullptr;
    case kLogicalXor: return num || type == kB1 ? ForType<LogicalXor, Bin, true>(type) : nullptr;
    case kLogicalNot: return num || type == kB1 ? ForType<LogicalNot, Un, true>(type) : nullptr;
    case kLeftShift: return IsInt(type) ? ForType<LeftShift, Bin, false>(type) : nullptr;
    case kRightShift: return IsInt(type) ? ForType<RightShift, Bin, false>(type) : nullptr;
    case kPower: return IsInt(type) ? ForType<Power, Bin, false>(type) : type == kF8 ? PowChunk<double> : type == kF4 ? PowChunk<float> : nullptr;
    case kWhere: return num ? ForType<Where, Tern, false>(type) : nullptr;
    case kExp: return type == kF8 ? ExpChunk<double> : type == kF4 ? ExpChunk<float> : nullptr;
    case kLog: return type == kF8 ? LogChunk<double> : type == kF4 ? LogChunk<float> : nullptr;
    case kFloatPower: return type == kF8 ? FloatPowChunk<double> : type == kF4 ? FloatPowChunk<float> : nullptr;
  }
  return nullptr;
}

int Nin(int op) {
  if (op >= kMathOpBase) return MathNin(op - kMathOpBase);
  switch (op) {
    case kNegative: case kAbsolute: case kSquare: case kSqrt: case kInvert: case kIsnan: case kIsinf: case kIsfinite:
    case kLogicalNot: case kConjugate: case kExp: case kLog:
      return 1;
    case kClip: case kWhere:
      return 3;
    default:
      return 2;
  }
}
bool BoolResult(int op) {
  return (op >= kLess && op <= kNotEqual) || op == kIsnan || op == kIsinf || op == kIsfinite || (op >= kLogicalAnd && op <= kLogicalNot);
}

// ------------------------------------------------------------------ operands

// ------------------------------------------------------------------ streaming

// Bool results of large comparisons are written with non-temporal stores:
// the chunk is computed into a cache-resident buffer, then streamed to the
// output, whose lines are then never read for ownership first. A 10M int32
// comparison reads 40 MB and writes 10 MB; the write's read for ownership
// is a fifth of the traffic (10M less(<i4, 0): 1.59 -> 1.26 ms CPU in a
// standalone loop over recycled huge-page outputs). Only results a quarter
// the size of each input or smaller: streaming an 8-byte result (add of
// two float64) was 12-17% slower there, the non-temporal stores of one core
// being slower than its reads and ordinary writes. Only outputs of at least
// kStreamMinBytes: a smaller one is likely read again while still cached.
constexpr int64_t kStreamMinBytes = int64_t{4} << 20;

// ... and only outputs of at least the last-level cache's size. An output
// that fits it is cheaper written through the cache: a recycled pool region
// written that way is still cached when the next result reuses it, where
// streamed lines always go to memory. On a 2-vCPU VM reporting a 480 MiB L3
// (Xeon, AVX-512), 10M less(<i4, 0) through mm.less over recycled outputs
// took 2.27 / 2.27 / 3.22 ms CPU streamed against 1.87 / 1.90 / 2.33 ms
// through the cache (min of 40, three interleaved runs at load 17; NumPy
// 1.69 / 1.97 / 1.84); equal(<f8, <f8), 160 MB read for 10 MB written,
// 10.5 / 10.4 / 10.5 against 8.9 / 9.8 / 10.0. Where the C library does not
// report the cache (0), kStreamMinBytes alone decides.

// The last-level cache's size where the C library reports it, else 0.
int64_t LastLevelCacheBytes() {
  long llc = 0;
#if defined(_SC_LEVEL3_CACHE_SIZE)
  llc = sysconf(_SC_LEVEL3_CACHE_SIZE);
#endif
  return llc > 0 ? static_cast<int64_t>(llc) : 0;
}

// The threshold in force: -1 until first read; ufuncStreamMinBytes (tests)
// may set it. Atomic: worker threads run ufuncs of their own.
std::atomic<int64_t> stream_min_bytes{-1};

int64_t StreamMinBytes() {
  int64_t v = stream_min_bytes.load(std::memory_order_relaxed);
  if (v < 0) {
    v = std::max(kStreamMinBytes, LastLevelCacheBytes());
    stream_min_bytes.store(v, std::memory_order_relaxed);
  }
  return v;
}

// Output bytes computed and streamed at a time (see UfuncRun::Chunk).
constexpr int64_t kStreamPieceBytes = 2048;

// memcpy(d, s, bytes) with the whole 64-byte lines of d written by
// non-temporal stores. The caller issues the sfence (StreamFence) once the
// run is done, before JS may read the output.
void StreamBytes(const uint8_t* s, uint8_t* d, int64_t bytes) {
#if defined(__SSE2__)
  int64_t head = static_cast<int64_t>((64 - reinterpret_cast<uintptr_t>(d) % 64) % 64);
  if (head > bytes) head = bytes;
  // SAFETY: [s, s + bytes) is the chunk buffer and [d, d + bytes) the
  // chunk's output (checked by ReadOperand); every load and store below
  // lies inside them: the loop runs while a whole line remains, d + i is
  // 64-byte aligned in it, and the two memcpy calls cover the rest.
  std::memcpy(d, s, static_cast<size_t>(head));
  int64_t i = head;
  for (; i + 64 <= bytes; i += 64) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 16));
    __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 32));
    __m128i e = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 48));
    _mm_stream_si128(reinterpret_cast<__m128i*>(d + i), a);
    _mm_stream_si128(reinterpret_cast<__m128i*>(d + i + 16), b);
    _mm_stream_si128(reinterpret_cast<__m128i*>(d + i + 32), c);
    _mm_stream_si128(reinterpret_cast<__m128i*>(d + i + 48), e);
  }
  std::memcpy(d + i, s + i, static_cast<size_t>(bytes - i));
#else
  std::memcpy(d, s, static_cast<size_t>(bytes));
#endif
}

// Orders the streamed stores before anything this thread does next (the
// return to JS, which may read the output or hand it to another thread).
void StreamFence() {
#if defined(__SSE2__)
  _mm_sfence();
#endif
}

// Whether a run streams its output (see StreamMinBytes): a bool result,
// unmasked, contiguous along the rows, at least StreamMinBytes() in all,
// where some input reads at least 4 bytes an element along the rows.
bool StreamsOutput(const std::vector<Operand>& ops, int nin, int result, bool masked, const std::vector<int64_t>& shape) {
#if defined(__SSE2__)
  if (masked || result != kB1 || shape.empty() || ops[nin].strides.back() != 1) return false;
  bool wide = false;
  for (int k = 0; k < nin; k++) wide = wide || (ops[k].strides.back() != 0 && kItemsize[ops[k].type] >= 4);
  if (!wide) return false;
  int64_t total = 1;
  for (int64_t d : shape) {
    if (__builtin_mul_overflow(total, d, &total)) return true;
  }
  return total >= StreamMinBytes();
#else
  (void)ops, (void)nin, (void)result, (void)masked, (void)shape;
  return false;
#endif
}

// ------------------------------------------------------------------ the walk

// An async ufunc (UfuncWorker) sets a ChunkHook on its pool thread: asked
// before each chunk whether to go on (an abort, a close() waiting), told
// after each how many elements it wrote.
struct ChunkHook {
  virtual ~ChunkHook() = default;
  virtual bool Continue() = 0;
  virtual void Done(int64_t elements) = 0;
};
thread_local ChunkHook* t_chunk_hook = nullptr;

// Runs one ufunc over every element: inputs ops[0..nin), the output
// ops[nin], an optional bool mask ops[nin + 1].
class UfuncRun {
 public:
  UfuncRun(std::vector<Operand>& ops, int nin, bool masked, int compute, int result, ChunkFn fn, bool stream)
      : ops_(ops), nin_(nin), masked_(masked), stream_(stream), compute_(compute), result_(result), fn_(fn) {
    for (int k = 0; k < nin; k++) {
      in_cast_[k] = ops[k].type == compute && !ops[k].swap ? nullptr : CastRowFor(ops[k].type, compute, ops[k].swap, false);
    }
    const Operand& o = ops[nin];
    out_direct_type_ = !masked && o.type == result && !o.swap;
    out_cast_ = CastRowFor(result, o.type, false, o.swap);
    if (masked) mask_cast_ = CastRowFor(kB1, kB1, false, false);
    // A run that stages items in chunk buffers (a cast input, a cast or
    // masked output) computes a chunk in pieces of about kPieceBytes per
    // buffer, so that every buffer and the direct operands' lines of a piece
    // stay in L1 between the cast, the loop and the store: mixed-type loops
    // of 10M items into an out array took 0.6-0.7x the time of whole
    // 4096-item chunks (multiply(<f8, <i4) 8.4 -> 5.4 ms, multiply(<c8, <f8)
    // into <c16 22 -> 13 ms, less(<i2, <f8) 6.0 -> 3.6 ms, best of 30 on the
    // AMD VM; see docs/performance-notes.md). A run with no buffer keeps
    // whole chunks: its operands are read and written where they lie.
    bool staged = !out_direct_type_;
    for (int k = 0; k < nin; k++) staged = staged || in_cast_[k] != nullptr;
    if (staged) {
      int64_t widest = std::max<int64_t>({kItemsize[compute], kItemsize[result], kItemsize[o.type]});
      piece_ = std::min<int64_t>(kChunk, std::max<int64_t>(kPieceBytes / widest, 256));
    }
  }

  void Row(const std::vector<int64_t>& off, int64_t n, int64_t inner) {
    for (int64_t i0 = 0; i0 < n; i0 += kChunk) {
      if (!RunChunk(off, i0, n - i0 < kChunk ? n - i0 : kChunk, inner)) return;
    }
  }

  // One chunk of Row's (elements i0 .. i0 + m - 1 of the row at off) once
  // the hook says go on; false when it said stop.
  bool RunChunk(const std::vector<int64_t>& off, int64_t i0, int64_t m, int64_t inner) {
    ChunkHook* hook = t_chunk_hook;
    if (hook != nullptr && !hook->Continue()) return false;
    Chunk(off, i0, m, inner);
    if (hook != nullptr) hook->Done(m);
    return true;
  }

 private:
  // Elements i0 .. i0 + m - 1 of the row whose element 0 is at byte offset
  // off[k] of operand k (inner: the row's axis index).
  void Chunk(const std::vector<int64_t>& off, int64_t i0, int64_t m, int64_t inner) {
    for (int64_t j = 0; j < m; j += piece_) Piece(off, i0 + j, m - j < piece_ ? m - j : piece_, inner);
  }

  // Elements i0 .. i0 + m - 1 (m <= piece_) of Chunk's row.
  void Piece(const std::vector<int64_t>& off, int64_t i0, int64_t m, int64_t inner) {
    const void* in[3] = {nullptr, nullptr, nullptr};
    int64_t ins[3] = {0, 0, 0};
    const int64_t csize = kItemsize[compute_];
    // A complex element needs only its part's alignment (ufunc_complex.cc reads parts).
    const uintptr_t calign = static_cast<uintptr_t>(compute_ == kC8 || compute_ == kC16 ? csize / 2 : csize);
    for (int k = 0; k < nin_; k++) {
      const Operand& op = ops_[k];
      int64_t s = inner < 0 ? 0 : op.strides[inner];
      // SAFETY: elements i0 .. i0 + m - 1 of this row lie in the operand's
      // checked layout (ReadOperand), so p and p + (m - 1) * s are in bounds.
      const uint8_t* p = op.base + off[k] + i0 * s;
      if (in_cast_[k] == nullptr && s % csize == 0 && reinterpret_cast<uintptr_t>(p) % calign == 0) {
        // SAFETY: the compute type in native order, aligned (checked just above).
        in[k] = p;
        ins[k] = s / csize;
      } else {
        int64_t count = s == 0 ? 1 : m;
        RowCastFn cast = in_cast_[k] != nullptr ? in_cast_[k] : CastRowFor(op.type, compute_, false, false);
        // SAFETY: the buffer holds kChunk >= count items of csize bytes.
        uint64_t* buf = Buffer(&in_buf_[k], kChunk * csize / 8);
        cast(p, s, reinterpret_cast<uint8_t*>(buf), csize, count);
        in[k] = buf;
        ins[k] = s == 0 ? 0 : 1;
      }
    }
    const Operand& o = ops_[nin_];
    int64_t os = inner < 0 ? 0 : o.strides[inner];
    const int64_t rsize = kItemsize[result_];
    const uintptr_t ralign = static_cast<uintptr_t>(result_ == kC8 || result_ == kC16 ? rsize / 2 : rsize);
    // SAFETY: as for the inputs, the output's elements of this chunk are in bounds.
    uint8_t* q = o.base + off[nin_] + i0 * os;
    if (out_direct_type_ && os % rsize == 0 && reinterpret_cast<uintptr_t>(q) % ralign == 0) {
      if (stream_ && os == rsize) {
        // In pieces of kStreamPieceBytes of output: the piece is computed
        // into a buffer that stays in L1 and streamed out at once. (A whole
        // 4096-item chunk computed, then streamed, ran 3-5x slower than
        // 2 KiB pieces on the AMD VM: a C++ harness of that shape over 10M
        // float64 took 11.5-18.7 ms against 3.3-3.6 ms, best of 40 at load
        // 14-20; see docs/performance-notes.md.)
        // SAFETY: 2 * kChunk words hold kChunk >= m >= k items of up to 16
        // bytes; piece j's inputs are elements j .. j + k - 1 of the chunk's
        // (in[t] + j * ins[t] items of csize bytes, inside what the chunk
        // may read), and they are read into res before q's piece is written,
        // as the direct path reads each element before writing it.
        uint8_t* res = reinterpret_cast<uint8_t*>(Buffer(&res_buf_, kChunk * 2));
        const int64_t per = std::max<int64_t>(1, kStreamPieceBytes / rsize);
        for (int64_t j = 0; j < m; j += per) {
          int64_t k = m - j < per ? m - j : per;
          const void* sub[3] = {nullptr, nullptr, nullptr};
          for (int t = 0; t < nin_; t++) sub[t] = static_cast<const uint8_t*>(in[t]) + j * ins[t] * csize;
          fn_(k, sub, ins, res, 1);
          StreamBytes(res, q + j * rsize, k * rsize);
        }
        return;
      }
      fn_(m, in, ins, q, os / rsize);
      return;
    }
    // SAFETY: 2 * kChunk words hold kChunk >= m items of up to 16 bytes.
    uint8_t* res = reinterpret_cast<uint8_t*>(Buffer(&res_buf_, kChunk * 2));
    fn_(m, in, ins, res, 1);
    if (!masked_) {
      out_cast_(res, rsize, q, os, m);
      return;
    }
    const Operand& w = ops_[nin_ + 1];
    int64_t ws = inner < 0 ? 0 : w.strides[inner];
    // SAFETY: the mask's elements of this chunk are in bounds (ReadOperand).
    const uint8_t* wp = w.base + off[nin_ + 1] + i0 * ws;
    uint8_t* mask = reinterpret_cast<uint8_t*>(Buffer(&mask_buf_, kChunk / 8));
    mask_cast_(wp, ws, mask, 1, ws == 0 ? 1 : m);
    if (ws == 0 && mask[0] == 0) return;
    const int64_t osize = kItemsize[o.type];
    uint8_t* staged = reinterpret_cast<uint8_t*>(Buffer(&out_buf_, kChunk * 2));  // items of up to 16 bytes
    out_cast_(res, rsize, staged, osize, m);
    for (int64_t i = 0; i < m; i++) {
      if (mask[ws == 0 ? 0 : i] != 0) std::memcpy(q + i * os, staged + i * osize, osize);
    }
  }

  // A chunk buffer of `words` 8-byte words (8-byte aligned), allocated on
  // first use and left uninitialised: only operands that need one pay for it.
  static uint64_t* Buffer(std::unique_ptr<uint64_t[]>* b, int64_t words) {
    if (!*b) b->reset(new uint64_t[words]);
    return b->get();
  }

  std::vector<Operand>& ops_;
  int nin_;
  bool masked_;
  bool stream_;
  int compute_, result_;
  ChunkFn fn_;
  std::unique_ptr<uint64_t[]> in_buf_[3];
  RowCastFn in_cast_[3] = {nullptr, nullptr, nullptr};
  std::unique_ptr<uint64_t[]> res_buf_;
  std::unique_ptr<uint64_t[]> out_buf_;
  std::unique_ptr<uint64_t[]> mask_buf_;
  bool out_direct_type_ = false;
  int64_t piece_ = kChunk;
  RowCastFn out_cast_ = nullptr;
  RowCastFn mask_cast_ = nullptr;
};

// One kernelUfunc call's arguments, checked on the JS thread (each
// operand's KernelMemory keeps its Mapping alive).
struct UfuncCall {
  int64_t op = 0, compute = 0;
  std::vector<int64_t> shape;
  std::vector<Operand> ops;
  int nin = 0;
  bool masked = false, empty = false;
  ChunkFn fn = nullptr;
};

// Whether op (info[0]) and computeType (info[1]) are an operation code and
// a type code, read into `c`.
bool ReadOpAndType(const Napi::CallbackInfo& info, UfuncCall* c) {
  const int64_t& op = c->op;
  return ToInt(info[0], &c->op) && op >= 0 && (op < kOpCount || (op >= kMathOpBase && op < kMathOpBase + kMOpCount)) && ToInt(info[1], &c->compute) &&
         c->compute >= 0 && c->compute < kTypeCount;
}

// The loop of c->op at c->compute and its input count, for `count`
// operands (nin inputs, the output, an optional mask); false with an
// exception pending when there is no such loop or the count is wrong.
bool PickUfuncLoop(Napi::Env env, UfuncCall* c, size_t count) {
  c->fn = PickLoop(static_cast<int>(c->op), static_cast<int>(c->compute));
  if (c->fn == nullptr) {
    ThrowType(env, "kernelUfunc: no native loop for this operation and type");
    return false;
  }
  const int nin = c->nin = Nin(static_cast<int>(c->op));
  if (count != static_cast<size_t>(nin + 1) && count != static_cast<size_t>(nin + 2)) {
    ThrowType(env, "kernelUfunc: expected the inputs, the output and an optional mask");
    return false;
  }
  c->ops.resize(count);
  c->masked = count == static_cast<size_t>(nin + 2);
  return true;
}

// Once every operand is read: the mask must be bool; an axis of length 0
// leaves nothing to do (`c->empty`).
bool FinishUfuncCall(Napi::Env env, UfuncCall* c) {
  if (c->masked && c->ops.back().type != kB1) {
    ThrowType(env, "kernelUfunc: the mask must be bool");
    return false;
  }
  for (int64_t d : c->shape) {
    if (d == 0) c->empty = true;
  }
  return true;
}

// Reads and checks the arguments (op, computeType, shape, operands) at
// info[0..3] (kernelUfuncAsync; kernelUfunc's own are one Float64Array,
// below): operands are nin inputs, the output and optionally a bool mask,
// each [memory, byteOffset, strides, type, swap]. False with an exception
// pending on bad ones. `c->empty`: no element, nothing to do.
bool ReadUfuncCall(const Napi::CallbackInfo& info, UfuncCall* c) {
  Napi::Env env = info.Env();
  std::vector<int64_t>& shape = c->shape;
  if (info.Length() < 4 || !ReadOpAndType(info, c) || !ToInts(info[2], &shape) || !info[3].IsArray()) {
    ThrowType(env, "kernelUfunc(op, computeType, shape, operands): bad arguments");
    return false;
  }
  Napi::Value list = info[3];
  uint32_t count = 0;
  if (!ArrayLength(list, &count)) {
    ThrowType(env, "kernelUfunc: unreadable operand list");
    return false;
  }
  if (!PickUfuncLoop(env, c, count)) return false;
  for (int64_t d : shape) {
    if (d < 0) {
      ThrowRange(env, "kernelUfunc: negative axis length");
      return false;
    }
  }
  for (uint32_t k = 0; k < count; k++) {
    Napi::Value operand;
    if (!ElementOf(list, k, &operand)) {
      ThrowType(env, "kernelUfunc: unreadable operand list");
      return false;
    }
    if (!ReadOperand(env, "kernelUfunc", operand, shape, k == static_cast<uint32_t>(c->nin), &c->ops[k])) return false;
  }
  return FinishUfuncCall(env, c);
}

// The type of the results of core operation `op` at compute type `compute`.
int ResultTypeOf(int op, int compute) {
  // The magnitude of a complex number is its part type.
  if (op == kAbsolute && compute == kC8) return kF4;
  if (op == kAbsolute && compute == kC16) return kF8;
  return BoolResult(op) ? kB1 : compute;
}

// The type of the loop's results (before the cast into the output).
int UfuncResultType(const UfuncCall& c) { return ResultTypeOf(static_cast<int>(c.op), static_cast<int>(c.compute)); }

// Runs a checked, non-empty ufunc call (any thread): 1 when an integer
// power met a negative exponent (NumPy's ValueError), else 0. Stops early
// when a ChunkHook says so.
int RunUfuncCall(UfuncCall& c) {
  const int64_t compute = c.compute;
  const std::vector<int64_t>& shape = c.shape;
  std::vector<Operand>& ops = c.ops;
  const uint32_t count = static_cast<uint32_t>(ops.size());
  const int result = UfuncResultType(c);
  const bool stream = StreamsOutput(ops, c.nin, result, c.masked, shape);
  UfuncRun run(ops, c.nin, c.masked, static_cast<int>(compute), result, c.fn, stream);
  t_negative_power = false;
  // C-order walk of the outer axes; each innermost row runs in chunks.
  size_t nd = shape.size();
  int64_t n = nd == 0 ? 1 : shape[nd - 1];
  int64_t inner = nd == 0 ? -1 : static_cast<int64_t>(nd - 1);
  std::vector<int64_t> off(count, 0);
  std::vector<int64_t> idx(nd > 1 ? nd - 1 : 0, 0);
  for (;;) {
    run.Row(off, n, inner);
    size_t ax = idx.size();
    for (;;) {
      if (ax == 0) {
        if (stream) StreamFence();
        return t_negative_power ? 1 : 0;
      }
      ax--;
      idx[ax]++;
      for (uint32_t k = 0; k < count; k++) off[k] += ops[k].strides[ax];
      if (idx[ax] < shape[ax]) break;
      for (uint32_t k = 0; k < count; k++) off[k] -= ops[k].strides[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
}

// A call's work in units for threads: the chunks RunUfuncCall cuts (kChunk
// elements of a row, from the row's start), numbered row by row in C
// order. A unit runs exactly as RunUfuncCall runs that chunk (same
// pointers, same chunk length), and no element's result depends on another
// element, so any split of the units over threads writes the same bits.
int64_t UfuncUnitsPerRow(const UfuncCall& c) {
  const int64_t n = c.shape.empty() ? 1 : c.shape.back();
  return (n + kChunk - 1) / kChunk;
}

// Units [u0, u1) of a checked, non-empty call with this thread's `run`;
// false when the ChunkHook said stop.
bool RunUfuncUnits(const UfuncCall& c, UfuncRun& run, int64_t u0, int64_t u1) {
  const std::vector<int64_t>& shape = c.shape;
  const std::vector<Operand>& ops = c.ops;
  const size_t count = ops.size(), nd = shape.size();
  const int64_t n = nd == 0 ? 1 : shape[nd - 1];
  const int64_t inner = nd == 0 ? -1 : static_cast<int64_t>(nd - 1);
  const int64_t per = UfuncUnitsPerRow(c);
  // The row of unit u0: its index over the outer axes in C order, and its
  // operands' offsets (inside each checked layout: idx[ax] < shape[ax]).
  std::vector<int64_t> idx(nd > 1 ? nd - 1 : 0, 0);
  std::vector<int64_t> off(count, 0);
  int64_t row = u0 / per, k = u0 % per;
  for (size_t ax = idx.size(); ax-- > 0;) {
    idx[ax] = row % shape[ax];
    row /= shape[ax];
    for (size_t o = 0; o < count; o++) off[o] += idx[ax] * ops[o].strides[ax];
  }
  for (int64_t u = u0; u < u1; u++) {
    const int64_t i0 = k * kChunk;
    if (!run.RunChunk(off, i0, n - i0 < kChunk ? n - i0 : kChunk, inner)) return false;
    if (++k < per || u + 1 == u1) continue;
    // The next row (there is one: u + 1 < u1 <= the call's units).
    k = 0;
    for (size_t ax = idx.size(); ax-- > 0;) {
      idx[ax]++;
      for (size_t o = 0; o < count; o++) off[o] += ops[o].strides[ax];
      if (idx[ax] < shape[ax]) break;
      for (size_t o = 0; o < count; o++) off[o] -= ops[o].strides[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
  return true;
}

// Reads and checks kernelUfunc's arguments: the list form above in one
// Float64Array `layout` (info[2]) and the operands' memories after it:
// [nd, shape[0..nd), then for each operand byteOffset, type, swap,
// strides[0..nd)]. The same checks; one Node-API call reads every number,
// where the nested lists took a dozen an operand (2 µs of a 1000-item add).
bool ReadUfuncCallFlat(const Napi::CallbackInfo& info, UfuncCall* c) {
  Napi::Env env = info.Env();
  const char* bad_args = "kernelUfunc(op, computeType, layout, ...memories): bad arguments";
  const double* p = nullptr;
  size_t len = 0;
  if (info.Length() < 4 || !ReadOpAndType(info, c) || !ReadFloat64s(info[2], &p, &len)) {
    ThrowType(env, bad_args);
    return false;
  }
  const size_t count = info.Length() - 3;
  if (!PickUfuncLoop(env, c, count)) return false;
  int64_t nd = 0;
  // 64: NumPy's NPY_MAXDIMS. The layout's length then bounds every read below.
  if (len < 1 || !IntOfDouble(p[0], &nd) || nd < 0 || nd > 64 || len < 1 + static_cast<size_t>(nd) + count * (3 + static_cast<size_t>(nd))) {
    ThrowType(env, bad_args);
    return false;
  }
  std::vector<int64_t>& shape = c->shape;
  shape.resize(static_cast<size_t>(nd));
  size_t at = 1;
  for (int64_t& d : shape) {
    if (!IntOfDouble(p[at++], &d)) {
      ThrowType(env, bad_args);
      return false;
    }
    if (d < 0) {
      ThrowRange(env, "kernelUfunc: negative axis length");
      return false;
    }
  }
  for (size_t k = 0; k < count; k++) {
    Operand& o = c->ops[k];
    int64_t off = 0, type = 0, swap = 0;
    bool ok = IntOfDouble(p[at], &off) && IntOfDouble(p[at + 1], &type) && IntOfDouble(p[at + 2], &swap);
    at += 3;
    o.strides.resize(static_cast<size_t>(nd));
    for (int64_t& st : o.strides) ok = ok && IntOfDouble(p[at++], &st);
    if (!ok) {
      ThrowType(env, "kernelUfunc: bad operand offset, strides or type");
      return false;
    }
    if (!CheckOperand(env, "kernelUfunc", info[3 + k], off, type, swap != 0, shape, k == static_cast<size_t>(c->nin), &o)) return false;
  }
  return FinishUfuncCall(env, c);
}

// kernelUfunc(op, computeType, layout, ...memories): operands are nin
// inputs, the output and optionally a bool mask (ReadUfuncCallFlat), strides
// over the shape (slowest axis first, as JS ordered and coalesced them).
// Inputs overlapping the output must be the very same elements or not
// overlap at all (JS copies any other first). Returns 0, or 1 when integer
// power met a negative exponent (every element was still visited; JS then
// raises, and the output's contents are unspecified, as NumPy's are after
// that error).
Napi::Value KernelUfunc(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  UfuncCall c;
  if (!ReadUfuncCallFlat(info, &c)) return env.Undefined();
  if (c.empty) return Napi::Number::New(env, 0);
  return Napi::Number::New(env, RunUfuncCall(c));
}

// ------------------------------------------------------------ async ufunc
//
// kernelUfuncAsync: the same call on libuv's thread pool (lib/async.ts
// ufuncAsync). The arguments are checked on the JS thread; the worker pins
// every mapping for the whole run and stops before the next chunk (4096
// elements) on an abort or when close() asks to unmap, so close() waits for
// one chunk. A stop leaves the output written up to a chunk boundary of the
// C-order walk. With `threads` > 1 the chunks (units, RunUfuncUnits) are
// cut into tasks of about kUfuncTaskBytes of output that the job's pool
// threads claim (PoolTasks, pool_job.h), each pinning the mappings for its
// task; a stop then leaves whole tasks and a prefix of each task in flight
// written.

// Output bytes between two yields of the pool thread to a waiting JS thread.
constexpr int64_t kUfuncYieldBytes = int64_t{1} << 20;
// Output bytes of one task when the job's threads share the work.
constexpr int64_t kUfuncTaskBytes = int64_t{1} << 20;

struct UfuncJob final : ChunkHook {
  UfuncCall call;
  std::atomic<bool> abort{false};
  std::atomic<int> stopped{kJobRunning};
  std::atomic<int64_t> done_bytes{0};
  int64_t total_bytes = 0;
  int64_t out_itemsize = 1;
  int64_t since_yield = 0;
  int negative_power = 0;

  bool Continue() override {
    for (const Operand& o : call.ops) {
      if (o.memory.mapping && o.memory.mapping->closing()) {
        stopped = kJobClosed;
        return false;
      }
    }
    if (abort.load(std::memory_order_relaxed)) stopped = kJobAborted;
    return stopped == kJobRunning;
  }
  void Done(int64_t elements) override {
    done_bytes.fetch_add(elements * out_itemsize, std::memory_order_relaxed);
    since_yield += elements * out_itemsize;
    if (since_yield >= kUfuncYieldBytes) {
      since_yield = 0;
      YieldToWaiting();  // pool_yield.h
    }
  }

  // Operands (inputs or the mask) the output overlaps: copied, each into a
  // block of its own, before the loop writes anything, and read from there
  // (NumPy's copy-if-overlap rule). `refused`: the memory for one was not
  // given.
  std::vector<uint32_t> copy_first;
  std::vector<std::unique_ptr<uint8_t[]>> copies;
  bool refused = false;

  // Copies the copy_first operands (their mappings pinned) and points each
  // at its copy; false when a stop came between two rows (nothing of the
  // output written then) or the memory was refused.
  bool CopyOverlapping() {
    int64_t since = 0;
    for (uint32_t k : copy_first) {
      Operand& o = call.ops[k];
      const int64_t isz = kItemsize[o.type];
      // The copy's strides: C order over the axes the operand moves along
      // (a broadcast axis, stride 0, stays 0: copied once).
      const size_t nd = call.shape.size();
      std::vector<int64_t> cs(nd, 0);
      int64_t bytes = isz;
      for (size_t d = nd; d-- > 0;) {
        if (o.strides[d] == 0 || call.shape[d] == 1) continue;
        cs[d] = bytes;
        bytes *= call.shape[d];
      }
      std::unique_ptr<uint8_t[]> block(new (std::nothrow) uint8_t[static_cast<size_t>(bytes)]);
      if (!block) {
        refused = true;
        return false;
      }
      // The moving axes only, the last one innermost.
      std::vector<int64_t> ext, ss, ds;
      for (size_t d = 0; d < nd; d++) {
        if (cs[d] == 0) continue;
        ext.push_back(call.shape[d]);
        ss.push_back(o.strides[d]);
        ds.push_back(cs[d]);
      }
      const int64_t inner = ext.empty() ? 1 : ext.back(), is = ext.empty() ? 0 : ss.back(), id = ext.empty() ? 0 : ds.back();
      const size_t outer = ext.empty() ? 0 : ext.size() - 1;
      std::vector<int64_t> idx(outer, 0);
      const uint8_t* src = o.base;
      uint8_t* dst = block.get();
      for (;;) {
        // SAFETY: src walks the operand's items over the call's shape (the
        // layout ReadOperand checked, its mapping pinned by Run); dst walks
        // the block of `bytes` bytes in C order over the same moving axes.
        for (int64_t i = 0; i < inner; i++) std::memcpy(dst + i * id, src + i * is, static_cast<size_t>(isz));
        since += inner;
        if (since >= kChunk * 16) {
          since = 0;
          YieldToWaiting();  // pool_yield.h
          if (!Continue()) return false;
        }
        size_t ax = outer;
        while (ax-- > 0) {
          src += ss[ax];
          dst += ds[ax];
          if (++idx[ax] < ext[ax]) break;
          src -= ss[ax] * ext[ax];
          dst -= ds[ax] * ext[ax];
          idx[ax] = 0;
        }
        if (ax == static_cast<size_t>(-1)) break;
      }
      o.base = block.get();
      o.strides = cs;
      copies.push_back(std::move(block));
    }
    return Continue();
  }

  // Threads sharing the work (1: the whole C-order walk on this thread),
  // and their tasks: runs of task_units units.
  int threads = 1;
  int64_t units = 0, task_units = 1;
  PoolTasks tasks;
  std::atomic<bool> negative{false};

  // Pins each mapping an operand uses once into *pins; false when one is
  // unmapped already (close() ran).
  bool PinAll(std::vector<std::shared_lock<std::shared_mutex>>* pins) const {
    std::vector<const Mapping*> seen;
    for (const Operand& o : call.ops) {
      const Mapping* m = o.memory.mapping.get();
      if (m == nullptr || std::find(seen.begin(), seen.end(), m) != seen.end()) continue;
      seen.push_back(m);
      pins->push_back(m->Pin());
      if (m->data() == nullptr) return false;
    }
    return true;
  }

  void Run() {
    if (call.empty || !Continue()) return;
    if (threads > 1) {
      Help();
      tasks.Wait();
      negative_power = negative ? 1 : 0;
    } else {
      std::vector<std::shared_lock<std::shared_mutex>> pins;
      if (!PinAll(&pins)) {
        stopped = kJobClosed;
        return;
      }
      // SAFETY: every mapping an operand reads or writes is pinned and
      // still mapped (Unmap waits for the pins; a mapping never moves while
      // mapped, so the addresses ReadOperand checked hold); the operands'
      // ArrayBuffers are held by lib/async.ts until the promise settles.
      if (!copy_first.empty() && !CopyOverlapping()) return;
      t_chunk_hook = this;
      negative_power = RunUfuncCall(call);
      t_chunk_hook = nullptr;
    }
    if (stopped == kJobRunning) done_bytes = total_bytes;
  }

  // This thread's share of the tasks (the job's worker and each helper).
  void Help() {
    // The job's checks, with this thread's own yield count.
    struct ThreadHook final : ChunkHook {
      UfuncJob* job;
      int64_t since_yield = 0;
      explicit ThreadHook(UfuncJob* j) : job(j) {}
      bool Continue() override { return job->Continue(); }
      void Done(int64_t elements) override {
        const int64_t bytes = elements * job->out_itemsize;
        job->done_bytes.fetch_add(bytes, std::memory_order_relaxed);
        since_yield += bytes;
        if (since_yield >= kUfuncYieldBytes) {
          since_yield = 0;
          YieldToWaiting();  // pool_yield.h
        }
      }
    } hook(this);
    const int result = UfuncResultType(call);
    const bool stream = StreamsOutput(call.ops, call.nin, result, call.masked, call.shape);
    UfuncRun run(call.ops, call.nin, call.masked, static_cast<int>(call.compute), result, call.fn, stream);
    t_chunk_hook = &hook;
    t_negative_power = false;
    tasks.Run([&](int64_t t) {
      if (stopped != kJobRunning) return;
      std::vector<std::shared_lock<std::shared_mutex>> pins;
      if (!PinAll(&pins)) {
        stopped = kJobClosed;
        return;
      }
      // SAFETY: as in Run, for this task: its mappings are pinned and
      // mapped until it returns.
      const int64_t u0 = t * task_units;
      RunUfuncUnits(call, run, u0, std::min(units, u0 + task_units));
      // The streamed stores ordered before the task counts as done.
      if (stream) StreamFence();
      // Before the task counts as done too: set after tasks.Run returned, a
      // helper's flag could come after the job's thread had passed
      // tasks.Wait() and read `negative` (an integer power with a negative
      // exponent then gave results instead of NumPy's ValueError, about one
      // run in three of the threads-3 test at load 17).
      if (t_negative_power) negative = true;
    });
    t_chunk_hook = nullptr;
  }

  // JS thread, at settle: the negative-power flag when it ran through, else
  // ERR_CLOSED (naming the mapping close() unmapped) or ABORT_ERR.
  bool Outcome(napi_env env, napi_value* error, napi_value* value) const {
    int st = stopped;
    if (refused) {
      *error = NewErrorValue(env, ErrorCode::kOutOfRange, "ufuncAsync: the memory for a copy of an operand that overlaps out was refused");
      return *error != nullptr;
    }
    if (st == kJobRunning) return napi_create_int32(env, negative_power, value) == napi_ok;
    std::string path;
    for (const Operand& o : call.ops) {
      if (o.memory.mapping && o.memory.mapping->closing()) {
        path = o.memory.mapping->path();
        break;
      }
    }
    *error = StoppedJobError(env, st, path);
    return *error != nullptr;
  }
};

// Settles through `settle(error, negativePower, doneBytes, totalBytes)`.
using UfuncWorker = PoolJobWorker<UfuncJob>;

// The kind of the env-table items that are UfuncJobs (env_state.h).
const char kUfuncKind = 0;

// kernelUfuncAsync(op, computeType, shape, operands, settle, threads) -> job id
Napi::Value KernelUfuncAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !info[4].IsFunction()) {
    ThrowType(env, "kernelUfuncAsync: expected a settle function after kernelUfunc's arguments");
    return env.Undefined();
  }
  auto job = std::make_shared<UfuncJob>();
  if (!ReadUfuncCall(info, &job->call)) return env.Undefined();
  const Operand& out = job->call.ops[static_cast<size_t>(job->call.nin)];
  job->out_itemsize = kItemsize[out.type];
  int64_t items = 1;
  for (int64_t d : job->call.shape) items *= d;  // the checked layout's item count
  job->total_bytes = items * job->out_itemsize;
  // info[6]: the operands to copy first (inputs or the mask that the
  // output overlaps), each once; the copies' bytes checked as scratch.
  if (info.Length() > 6 && !info[6].IsUndefined()) {
    const uint32_t count = static_cast<uint32_t>(job->call.ops.size()), nin = static_cast<uint32_t>(job->call.nin);
    uint32_t listed = 0;
    uint64_t scratch = 0;
    bool ok = ArrayLength(info[6], &listed) && listed <= count;
    for (uint32_t i = 0; ok && i < listed; i++) {
      Napi::Value v;
      int64_t k = -1;
      ok = ElementOf(info[6], i, &v) && ToInt(v, &k) && k >= 0 && k < count && k != nin &&
           std::find(job->copy_first.begin(), job->copy_first.end(), static_cast<uint32_t>(k)) == job->copy_first.end();
      if (!ok) break;
      job->copy_first.push_back(static_cast<uint32_t>(k));
      scratch += static_cast<uint64_t>(items) * static_cast<uint64_t>(kItemsize[job->call.ops[static_cast<size_t>(k)].type]);
    }
    if (!ok) {
      ThrowType(env, "kernelUfuncAsync: copyFirst must list input or mask operands, each once");
      return env.Undefined();
    }
    if (!CheckScratch(env, "ufuncAsync", scratch)) return env.Undefined();
  }
  // info[5]: the threads (1 to 64, checked by lib/async.ts; 1 when absent);
  // one when operands are copied first (the copies precede every task).
  double threads = info.Length() > 5 && info[5].IsNumber() ? info[5].As<Napi::Number>().DoubleValue() : 1;
  if (threads >= 2 && threads <= 64 && !job->call.empty && job->copy_first.empty()) {
    const int64_t per = UfuncUnitsPerRow(job->call);
    const int64_t rowLength = job->call.shape.empty() ? 1 : job->call.shape.back();
    job->units = items / rowLength * per;
    const int64_t unitBytes = std::min<int64_t>(kChunk, rowLength) * job->out_itemsize;
    job->task_units = std::max<int64_t>(1, kUfuncTaskBytes / std::max<int64_t>(1, unitBytes));
    const int64_t taskCount = (job->units + job->task_units - 1) / job->task_units;
    job->threads = static_cast<int>(std::min<int64_t>(static_cast<int64_t>(threads), taskCount));
    job->tasks.Reset(taskCount);
  }
  uint32_t id = UfuncWorker::Queue(env, &kUfuncKind, "mmarray.ufuncAsync", job, info[4].As<Napi::Function>(),
                                   job->threads - 1);
  return id == 0 ? env.Undefined() : Napi::Number::New(env, id);
}

std::shared_ptr<UfuncJob> UfuncJobOf(const Napi::CallbackInfo& info) {
  return UfuncWorker::Of(info, &kUfuncKind, "a kernelUfuncAsync job");
}

// kernelUfuncAbort(job): the ufunc stops before its next chunk; settle gets ABORT_ERR.
Napi::Value KernelUfuncAbort(const Napi::CallbackInfo& info) {
  if (std::shared_ptr<UfuncJob> job = UfuncJobOf(info)) job->abort = true;
  return info.Env().Undefined();
}

// kernelUfuncProgress(job) -> [doneBytes, totalBytes] of the output, or null once it settled.
Napi::Value KernelUfuncProgress(const Napi::CallbackInfo& info) { return JobProgress(info.Env(), UfuncJobOf(info)); }

// ufuncStreamMinBytes(bytes?) -> the smallest bool result kernelUfunc
// streams (StreamMinBytes), as it was before the call; with `bytes` (a
// non-negative integer), sets it for the process: tests take the streamed
// path with results smaller than the last-level cache.
Napi::Value UfuncStreamMinBytes(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const int64_t was = StreamMinBytes();
  if (info.Length() > 0 && !info[0].IsUndefined()) {
    int64_t v;
    if (!ToInt(info[0], &v) || v < 0) {
      ThrowType(env, "ufuncStreamMinBytes(bytes): bytes must be a non-negative integer");
      return env.Undefined();
    }
    stream_min_bytes.store(v, std::memory_order_relaxed);
  }
  return Napi::Number::New(env, static_cast<double>(was));
}

// ------------------------------------------------------------------ ufunc.at

// The indexed loops' minimum and maximum: Minimum's and Maximum's values
// (NaN in `a` kept, a tie gives `b`), written as selects the compiler makes
// branch-free. The scalar loop's branches mispredicted on the ties group
// maxima meet once a group's maximum is found (10M values into 1000 groups,
// a quarter of them ties: 17.7 ms, a typed-array loop 8.4 ms).
struct MinimumAt {
  template <class T>
  static T Apply(T a, T b) {
    T r = a < b ? a : b;
    return a != a ? a : r;
  }
};
struct MaximumAt {
  template <class T>
  static T Apply(T a, T b) {
    T r = a > b ? a : b;
    return a != a ? a : r;
  }
};
// NumPy's fmax/fmin "indexed" loops (ufunc.at with no cast) call the C
// library's fmax/fmin: NaN gives way to a number and a tie keeps the second
// operand (the value), where its element-wise loops keep the first.
struct FmaxAt {
  template <class T>
  static T Apply(T a, T b) {
    T r = a > b ? a : b;
    r = a != a ? b : r;
    return b != b ? a : r;
  }
};
struct FminAt {
  template <class T>
  static T Apply(T a, T b) {
    T r = a < b ? a : b;
    r = a != a ? b : r;
    return b != b ? a : r;
  }
};

// a[x] = F(a[x], v) for each index x of type I at ip + k * is (bytes;
// negative ones count from the end) and value v at vp + k * vs (bytes).
// SAFETY: the caller checked every index to lie in [-n, n) and to be an
// aligned I, so base + x * s (x resolved into [0, n)) is an item of its
// checked, aligned target, and vp + k * vs for k < count an item of its
// checked, aligned values.
template <class F, class T, class I>
void IndexedLoop(uint8_t* base, int64_t s, int64_t n, const uint8_t* ip, int64_t is, int64_t count, const uint8_t* vp, int64_t vs) {
  for (int64_t k = 0; k < count; k++) {
    int64_t x = *reinterpret_cast<const I*>(ip + k * is);
    T* p = reinterpret_cast<T*>(base + (x < 0 ? x + n : x) * s);
    *p = static_cast<T>(F::Apply(*p, *reinterpret_cast<const T*>(vp + k * vs)));
  }
}

template <class F, class I>
UfuncIndexedFn IndexedFor(int type, bool ints, bool floats) {
  switch (type) {
    case kF8: return floats ? IndexedLoop<F, double, I> : nullptr;
    case kF4: return floats ? IndexedLoop<F, float, I> : nullptr;
    case kI1: return ints ? IndexedLoop<F, int8_t, I> : nullptr;
    case kU1: return ints ? IndexedLoop<F, uint8_t, I> : nullptr;
    case kI2: return ints ? IndexedLoop<F, int16_t, I> : nullptr;
    case kU2: return ints ? IndexedLoop<F, uint16_t, I> : nullptr;
    case kI4: return ints ? IndexedLoop<F, int32_t, I> : nullptr;
    case kU4: return ints ? IndexedLoop<F, uint32_t, I> : nullptr;
    case kI8: return ints ? IndexedLoop<F, int64_t, I> : nullptr;
    case kU8: return ints ? IndexedLoop<F, uint64_t, I> : nullptr;
  }
  return nullptr;
}

template <class I>
UfuncIndexedFn IndexedOp(int op, int type) {
  switch (op) {
    case kAdd: return IndexedFor<Add, I>(type, true, true);
    case kSubtract: return IndexedFor<Subtract, I>(type, true, true);
    case kMultiply: return IndexedFor<Multiply, I>(type, true, true);
    case kDivide: return IndexedFor<Divide, I>(type, false, true);
    case kFloorDivide: return IndexedFor<FloorDivide, I>(type, true, true);
    case kMinimum: return IndexedFor<MinimumAt, I>(type, true, true);
    case kMaximum: return IndexedFor<MaximumAt, I>(type, true, true);
    case kBitwiseAnd: return IndexedFor<BitwiseAnd, I>(type, true, false);
    case kBitwiseOr: return IndexedFor<BitwiseOr, I>(type, true, false);
    case kBitwiseXor: return IndexedFor<BitwiseXor, I>(type, true, false);
    case kMathOpBase + kMFmax: return IndexedFor<FmaxAt, I>(type, true, true);
    case kMathOpBase + kMFmin: return IndexedFor<FminAt, I>(type, true, true);
  }
  return nullptr;
}

}  // namespace

UfuncChunkFn UfuncLoop(int op, int type, int* nin, int* result) {
  if (op < 0 || type < 0 || type >= kTypeCount || (op >= kOpCount && (op < kMathOpBase || op >= kMathOpBase + kMOpCount))) return nullptr;
  ChunkFn fn = PickLoop(op, type);
  if (fn != nullptr) {
    *nin = Nin(op);
    const int m = op - kMathOpBase;
    if (op < kMathOpBase) *result = ResultTypeOf(op, type);
    else *result = (m == kMFrexpExp || m == kMBitwiseCount || m == kMLdexp) ? -1 : type;
  }
  return fn;
}

bool UfuncLoopFoldsInPlace(int op, int type) {
  if (type < 0 || type >= kTypeCount || type == kC8 || type == kC16) return false;
  if (op >= kMathOpBase && op < kMathOpBase + kMOpCount) return MathLoopFoldsInPlace(op - kMathOpBase, type);
  if (op < 0 || op >= kOpCount) return false;
  if (op == kFloatPower || (op == kPower && IsFloat(type)) || Nin(op) != 2) return false;
  return PickLoop(op, type) != nullptr;
}

bool UfuncFoldStepIsCheap(int op) {
  switch (op) {
    case kAdd: case kSubtract: case kMultiply:
    case kLess: case kLessEqual: case kGreater: case kGreaterEqual: case kEqual: case kNotEqual:
    case kMinimum: case kMaximum: case kBitwiseAnd: case kBitwiseOr: case kBitwiseXor:
    case kLogicalAnd: case kLogicalOr: case kLogicalXor: case kLeftShift: case kRightShift:
    case kMathOpBase + kMFmax: case kMathOpBase + kMFmin: case kMathOpBase + kMCopysign: case kMathOpBase + kMHeaviside:
      return true;
    default:
      return false;
  }
}

UfuncIndexedFn UfuncIndexedLoop(int op, int type, bool int32_indices) {
  return int32_indices ? IndexedOp<int32_t>(op, type) : IndexedOp<int64_t>(op, type);
}

bool UfuncMayMeetNegativePower(int op, int type) {
  return op == kPower && (type == kI1 || type == kI2 || type == kI4 || type == kI8);
}

bool UfuncNegativePower() {
  bool met = t_negative_power;
  t_negative_power = false;
  return met;
}

void InitUfuncKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("kernelUfunc", Napi::Function::New<KernelUfunc>(env, "kernelUfunc"));
  exports.Set("kernelUfuncAsync", Napi::Function::New<KernelUfuncAsync>(env, "kernelUfuncAsync"));
  exports.Set("kernelUfuncAbort", Napi::Function::New<KernelUfuncAbort>(env, "kernelUfuncAbort"));
  exports.Set("kernelUfuncProgress", Napi::Function::New<KernelUfuncProgress>(env, "kernelUfuncProgress"));
  exports.Set("ufuncStreamMinBytes", Napi::Function::New<UfuncStreamMinBytes>(env, "ufuncStreamMinBytes"));
}

}  // namespace mmarray
