// NumPy's reduce and accumulate calls of a binary loop, run with the running
// value in a register: one header for the core loops (ufunc_kernels.cc) and
// the scalar math loops (ufunc_math.cc), whose BinaryChunks both take them.
#ifndef MMARRAY_FOLD_FORM_H_
#define MMARRAY_FOLD_FORM_H_

#include <cstdint>

namespace mmarray {

// Runs a call of op F over n items when it is one of NumPy's fold forms, and
// returns true; false (nothing done) for any other call:
// - a reduction: in[0] and the output are the same accumulator at stride 0;
// - an accumulation: the output is in[0] one item on, at the same stride.
// The same operations in the same order as the element-by-element loop
// (out[i] = F(a[i], b[i]), each read before its write), without storing and
// reading back the running value each item
// (index_kernels.cc ufuncAccumulate/ufuncReduceat).
// SAFETY: the caller's contract for the chunk: a, b and o address n items at
// their strides (counted in items) in checked memory; the items touched are
// the very ones that loop would touch.
template <class F, class T>
inline bool RunFoldForm(int64_t n, const T* a, int64_t sa, const T* b, int64_t sb, T* o, int64_t so) {
  if (so == 0 && sa == 0 && a == o) {
    T acc = *a;
    for (int64_t i = 0; i < n; i++) acc = F::Apply(acc, b[i * sb]);
    *o = acc;
    return true;
  }
  if (sa == so && sa != 0 && a + sa == o) {
    T acc = *a;
    for (int64_t i = 0; i < n; i++) o[i * so] = acc = F::Apply(acc, b[i * sb]);
    return true;
  }
  return false;
}

// Items b[0 .. n) (n >= L) folded by F in L running values (item i into lane
// i mod L, whole rounds of L only), the lanes then folded in order, then the
// rest of the items one by one: for a fold whose value does not depend on
// how its items are grouped (the callers say which), L independent chains the
// compiler turns into vector code. Also built for AVX2 and x86-64-v4, picked
// at load time.
// SAFETY: the caller's: b addresses n items in checked memory.
#if defined(__x86_64__)
#define MMARRAY_FOLD_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define MMARRAY_FOLD_CLONES
#endif
template <class F, class T, int L>
MMARRAY_FOLD_CLONES T FoldInLanes(const T* __restrict b, int64_t n) {
  T lane[L];
  for (int k = 0; k < L; k++) lane[k] = b[k];
  int64_t i = L;
  for (; i + L <= n; i += L) {
    for (int k = 0; k < L; k++) lane[k] = F::Apply(lane[k], b[i + k]);
  }
  T items = lane[0];
  for (int k = 1; k < L; k++) items = F::Apply(items, lane[k]);
  for (; i < n; i++) items = F::Apply(items, b[i]);
  return items;
}
#undef MMARRAY_FOLD_CLONES

// The fewest items RegroupedFold takes (a shorter fold runs in order).
constexpr int64_t kRegroupedFoldMin = 16;

// Items b[0 .. n) (n >= kRegroupedFoldMin) folded by F in lanes: 32 (four
// AVX-512 vectors of 64-bit items: four chains in flight) for a long fold,
// 8 for a short one (reduceat's groups), where folding 32 lanes together
// cost more than the rounds saved (maximum.reduceat over 100-item groups:
// 3.8 ns an item with 32 lanes).
template <class F, class T>
inline T RegroupedFold(const T* b, int64_t n) {
  return n >= 512 ? FoldInLanes<F, T, 32>(b, n) : FoldInLanes<F, T, 8>(b, n);
}

}  // namespace mmarray

#endif  // MMARRAY_FOLD_FORM_H_
