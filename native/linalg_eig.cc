// See linalg_eig.h for the algorithms.
#include "linalg_eig.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "linalg_args.h"
#include "napi_util.h"
#include "power_scale.h"

namespace mmarray {
namespace {

using linalg_args::Items;
using linalg_args::Typed;
using Cd = std::complex<double>;
static_assert(sizeof(Cd) == 2 * sizeof(double), "std::complex<double> is (re, im)");

constexpr double kEps = std::numeric_limits<double>::epsilon();
// An eigenvalue that has not deflated after this many QR sweeps is reported (LAPACK allows 30 per
// eigenvalue on average; the exceptional shifts come at 10, 20 and 30 here).
constexpr int kMaxIter = 60;

// Complex division as EISPACK's cdiv (scaled: no overflow of |b|²).
inline Cd Cdiv(Cd a, Cd b) {
  if (std::fabs(b.real()) >= std::fabs(b.imag())) {
    const double r = b.imag() / b.real();
    const double d = b.real() + b.imag() * r;
    return {(a.real() + a.imag() * r) / d, (a.imag() - a.real() * r) / d};
  }
  const double r = b.real() / b.imag();
  const double d = b.real() * r + b.imag();
  return {(a.real() * r + a.imag()) / d, (a.imag() * r - a.real()) / d};
}
inline Cd Mul(Cd a, Cd b) { return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()}; }
inline double Abs1(Cd z) { return std::fabs(z.real()) + std::fabs(z.imag()); }

// LAPACK's gebal (job 'B', as geev calls it): a similarity that permutes
// rows/columns isolating eigenvalues to the ends (the matrix's rows 0..ilo-1
// and ihi+1..n-1 are then triangular) and scales rows i and columns i of the
// rest by powers of two (exact) until their 2-norms are within a factor 0.95
// of each other. A badly scaled matrix (entries 10^±20 apart under a diagonal
// similarity) otherwise loses its small eigenvalues in the QR iteration's
// rounding of ‖A‖. a is n×n row-major, T double or complex; scale[i] is the
// scale of row i in ilo..ihi and the index it was swapped with outside.
struct Balanced {
  int64_t ilo = 0;
  int64_t ihi = -1;
  std::vector<double> scale;
};

inline bool IsZero(double x) { return x == 0; }
inline bool IsZero(Cd z) { return z.real() == 0 && z.imag() == 0; }
// izamax/idamax pick by |re| + |im| (dcabs1) for complex, the modulus is then what is compared.
inline double Pick(double x) { return std::fabs(x); }
inline double Pick(Cd z) { return Abs1(z); }

template <typename T>
double Norm2(const T* a, int64_t len, int64_t stride) {
  // As dnrm2: scaled by the largest magnitude, so tiny entries do not underflow to a zero norm.
  double big = 0;
  for (int64_t i = 0; i < len; i++) big = std::max(big, std::abs(a[i * stride]));
  if (big == 0) return 0;
  double ss = 0;
  for (int64_t i = 0; i < len; i++) {
    const double t = std::abs(a[i * stride]) / big;
    ss += t * t;
  }
  return big * std::sqrt(ss);
}

template <typename T>
double AbsMax(const T* a, int64_t len, int64_t stride) {
  int64_t at = 0;
  double best = -1;
  for (int64_t i = 0; i < len; i++) {
    const double t = Pick(a[i * stride]);
    if (t > best) {
      best = t;
      at = i;
    }
  }
  return len == 0 ? 0 : std::abs(a[at * stride]);
}

template <typename T>
Balanced Balance(T* a, int64_t n) {
  auto A = [a, n](int64_t i, int64_t j) -> T& { return a[i * n + j]; };
  Balanced b;
  b.scale.assign(n, 1.0);
  int64_t k = 0;      // gebal's K - 1
  int64_t l = n - 1;  // gebal's L - 1
  // Swap row/column j with m: columns in rows 0..l, rows in columns k..n-1.
  auto exchange = [&](int64_t j, int64_t m) {
    b.scale[m] = static_cast<double>(j);
    if (j == m) return;
    for (int64_t i = 0; i <= l; i++) std::swap(A(i, j), A(i, m));
    for (int64_t c = k; c < n; c++) std::swap(A(j, c), A(m, c));
  };
  // Rows with no off-diagonal nonzero in columns 0..l isolate an eigenvalue: push them down.
  for (bool found = true; found && l >= 0;) {
    found = false;
    for (int64_t j = l; j >= 0; j--) {
      bool zero = true;
      for (int64_t i = 0; i <= l && zero; i++) zero = i == j || IsZero(A(j, i));
      if (!zero) continue;
      exchange(j, l);
      if (l == 0) {
        b.ilo = 0;
        b.ihi = 0;
        return b;
      }
      l--;
      found = true;
      break;
    }
  }
  // Columns with no off-diagonal nonzero in rows k..l: push them left.
  for (bool found = true; found;) {
    found = false;
    for (int64_t j = k; j <= l; j++) {
      bool zero = true;
      for (int64_t i = k; i <= l && zero; i++) zero = i == j || IsZero(A(i, j));
      if (!zero) continue;
      exchange(j, k);
      k++;
      found = true;
      break;
    }
  }
  for (int64_t i = k; i <= l; i++) b.scale[i] = 1;
  // Scaling by powers of 2 (sclfac), within gebal's safe range so nothing overflows or underflows.
  constexpr double kSclfac = 2;
  constexpr double kFactor = 0.95;
  const double sfmin1 = std::numeric_limits<double>::min() / (2 * kEps);
  const double sfmax1 = 1 / sfmin1;
  const double sfmin2 = sfmin1 * kSclfac;
  const double sfmax2 = 1 / sfmin2;
  for (bool noconv = true; noconv;) {
    noconv = false;
    for (int64_t i = k; i <= l; i++) {
      double c = Norm2(&A(k, i), l - k + 1, n);
      double r = Norm2(&A(i, k), l - k + 1, 1);
      double ca = AbsMax(&A(0, i), l + 1, n);
      double ra = AbsMax(&A(i, k), n - k, 1);
      if (c == 0 || r == 0) continue;
      double g = r / kSclfac;
      double f = 1;
      const double s = c + r;
      while (c < g && std::max({f, c, ca}) < sfmax2 && std::min({r, g, ra}) > sfmin2) {
        f *= kSclfac;
        c *= kSclfac;
        ca *= kSclfac;
        r /= kSclfac;
        g /= kSclfac;
        ra /= kSclfac;
      }
      g = c / kSclfac;
      while (g >= r && std::max(r, ra) < sfmax2 && std::min({f, c, g, ca}) > sfmin2) {
        f /= kSclfac;
        c /= kSclfac;
        g /= kSclfac;
        ca /= kSclfac;
        r *= kSclfac;
        ra *= kSclfac;
      }
      if (c + r >= kFactor * s) continue;
      if (f < 1 && b.scale[i] < 1 && f * b.scale[i] <= sfmin1) continue;
      if (f > 1 && b.scale[i] > 1 && b.scale[i] >= sfmax1 / f) continue;
      b.scale[i] *= f;
      noconv = true;
      const double gi = 1 / f;
      for (int64_t j = k; j < n; j++) A(i, j) *= gi;
      for (int64_t j = 0; j <= l; j++) A(j, i) *= f;
    }
  }
  b.ilo = k;
  b.ihi = l;
  return b;
}

// gebak for right eigenvectors: the rows of v (n×cols, row-major) scaled back, then the swaps
// undone (those pushed to the bottom last first, as gebak's loop order).
template <typename T>
void BalanceBack(const Balanced& b, T* v, int64_t n) {
  // ilo == ihi: nothing was scaled (and when every eigenvalue was isolated, scale[ilo] is a swap index).
  for (int64_t i = b.ilo; i <= b.ihi && b.ilo != b.ihi; i++) {
    const double s = b.scale[i];
    if (s != 1) {
      for (int64_t c = 0; c < n; c++) v[i * n + c] *= s;
    }
  }
  for (int64_t ii = 0; ii < n; ii++) {
    int64_t i = ii;
    if (i >= b.ilo && i <= b.ihi) continue;
    if (i < b.ilo) i = b.ilo - 1 - ii;
    const auto k = static_cast<int64_t>(b.scale[i]);
    if (k == i) continue;
    for (int64_t c = 0; c < n; c++) std::swap(v[i * n + c], v[k * n + c]);
  }
}

// geev's normalisation of each column of v (n×n row-major, complex): unit
// 2-norm, then (when `turn`, or when the column is not real) multiplied by
// the phase that makes its largest component real and positive.
void Normalise(Cd* v, int64_t n, bool turn) {
  for (int64_t c = 0; c < n; c++) {
    double scale = 0;
    bool real = true;
    for (int64_t r = 0; r < n; r++) {
      scale = std::max(scale, Abs1(v[r * n + c]));
      if (v[r * n + c].imag() != 0) real = false;
    }
    if (scale == 0) continue;
    double ss = 0;
    int64_t big = 0;
    double bigAbs = -1;
    for (int64_t r = 0; r < n; r++) {
      const Cd z = v[r * n + c] / scale;
      const double a2 = z.real() * z.real() + z.imag() * z.imag();
      ss += a2;
      if (a2 > bigAbs) {
        bigAbs = a2;
        big = r;
      }
    }
    const double inv = 1 / (scale * std::sqrt(ss));
    Cd f{inv, 0};
    if (turn || !real) {
      const Cd z = v[big * n + c];
      const double az = std::hypot(z.real(), z.imag());
      f = Cd{z.real() / az, -z.imag() / az} * inv;
    }
    for (int64_t r = 0; r < n; r++) v[r * n + c] = Mul(v[r * n + c], f);
    if (turn || !real) v[big * n + c] = {v[big * n + c].real(), 0};
  }
}

// The real eigenproblem of one n×n row-major matrix h (destroyed): w (n
// complex eigenvalues, a complex pair adjacent with the positive imaginary
// part first) and, when want, v (n×n complex, eigenvectors as columns).
// Returns 0, 1 (no convergence) or -1 (non-finite input).
int EigReal(double* h, int64_t n, Cd* w, Cd* v, bool want) {
  int k2 = 0;
  if (!PowerScale(h, n * n, &k2)) return -1;
  for (int64_t i = 0; i < n * n; i++) h[i] = std::ldexp(h[i], k2);
  const Balanced bal = Balance(h, n);
  auto H = [h, n](int64_t i, int64_t j) -> double& { return h[i * n + j]; };
  std::vector<double> zv(n * n, 0.0);
  auto V = [&zv, n](int64_t i, int64_t j) -> double& { return zv[i * n + j]; };
  std::vector<double> ort(n, 0.0);
  const int64_t low = 0;
  const int64_t high = n - 1;
  // orthes: Householder reflections zero each column below the subdiagonal.
  for (int64_t m = low + 1; m <= high - 1; m++) {
    double scale = 0;
    for (int64_t i = m; i <= high; i++) scale += std::fabs(H(i, m - 1));
    if (scale == 0) continue;
    double hh = 0;
    for (int64_t i = high; i >= m; i--) {
      ort[i] = H(i, m - 1) / scale;
      hh += ort[i] * ort[i];
    }
    double g = std::sqrt(hh);
    if (ort[m] > 0) g = -g;
    hh -= ort[m] * g;
    ort[m] -= g;
    for (int64_t j = m; j < n; j++) {
      double f = 0;
      for (int64_t i = high; i >= m; i--) f += ort[i] * H(i, j);
      f /= hh;
      for (int64_t i = m; i <= high; i++) H(i, j) -= f * ort[i];
    }
    for (int64_t i = 0; i <= high; i++) {
      double f = 0;
      for (int64_t j = high; j >= m; j--) f += ort[j] * H(i, j);
      f /= hh;
      for (int64_t j = m; j <= high; j++) H(i, j) -= f * ort[j];
    }
    ort[m] *= scale;
    H(m, m - 1) = scale * g;
  }
  // ortran: the product of the reflections, the start of the Schur vectors.
  for (int64_t i = 0; i < n; i++) V(i, i) = 1;
  for (int64_t m = high - 1; m >= low + 1; m--) {
    if (H(m, m - 1) == 0) continue;
    for (int64_t i = m + 1; i <= high; i++) ort[i] = H(i, m - 1);
    for (int64_t j = m; j <= high; j++) {
      double g = 0;
      for (int64_t i = m; i <= high; i++) g += ort[i] * V(i, j);
      // Two divisions: no underflow of ort[m]·H(m, m-1).
      g = (g / ort[m]) / H(m, m - 1);
      for (int64_t i = m; i <= high; i++) V(i, j) += g * ort[i];
    }
  }
  for (int64_t i = 2; i < n; i++) {
    for (int64_t j = 0; j + 1 < i; j++) H(i, j) = 0;
  }
  // hqr2: the Francis double-shift QR iteration, deflating from the bottom.
  std::vector<double> d(n, 0.0);
  std::vector<double> e(n, 0.0);
  double norm = 0;
  for (int64_t i = 0; i < n; i++) {
    for (int64_t j = std::max<int64_t>(i - 1, 0); j < n; j++) norm += std::fabs(H(i, j));
  }
  int64_t nn = n - 1;
  double exshift = 0;
  double p = 0, q = 0, r = 0, s = 0, z = 0, t = 0, x = 0, y = 0, ww = 0;
  int iter = 0;
  while (nn >= low) {
    int64_t l = nn;
    while (l > low) {
      s = std::fabs(H(l - 1, l - 1)) + std::fabs(H(l, l));
      if (s == 0) s = norm;
      if (std::fabs(H(l, l - 1)) <= kEps * s) break;
      l--;
    }
    if (l == nn) {
      // One real eigenvalue.
      H(nn, nn) += exshift;
      d[nn] = H(nn, nn);
      e[nn] = 0;
      nn--;
      iter = 0;
    } else if (l == nn - 1) {
      // A 2×2 block: a real pair (split by a rotation) or a complex pair.
      ww = H(nn, nn - 1) * H(nn - 1, nn);
      p = (H(nn - 1, nn - 1) - H(nn, nn)) / 2;
      q = p * p + ww;
      z = std::sqrt(std::fabs(q));
      H(nn, nn) += exshift;
      H(nn - 1, nn - 1) += exshift;
      x = H(nn, nn);
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        d[nn - 1] = x + z;
        d[nn] = d[nn - 1];
        if (z != 0) d[nn] = x - ww / z;
        e[nn - 1] = 0;
        e[nn] = 0;
        x = H(nn, nn - 1);
        s = std::fabs(x) + std::fabs(z);
        p = x / s;
        q = z / s;
        r = std::sqrt(p * p + q * q);
        p /= r;
        q /= r;
        for (int64_t j = nn - 1; j < n; j++) {
          z = H(nn - 1, j);
          H(nn - 1, j) = q * z + p * H(nn, j);
          H(nn, j) = q * H(nn, j) - p * z;
        }
        for (int64_t i = 0; i <= nn; i++) {
          z = H(i, nn - 1);
          H(i, nn - 1) = q * z + p * H(i, nn);
          H(i, nn) = q * H(i, nn) - p * z;
        }
        for (int64_t i = low; i <= high; i++) {
          z = V(i, nn - 1);
          V(i, nn - 1) = q * z + p * V(i, nn);
          V(i, nn) = q * V(i, nn) - p * z;
        }
      } else {
        d[nn - 1] = x + p;
        d[nn] = x + p;
        e[nn - 1] = z;
        e[nn] = -z;
      }
      nn -= 2;
      iter = 0;
    } else {
      // No convergence yet: form the shift (exceptional ones at 10 and 30).
      x = H(nn, nn);
      y = 0;
      ww = 0;
      if (l < nn) {
        y = H(nn - 1, nn - 1);
        ww = H(nn, nn - 1) * H(nn - 1, nn);
      }
      if (iter == 10) {
        exshift += x;
        for (int64_t i = low; i <= nn; i++) H(i, i) -= x;
        s = std::fabs(H(nn, nn - 1)) + std::fabs(H(nn - 1, nn - 2));
        x = y = 0.75 * s;
        ww = -0.4375 * s * s;
      }
      if (iter == 30) {
        s = (y - x) / 2;
        s = s * s + ww;
        if (s > 0) {
          s = std::sqrt(s);
          if (y < x) s = -s;
          s = x - ww / ((y - x) / 2 + s);
          for (int64_t i = low; i <= nn; i++) H(i, i) -= s;
          exshift += s;
          x = y = ww = 0.964;
        }
      }
      if (++iter > kMaxIter) return 1;
      // Two consecutive small subdiagonal items: where the double step starts.
      int64_t m = nn - 2;
      while (m >= l) {
        z = H(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - ww) / H(m + 1, m) + H(m, m + 1);
        q = H(m + 1, m + 1) - z - r - s;
        r = H(m + 2, m + 1);
        s = std::fabs(p) + std::fabs(q) + std::fabs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m == l) break;
        if (std::fabs(H(m, m - 1)) * (std::fabs(q) + std::fabs(r)) <
            kEps * (std::fabs(p) * (std::fabs(H(m - 1, m - 1)) + std::fabs(z) + std::fabs(H(m + 1, m + 1))))) {
          break;
        }
        m--;
      }
      for (int64_t i = m + 2; i <= nn; i++) {
        H(i, i - 2) = 0;
        if (i > m + 2) H(i, i - 3) = 0;
      }
      // The double QR step on rows l..nn, columns m..nn, by 3×3 reflections.
      for (int64_t k = m; k <= nn - 1; k++) {
        const bool notlast = k != nn - 1;
        if (k != m) {
          p = H(k, k - 1);
          q = H(k + 1, k - 1);
          r = notlast ? H(k + 2, k - 1) : 0;
          x = std::fabs(p) + std::fabs(q) + std::fabs(r);
          if (x == 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = std::sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s == 0) continue;
        if (k != m) {
          H(k, k - 1) = -s * x;
        } else if (l != m) {
          H(k, k - 1) = -H(k, k - 1);
        }
        p += s;
        x = p / s;
        y = q / s;
        z = r / s;
        q /= p;
        r /= p;
        for (int64_t j = k; j < n; j++) {
          p = H(k, j) + q * H(k + 1, j);
          if (notlast) {
            p += r * H(k + 2, j);
            H(k + 2, j) -= p * z;
          }
          H(k, j) -= p * x;
          H(k + 1, j) -= p * y;
        }
        const int64_t imax = std::min(nn, k + 3);
        for (int64_t i = 0; i <= imax; i++) {
          p = x * H(i, k) + y * H(i, k + 1);
          if (notlast) {
            p += z * H(i, k + 2);
            H(i, k + 2) -= p * r;
          }
          H(i, k) -= p;
          H(i, k + 1) -= p * q;
        }
        for (int64_t i = low; i <= high; i++) {
          p = x * V(i, k) + y * V(i, k + 1);
          if (notlast) {
            p += z * V(i, k + 2);
            V(i, k + 2) -= p * r;
          }
          V(i, k) -= p;
          V(i, k + 1) -= p * q;
        }
      }
    }
  }
  for (int64_t i = 0; i < n; i++) w[i] = Cd{std::ldexp(d[i], -k2), std::ldexp(e[i], -k2)};
  if (!want) return 0;
  // Back substitution on the quasi-triangular form: each eigenvector of it
  // overwrites its column(s) of H (a complex pair: real part in the first column).
  if (norm != 0) {
    for (nn = n - 1; nn >= 0; nn--) {
      p = d[nn];
      q = e[nn];
      if (q == 0) {
        int64_t l = nn;
        H(nn, nn) = 1;
        for (int64_t i = nn - 1; i >= 0; i--) {
          ww = H(i, i) - p;
          r = 0;
          for (int64_t j = l; j <= nn; j++) r += H(i, j) * H(j, nn);
          if (e[i] < 0) {
            z = ww;
            s = r;
            continue;
          }
          l = i;
          if (e[i] == 0) {
            H(i, nn) = ww != 0 ? -r / ww : -r / (kEps * norm);
          } else {
            x = H(i, i + 1);
            y = H(i + 1, i);
            q = (d[i] - p) * (d[i] - p) + e[i] * e[i];
            t = (x * s - z * r) / q;
            H(i, nn) = t;
            H(i + 1, nn) = std::fabs(x) > std::fabs(z) ? (-r - ww * t) / x : (-s - y * t) / z;
          }
          // Overflow control.
          t = std::fabs(H(i, nn));
          if ((kEps * t) * t > 1) {
            for (int64_t j = i; j <= nn; j++) H(j, nn) /= t;
          }
        }
      } else if (q < 0) {
        int64_t l = nn - 1;
        if (std::fabs(H(nn, nn - 1)) > std::fabs(H(nn - 1, nn))) {
          H(nn - 1, nn - 1) = q / H(nn, nn - 1);
          H(nn - 1, nn) = -(H(nn, nn) - p) / H(nn, nn - 1);
        } else {
          const Cd c = Cdiv(Cd{0, -H(nn - 1, nn)}, Cd{H(nn - 1, nn - 1) - p, q});
          H(nn - 1, nn - 1) = c.real();
          H(nn - 1, nn) = c.imag();
        }
        H(nn, nn - 1) = 0;
        H(nn, nn) = 1;
        for (int64_t i = nn - 2; i >= 0; i--) {
          double ra = 0;
          double sa = 0;
          for (int64_t j = l; j <= nn; j++) {
            ra += H(i, j) * H(j, nn - 1);
            sa += H(i, j) * H(j, nn);
          }
          ww = H(i, i) - p;
          if (e[i] < 0) {
            z = ww;
            r = ra;
            s = sa;
            continue;
          }
          l = i;
          if (e[i] == 0) {
            const Cd c = Cdiv(Cd{-ra, -sa}, Cd{ww, q});
            H(i, nn - 1) = c.real();
            H(i, nn) = c.imag();
          } else {
            x = H(i, i + 1);
            y = H(i + 1, i);
            double vr = (d[i] - p) * (d[i] - p) + e[i] * e[i] - q * q;
            const double vi = (d[i] - p) * 2 * q;
            if (vr == 0 && vi == 0) vr = kEps * norm * (std::fabs(ww) + std::fabs(q) + std::fabs(x) + std::fabs(y) + std::fabs(z));
            const Cd c = Cdiv(Cd{x * r - z * ra + q * sa, x * s - z * sa - q * ra}, Cd{vr, vi});
            H(i, nn - 1) = c.real();
            H(i, nn) = c.imag();
            if (std::fabs(x) > std::fabs(z) + std::fabs(q)) {
              H(i + 1, nn - 1) = (-ra - ww * H(i, nn - 1) + q * H(i, nn)) / x;
              H(i + 1, nn) = (-sa - ww * H(i, nn) - q * H(i, nn - 1)) / x;
            } else {
              const Cd c2 = Cdiv(Cd{-r - y * H(i, nn - 1), -s - y * H(i, nn)}, Cd{z, q});
              H(i + 1, nn - 1) = c2.real();
              H(i + 1, nn) = c2.imag();
            }
          }
          t = std::max(std::fabs(H(i, nn - 1)), std::fabs(H(i, nn)));
          if ((kEps * t) * t > 1) {
            for (int64_t j = i; j <= nn; j++) {
              H(j, nn - 1) /= t;
              H(j, nn) /= t;
            }
          }
        }
      }
    }
  }
  // Back to the original basis: V · (the triangular form's eigenvectors).
  for (int64_t j = n - 1; j >= 0; j--) {
    for (int64_t i = 0; i < n; i++) {
      z = 0;
      for (int64_t k = 0; k <= j; k++) z += V(i, k) * H(k, j);
      V(i, j) = z;
    }
  }
  BalanceBack(bal, zv.data(), n);
  // Columns as complex vectors: a pair's (re, im) columns give λ = d + ie (e > 0) re + i·im, and
  // the conjugate vector to its conjugate.
  for (int64_t j = 0; j < n; j++) {
    if (e[j] > 0 && j + 1 < n) {
      for (int64_t i = 0; i < n; i++) {
        v[i * n + j] = Cd{V(i, j), V(i, j + 1)};
        v[i * n + j + 1] = Cd{V(i, j), -V(i, j + 1)};
      }
      j++;
    } else {
      for (int64_t i = 0; i < n; i++) v[i * n + j] = Cd{V(i, j), 0};
    }
  }
  Normalise(v, n, false);
  return 0;
}

// The complex eigenproblem of one n×n row-major matrix a (destroyed), as EigReal's.
int EigComplex(Cd* a, int64_t n, Cd* w, Cd* v, bool want) {
  // SAFETY: a holds n·n complex items = 2·n·n doubles (the caller checked the length).
  int k2 = 0;
  if (!PowerScale(reinterpret_cast<const double*>(a), 2 * n * n, &k2)) return -1;
  for (int64_t i = 0; i < n * n; i++) a[i] = Cd{std::ldexp(a[i].real(), k2), std::ldexp(a[i].imag(), k2)};
  const Balanced bal = Balance(a, n);
  auto H = [a, n](int64_t i, int64_t j) -> Cd& { return a[i * n + j]; };
  std::vector<Cd> zv(want ? n * n : 0);
  auto Z = [&zv, n](int64_t i, int64_t j) -> Cd& { return zv[i * n + j]; };
  for (int64_t i = 0; want && i < n; i++) Z(i, i) = 1;
  // Householder reduction to Hessenberg form: column k below k+1 to zero by
  // P = I - tau·u·uᴴ (zlarfg's reflector, u[0] = 1), A ← Pᴴ A P, Z ← Z P.
  std::vector<Cd> u(n);
  for (int64_t k = 0; k + 2 < n; k++) {
    const int64_t len = n - k - 1;
    double xnorm2 = 0;
    double scale = 0;
    for (int64_t i = k + 2; i < n; i++) scale = std::max(scale, Abs1(H(i, k)));
    if (scale == 0) continue;  // already zero below the subdiagonal (P = I)
    const Cd alpha = H(k + 1, k);
    scale = std::max(scale, Abs1(alpha));  // no square below overflows
    for (int64_t i = k + 2; i < n; i++) xnorm2 += std::norm(H(i, k) / scale);
    const double as = std::abs(alpha) / scale;
    const double beta = -std::copysign(scale * std::sqrt(as * as + xnorm2), alpha.real());
    const Cd tau{(beta - alpha.real()) / beta, -alpha.imag() / beta};
    const Cd inv = Cdiv(Cd{1, 0}, alpha - beta);
    u[0] = 1;
    for (int64_t i = 1; i < len; i++) u[i] = Mul(H(k + 1 + i, k), inv);
    H(k + 1, k) = beta;
    for (int64_t i = k + 2; i < n; i++) H(i, k) = 0;
    // Left: rows k+1.., columns k+1.. by Pᴴ = I - conj(tau) u uᴴ.
    const Cd ct = std::conj(tau);
    for (int64_t c = k + 1; c < n; c++) {
      Cd s{0, 0};
      for (int64_t i = 0; i < len; i++) s += Mul(std::conj(u[i]), H(k + 1 + i, c));
      const Cd f = Mul(ct, s);
      for (int64_t i = 0; i < len; i++) H(k + 1 + i, c) -= Mul(u[i], f);
    }
    // Right: columns k+1.. of every row by P = I - tau u uᴴ.
    for (int64_t r = 0; r < n; r++) {
      Cd s{0, 0};
      for (int64_t i = 0; i < len; i++) s += Mul(H(r, k + 1 + i), u[i]);
      const Cd f = Mul(s, tau);
      for (int64_t i = 0; i < len; i++) H(r, k + 1 + i) -= Mul(f, std::conj(u[i]));
      if (want) {
        Cd sz{0, 0};
        for (int64_t i = 0; i < len; i++) sz += Mul(Z(r, k + 1 + i), u[i]);
        const Cd fz = Mul(sz, tau);
        for (int64_t i = 0; i < len; i++) Z(r, k + 1 + i) -= Mul(fz, std::conj(u[i]));
      }
    }
  }
  double norm = 0;
  for (int64_t i = 0; i < n; i++) {
    for (int64_t j = std::max<int64_t>(i - 1, 0); j < n; j++) norm += Abs1(H(i, j));
  }
  // Single-shift QR on the active block [l, hi] by Givens rotations, the
  // whole rows and columns updated (the Schur form T is needed for the vectors).
  int64_t hi = n - 1;
  int iter = 0;
  while (hi > 0) {
    int64_t l = hi;
    while (l > 0) {
      double s = Abs1(H(l - 1, l - 1)) + Abs1(H(l, l));
      if (s == 0) s = norm;
      if (Abs1(H(l, l - 1)) <= kEps * s) {
        H(l, l - 1) = 0;
        break;
      }
      l--;
    }
    if (l == hi) {
      hi--;
      iter = 0;
      continue;
    }
    if (++iter > kMaxIter) return 1;
    Cd mu;
    if (iter % 10 == 0) {
      // Exceptional shift (zlahqr's): breaks a cycle of the Wilkinson shift.
      mu = H(hi, hi) + 0.75 * std::fabs(H(hi, hi - 1).real());
    } else {
      // Wilkinson's shift: the eigenvalue of the trailing 2×2 nearer H(hi, hi).
      const Cd a11 = H(hi - 1, hi - 1);
      const Cd a22 = H(hi, hi);
      const Cd half = (a11 - a22) * 0.5;
      const Cd disc = std::sqrt(Mul(half, half) + Mul(H(hi - 1, hi), H(hi, hi - 1)));
      const Cd m1 = a22 + half + disc;
      const Cd m2 = a22 + half - disc;
      mu = std::abs(m1 - a22) <= std::abs(m2 - a22) ? m1 : m2;
    }
    Cd x = H(l, l) - mu;
    Cd y = H(l + 1, l);
    for (int64_t k = l; k < hi; k++) {
      if (k > l) {
        x = H(k, k - 1);
        y = H(k + 1, k - 1);
      }
      // G = [[c, s], [-conj(s), c]] with G·(x, y) = (ρ, 0).
      const double ax = std::abs(x);
      const double ay = std::abs(y);
      const double nrm = std::hypot(ax, ay);
      if (nrm == 0) continue;
      double c = 0;
      Cd s{1, 0};
      if (ax == 0) {
        s = std::conj(y) / ay;
      } else {
        c = ax / nrm;
        s = Mul(x / ax, std::conj(y)) / nrm;
      }
      const Cd cs = std::conj(s);
      for (int64_t j = (k > l ? k - 1 : l); j < n; j++) {
        const Cd h1 = H(k, j);
        const Cd h2 = H(k + 1, j);
        H(k, j) = c * h1 + Mul(s, h2);
        H(k + 1, j) = c * h2 - Mul(cs, h1);
      }
      if (k > l) H(k + 1, k - 1) = 0;
      const int64_t rmax = std::min(k + 2, hi);
      for (int64_t i = 0; i <= rmax; i++) {
        const Cd h1 = H(i, k);
        const Cd h2 = H(i, k + 1);
        H(i, k) = c * h1 + Mul(cs, h2);
        H(i, k + 1) = c * h2 - Mul(s, h1);
      }
      for (int64_t i = 0; want && i < n; i++) {
        const Cd z1 = Z(i, k);
        const Cd z2 = Z(i, k + 1);
        Z(i, k) = c * z1 + Mul(cs, z2);
        Z(i, k + 1) = c * z2 - Mul(s, z1);
      }
    }
  }
  for (int64_t i = 0; i < n; i++) w[i] = Cd{std::ldexp(H(i, i).real(), -k2), std::ldexp(H(i, i).imag(), -k2)};
  if (!want) return 0;
  // ztrevc: for each k, x with x[k] = 1 solving (T - λk)x = 0 above it by
  // back substitution (a tiny pivot raised to smin, as LAPACK's); v = Z x.
  const double smin = std::max(kEps * norm, std::numeric_limits<double>::min() / kEps);
  std::vector<Cd> xs(n);
  for (int64_t k = n - 1; k >= 0; k--) {
    const Cd lam = H(k, k);
    std::fill(xs.begin(), xs.end(), Cd{0, 0});
    xs[k] = 1;
    for (int64_t i = k - 1; i >= 0; i--) {
      Cd s{0, 0};
      for (int64_t j = i + 1; j <= k; j++) s += Mul(H(i, j), xs[j]);
      Cd den = H(i, i) - lam;
      if (Abs1(den) < smin) den = smin;
      xs[i] = Cdiv(-s, den);
      // Overflow control: rescale the partial vector when it grows large.
      const double big = Abs1(xs[i]);
      if (big > 1e100) {
        for (int64_t j = i; j <= k; j++) xs[j] /= big;
      }
    }
    for (int64_t r = 0; r < n; r++) {
      Cd s{0, 0};
      for (int64_t j = 0; j <= k; j++) s += Mul(Z(r, j), xs[j]);
      v[r * n + k] = s;
    }
  }
  BalanceBack(bal, v, n);
  Normalise(v, n, true);
  return 0;
}

// linalgEig(type, A, W, V, info, n, want, count): per n×n row-major matrix
// of A (type 0 float64, 1 complex128 as (re, im) pairs; destroyed), W (n
// complex eigenvalues) and, when want, V (n×n complex, eigenvectors as
// columns); info per matrix 0, 1 (no convergence) or -1 (non-finite input).
Napi::Value LinalgEig(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t type = 0;
  int64_t n = 0;
  int64_t count = 0;
  if (info.Length() != 8 || !ToInt(info[0], &type) || !ToInt(info[5], &n) || !info[6].IsBoolean() || !ToInt(info[7], &count)) {
    ThrowType(env, "linalgEig(type, A, W, V, info, n, want, count): bad arguments");
    return env.Undefined();
  }
  if (type != 0 && type != 1) {
    ThrowRange(env, "linalgEig: type must be 0 (float64) or 1 (complex128)");
    return env.Undefined();
  }
  const bool want = info[6].As<Napi::Boolean>().Value();
  const int64_t items = Items(env, "linalgEig", count, n, n, type == 0 ? 1 : 2);
  if (items < 0) return env.Undefined();
  const int64_t vItems = want ? Items(env, "linalgEig", count, n, n, 2) : 0;
  if (vItems < 0) return env.Undefined();
  double* a = Typed<double>(env, info[1], napi_float64_array, items, "linalgEig", "A");
  if (env.IsExceptionPending()) return env.Undefined();
  double* w = Typed<double>(env, info[2], napi_float64_array, count * n * 2, "linalgEig", "W");
  if (env.IsExceptionPending()) return env.Undefined();
  double* v = Typed<double>(env, info[3], napi_float64_array, vItems, "linalgEig", "V");
  if (env.IsExceptionPending()) return env.Undefined();
  int32_t* inf = Typed<int32_t>(env, info[4], napi_int32_array, count, "linalgEig", "info");
  if (env.IsExceptionPending() || count == 0 || n == 0) return env.Undefined();
  // SAFETY: lengths checked by Typed: A count·n·n items (doubles, or complex
  // as 2 doubles), W count·n complex and V (when want) count·n·n complex as
  // (re, im) double pairs, which std::complex<double> is laid out as.
  Cd* we = reinterpret_cast<Cd*>(w);
  Cd* ve = reinterpret_cast<Cd*>(v);
  Cd* ae = reinterpret_cast<Cd*>(a);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int64_t t = 0; t < count; t++) {
    Cd* vt = want ? ve + t * n * n : nullptr;
    inf[t] = type == 0 ? EigReal(a + t * n * n, n, we + t * n, vt, want) : EigComplex(ae + t * n * n, n, we + t * n, vt, want);
    if (inf[t] == 0) continue;
    std::fill(we + t * n, we + (t + 1) * n, Cd{nan, nan});
    if (want) std::fill(vt, vt + n * n, Cd{nan, nan});
  }
  return env.Undefined();
}

}  // namespace

void InitLinalgEig(Napi::Env env, Napi::Object exports) {
  exports.Set("linalgEig", Napi::Function::New<LinalgEig>(env, "linalgEig"));
}

}  // namespace mmarray
