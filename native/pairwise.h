// NumPy's pairwise summation (its umath loops, PW_BLOCKSIZE 128) in double,
// addition for addition: the one native home of the order that kernels.cc's
// sums and index_kernels.cc's axis sums share. lib/reduce.ts `pairwiseSum`
// is its JS mirror; the results must stay bit-identical.
#ifndef MMARRAY_PAIRWISE_H_
#define MMARRAY_PAIRWISE_H_

#include <cstdint>

namespace mmarray {

// n contiguous, aligned, native-order doubles: the same additions on a plain
// pointer, so the eight accumulators become vector lanes (lane j is still
// r[j]; vector adds are IEEE adds, so the bits do not change). Built for
// AVX2 and baseline (pairwise.cc).
// SAFETY: callers pass n doubles inside memory they bounds-checked, with `a`
// aligned (checked where it is cast from bytes).
double PairwiseContiguous(const double* a, int64_t n);

// The same for n contiguous, aligned, native-order floats in float32
// accumulators: NumPy's float32 sum (its pairwise loop runs in the item type).
float PairwiseContiguousF4(const float* a, int64_t n);

// n items from p at byte stride s, each read as an Acc (double, or float for
// NumPy's float32 sums) by load(q), added in Acc.
// SAFETY: callers pass a row whose n items (p + i * s, 0 <= i < n) lie in
// memory they bounds-checked; every address formed here is one of those,
// except the prefetch hint, which never faults and is never read.
template <class Acc, class Load>
Acc PairwiseStridedIn(const uint8_t* p, int64_t n, int64_t s, Load load) {
  if (n < 8) {
    // From -0.0, as NumPy's leaf: only -0 items then sum to -0 (0 + -0 is 0).
    Acc res = -0.0;
    for (int64_t i = 0; i < n; i++) res += load(p + i * s);
    return res;
  }
  if (n <= 128) {
    Acc r[8];
    for (int j = 0; j < 8; j++) r[j] = load(p + j * s);
    int64_t i;
    for (i = 8; i < n - (n % 8); i += 8) {
      const uint8_t* q = p + i * s;
      // As NumPy's loop does: strided reads defeat the hardware prefetcher,
      // so ask 64 items ahead (64 * s fits: |s| < 2^53).
      __builtin_prefetch(q + 64 * s, 0, 3);
      for (int j = 0; j < 8; j++) r[j] += load(q + j * s);
    }
    Acc res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += load(p + i * s);
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return PairwiseStridedIn<Acc>(p, n2, s, load) + PairwiseStridedIn<Acc>(p + n2 * s, n - n2, s, load);
}

// Doubles: the order every float64 sum shares.
template <class Load>
double PairwiseStrided(const uint8_t* p, int64_t n, int64_t s, Load load) {
  return PairwiseStridedIn<double>(p, n, s, load);
}

}  // namespace mmarray

#endif  // MMARRAY_PAIRWISE_H_
