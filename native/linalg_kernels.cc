// See linalg_kernels.h for the algorithms and the pivot rule.
#include "linalg_kernels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include "gemm.h"
#include "linalg_args.h"
#include "napi_util.h"

namespace mmarray {
namespace {

using linalg_args::Items;
using linalg_args::ReadInts;
using linalg_args::Typed;

// A complex number as NumPy stores one: (re, im), two T's, no padding.
template <typename T>
struct Cx {
  T re;
  T im;
};
static_assert(sizeof(Cx<double>) == 2 * sizeof(double), "Cx<double> is (re, im)");
static_assert(sizeof(Cx<float>) == 2 * sizeof(float), "Cx<float> is (re, im)");

// Element arithmetic, real and complex, written out (std::complex's
// multiply calls __muldc3 for its NaN rules at every step of a loop).
inline double Abs1(double x) { return std::fabs(x); }
inline float Abs1(float x) { return std::fabs(x); }
template <typename T>
inline T Abs1(Cx<T> x) { return std::fabs(x.re) + std::fabs(x.im); }

inline bool IsZero(double x) { return x == 0; }
inline bool IsZero(float x) { return x == 0; }
template <typename T>
inline bool IsZero(Cx<T> x) { return x.re == 0 && x.im == 0; }

inline double Mul(double a, double b) { return a * b; }
inline float Mul(float a, float b) { return a * b; }
template <typename T>
inline Cx<T> Mul(Cx<T> a, Cx<T> b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

inline double Sub(double a, double b) { return a - b; }
inline float Sub(float a, float b) { return a - b; }
template <typename T>
inline Cx<T> Sub(Cx<T> a, Cx<T> b) { return {a.re - b.re, a.im - b.im}; }

inline double Div(double a, double b) { return a / b; }
inline float Div(float a, float b) { return a / b; }
// Smith's division (LAPACK's zladiv is a refinement of it): no overflow of |b|^2.
template <typename T>
inline Cx<T> Div(Cx<T> a, Cx<T> b) {
  if (std::fabs(b.re) >= std::fabs(b.im)) {
    const T r = b.im / b.re;
    const T d = b.re + b.im * r;
    return {(a.re + a.im * r) / d, (a.im - a.re * r) / d};
  }
  const T r = b.re / b.im;
  const T d = b.re * r + b.im;
  return {(a.re * r + a.im) / d, (a.im * r - a.re) / d};
}

template <typename E>
inline E One();
template <>
inline double One<double>() { return 1; }
template <>
inline float One<float>() { return 1; }
template <>
inline Cx<double> One<Cx<double>>() { return {1, 0}; }
template <>
inline Cx<float> One<Cx<float>>() { return {1, 0}; }

// The real type under E (float under Cx<float>).
template <typename E>
struct RealOf { using type = E; };
template <typename T>
struct RealOf<Cx<T>> { using type = T; };

// dst[0, len) -= s * src[0, len): one row of a rank-1 update or a solve, the
// loop all three kernels spend their time in. Cloned for AVX2 (4 doubles a
// step instead of SSE2's 2); -ffp-contract=off keeps the multiply and the
// subtract apart, so every clone gives the same bits. dst and src are
// distinct rows (never the same memory), hence __restrict__.
template <typename E>
__attribute__((target_clones("avx2", "default"))) void Axpy(E* __restrict__ dst, const E* __restrict__ src, E s, int64_t len) {
  for (int64_t j = 0; j < len; j++) dst[j] = Sub(dst[j], Mul(s, src[j]));
}

// LU of one n×n row-major matrix in place; piv[k] = the row swapped with k.
// Returns LAPACK's info (0, or the 1-based index of the first zero pivot).
template <typename E>
int64_t Getrf(E* a, int32_t* piv, int64_t n) {
  using R = typename RealOf<E>::type;
  const R sfmin = std::numeric_limits<R>::min();
  int64_t info = 0;
  for (int64_t k = 0; k < n; k++) {
    int64_t p = k;
    R best = Abs1(a[k * n + k]);
    for (int64_t i = k + 1; i < n; i++) {
      const R v = Abs1(a[i * n + k]);
      // idamax: the first of the largest (a strict comparison; a NaN never wins).
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = static_cast<int32_t>(p);
    const E pivot = a[p * n + k];
    if (!IsZero(pivot)) {
      if (p != k) {
        for (int64_t j = 0; j < n; j++) std::swap(a[k * n + j], a[p * n + j]);
      }
      if (Abs1(pivot) >= sfmin) {
        const E r = Div(One<E>(), pivot);
        for (int64_t i = k + 1; i < n; i++) a[i * n + k] = Mul(r, a[i * n + k]);
      } else {
        for (int64_t i = k + 1; i < n; i++) a[i * n + k] = Div(a[i * n + k], pivot);
      }
    } else if (info == 0) {
      info = k + 1;
    }
    const E* row = a + k * n + k + 1;
    for (int64_t i = k + 1; i < n; i++) {
      const E l = a[i * n + k];
      if (!IsZero(l)) Axpy(a + i * n + k + 1, row, l, n - k - 1);
    }
  }
  return info;
}

// B (n×m, row-major) = A⁻¹B from A's LU, B's rows already swapped as the pivots say.
template <typename E>
void GetrsSolves(const E* lu, E* b, int64_t n, int64_t m) {
  // L (unit diagonal): column k of L eliminates row k from the rows below it.
  for (int64_t k = 0; k < n; k++) {
    for (int64_t i = k + 1; i < n; i++) {
      const E l = lu[i * n + k];
      if (!IsZero(l)) Axpy(b + i * m, b + k * m, l, m);
    }
  }
  // U, from the last row up: row k divided by U[k, k], then removed from the rows above.
  for (int64_t k = n - 1; k >= 0; k--) {
    const E d = lu[k * n + k];
    for (int64_t j = 0; j < m; j++) b[k * m + j] = Div(b[k * m + j], d);
    for (int64_t i = 0; i < k; i++) {
      const E u = lu[i * n + k];
      if (!IsZero(u)) Axpy(b + i * m, b + k * m, u, m);
    }
  }
}

// B (n×m, row-major) = A⁻¹B from A's LU and pivots (getrs, no transpose).
template <typename E>
void Getrs(const E* lu, const int32_t* piv, E* b, int64_t n, int64_t m) {
  for (int64_t k = 0; k < n; k++) {
    const int64_t p = piv[k];
    if (p != k) {
      for (int64_t j = 0; j < m; j++) std::swap(b[k * m + j], b[p * m + j]);
    }
  }
  GetrsSolves(lu, b, n, m);
}

// Float64, blocked: LAPACK's recursive LU (dgetrf2) and recursive
// triangular solves. A block of at most kBase columns (LU) or rows (solves)
// runs the unblocked loops; a larger one splits in halves and its
// off-diagonal block is updated by GemmSubF64 (gemm.h: the packed, threaded
// GEMM; one fused multiply-add per product, p in order, rows split over
// threads), so nearly all the work runs at GEMM speed, and the bits depend
// neither on the ISA nor on the number of threads. Pivots are LAPACK's rule,
// chosen column by column as in Getrf; rows are swapped whole at once (the
// same result as dgetrf2's deferred dlaswp of the other columns).
// 32 measured against 16 (A/B, CPU time, stacks of 96..500): 16 left the
// orders 96..160 slower than unblocked (tiny GEMMs' packing and edge tiles).
constexpr int64_t kBase = 32;
// Below this order a matrix is factored and solved unblocked (Getrf, Getrs:
// the bits of the unblocked kernels): for stacks of small matrices the
// GEMM's packing costs more than it saves (measured: 8..64 slower blocked,
// 96 even, 128 and up faster).
constexpr int64_t kBlockedMin = 96;
// Fewer right-hand sides than this solve row by row (GetrsRows): a GEMM
// tile is 8-16 columns wide, so padding a vector to it would waste the work.
constexpr int64_t kBlockedRhs = 8;

// Columns [c0, c0 + w) of the n×n matrix, rows [c0, n), factored unblocked
// (dgetf2 restricted to the panel: the rank-1 updates stop at its last column).
void PanelLu(double* a, int32_t* piv, int64_t n, int64_t c0, int64_t w, int64_t* info) {
  const double sfmin = std::numeric_limits<double>::min();
  const int64_t end = c0 + w;
  for (int64_t k = c0; k < end; k++) {
    int64_t p = k;
    double best = std::fabs(a[k * n + k]);
    for (int64_t i = k + 1; i < n; i++) {
      const double v = std::fabs(a[i * n + k]);
      if (v > best) {  // idamax: the first of the largest; a NaN never wins
        best = v;
        p = i;
      }
    }
    piv[k] = static_cast<int32_t>(p);
    const double pivot = a[p * n + k];
    if (pivot != 0) {
      if (p != k) std::swap_ranges(a + k * n, a + k * n + n, a + p * n);
      if (std::fabs(pivot) >= sfmin) {
        const double r = 1 / pivot;
        for (int64_t i = k + 1; i < n; i++) a[i * n + k] *= r;
      } else {
        for (int64_t i = k + 1; i < n; i++) a[i * n + k] /= pivot;
      }
    } else if (*info == 0) {
      *info = k + 1;
    }
    const double* row = a + k * n;
    for (int64_t i = k + 1; i < n; i++) {
      const double l = a[i * n + k];
      if (l == 0) continue;
      double* dst = a + i * n;
      for (int64_t j = k + 1; j < end; j++) dst[j] -= l * row[j];
    }
  }
}

// B (n×m, row stride ldb) = L⁻¹B, L unit lower triangular (row stride ldl).
bool TrsmLowerUnit(const double* l, int64_t ldl, double* b, int64_t ldb, int64_t n, int64_t m) {
  if (n <= kBase) {
    for (int64_t k = 0; k < n; k++) {
      for (int64_t i = k + 1; i < n; i++) {
        const double v = l[i * ldl + k];
        if (v != 0) Axpy(b + i * ldb, b + k * ldb, v, m);
      }
    }
    return true;
  }
  const int64_t n1 = n / 2;
  return TrsmLowerUnit(l, ldl, b, ldb, n1, m) && GemmSubF64(l + n1 * ldl, ldl, b, ldb, b + n1 * ldb, ldb, n - n1, n1, m) &&
         TrsmLowerUnit(l + n1 * ldl + n1, ldl, b + n1 * ldb, ldb, n - n1, m);
}

// B (n×m, row stride ldb) = U⁻¹B, U upper triangular (row stride ldu).
bool TrsmUpper(const double* u, int64_t ldu, double* b, int64_t ldb, int64_t n, int64_t m) {
  if (n <= kBase) {
    for (int64_t k = n - 1; k >= 0; k--) {
      const double d = u[k * ldu + k];
      for (int64_t j = 0; j < m; j++) b[k * ldb + j] /= d;
      for (int64_t i = 0; i < k; i++) {
        const double v = u[i * ldu + k];
        if (v != 0) Axpy(b + i * ldb, b + k * ldb, v, m);
      }
    }
    return true;
  }
  const int64_t n1 = n / 2;
  return TrsmUpper(u + n1 * ldu + n1, ldu, b + n1 * ldb, ldb, n - n1, m) && GemmSubF64(u + n1, ldu, b + n1 * ldb, ldb, b, ldb, n1, n - n1, m) &&
         TrsmUpper(u, ldu, b, ldb, n1, m);
}

// Columns [c0, c0 + w), rows [c0, n) of the n×n matrix factored (dgetrf2):
// the left half, then the right half's top rows solved by the left half's L,
// its lower rows updated by the GEMM, then factored. False: out of memory.
bool LuRec(double* a, int32_t* piv, int64_t n, int64_t c0, int64_t w, int64_t* info) {
  if (w <= kBase) {
    PanelLu(a, piv, n, c0, w, info);
    return true;
  }
  const int64_t w1 = w / 2;
  const int64_t c1 = c0 + w1;
  const int64_t w2 = w - w1;
  return LuRec(a, piv, n, c0, w1, info) && TrsmLowerUnit(a + c0 * n + c0, n, a + c0 * n + c1, n, w1, w2) &&
         GemmSubF64(a + c1 * n + c0, n, a + c0 * n + c1, n, a + c1 * n + c1, n, n - c1, w1, w2) && LuRec(a, piv, n, c1, w2, info);
}

// LU of one n×n float64 matrix; info as Getrf's. False: out of memory for the GEMM's panels.
bool GetrfF64(double* a, int32_t* piv, int64_t n, int64_t* info) {
  if (n < kBlockedMin) {
    *info = Getrf(a, piv, n);
    return true;
  }
  *info = 0;
  return LuRec(a, piv, n, 0, n, info);
}

// B (n×m) = A⁻¹B for a few columns m: each row of B takes its updates in
// the unblocked order of Getrs (the same bits), row by row without a call per update.
void GetrsRows(const double* lu, double* b, int64_t n, int64_t m) {
  for (int64_t i = 1; i < n; i++) {
    double* bi = b + i * m;
    for (int64_t p = 0; p < i; p++) {
      const double v = lu[i * n + p];
      if (v == 0) continue;
      for (int64_t j = 0; j < m; j++) bi[j] -= v * b[p * m + j];
    }
  }
  for (int64_t i = n - 1; i >= 0; i--) {
    double* bi = b + i * m;
    for (int64_t p = n - 1; p > i; p--) {
      const double v = lu[i * n + p];
      if (v == 0) continue;
      for (int64_t j = 0; j < m; j++) bi[j] -= v * b[p * m + j];
    }
    const double d = lu[i * n + i];
    for (int64_t j = 0; j < m; j++) bi[j] /= d;
  }
}

// B (n×m, row-major) = A⁻¹B from the LU of GetrfF64. False: out of memory.
bool GetrsF64(const double* lu, const int32_t* piv, double* b, int64_t n, int64_t m) {
  for (int64_t k = 0; k < n; k++) {
    const int64_t p = piv[k];
    if (p != k) std::swap_ranges(b + k * m, b + k * m + m, b + p * m);
  }
  if (m < kBlockedRhs) {
    GetrsRows(lu, b, n, m);
    return true;
  }
  if (n < kBlockedMin) {
    // The unblocked solves (Getrs), after the swaps done above.
    GetrsSolves(lu, b, n, m);
    return true;
  }
  return TrsmLowerUnit(lu, n, b, m, n, m) && TrsmUpper(lu, n, b, m, n, m);
}

// NumPy's slogdet of one factored matrix (umath_linalg's
// slogdet_from_factored_diagonal): the sign from the pivots' parity times
// each diagonal item's unit direction, log|d| summed in order.
inline void Slogdet(const double* lu, const int32_t* piv, int64_t n, double* sign, double* logdet) {
  double s = 1;
  double acc = 0;
  for (int64_t k = 0; k < n; k++) {
    if (piv[k] != k) s = -s;
  }
  for (int64_t k = 0; k < n; k++) {
    double d = lu[k * n + k];
    if (d < 0) {
      s = -s;
      d = -d;
    }
    acc += std::log(d);
  }
  sign[0] = s;
  logdet[0] = acc;
}
template <typename T>
void Slogdet(const Cx<T>* lu, const int32_t* piv, int64_t n, T* sign, T* logdet) {
  Cx<T> s = {1, 0};
  T acc = 0;
  for (int64_t k = 0; k < n; k++) {
    if (piv[k] != k) s = {-s.re, -s.im};
  }
  for (int64_t k = 0; k < n; k++) {
    const Cx<T> d = lu[k * n + k];
    const T ad = std::hypot(d.re, d.im);
    s = Mul(s, Cx<T>{d.re / ad, d.im / ad});
    acc += std::log(ad);
  }
  sign[0] = s.re;
  sign[1] = s.im;
  logdet[0] = acc;
}

inline double Conj(double x) { return x; }
inline float Conj(float x) { return x; }
template <typename T>
inline Cx<T> Conj(Cx<T> x) { return {x.re, -x.im}; }
inline double RealPart(double x) { return x; }
inline float RealPart(float x) { return x; }
template <typename T>
inline T RealPart(Cx<T> x) { return x.re; }
template <typename E>
inline E FromReal(typename RealOf<E>::type r) {
  E e{};
  reinterpret_cast<typename RealOf<E>::type*>(&e)[0] = r;
  return e;
}

// Cholesky of one n×n matrix in place from its lower triangle (dpotf2,
// lower): L with L·Lᴴ = A, the strict upper triangle zeroed. Returns info.
template <typename E>
int64_t Potrf(E* a, int64_t n) {
  using R = typename RealOf<E>::type;
  for (int64_t j = 0; j < n; j++) {
    R ajj = RealPart(a[j * n + j]);
    for (int64_t k = 0; k < j; k++) ajj -= RealPart(Mul(a[j * n + k], Conj(a[j * n + k])));
    // Not positive definite: a pivot <= 0. A NaN pivot goes on (OpenBLAS's
    // potf2, which NumPy calls: the factor fills with NaN, no LinAlgError).
    if (ajj <= 0) return j + 1;
    ajj = std::sqrt(ajj);
    a[j * n + j] = FromReal<E>(ajj);
    const E r = FromReal<E>(R(1) / ajj);
    for (int64_t i = j + 1; i < n; i++) {
      E v = a[i * n + j];
      for (int64_t k = 0; k < j; k++) v = Sub(v, Mul(a[i * n + k], Conj(a[j * n + k])));
      a[i * n + j] = Mul(v, r);
    }
  }
  for (int64_t i = 0; i < n; i++) {
    for (int64_t j = i + 1; j < n; j++) a[i * n + j] = E{};
  }
  return 0;
}

const char* kTypes = ": type must be 0 (float64) or 1 (complex128)";

// linalgGetrf(type, A, piv, info, n, count): A (count n×n matrices; complex:
// (re, im) pairs of its Float64Array) factored in place, piv an
// Int32Array of count·n pivots (0-based), info an Int32Array of count infos.
template <typename E, typename T>
void RunGetrf(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t count) {
  const int64_t items = Items(env, "linalgGetrf", count, n, n, scale);
  if (items < 0) return;
  T* a = Typed<T>(env, info[1], type, items, "linalgGetrf", "A");
  if (env.IsExceptionPending()) return;
  int32_t* piv = Typed<int32_t>(env, info[2], napi_int32_array, count * n, "linalgGetrf", "piv");
  if (env.IsExceptionPending()) return;
  int32_t* inf = Typed<int32_t>(env, info[3], napi_int32_array, count, "linalgGetrf", "info");
  if (env.IsExceptionPending() || items == 0) return;
  // SAFETY: a holds count·n·n elements E (scale T's each, Cx<T> being two T's), checked by Typed.
  E* m = reinterpret_cast<E*>(a);
  for (int64_t t = 0; t < count; t++) {
    if constexpr (std::is_same_v<E, double>) {
      int64_t r = 0;
      if (!GetrfF64(m + t * n * n, piv + t * n, n, &r)) {
        ThrowRange(env, "linalgGetrf: out of memory for the packed panels");
        return;
      }
      inf[t] = static_cast<int32_t>(r);
    } else {
      inf[t] = static_cast<int32_t>(Getrf(m + t * n * n, piv + t * n, n));
    }
  }
}

Napi::Value LinalgGetrf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[3] = {0, 0, 0};
  if (info.Length() != 6 || !ToInt(info[0], &v[0]) || !ReadInts(info, 4, 2, v + 1)) {
    ThrowType(env, "linalgGetrf(type, A, piv, info, n, count): bad arguments");
    return env.Undefined();
  }
  switch (v[0]) {
    case 0: RunGetrf<double, double>(env, info, napi_float64_array, 1, v[1], v[2]); break;
    case 1: RunGetrf<Cx<double>, double>(env, info, napi_float64_array, 2, v[1], v[2]); break;
    default: ThrowRange(env, std::string("linalgGetrf") + kTypes);
  }
  return env.Undefined();
}

// linalgGetrs(type, LU, piv, B, n, m, count): B (count n×m matrices) = A⁻¹B in place.
template <typename E, typename T>
void RunGetrs(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t m, int64_t count) {
  const int64_t items = Items(env, "linalgGetrs", count, n, n, scale);
  if (items < 0) return;
  const int64_t bItems = Items(env, "linalgGetrs", count, n, m, scale);
  if (bItems < 0) return;
  T* lu = Typed<T>(env, info[1], type, items, "linalgGetrs", "LU");
  if (env.IsExceptionPending()) return;
  int32_t* piv = Typed<int32_t>(env, info[2], napi_int32_array, count * n, "linalgGetrs", "piv");
  if (env.IsExceptionPending()) return;
  T* b = Typed<T>(env, info[3], type, bItems, "linalgGetrs", "B");
  if (env.IsExceptionPending() || bItems == 0) return;
  for (int64_t i = 0; i < count * n; i++) {
    if (piv[i] < 0 || piv[i] >= n) {
      ThrowRange(env, "linalgGetrs: a pivot is outside its matrix");
      return;
    }
  }
  // SAFETY: sizes checked by Typed (LU count·n·n, B count·n·m elements E); every pivot < n (above).
  const E* f = reinterpret_cast<const E*>(lu);
  E* x = reinterpret_cast<E*>(b);
  for (int64_t t = 0; t < count; t++) {
    if constexpr (std::is_same_v<E, double>) {
      if (!GetrsF64(f + t * n * n, piv + t * n, x + t * n * m, n, m)) {
        ThrowRange(env, "linalgGetrs: out of memory for the packed panels");
        return;
      }
    } else {
      Getrs(f + t * n * n, piv + t * n, x + t * n * m, n, m);
    }
  }
}

Napi::Value LinalgGetrs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[4] = {0, 0, 0, 0};
  if (info.Length() != 7 || !ToInt(info[0], &v[0]) || !ReadInts(info, 4, 3, v + 1)) {
    ThrowType(env, "linalgGetrs(type, LU, piv, B, n, m, count): bad arguments");
    return env.Undefined();
  }
  switch (v[0]) {
    case 0: RunGetrs<double, double>(env, info, napi_float64_array, 1, v[1], v[2], v[3]); break;
    case 1: RunGetrs<Cx<double>, double>(env, info, napi_float64_array, 2, v[1], v[2], v[3]); break;
    default: ThrowRange(env, std::string("linalgGetrs") + kTypes);
  }
  return env.Undefined();
}

// linalgSlogdet(type, LU, piv, sign, logdet, n, count): per factored matrix,
// its sign (complex: (re, im)) and log|det|, in the type's real precision.
template <typename E, typename T>
void RunSlogdet(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t count) {
  const int64_t items = Items(env, "linalgSlogdet", count, n, n, scale);
  if (items < 0) return;
  T* lu = Typed<T>(env, info[1], type, items, "linalgSlogdet", "LU");
  if (env.IsExceptionPending()) return;
  int32_t* piv = Typed<int32_t>(env, info[2], napi_int32_array, count * n, "linalgSlogdet", "piv");
  if (env.IsExceptionPending()) return;
  T* sign = Typed<T>(env, info[3], type, count * scale, "linalgSlogdet", "sign");
  if (env.IsExceptionPending()) return;
  T* logdet = Typed<T>(env, info[4], type, count, "linalgSlogdet", "logdet");
  if (env.IsExceptionPending() || count == 0) return;
  // SAFETY: every array's length was checked by Typed; the pivots are only compared.
  const E* f = reinterpret_cast<const E*>(lu);
  for (int64_t t = 0; t < count; t++) Slogdet(f + t * n * n, piv + t * n, n, sign + t * scale, logdet + t);
}

Napi::Value LinalgSlogdet(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[3] = {0, 0, 0};
  if (info.Length() != 7 || !ToInt(info[0], &v[0]) || !ReadInts(info, 5, 2, v + 1)) {
    ThrowType(env, "linalgSlogdet(type, LU, piv, sign, logdet, n, count): bad arguments");
    return env.Undefined();
  }
  switch (v[0]) {
    case 0: RunSlogdet<double, double>(env, info, napi_float64_array, 1, v[1], v[2]); break;
    case 1: RunSlogdet<Cx<double>, double>(env, info, napi_float64_array, 2, v[1], v[2]); break;
    default: ThrowRange(env, std::string("linalgSlogdet") + kTypes);
  }
  return env.Undefined();
}

// linalgPotrf(type, A, info, n, count): each matrix replaced by its lower Cholesky factor.
template <typename E, typename T>
void RunPotrf(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t count) {
  const int64_t items = Items(env, "linalgPotrf", count, n, n, scale);
  if (items < 0) return;
  T* a = Typed<T>(env, info[1], type, items, "linalgPotrf", "A");
  if (env.IsExceptionPending()) return;
  int32_t* inf = Typed<int32_t>(env, info[2], napi_int32_array, count, "linalgPotrf", "info");
  if (env.IsExceptionPending() || items == 0) return;
  // SAFETY: a holds count·n·n elements E (checked by Typed).
  E* m = reinterpret_cast<E*>(a);
  for (int64_t t = 0; t < count; t++) inf[t] = static_cast<int32_t>(Potrf(m + t * n * n, n));
}

Napi::Value LinalgPotrf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[3] = {0, 0, 0};
  if (info.Length() != 5 || !ToInt(info[0], &v[0]) || !ReadInts(info, 3, 2, v + 1)) {
    ThrowType(env, "linalgPotrf(type, A, info, n, count): bad arguments");
    return env.Undefined();
  }
  switch (v[0]) {
    case 0: RunPotrf<double, double>(env, info, napi_float64_array, 1, v[1], v[2]); break;
    case 1: RunPotrf<Cx<double>, double>(env, info, napi_float64_array, 2, v[1], v[2]); break;
    default: ThrowRange(env, std::string("linalgPotrf") + kTypes);
  }
  return env.Undefined();
}

}  // namespace

void InitLinalgKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("linalgGetrf", Napi::Function::New<LinalgGetrf>(env, "linalgGetrf"));
  exports.Set("linalgGetrs", Napi::Function::New<LinalgGetrs>(env, "linalgGetrs"));
  exports.Set("linalgSlogdet", Napi::Function::New<LinalgSlogdet>(env, "linalgSlogdet"));
  exports.Set("linalgPotrf", Napi::Function::New<LinalgPotrf>(env, "linalgPotrf"));
}

}  // namespace mmarray
