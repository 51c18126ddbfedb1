// The element type codes the JS side sends to the kernels: lib/kernels.ts
// CAST_CODES, one home for the order and the item sizes (the ufunc, math,
// accumulation and sort kernels use all 14; kernels.cc and index_kernels.cc
// keep their own 11-code tables for the numeric types before float16).
#ifndef MMARRAY_TYPE_CODES_H_
#define MMARRAY_TYPE_CODES_H_

#include <cstdint>

namespace mmarray {
namespace types {

enum Type { kF8 = 0, kF4 = 1, kI1 = 2, kU1 = 3, kI2 = 4, kU2 = 5, kI4 = 6, kU4 = 7, kB1 = 8, kI8 = 9, kU8 = 10, kF2 = 11, kC8 = 12, kC16 = 13 };
constexpr int kTypeCount = 14;
// Bytes per item of each code.
constexpr int64_t kItemsize[kTypeCount] = {8, 4, 1, 1, 2, 2, 4, 4, 1, 8, 8, 2, 8, 16};

}  // namespace types
}  // namespace mmarray

#endif  // MMARRAY_TYPE_CODES_H_
