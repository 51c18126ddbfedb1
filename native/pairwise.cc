#include "pairwise.h"

namespace mmarray {

namespace {

// NumPy's pairwise leaf: n <= 128 items, eight accumulators.
template <class T>
__attribute__((always_inline)) inline T Leaf(const T* a, int64_t n) {
  if (n < 8) {
    // From -0.0, as NumPy's leaf: only -0 items then sum to -0 (0 + -0 is 0).
    T res = -0.0;
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

// NumPy's recursion P(a, n) = P(a, L) + P(a + L, n - L), L = PairwiseLeftOf(n),
// walked with an explicit stack instead of calls: a 6 GiB sum has ~13M
// nodes, and each recursive call of a target_clones function goes through
// its ifunc. The leaves are visited left to right and every node adds its
// left sum to its right sum, as the recursion does, so the bits are the same.
// SAFETY: see pairwise.h; only a[0, n) is read (the leaves tile it in order).
template <class T>
__attribute__((always_inline)) inline T Tree(const T* a, int64_t n) {
  if (n <= 128) return Leaf(a, n);
  // A node's state: 0 = not entered, 1 = left child running, 2 = right
  // child running (left sum kept). Each level at least halves n, so 64
  // levels hold any int64 count.
  int64_t size[64];
  T left[64];
  int state[64];
  int top = 0;
  size[0] = n;
  state[0] = 0;
  const T* p = a;
  T ret = 0;
  for (;;) {
    int64_t m = size[top];
    if (m <= 128) {
      ret = Leaf(p, m);
      p += m;
      // Hand the sum up: a left child's parent starts its right child; a
      // right child's parent adds and hands its own sum up.
      for (;;) {
        if (--top < 0) return ret;
        if (state[top] == 1) {
          left[top] = ret;
          state[top] = 2;
          size[top + 1] = size[top] - PairwiseLeftOf(size[top]);
          state[top + 1] = 0;
          ++top;
          break;
        }
        ret = left[top] + ret;
      }
    } else {
      state[top] = 1;
      size[top + 1] = PairwiseLeftOf(m);
      state[top + 1] = 0;
      ++top;
    }
  }
}

}  // namespace

__attribute__((target_clones("avx2", "default")))
double PairwiseContiguous(const double* a, int64_t n) { return Tree(a, n); }

__attribute__((target_clones("avx2", "default")))
float PairwiseContiguousF4(const float* a, int64_t n) { return Tree(a, n); }

}  // namespace mmarray
