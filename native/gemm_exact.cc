// See gemm_exact.h. Each loop runs i, then a block of C's columns (kept in
// L1), then p, then j: one element's sum still runs over p in order.
#include "gemm_exact.h"

#include <algorithm>
#include <type_traits>

namespace mmarray {
namespace {

constexpr int64_t kBlockBytes = 16 * 1024;  // the C row block the p loop sweeps

// U: the item's unsigned type; products and sums in W (at least 32 bits,
// unsigned: no promotion to int, so the wrap is defined), stored back as U.
template <typename U>
__attribute__((target_clones("avx2", "default"))) void Wrap(const U* a, const U* b, U* c, int64_t n, int64_t k, int64_t m) {
  typedef typename std::conditional<sizeof(U) == 8, uint64_t, uint32_t>::type W;
  const int64_t jb = std::max<int64_t>(16, kBlockBytes / int64_t(sizeof(U)));
  for (int64_t i = 0; i < n; i++) {
    U* cr = c + i * m;
    for (int64_t j0 = 0; j0 < m; j0 += jb) {
      const int64_t je = std::min(m, j0 + jb);
      std::fill(cr + j0, cr + je, U(0));
      for (int64_t p = 0; p < k; p++) {
        const W av = a[i * k + p];
        if (av == 0) continue;
        // SAFETY: p < k and je <= m: row p of B, columns [j0, je).
        const U* br = b + p * m;
        for (int64_t j = j0; j < je; j++) cr[j] = U(W(cr[j]) + av * W(br[j]));
      }
    }
  }
}

// T: the stored float type; every product and sum in double, each sum stored as T.
template <typename T>
__attribute__((target_clones("avx2", "default"))) void Complex(const T* a, const T* b, T* c, int64_t n, int64_t k, int64_t m) {
  const int64_t jb = std::max<int64_t>(16, kBlockBytes / int64_t(2 * sizeof(T)));
  for (int64_t i = 0; i < n; i++) {
    T* cr = c + 2 * i * m;
    for (int64_t j0 = 0; j0 < m; j0 += jb) {
      const int64_t je = std::min(m, j0 + jb);
      std::fill(cr + 2 * j0, cr + 2 * je, T(0));
      for (int64_t p = 0; p < k; p++) {
        const double are = a[2 * (i * k + p)];
        const double aim = a[2 * (i * k + p) + 1];
        // SAFETY: p < k and je <= m: the (re, im) pairs of row p of B, columns [j0, je).
        const T* br = b + 2 * p * m;
        for (int64_t j = j0; j < je; j++) {
          const double bre = br[2 * j];
          const double bim = br[2 * j + 1];
          const double re = are * bre - aim * bim;
          const double im = are * bim + aim * bre;
          cr[2 * j] = T(double(cr[2 * j]) + re);
          cr[2 * j + 1] = T(double(cr[2 * j + 1]) + im);
        }
      }
    }
  }
}

}  // namespace

void GemmWrap8(const uint8_t* a, const uint8_t* b, uint8_t* c, int64_t n, int64_t k, int64_t m) { Wrap(a, b, c, n, k, m); }
void GemmWrap16(const uint16_t* a, const uint16_t* b, uint16_t* c, int64_t n, int64_t k, int64_t m) { Wrap(a, b, c, n, k, m); }
void GemmWrap32(const uint32_t* a, const uint32_t* b, uint32_t* c, int64_t n, int64_t k, int64_t m) { Wrap(a, b, c, n, k, m); }
void GemmWrap64(const uint64_t* a, const uint64_t* b, uint64_t* c, int64_t n, int64_t k, int64_t m) { Wrap(a, b, c, n, k, m); }
void GemmComplex128(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) { Complex(a, b, c, n, k, m); }
void GemmComplex64(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) { Complex(a, b, c, n, k, m); }

void GemmBool(const uint8_t* a, const uint8_t* b, uint8_t* c, int64_t n, int64_t k, int64_t m) {
  for (int64_t i = 0; i < n; i++) {
    uint8_t* cr = c + i * m;
    std::fill(cr, cr + m, uint8_t(0));
    for (int64_t p = 0; p < k; p++) {
      if (a[i * k + p] == 0) continue;
      // SAFETY: p < k: row p of B, m items.
      const uint8_t* br = b + p * m;
      for (int64_t j = 0; j < m; j++) cr[j] = uint8_t(cr[j] | (br[j] != 0));
    }
  }
}

}  // namespace mmarray
