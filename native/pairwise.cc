#include "pairwise.h"

#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mmarray {

namespace {

// NumPy's pairwise leaf: n <= 128 items, eight accumulators.
template <class T>
__attribute__((always_inline)) inline T Leaf(const T* a, int64_t n) {
  if (n < 8) {
    T res = 0;
    for (int64_t i = 0; i < n; i++) res += a[i];
    return res;
  }
  T r[8];
  for (int j = 0; j < 8; j++) r[j] = a[j];
  int64_t i;
  for (i = 8; i < n - (n % 8); i += 8) {
    for (int j = 0; j < 8; j++) r[j] += a[i + j];
  }
  T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (; i < n; i++) res += a[i];
  return res;
}

// NumPy's split of a node of n > 128 items: the left part, a multiple of 8.
inline int64_t LeftOf(int64_t n) {
  int64_t n2 = n / 2;
  return n2 - n2 % 8;
}

// NumPy's recursion P(i, n) = P(i, LeftOf(n)) + P(i + LeftOf(n), n - LeftOf(n))
// over items [0, n), walked with an explicit stack instead of calls: a
// 6 GiB sum has ~13M nodes, and each recursive call of a target_clones
// function goes through its ifunc. The leaves (leaf(first, m) sums items
// [first, first + m), m <= 128) are visited left to right and every node
// adds its left sum to its right sum, as the recursion does, so the bits are
// the same.
template <class T, class LeafFn>
__attribute__((always_inline)) inline T TreeOf(int64_t n, LeafFn leaf) {
  if (n <= 128) return leaf(0, n);
  // A node's state: 0 = not entered, 1 = left child running, 2 = right
  // child running (left sum kept). Each level at least halves n, so 64
  // levels hold any int64 count.
  int64_t size[64];
  T left[64];
  int state[64];
  int top = 0;
  size[0] = n;
  state[0] = 0;
  int64_t at = 0;
  T ret = 0;
  for (;;) {
    int64_t m = size[top];
    if (m <= 128) {
      ret = leaf(at, m);
      at += m;
      // Hand the sum up: a left child's parent starts its right child; a
      // right child's parent adds and hands its own sum up.
      for (;;) {
        if (--top < 0) return ret;
        if (state[top] == 1) {
          left[top] = ret;
          state[top] = 2;
          size[top + 1] = size[top] - LeftOf(size[top]);
          state[top + 1] = 0;
          ++top;
          break;
        }
        ret = left[top] + ret;
      }
    } else {
      state[top] = 1;
      size[top + 1] = LeftOf(m);
      state[top + 1] = 0;
      ++top;
    }
  }
}

// SAFETY: see pairwise.h; only a[0, n) is read (the leaves tile it in order).
template <class T>
__attribute__((always_inline)) inline T Tree(const T* a, int64_t n) {
  return TreeOf<T>(n, [a](int64_t first, int64_t m) { return Leaf(a + first, m); });
}

// One double at p (any alignment).
inline double LoadDouble(const uint8_t* p) {
  double v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

#if defined(__x86_64__)
// Items i .. i + 7 of a 16-byte stride from p + 16 * i, in lanes 0..7: two
// masked loads of the even lanes (the items; the odd lanes, the 8 bytes
// after each item, are never read, so the last item's successor gap is never
// touched) and one permute.
// SAFETY: the caller passes q = p + 16 * i with items i .. i + 7 inside the
// row it was given; masked-off lanes are not accessed and cannot fault.
__attribute__((target("avx512f"), always_inline)) inline __m512d LoadStride16x8(const uint8_t* q) {
  const __m512i even = _mm512_setr_epi64(0, 2, 4, 6, 8, 10, 12, 14);
  __m512d lo = _mm512_maskz_loadu_pd(0x55, q);
  __m512d hi = _mm512_maskz_loadu_pd(0x55, q + 64);
  return _mm512_permutex2var_pd(lo, even, hi);
}

// Leaf (above) over n <= 128 items of a 16-byte stride: lane j of one
// vector is r[j], and each lane adds the same items in the same order (IEEE
// adds, so the bits are NumPy's).
__attribute__((target("avx512f"))) double LeafStride16(const uint8_t* p, int64_t n) {
  if (n < 8) {
    double res = 0;
    for (int64_t i = 0; i < n; i++) res += LoadDouble(p + i * 16);
    return res;
  }
  __m512d r = LoadStride16x8(p);
  int64_t i;
  for (i = 8; i < n - (n % 8); i += 8) r = _mm512_add_pd(r, LoadStride16x8(p + i * 16));
  alignas(64) double v[8];
  _mm512_store_pd(v, r);
  double res = ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
  for (; i < n; i++) res += LoadDouble(p + i * 16);
  return res;
}

__attribute__((target("avx512f"))) double PairwiseStride16Avx512(const uint8_t* p, int64_t n) {
  return TreeOf<double>(n, [p](int64_t first, int64_t m) { return LeafStride16(p + first * 16, m); });
}

// Items i .. i + 3 of a 16-byte stride in lanes 0..3 (AVX2): masked loads of
// items i, i + 1 and i + 2, i + 3 in lanes 0 and 2, interleaved ([i, i + 2,
// i + 1, i + 3]) and put in order. SAFETY: as LoadStride16x8, for 4 items.
__attribute__((target("avx2"), always_inline)) inline __m256d LoadStride16x4(const uint8_t* q) {
  const __m256i even = _mm256_setr_epi64x(-1, 0, -1, 0);
  __m256d a = _mm256_maskload_pd(reinterpret_cast<const double*>(q), even);
  __m256d b = _mm256_maskload_pd(reinterpret_cast<const double*>(q + 32), even);
  return _mm256_permute4x64_pd(_mm256_unpacklo_pd(a, b), 0xD8);
}

// LeafStride16 in two AVX2 vectors: lanes r[0..3] and r[4..7].
__attribute__((target("avx2"))) double LeafStride16Avx2(const uint8_t* p, int64_t n) {
  if (n < 8) {
    double res = 0;
    for (int64_t i = 0; i < n; i++) res += LoadDouble(p + i * 16);
    return res;
  }
  __m256d lo = LoadStride16x4(p);
  __m256d hi = LoadStride16x4(p + 64);
  int64_t i;
  for (i = 8; i < n - (n % 8); i += 8) {
    lo = _mm256_add_pd(lo, LoadStride16x4(p + i * 16));
    hi = _mm256_add_pd(hi, LoadStride16x4(p + i * 16 + 64));
  }
  alignas(32) double v[8];
  _mm256_store_pd(v, lo);
  _mm256_store_pd(v + 4, hi);
  double res = ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
  for (; i < n; i++) res += LoadDouble(p + i * 16);
  return res;
}

double PairwiseStride16Avx2(const uint8_t* p, int64_t n) {
  return TreeOf<double>(n, [p](int64_t first, int64_t m) { return LeafStride16Avx2(p + first * 16, m); });
}
#endif

double PairwiseStride16Plain(const uint8_t* p, int64_t n) { return PairwiseStrided(p, n, 16, LoadDouble); }

using Stride16Fn = double (*)(const uint8_t* p, int64_t n);

Stride16Fn PickStride16() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return PairwiseStride16Avx512;
  if (__builtin_cpu_supports("avx2")) return PairwiseStride16Avx2;
#endif
  return PairwiseStride16Plain;
}

}  // namespace

__attribute__((target_clones("avx2", "default")))
double PairwiseContiguous(const double* a, int64_t n) { return Tree(a, n); }

__attribute__((target_clones("avx2", "default")))
float PairwiseContiguousF4(const float* a, int64_t n) { return Tree(a, n); }

double PairwiseStride16(const uint8_t* p, int64_t n) {
  static const Stride16Fn fn = PickStride16();
  return fn(p, n);
}

}  // namespace mmarray
