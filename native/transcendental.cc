// exp, log and pow rows (the contract is in transcendental.h).
//
// Design. Each function is a branch-free main path that GCC vectorizes (one
// table gather, a short polynomial, the exponent put in with integer
// adds), run over blocks of kBlock elements; inputs the main path cannot
// take (exp: |x| > 708 or NaN; log: x <= 0, +inf or NaN) are flagged
// during the block and recomputed one by one afterwards. The tables and
// the split constants come from scripts/transcendental-tables.py (mpmath).
//
// exp(x), float64: x = k*ln2/128 + r with k = round(x*128/ln2), so
// |r| <= ln2/256; exp(x) = 2^(k>>7) * 2^((k&127)/128) * exp(r). LN2/128 is
// split in hi + lo with hi of 35 bits, so k*hi is exact and r carries an
// error near 2^-62. exp(r) - 1 is its Taylor series to r^5 (the r^6 term is
// below 2^-60 on this interval), and 2^(j/128) comes as hi + lo, so the sum
// hi + (hi*p + lo) before the last rounding is good to about 2^-60: the
// result is within 0.5 + 2^-7 ulp. Results that are subnormal or overflow
// take the scalar path, which scales in two steps (one rounding).
//
// log(x), float64: x = 2^k * z with z in [0.6875, 1.375); z falls in one of
// 128 intervals with centre c, and log(x) = k*ln2 + log(c) + log1p(r) with
// r = (z - c)/c (z - c is exact by Sterbenz; |r| <= 2^-7; c, the
// interval's midpoint, comes from z's bits). ln2 and log(c) are split so
// that w = k*LN2_HI + LOGC_HI is exact; hi = w + r then keeps its rounding
// error in lo (Fast2Sum: |w| >= |r| for every interval, and w = 0 for the
// two intervals whose centre is 1). log1p(r) - r is Taylor to r^9 (error
// below r^10/10 < 2^-73). Within 0.5 + 2^-6 ulp. Subnormal x takes the
// scalar path, scaled by 2^52.
//
// pow(x, y), float64: log(x) as a double-double (LogWide: r and r^2 exact
// by Dekker products, every rounding kept), times y by a Dekker product,
// into exp with the product's tail added to its reduced argument; the
// error stays near 2^-60 relative before the last rounding for every
// |y*log(x)| <= 708. Anything else (x <= 0, subnormal, inf or NaN, y not
// finite, results near overflow or underflow) goes to libm's pow.
//
// float32 computes in float64 with shorter polynomials (the float64 result
// is good to about 2^-37 relative) and rounds to float32 once: a float32
// overflow, underflow or subnormal comes out of that conversion.
//
// "no-math-errno" must head the file, as in ufunc_kernels.cc: sqrt inlines
// and vectorizes only without errno.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-math-errno")
#endif
#include "transcendental.h"

#include <cmath>
#include <cstring>
#include <limits>
#if defined(__x86_64__)
// GCC 12 warns, wrongly, on the _mm512_undefined_* idiom inside its own
// header when those intrinsics inline (GCC bug 105593, fixed in 13).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

#include "transcendental_tables.h"

namespace mmarray {
namespace {

using transcendental::kExpTable;
using transcendental::kInvLn2x128;
using transcendental::kLn2Hi;
using transcendental::kLn2Lo;
using transcendental::kLn2x128;
using transcendental::kLn2x128Hi;
using transcendental::kLn2x128Lo;
using transcendental::kLogTable;

// Each block loop is also built for AVX2 and AVX-512F, picked at load time
// (arm64 builds the baseline only: binding.gyp defines target_clones away).
#define MMARRAY_MATH_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

constexpr int64_t kBlock = 256;

inline uint64_t Bits(double x) {
  uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
inline double FromBits(uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

// Adding 1.5 * 2^52 rounds a double below 2^51 in magnitude to an integer,
// which then sits in the low bits: bits(z + kShift) - bits(kShift) = round(z).
constexpr double kShift = 0x1.8p52;
constexpr uint64_t kExponentMask = 0xfff0000000000000ULL;

// ------------------------------------------------------------------ exp

constexpr double kExpC3 = 1.0 / 6, kExpC4 = 1.0 / 24, kExpC5 = 1.0 / 120;
// |x| up to this gives a normal, finite result on the main path.
constexpr double kExpMainLimit = 708.0;

// 2^((k&127)/128) * exp(r) (in [0.997, 2)) for x = k*ln2/128 + r; *k gets k
// (two's complement).
inline double ExpReduced(double x, uint64_t* k) {
  double kd = x * kInvLn2x128 + kShift;
  *k = Bits(kd) - Bits(kShift);
  kd -= kShift;
  double r = (x - kd * kLn2x128Hi) - kd * kLn2x128Lo;
  double r2 = r * r;
  double p = r + r2 * (0.5 + r * (kExpC3 + r * (kExpC4 + r * kExpC5)));
  const transcendental::ExpEntry& t = kExpTable[*k & 127];
  return t.hi + (t.hi * p + t.lo);
}
// t * 2^(k >> 7) by adding to t's exponent field, where that stays normal:
// (k << 45) with the low 52 bits cleared is (k >> 7) << 52 in two's
// complement, without a 64-bit arithmetic shift (AVX2 has none).
inline double ExpScale(double t, uint64_t k) {
  return FromBits(Bits(t) + ((k << 45) & kExponentMask));
}

// Any x, one at a time: the special values and the results that overflow or
// are subnormal.
double ExpSlow(double x) {
  if (x != x) return x + x;  // quiet NaN
  if (x > 709.8) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  uint64_t k;
  double t = ExpReduced(x, &k);
  int64_t e = static_cast<int64_t>(k) >> 7;  // floor(k / 128); -1077 <= e <= 1025
  if (e > 0) {
    // t * 2^(e-1) is exact and normal; the last doubling overflows to inf or not.
    return FromBits(Bits(t) + (static_cast<uint64_t>(e - 1) << 52)) * 2.0;
  }
  // t * 2^(e+600) is exact and normal; multiplying by 2^-600 rounds once, into the subnormals.
  return FromBits(Bits(t) + (static_cast<uint64_t>(e + 600) << 52)) * 0x1p-600;
}

inline bool ExpIsSpecial(double x) { return !(std::fabs(x) <= kExpMainLimit); }

// The blocks compute every lane on the main path, the flagged ones too:
// their garbage (integer ops on any bits, float ops on inf or NaN) is
// replaced afterwards. Selecting a safe input instead would cost the
// vectorization: GCC then splits the loop body into branches.
MMARRAY_MATH_CLONES uint64_t ExpBlock(int64_t n, const double* __restrict x, double* __restrict y) {
  uint64_t special = 0;
  for (int64_t i = 0; i < n; i++) {
    double v = x[i];
    special |= ExpIsSpecial(v);
    uint64_t k;
    double t = ExpReduced(v, &k);
    y[i] = ExpScale(t, k);
  }
  return special;
}

// exp's special lanes (|x| > 708, NaN) are rare in practice: all go to ExpSlow.
template <class T>
uint64_t NoFix(int64_t, const T* __restrict, T* __restrict) {
  return 1;
}

// float32: exp(x) underflows to 0 below -104 and overflows above 89; the
// main path takes |x| <= 708 and the float32 range is well inside.
inline bool ExpIsSpecial(float x) { return !(std::fabs(x) <= 120.0f); }
float ExpSlow(float x) { return static_cast<float>(ExpSlow(static_cast<double>(x))); }

MMARRAY_MATH_CLONES uint64_t ExpBlock(int64_t n, const float* __restrict x, float* __restrict y) {
  uint64_t special = 0;
  for (int64_t i = 0; i < n; i++) {
    double v = x[i];
    special |= ExpIsSpecial(x[i]);
    double kd = v * kInvLn2x128 + kShift;
    uint64_t k = Bits(kd) - Bits(kShift);
    kd -= kShift;
    double r = v - kd * kLn2x128;
    double p = r + r * r * (0.5 + r * kExpC3);
    double t = kExpTable[k & 127].hi;
    y[i] = static_cast<float>(ExpScale(t + t * p, k));
  }
  return special;
}

// ------------------------------------------------------------------ log

constexpr uint64_t kLogOff = 0x3fe6000000000000ULL;  // bits(0.6875)
constexpr double kL2 = -1.0 / 2, kL3 = 1.0 / 3, kL4 = -1.0 / 4, kL5 = 1.0 / 5, kL6 = -1.0 / 6, kL7 = 1.0 / 7,
                 kL8 = -1.0 / 8, kL9 = 1.0 / 9;

// log(x) for x positive, finite and normal, with `adjust` added to the
// exponent (-52 after scaling a subnormal by 2^52). The w and r terms are
// as the file comment says; `Full` selects the float64 precision.
template <bool Full>
inline double LogMain(double x, double adjust) {
  uint64_t ix = Bits(x);
  uint64_t tmp = ix - kLogOff;
  uint64_t i = (tmp >> 45) & 127;
  // k = tmp >> 52 (arithmetic), through a double: (k + 2048) is the top 12
  // bits with the sign bit flipped.
  double kd = FromBits(0x4330000000000000ULL | ((tmp ^ 0x8000000000000000ULL) >> 52)) - (0x1p52 + 2048.0) + adjust;
  uint64_t iz = ix - (tmp & kExponentMask);
  double z = FromBits(iz);
  const transcendental::LogEntry& e = kLogTable[i];
  // c, the interval's midpoint, from z's own bits (1 for the two intervals
  // at 1), and a division rather than invc: two fewer table gathers, which
  // cost more than the division on this code's CPUs.
  uint64_t mid = (iz & ~((uint64_t{1} << 45) - 1)) | (uint64_t{1} << 44);
  uint64_t at1 = 0 - static_cast<uint64_t>((i == 79) | (i == 80));
  double c = FromBits(mid ^ ((mid ^ 0x3ff0000000000000ULL) & at1));
  double r = (z - c) / c;
  double w = kd * kLn2Hi + e.logc_hi;  // exact: multiples of 2^-43 below 2^11
  double hi = w + r;
  double lo = (w - hi) + r;
  double r2 = r * r;
  double p;
  if constexpr (Full) {
    p = r2 * (kL2 + r * (kL3 + r * (kL4 + r * (kL5 + r * (kL6 + r * (kL7 + r * (kL8 + r * kL9)))))));
  } else {
    p = r2 * (kL2 + r * (kL3 + r * (kL4 + r * kL5)));
  }
  return hi + (lo + (kd * kLn2Lo + e.logc_lo) + p);
}

// x <= 0 (or -0), subnormal, +inf and NaN.
// `&`, not `&&`: a short circuit is a branch, which stops the vectorizer.
inline bool LogIsSpecial(double x) { return !((x >= 0x1p-1022) & (x < std::numeric_limits<double>::infinity())); }
// float32 subnormals are normal float64s.
inline bool LogIsSpecial(float x) { return !((x > 0.0f) & (x < std::numeric_limits<float>::infinity())); }

double LogSlow(double x) {
  if (x == 0.0) return -std::numeric_limits<double>::infinity();
  if (x < 0.0) return (x - x) / (x - x);  // the invalid operation's NaN, as libm gives it
  if (x != x) return x + x;               // quiet NaN
  if (x == std::numeric_limits<double>::infinity()) return x;
  return LogMain<true>(x * 0x1p52, -52.0);  // subnormal
}
float LogSlow(float x) { return static_cast<float>(LogSlow(static_cast<double>(x))); }

// The invalid operation's NaN as this CPU makes it ((x - x) / (x - x), what
// LogSlow and glibc's pow give: negative on x86-64, positive on arm64);
// computed once at load, since the compiler would fold a constant 0/0 to +NaN.
double InvalidNaN() {
  volatile double zero = 0.0;
  return (zero - zero) / (zero - zero);
}
const uint64_t kInvalidNaN64 = Bits(InvalidNaN());
const float kInvalidNaN32 = static_cast<float>(InvalidNaN());

inline uint64_t LaneMask(bool b) { return 0 - static_cast<uint64_t>(b); }
inline uint32_t LaneMask32(bool b) { return 0 - static_cast<uint32_t>(b); }
inline uint32_t Bits32(float x) {
  uint32_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
inline float FromBits32(uint32_t u) {
  float x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

// After a block that flagged some lanes: the special values LogSlow gives
// (x < 0: NaN; +-0: -inf; +inf: +inf; NaN: itself, quieted), blended in with
// integer ops over the whole block, so that a row with many negative or NaN
// elements stays vectorized (one scalar call each cost 3x NumPy's time on a
// row a fifth negative). Returns whether any lane is left for the scalar
// path: positive subnormals only.
MMARRAY_MATH_CLONES uint64_t LogFix(int64_t n, const double* __restrict x, double* __restrict y) {
  const uint64_t nan = kInvalidNaN64;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  uint64_t rare = 0;
  for (int64_t i = 0; i < n; i++) {
    double v = x[i];
    rare |= (v > 0.0) & (v < 0x1p-1022);
    uint64_t mnan = LaneMask(v != v), mneg = LaneMask(v < 0.0), mzero = LaneMask(v == 0.0), minf = LaneMask(v == kInf);
    uint64_t keep = ~(mnan | mneg | mzero | minf);
    y[i] = FromBits((Bits(y[i]) & keep) | (mnan & Bits(v + v)) | (mneg & nan) | (mzero & Bits(-kInf)) | (minf & Bits(kInf)));
  }
  return rare;
}
// float32: subnormals are normal float64s, so no lane is left over.
MMARRAY_MATH_CLONES uint64_t LogFix(int64_t n, const float* __restrict x, float* __restrict y) {
  const uint32_t nan = Bits32(kInvalidNaN32);
  constexpr float kInf = std::numeric_limits<float>::infinity();
  for (int64_t i = 0; i < n; i++) {
    float v = x[i];
    uint32_t mnan = LaneMask32(v != v), mneg = LaneMask32(v < 0.0f), mzero = LaneMask32(v == 0.0f), minf = LaneMask32(v == kInf);
    uint32_t keep = ~(mnan | mneg | mzero | minf);
    y[i] = FromBits32((Bits32(y[i]) & keep) | (mnan & Bits32(v + v)) | (mneg & nan) | (mzero & Bits32(-kInf)) | (minf & Bits32(kInf)));
  }
  return 0;
}
// x positive and subnormal: what LogFix leaves to LogSlow.
inline bool LogIsRare(double x) { return (x > 0.0) & (x < 0x1p-1022); }
inline bool LogIsRare(float) { return false; }

MMARRAY_MATH_CLONES uint64_t LogBlock(int64_t n, const double* __restrict x, double* __restrict y) {
  uint64_t special = 0;
  for (int64_t i = 0; i < n; i++) {
    double v = x[i];
    special |= LogIsSpecial(v);
    y[i] = LogMain<true>(v, 0.0);
  }
  return special;
}
MMARRAY_MATH_CLONES uint64_t LogBlock(int64_t n, const float* __restrict x, float* __restrict y) {
  uint64_t special = 0;
  for (int64_t i = 0; i < n; i++) {
    special |= LogIsSpecial(x[i]);
    y[i] = static_cast<float>(LogMain<false>(x[i], 0.0));
  }
  return special;
}

// ------------------------------------------------------------------ pow

// Exact products and sums: with FMA (x86-64 clones that have it, arm64)
// the product's error is one fused op; without (the baseline x86-64 clone)
// Veltkamp's split into 26-bit halves (|a| < 2^996) and Dekker's product.
// Fast2Sum is exact when |a| >= |b| or a == 0.
template <bool kFma>
inline void TwoProduct(double a, double b, double* p, double* e) {
  *p = a * b;
  if constexpr (kFma) {
    *e = __builtin_fma(a, b, -*p);
  } else {
    double ta = a * 134217729.0, tb = b * 134217729.0;  // 2^27 + 1
    double ah = ta - (ta - a), bh = tb - (tb - b);
    double al = a - ah, bl = b - bh;
    *e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
  }
}
inline void Fast2Sum(double a, double b, double* s, double* e) {
  *s = a + b;
  *e = b - (*s - a);
}

// log(x) as hi + lo, good to about 2^-70 relative, for x positive, finite
// and normal. As LogMain, but r is exact: (z - c) * invc as an exact
// product, corrected by invc's own error (c * invc = 1 + eps), and the
// -r^2/2 term exact too, so that y * log(x) stays within 2^-60 of exact
// for every |y * log(x)| <= 708 (the table's logc terms are near 2^-97).
template <bool kFma>
inline void LogWide(double x, double* hi, double* lo) {
  uint64_t ix = Bits(x);
  uint64_t tmp = ix - kLogOff;
  uint64_t i = (tmp >> 45) & 127;
  double kd = FromBits(0x4330000000000000ULL | ((tmp ^ 0x8000000000000000ULL) >> 52)) - (0x1p52 + 2048.0);
  double z = FromBits(ix - (tmp & kExponentMask));
  const transcendental::LogEntry& e = kLogTable[i];
  double rh, rl;
  TwoProduct<kFma>(z - e.c, e.invc, &rh, &rl);
  rl -= rh * e.eps;  // (z - c)/c = (z - c) * invc / (1 + eps)
  double w = kd * kLn2Hi + e.logc_hi;
  double s1, e1, s2, e2, qh, ql;
  Fast2Sum(w, rh, &s1, &e1);
  TwoProduct<kFma>(rh, rh, &qh, &ql);
  Fast2Sum(s1, -0.5 * qh, &s2, &e2);
  double p3 = qh * rh * (kL3 + rh * (kL4 + rh * (kL5 + rh * (kL6 + rh * (kL7 + rh * (kL8 + rh * kL9))))));
  double rest = (e1 + e2) + (rl - rl * rh) + (-0.5 * ql) + p3 + (kd * kLn2Lo + e.logc_lo);
  Fast2Sum(s2, rest, hi, lo);
}

// Inputs the block leaves to libm's pow: x not positive, finite and normal,
// y not finite (or beyond 2^900, where the split could overflow), and
// results near or past overflow or underflow (|y*log x| > 708, NaN
// included), where pow's own scaling and rounding apply.
inline bool PowIsSpecial(double x, double y, double t) {
  return !((x >= 0x1p-1022) & (x < std::numeric_limits<double>::infinity()) & (std::fabs(y) <= 0x1p900) & (std::fabs(t) <= kExpMainLimit));
}

// x negative and finite, y finite and not an integer: pow's invalid
// operation, whose NaN the blocks put in themselves (a row a fifth negative
// sent a fifth of its elements to libm's pow, 2x NumPy's time). |y| < 2^51
// (larger y go to pow), where adding 1.5 * 2^52 rounds y to an integer.
inline bool PowIsInvalid(double x, double y) {
  return (x < 0.0) & (x > -std::numeric_limits<double>::infinity()) & (std::fabs(y) < 0x1p51) & (((y + kShift) - kShift) != y);
}

// An element that needs libm's pow comes out as NaN (a result the main
// path never gives otherwise), set with integer ops (a select would cost the
// vectorization); returns whether any does.
inline double MarkNaN(double v, bool special) {
  return FromBits(Bits(v) | ((0 - static_cast<uint64_t>(special)) & 0x7ff8000000000000ULL));
}

template <bool kFma>
__attribute__((always_inline)) inline uint64_t PowBlockF64(int64_t n, const double* __restrict x, const double* __restrict p,
                                                           double* __restrict y) {
  uint64_t special = 0;
  for (int64_t i = 0; i < n; i++) {
    double lh, ll, th, tl;
    LogWide<kFma>(x[i], &lh, &ll);
    TwoProduct<kFma>(p[i], lh, &th, &tl);
    tl += p[i] * ll;
    bool bad = PowIsInvalid(x[i], p[i]);
    bool s = PowIsSpecial(x[i], p[i], th) & !bad;
    special |= s;
    // exp(th + tl): ExpReduced with the tail added to r.
    double kd = th * kInvLn2x128 + kShift;
    uint64_t k = Bits(kd) - Bits(kShift);
    kd -= kShift;
    double r = ((th - kd * kLn2x128Hi) - kd * kLn2x128Lo) + tl;
    double r2 = r * r;
    double q = r + r2 * (0.5 + r * (kExpC3 + r * (kExpC4 + r * kExpC5)));
    const transcendental::ExpEntry& te = kExpTable[k & 127];
    uint64_t mbad = LaneMask(bad);
    y[i] = FromBits((Bits(MarkNaN(ExpScale(te.hi + (te.hi * q + te.lo), k), s)) & ~mbad) | (mbad & kInvalidNaN64));
  }
  return special;
}

using PowBlockFn = uint64_t (*)(int64_t, const double*, const double*, double*);
#if defined(__x86_64__)
// PowBlockF64<true>'s steps in AVX-512 intrinsics, 8 lanes at a time, the
// tail through masked loads and stores (so every element takes the same
// operations, and gets the same bits, wherever it sits in the row). What
// differs is how the table entries arrive: GCC's vectorized PowBlockF64
// reads each lane's 7 table doubles one at a time (56 loads and inserts per
// 8 lanes); here each lane's log entry comes in one 32-byte load and its
// exp entry in one 16-byte load, transposed into vectors by shuffles, and
// eps is recomputed: the table's eps is c * invc - 1 exactly, so
// fma(c, invc, -1), that value rounded once, is eps itself.
// On Zen 4, 10M float64 power(x, 2.5): 37.7 ms CPU against 41.1 ms for the
// vectorized template (AVX-512 gathers: 50.6 ms). The results are the
// template's bits (compared on 10M random pairs, special values included).
// The scalar order of operations is kept, and each FMA stands where GCC
// contracts the template (-ffp-contract=fast) in its FMA clones.
#define MMARRAY_AVX512 __attribute__((target("avx512f,avx512dq,fma")))
MMARRAY_AVX512 inline __m512i Splat(uint64_t v) { return _mm512_set1_epi64(static_cast<long long>(v)); }
// Fields c .. logc_lo of kLogTable[j], the first 32 bytes of its 40.
MMARRAY_AVX512 inline __m256d LogEntryHead(uint64_t j) {
  // SAFETY: j <= 127 (the caller masks it), an index of kLogTable.
  return _mm256_loadu_pd(&kLogTable[j].c);
}
// kLogTable[j0] in the low half, kLogTable[j1] in the high one.
MMARRAY_AVX512 inline __m512d LogEntryPair(uint64_t j0, uint64_t j1) {
  return _mm512_insertf64x4(_mm512_castpd256_pd512(LogEntryHead(j0)), LogEntryHead(j1), 1);
}
// kExpTable[j] as [hi, lo].
MMARRAY_AVX512 inline __m128d ExpEntryPair(uint64_t j) {
  // SAFETY: j <= 127 (the caller masks it), an index of kExpTable.
  return _mm_loadu_pd(&kExpTable[j].hi);
}

//
// The block (n <= kBlock: RunPow's blocks) runs in three passes: the log
// table indices of every lane; y * log(x) as th + tl, with the exp table
// index of each; then exp(th + tl). Each pass's loop body is short enough
// for the CPU to overlap several iterations of its long dependency chain
// (one loop doing all of it kept about two in flight), and each table index
// is read back long after it was stored (read back at once, a vector
// store's lanes wait on store forwarding). The same operations on the same
// values as the one-pass loop, so the same bits. On Zen 4, 10M power(x,
// 2.5): 27.7 ms CPU against 37.9 ms in one pass (NumPy 2.4's SVML loop:
// 27.8 ms into a preallocated out).
MMARRAY_AVX512 uint64_t PowBlockAvx512(int64_t n, const double* __restrict x, const double* __restrict p, double* __restrict y) {
  // Per lane of the block, between the passes.
  alignas(64) double tha[kBlock], tla[kBlock];
  alignas(64) uint64_t lia[kBlock], kia[kBlock];
  __mmask8 sa[kBlock / 8], ba[kBlock / 8];
  const __m512d inf = _mm512_set1_pd(std::numeric_limits<double>::infinity());
  // Lanes 0..7 of the transposes (see below).
  const __m512i even = _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0), odd = _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1);
  const __m512i lo2 = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0), hi2 = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
  unsigned special = 0;
  // SAFETY (the three passes): masked loads and stores of x, p and y touch
  // lanes i .. min(i + 8, n) - 1 only (the others are neither read nor
  // written, nor can they fault); the block buffers hold kBlock lanes, a
  // multiple of 8, and i + 8 <= kBlock for every i < n <= kBlock. A pass
  // reads only the buffer lanes the pass before it wrote (i < n, rounded up to 8).
  for (int64_t i = 0; i < n; i += 8) {
    const __mmask8 m = n - i >= 8 ? 0xff : static_cast<__mmask8>((1u << (n - i)) - 1);
    const __m512i ix = _mm512_castpd_si512(_mm512_maskz_loadu_pd(m, x + i));
    _mm512_store_si512(lia + i, _mm512_and_si512(_mm512_srli_epi64(_mm512_sub_epi64(ix, Splat(kLogOff)), 45), Splat(127)));
  }
  for (int64_t i = 0; i < n; i += 8) {
    const __mmask8 m = n - i >= 8 ? 0xff : static_cast<__mmask8>((1u << (n - i)) - 1);
    const __m512d vx = _mm512_maskz_loadu_pd(m, x + i);
    const __m512d vp = _mm512_maskz_loadu_pd(m, p + i);
    // LogWide<true>.
    const __m512i ix = _mm512_castpd_si512(vx);
    const __m512i tmp = _mm512_sub_epi64(ix, Splat(kLogOff));
    const uint64_t* li = lia + i;
    const __m512d kd = _mm512_sub_pd(
        _mm512_castsi512_pd(_mm512_or_si512(Splat(0x4330000000000000ULL), _mm512_srli_epi64(_mm512_xor_si512(tmp, Splat(0x8000000000000000ULL)), 52))),
        _mm512_set1_pd(0x1p52 + 2048.0));
    const __m512d z = _mm512_castsi512_pd(_mm512_sub_epi64(ix, _mm512_and_si512(tmp, Splat(kExponentMask))));
    // Rows [c, invc, logc_hi, logc_lo] of lanes (0, 4), (1, 5), (2, 6), (3, 7)
    // -> one vector per field.
    const __m512d q04 = LogEntryPair(li[0], li[4]);
    const __m512d q15 = LogEntryPair(li[1], li[5]);
    const __m512d q26 = LogEntryPair(li[2], li[6]);
    const __m512d q37 = LogEntryPair(li[3], li[7]);
    const __m512d u0 = _mm512_unpacklo_pd(q04, q15), u1 = _mm512_unpackhi_pd(q04, q15);
    const __m512d u2 = _mm512_unpacklo_pd(q26, q37), u3 = _mm512_unpackhi_pd(q26, q37);
    const __m512d c = _mm512_permutex2var_pd(u0, lo2, u2);
    const __m512d logc_hi = _mm512_permutex2var_pd(u0, hi2, u2);
    const __m512d invc = _mm512_permutex2var_pd(u1, lo2, u3);
    const __m512d logc_lo = _mm512_permutex2var_pd(u1, hi2, u3);
    const __m512d eps = _mm512_fmsub_pd(c, invc, _mm512_set1_pd(1.0));
    const __m512d a = _mm512_sub_pd(z, c);
    const __m512d rh = _mm512_mul_pd(a, invc);
    const __m512d rl = _mm512_sub_pd(_mm512_fmsub_pd(a, invc, rh), _mm512_mul_pd(rh, eps));
    const __m512d w = _mm512_add_pd(_mm512_mul_pd(kd, _mm512_set1_pd(kLn2Hi)), logc_hi);
    const __m512d s1 = _mm512_add_pd(w, rh);
    const __m512d e1 = _mm512_sub_pd(rh, _mm512_sub_pd(s1, w));
    const __m512d qh = _mm512_mul_pd(rh, rh);
    const __m512d ql = _mm512_fmsub_pd(rh, rh, qh);
    const __m512d mh = _mm512_mul_pd(_mm512_set1_pd(-0.5), qh);
    const __m512d s2 = _mm512_add_pd(s1, mh);
    const __m512d e2 = _mm512_sub_pd(mh, _mm512_sub_pd(s2, s1));
    __m512d poly = _mm512_fmadd_pd(rh, _mm512_set1_pd(kL9), _mm512_set1_pd(kL8));
    poly = _mm512_fmadd_pd(rh, poly, _mm512_set1_pd(kL7));
    poly = _mm512_fmadd_pd(rh, poly, _mm512_set1_pd(kL6));
    poly = _mm512_fmadd_pd(rh, poly, _mm512_set1_pd(kL5));
    poly = _mm512_fmadd_pd(rh, poly, _mm512_set1_pd(kL4));
    poly = _mm512_fmadd_pd(rh, poly, _mm512_set1_pd(kL3));
    __m512d rest = _mm512_add_pd(e1, e2);
    rest = _mm512_add_pd(rest, _mm512_sub_pd(rl, _mm512_mul_pd(rl, rh)));
    rest = _mm512_add_pd(rest, _mm512_mul_pd(_mm512_set1_pd(-0.5), ql));
    rest = _mm512_add_pd(rest, _mm512_mul_pd(_mm512_mul_pd(qh, rh), poly));
    rest = _mm512_add_pd(rest, _mm512_fmadd_pd(kd, _mm512_set1_pd(kLn2Lo), logc_lo));
    const __m512d lh = _mm512_add_pd(s2, rest);
    const __m512d ll = _mm512_sub_pd(rest, _mm512_sub_pd(lh, s2));
    // y * log(x) as th + tl.
    const __m512d th = _mm512_mul_pd(vp, lh);
    const __m512d tl = _mm512_fmadd_pd(vp, ll, _mm512_fmsub_pd(vp, lh, th));
    // PowIsInvalid and PowIsSpecial.
    const __m512d ay = _mm512_abs_pd(vp);
    const __m512d yr = _mm512_sub_pd(_mm512_add_pd(vp, _mm512_set1_pd(kShift)), _mm512_set1_pd(kShift));
    const __mmask8 bad = _mm512_cmp_pd_mask(vx, _mm512_setzero_pd(), _CMP_LT_OQ) & _mm512_cmp_pd_mask(vx, _mm512_sub_pd(_mm512_setzero_pd(), inf), _CMP_GT_OQ) &
                         _mm512_cmp_pd_mask(ay, _mm512_set1_pd(0x1p51), _CMP_LT_OQ) & _mm512_cmp_pd_mask(yr, vp, _CMP_NEQ_UQ);
    const __mmask8 usual = _mm512_cmp_pd_mask(vx, _mm512_set1_pd(0x1p-1022), _CMP_GE_OQ) & _mm512_cmp_pd_mask(vx, inf, _CMP_LT_OQ) &
                          _mm512_cmp_pd_mask(ay, _mm512_set1_pd(0x1p900), _CMP_LE_OQ) &
                          _mm512_cmp_pd_mask(_mm512_abs_pd(th), _mm512_set1_pd(kExpMainLimit), _CMP_LE_OQ);
    const __mmask8 s = static_cast<__mmask8>(~usual & ~bad & m);
    special |= s;
    _mm512_store_pd(tha + i, th);
    _mm512_store_pd(tla + i, tl);
    // The exp table index, as the exp pass computes k.
    const __m512d kk = _mm512_fmadd_pd(th, _mm512_set1_pd(kInvLn2x128), _mm512_set1_pd(kShift));
    _mm512_store_si512(kia + i, _mm512_and_si512(_mm512_sub_epi64(_mm512_castpd_si512(kk), Splat(Bits(kShift))), Splat(127)));
    sa[i / 8] = s;
    ba[i / 8] = bad;
  }
  for (int64_t i = 0; i < n; i += 8) {
    const __mmask8 m = n - i >= 8 ? 0xff : static_cast<__mmask8>((1u << (n - i)) - 1);
    const __m512d th = _mm512_load_pd(tha + i), tl = _mm512_load_pd(tla + i);
    const __mmask8 s = sa[i / 8], bad = ba[i / 8];
    // exp(th + tl).
    __m512d kk = _mm512_fmadd_pd(th, _mm512_set1_pd(kInvLn2x128), _mm512_set1_pd(kShift));
    const __m512i k = _mm512_sub_epi64(_mm512_castpd_si512(kk), Splat(Bits(kShift)));
    kk = _mm512_sub_pd(kk, _mm512_set1_pd(kShift));
    const __m512d r = _mm512_add_pd(_mm512_fnmadd_pd(kk, _mm512_set1_pd(kLn2x128Lo), _mm512_fnmadd_pd(kk, _mm512_set1_pd(kLn2x128Hi), th)), tl);
    __m512d q = _mm512_fmadd_pd(r, _mm512_set1_pd(kExpC5), _mm512_set1_pd(kExpC4));
    q = _mm512_fmadd_pd(r, q, _mm512_set1_pd(kExpC3));
    q = _mm512_fmadd_pd(r, q, _mm512_set1_pd(0.5));
    q = _mm512_fmadd_pd(_mm512_mul_pd(r, r), q, r);
    const uint64_t* ki = kia + i;
    // [hi, lo] of lanes 0 .. 3 and 4 .. 7, then one vector per field.
    __m512d t03 = _mm512_castpd128_pd512(ExpEntryPair(ki[0]));
    t03 = _mm512_insertf64x2(t03, ExpEntryPair(ki[1]), 1);
    t03 = _mm512_insertf64x2(t03, ExpEntryPair(ki[2]), 2);
    t03 = _mm512_insertf64x2(t03, ExpEntryPair(ki[3]), 3);
    __m512d t47 = _mm512_castpd128_pd512(ExpEntryPair(ki[4]));
    t47 = _mm512_insertf64x2(t47, ExpEntryPair(ki[5]), 1);
    t47 = _mm512_insertf64x2(t47, ExpEntryPair(ki[6]), 2);
    t47 = _mm512_insertf64x2(t47, ExpEntryPair(ki[7]), 3);
    const __m512d thi = _mm512_permutex2var_pd(t03, even, t47);
    const __m512d tlo = _mm512_permutex2var_pd(t03, odd, t47);
    const __m512d t = _mm512_add_pd(thi, _mm512_fmadd_pd(thi, q, tlo));
    // ExpScale, MarkNaN, then the invalid operation's NaN.
    __m512i res = _mm512_add_epi64(_mm512_castpd_si512(t), _mm512_and_si512(_mm512_slli_epi64(k, 45), Splat(kExponentMask)));
    res = _mm512_mask_or_epi64(res, s, res, Splat(0x7ff8000000000000ULL));
    res = _mm512_mask_mov_epi64(res, bad, Splat(kInvalidNaN64));
    _mm512_mask_storeu_pd(y + i, m, _mm512_castsi512_pd(res));
  }
  return special;
}
#undef MMARRAY_AVX512
__attribute__((target("avx2,fma"))) uint64_t PowBlockAvx2(int64_t n, const double* __restrict x, const double* __restrict p,
                                                          double* __restrict y) {
  return PowBlockF64<true>(n, x, p, y);
}
uint64_t PowBlockBase(int64_t n, const double* __restrict x, const double* __restrict p, double* __restrict y) {
  return PowBlockF64<false>(n, x, p, y);
}
PowBlockFn PickPowBlock() {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("fma")) return PowBlockAvx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return PowBlockAvx2;
  return PowBlockBase;
}
#else
// arm64: FMA is baseline.
uint64_t PowBlockBase(int64_t n, const double* __restrict x, const double* __restrict p, double* __restrict y) {
  return PowBlockF64<true>(n, x, p, y);
}
PowBlockFn PickPowBlock() { return PowBlockBase; }
#endif
const PowBlockFn kPowBlock = PickPowBlock();

uint64_t PowBlock(int64_t n, const double* x, const double* p, double* y) { return kPowBlock(n, x, p, y); }

// float32: y * log(x) in plain float64 is within 2^-46 relative of exact
// for every float32 result in range, far inside one float32 ulp.
MMARRAY_MATH_CLONES uint64_t PowBlock(int64_t n, const float* __restrict x, const float* __restrict p, float* __restrict y) {
  uint64_t special = 0;
  for (int64_t i = 0; i < n; i++) {
    double xd = x[i], pd = p[i];
    double t = pd * LogMain<true>(xd, 0.0);
    // A float32 x is a normal float64; only x <= 0, inf, NaN and a non-finite y go to pow.
    bool bad = PowIsInvalid(xd, pd);
    bool s = !((xd > 0.0) & (xd < std::numeric_limits<double>::infinity()) & (std::fabs(pd) <= 0x1p900) & (std::fabs(t) <= 700.0)) & !bad;
    special |= s;
    uint64_t k;
    double e = ExpReduced(t, &k);
    uint32_t mbad = LaneMask32(bad);
    y[i] = FromBits32((Bits32(static_cast<float>(MarkNaN(ExpScale(e, k), s))) & ~mbad) | (mbad & Bits32(kInvalidNaN32)));
  }
  return special;
}

#undef MMARRAY_MATH_CLONES

// ------------------------------------------------------------------ rows


// Runs Block over the row in blocks; when it flagged any element, Fix
// blends in the special values it can over the whole block, and Slow
// takes what is left (IsSpecial: the elements Fix leaves).
// The block reads the input in place when it is contiguous and writes the
// output in place when that is contiguous and not the input itself; either
// otherwise goes through a stack buffer. Each block's inputs are all read
// before its outputs are written, which makes y == x (in place) safe.
template <class T, uint64_t (*Block)(int64_t, const T* __restrict, T* __restrict), uint64_t (*Fix)(int64_t, const T* __restrict, T* __restrict),
          T (*Slow)(T), bool (*IsSpecial)(T)>
void RunUnary(int64_t n, const T* x, int64_t xs, T* y, int64_t ys) {
  alignas(64) T xb[kBlock];
  alignas(64) T yb[kBlock];
  for (int64_t i0 = 0; i0 < n; i0 += kBlock) {
    int64_t m = n - i0 < kBlock ? n - i0 : kBlock;
    // SAFETY: elements i0 .. i0 + m - 1 of x and y are the caller's
    // (checked by ufunc_kernels.cc's ReadOperand or a chunk buffer).
    const T* src = x + i0 * xs;
    T* out = y + i0 * ys;
    if (xs != 1) {
      for (int64_t k = 0; k < m; k++) xb[k] = src[k * xs];
      src = xb;
    }
    // Direct output only when it cannot be the input: x and y are the very
    // same elements or do not overlap at all (the caller's contract).
    bool direct = ys == 1 && src != out;
    T* dst = direct ? out : yb;
    if (Block(m, src, dst) != 0 && Fix(m, src, dst) != 0) {
      for (int64_t k = 0; k < m; k++) {
        if (IsSpecial(src[k])) dst[k] = Slow(src[k]);
      }
    }
    if (direct) continue;
    if (ys == 1) {
      std::memcpy(out, yb, static_cast<size_t>(m) * sizeof(T));
    } else {
      for (int64_t k = 0; k < m; k++) out[k * ys] = yb[k];
    }
  }
}

// ------------------------------------------------------------------ pow

// NumPy's fast paths for one exponent e over the whole row (its power loop
// takes them when the exponent's stride is 0). False: e has none.
template <class T>
bool PowFast(int64_t n, const T* x, int64_t xs, T e, T* y, int64_t ys) {
  // SAFETY (each loop): element k of x and y as in RunUnary; y[k*ys] is
  // written after x[k*xs] is read, and x is y exactly or apart from it.
  if (e == T(-1)) {
    for (int64_t k = 0; k < n; k++) y[k * ys] = T(1) / x[k * xs];
  } else if (e == T(0)) {
    for (int64_t k = 0; k < n; k++) y[k * ys] = T(1);
  } else if (e == T(0.5)) {
    for (int64_t k = 0; k < n; k++) y[k * ys] = std::sqrt(x[k * xs]);
  } else if (e == T(1)) {
    for (int64_t k = 0; k < n; k++) y[k * ys] = x[k * xs];
  } else if (e == T(2)) {
    for (int64_t k = 0; k < n; k++) y[k * ys] = x[k * xs] * x[k * xs];
  } else {
    return false;
  }
  return true;
}

// libm's pow (float32 through float64, rounded once more).
template <class T>
T PowSlow(T x, T p) {
  return static_cast<T>(std::pow(static_cast<double>(x), static_cast<double>(p)));
}

// As RunUnary, for two inputs: the block on contiguous (or buffered) rows,
// then libm's pow for the elements it flagged.
// Fast: NumPy's power loop (its fast paths); float_power's loop is plain pow.
template <class T, bool Fast = true>
void RunPow(int64_t n, const T* x, int64_t xs, const T* p, int64_t ps, T* y, int64_t ys) {
  if (Fast && n > 0 && ps == 0 && PowFast(n, x, xs, *p, y, ys)) return;
  alignas(64) T xb[kBlock];
  alignas(64) T pb[kBlock];
  alignas(64) T yb[kBlock];
  // A broadcast base or exponent (stride 0) is the same in every block, so
  // its buffer is filled once. Refilled per block, its element stores met
  // the block's vector loads before they had retired (a store-forwarding
  // stall: 7% of power(x, 2.5)'s time). Not when y has stride 0 as well:
  // then the input may be y's own element, rewritten as the row runs.
  const bool x_once = xs == 0 && ys != 0, p_once = ps == 0 && ys != 0;
  const int64_t first = n < kBlock ? n : kBlock;
  // SAFETY: element 0 of x and p is the caller's (n > 0 here: first > 0).
  for (int64_t k = 0; x_once && k < first; k++) xb[k] = *x;
  for (int64_t k = 0; p_once && k < first; k++) pb[k] = *p;
  for (int64_t i0 = 0; i0 < n; i0 += kBlock) {
    int64_t m = n - i0 < kBlock ? n - i0 : kBlock;
    // SAFETY: elements i0 .. i0 + m - 1 of x, p and y are the caller's (as in RunUnary).
    const T* xsrc = x + i0 * xs;
    const T* psrc = p + i0 * ps;
    T* out = y + i0 * ys;
    if (xs != 1) {
      for (int64_t k = 0; !x_once && k < m; k++) xb[k] = xsrc[k * xs];
      xsrc = xb;
    }
    if (ps != 1) {
      for (int64_t k = 0; !p_once && k < m; k++) pb[k] = psrc[k * ps];
      psrc = pb;
    }
    bool direct = ys == 1 && xsrc != out && psrc != out;
    T* dst = direct ? out : yb;
    if (PowBlock(m, xsrc, psrc, dst) != 0) {
      for (int64_t k = 0; k < m; k++) {
        if (dst[k] != dst[k] && !PowIsInvalid(xsrc[k], psrc[k])) dst[k] = PowSlow(xsrc[k], psrc[k]);
      }
    }
    if (direct) continue;
    if (ys == 1) {
      std::memcpy(out, yb, static_cast<size_t>(m) * sizeof(T));
    } else {
      for (int64_t k = 0; k < m; k++) out[k * ys] = yb[k];
    }
  }
}

}  // namespace

void ExpRow(int64_t n, const double* x, int64_t xs, double* y, int64_t ys) {
  RunUnary<double, ExpBlock, NoFix<double>, ExpSlow, ExpIsSpecial>(n, x, xs, y, ys);
}
void ExpRow(int64_t n, const float* x, int64_t xs, float* y, int64_t ys) {
  RunUnary<float, ExpBlock, NoFix<float>, ExpSlow, ExpIsSpecial>(n, x, xs, y, ys);
}
void LogRow(int64_t n, const double* x, int64_t xs, double* y, int64_t ys) {
  RunUnary<double, LogBlock, LogFix, LogSlow, LogIsRare>(n, x, xs, y, ys);
}
void LogRow(int64_t n, const float* x, int64_t xs, float* y, int64_t ys) {
  RunUnary<float, LogBlock, LogFix, LogSlow, LogIsRare>(n, x, xs, y, ys);
}
void PowRow(int64_t n, const double* x, int64_t xs, const double* p, int64_t ps, double* y, int64_t ys) {
  RunPow(n, x, xs, p, ps, y, ys);
}
void PowRow(int64_t n, const float* x, int64_t xs, const float* p, int64_t ps, float* y, int64_t ys) {
  RunPow(n, x, xs, p, ps, y, ys);
}
void FloatPowRow(int64_t n, const double* x, int64_t xs, const double* p, int64_t ps, double* y, int64_t ys) {
  RunPow<double, false>(n, x, xs, p, ps, y, ys);
}
void FloatPowRow(int64_t n, const float* x, int64_t xs, const float* p, int64_t ps, float* y, int64_t ys) {
  RunPow<float, false>(n, x, xs, p, ps, y, ys);
}

}  // namespace mmarray
