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

}  // namespace mmarray

#endif  // MMARRAY_FOLD_FORM_H_
