// See linalg_decomp.h for the algorithms.
#include "linalg_decomp.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "linalg_args.h"
#include "napi_util.h"

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

// The 2-norm of len items `stride` apart, scaled as the reference dnrm2 (no overflow).
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
          ssq += (a / scale) * (a / scale);
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
  const double xnorm = Nrm2(x + stride, len - 1, stride);
  const E alpha = x[0];
  const double ar = Re(alpha);
  const double ai = Im(alpha);
  if (xnorm == 0 && ai == 0) return E{};
  // dlapy3 / dlapy2: |(ar, ai, xnorm)| without overflow.
  const double w = std::max({std::fabs(ar), std::fabs(ai), xnorm});
  const double beta = -std::copysign(w * std::sqrt((ar / w) * (ar / w) + (ai / w) * (ai / w) + (xnorm / w) * (xnorm / w)), ar);
  const E tau = FromParts<E>((beta - ar) / beta, -ai / beta);
  const E scal = Div(FromParts<E>(1, 0), Sub(alpha, FromParts<E>(beta, 0)));
  for (int64_t i = 1; i < len; i++) x[i * stride] = Mul(scal, x[i * stride]);
  x[0] = FromParts<E>(beta, 0);
  return tau;
}

// dgeqr2/zgeqr2 of one m×n row-major matrix in place: R on and above the
// diagonal, the reflectors' tails below it, tau[0, min(m, n)).
template <typename E>
void Geqr2(E* a, E* tau, int64_t m, int64_t n) {
  const int64_t k = std::min(m, n);
  for (int64_t i = 0; i < k; i++) {
    const E t = Larfg(a + i * n + i, m - i, n);
    tau[i] = t;
    if (Re(t) == 0 && Im(t) == 0) continue;
    // A[i:, i+1:] = Hᴴ A[i:, i+1:], Hᴴ = I - conj(tau) v vᴴ (v[0] = 1).
    const E ct = Conj(t);
    for (int64_t c = i + 1; c < n; c++) {
      E w = a[i * n + c];
      for (int64_t r = i + 1; r < m; r++) w = Add(w, Mul(Conj(a[r * n + i]), a[r * n + c]));
      const E f = Mul(ct, w);
      a[i * n + c] = Sub(a[i * n + c], f);
      for (int64_t r = i + 1; r < m; r++) a[r * n + c] = Sub(a[r * n + c], Mul(a[r * n + i], f));
    }
  }
}

// dorg2r/zung2r: the first qc columns of Q = H(0)·…·H(k-1) (m×qc, row-major)
// from the factored m×n `h` and its k = min(m, n) taus.
template <typename E>
void Org2r(const E* h, const E* tau, E* q, int64_t m, int64_t n, int64_t qc) {
  const int64_t k = std::min(m, n);
  for (int64_t r = 0; r < m; r++) {
    for (int64_t c = 0; c < qc; c++) q[r * qc + c] = FromParts<E>(r == c ? 1 : 0, 0);
  }
  for (int64_t i = k - 1; i >= 0; i--) {
    const E t = tau[i];
    if (Re(t) == 0 && Im(t) == 0) continue;
    // Columns before i are e_c, which H(i) (acting on rows ≥ i > c) leaves alone.
    for (int64_t c = i; c < qc; c++) {
      E w = q[i * qc + c];
      for (int64_t r = i + 1; r < m; r++) w = Add(w, Mul(Conj(h[r * n + i]), q[r * qc + c]));
      const E f = Mul(t, w);
      q[i * qc + c] = Sub(q[i * qc + c], f);
      for (int64_t r = i + 1; r < m; r++) q[r * qc + c] = Sub(q[r * qc + c], Mul(h[r * n + i], f));
    }
  }
}

// A power of two p with max|x| · p in [0.5, 1) (1 for a zero matrix); 0 when an item is not finite.
template <typename E>
double PowerScale(const E* a, int64_t len) {
  double amax = 0;
  for (int64_t i = 0; i < len; i++) {
    if (!Finite(a[i])) return 0;
    amax = std::max(amax, std::max(std::fabs(Re(a[i])), std::fabs(Im(a[i]))));
  }
  if (amax == 0) return 1;
  int e = 0;
  std::frexp(amax, &e);
  return std::ldexp(1.0, -e);
}

// sign(z)/(|z| + sqrt(1 + z²)): the smaller root of t² + 2zt - 1 (a Jacobi rotation's tangent).
inline double JacobiTangent(double zeta) {
  return (zeta >= 0 ? 1.0 : -1.0) / (std::fabs(zeta) + std::hypot(1.0, zeta));
}

// The outcome of one SVD: 0, 1 (did not converge), -1 (non-finite input).
// g: the M×N (M ≥ N) matrix column-major (column j at g + j·M), destroyed;
// sigma: N values, descending; uc (M × ucols, column-major) and vc (N×N,
// column-major) when want.
template <typename E>
int SvdJacobi(E* g, int64_t M, int64_t N, double* sigma, E* uc, int64_t ucols, E* vc, bool want) {
  const double p2 = PowerScale(g, M * N);
  if (p2 == 0) return -1;
  for (int64_t i = 0; i < M * N; i++) g[i] = Scale(g[i], p2);
  if (want) {
    for (int64_t i = 0; i < N * N; i++) vc[i] = FromParts<E>(i % (N + 1) == 0 ? 1 : 0, 0);
  }
  // Converged when every pair is orthogonal to this (rounding in the inner products is ~eps);
  // pairs above eps are still rotated on the way.
  const double stop = kEps * std::max(8.0, std::sqrt(static_cast<double>(M)));
  std::vector<double> norm2(N);
  for (int64_t j = 0; j < N; j++) {
    const double nj = Nrm2(g + j * M, M, 1);
    norm2[j] = nj * nj;
  }
  bool converged = N < 2;
  for (int sweep = 0; sweep < 80 && !converged; sweep++) {
    double worst = 0;
    for (int64_t p = 0; p + 1 < N; p++) {
      for (int64_t q = p + 1; q < N; q++) {
        E* x = g + p * M;
        E* y = g + q * M;
        E gamma{};
        for (int64_t r = 0; r < M; r++) gamma = Add(gamma, Mul(Conj(x[r]), y[r]));
        const double ga = Abs(gamma);
        const double alpha = norm2[p];
        const double beta = norm2[q];
        if (ga == 0 || alpha == 0 || beta == 0) continue;
        const double ratio = ga / std::sqrt(alpha) / std::sqrt(beta);
        worst = std::max(worst, ratio);
        if (ratio <= kEps) continue;
        // y·conj(u), u = gamma/|gamma|, makes xᴴy real (= |gamma|); then a real rotation.
        const E cu = Conj(Scale(gamma, 1 / ga));
        const double t = JacobiTangent((beta - alpha) / (2 * ga));
        const double c = 1 / std::sqrt(1 + t * t);
        const double s = c * t;
        for (int64_t r = 0; r < M; r++) {
          const E xv = x[r];
          const E yv = Mul(y[r], cu);
          x[r] = Sub(Scale(xv, c), Scale(yv, s));
          y[r] = Add(Scale(xv, s), Scale(yv, c));
        }
        if (want) {
          E* vx = vc + p * N;
          E* vy = vc + q * N;
          for (int64_t r = 0; r < N; r++) {
            const E xv = vx[r];
            const E yv = Mul(vy[r], cu);
            vx[r] = Sub(Scale(xv, c), Scale(yv, s));
            vy[r] = Add(Scale(xv, s), Scale(yv, c));
          }
        }
        const double np = Nrm2(x, M, 1);
        const double nq = Nrm2(y, M, 1);
        norm2[p] = np * np;
        norm2[q] = nq * nq;
      }
    }
    converged = worst <= stop;
  }
  if (!converged) return 1;
  std::vector<double> s(N);
  for (int64_t j = 0; j < N; j++) s[j] = Nrm2(g + j * M, M, 1);
  std::vector<int64_t> order(N);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t i, int64_t j) { return s[i] > s[j]; });
  for (int64_t j = 0; j < N; j++) sigma[j] = s[order[j]] / p2;
  if (!want) return 0;
  std::vector<E> vtmp(vc, vc + N * N);
  for (int64_t j = 0; j < N; j++) std::copy(vtmp.begin() + order[j] * N, vtmp.begin() + (order[j] + 1) * N, vc + j * N);
  // U's columns: the rotated columns over their norms, while they are not zero.
  int64_t good = 0;
  for (int64_t j = 0; j < N; j++) {
    const double sj = s[order[j]];
    // A zero (or subnormal: 1/sj would overflow) column has no direction: completed below.
    if (sj < std::numeric_limits<double>::min()) break;
    const E* src = g + order[j] * M;
    for (int64_t r = 0; r < M; r++) uc[j * M + r] = Scale(src[r], 1 / sj);
    good = j + 1;
  }
  if (good == ucols) return 0;
  // The rest of U: the columns good.. of the complete Q of the good columns' QR.
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
  return 0;
}

// The outcome of one eigh: 0, 1 (did not converge), -1 (non-finite input).
// a: n×n row-major, only its `lower` (or upper) triangle read, destroyed;
// w: n eigenvalues ascending; v: n×n row-major, eigenvectors as columns.
template <typename E>
int EighJacobi(E* a, int64_t n, bool lower, double* w, E* v, bool want) {
  // The Hermitian matrix of the chosen triangle (the diagonal's imaginary part dropped).
  for (int64_t i = 0; i < n; i++) {
    a[i * n + i] = FromParts<E>(Re(a[i * n + i]), 0);
    for (int64_t j = i + 1; j < n; j++) {
      if (lower) a[i * n + j] = Conj(a[j * n + i]);
      else a[j * n + i] = Conj(a[i * n + j]);
    }
  }
  const double p2 = PowerScale(a, n * n);
  if (p2 == 0) return -1;
  double fro = 0;
  for (int64_t i = 0; i < n * n; i++) {
    a[i] = Scale(a[i], p2);
    fro += Abs2(a[i]);
  }
  const double tiny = std::sqrt(fro) * std::ldexp(1.0, -80);
  std::vector<E> vv(want ? n * n : 0);
  for (int64_t i = 0; i < static_cast<int64_t>(vv.size()); i++) vv[i] = FromParts<E>(i % (n + 1) == 0 ? 1 : 0, 0);
  bool converged = n < 2;
  for (int sweep = 0; sweep < 100 && !converged; sweep++) {
    bool rotated = false;
    for (int64_t p = 0; p + 1 < n; p++) {
      for (int64_t q = p + 1; q < n; q++) {
        const E apq = a[p * n + q];
        const double g = Abs(apq);
        const double app = Re(a[p * n + p]);
        const double aqq = Re(a[q * n + q]);
        if (g == 0 || g <= tiny || g <= kEps * std::sqrt(std::fabs(app)) * std::sqrt(std::fabs(aqq))) continue;
        rotated = true;
        // Column q times conj(u), row q times u (u = apq/|apq|): apq becomes |apq|.
        const E cu = Conj(Scale(apq, 1 / g));
        for (int64_t k = 0; k < n; k++) {
          if (k == q) continue;
          a[k * n + q] = Mul(a[k * n + q], cu);
          a[q * n + k] = Conj(a[k * n + q]);
        }
        if (want) {
          for (int64_t k = 0; k < n; k++) vv[k * n + q] = Mul(vv[k * n + q], cu);
        }
        const double t = JacobiTangent((aqq - app) / (2 * g));
        const double c = 1 / std::sqrt(1 + t * t);
        const double s = c * t;
        for (int64_t k = 0; k < n; k++) {
          if (k == p || k == q) continue;
          const E akp = a[k * n + p];
          const E akq = a[k * n + q];
          a[k * n + p] = Sub(Scale(akp, c), Scale(akq, s));
          a[k * n + q] = Add(Scale(akp, s), Scale(akq, c));
          a[p * n + k] = Conj(a[k * n + p]);
          a[q * n + k] = Conj(a[k * n + q]);
        }
        a[p * n + p] = FromParts<E>(app - t * g, 0);
        a[q * n + q] = FromParts<E>(aqq + t * g, 0);
        a[p * n + q] = E{};
        a[q * n + p] = E{};
        if (want) {
          for (int64_t k = 0; k < n; k++) {
            const E vkp = vv[k * n + p];
            const E vkq = vv[k * n + q];
            vv[k * n + p] = Sub(Scale(vkp, c), Scale(vkq, s));
            vv[k * n + q] = Add(Scale(vkp, s), Scale(vkq, c));
          }
        }
      }
    }
    converged = !rotated;
  }
  if (!converged) return 1;
  std::vector<int64_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t i, int64_t j) { return Re(a[i * n + i]) < Re(a[j * n + j]); });
  for (int64_t j = 0; j < n; j++) w[j] = Re(a[order[j] * n + order[j]]) / p2;
  if (want) {
    for (int64_t r = 0; r < n; r++) {
      for (int64_t j = 0; j < n; j++) v[r * n + j] = vv[r * n + order[j]];
    }
  }
  return 0;
}

// Eigenvalues of one general real n×n row-major matrix (destroyed), EISPACK's
// route: balance (balanc, powers of two), reduce to upper Hessenberg form by
// stabilized elementary transformations (elmhes), then the Francis
// double-shift QR iteration (hqr) with exceptional shifts at iterations 10
// and 20. wr/wi: the real and imaginary parts, complex pairs adjacent (+ then
// -). Returns 0, 1 (an eigenvalue took more than 30 iterations), -1 (non-finite input).
int EigvalsHqr(double* a, int64_t n, double* wr, double* wi) {
  for (int64_t i = 0; i < n * n; i++) {
    if (!std::isfinite(a[i])) return -1;
  }
  auto A = [a, n](int64_t i, int64_t j) -> double& { return a[i * n + j]; };
  // balanc: rows and columns scaled by powers of two until their norms agree within 0.95.
  bool done = false;
  while (!done) {
    done = true;
    for (int64_t i = 0; i < n; i++) {
      double c = 0;
      double r = 0;
      for (int64_t j = 0; j < n; j++) {
        if (j == i) continue;
        c += std::fabs(A(j, i));
        r += std::fabs(A(i, j));
      }
      if (c == 0 || r == 0) continue;
      double g = r / 2;
      double f = 1;
      const double s = c + r;
      while (c < g) {
        f *= 2;
        c *= 4;
      }
      g = r * 2;
      while (c > g) {
        f /= 2;
        c /= 4;
      }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        g = 1 / f;
        for (int64_t j = 0; j < n; j++) A(i, j) *= g;
        for (int64_t j = 0; j < n; j++) A(j, i) *= f;
      }
    }
  }
  // elmhes: Gaussian elimination with pivoting below the subdiagonal.
  for (int64_t m = 1; m + 1 < n; m++) {
    double x = 0;
    int64_t piv = m;
    for (int64_t j = m; j < n; j++) {
      if (std::fabs(A(j, m - 1)) > std::fabs(x)) {
        x = A(j, m - 1);
        piv = j;
      }
    }
    if (piv != m) {
      for (int64_t j = m - 1; j < n; j++) std::swap(A(piv, j), A(m, j));
      for (int64_t j = 0; j < n; j++) std::swap(A(j, piv), A(j, m));
    }
    if (x != 0) {
      for (int64_t i = m + 1; i < n; i++) {
        double y = A(i, m - 1);
        if (y == 0) continue;
        y /= x;
        A(i, m - 1) = y;
        for (int64_t j = m; j < n; j++) A(i, j) -= y * A(m, j);
        for (int64_t j = 0; j < n; j++) A(j, m) += y * A(j, i);
      }
    }
  }
  for (int64_t i = 2; i < n; i++) {
    for (int64_t j = 0; j + 1 < i; j++) A(i, j) = 0;
  }
  // hqr (0-based): deflate from the bottom, one real or a pair at a time.
  double anorm = 0;
  for (int64_t i = 0; i < n; i++) {
    for (int64_t j = std::max<int64_t>(i - 1, 0); j < n; j++) anorm += std::fabs(A(i, j));
  }
  int64_t nn = n - 1;
  double t = 0;
  while (nn >= 0) {
    int its = 0;
    int64_t l = 0;
    do {
      for (l = nn; l >= 1; l--) {
        double s = std::fabs(A(l - 1, l - 1)) + std::fabs(A(l, l));
        if (s == 0) s = anorm;
        if (std::fabs(A(l, l - 1)) + s == s) {
          A(l, l - 1) = 0;
          break;
        }
      }
      double x = A(nn, nn);
      if (l == nn) {
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        double y = A(nn - 1, nn - 1);
        double w = A(nn, nn - 1) * A(nn - 1, nn);
        if (l == nn - 1) {
          const double p = 0.5 * (y - x);
          const double q = p * p + w;
          double z = std::sqrt(std::fabs(q));
          x += t;
          if (q >= 0) {
            z = p + std::copysign(z, p);
            wr[nn - 1] = wr[nn] = x + z;
            if (z != 0) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn - 1] = z;
            wi[nn] = -z;
          }
          nn -= 2;
        } else {
          if (its == 30) return 1;
          if (its == 10 || its == 20) {
            t += x;
            for (int64_t i = 0; i <= nn; i++) A(i, i) -= x;
            const double s = std::fabs(A(nn, nn - 1)) + std::fabs(A(nn - 1, nn - 2));
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          int64_t m = nn - 2;
          double p = 0;
          double q = 0;
          double r = 0;
          double z = 0;
          for (; m >= l; m--) {
            z = A(m, m);
            r = x - z;
            double s = y - z;
            p = (r * s - w) / A(m + 1, m) + A(m, m + 1);
            q = A(m + 1, m + 1) - z - r - s;
            r = A(m + 2, m + 1);
            s = std::fabs(p) + std::fabs(q) + std::fabs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m == l) break;
            const double u = std::fabs(A(m, m - 1)) * (std::fabs(q) + std::fabs(r));
            const double v = std::fabs(p) * (std::fabs(A(m - 1, m - 1)) + std::fabs(z) + std::fabs(A(m + 1, m + 1)));
            if (u + v == v) break;
          }
          for (int64_t i = m + 2; i <= nn; i++) {
            A(i, i - 2) = 0;
            if (i != m + 2) A(i, i - 3) = 0;
          }
          for (int64_t k = m; k <= nn - 1; k++) {
            if (k != m) {
              p = A(k, k - 1);
              q = A(k + 1, k - 1);
              r = k != nn - 1 ? A(k + 2, k - 1) : 0;
              x = std::fabs(p) + std::fabs(q) + std::fabs(r);
              if (x != 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const double s = std::copysign(std::sqrt(p * p + q * q + r * r), p);
            if (s == 0) continue;
            if (k == m) {
              if (l != m) A(k, k - 1) = -A(k, k - 1);
            } else {
              A(k, k - 1) = -s * x;
            }
            p += s;
            x = p / s;
            y = q / s;
            z = r / s;
            q /= p;
            r /= p;
            for (int64_t j = k; j <= nn; j++) {
              p = A(k, j) + q * A(k + 1, j);
              if (k != nn - 1) {
                p += r * A(k + 2, j);
                A(k + 2, j) -= p * z;
              }
              A(k + 1, j) -= p * y;
              A(k, j) -= p * x;
            }
            const int64_t mmin = nn < k + 3 ? nn : k + 3;
            for (int64_t i = l; i <= mmin; i++) {
              p = x * A(i, k) + y * A(i, k + 1);
              if (k != nn - 1) {
                p += z * A(i, k + 2);
                A(i, k + 2) -= p * r;
              }
              A(i, k + 1) -= p * q;
              A(i, k) -= p;
            }
          }
        }
      }
    } while (nn >= 0 && l < nn - 1);
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
  for (int64_t t = 0; t < count; t++) Geqr2(ae + t * m * n, te + t * k, m, n);
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
  for (int64_t t = 0; t < count; t++) Org2r(he + t * m * n, te + t * k, qe + t * m * qc, m, n, qc);
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
    const int rc = SvdJacobi(g.data(), M, N, s + t * k, uc.data(), UC, vc.data(), want);
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
    inf[t] = EighJacobi(ae + t * n * n, n, lower, w + t * n, want ? ve + t * n * n : nullptr, want);
    if (inf[t] == 0) continue;
    // No answer for this matrix: NaN throughout (what NumPy's gufunc leaves when LAPACK fails).
    std::fill(w + t * n, w + (t + 1) * n, nan);
    if (want) std::fill(ve + t * n * n, ve + (t + 1) * n * n, FromParts<E>(nan, nan));
  }
}

// linalgEigvals(A, wr, wi, info, n, count): the eigenvalues of each real n×n
// matrix of A (destroyed), real and imaginary parts; info as linalgSvd's.
Napi::Value LinalgEigvals(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t n = 0;
  int64_t count = 0;
  if (info.Length() != 6 || !ToInt(info[4], &n) || !ToInt(info[5], &count)) {
    ThrowType(env, "linalgEigvals(A, wr, wi, info, n, count): bad arguments");
    return env.Undefined();
  }
  const int64_t items = Items(env, "linalgEigvals", count, n, n, 1);
  if (items < 0) return env.Undefined();
  double* a = Typed<double>(env, info[0], napi_float64_array, items, "linalgEigvals", "A");
  if (env.IsExceptionPending()) return env.Undefined();
  double* wr = Typed<double>(env, info[1], napi_float64_array, count * n, "linalgEigvals", "wr");
  if (env.IsExceptionPending()) return env.Undefined();
  double* wi = Typed<double>(env, info[2], napi_float64_array, count * n, "linalgEigvals", "wi");
  if (env.IsExceptionPending()) return env.Undefined();
  int32_t* inf = Typed<int32_t>(env, info[3], napi_int32_array, count, "linalgEigvals", "info");
  if (env.IsExceptionPending() || count == 0 || n == 0) return env.Undefined();
  // SAFETY: lengths checked by Typed: A count·n·n doubles, wr and wi count·n, info count.
  for (int64_t t = 0; t < count; t++) inf[t] = EigvalsHqr(a + t * n * n, n, wr + t * n, wi + t * n);
  return env.Undefined();
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
  exports.Set("linalgEigvals", Napi::Function::New<LinalgEigvals>(env, "linalgEigvals"));
}

}  // namespace mmarray
