// See linalg_decomp.h for the algorithms.
#include "linalg_decomp.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <type_traits>
#include <vector>

#include "gemm.h"
#include "linalg_args.h"
#include "napi_util.h"
#include "power_scale.h"

namespace mmarray {
namespace {

using linalg_args::Items;
using linalg_args::ReadInts;
using linalg_args::Typed;

// A complex number as NumPy stores one: (re, im), two doubles, no padding.
struct Cx {
  double re;
  double im;
};
static_assert(sizeof(Cx) == 2 * sizeof(double), "Cx is (re, im)");

// Element arithmetic for double and Cx, written out (no __muldc3 per step).
inline double Conj(double x) { return x; }
inline Cx Conj(Cx x) { return {x.re, -x.im}; }
inline double Re(double x) { return x; }
inline double Re(Cx x) { return x.re; }
inline double Im(double) { return 0; }
inline double Im(Cx x) { return x.im; }
inline double Abs2(double x) { return x * x; }
inline double Abs2(Cx x) { return x.re * x.re + x.im * x.im; }
inline double Abs(double x) { return std::fabs(x); }
inline double Abs(Cx x) { return std::hypot(x.re, x.im); }
inline double Mul(double a, double b) { return a * b; }
inline Cx Mul(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }
inline double Add(double a, double b) { return a + b; }
inline Cx Add(Cx a, Cx b) { return {a.re + b.re, a.im + b.im}; }
inline double Sub(double a, double b) { return a - b; }
inline Cx Sub(Cx a, Cx b) { return {a.re - b.re, a.im - b.im}; }
inline double Scale(double a, double s) { return a * s; }
inline Cx Scale(Cx a, double s) { return {a.re * s, a.im * s}; }
inline bool Finite(double x) { return std::isfinite(x); }
inline bool Finite(Cx x) { return std::isfinite(x.re) && std::isfinite(x.im); }
template <typename E>
inline E FromParts(double re, double im);
template <>
inline double FromParts<double>(double re, double) { return re; }
template <>
inline Cx FromParts<Cx>(double re, double im) { return {re, im}; }
// Smith's division (zladiv refines it): no overflow of |b|^2.
inline double Div(double a, double b) { return a / b; }
inline Cx Div(Cx a, Cx b) {
  if (std::fabs(b.re) >= std::fabs(b.im)) {
    const double r = b.im / b.re;
    const double d = b.re + b.im * r;
    return {(a.re + a.im * r) / d, (a.im - a.re * r) / d};
  }
  const double r = b.re / b.im;
  const double d = b.re * r + b.im;
  return {(a.re * r + a.im) / d, (a.im * r - a.re) / d};
}

constexpr double kEps = std::numeric_limits<double>::epsilon();

// The 2-norm of len items `stride` apart, scaled as the reference dnrm2 (no
// overflow): inf when an item is infinite and none is NaN.
template <typename E>
double Nrm2(const E* x, int64_t len, int64_t stride) {
  double scale = 0;
  double ssq = 1;
  for (int64_t i = 0; i < len; i++) {
    const double parts[2] = {Re(x[i * stride]), Im(x[i * stride])};
    for (double p : parts) {
      if (p != 0) {
        const double a = std::fabs(p);
        if (scale < a) {
          ssq = 1 + ssq * (scale / a) * (scale / a);
          scale = a;
        } else {
          // a == scale: 1, also for a second infinite item (inf/inf would
          // make the norm NaN; OpenBLAS's nrm2 gives inf, NaN only for a NaN).
          ssq += a == scale ? 1 : (a / scale) * (a / scale);
        }
      }
    }
  }
  return scale * std::sqrt(ssq);
}

// dlarfg/zlarfg over alpha = x[0] and x[1..len) (`stride` apart): x[0]
// becomes beta (real), x[1..) becomes v's tail; returns tau (0: H = I).
template <typename E>
E Larfg(E* x, int64_t len, int64_t stride) {
  if (len <= 0) return E{};
  double xnorm = Nrm2(x + stride, len - 1, stride);
  E alpha = x[0];
  double ar = Re(alpha);
  double ai = Im(alpha);
  if (xnorm == 0 && ai == 0) return E{};
  // dlapy3 / dlapy2: |(ar, ai, xnorm)| without overflow; an infinite part
  // gives inf (their w > HUGEVAL case, so beta = -inf as LAPACK's, where
  // inf/inf would make it NaN).
  auto norm3 = [](double p, double q, double r) {
    const double w = std::max({std::fabs(p), std::fabs(q), r});
    if (w > std::numeric_limits<double>::max()) return std::fabs(p) + std::fabs(q) + r;
    return w * std::sqrt((p / w) * (p / w) + (q / w) * (q / w) + (r / w) * (r / w));
  };
  double beta = -std::copysign(norm3(ar, ai, xnorm), ar);
  // dlarfg's rescue of a tiny column (subnormal items): 1/(alpha - beta)
  // would overflow, so x and alpha are scaled up by 1/safmin (at most 20
  // times) and beta is computed again, then scaled back.
  const double safmin = std::numeric_limits<double>::min() / (kEps / 2);
  int knt = 0;
  if (std::fabs(beta) < safmin) {
    const double rsafmn = 1 / safmin;
    do {
      knt++;
      for (int64_t i = 1; i < len; i++) x[i * stride] = Scale(x[i * stride], rsafmn);
      beta *= rsafmn;
      ar *= rsafmn;
      ai *= rsafmn;
    } while (std::fabs(beta) < safmin && knt < 20);
    alpha = FromParts<E>(ar, ai);
    xnorm = Nrm2(x + stride, len - 1, stride);
    beta = -std::copysign(norm3(ar, ai, xnorm), ar);
  }
  const E tau = FromParts<E>((beta - ar) / beta, -ai / beta);
  const E scal = Div(FromParts<E>(1, 0), Sub(alpha, FromParts<E>(beta, 0)));
  for (int64_t i = 1; i < len; i++) x[i * stride] = Mul(scal, x[i * stride]);
  for (int j = 0; j < knt; j++) beta *= safmin;
  x[0] = FromParts<E>(beta, 0);
  return tau;
}

// Rows [i, m) of the row-major matrix `a` (row stride lda), columns [c0, c1),
// times the reflection I - f·v·vᴴ (v_i = 1, v_r = vec[r·vs] below it): per
// column c, w_c = a[i, c] + Σ_{r > i} conj(v_r)·a[r, c] in r order, then
// a[i, c] -= f·w_c and a[r, c] -= v_r·(f·w_c). `w` holds c1 items; vec may
// be a column of `a` outside [c0, c1) (Geqr2's reflector below the diagonal).
// As LAPACK's dlarf/zlarf, v's trailing zero items and the trailing columns
// that are zero in rows [i, m) are left out: with a NaN or infinite f (a
// column with inf) those rows and columns stay as they were, not NaN, and a
// -0 there keeps its sign.
template <typename E>
void ReflectRows(E* a, int64_t lda, const E* vec, int64_t vs, E* w, E f, int64_t m, int64_t i, int64_t c0, int64_t c1) {
  // SAFETY: rows [i, m) and columns [c0, c1) lie inside the caller's m-row
  // matrix of row stride lda, w holds c1 items, vec is read at rows (i, m).
  auto zero = [](E x) { return Re(x) == 0 && Im(x) == 0; };
  while (m > i + 1 && zero(vec[(m - 1) * vs])) m--;
  auto zeroColumn = [&](int64_t c) {
    for (int64_t r = i; r < m; r++) {
      if (!zero(a[r * lda + c])) return false;
    }
    return true;
  };
  while (c1 > c0 && zeroColumn(c1 - 1)) c1--;
  for (int64_t c = c0; c < c1; c++) w[c] = a[i * lda + c];
  for (int64_t r = i + 1; r < m; r++) {
    const E cv = Conj(vec[r * vs]);
    const E* row = a + r * lda;
    for (int64_t c = c0; c < c1; c++) w[c] = Add(w[c], Mul(cv, row[c]));
  }
  for (int64_t c = c0; c < c1; c++) {
    w[c] = Mul(f, w[c]);
    a[i * lda + c] = Sub(a[i * lda + c], w[c]);
  }
  for (int64_t r = i + 1; r < m; r++) {
    const E vr = vec[r * vs];
    E* row = a + r * lda;
    for (int64_t c = c0; c < c1; c++) row[c] = Sub(row[c], Mul(vr, w[c]));
  }
}

// dgeqr2/zgeqr2 of one m×n row-major matrix in place: R on and above the
// diagonal, the reflectors' tails below it, tau[0, min(m, n)).
// Each reflection runs row by row (w = vᴴA accumulated one row of A at a
// time, then each row takes its multiple of w): the same operations on each
// item in the same order as a column at a time (so the same bits: no
// contraction, -ffp-contract=off), over contiguous memory instead of
// striding n items down a column for every column.
template <typename E>
void Geqr2(E* a, E* tau, int64_t m, int64_t n) {
  const int64_t k = std::min(m, n);
  std::vector<E> w(std::max<int64_t>(n, 1));
  for (int64_t i = 0; i < k; i++) {
    const E t = Larfg(a + i * n + i, m - i, n);
    tau[i] = t;
    if (Re(t) == 0 && Im(t) == 0) continue;
    // A[i:, i+1:] = Hᴴ A[i:, i+1:], Hᴴ = I - conj(tau) v vᴴ (v[0] = 1).
    ReflectRows(a, n, a + i, n, w.data(), Conj(t), m, i, i + 1, n);
  }
}

// dorg2r/zung2r: the first qc columns of Q = H(0)·…·H(k-1) (m×qc, row-major)
// from the factored m×n `h` and its k = min(m, n) taus (row by row, as Geqr2).
template <typename E>
void Org2r(const E* h, const E* tau, E* q, int64_t m, int64_t n, int64_t qc) {
  const int64_t k = std::min(m, n);
  for (int64_t r = 0; r < m; r++) {
    for (int64_t c = 0; c < qc; c++) q[r * qc + c] = FromParts<E>(r == c ? 1 : 0, 0);
  }
  std::vector<E> w(std::max<int64_t>(qc, 1));
  for (int64_t i = k - 1; i >= 0; i--) {
    const E t = tau[i];
    if (Re(t) == 0 && Im(t) == 0) continue;
    // Columns before i are e_c, which H(i) (acting on rows ≥ i > c) leaves
    // alone. Column i is e_i: H(i)·e_i is written as dorg2r/zung2r does,
    // 1 - tau on the diagonal and -tau·v below (a NaN tau makes the whole
    // column NaN, where the reflection would skip v's zero items).
    if (i + 1 < qc) ReflectRows(q, qc, h + i, n, w.data(), t, m, i, i + 1, qc);
    // SAFETY: rows [i, m) of column i < qc of q; h is read at column i < n, rows (i, m).
    q[i * qc + i] = Sub(FromParts<E>(1, 0), t);
    const E minusT = FromParts<E>(-Re(t), -Im(t));
    for (int64_t r = i + 1; r < m; r++) q[r * qc + i] = Mul(minusT, h[r * n + i]);
  }
}

// Blocked QR for float64 (LAPACK's dgeqrf / dorgqr): the reflectors of a
// panel of kQrBlock columns as one block reflector I - V·T·Vᵀ (dlarft), applied
// to the rest of the matrix by two GEMMs (GemmSubF64: packed, threaded; one
// fused multiply-add per product, p in order, so the bits depend neither on
// the ISA nor on the thread count). The panel itself is Geqr2's loop. The
// results match the unblocked ones to rounding, not bit for bit (the sums
// of vᵀC run in another order), as OpenBLAS's blocked dgeqrf does against
// LAPACK's dgeqr2. min(m, n) below kQrBlockedMin keeps the unblocked loops
// (and their bits): there the GEMMs' packing costs about what it saves
// (CPU-time A/B at load 13: n = 128 even, 200 even, 500 76 -> 41 ms).
constexpr int64_t kQrBlock = 32;
constexpr int64_t kQrBlockedMin = 128;

// Scratch of one blocked QR: V (mv × jb) and Vᵀ, T (jb × jb), W (jb × nc).
struct QrScratch {
  std::vector<double> v, vt, t, w;
  QrScratch(int64_t m, int64_t nc) : v(m * kQrBlock), vt(m * kQrBlock), t(kQrBlock * kQrBlock), w(kQrBlock * std::max<int64_t>(nc, 1)) {}
};

// V (rows [j0, m), unit diagonal, zeros above it) and Vᵀ from columns
// [j0, j0 + jb) of h (row stride ldh), and T (upper triangular) with
// H(j0)·…·H(j0 + jb - 1) = I - V·T·Vᵀ (dlarft: forward, columnwise).
void BlockReflector(const double* h, int64_t ldh, const double* tau, int64_t m, int64_t j0, int64_t jb, QrScratch* s) {
  const int64_t mv = m - j0;
  double* v = s->v.data();
  double* vt = s->vt.data();
  double* t = s->t.data();
  // SAFETY: rows [j0, m) and columns [j0, j0 + jb) lie inside h (m rows of
  // ldh ≥ j0 + jb items); v and vt hold m·kQrBlock ≥ mv·jb items, t kQrBlock².
  for (int64_t r = 0; r < mv; r++) {
    for (int64_t p = 0; p < jb; p++) {
      const double x = r == p ? 1.0 : (r > p ? h[(j0 + r) * ldh + j0 + p] : 0.0);
      v[r * jb + p] = x;
      vt[p * mv + r] = x;
    }
  }
  std::fill(t, t + jb * jb, 0.0);
  for (int64_t i = 0; i < jb; i++) {
    const double ti = tau[j0 + i];
    t[i * jb + i] = ti;
    if (ti == 0) continue;
    // z_q = -tau_i · V[:, q]ᵀ·v_i for q < i (v_i is zero above row i) into column i of T ...
    const double* vi = vt + i * mv;
    for (int64_t q = 0; q < i; q++) {
      const double* vq = vt + q * mv;
      double acc = 0;
      for (int64_t r = i; r < mv; r++) acc += vq[r] * vi[r];
      t[q * jb + i] = -ti * acc;
    }
    // ... then T[0:i, i] = T[0:i, 0:i]·z, top down (row q reads z_q.. before they are overwritten).
    for (int64_t q = 0; q < i; q++) {
      double acc = 0;
      for (int64_t p = q; p < i; p++) acc += t[q * jb + p] * t[p * jb + i];
      t[q * jb + i] = acc;
    }
  }
}

// C (mv × nc, row stride ldc) = (I - V·op(T)·Vᵀ)·C from BlockReflector's
// V, Vᵀ and T: op(T) = Tᵀ when `trans` (Qᵀ·C, geqrf's update of the
// columns right of a panel), T otherwise (Q·C, orgqr). False: out of memory.
bool ApplyBlockReflector(QrScratch* s, int64_t mv, int64_t jb, double* c, int64_t ldc, int64_t nc, bool trans) {
  if (nc == 0) return true;
  double* w = s->w.data();
  const double* t = s->t.data();
  std::fill(w, w + jb * nc, 0.0);
  // W = -Vᵀ·C.
  if (!GemmSubF64(s->vt.data(), mv, c, ldc, w, nc, jb, mv, nc)) return false;
  // W = op(T)·(Vᵀ·C) = -op(T)·W, in place: Tᵀ is lower triangular (rows bottom
  // up), T upper (rows top down), so each row reads rows not yet rewritten.
  for (int64_t step = 0; step < jb; step++) {
    const int64_t p = trans ? jb - 1 - step : step;
    double* wp = w + p * nc;
    const double d = -t[p * jb + p];
    for (int64_t j = 0; j < nc; j++) wp[j] *= d;
    const int64_t q0 = trans ? 0 : p + 1;
    const int64_t q1 = trans ? p : jb;
    for (int64_t q = q0; q < q1; q++) {
      const double x = trans ? t[q * jb + p] : t[p * jb + q];
      if (x == 0) continue;
      const double* wq = w + q * nc;
      for (int64_t j = 0; j < nc; j++) wp[j] -= x * wq[j];
    }
  }
  // C -= V·W.
  return GemmSubF64(s->v.data(), jb, w, nc, c, ldc, mv, jb, nc);
}

// dgeqrf: the m×n row-major float64 matrix factored in place, Geqr2's
// layout; blocked from min(m, n) = kQrBlockedMin. False: out of memory.
bool GeqrfF64(double* a, double* tau, int64_t m, int64_t n) {
  const int64_t k = std::min(m, n);
  if (k < kQrBlockedMin) {
    Geqr2(a, tau, m, n);
    return true;
  }
  QrScratch s(m, n);
  std::vector<double> w(n);
  for (int64_t j0 = 0; j0 < k; j0 += kQrBlock) {
    const int64_t jb = std::min(kQrBlock, k - j0);
    // The panel, Geqr2's loop: each reflection stops at the panel's last column.
    for (int64_t i = j0; i < j0 + jb; i++) {
      tau[i] = Larfg(a + i * n + i, m - i, n);
      if (tau[i] != 0) ReflectRows(a, n, a + i, n, w.data(), tau[i], m, i, i + 1, j0 + jb);
    }
    if (j0 + jb < n) {
      BlockReflector(a, n, tau, m, j0, jb, &s);
      // SAFETY: rows [j0, m), columns [j0 + jb, n) of the m×n matrix.
      if (!ApplyBlockReflector(&s, m - j0, jb, a + j0 * n + j0 + jb, n, n - j0 - jb, true)) return false;
    }
  }
  return true;
}

// dorgqr: Org2r's Q (m×qc) from GeqrfF64's h and tau, blocked from
// min(m, n) = kQrBlockedMin: the blocks of reflectors from the last, each
// applied to rows and columns [j0, …) of the identity it builds on (the
// columns left of j0 are unit vectors the block leaves alone). False: out of memory.
bool OrgqrF64(const double* h, const double* tau, double* q, int64_t m, int64_t n, int64_t qc) {
  const int64_t k = std::min(m, n);
  if (k < kQrBlockedMin) {
    Org2r(h, tau, q, m, n, qc);
    return true;
  }
  for (int64_t r = 0; r < m; r++) {
    for (int64_t c = 0; c < qc; c++) q[r * qc + c] = r == c ? 1.0 : 0.0;
  }
  QrScratch s(m, qc);
  for (int64_t j0 = (k - 1) / kQrBlock * kQrBlock; j0 >= 0; j0 -= kQrBlock) {
    const int64_t jb = std::min(kQrBlock, k - j0);
    BlockReflector(h, n, tau, m, j0, jb, &s);
    // SAFETY: rows [j0, m), columns [j0, qc) of the m×qc Q (j0 < k ≤ qc).
    if (!ApplyBlockReflector(&s, m - j0, jb, q + j0 * qc + j0, qc, qc - j0, false)) return false;
  }
  return true;
}

// PowerScale (power_scale.h) over the items of `a` as doubles.
template <typename E>
bool PowerScaleOf(const E* a, int64_t len, int* k) {
  // SAFETY: E is double or Cx, two doubles (re, im) with no padding
  // (static_assert above), so `a`'s len items are len·sizeof(E)/8 doubles.
  return PowerScale(reinterpret_cast<const double*>(a), len * static_cast<int64_t>(sizeof(E) / sizeof(double)), k);
}

inline double Ldexp(double a, int k) { return std::ldexp(a, k); }
inline Cx Ldexp(Cx a, int k) { return {std::ldexp(a.re, k), std::ldexp(a.im, k)}; }

// U's columns good..ucols (column-major M × ucols, the first `good`
// orthonormal): the columns good.. of the complete Q of the good columns' QR.
template <typename E>
void CompleteU(E* uc, int64_t M, int64_t good, int64_t ucols) {
  if (good >= ucols) return;
  std::vector<E> h(M * std::max<int64_t>(good, 1));
  for (int64_t r = 0; r < M; r++) {
    for (int64_t j = 0; j < good; j++) h[r * good + j] = uc[j * M + r];
  }
  std::vector<E> tau(std::max<int64_t>(good, 1));
  std::vector<E> q(M * ucols);
  if (good > 0) Geqr2(h.data(), tau.data(), M, good);
  Org2r(h.data(), tau.data(), q.data(), M, good, ucols);
  for (int64_t j = good; j < ucols; j++) {
    for (int64_t r = 0; r < M; r++) uc[j * M + r] = q[r * ucols + j];
  }
}

// mag with the phase of x (LINPACK's csign; +mag for x = 0): for real x its sign.
inline double WithPhase(double mag, double x) { return x < 0 ? -mag : mag; }
inline Cx WithPhase(double mag, Cx x) {
  const double ax = Abs(x);
  if (ax == 0) return {mag, 0};
  return {x.re / ax * mag, x.im / ax * mag};
}
inline bool IsZero(double x) { return x == 0; }
inline bool IsZero(Cx x) { return x.re == 0 && x.im == 0; }
// The plane rotation (x, y) ← (cs·x + sn·y, -sn·x + cs·y), real cs and sn (zdrot on complex items).
inline void Rot(double& x, double& y, double cs, double sn) {
  const double t = cs * x + sn * y;
  y = -sn * x + cs * y;
  x = t;
}
inline void Rot(Cx& x, Cx& y, double cs, double sn) {
  Rot(x.re, y.re, cs, sn);
  Rot(x.im, y.im, cs, sn);
}

// The outcome of one SVD by Householder bidiagonalisation and the
// Golub–Kahan implicit-shift QR on the bidiagonal (LINPACK's dsvdc, and
// zsvdc for complex input, the O(n³) route LAPACK's gesvd takes; one-sided
// Jacobi, which complex input took until session 11, needs several sweeps
// of it): 0, 1 (did not converge), -1 (non-finite input). g: the M×N
// (M ≥ N) matrix column-major (column j at g + j·M), destroyed; sigma: N
// values, descending; uc (M × ucols, column-major) and vc (N×N,
// column-major) when want.
// Complex input is bidiagonalised by complex reflections, then the
// bidiagonal is made real by unit phases folded into U's and V's columns
// (zsvdc), so the QR iteration is the real one with real rotations of the
// complex columns. Column-major throughout, so the reflections and the
// rotations of U's and V's columns run over contiguous memory.
template <typename E>
int SvdGolubKahan(E* g, int64_t M, int64_t N, double* sigma, E* uc, int64_t ucols, E* vc, bool want) {
  constexpr bool kComplex = std::is_same_v<E, Cx>;
  int k2 = 0;
  if (!PowerScaleOf(g, M * N, &k2)) return -1;
  if (N == 0) {
    if (want) CompleteU(uc, M, 0, ucols);
    return 0;
  }
  for (int64_t i = 0; i < M * N; i++) g[i] = Ldexp(g[i], k2);
  auto A = [g, M](int64_t i, int64_t j) -> E& { return g[j * M + i]; };
  auto U = [uc, M](int64_t i, int64_t j) -> E& { return uc[j * M + i]; };
  auto V = [vc, N](int64_t i, int64_t j) -> E& { return vc[j * N + i]; };
  const int64_t m = M;
  const int64_t n = N;
  const E zero = FromParts<E>(0, 0);
  const E one = FromParts<E>(1, 0);
  // The bidiagonal as the reflections leave it (complex for complex input), then real in s, e.
  std::vector<E> sc(n, zero);
  std::vector<E> ec(n, zero);
  std::vector<E> work(m, zero);
  if (want) {
    std::fill(uc, uc + M * ucols, zero);
    std::fill(vc, vc + N * N, zero);
  }
  // Bidiagonalisation: a reflection from the left per column (s), from the right per row (e).
  const int64_t nct = std::min(m - 1, n);
  const int64_t nrt = std::max<int64_t>(0, std::min(n - 2, m));
  for (int64_t k = 0; k < std::max(nct, nrt); k++) {
    if (k < nct) {
      double nrm = 0;
      for (int64_t i = k; i < m; i++) nrm = std::hypot(nrm, Abs(A(i, k)));
      sc[k] = FromParts<E>(nrm, 0);
      if (nrm != 0) {
        sc[k] = WithPhase(nrm, A(k, k));
        for (int64_t i = k; i < m; i++) A(i, k) = Div(A(i, k), sc[k]);
        A(k, k) = Add(A(k, k), one);
      }
      sc[k] = Scale(sc[k], -1.0);
    }
    for (int64_t j = k + 1; j < n; j++) {
      if (k < nct && !IsZero(sc[k])) {
        E t = zero;
        for (int64_t i = k; i < m; i++) t = Add(t, Mul(Conj(A(i, k)), A(i, j)));
        t = Scale(Div(t, A(k, k)), -1.0);
        for (int64_t i = k; i < m; i++) A(i, j) = Add(A(i, j), Mul(t, A(i, k)));
      }
      ec[j] = Conj(A(k, j));
    }
    if (want && k < nct) {
      for (int64_t i = k; i < m; i++) U(i, k) = A(i, k);
    }
    if (k < nrt) {
      double nrm = 0;
      for (int64_t i = k + 1; i < n; i++) nrm = std::hypot(nrm, Abs(ec[i]));
      ec[k] = FromParts<E>(nrm, 0);
      if (nrm != 0) {
        ec[k] = WithPhase(nrm, ec[k + 1]);
        for (int64_t i = k + 1; i < n; i++) ec[i] = Div(ec[i], ec[k]);
        ec[k + 1] = Add(ec[k + 1], one);
      }
      ec[k] = Scale(Conj(ec[k]), -1.0);
      if (k + 1 < m && !IsZero(ec[k])) {
        for (int64_t i = k + 1; i < m; i++) work[i] = zero;
        for (int64_t j = k + 1; j < n; j++) {
          for (int64_t i = k + 1; i < m; i++) work[i] = Add(work[i], Mul(ec[j], A(i, j)));
        }
        for (int64_t j = k + 1; j < n; j++) {
          const E t = Conj(Scale(Div(ec[j], ec[k + 1]), -1.0));
          for (int64_t i = k + 1; i < m; i++) A(i, j) = Add(A(i, j), Mul(t, work[i]));
        }
      }
      if (want) {
        for (int64_t i = k + 1; i < n; i++) V(i, k) = ec[i];
      }
    }
  }
  int64_t p = std::min(n, m + 1);
  if (nct < n) sc[nct] = A(nct, nct);
  if (m < p) sc[p - 1] = zero;
  if (nrt + 1 < p) ec[nrt] = A(nrt, p - 1);
  ec[p - 1] = zero;
  if (want) {
    // U's first n columns and V from the stored reflections, last first.
    for (int64_t j = nct; j < n; j++) {
      for (int64_t i = 0; i < m; i++) U(i, j) = zero;
      U(j, j) = one;
    }
    for (int64_t k = nct - 1; k >= 0; k--) {
      if (!IsZero(sc[k])) {
        for (int64_t j = k + 1; j < n; j++) {
          E t = zero;
          for (int64_t i = k; i < m; i++) t = Add(t, Mul(Conj(U(i, k)), U(i, j)));
          t = Scale(Div(t, U(k, k)), -1.0);
          for (int64_t i = k; i < m; i++) U(i, j) = Add(U(i, j), Mul(t, U(i, k)));
        }
        for (int64_t i = k; i < m; i++) U(i, k) = Scale(U(i, k), -1.0);
        U(k, k) = Add(one, U(k, k));
        for (int64_t i = 0; i < k; i++) U(i, k) = zero;
      } else {
        for (int64_t i = 0; i < m; i++) U(i, k) = zero;
        U(k, k) = one;
      }
    }
    for (int64_t k = n - 1; k >= 0; k--) {
      if (k < nrt && !IsZero(ec[k])) {
        for (int64_t j = k + 1; j < n; j++) {
          E t = zero;
          for (int64_t i = k + 1; i < n; i++) t = Add(t, Mul(Conj(V(i, k)), V(i, j)));
          t = Scale(Div(t, V(k + 1, k)), -1.0);
          for (int64_t i = k + 1; i < n; i++) V(i, j) = Add(V(i, j), Mul(t, V(i, k)));
        }
      }
      for (int64_t i = 0; i < n; i++) V(i, k) = zero;
      V(k, k) = one;
    }
  }
  std::vector<double> s(n, 0.0);
  std::vector<double> e(n, 0.0);
  if constexpr (kComplex) {
    // zsvdc: s and e made real (|s_i|, |e_i|), each phase moved into a column of U or V.
    for (int64_t i = 0; i < p; i++) {
      if (!IsZero(sc[i])) {
        const double t = Abs(sc[i]);
        const Cx r = Scale(sc[i], 1 / t);
        s[i] = t;
        if (i + 1 < p) ec[i] = Div(ec[i], r);
        if (want) {
          for (int64_t row = 0; row < m; row++) U(row, i) = Mul(r, U(row, i));
        }
      }
      if (i + 1 == p) break;
      if (!IsZero(ec[i])) {
        const double t = Abs(ec[i]);
        const Cx r = Div(Cx{t, 0}, ec[i]);
        e[i] = t;
        sc[i + 1] = Mul(sc[i + 1], r);
        if (want) {
          for (int64_t row = 0; row < n; row++) V(row, i + 1) = Mul(r, V(row, i + 1));
        }
      }
    }
  } else {
    s = sc;
    e = ec;
  }
  // The implicit-shift QR on the bidiagonal (s, e), deflating from the bottom.
  const int64_t pp = p - 1;
  int iter = 0;
  const double tiny = std::ldexp(1.0, -966);
  while (p > 0) {
    if (iter > 75) return 1;
    int64_t k = 0;
    int kase = 0;
    // kase 1: s[p-1] and e[k-1] negligible; 2: s[k] negligible; 3: a QR step on k..p-1; 4: e[p-2]
    // negligible (s[p-1] converged).
    for (k = p - 2; k >= 0; k--) {
      if (std::fabs(e[k]) <= tiny + kEps * (std::fabs(s[k]) + std::fabs(s[k + 1]))) {
        e[k] = 0;
        break;
      }
    }
    if (k == p - 2) {
      kase = 4;
    } else {
      int64_t ks = p - 1;
      for (; ks > k; ks--) {
        const double t = (ks != p ? std::fabs(e[ks]) : 0.) + (ks != k + 1 ? std::fabs(e[ks - 1]) : 0.);
        if (std::fabs(s[ks]) <= tiny + kEps * t) {
          s[ks] = 0;
          break;
        }
      }
      if (ks == k) {
        kase = 3;
      } else if (ks == p - 1) {
        kase = 1;
      } else {
        kase = 2;
        k = ks;
      }
    }
    k++;
    if (kase == 1) {
      // Deflate a negligible s[p-1].
      double f = e[p - 2];
      e[p - 2] = 0;
      for (int64_t j = p - 2; j >= k; j--) {
        const double t = std::hypot(s[j], f);
        const double cs = s[j] / t;
        const double sn = f / t;
        s[j] = t;
        if (j != k) {
          f = -sn * e[j - 1];
          e[j - 1] = cs * e[j - 1];
        }
        if (want) {
          for (int64_t i = 0; i < n; i++) Rot(V(i, j), V(i, p - 1), cs, sn);
        }
      }
    } else if (kase == 2) {
      // Split at a negligible s[k-1].
      double f = e[k - 1];
      e[k - 1] = 0;
      for (int64_t j = k; j < p; j++) {
        const double t = std::hypot(s[j], f);
        const double cs = s[j] / t;
        const double sn = f / t;
        s[j] = t;
        f = -sn * e[j];
        e[j] = cs * e[j];
        if (want) {
          for (int64_t i = 0; i < m; i++) Rot(U(i, j), U(i, k - 1), cs, sn);
        }
      }
    } else if (kase == 3) {
      // One QR step, shifted by the eigenvalue of the trailing 2×2 of BᵀB nearer its last.
      const double scale = std::max({std::fabs(s[p - 1]), std::fabs(s[p - 2]), std::fabs(e[p - 2]), std::fabs(s[k]), std::fabs(e[k])});
      const double sp = s[p - 1] / scale;
      const double spm1 = s[p - 2] / scale;
      const double epm1 = e[p - 2] / scale;
      const double sk = s[k] / scale;
      const double ek = e[k] / scale;
      const double b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
      const double c = (sp * epm1) * (sp * epm1);
      double shift = 0;
      if (b != 0 || c != 0) {
        shift = std::sqrt(b * b + c);
        if (b < 0) shift = -shift;
        shift = c / (b + shift);
      }
      double f = (sk + sp) * (sk - sp) + shift;
      double gg = sk * ek;
      for (int64_t j = k; j < p - 1; j++) {
        double t = std::hypot(f, gg);
        double cs = f / t;
        double sn = gg / t;
        if (j != k) e[j - 1] = t;
        f = cs * s[j] + sn * e[j];
        e[j] = cs * e[j] - sn * s[j];
        gg = sn * s[j + 1];
        s[j + 1] = cs * s[j + 1];
        if (want) {
          for (int64_t i = 0; i < n; i++) Rot(V(i, j), V(i, j + 1), cs, sn);
        }
        t = std::hypot(f, gg);
        cs = f / t;
        sn = gg / t;
        s[j] = t;
        f = cs * e[j] + sn * s[j + 1];
        s[j + 1] = -sn * e[j] + cs * s[j + 1];
        gg = sn * e[j + 1];
        e[j + 1] = cs * e[j + 1];
        if (want && j < m - 1) {
          for (int64_t i = 0; i < m; i++) Rot(U(i, j), U(i, j + 1), cs, sn);
        }
      }
      e[p - 2] = f;
      iter++;
    } else {
      // s[k] converged: made non-negative, then moved down into the sorted tail.
      if (s[k] <= 0) {
        s[k] = s[k] < 0 ? -s[k] : 0;
        if (want) {
          for (int64_t i = 0; i <= pp; i++) V(i, k) = Scale(V(i, k), -1.0);
        }
      }
      while (k < pp && s[k] < s[k + 1]) {
        std::swap(s[k], s[k + 1]);
        if (want) {
          for (int64_t i = 0; i < n; i++) std::swap(V(i, k), V(i, k + 1));
          for (int64_t i = 0; i < m; i++) std::swap(U(i, k), U(i, k + 1));
        }
        k++;
      }
      iter = 0;
      p--;
    }
  }
  for (int64_t j = 0; j < n; j++) sigma[j] = std::ldexp(s[j], -k2);
  if (want) CompleteU(uc, M, N, ucols);
  return 0;
}

// The implicit QL iteration with Wilkinson's shift (EISPACK's tql2, the
// iteration of LAPACK's dsteqr) on the real symmetric tridiagonal (d, e):
// d the diagonal, e[i] the item between i and i+1 (e[n-1] unused). d becomes
// the eigenvalues (unsorted); when want, each rotation is applied to the
// columns of the column-major n×n vm (the reduction's Q), which then holds
// the eigenvectors. Returns 0 or 1 (an eigenvalue took more than 60 sweeps).
template <typename E>
int Tql2(double* d, double* e, E* vm, int64_t n, bool want) {
  e[n - 1] = 0;
  double f = 0;
  double tst1 = 0;
  for (int64_t l = 0; l < n; l++) {
    tst1 = std::max(tst1, std::fabs(d[l]) + std::fabs(e[l]));
    int64_t m = l;
    while (m < n - 1 && std::fabs(e[m]) > kEps * tst1) m++;
    if (m > l) {
      int iter = 0;
      do {
        if (++iter > 60) return 1;
        double g = d[l];
        double p = (d[l + 1] - g) / (2 * e[l]);
        double r = std::hypot(p, 1.0);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const double dl1 = d[l + 1];
        double h = g - d[l];
        for (int64_t i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        double c = 1;
        double c2 = c;
        double c3 = c;
        const double el1 = e[l + 1];
        double s = 0;
        double s2 = 0;
        for (int64_t i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = std::hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (want) {
            E* vi = vm + i * n;
            E* vi1 = vm + (i + 1) * n;
            for (int64_t k = 0; k < n; k++) {
              const E t = vi1[k];
              vi1[k] = Add(Scale(vi[k], s), Scale(t, c));
              vi[k] = Sub(Scale(vi[k], c), Scale(t, s));
            }
          }
        }
        p = -s * s2 * c3 * el1 * e[l] / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (std::fabs(e[l]) > kEps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  return 0;
}

// Householder tridiagonalisation of the real symmetric n×n column-major vm
// (EISPACK's tred2, reading the lower triangle): d, e as Tql2 takes them, vm
// becomes Q (A = Q T Qᵀ).
void Tred2(double* vm, int64_t n, double* d, double* e) {
  auto V = [vm, n](int64_t i, int64_t j) -> double& { return vm[j * n + i]; };
  // Reflections from the last row up, each zeroing a row left of its subdiagonal.
  for (int64_t j = 0; j < n; j++) d[j] = V(n - 1, j);
  for (int64_t i = n - 1; i > 0; i--) {
    double scale = 0;
    double h = 0;
    for (int64_t k = 0; k < i; k++) scale += std::fabs(d[k]);
    if (scale == 0) {
      e[i] = d[i - 1];
      for (int64_t j = 0; j < i; j++) {
        d[j] = V(i - 1, j);
        V(i, j) = 0;
        V(j, i) = 0;
      }
    } else {
      for (int64_t k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      double f = d[i - 1];
      double g = std::sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (int64_t j = 0; j < i; j++) e[j] = 0;
      for (int64_t j = 0; j < i; j++) {
        f = d[j];
        V(j, i) = f;
        g = e[j] + V(j, j) * f;
        for (int64_t k = j + 1; k <= i - 1; k++) {
          g += V(k, j) * d[k];
          e[k] += V(k, j) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (int64_t j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const double hh = f / (h + h);
      for (int64_t j = 0; j < i; j++) e[j] -= hh * d[j];
      for (int64_t j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (int64_t k = j; k <= i - 1; k++) V(k, j) -= (f * e[k] + g * d[k]);
        d[j] = V(i - 1, j);
        V(i, j) = 0;
      }
    }
    d[i] = h;
  }
  // The product of the reflections (the diagonal kept aside in the last row).
  for (int64_t i = 0; i < n - 1; i++) {
    V(n - 1, i) = V(i, i);
    V(i, i) = 1;
    const double h = d[i + 1];
    if (h != 0) {
      for (int64_t k = 0; k <= i; k++) d[k] = V(k, i + 1) / h;
      for (int64_t j = 0; j <= i; j++) {
        double g = 0;
        for (int64_t k = 0; k <= i; k++) g += V(k, i + 1) * V(k, j);
        for (int64_t k = 0; k <= i; k++) V(k, j) -= g * d[k];
      }
    }
    for (int64_t k = 0; k <= i; k++) V(k, i + 1) = 0;
  }
  for (int64_t j = 0; j < n; j++) {
    d[j] = V(n - 1, j);
    V(n - 1, j) = 0;
  }
  V(n - 1, n - 1) = 1;
  // tred2 leaves e[i] between i-1 and i; Tql2 takes it between i and i+1.
  for (int64_t i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
}

// Householder tridiagonalisation of the Hermitian n×n row-major h (full,
// destroyed; zhetrd's reflectors, applied on both sides without using the
// symmetry), then a diagonal phase that makes the off-diagonal real: d, e as
// Tql2 takes them, qm (column-major, complex) Q with A = Q T Qᴴ.
void HermitianTridiagonal(Cx* h, int64_t n, double* d, double* e, Cx* qm) {
  auto H = [h, n](int64_t i, int64_t j) -> Cx& { return h[i * n + j]; };
  auto Q = [qm, n](int64_t i, int64_t j) -> Cx& { return qm[j * n + i]; };
  for (int64_t i = 0; i < n * n; i++) qm[i] = Cx{i % (n + 1) == 0 ? 1.0 : 0.0, 0};
  std::vector<Cx> u(n);
  for (int64_t k = 0; k + 2 < n; k++) {
    const int64_t len = n - k - 1;
    // zlarfg on (H(k+1, k), H(k+2.., k)): P = I - tau·u·uᴴ, u[0] = 1, Pᴴ(alpha, x) = (beta, 0).
    const Cx tau = Larfg(&H(k + 1, k), len, n);
    if (Re(tau) == 0 && Im(tau) == 0) continue;
    u[0] = Cx{1, 0};
    for (int64_t i = 1; i < len; i++) {
      u[i] = H(k + 1 + i, k);
      H(k + 1 + i, k) = Cx{0, 0};
    }
    // Row k mirrors column k (Hermitian): (beta, 0, ...).
    H(k, k + 1) = H(k + 1, k);
    for (int64_t i = 1; i < len; i++) H(k, k + 1 + i) = Cx{0, 0};
    // A ← Pᴴ A P on rows and columns k+1..: left by I - conj(tau) u uᴴ, right by I - tau u uᴴ.
    const Cx ct = Conj(tau);
    for (int64_t c = k + 1; c < n; c++) {
      Cx s{0, 0};
      for (int64_t i = 0; i < len; i++) s = Add(s, Mul(Conj(u[i]), H(k + 1 + i, c)));
      const Cx f = Mul(ct, s);
      for (int64_t i = 0; i < len; i++) H(k + 1 + i, c) = Sub(H(k + 1 + i, c), Mul(u[i], f));
    }
    for (int64_t r = k + 1; r < n; r++) {
      Cx s{0, 0};
      for (int64_t i = 0; i < len; i++) s = Add(s, Mul(H(r, k + 1 + i), u[i]));
      const Cx f = Mul(s, tau);
      for (int64_t i = 0; i < len; i++) H(r, k + 1 + i) = Sub(H(r, k + 1 + i), Mul(f, Conj(u[i])));
    }
    // Q ← Q P: column k+1+i of Q minus (Q u)·tau·conj(u[i]).
    for (int64_t r = 0; r < n; r++) {
      Cx s{0, 0};
      for (int64_t i = 0; i < len; i++) s = Add(s, Mul(Q(r, k + 1 + i), u[i]));
      const Cx f = Mul(s, tau);
      for (int64_t i = 0; i < len; i++) Q(r, k + 1 + i) = Sub(Q(r, k + 1 + i), Mul(f, Conj(u[i])));
    }
  }
  // T(i+1, i) = z_i; with D = diag(phi), phi_{i+1} = phi_i·z_i/|z_i|, DᴴTD is real (|z_i|); Q ← QD.
  Cx phi{1, 0};
  for (int64_t i = 0; i < n; i++) {
    d[i] = Re(H(i, i));
    if (i > 0) {
      for (int64_t r = 0; r < n; r++) Q(r, i) = Mul(Q(r, i), phi);
    }
    if (i + 1 < n) {
      const Cx z = H(i + 1, i);
      const double az = Abs(z);
      e[i] = az;
      if (az != 0) phi = Mul(phi, Scale(z, 1 / az));
    }
  }
  e[n - 1] = 0;
}

// The outcome of one eigh by tridiagonalisation and the QL iteration (the
// route of LAPACK's syevd/heevd: O(n³) with a small constant, where Jacobi
// needs several sweeps): 0, 1 (did not converge), -1 (non-finite input);
// a: n×n row-major, only its `lower` (or upper) triangle read; w: n
// eigenvalues ascending; v: n×n row-major, eigenvectors as columns. The vectors are column-major while they are
// built, so every rotation runs over contiguous memory.
template <typename E>
int EighTridiagonal(const E* a, int64_t n, bool lower, double* w, E* v, bool want) {
  if (n == 1) {
    // LAPACK's syevd/heevd return at once for N = 1: W(1) = real(A(1,1)) and
    // the eigenvector 1, whatever the element (±inf and NaN included).
    w[0] = Re(a[0]);
    if (want) v[0] = FromParts<E>(1, 0);
    return 0;
  }
  std::vector<E> vm(n * n);
  // The Hermitian matrix of the chosen triangle (the diagonal's imaginary part dropped), column j
  // at vm + j·n; the same items read row-major are its conjugate, which Tred2 never sees (real).
  for (int64_t j = 0; j < n; j++) {
    for (int64_t k = j; k < n; k++) {
      const E x = lower ? a[k * n + j] : Conj(a[j * n + k]);  // A[k][j], k ≥ j
      vm[j * n + k] = k == j ? FromParts<E>(Re(x), 0) : x;
      vm[k * n + j] = k == j ? FromParts<E>(Re(x), 0) : Conj(x);
    }
  }
  int k2 = 0;
  if (!PowerScaleOf(vm.data(), n * n, &k2)) return -1;
  for (E& x : vm) x = Ldexp(x, k2);
  std::vector<double> d(n);
  std::vector<double> e(n);
  std::vector<E> qm;
  if constexpr (std::is_same_v<E, double>) {
    Tred2(vm.data(), n, d.data(), e.data());
  } else {
    // vm column-major holds A(k, j) at j·n + k: read row-major it is Aᵀ = conj(A), so conjugate back.
    for (E& x : vm) x = Conj(x);
    qm.resize(n * n);
    HermitianTridiagonal(vm.data(), n, d.data(), e.data(), qm.data());
    vm.swap(qm);
  }
  if (Tql2(d.data(), e.data(), vm.data(), n, want) != 0) return 1;
  std::vector<int64_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t i, int64_t j) { return d[i] < d[j]; });
  for (int64_t j = 0; j < n; j++) w[j] = std::ldexp(d[order[j]], -k2);
  if (want) {
    for (int64_t r = 0; r < n; r++) {
      for (int64_t j = 0; j < n; j++) v[r * n + j] = vm[order[j] * n + r];
    }
  }
  return 0;
}

// linalgGeqrf(type, A, tau, m, n, count): each m×n matrix of A factored in
// place (type 0 float64, 1 complex128 as (re, im) pairs), tau count·min(m, n).
template <typename E>
void RunGeqrf(Napi::Env env, const Napi::CallbackInfo& info, int64_t scale, int64_t m, int64_t n, int64_t count) {
  const int64_t items = Items(env, "linalgGeqrf", count, m, n, scale);
  if (items < 0) return;
  const int64_t k = std::min(m, n);
  double* a = Typed<double>(env, info[1], napi_float64_array, items, "linalgGeqrf", "A");
  if (env.IsExceptionPending()) return;
  double* tau = Typed<double>(env, info[2], napi_float64_array, count * k * scale, "linalgGeqrf", "tau");
  if (env.IsExceptionPending() || items == 0 || k == 0) return;
  // SAFETY: a holds count·m·n elements E and tau count·k (Typed checked the
  // lengths in doubles; an E is `scale` doubles).
  E* ae = reinterpret_cast<E*>(a);
  E* te = reinterpret_cast<E*>(tau);
  for (int64_t t = 0; t < count; t++) {
    if constexpr (std::is_same_v<E, double>) {
      if (!GeqrfF64(ae + t * m * n, te + t * k, m, n)) {
        ThrowRange(env, "linalgGeqrf: out of memory for the packed panels");
        return;
      }
    } else {
      Geqr2(ae + t * m * n, te + t * k, m, n);
    }
  }
}

// linalgOrgqr(type, H, tau, Q, m, n, qc, count): Q (count m×qc, qc ≤ m) from
// linalgGeqrf's H and tau.
template <typename E>
void RunOrgqr(Napi::Env env, const Napi::CallbackInfo& info, int64_t scale, int64_t m, int64_t n, int64_t qc, int64_t count) {
  const int64_t items = Items(env, "linalgOrgqr", count, m, n, scale);
  if (items < 0) return;
  const int64_t qItems = Items(env, "linalgOrgqr", count, m, qc, scale);
  if (qItems < 0) return;
  if (qc > m || qc < std::min(m, n)) {
    ThrowRange(env, "linalgOrgqr: qc must be in [min(m, n), m]");
    return;
  }
  const int64_t k = std::min(m, n);
  double* h = Typed<double>(env, info[1], napi_float64_array, items, "linalgOrgqr", "H");
  if (env.IsExceptionPending()) return;
  double* tau = Typed<double>(env, info[2], napi_float64_array, count * k * scale, "linalgOrgqr", "tau");
  if (env.IsExceptionPending()) return;
  double* q = Typed<double>(env, info[3], napi_float64_array, qItems, "linalgOrgqr", "Q");
  if (env.IsExceptionPending() || qItems == 0) return;
  // SAFETY: lengths checked by Typed: H count·m·n, tau count·k, Q count·m·qc elements E.
  const E* he = reinterpret_cast<const E*>(h);
  const E* te = reinterpret_cast<const E*>(tau);
  E* qe = reinterpret_cast<E*>(q);
  for (int64_t t = 0; t < count; t++) {
    if constexpr (std::is_same_v<E, double>) {
      if (!OrgqrF64(he + t * m * n, te + t * k, qe + t * m * qc, m, n, qc)) {
        ThrowRange(env, "linalgOrgqr: out of memory for the packed panels");
        return;
      }
    } else {
      Org2r(he + t * m * n, te + t * k, qe + t * m * qc, m, n, qc);
    }
  }
}

// linalgSvd(type, A, S, U, Vh, info, m, n, full, want, count): per m×n
// matrix of A (destroyed), S (min(m, n) values, descending), and when want
// U (m × (full ? m : k)) and Vh ((full ? n : k) × n), row-major; info per
// matrix 0, 1 (no convergence) or -1 (non-finite input).
template <typename E>
void RunSvd(Napi::Env env, const Napi::CallbackInfo& info, int64_t scale, int64_t m, int64_t n, bool full, bool want, int64_t count) {
  const int64_t items = Items(env, "linalgSvd", count, m, n, scale);
  if (items < 0) return;
  const int64_t k = std::min(m, n);
  const int64_t ucols = full ? m : k;
  const int64_t vrows = full ? n : k;
  const int64_t uItems = want ? Items(env, "linalgSvd", count, m, ucols, scale) : 0;
  if (uItems < 0) return;
  const int64_t vItems = want ? Items(env, "linalgSvd", count, vrows, n, scale) : 0;
  if (vItems < 0) return;
  double* a = Typed<double>(env, info[1], napi_float64_array, items, "linalgSvd", "A");
  if (env.IsExceptionPending()) return;
  double* s = Typed<double>(env, info[2], napi_float64_array, count * k, "linalgSvd", "S");
  if (env.IsExceptionPending()) return;
  double* u = Typed<double>(env, info[3], napi_float64_array, uItems, "linalgSvd", "U");
  if (env.IsExceptionPending()) return;
  double* vh = Typed<double>(env, info[4], napi_float64_array, vItems, "linalgSvd", "Vh");
  if (env.IsExceptionPending()) return;
  int32_t* inf = Typed<int32_t>(env, info[5], napi_int32_array, count, "linalgSvd", "info");
  if (env.IsExceptionPending() || count == 0) return;
  // The Jacobi runs on M×N = A (m ≥ n) or Aᴴ (m < n), column-major.
  const bool tall = m >= n;
  const int64_t M = tall ? m : n;
  const int64_t N = k;
  const int64_t UC = tall ? ucols : vrows;  // columns of the Jacobi's own U (M rows)
  std::vector<E> g(M * N);
  std::vector<E> uc(want ? M * UC : 0);
  std::vector<E> vc(want ? N * N : 0);
  // SAFETY: lengths checked by Typed: A count·m·n, U count·m·ucols, Vh
  // count·vrows·n elements E (each `scale` doubles); S count·k doubles.
  const E* ae = reinterpret_cast<const E*>(a);
  E* ue = reinterpret_cast<E*>(u);
  E* ve = reinterpret_cast<E*>(vh);
  for (int64_t t = 0; t < count; t++) {
    const E* at = ae + t * m * n;
    for (int64_t r = 0; r < m; r++) {
      for (int64_t c = 0; c < n; c++) {
        if (tall) g[c * M + r] = at[r * n + c];
        else g[r * M + c] = Conj(at[r * n + c]);
      }
    }
    const int rc = SvdGolubKahan(g.data(), M, N, s + t * k, uc.data(), UC, vc.data(), want);
    inf[t] = rc;
    if (rc != 0) {
      // No answer for this matrix: NaN throughout (what NumPy's gufunc leaves when LAPACK fails).
      const double nan = std::numeric_limits<double>::quiet_NaN();
      std::fill(s + t * k, s + (t + 1) * k, nan);
      if (want) {
        std::fill(ue + t * m * ucols, ue + (t + 1) * m * ucols, FromParts<E>(nan, nan));
        std::fill(ve + t * vrows * n, ve + (t + 1) * vrows * n, FromParts<E>(nan, nan));
      }
      continue;
    }
    if (!want) continue;
    E* ut = ue + t * m * ucols;
    E* vt = ve + t * vrows * n;
    if (tall) {
      // A = Uj S Vjᴴ: U = Uj, Vh = Vjᴴ.
      for (int64_t r = 0; r < m; r++) {
        for (int64_t j = 0; j < ucols; j++) ut[r * ucols + j] = uc[j * M + r];
      }
      for (int64_t i = 0; i < vrows; i++) {
        for (int64_t j = 0; j < n; j++) vt[i * n + j] = Conj(vc[i * N + j]);
      }
    } else {
      // Aᴴ = Uj S Vjᴴ, so A = Vj S Ujᴴ: U = Vj (m×m), Vh = Ujᴴ.
      for (int64_t r = 0; r < m; r++) {
        for (int64_t j = 0; j < ucols; j++) ut[r * ucols + j] = vc[j * N + r];
      }
      for (int64_t i = 0; i < vrows; i++) {
        for (int64_t j = 0; j < n; j++) vt[i * n + j] = Conj(uc[i * M + j]);
      }
    }
  }
}

// linalgEigh(type, A, W, V, info, n, lower, want, count): per n×n matrix of A
// (destroyed; only the lower or upper triangle read), W (n ascending) and
// when want V (n×n, eigenvectors as columns); info as linalgSvd's.
template <typename E>
void RunEigh(Napi::Env env, const Napi::CallbackInfo& info, int64_t scale, int64_t n, bool lower, bool want, int64_t count) {
  const int64_t items = Items(env, "linalgEigh", count, n, n, scale);
  if (items < 0) return;
  double* a = Typed<double>(env, info[1], napi_float64_array, items, "linalgEigh", "A");
  if (env.IsExceptionPending()) return;
  double* w = Typed<double>(env, info[2], napi_float64_array, count * n, "linalgEigh", "W");
  if (env.IsExceptionPending()) return;
  double* v = Typed<double>(env, info[3], napi_float64_array, want ? items : 0, "linalgEigh", "V");
  if (env.IsExceptionPending()) return;
  int32_t* inf = Typed<int32_t>(env, info[4], napi_int32_array, count, "linalgEigh", "info");
  if (env.IsExceptionPending() || count == 0 || n == 0) return;
  // SAFETY: lengths checked by Typed: A (and V when want) count·n·n elements E, W count·n doubles.
  E* ae = reinterpret_cast<E*>(a);
  E* ve = reinterpret_cast<E*>(v);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int64_t t = 0; t < count; t++) {
    E* vt = want ? ve + t * n * n : nullptr;
    inf[t] = EighTridiagonal(ae + t * n * n, n, lower, w + t * n, vt, want);
    if (inf[t] == 0) continue;
    // No answer for this matrix: NaN throughout (what NumPy's gufunc leaves when LAPACK fails).
    std::fill(w + t * n, w + (t + 1) * n, nan);
    if (want) std::fill(ve + t * n * n, ve + (t + 1) * n * n, FromParts<E>(nan, nan));
  }
}

const char* kTypes = ": type must be 0 (float64) or 1 (complex128)";

Napi::Value LinalgGeqrf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[4] = {0, 0, 0, 0};
  if (info.Length() != 6 || !ToInt(info[0], &v[0]) || !ReadInts(info, 3, 3, v + 1)) {
    ThrowType(env, "linalgGeqrf(type, A, tau, m, n, count): bad arguments");
    return env.Undefined();
  }
  switch (v[0]) {
    case 0: RunGeqrf<double>(env, info, 1, v[1], v[2], v[3]); break;
    case 1: RunGeqrf<Cx>(env, info, 2, v[1], v[2], v[3]); break;
    default: ThrowRange(env, std::string("linalgGeqrf") + kTypes);
  }
  return env.Undefined();
}

Napi::Value LinalgOrgqr(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[5] = {0, 0, 0, 0, 0};
  if (info.Length() != 8 || !ToInt(info[0], &v[0]) || !ReadInts(info, 4, 4, v + 1)) {
    ThrowType(env, "linalgOrgqr(type, H, tau, Q, m, n, qc, count): bad arguments");
    return env.Undefined();
  }
  switch (v[0]) {
    case 0: RunOrgqr<double>(env, info, 1, v[1], v[2], v[3], v[4]); break;
    case 1: RunOrgqr<Cx>(env, info, 2, v[1], v[2], v[3], v[4]); break;
    default: ThrowRange(env, std::string("linalgOrgqr") + kTypes);
  }
  return env.Undefined();
}

Napi::Value LinalgSvd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t v[3] = {0, 0, 0};
  int64_t count = 0;
  if (info.Length() != 11 || !ToInt(info[0], &v[0]) || !ReadInts(info, 6, 2, v + 1) || !info[8].IsBoolean() || !info[9].IsBoolean() ||
      !ToInt(info[10], &count)) {
    ThrowType(env, "linalgSvd(type, A, S, U, Vh, info, m, n, full, want, count): bad arguments");
    return env.Undefined();
  }
  const bool full = info[8].As<Napi::Boolean>().Value();
  const bool want = info[9].As<Napi::Boolean>().Value();
  switch (v[0]) {
    case 0: RunSvd<double>(env, info, 1, v[1], v[2], full, want, count); break;
    case 1: RunSvd<Cx>(env, info, 2, v[1], v[2], full, want, count); break;
    default: ThrowRange(env, std::string("linalgSvd") + kTypes);
  }
  return env.Undefined();
}

Napi::Value LinalgEigh(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t type = 0;
  int64_t n = 0;
  int64_t count = 0;
  if (info.Length() != 9 || !ToInt(info[0], &type) || !ToInt(info[5], &n) || !info[6].IsBoolean() || !info[7].IsBoolean() ||
      !ToInt(info[8], &count)) {
    ThrowType(env, "linalgEigh(type, A, W, V, info, n, lower, want, count): bad arguments");
    return env.Undefined();
  }
  const bool lower = info[6].As<Napi::Boolean>().Value();
  const bool want = info[7].As<Napi::Boolean>().Value();
  switch (type) {
    case 0: RunEigh<double>(env, info, 1, n, lower, want, count); break;
    case 1: RunEigh<Cx>(env, info, 2, n, lower, want, count); break;
    default: ThrowRange(env, std::string("linalgEigh") + kTypes);
  }
  return env.Undefined();
}

}  // namespace

void InitLinalgDecomp(Napi::Env env, Napi::Object exports) {
  exports.Set("linalgGeqrf", Napi::Function::New<LinalgGeqrf>(env, "linalgGeqrf"));
  exports.Set("linalgOrgqr", Napi::Function::New<LinalgOrgqr>(env, "linalgOrgqr"));
  exports.Set("linalgSvd", Napi::Function::New<LinalgSvd>(env, "linalgSvd"));
  exports.Set("linalgEigh", Napi::Function::New<LinalgEigh>(env, "linalgEigh"));
}

}  // namespace mmarray
