// One item read from bytes in either byte order: the loaders kernels.cc and
// index_kernels.cc share (unaligned-safe: memcpy, which compilers turn into a
// plain load where the target allows).
#ifndef MMARRAY_BYTE_ORDER_H_
#define MMARRAY_BYTE_ORDER_H_

#include <cstdint>
#include <cstring>

namespace mmarray {

// The T stored at p, byte-swapped first when Swap.
// SAFETY: callers pass a p with sizeof(T) readable bytes (bounds-checked by
// their layout readers); no alignment is assumed.
template <class T, bool Swap>
inline T LoadBytes(const uint8_t* p) {
  T v;
  if constexpr (!Swap || sizeof(T) == 1) {
    std::memcpy(&v, p, sizeof(T));
  } else if constexpr (sizeof(T) == 2) {
    uint16_t u;
    std::memcpy(&u, p, 2);
    u = __builtin_bswap16(u);
    std::memcpy(&v, &u, 2);
  } else if constexpr (sizeof(T) == 4) {
    uint32_t u;
    std::memcpy(&u, p, 4);
    u = __builtin_bswap32(u);
    std::memcpy(&v, &u, 4);
  } else {
    uint64_t u;
    std::memcpy(&u, p, 8);
    u = __builtin_bswap64(u);
    std::memcpy(&v, &u, 8);
  }
  return v;
}

}  // namespace mmarray

#endif  // MMARRAY_BYTE_ORDER_H_
