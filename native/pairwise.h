// NumPy's pairwise summation (its umath loops, PW_BLOCKSIZE 128) in double,
// addition for addition: the one native home of the order that kernels.cc's
// sums and index_kernels.cc's axis sums share. lib/reduce.ts `pairwiseSum`
// is its JS mirror; the results must stay bit-identical.
#ifndef MMARRAY_PAIRWISE_H_
#define MMARRAY_PAIRWISE_H_

#include <cstddef>
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

// n items from p at byte stride s, each read as an Acc (below).
template <class Acc, class Load>
Acc PairwiseStridedIn(const uint8_t* p, int64_t n, int64_t s, Load load);

// NumPy's leaf (n <= 128 items, eight accumulators) and, for a node of two
// leaves (129..256 items), those summed in one loop: the same additions into
// the same accumulators in the same order, so the bits are the same, but 16
// independent chains of adds instead of 8. A single leaf's eight chains bound
// it at half a cycle per item, and over a stride-16 field that left the loads
// of one leaf too few to keep the memory busy (W9's field sum of a 2 GiB
// file, C++ harness, CPU time, on the Intel VM: 127 ms one leaf at a time,
// 116 ms two at once, NumPy 114-120 ms). On the AMD VM the same loop over
// that field ran at half the speed of plain leaves without hints, so rows
// whose items are at most a cache line apart take PairwiseNearIn instead.
template <class Acc, bool Prefetch = true, class Load>
__attribute__((always_inline)) inline Acc PairwiseLeafIn(const uint8_t* p, int64_t n, int64_t s, Load load) {
  if (n < 8) {
    // From -0.0, as NumPy's leaf: only -0 items then sum to -0 (0 + -0 is 0).
    Acc res = -0.0;
    for (int64_t i = 0; i < n; i++) res += load(p + i * s);
    return res;
  }
  Acc r[8];
  for (int j = 0; j < 8; j++) r[j] = load(p + j * s);
  int64_t i;
  for (i = 8; i < n - (n % 8); i += 8) {
    const uint8_t* q = p + i * s;
    // As NumPy's loop does: strided reads defeat the hardware prefetcher,
    // so ask 64 items ahead (64 * s fits: |s| < 2^53).
    if constexpr (Prefetch) __builtin_prefetch(q + 64 * s, 0, 3);
    for (int j = 0; j < 8; j++) r[j] += load(q + j * s);
  }
  Acc res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (; i < n; i++) res += load(p + i * s);
  return res;
}

// NumPy's split of a node of n > 128 items: the left part, a multiple of 8.
inline int64_t PairwiseLeftOf(int64_t n) {
  int64_t n2 = n / 2;
  return n2 - n2 % 8;
}

// A node of n > 128 items whose right part m = n - n2 is a leaf too
// (m <= 128, n2 = PairwiseLeftOf(n): 64..128 items, a multiple of 8, so no
// tail; n2 <= m). The loop over their common first n2 items runs both
// leaves; the right one then finishes alone, as PairwiseLeafIn would.
// SAFETY: as PairwiseStridedIn; every address is p + i * s with 0 <= i < n.
template <class Acc, class Load>
__attribute__((always_inline)) inline Acc PairwiseTwoLeavesIn(const uint8_t* p, int64_t n, int64_t s, Load load) {
  int64_t n2 = PairwiseLeftOf(n), m = n - n2;
  const uint8_t* p2 = p + n2 * s;
  Acc r[8], t[8];
  for (int j = 0; j < 8; j++) {
    r[j] = load(p + j * s);
    t[j] = load(p2 + j * s);
  }
  int64_t i;
  for (i = 8; i < n2; i += 8) {
    const uint8_t* q = p + i * s;
    const uint8_t* q2 = p2 + i * s;
    __builtin_prefetch(q + 64 * s, 0, 3);
    __builtin_prefetch(q2 + 64 * s, 0, 3);
    for (int j = 0; j < 8; j++) {
      r[j] += load(q + j * s);
      t[j] += load(q2 + j * s);
    }
  }
  for (; i < m - (m % 8); i += 8) {
    const uint8_t* q2 = p2 + i * s;
    __builtin_prefetch(q2 + 64 * s, 0, 3);
    for (int j = 0; j < 8; j++) t[j] += load(q2 + j * s);
  }
  Acc left = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  Acc right = ((t[0] + t[1]) + (t[2] + t[3])) + ((t[4] + t[5]) + (t[6] + t[7]));
  for (; i < m; i++) right += load(p2 + i * s);
  return left + right;
}

// Items at most a cache line apart (|s| <= 64): every line of the row is
// read, in order, which the hardware prefetchers follow by themselves. There
// the leaves run one at a time with no prefetch hints: on the AMD EPYC VM
// (C++ harness, a 2 GiB file of 16-byte records, best of 4) the hints and the
// two-leaf loop cost 1.63 ns per item against 0.63 without either (NumPy's
// loop, with its hints, 0.78); from 128-byte strides on they are worth
// keeping (1,024: 9.1-11.0 ns with them, 13.0 without).
// SAFETY: as PairwiseStridedIn.
template <class Acc, class Load>
Acc PairwiseNearIn(const uint8_t* p, int64_t n, int64_t s, Load load) {
  if (n <= 128) return PairwiseLeafIn<Acc, false>(p, n, s, load);
  int64_t n2 = PairwiseLeftOf(n);
  return PairwiseNearIn<Acc>(p, n2, s, load) + PairwiseNearIn<Acc>(p + n2 * s, n - n2, s, load);
}

// n items from p at byte stride s, each read as an Acc (double, or float for
// NumPy's float32 sums) by load(q), added in Acc.
// SAFETY: callers pass a row whose n items (p + i * s, 0 <= i < n) lie in
// memory they bounds-checked; every address formed here is one of those,
// except the prefetch hints, which never fault and are never read.
template <class Acc, class Load>
Acc PairwiseStridedIn(const uint8_t* p, int64_t n, int64_t s, Load load) {
  if (s >= -64 && s <= 64) return PairwiseNearIn<Acc>(p, n, s, load);
  if (n <= 128) return PairwiseLeafIn<Acc>(p, n, s, load);
  int64_t n2 = PairwiseLeftOf(n);
  if (n - n2 <= 128) return PairwiseTwoLeavesIn<Acc>(p, n, s, load);
  return PairwiseStridedIn<Acc>(p, n2, s, load) + PairwiseStridedIn<Acc>(p + n2 * s, n - n2, s, load);
}

// NumPy's iterator buffer (np.getbufsize(): 8192 items), which a float sum
// fills when it buffers (a cast, an unaligned or byte-swapped layout, or a
// walk of two or more rows shorter than the buffer).
constexpr int64_t kNumpyBufferItems = 8192;

// How that buffer is filled over a walk of `shape` (innermost axis last)
// whose rows are shorter than it: the "core" is the innermost axes whose
// items fit in the buffer together; a buffer holds `per` items (whole cores,
// as many as fit) and none crosses a multiple of `span` items (a step of the
// axis outside the core). A walk that fits whole is one buffer. Each buffer
// is summed pairwise; the buffer sums are added in order. lib/buffered-sum.ts
// `bufferSpan` is its JS mirror.
struct BufferSpan {
  int64_t per;
  int64_t span;
};
inline BufferSpan BufferSpanOf(const int64_t* shape, size_t nd) {
  int64_t core = nd == 0 ? 1 : shape[nd - 1];
  size_t k = nd == 0 ? 0 : nd - 1;
  // core * shape[k - 1] <= 8192 * 8192: no overflow (core <= 8192 before).
  while (k > 0 && shape[k - 1] <= kNumpyBufferItems && core * shape[k - 1] <= kNumpyBufferItems) core *= shape[--k];
  if (k == 0) return {core, core};
  return {kNumpyBufferItems / core * core, core * shape[k - 1]};
}

// Doubles: the order every float64 sum shares.
template <class Load>
double PairwiseStrided(const uint8_t* p, int64_t n, int64_t s, Load load) {
  return PairwiseStridedIn<double>(p, n, s, load);
}

}  // namespace mmarray

#endif  // MMARRAY_PAIRWISE_H_
