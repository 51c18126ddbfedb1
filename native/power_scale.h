// The power-of-two scaling the decompositions apply before they iterate
// (linalg_decomp.cc: svd, eigh; linalg_eig.cc: eig): one pass over the items.
#ifndef MMARRAY_POWER_SCALE_H_
#define MMARRAY_POWER_SCALE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace mmarray {

// The exponent k with max|x| · 2^k in [0.5, 1) over `len` doubles (complex
// items as their two parts; 0 for a zero matrix) in *k; false when an item
// is not finite. 2^k itself can pass a double's range (a subnormal matrix
// needs k up to 1074: as a factor it overflowed to inf, and eig then iterated
// on NaNs for ever), so the callers scale with std::ldexp, exact both ways
// while the values stay normal.
inline bool PowerScale(const double* a, int64_t len, int* k) {
  double amax = 0;
  for (int64_t i = 0; i < len; i++) {
    if (!std::isfinite(a[i])) return false;
    amax = std::max(amax, std::fabs(a[i]));
  }
  int e = 0;
  if (amax != 0) std::frexp(amax, &e);
  *k = -e;
  return true;
}

}  // namespace mmarray

#endif  // MMARRAY_POWER_SCALE_H_
