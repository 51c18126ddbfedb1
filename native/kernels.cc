#include "kernels.h"
#include "index_kernels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "kernel_plan.h"
#include "mapping.h"
#include "mapping_handle.h"
#include "byte_order.h"
#include "napi_util.h"
#include "pairwise.h"
#include "read_ahead.h"

namespace mmarray {
namespace {

// ------------------------------------------------------------------ layouts

// Bytes a kernel may touch: [base, base + length) of one ArrayBuffer or of a
// whole mapping. `mapping` holds a mapping's pages for the length of the call.
struct Memory {
  uint8_t* base = nullptr;
  uint64_t length = 0;
  bool writable = true;
  std::shared_ptr<Mapping> mapping;
};

// A strided layout checked against its memory: element 0 at `base`, byte
// strides. `base` is null for an empty layout (no element to address).
struct Layout {
  Memory memory;
  uint8_t* base = nullptr;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
};

// An ArrayBuffer (a detached one has length 0) or an open MappingHandle.
bool ReadMemory(Napi::Env env, const Napi::Value& v, bool write, Memory* out) {
  if (v.IsArrayBuffer()) {
    Napi::ArrayBuffer buf = v.As<Napi::ArrayBuffer>();
    // SAFETY: [Data(), Data() + ByteLength()) is the buffer's backing store.
    // A sync kernel runs no JS, so nothing can detach or collect the buffer
    // (an argument of this call) before it returns. For an async plan,
    // lib/async.ts holds the buffer until the promise settles and marks it
    // untransferable; a mapping's window is never passed (its handle is, and
    // pins it: see below).
    out->base = static_cast<uint8_t*>(buf.Data());
    out->length = buf.ByteLength();
    if (out->base == nullptr) out->length = 0;
    return true;
  }
  MappingHandle* handle = MappingHandle::FromValue(env, v);
  if (env.IsExceptionPending()) return false;
  if (handle == nullptr) {
    ThrowType(env, "kernel: expected an ArrayBuffer or a mapping handle");
    return false;
  }
  out->mapping = handle->OpenMapping();
  if (!out->mapping || out->mapping->data() == nullptr) {
    ThrowClosed(env, handle->Path());
    return false;
  }
  if (write && out->mapping->mode() == Mode::kRead) {
    ThrowReadOnly(env, out->mapping->path());
    return false;
  }
  // SAFETY: `mapping` (shared) keeps the Mapping object; its pages stay for a
  // sync kernel because only the JS thread unmaps (close()), which this call
  // occupies; an async plan pins them block by block (async_kernels.cc
  // RunTasks) and stops once data() is null.
  out->base = out->mapping->data();
  out->length = out->mapping->length();
  return true;
}

// The number of elements of `shape`, or false when it exceeds int64 (no
// layout that large can be walked; NumPy refuses such arrays too).
bool SizeOf(const std::vector<int64_t>& shape, int64_t* size) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0 || __builtin_mul_overflow(n, d, &n)) return false;
  }
  *size = n;
  return true;
}

// Reads (memory, byteOffset, strides) at info[first..first+2] with `shape`
// and checks, in overflow-checked arithmetic, that every byte of every
// element lies inside the memory. After this returns true with a non-empty
// layout, base + sum(i_k * stride_k) + [0, itemsize) is in bounds for every
// index 0 <= i_k < shape_k, and every partial sum of those terms fits in an
// int64 (each lies between the lowest and highest offset checked here):
// that is what makes every pointer the loops below form safe. A detached
// buffer has length 0 and fails here (unless the layout is empty).
bool ReadLayout(const Napi::CallbackInfo& info, size_t first, const std::vector<int64_t>& shape,
                int64_t itemsize, bool write, Layout* out) {
  Napi::Env env = info.Env();
  int64_t off;
  if (!ToInt(info[first + 1], &off) || off < 0 || !ToInts(info[first + 2], &out->strides) ||
      out->strides.size() != shape.size()) {
    ThrowType(env, "kernel: bad offset or strides");
    return false;
  }
  if (!ReadMemory(env, info[first], write, &out->memory)) return false;
  out->shape = shape;
  bool empty = false;
  for (size_t k = 0; k < shape.size(); k++) {
    if (shape[k] < 0) {
      ThrowRange(env, "kernel: negative axis length");
      return false;
    }
    if (shape[k] == 0) empty = true;
  }
  if (empty) return true;
  if (const char* bad = LayoutSpanError(off, shape, out->strides, itemsize, out->memory.length)) {
    ThrowRange(env, std::string("kernel: ") + bad);
    return false;
  }
  // SAFETY: LayoutSpanError put every item inside the memory, item 0 at off
  // among them, so base + off is inside it.
  out->base = out->memory.base + off;
  return true;
}

// Merges neighbouring axes that both layouts walk as one (stride[k] ==
// shape[k+1] * stride[k+1] on each side), as NumPy's iterator coalesces, so
// the innermost row is as long as it can be: a 2160x3840x3 image copies as
// one row, not 8M rows of 3. Only for element-wise kernels (copy, cast):
// reductions keep their rows, which fix the order of the float additions.
void Coalesce(std::vector<int64_t>* shape, std::vector<int64_t>* sa, std::vector<int64_t>* sb) {
  size_t n = shape->size();
  if (n < 2) return;
  std::vector<int64_t> sh{(*shape)[0]}, a{(*sa)[0]}, b{(*sb)[0]};
  for (size_t k = 1; k < n; k++) {
    int64_t len = (*shape)[k];
    if (sh.back() == 1) {
      sh.back() = len;
      a.back() = (*sa)[k];
      b.back() = (*sb)[k];
    } else if (len == 1) {
      continue;
    } else if (int64_t ma, mb; !__builtin_mul_overflow(len, (*sa)[k], &ma) && !__builtin_mul_overflow(len, (*sb)[k], &mb) &&
               a.back() == ma && b.back() == mb) {
      sh.back() *= len;
      a.back() = (*sa)[k];
      b.back() = (*sb)[k];
    } else {
      sh.push_back(len);
      a.push_back((*sa)[k]);
      b.push_back((*sb)[k]);
    }
  }
  shape->swap(sh);
  sa->swap(a);
  sb->swap(b);
}

// ------------------------------------------------------------------ loads

// An item in either byte order (byte_order.h).
template <class T, bool Swap>
inline T Load(const uint8_t* p) {
  return LoadBytes<T, Swap>(p);
}

// ------------------------------------------------------------------ reduce

// NumPy's pairwise order over one row (pairwise.h), contiguous aligned
// native doubles in vector lanes.
template <class T, bool Swap>
double Pairwise(const uint8_t* p, int64_t n, int64_t s) {
  if constexpr (std::is_same_v<T, double> && !Swap) {
    // SAFETY: alignment is checked here; ReadLayout checked the bounds.
    if (s == 8 && reinterpret_cast<uintptr_t>(p) % alignof(double) == 0) {
      return PairwiseContiguous(reinterpret_cast<const double*>(p), n);
    }
  }
  return PairwiseStrided(p, n, s, [](const uint8_t* q) { return static_cast<double>(Load<T, Swap>(q)); });
}

// NumPy's float32 sum: the same order in float32 accumulators (its pairwise
// loop runs in the item type), as double (a float is exact in one).
template <bool Swap>
float PairwiseF4(const uint8_t* p, int64_t n, int64_t s) {
  if constexpr (!Swap) {
    // SAFETY: alignment is checked here; ReadLayout checked the bounds.
    if (s == 4 && reinterpret_cast<uintptr_t>(p) % alignof(float) == 0) {
      return PairwiseContiguousF4(reinterpret_cast<const float*>(p), n);
    }
  }
  return PairwiseStridedIn<float>(p, n, s, [](const uint8_t* q) { return Load<float, Swap>(q); });
}

// A sum's accumulator: the item's float type (NumPy sums float32 in float32).
template <class T>
using SumAcc = std::conditional_t<std::is_same_v<T, float>, float, double>;

// One row's pairwise sum in SumAcc<T>.
template <class T, bool Swap>
SumAcc<T> RowSum(const uint8_t* p, int64_t n, int64_t s) {
  if constexpr (std::is_same_v<T, float>) return PairwiseF4<Swap>(p, n, s);
  else return Pairwise<T, Swap>(p, n, s);
}

// kNanMin/kNanMax (float types only): NumPy's fmin/fmax reduction, the
// extreme of the items that are not NaN (NaN only when every item is one).
enum Op { kSum = 0, kMin = 1, kMax = 2, kNanMin = 3, kNanMax = 4 };

// ------------------------------------------------------------------ extremes

// The value of one item as the extreme kernels compare it (a bool as 0/1).
template <class T, bool Swap, bool Boolean>
inline T ExtremeLoad(const uint8_t* p) {
  if constexpr (Boolean) return static_cast<T>(*p != 0);
  else return Load<T, Swap>(p);
}

// A row's extreme: the first item equal to it, or the row's first NaN (then
// `nan`): what strict comparisons in order, NaN winning at once, give.
// `mixed`: the extreme is a zero and the row holds both +0 and -0 (which of
// them NumPy returns then depends on its loop's layout: lib/extreme-zero.ts).
template <class T>
struct Extreme {
  T m;
  bool nan;
  bool mixed = false;
};

// Items per NaN check: a NaN is reported within one block of where it is.
constexpr int64_t kExtremeBlock = 4096;

// 32 bytes of T: one AVX2 register (two SSE2 registers in the default
// clone). GCC's vector extensions, because the auto-vectorizer will not turn
// a float compare-and-select with memcpy'd loads into vector code.
template <class T>
struct Vec32 {
  typedef T type __attribute__((vector_size(32)));
};

// K items (K = 32 / sizeof(T)) from q, q + s, ... as one vector: a plain
// vector load (then a byte shuffle when swapped) when contiguous.
template <class T, bool Swap, bool Boolean, bool Contiguous>
__attribute__((always_inline)) inline void VecLoad(const uint8_t* q, int64_t s, typename Vec32<T>::type* out) {
  using V = typename Vec32<T>::type;
  constexpr int K = 32 / sizeof(T);
  V v;
  if constexpr (Contiguous) {
    // SAFETY: the caller passes K items in bounds, contiguous.
    std::memcpy(&v, q, sizeof v);
    if constexpr (Boolean) {
      v = static_cast<V>(v != 0) & 1;
    } else if constexpr (Swap && sizeof(T) > 1) {
      typedef uint8_t B __attribute__((vector_size(32)));
      B reverse;
      for (int b = 0; b < 32; b++) reverse[b] = static_cast<uint8_t>(b / sizeof(T) * sizeof(T) + sizeof(T) - 1 - b % sizeof(T));
      v = reinterpret_cast<V>(__builtin_shuffle(reinterpret_cast<B>(v), reverse));
    }
  } else {
    for (int k = 0; k < K; k++) v[k] = ExtremeLoad<T, Swap, Boolean>(q + k * s);
  }
  *out = v;
}

// Whether items from .. n - 1 of the row p, p + s, ... hold a zero whose
// sign bit is `negative`: their bits compared with that zero's in vector
// lanes (a stride of sizeof(T) when Contiguous), a block at a time.
template <class T, bool Swap, bool Contiguous>
bool HoldsZero(const uint8_t* p, int64_t from, int64_t n, int64_t s, bool negative) {
  using V = typename Vec32<T>::type;
  using U = std::conditional_t<sizeof(T) == 8, uint64_t, uint32_t>;
  typedef U I __attribute__((vector_size(32)));
  using M = decltype(I{} == I{});
  constexpr int64_t K = 32 / static_cast<int64_t>(sizeof(T));
  const int64_t stride = Contiguous ? static_cast<int64_t>(sizeof(T)) : s;
  const U zero = negative ? U{1} << (8 * sizeof(T) - 1) : U{0};
  const I target = I{} + zero;
  int64_t i = from;
  // SAFETY (all loads): items from .. n - 1 at p + i * stride lie in the
  // row the caller's layout check covered.
  while (n - i >= K) {
    int64_t end = std::min(n - (n - i) % K, i + kExtremeBlock);
    M hit = M{};
    for (; i < end; i += K) {
      V v;
      VecLoad<T, Swap, false, Contiguous>(p + i * stride, stride, &v);
      hit |= reinterpret_cast<I>(v) == target;
    }
    for (int64_t k = 0; k < K; k++) {
      if (hit[k] != 0) return true;
    }
  }
  for (; i < n; i++) {
    T v = ExtremeLoad<T, Swap, false>(p + i * stride);
    U bits;
    std::memcpy(&bits, &v, sizeof bits);
    if (bits == zero) return true;
  }
  return false;
}

// The extreme of the row p, p + s, ... (n >= 1 items) with the sequential
// rule's result, in vector lanes whatever the type and stride (a stride of
// sizeof(T) when Contiguous, so the loads are plain vector loads). Each lane
// keeps the extreme of its own items; the lanes' extreme has the same value
// as the sequential one, and the sequential one is the first item equal to
// it, which differs from another equal item only for floats: a signed zero
// (the row is scanned again for its first zero) or a NaN (a mask collects
// v != v and is checked once a block; that block is scanned again for its
// first NaN).
template <class T, bool Swap, bool Boolean, bool IsMin, bool Contiguous>
__attribute__((target_clones("avx2", "default")))
Extreme<T> RowExtreme(const uint8_t* p, int64_t n, int64_t s) {
  using V = typename Vec32<T>::type;
  using M = decltype(V{} < V{});
  constexpr bool kFloat = std::is_floating_point_v<T>;
  constexpr int64_t K = 32 / static_cast<int64_t>(sizeof(T));
  const int64_t stride = Contiguous ? static_cast<int64_t>(sizeof(T)) : s;
  // SAFETY (all loads): items 0 .. n - 1 at p + i * stride lie in a layout
  // ReadLayout checked (the caller passes one row, or part of one).
  T first = ExtremeLoad<T, Swap, Boolean>(p);
  if constexpr (kFloat) {
    if (first != first) return {first, true};
  }
  V r0 = V{} + first, r1 = r0;
  M u = M{};
  int64_t i = 0;
  int64_t whole = n - n % (2 * K);
  while (i < whole) {
    int64_t start = i;
    int64_t end = whole - i > kExtremeBlock ? i + kExtremeBlock : whole;
    for (; i < end; i += 2 * K) {
      V a, b;
      VecLoad<T, Swap, Boolean, Contiguous>(p + i * stride, stride, &a);
      VecLoad<T, Swap, Boolean, Contiguous>(p + (i + K) * stride, stride, &b);
      r0 = (IsMin ? a < r0 : a > r0) ? a : r0;
      r1 = (IsMin ? b < r1 : b > r1) ? b : r1;
      if constexpr (kFloat) u |= (a != a) | (b != b);
    }
    if constexpr (kFloat) {
      bool nan = false;
      for (int64_t k = 0; k < K; k++) nan = nan || u[k] != 0;
      if (nan) {
        for (int64_t k = start;; k++) {
          T v = ExtremeLoad<T, Swap, Boolean>(p + k * stride);
          if (v != v) return {v, true};
        }
      }
    }
  }
  T m = first;
  for (; i < n; i++) {
    T v = ExtremeLoad<T, Swap, Boolean>(p + i * stride);
    if constexpr (kFloat) {
      if (v != v) return {v, true};
    }
    m = (IsMin ? v < m : v > m) ? v : m;
  }
  for (int64_t k = 0; k < K; k++) {
    m = (IsMin ? r0[k] < m : r0[k] > m) ? r0[k] : m;
    m = (IsMin ? r1[k] < m : r1[k] > m) ? r1[k] : m;
  }
  if constexpr (kFloat) {
    if (m == 0) {
      // +0 and -0 are equal: the sequential rule keeps the first zero; the
      // rest of the row is searched for the other zero (`mixed`).
      for (int64_t k = 0;; k++) {
        T v = ExtremeLoad<T, Swap, Boolean>(p + k * stride);
        if (v == 0) return {v, false, HoldsZero<T, Swap, Contiguous>(p, k + 1, n, stride, !std::signbit(v))};
      }
    }
  }
  return {m, false};
}

// The extreme of the items of the row p, p + s, ... (n >= 1) that are not
// NaN, NaN when every item is one (NumPy's fmin/fmax fold), in vector
// lanes: each lane takes an item that beats it, or any item while it holds
// a NaN (no branch on the data). The value is the sequential fold's; a zero
// extreme is the row's first zero, `mixed` when the row holds the other
// zero too (which one NumPy returns is then the caller's to find).
template <class T, bool Swap, bool IsMin, bool Contiguous>
__attribute__((target_clones("avx2", "default")))
Extreme<T> RowNanExtreme(const uint8_t* p, int64_t n, int64_t s) {
  using V = typename Vec32<T>::type;
  constexpr int64_t K = 32 / static_cast<int64_t>(sizeof(T));
  const int64_t stride = Contiguous ? static_cast<int64_t>(sizeof(T)) : s;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  V r0 = V{} + nan, r1 = r0;
  int64_t i = 0;
  const int64_t whole = n - n % (2 * K);
  // SAFETY (all loads): items 0 .. n - 1 at p + i * stride lie in a layout
  // ReadLayout checked (the caller passes one row, or part of one).
  for (; i < whole; i += 2 * K) {
    V a, b;
    VecLoad<T, Swap, false, Contiguous>(p + i * stride, stride, &a);
    VecLoad<T, Swap, false, Contiguous>(p + (i + K) * stride, stride, &b);
    r0 = ((IsMin ? a < r0 : a > r0) | (r0 != r0)) ? a : r0;
    r1 = ((IsMin ? b < r1 : b > r1) | (r1 != r1)) ? b : r1;
  }
  T m = nan;
  for (; i < n; i++) {
    T v = Load<T, Swap>(p + i * stride);
    m = ((IsMin ? v < m : v > m) || m != m) ? v : m;
  }
  for (int64_t k = 0; k < K; k++) {
    m = ((IsMin ? r0[k] < m : r0[k] > m) || m != m) ? r0[k] : m;
    m = ((IsMin ? r1[k] < m : r1[k] > m) || m != m) ? r1[k] : m;
  }
  if (m == 0) {
    for (int64_t k = 0;; k++) {
      T v = Load<T, Swap>(p + k * stride);
      if (v == 0) return {v, false, HoldsZero<T, Swap, Contiguous>(p, k + 1, n, stride, !std::signbit(v))};
    }
  }
  return {m, false};
}

template <class T, bool Swap>
Extreme<T> RowNanExtremeOf(const uint8_t* p, int64_t n, int64_t s, bool is_min) {
  bool contiguous = s == static_cast<int64_t>(sizeof(T));
  if (is_min) return contiguous ? RowNanExtreme<T, Swap, true, true>(p, n, s) : RowNanExtreme<T, Swap, true, false>(p, n, s);
  return contiguous ? RowNanExtreme<T, Swap, false, true>(p, n, s) : RowNanExtreme<T, Swap, false, false>(p, n, s);
}

// RowExtreme with the run-time choices (min or max, contiguous or not) made.
template <class T, bool Swap, bool Boolean = false>
Extreme<T> RowExtremeOf(const uint8_t* p, int64_t n, int64_t s, int op) {
  bool contiguous = s == static_cast<int64_t>(sizeof(T));
  if (op == kMin) {
    return contiguous ? RowExtreme<T, Swap, Boolean, true, true>(p, n, s) : RowExtreme<T, Swap, Boolean, true, false>(p, n, s);
  }
  return contiguous ? RowExtreme<T, Swap, Boolean, false, true>(p, n, s) : RowExtreme<T, Swap, Boolean, false, false>(p, n, s);
}

// ------------------------------------------------------------------ 64-bit sums

// An exact sum of n <= 2^31 64-bit integers without a 128-bit add per item
// (whose add-with-carry chain costs about 5 cycles an item here): each item
// is split into its low and high 32 bits, summed in separate 64-bit
// accumulators (each stays below 2^63 for n <= 2^31), and a signed item's
// sign bit counted; the sum is lo + hi * 2^32 - negatives * 2^64, modulo
// 2^128 (exact: |sum| < 2^95). Those are independent 64-bit adds, which the
// compiler turns into vector code when the stride is a constant: 8 (a
// contiguous row) or 16 (a record of a <u8 and another 8-byte field), each
// instantiated apart, 3-4x the items per cycle of the 128-bit loop when the
// data is cached.
struct Split64 {
  uint64_t lo = 0, hi = 0, neg = 0;
};

template <bool Signed, bool Swap, int S>
__attribute__((target_clones("avx2", "default")))
Split64 SplitSum(const uint8_t* p, int64_t n, int64_t s) {
  const int64_t stride = S != 0 ? S : s;
  uint64_t lo = 0, hi = 0, neg = 0;
  for (int64_t i = 0; i < n; i++) {
    // SAFETY: item i of the row, inside the layout ReadLayout checked.
    uint64_t v = Load<uint64_t, Swap>(p + i * stride);
    lo += v & 0xffffffff;
    hi += v >> 32;
    if constexpr (Signed) neg += v >> 63;
  }
  return {lo, hi, neg};
}

// The exact sum of the row p, p + s, ... (n <= 2^31 items) of int64
// (Signed) or uint64, as a 128-bit two's complement value.
template <bool Signed, bool Swap>
unsigned __int128 RowSum64(const uint8_t* p, int64_t n, int64_t s) {
  Split64 r = s == 16 ? SplitSum<Signed, Swap, 16>(p, n, s)
              : s == 8 ? SplitSum<Signed, Swap, 8>(p, n, s)
                       : SplitSum<Signed, Swap, 0>(p, n, s);
  return static_cast<unsigned __int128>(r.lo) + (static_cast<unsigned __int128>(r.hi) << 32) -
         (static_cast<unsigned __int128>(r.neg) << 64);
}

// Type codes shared with lib/kernels.ts (ELEMENT_CODES).
enum Type { kF8 = 0, kF4 = 1, kI1 = 2, kU1 = 3, kI2 = 4, kU2 = 5, kI4 = 6, kU4 = 7, kB1 = 8, kI8 = 9, kU8 = 10 };
constexpr int64_t kItemsize[] = {8, 4, 1, 1, 2, 2, 4, 4, 1, 8, 8};

// A BigInt of a 128-bit integer (two little-endian words and a sign).
Napi::Value BigIntOf(Napi::Env env, bool negative, unsigned __int128 magnitude) {
  uint64_t words[2] = {static_cast<uint64_t>(magnitude), static_cast<uint64_t>(magnitude >> 64)};
  return Napi::BigInt::New(env, negative ? 1 : 0, 2, words);
}

// ------------------------------------------------------------------ copy

// SAFETY (ReverseBytes, CopyRowT, the Swap*Contiguous, CopyRow): every
// pointer is a row start inside a layout ReadLayout checked, n its items;
// each unit [units[2k], +units[2k+1]) was checked to lie inside the item.
inline void ReverseBytes(uint8_t* p, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    uint8_t t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
}

// Streaming copies: a destination far larger than the caches is written
// with non-temporal stores, which skip reading each destination line before
// writing it (a third of the traffic of a strided gather into 8-byte items)
// and leave the caches to the source. For a gather of 8-byte items from a
// 16-byte stride (a field of 16-byte records into a new array), pairs of
// 16-byte loads are interleaved into one 16-byte store. Only destinations
// at least kStreamBytes long stream: a smaller result is likely read again
// while still cached.
constexpr int64_t kStreamBytes = int64_t{16} << 20;

#if defined(__SSE2__)
// n 8-byte items from s, s + ss, ... to the contiguous d (8-byte aligned).
// SAFETY: s + i * ss and d + i * 8 are items of rows ReadLayout checked; the
// 16-byte loads at item i of a 16-byte stride cover item i and the gap after
// it, which ends at item i + 1: the loop reads them only for items that have
// a successor (i + 4 < n), so every byte read lies before the last item.
// Stores go to d's own items; the sfence orders them before whatever the
// caller (or the thread pool) stores next.
void GatherStream8(const uint8_t* s, int64_t ss, uint8_t* d, int64_t n) {
  int64_t i = 0;
  auto one = [&](int64_t k) {
    long long v;
    std::memcpy(&v, s + k * ss, 8);
    _mm_stream_si64(reinterpret_cast<long long*>(d + k * 8), v);
  };
  if (reinterpret_cast<uintptr_t>(d) % 16 != 0 && n > 0) one(i++);
  if (ss == 16) {
    for (; i + 4 < n; i += 4) {
      const uint8_t* q = s + i * 16;
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16));
      __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 32));
      __m128i e = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 48));
      _mm_stream_si128(reinterpret_cast<__m128i*>(d + i * 8), _mm_unpacklo_epi64(a, b));
      _mm_stream_si128(reinterpret_cast<__m128i*>(d + i * 8 + 16), _mm_unpacklo_epi64(c, e));
    }
  }
  for (; i < n; i++) one(i);
  _mm_sfence();
}
#endif

// A contiguous copy of `bytes` into a distinct destination with streaming
// stores: the destination's whole cache lines are written around the cache,
// so none is first read for ownership (glibc's memmove streams only above a
// threshold of hundreds of MiB). The bytes before d's first vector-aligned
// line and after its last are copied with memcpy; those lines are never
// also streamed to. One body per vector width, chosen at load.
// SAFETY: [s, s + bytes) and [d, d + bytes) are rows ReadLayout checked and
// do not overlap (the caller tests it); every load and store below lies in
// them: the loops run while at least one (four) whole vector(s) remain. The
// sfence orders the streamed lines before whatever this thread (or the
// thread pool's caller, after the unit) stores or publishes next.
using StreamCopyFn = void (*)(const uint8_t* s, uint8_t* d, size_t bytes);

#define MMARRAY_STREAM_COPY(NAME, TARGET, V, W, LOADU, STREAM, FENCE)                 \
  TARGET void NAME(const uint8_t* s, uint8_t* d, size_t bytes) {                    \
    size_t head = (W - reinterpret_cast<uintptr_t>(d) % W) % W;                      \
    if (head > bytes) head = bytes;                                                  \
    std::memcpy(d, s, head);                                                         \
    size_t i = head;                                                                 \
    for (; i + 4 * W <= bytes; i += 4 * W) {                                         \
      V a = LOADU(reinterpret_cast<const V*>(s + i));                                \
      V b = LOADU(reinterpret_cast<const V*>(s + i + W));                            \
      V c = LOADU(reinterpret_cast<const V*>(s + i + 2 * W));                        \
      V e = LOADU(reinterpret_cast<const V*>(s + i + 3 * W));                        \
      STREAM(reinterpret_cast<V*>(d + i), a);                                        \
      STREAM(reinterpret_cast<V*>(d + i + W), b);                                    \
      STREAM(reinterpret_cast<V*>(d + i + 2 * W), c);                                \
      STREAM(reinterpret_cast<V*>(d + i + 3 * W), e);                                \
    }                                                                                \
    for (; i + W <= bytes; i += W) STREAM(reinterpret_cast<V*>(d + i), LOADU(reinterpret_cast<const V*>(s + i))); \
    std::memcpy(d + i, s + i, bytes - i);                                            \
    if (FENCE) _mm_sfence();                                                         \
  }

#if defined(__x86_64__)
MMARRAY_STREAM_COPY(StreamCopyAvx512, __attribute__((target("avx512f"))), __m512i, 64, _mm512_loadu_si512, _mm512_stream_si512, true)
MMARRAY_STREAM_COPY(StreamCopyAvx2, __attribute__((target("avx2"))), __m256i, 32, _mm256_loadu_si256, _mm256_stream_si256, true)
MMARRAY_STREAM_COPY(StreamCopyAvx512NoFence, __attribute__((target("avx512f"))), __m512i, 64, _mm512_loadu_si512, _mm512_stream_si512, false)
MMARRAY_STREAM_COPY(StreamCopyAvx2NoFence, __attribute__((target("avx2"))), __m256i, 32, _mm256_loadu_si256, _mm256_stream_si256, false)
#endif
#if defined(__SSE2__)
MMARRAY_STREAM_COPY(StreamCopySse2, , __m128i, 16, _mm_loadu_si128, _mm_stream_si128, true)
MMARRAY_STREAM_COPY(StreamCopySse2NoFence, , __m128i, 16, _mm_loadu_si128, _mm_stream_si128, false)
#endif
#undef MMARRAY_STREAM_COPY

// `fence`: end with an sfence. A caller streaming many small pieces (the
// casts' chunks) passes false and fences once after the last: on the AMD VM
// an sfence per 8 KiB chunk made a streamed cast slower than plain stores.
StreamCopyFn PickStreamCopy(bool fence) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return fence ? StreamCopyAvx512 : StreamCopyAvx512NoFence;
  if (__builtin_cpu_supports("avx2")) return fence ? StreamCopyAvx2 : StreamCopyAvx2NoFence;
#endif
#if defined(__SSE2__)
  return fence ? StreamCopySse2 : StreamCopySse2NoFence;
#else
  (void)fence;
  return [](const uint8_t* s, uint8_t* d, size_t bytes) { std::memcpy(d, s, bytes); };
#endif
}

// memmove, streamed when `stream` and the two ranges do not overlap.
void CopyBytes(const uint8_t* s, uint8_t* d, size_t bytes, bool stream) {
  static const StreamCopyFn fn = PickStreamCopy(true);
  uintptr_t a = reinterpret_cast<uintptr_t>(s), b = reinterpret_cast<uintptr_t>(d);
  if (stream && (a + bytes <= b || b + bytes <= a)) return fn(s, d, bytes);
  std::memmove(d, s, bytes);
}

template <class T, bool Swap>
void CopyRowT(const uint8_t* s, int64_t ss, uint8_t* d, int64_t ds, int64_t n, bool stream) {
#if defined(__SSE2__)
  if constexpr (sizeof(T) == 8 && !Swap) {
    if (stream && ds == 8 && reinterpret_cast<uintptr_t>(d) % 8 == 0) return GatherStream8(s, ss, d, n);
  }
#else
  (void)stream;
#endif
  int64_t i = 0;
  // Strided reads: prefetch 64 items ahead every 8 (see Pairwise), only when
  // the items are more than a cache line apart (pairwise.h, PairwiseNearIn).
  const bool far = ss > 64 || ss < -64;
  for (; i + 8 <= n; i += 8) {
    // SAFETY: a prefetch never faults and its address is never read.
    if (far) __builtin_prefetch(s + (i + 64) * ss, 0, 3);
    for (int64_t j = i; j < i + 8; j++) {
      T v = Load<T, Swap>(s + j * ss);
      std::memcpy(d + j * ds, &v, sizeof(T));
    }
  }
  for (; i < n; i++) {
    T v = Load<T, Swap>(s + i * ss);
    std::memcpy(d + i * ds, &v, sizeof(T));
  }
}

// Contiguous rows of whole-item swaps: plain loops over memcpy'd words that
// the compiler turns into byte-shuffle vectors (s may equal d: each item is
// read before it is written).
#define MMARRAY_SWAP_CONTIGUOUS(NAME, T, BSWAP)                                   \
  __attribute__((target_clones("avx2", "default")))                               \
  void NAME(const uint8_t* s, uint8_t* d, int64_t n) {                           \
    for (int64_t i = 0; i < n; i++) {                                             \
      T v;                                                                        \
      std::memcpy(&v, s + i * static_cast<int64_t>(sizeof(T)), sizeof(T));       \
      v = BSWAP(v);                                                               \
      std::memcpy(d + i * static_cast<int64_t>(sizeof(T)), &v, sizeof(T));        \
    }                                                                             \
  }
MMARRAY_SWAP_CONTIGUOUS(SwapContiguous16, uint16_t, __builtin_bswap16)
MMARRAY_SWAP_CONTIGUOUS(SwapContiguous32, uint32_t, __builtin_bswap32)
MMARRAY_SWAP_CONTIGUOUS(SwapContiguous64, uint64_t, __builtin_bswap64)
#undef MMARRAY_SWAP_CONTIGUOUS

// Each of n items of T at s, s + ss, ... written r times in a row from d
// (contiguous: d + (i * r + k) * sizeof(T)): a copy whose source repeats
// along the destination's last axis (repeat(a, r), a column broadcast into
// rows), one row of n items instead of n rows of r (10M <f8 repeated twice:
// 10M rows of two items, ~5 ns of row overhead each). `stream`: the whole
// destination is at least kStreamBytes long; 8-byte items repeated twice
// into a 16-byte-aligned d are then written with streaming stores (no
// destination line read first), as CopyBytes does.
// SAFETY: s + i * ss, i < n, are source items and d .. d + n * r items the
// destination's, both inside the layouts ReadLayout checked.
template <class T>
void RepeatRowT(const uint8_t* s, int64_t ss, uint8_t* d, int64_t n, int64_t r, bool stream) {
  constexpr int64_t kT = sizeof(T);
#if defined(__SSE2__)
  if constexpr (kT == 8) {
    if (stream && r == 2 && reinterpret_cast<uintptr_t>(d) % 16 == 0) {
      for (int64_t i = 0; i < n; i++) {
        long long v;
        std::memcpy(&v, s + i * ss, 8);
        _mm_stream_si128(reinterpret_cast<__m128i*>(d + i * 16), _mm_set1_epi64x(v));
      }
      _mm_sfence();
      return;
    }
  }
#else
  (void)stream;
#endif
  if (r == 2) {
    for (int64_t i = 0; i < n; i++) {
      T v;
      std::memcpy(&v, s + i * ss, kT);
      std::memcpy(d + i * 2 * kT, &v, kT);
      std::memcpy(d + (i * 2 + 1) * kT, &v, kT);
    }
    return;
  }
  for (int64_t i = 0; i < n; i++) {
    T v;
    std::memcpy(&v, s + i * ss, kT);
    uint8_t* q = d + i * r * kT;
    for (int64_t k = 0; k < r; k++) std::memcpy(q + k * kT, &v, kT);
  }
}

void RepeatRow(const uint8_t* s, int64_t ss, uint8_t* d, int64_t n, int64_t r, int64_t itemsize, bool stream) {
  switch (itemsize) {
    case 1: return RepeatRowT<uint8_t>(s, ss, d, n, r, stream);
    case 2: return RepeatRowT<uint16_t>(s, ss, d, n, r, stream);
    case 4: return RepeatRowT<uint32_t>(s, ss, d, n, r, stream);
    default: return RepeatRowT<uint64_t>(s, ss, d, n, r, stream);
  }
}

// One row of n items: copy, then reverse every [offset, length) unit.
// `stream`: the whole destination is at least kStreamBytes long.
void CopyRow(const uint8_t* s, int64_t ss, uint8_t* d, int64_t ds, int64_t n, int64_t itemsize,
             const std::vector<int64_t>& units, bool stream) {
  bool whole = units.size() == 2 && units[0] == 0 && units[1] == itemsize;
  if (units.empty() || whole) {
    bool swap = whole;
    if (!swap && ss == itemsize && ds == itemsize) {
      // memmove semantics: the in-place byteswap path passes the same bytes twice.
      CopyBytes(s, d, static_cast<size_t>(n * itemsize), stream);
      return;
    }
    if (swap && ss == itemsize && ds == itemsize) {
      switch (itemsize) {
        case 2: return SwapContiguous16(s, d, n);
        case 4: return SwapContiguous32(s, d, n);
        case 8: return SwapContiguous64(s, d, n);
        default: break;
      }
    }
    switch (itemsize) {
      case 1: return CopyRowT<uint8_t, false>(s, ss, d, ds, n, stream);
      case 2: return swap ? CopyRowT<uint16_t, true>(s, ss, d, ds, n, stream) : CopyRowT<uint16_t, false>(s, ss, d, ds, n, stream);
      case 4: return swap ? CopyRowT<uint32_t, true>(s, ss, d, ds, n, stream) : CopyRowT<uint32_t, false>(s, ss, d, ds, n, stream);
      case 8: return swap ? CopyRowT<uint64_t, true>(s, ss, d, ds, n, stream) : CopyRowT<uint64_t, false>(s, ss, d, ds, n, stream);
      default: break;
    }
  }
  for (int64_t i = 0; i < n; i++) {
    uint8_t* q = d + i * ds;
    std::memmove(q, s + i * ss, static_cast<size_t>(itemsize));
    for (size_t u = 0; u + 1 < units.size(); u += 2) ReverseBytes(q + units[u], units[u + 1]);
  }
}

// ------------------------------------------------------------------ cast

// NumPy's unsafe casts between plain numeric types, with exactly the results
// of the JS path (lib/cast.ts and the codecs): int -> int wraps; float -> int
// truncates, and NaN, inf and out-of-range values give x86's "integer
// indefinite" (the most negative int64/int32, cut to the target's width);
// complex -> real keeps the real part; anything -> bool tests non-zero;
// int64 -> float32 rounds once; double -> float16 rounds once, half to even
// (lib/dtype/float16.ts). NaN payloads may differ from the JS path, which
// reads every float into a JS number; a NaN stays a NaN, of the same sign, either way.
//
// Buffered as NumPy does: a chunk of source items is gathered (byte-swapped
// when needed) into a native-order array, converted array to array (plain
// loops the compiler vectorizes), then scattered into the destination.

struct Half {
  uint16_t bits;
};
struct Bool {
  uint8_t v;
};
template <class F>
struct Cplx {
  F re, im;
};

// Type codes shared with lib/kernels.ts (CAST_CODES); 0-8 as enum Type.
enum CastType { kCI8 = 9, kCU8 = 10, kCF2 = 11, kCC8 = 12, kCC16 = 13 };
constexpr int64_t kCastItemsize[] = {8, 4, 1, 1, 2, 2, 4, 4, 1, 8, 8, 2, 8, 16};

// float16 bits -> double, exact, NumPy's npy_halfbits_to_doublebits: inf and
// NaN keep their sign, a NaN its 10 payload bits (the top of the double's
// fraction). Built from bits with no ldexp, so a cast loop over it stays
// vector code.
inline double HalfToDouble(uint16_t h) {
  uint64_t exp = (h >> 10) & 0x1f;
  uint64_t m = h & 0x3ff;
  uint64_t sign = static_cast<uint64_t>(h & 0x8000) << 48;
  // Subnormal (and zero): m * 2^-24, exact in a double.
  double sub = static_cast<double>(static_cast<int32_t>(m)) * 0x1p-24;
  uint64_t sub_bits;
  std::memcpy(&sub_bits, &sub, 8);
  // Normal: rebias the exponent (15 -> 1023) and widen the fraction.
  uint64_t bits = (exp == 0 ? sub_bits : ((exp + 1008) << 52) | (m << 42)) | sign;
  if (exp == 31) bits = 0x7ff0000000000000 | (m << 42) | sign;
  double r;
  std::memcpy(&r, &bits, 8);
  return r;
}

// double -> float16 bits with exactly float16Bits' results (lib/dtype/float16.ts,
// NumPy's npy_doublebits_to_halfbits): round half to even, subnormal halves,
// >= 65520 to inf, a NaN keeps its top 10 fraction bits (0x7c01 if those are
// zero). Branch-free selects over a few double and integer operations, so a
// cast loop over it vectorizes:
// - subnormal halves (|x| < 2^-14): |x| * 2^24 < 1024 is exact, and adding
//   2^52 rounds it to an integer, half to even, which lands in the low bits;
// - normal halves: c = 2^(e + 42) for |x|'s exponent e makes (|x| + c) - c
//   |x| rounded, half to even, to 11 significant bits (a carry into the next
//   binade is right too); its exponent and top 10 fraction bits, rebiased,
//   are the half's bits (65504 <= |x| < 65520 stays 0x7bff, 65520 carries to
//   0x7c00).
// The round-to-nearest mode is the only one Node runs in.
inline uint16_t DoubleToHalf(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, 8);
  uint64_t sign = (bits >> 48) & 0x8000;
  uint64_t abits = bits & 0x7fffffffffffffff;
  double a;
  std::memcpy(&a, &abits, 8);
  // Masks from the bits (ordered as the magnitudes are: abits < 2^63):
  // below 2^-14, at least 65520 (inf too), NaN. Integer selects only, so
  // the loop has no control flow; inf and NaN give garbage in c and r
  // (no trap), selected away.
  int64_t mag = static_cast<int64_t>(abits);
  uint64_t is_sub = -static_cast<uint64_t>(mag < 0x3f10000000000000);
  uint64_t is_big = -static_cast<uint64_t>(mag >= 0x40effe0000000000);
  uint64_t is_nan = -static_cast<uint64_t>(mag > 0x7ff0000000000000);
  uint64_t small_bits = (abits & is_sub) | (uint64_t{0x3f10000000000000} & ~is_sub);  // min(|x|, 2^-14)
  double small;
  std::memcpy(&small, &small_bits, 8);
  double t = small * 0x1p24 + 0x1p52;
  uint64_t t_bits;
  std::memcpy(&t_bits, &t, 8);
  uint64_t h_sub = t_bits & 0x7ff;  // 0 .. 1024
  uint64_t c_bits = (abits & 0x7ff0000000000000) + (uint64_t{42} << 52);
  double c;
  std::memcpy(&c, &c_bits, 8);
  double r = (a + c) - c;
  uint64_t r_bits;
  std::memcpy(&r_bits, &r, 8);
  uint64_t h_norm = ((r_bits >> 42) - (uint64_t{1008} << 10)) & 0xffff;
  uint64_t frac = (abits >> 42) & 0x3ff;
  uint64_t h_nan = 0x7c00 | frac | static_cast<uint64_t>(frac == 0);
  uint64_t h = (h_sub & is_sub) | (h_norm & ~is_sub);
  h = (0x7c00 & is_big) | (h & ~is_big);
  h = (h_nan & is_nan) | (h & ~is_nan);
  return static_cast<uint16_t>(sign | h);
}

// cvttsd2si, 64- and 32-bit destinations (the comparisons are false for NaN).
inline int64_t FloatToI64(double x) {
  return x >= -0x1p63 && x < 0x1p63 ? static_cast<int64_t>(x) : INT64_MIN;
}
inline int32_t FloatToI32(double x) {
  return x >= -0x1p31 && x < 0x1p31 ? static_cast<int32_t>(x) : INT32_MIN;
}

template <class D>
inline D FloatToInt(double x) {
  if constexpr (std::is_same_v<D, int64_t>) {
    return FloatToI64(x);
  } else if constexpr (std::is_same_v<D, uint64_t>) {
    // GCC's unsigned conversion: from 2^63 up, cvttsd2si(x - 2^63) ^ 2^63,
    // which is 0 from 2^64 (and +inf) on, as NumPy gives; below, NaN and
    // negatives, the signed conversion.
    if (x >= 0x1p63) return x < 0x1p64 ? static_cast<uint64_t>(x) : uint64_t{0};
    return static_cast<uint64_t>(FloatToI64(x));
  } else if constexpr (std::is_same_v<D, int32_t>) {
    return FloatToI32(x);
  } else if constexpr (std::is_same_v<D, uint32_t>) {
    return static_cast<uint32_t>(static_cast<uint64_t>(FloatToI64(x)));
  } else {
    // 8/16-bit targets: a 32-bit conversion, then the low bits (modular).
    return static_cast<D>(static_cast<std::make_unsigned_t<D>>(static_cast<uint32_t>(FloatToI32(x))));
  }
}

template <class T>
constexpr bool kIsInt = std::is_integral_v<T>;
template <class T>
constexpr bool kIsFloat = std::is_floating_point_v<T>;
template <class T>
constexpr bool kIsCplx = std::is_same_v<T, Cplx<float>> || std::is_same_v<T, Cplx<double>>;

// The real value of a non-integer source as a double (exact for every source).
template <class S>
inline double RealOf(S v) {
  if constexpr (std::is_same_v<S, Half>) return HalfToDouble(v.bits);
  else if constexpr (kIsCplx<S>) return static_cast<double>(v.re);
  else if constexpr (std::is_same_v<S, Bool>) return v.v ? 1.0 : 0.0;
  else return static_cast<double>(v);
}

// A real source as float32: int64/uint64 round once, as C's conversion does;
// everything else is exact in a double first (the JS path's Math.fround).
// (For an integer of at most 32 bits the direct conversion rounds the same
// exact value once, so it equals going through the double.)
template <class S>
inline float SingleOf(S v) {
  if constexpr (kIsInt<S>) return static_cast<float>(v);
  else return static_cast<float>(RealOf(v));
}

template <class S>
inline double DoubleOf(S v) {
  if constexpr (std::is_same_v<S, int64_t> || std::is_same_v<S, uint64_t>) return static_cast<double>(v);
  else return RealOf(v);
}

template <class S, class D>
inline D Convert(S v) {
  if constexpr (std::is_same_v<D, Bool>) {
    if constexpr (kIsInt<S>) return Bool{static_cast<uint8_t>(v != 0)};
    else if constexpr (std::is_same_v<S, Bool>) return Bool{static_cast<uint8_t>(v.v != 0)};
    else if constexpr (kIsCplx<S>) return Bool{static_cast<uint8_t>(v.re != 0 || v.im != 0)};
    else return Bool{static_cast<uint8_t>(RealOf(v) != 0)};
  } else if constexpr (kIsInt<D>) {
    using U = std::make_unsigned_t<D>;
    if constexpr (kIsInt<S>) return static_cast<D>(static_cast<U>(v));  // modular
    else if constexpr (std::is_same_v<S, Bool>) return static_cast<D>(v.v != 0);
    else return FloatToInt<D>(RealOf(v));
  } else if constexpr (std::is_same_v<D, float>) {
    return SingleOf(v);
  } else if constexpr (std::is_same_v<D, double>) {
    return DoubleOf(v);
  } else if constexpr (std::is_same_v<D, Half>) {
    return Half{DoubleToHalf(DoubleOf(v))};
  } else if constexpr (std::is_same_v<D, Cplx<float>>) {
    if constexpr (kIsCplx<S>) return Cplx<float>{static_cast<float>(v.re), static_cast<float>(v.im)};
    else return Cplx<float>{SingleOf(v), 0.0f};
  } else {
    if constexpr (kIsCplx<S>) return Cplx<double>{static_cast<double>(v.re), static_cast<double>(v.im)};
    else return Cplx<double>{DoubleOf(v), 0.0};
  }
}

// Loads/stores of one item in either byte order (complex: each part swapped).
template <class T, bool Swap>
inline T LoadItem(const uint8_t* p) {
  if constexpr (kIsCplx<T>) {
    using F = decltype(T::re);
    return T{Load<F, Swap>(p), Load<F, Swap>(p + sizeof(F))};
  } else if constexpr (std::is_same_v<T, Half>) {
    return Half{Load<uint16_t, Swap>(p)};
  } else if constexpr (std::is_same_v<T, Bool>) {
    return Bool{*p};
  } else {
    return Load<T, Swap>(p);
  }
}

template <class T, bool Swap>
inline void StoreItem(uint8_t* p, T v) {
  if constexpr (kIsCplx<T>) {
    using F = decltype(T::re);
    StoreItem<F, Swap>(p, v.re);
    StoreItem<F, Swap>(p + sizeof(F), v.im);
  } else if constexpr (std::is_same_v<T, Half>) {
    StoreItem<uint16_t, Swap>(p, v.bits);
  } else if constexpr (std::is_same_v<T, Bool>) {
    *p = v.v;
  } else if constexpr (Swap && sizeof(T) > 1) {
    // Load<T, true> of the native bytes is the swapped value's bytes.
    uint8_t raw[sizeof(T)];
    std::memcpy(raw, &v, sizeof(T));
    T w = Load<T, true>(raw);
    std::memcpy(p, &w, sizeof(T));
  } else {
    std::memcpy(p, &v, sizeof(T));
  }
}

constexpr int64_t kCastChunk = 512;

// Both sides contiguous in native order: one plain loop over the items,
// which the compiler vectorizes for the common pairs (built for AVX2 and
// baseline; DoubleToHalf is branch-free for this, FloatToInt compiles to
// compares and selects).
// SAFETY: both rows lie in layouts ReadLayout checked. __restrict holds
// because kernelCast's contract is non-overlapping layouts (lib/kernels.ts
// castNative; its callers copy through a temporary when views overlap); the
// bounds do not depend on it, so a broken promise gives wrong values, never
// an access outside the memory.
template <class S, class D>
__attribute__((target_clones("avx2", "default")))
void CastContiguous(const uint8_t* __restrict s, uint8_t* __restrict d, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    S v;
    std::memcpy(&v, s + i * static_cast<int64_t>(sizeof(S)), sizeof(S));
    D w = Convert<S, D>(v);
    std::memcpy(d + i * static_cast<int64_t>(sizeof(D)), &w, sizeof(D));
  }
}

#if defined(__x86_64__)
// float64 -> int32, contiguous: cvttpd2dq alone. It gives 0x80000000 (the
// "integer indefinite") for NaN and for every value whose truncation is
// outside int32, which is exactly FloatToI32's INT32_MIN, so the range
// compares and the blend the compiler adds to the C++ conversion (its
// out-of-range result is undefined behaviour) are not needed: a load, one
// conversion and a store per 8 items, where the AVX2 clone of the C++ loop
// runs 17 vector instructions per 8.
// SAFETY: s holds n doubles and d n int32s (CastContiguous's contract);
// the vector loop reads and writes whole groups of 8 (4) items below n.
__attribute__((target("avx512f"))) void CastF8I4Avx512(const uint8_t* __restrict s, uint8_t* __restrict d, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m512d v = _mm512_loadu_pd(s + i * 8);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + i * 4), _mm512_cvttpd_epi32(v));
  }
  for (; i < n; i++) {
    double x;
    std::memcpy(&x, s + i * 8, 8);
    int32_t w = FloatToI32(x);
    std::memcpy(d + i * 4, &w, 4);
  }
}

__attribute__((target("avx2"))) void CastF8I4Avx2(const uint8_t* __restrict s, uint8_t* __restrict d, int64_t n) {
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    __m256d v = _mm256_loadu_pd(reinterpret_cast<const double*>(s + i * 8));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(d + i * 4), _mm256_cvttpd_epi32(v));
  }
  for (; i < n; i++) {
    double x;
    std::memcpy(&x, s + i * 8, 8);
    int32_t w = FloatToI32(x);
    std::memcpy(d + i * 4, &w, 4);
  }
}
#endif

using ContiguousCastFn = void (*)(const uint8_t* __restrict, uint8_t* __restrict, int64_t);

ContiguousCastFn PickCastF8I4() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return CastF8I4Avx512;
  if (__builtin_cpu_supports("avx2")) return CastF8I4Avx2;
#endif
  return CastContiguous<double, int32_t>;
}

// CastContiguous, complex -> complex as a real row of 2n parts (each part
// converts alike), which vectorizes as the real pair does.
template <class S, class D>
void CastContiguousRow(const uint8_t* __restrict s, uint8_t* __restrict d, int64_t n) {
  if constexpr (kIsCplx<S> && kIsCplx<D>) {
    return CastContiguous<decltype(S::re), decltype(D::re)>(s, d, 2 * n);
  } else if constexpr (std::is_same_v<S, double> && std::is_same_v<D, int32_t>) {
    static const ContiguousCastFn fn = PickCastF8I4();
    return fn(s, d, n);
  } else {
    return CastContiguous<S, D>(s, d, n);
  }
}

// Reverses the bytes of each of n items of T (each part of a complex) from
// s into d, which may be s: the vector swap loops of the copy kernel.
// SAFETY: s and d hold n items of T (the callers' chunks).
template <class T>
void SwapItems(const uint8_t* s, uint8_t* d, int64_t n) {
  if constexpr (kIsCplx<T>) {
    return SwapItems<decltype(T::re)>(s, d, 2 * n);
  } else if constexpr (sizeof(T) == 2) {
    return SwapContiguous16(s, d, n);
  } else if constexpr (sizeof(T) == 4) {
    return SwapContiguous32(s, d, n);
  } else if constexpr (sizeof(T) == 8) {
    return SwapContiguous64(s, d, n);
  } else if (s != d) {
    std::memcpy(d, s, static_cast<size_t>(n));  // one byte: nothing to swap
  }
}

template <class S, class D, bool SwapS, bool SwapD>
void CastRow(const uint8_t* s, int64_t ss, uint8_t* d, int64_t ds, int64_t n) {
  if (ss == static_cast<int64_t>(sizeof(S)) && ds == static_cast<int64_t>(sizeof(D))) {
    if constexpr (!SwapS && !SwapD) {
      return CastContiguousRow<S, D>(s, d, n);
    } else if constexpr (std::is_same_v<S, D> && sizeof(S) > 1) {
      // Only the byte order changes (or swaps twice): one swap (copy) pass,
      // the bits kept as they are.
      if constexpr (SwapS != SwapD) return SwapItems<S>(s, d, n);
      else return CastContiguousRow<S, D>(s, d, n);
    } else {
      // Byte order fused chunk by chunk, as NumPy's buffered casts do: a
      // chunk of the source swapped into an L1-sized native buffer, cast
      // from it, and the destination chunk swapped in place, each a vector
      // loop.
      alignas(32) uint8_t buf[kCastChunk * sizeof(S)];
      for (int64_t i0 = 0; i0 < n; i0 += kCastChunk) {
        int64_t k = n - i0 < kCastChunk ? n - i0 : kCastChunk;
        // SAFETY: items i0 .. i0 + k - 1 of both contiguous rows lie in the
        // checked layouts; buf holds kCastChunk >= k items of S.
        const uint8_t* p = s + i0 * static_cast<int64_t>(sizeof(S));
        uint8_t* q = d + i0 * static_cast<int64_t>(sizeof(D));
        if constexpr (SwapS) {
          SwapItems<S>(p, buf, k);
          p = buf;
        }
        CastContiguousRow<S, D>(p, q, k);
        if constexpr (SwapD) SwapItems<D>(q, q, k);
      }
      return;
    }
  }
  S in[kCastChunk];
  D out[kCastChunk];
  for (int64_t i0 = 0; i0 < n; i0 += kCastChunk) {
    int64_t k = n - i0 < kCastChunk ? n - i0 : kCastChunk;
    // SAFETY: items i0 .. i0 + k - 1 of this row lie in the checked layouts.
    const uint8_t* p = s + i0 * ss;
    uint8_t* q = d + i0 * ds;
    for (int64_t i = 0; i < k; i++) in[i] = LoadItem<S, SwapS>(p + i * ss);
    for (int64_t i = 0; i < k; i++) out[i] = Convert<S, D>(in[i]);
    for (int64_t i = 0; i < k; i++) StoreItem<D, SwapD>(q + i * ds, out[i]);
  }
}

using CastRowFn = void (*)(const uint8_t*, int64_t, uint8_t*, int64_t, int64_t);

template <class S, class D>
CastRowFn PickSwaps(bool swap_s, bool swap_d) {
  if (swap_s) return swap_d ? CastRow<S, D, true, true> : CastRow<S, D, true, false>;
  return swap_d ? CastRow<S, D, false, true> : CastRow<S, D, false, false>;
}

template <class S>
CastRowFn PickDst(int dst, bool swap_s, bool swap_d) {
  switch (dst) {
    case kF8: return PickSwaps<S, double>(swap_s, swap_d);
    case kF4: return PickSwaps<S, float>(swap_s, swap_d);
    case kI1: return PickSwaps<S, int8_t>(swap_s, swap_d);
    case kU1: return PickSwaps<S, uint8_t>(swap_s, swap_d);
    case kI2: return PickSwaps<S, int16_t>(swap_s, swap_d);
    case kU2: return PickSwaps<S, uint16_t>(swap_s, swap_d);
    case kI4: return PickSwaps<S, int32_t>(swap_s, swap_d);
    case kU4: return PickSwaps<S, uint32_t>(swap_s, swap_d);
    case kB1: return PickSwaps<S, Bool>(swap_s, swap_d);
    case kCI8: return PickSwaps<S, int64_t>(swap_s, swap_d);
    case kCU8: return PickSwaps<S, uint64_t>(swap_s, swap_d);
    case kCF2: return PickSwaps<S, Half>(swap_s, swap_d);
    case kCC8: return PickSwaps<S, Cplx<float>>(swap_s, swap_d);
    default: return PickSwaps<S, Cplx<double>>(swap_s, swap_d);
  }
}

CastRowFn PickCast(int src, int dst, bool swap_s, bool swap_d) {
  switch (src) {
    case kF8: return PickDst<double>(dst, swap_s, swap_d);
    case kF4: return PickDst<float>(dst, swap_s, swap_d);
    case kI1: return PickDst<int8_t>(dst, swap_s, swap_d);
    case kU1: return PickDst<uint8_t>(dst, swap_s, swap_d);
    case kI2: return PickDst<int16_t>(dst, swap_s, swap_d);
    case kU2: return PickDst<uint16_t>(dst, swap_s, swap_d);
    case kI4: return PickDst<int32_t>(dst, swap_s, swap_d);
    case kU4: return PickDst<uint32_t>(dst, swap_s, swap_d);
    case kB1: return PickDst<Bool>(dst, swap_s, swap_d);
    case kCI8: return PickDst<int64_t>(dst, swap_s, swap_d);
    case kCU8: return PickDst<uint64_t>(dst, swap_s, swap_d);
    case kCF2: return PickDst<Half>(dst, swap_s, swap_d);
    case kCC8: return PickDst<Cplx<float>>(dst, swap_s, swap_d);
    default: return PickDst<Cplx<double>>(dst, swap_s, swap_d);
  }
}

}  // namespace

bool ReadKernelMemory(Napi::Env env, const Napi::Value& v, bool write, KernelMemory* out) {
  Memory m;
  if (!ReadMemory(env, v, write, &m)) return false;
  out->base = m.base;
  out->length = m.length;
  out->mapping = std::move(m.mapping);
  return true;
}

RowCastFn CastRowFor(int src, int dst, bool swap_src, bool swap_dst) {
  return PickCast(src, dst, swap_src, swap_dst);
}

// ------------------------------------------------------------------ plans
//
// Every bulk kernel as a KernelPlan (kernel_plan.h): each unit runs the row
// functions above (Pairwise, Load, CopyRow, the cast rows) on a piece of one
// row, and Fold combines the pieces in NumPy's order. The sync entry points
// (kernelReduce/Copy/Cast, at the end) and async_kernels.cc both run these.

void KernelPlan::RunUnits(int64_t first, int64_t count, Partial* out) {
  if (count <= 0) return;
  int64_t per = units_per_row();
  int64_t leaf = first % per;
  // The multi-index of row first / per over the outer axes, and its offsets.
  size_t outer = shape_.size();
  std::vector<int64_t> idx(outer, 0);
  int64_t a = 0, b = 0;
  for (int64_t r = first / per, k = static_cast<int64_t>(outer); k-- > 0;) {
    idx[k] = r % shape_[k];
    r /= shape_[k];
    // SAFETY: idx[k] < shape_[k]; ReadLayout checked every such sum fits an int64.
    a += idx[k] * sa_[k];
    b += idx[k] * sb_[k];
  }
  Partial scratch;
  for (int64_t i = 0; i < count; i++) {
    Partial* p = out != nullptr ? out + i : &scratch;
    *p = Partial{};
    RunUnit(a, b, leaf, p);
    if (++leaf < per) continue;
    // The next row, as a C-order loop steps (no row follows the last unit).
    leaf = 0;
    for (size_t ax = outer; ax-- > 0;) {
      a += sa_[ax];
      b += sb_[ax];
      if (++idx[ax] < shape_[ax]) break;
      a -= sa_[ax] * shape_[ax];
      b -= sb_[ax] * shape_[ax];
      idx[ax] = 0;
    }
  }
}

namespace {

// Bytes of one unit, at most: small enough that an abort or a close() waits
// well under a millisecond for the block in flight, large enough that the
// per-block bookkeeping does not show.
constexpr int64_t kUnitBytes = int64_t{1} << 20;

class PlanBase : public KernelPlan {
 protected:
  // Rows of `shape` (the last axis is the row) over strides sa/sb; a row is
  // cut by `pairwise` into the leaves of the pairwise tree with at most
  // `leaf` items (leaf >= 128: Pairwise splits only rows longer than 128),
  // else into equal pieces of `leaf` items.
  void Setup(const std::vector<int64_t>& shape, const std::vector<int64_t>& sa, const std::vector<int64_t>& sb,
             int64_t leaf, bool pairwise, int64_t element_bytes) {
    element_bytes_ = element_bytes;
    int64_t size;
    if (!SizeOf(shape, &size) || size == 0) return;  // no units
    n_ = shape.empty() ? 1 : shape.back();
    ss_ = shape.empty() ? 0 : sa.back();
    ds_ = shape.empty() ? 0 : sb.back();
    if (shape.size() > 1) {
      shape_.assign(shape.begin(), shape.end() - 1);
      sa_.assign(sa.begin(), sa.end() - 1);
      sb_.assign(sb.begin(), sb.end() - 1);
    }
    leaf_ = leaf;
    if (pairwise) {
      Cut(0, n_);
    } else {
      for (int64_t i = 0; i < n_; i += leaf) leaves_.emplace_back(i, n_ - i < leaf ? n_ - i : leaf);
    }
    // size / n_ rows; size fits an int64 and leaves_ <= n_, so this does too.
    units_ = size / n_ * static_cast<int64_t>(leaves_.size());
  }

  void Cut(int64_t first, int64_t n) {
    if (n <= leaf_) {
      leaves_.emplace_back(first, n);
      return;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    Cut(first, n2);
    Cut(first + n2, n - n2);
  }

  // The pairwise combination of one row's leaf sums, in Pairwise's order,
  // added in Acc (float for a float32 sum: its leaf sums are floats).
  template <class Acc = double>
  Acc Combine(const Partial* p, int64_t n, int64_t* k) const {
    if (n <= leaf_) return static_cast<Acc>(p[(*k)++].d);
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    Acc x = Combine<Acc>(p, n2, k);
    Acc y = Combine<Acc>(p, n - n2, k);
    return x + y;
  }


  // Once each: a block pins each mapping once (a shared lock taken twice by
  // one thread could deadlock behind a waiting close()).
  void AddMapping(const Memory& m) {
    if (m.mapping && (mappings_.empty() || mappings_[0] != m.mapping)) mappings_.push_back(m.mapping);
  }

  // The read-ahead span of a source layout (kernel_plan.h read_span): only
  // a mapping, only non-negative strides (addresses grow with the units in
  // C order, mostly), only when the elements cover at least half the span
  // (else read-ahead would read pages no unit needs); clamped to the
  // memory, so every advised byte lies inside the mapping.
  void SetReadAhead(const Memory& m, const uint8_t* base, const std::vector<int64_t>& shape,
                    const std::vector<int64_t>& strides, int64_t itemsize) {
    if (!m.mapping || base == nullptr || m.base == nullptr || base < m.base) return;
    int64_t span = itemsize, count = 1, term, bytes;
    for (size_t k = 0; k < shape.size(); k++) {
      if (strides[k] < 0) return;
      if (__builtin_mul_overflow(shape[k] - 1, strides[k], &term) || __builtin_add_overflow(span, term, &span)) return;
      if (__builtin_mul_overflow(count, shape[k], &count)) count = INT64_MAX;
    }
    if (!__builtin_mul_overflow(count, itemsize, &bytes) && bytes < span / 2) return;
    if (static_cast<uint64_t>(base - m.base) >= m.length) return;
    uint64_t room = m.length - static_cast<uint64_t>(base - m.base);
    read_base_ = base;
    read_span_ = static_cast<uint64_t>(span) < room ? span : static_cast<int64_t>(room);
  }

  int64_t n_ = 1, ss_ = 0, ds_ = 0, leaf_ = 1;
};

// ReduceFloat, unit by unit.
template <class T, bool Swap>
class FloatReducePlan : public PlanBase {
 public:
  FloatReducePlan(const Layout& L, int op) : L_(L), op_(op) {
    Setup(L.shape, L.strides, L.strides, std::max<int64_t>(128, kUnitBytes / static_cast<int64_t>(sizeof(T))), true, sizeof(T));
    AddMapping(L.memory);
    SetReadAhead(L.memory, L.base, L.shape, L.strides, sizeof(T));
  }

  void RunUnit(int64_t a, int64_t /*b*/, int64_t leaf, Partial* out) override {
    auto [first, n] = leaves_[leaf];
    // SAFETY: items first .. first + n - 1 of a row ReadLayout checked.
    const uint8_t* p = L_.base + a + first * ss_;
    if (op_ == kSum) {
      out->d = RowSum<T, Swap>(p, n, ss_);
      out->any = true;
      return;
    }
    if (ss_ == 0) {
      if (first > 0) return;  // a broadcast row: only its first item counts, as in ReduceFloat
      n = 1;
    }
    if (op_ == kNanMin || op_ == kNanMax) {
      // The unit's extreme of its items that are not NaN; a unit of NaNs
      // only has none (Fold skips it).
      Extreme<T> e = RowNanExtremeOf<T, Swap>(p, n, ss_, op_ == kNanMin);
      out->d = static_cast<double>(e.m);
      out->mixed = e.mixed;
      out->any = !(e.m != e.m);
      return;
    }
    // The unit's first item equal to its extreme, or its first NaN, in
    // vector lanes: Fold's strict comparisons in unit order then give the
    // sequential rule's bits.
    Extreme<T> e = RowExtremeOf<T, Swap>(p, n, ss_, op_);
    out->d = static_cast<double>(e.m);
    out->nan = e.nan;
    out->mixed = e.mixed;
    out->any = true;
  }

  void Fold(const Partial* p, int64_t /*first*/, int64_t count) override {
    if (op_ == kSum) {
      int64_t per = units_per_row();
      for (int64_t r = 0; r < count; r += per) {
        int64_t k = 0;
        acc_ = static_cast<SumAcc<T>>(static_cast<SumAcc<T>>(acc_) + Combine<SumAcc<T>>(p + r, n_, &k));
      }
      return;
    }
    for (int64_t i = 0; i < count && !nan_; i++) {
      if (!p[i].any) continue;
      if (p[i].nan) {
        nan_ = true;
        m_ = p[i].d;
      } else if (first_) {
        m_ = p[i].d;
        first_ = false;
      } else if (op_ == kMin || op_ == kNanMin ? p[i].d < m_ : p[i].d > m_) {
        m_ = p[i].d;
      }
      // A unit holds a zero only when its extreme is one, and the array's
      // extreme is zero only when every unit's is zero or beyond it: these
      // units hold all of the array's zeros then.
      if (p[i].d == 0) {
        (std::signbit(p[i].d) ? negative_zero_ : positive_zero_) = true;
        if (p[i].mixed) negative_zero_ = positive_zero_ = true;
      }
    }
  }

  // The extreme (for min/max: the first item equal to it, or the first NaN),
  // or, when it is a zero and the array holds both zeros, [that first zero]:
  // which zero NumPy's loop returns is then the caller's to find.
  Napi::Value Result(Napi::Env env) override {
    // An fmin/fmax reduction of NaNs only (no unit had another item): NaN.
    if ((op_ == kNanMin || op_ == kNanMax) && first_) return Napi::Number::New(env, std::numeric_limits<double>::quiet_NaN());
    if (op_ != kSum && !nan_ && m_ == 0 && positive_zero_ && negative_zero_) {
      Napi::Array both = Napi::Array::New(env, 1);
      both.Set(uint32_t{0}, Napi::Number::New(env, m_));
      return both;
    }
    return Napi::Number::New(env, op_ == kSum ? acc_ : m_);
  }

 private:
  Layout L_;
  int op_;
  double acc_ = 0.0, m_ = 0.0;
  bool first_ = true, nan_ = false;
  bool positive_zero_ = false, negative_zero_ = false;
};

// The contiguous native rows of the unit sums below as loops the compiler
// vectorizes, also built for AVX2 and x86-64-v4 (integer adds: exact in any
// lanes). A bool row is counted by index_kernels.cc's CountNonzeroBytes (64
// byte counters, one vector compare and subtract per 64 bytes) where the
// strided loop took an item a cycle.
template <class T>
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
int64_t SumContiguous(const T* __restrict p, int64_t n) {
  int64_t r = 0;
  for (int64_t i = 0; i < n; i++) r += static_cast<int64_t>(p[i]);
  return r;
}

// ReduceInt (and Reduce64 when Wide), unit by unit: exact sums and extremes,
// which any grouping gives alike.
template <class T, bool Swap, bool Wide>
class IntReducePlan : public PlanBase {
 public:
  IntReducePlan(const Layout& L, int op, bool boolean) : L_(L), op_(op), boolean_(boolean) {
    Setup(L.shape, L.strides, L.strides, kUnitBytes / static_cast<int64_t>(sizeof(T)), false, sizeof(T));
    AddMapping(L.memory);
    SetReadAhead(L.memory, L.base, L.shape, L.strides, sizeof(T));
  }

  void RunUnit(int64_t a, int64_t /*b*/, int64_t leaf, Partial* out) override {
    auto [first, n] = leaves_[leaf];
    // SAFETY: items first .. first + n - 1 of a row ReadLayout checked.
    const uint8_t* p = L_.base + a + first * ss_;
    if (op_ == kSum) {
      out->any = true;
      if (ss_ == 0) {
        out->i = static_cast<__int128>(n) * Value(p);
        return;
      }
      if constexpr (Wide) {
        // n <= kUnitBytes / 8 items: RowSum64's split sums cannot overflow.
        out->i = static_cast<__int128>(RowSum64<std::is_signed_v<T>, Swap>(p, n, ss_));
      } else {
        // n <= kUnitBytes items of at most 32 bits: no int64 overflow.
        int64_t r = 0;
        if (boolean_ && ss_ == 1) {
          r = CountNonzeroBytes(p, n);
        } else if (!boolean_ && !Swap && ss_ == static_cast<int64_t>(sizeof(T)) &&
                   reinterpret_cast<uintptr_t>(p) % alignof(T) == 0) {
          // SAFETY: the row's n items, aligned (checked just above).
          r = SumContiguous(reinterpret_cast<const T*>(p), n);
        } else if (boolean_) {
          for (int64_t i = 0; i < n; i++) r += p[i * ss_] != 0;
        } else {
          for (int64_t i = 0; i < n; i++) r += static_cast<int64_t>(Load<T, Swap>(p + i * ss_));
        }
        out->i = r;
      }
      return;
    }
    if (ss_ == 0) {
      if (first > 0) return;
      n = 1;
    }
    // The unit's extreme in vector lanes (a bool as 0/1).
    out->i = boolean_ ? static_cast<__int128>(RowExtremeOf<uint8_t, false, true>(p, n, ss_, op_).m)
                      : static_cast<__int128>(RowExtremeOf<T, Swap>(p, n, ss_, op_).m);
    out->any = true;
  }

  void Fold(const Partial* p, int64_t /*first*/, int64_t count) override {
    for (int64_t i = 0; i < count; i++) {
      if (!p[i].any) continue;
      if (op_ == kSum) {
        // Unsigned: wraps exactly as the sync kernel's unsigned accumulator does.
        sum_ += static_cast<unsigned __int128>(p[i].i);
      } else if (first_) {
        m_ = p[i].i;
        first_ = false;
      } else if (op_ == kMin ? p[i].i < m_ : p[i].i > m_) {
        m_ = p[i].i;
      }
    }
  }

  Napi::Value Result(Napi::Env env) override {
    if constexpr (Wide) {
      if (op_ == kSum) {
        if constexpr (std::is_signed_v<T>) {
          __int128 acc = static_cast<__int128>(sum_);
          bool negative = acc < 0;
          return BigIntOf(env, negative, negative ? -static_cast<unsigned __int128>(acc) : sum_);
        } else {
          return BigIntOf(env, false, sum_);
        }
      }
      bool negative = m_ < 0;
      unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(m_) : static_cast<unsigned __int128>(m_);
      return BigIntOf(env, negative, magnitude);
    } else {
      return Napi::Number::New(env, op_ == kSum ? static_cast<double>(static_cast<__int128>(sum_)) : static_cast<double>(m_));
    }
  }

 private:
  __int128 Value(const uint8_t* p) const {
    if (boolean_) return *p != 0;
    return static_cast<__int128>(Load<T, Swap>(p));
  }

  Layout L_;
  int op_;
  bool boolean_;
  unsigned __int128 sum_ = 0;
  __int128 m_ = 0;
  bool first_ = true;
};

// NumPy buffers a layout its loops cannot read in place (an unaligned one,
// e.g. a <f8 at offset 12 of a 28-byte record) in chunks of its buffer size
// (np.getbufsize(), 8192 items) gathered in iteration order, across rows,
// sums each chunk pairwise and adds the chunk sums in order. lib/buffered-sum.ts
// is the JS mirror; test/buffered-sum.test.ts checks both against NumPy.
// (float32 sums run in double, unlike NumPy's, so only <f8 takes this order.)

// NumPy's aligned flag: the first item and every stride of an axis longer
// than one are multiples of the type's alignment.
template <class T>
bool NumpyAligned(const Layout& L) {
  if (reinterpret_cast<uintptr_t>(L.base) % alignof(T) != 0) return false;
  for (size_t k = 0; k < L.shape.size(); k++) {
    if (L.shape[k] > 1 && L.strides[k] % static_cast<int64_t>(alignof(T)) != 0) return false;
  }
  return true;
}

// Whether NumPy's iterator buffers a float sum over L (the walk: K order,
// axes merged): when the items are byte-swapped or not aligned (a cast),
// and when the walk has two or more rows shorter than its buffer.
template <class T>
bool BuffersSum(const Layout& L, bool swap) {
  return swap || !NumpyAligned<T>(L) || (L.shape.size() >= 2 && L.shape.back() < kNumpyBufferItems);
}

// A float sum (float64, or float32 in float32) in NumPy's buffered order:
// its iterator copies the walk's items (K order, axes merged: the layout as
// lib/kernels.ts passes it) into
// a buffer of kNumpyBufferItems and sums each buffer pairwise, adding the
// buffer sums in order. The buffers are BufferSpanOf's (pairwise.h): whole
// cores of the innermost axes, restarting at each step of the axis outside
// them; a row of kNumpyBufferItems or more goes in pieces of that many, none
// across its end. NumPy takes this path where BuffersSum says: an unaligned layout (a
// <f8 in a packed record), a byte-swapped one, and every layout of two or
// more rows shorter than the buffer (a slice of a matrix: row sums added one
// by one round differently).
// Unit c is buffer c; the buffers are laid out as rows of up to
// kChunksPerRow units over one virtual outer axis whose "stride" is the
// row's first buffer index, so RunUnits hands RunUnit that index as `a`;
// units past the last buffer (the last row's padding) see no element and
// Fold skips them.
template <class T, bool Swap>
class BufferedSumPlan : public KernelPlan {
 public:
  explicit BufferedSumPlan(const Layout& L) : L_(L) {
    element_bytes_ = sizeof(T);
    if (!SizeOf(L.shape, &size_) || size_ == 0) return;  // no units
    n_ = L.shape.empty() ? 1 : L.shape.back();
    // Rows below the buffer: BufferSpanOf's buffers; longer rows: pieces of
    // the buffer's size, none across a row's end (a span of one row).
    if (n_ < kNumpyBufferItems) {
      const BufferSpan b = BufferSpanOf(L.shape.data(), L.shape.size());
      per_ = b.per;
      span_ = b.span;
    } else {
      per_ = kNumpyBufferItems;
      span_ = n_;
    }
    // per_, span_ >= 1 and span_ divides size_ (a product of whole axes).
    pieces_ = (span_ - 1) / per_ + 1;
    chunks_ = size_ / span_ * pieces_;
    int64_t per = std::min(chunks_, kChunksPerRow);
    for (int64_t c = 0; c < per; c++) leaves_.emplace_back(c, 0);
    int64_t rows = (chunks_ - 1) / per + 1;
    units_ = rows * per;
    if (rows > 1) {
      shape_ = {rows};
      sa_ = {per};  // row r's first buffer is buffer r * per < chunks_
      sb_ = {0};
    }
    if (L.memory.mapping) mappings_.push_back(L.memory.mapping);
  }

  void RunUnit(int64_t a, int64_t /*b*/, int64_t leaf, Partial* out) override {
    const int64_t c = a + leaves_[leaf].first;
    if (c >= chunks_) return;  // padding
    // Buffer c's first item (in walk order) and its item count.
    const int64_t j = c % pieces_;
    const int64_t start = c / pieces_ * span_ + j * per_;
    const int64_t count = std::min(per_, span_ - j * per_);
    size_t nd = L_.shape.size();
    int64_t n = nd == 0 ? 1 : L_.shape.back();
    int64_t s = nd == 0 ? 0 : L_.strides.back();
    // The multi-index of item `start`, and the byte offset of its row.
    std::vector<int64_t> idx(nd, 0);
    int64_t row = 0;
    for (int64_t r = start, k = static_cast<int64_t>(nd); k-- > 0;) {
      idx[k] = r % L_.shape[k];
      r /= L_.shape[k];
      // SAFETY: idx[k] < shape[k]; ReadLayout checked every such sum fits an int64.
      if (k + 1 < static_cast<int64_t>(nd)) row += idx[k] * L_.strides[k];
    }
    int64_t i = nd == 0 ? 0 : idx[nd - 1];
    if (n - i >= count) {
      // The whole chunk inside one row: the same pairwise sum, read in place.
      // SAFETY: items i .. i + count - 1 of a row ReadLayout checked.
      out->d = RowSum<T, Swap>(L_.base + row + i * s, count, s);
      out->any = true;
      return;
    }
    // The chunk spans rows (so nd >= 2): gathered as NumPy's buffer is.
    std::vector<T> buf(static_cast<size_t>(count));
    for (int64_t fill = 0; fill < count;) {
      int64_t k = std::min(n - i, count - fill);
      // SAFETY: items i .. i + k - 1 of a row ReadLayout checked; fill + k <= count.
      const uint8_t* p = L_.base + row;
      for (int64_t j = 0; j < k; j++) buf[fill + j] = Load<T, Swap>(p + (i + j) * s);
      fill += k;
      if (fill == count) break;
      // The next row, as a C-order loop steps (one follows: fill < count).
      i = 0;
      for (size_t ax = nd - 1; ax-- > 0;) {
        row += L_.strides[ax];
        if (++idx[ax] < L_.shape[ax]) break;
        row -= L_.strides[ax] * L_.shape[ax];
        idx[ax] = 0;
      }
    }
    if constexpr (std::is_same_v<T, float>) out->d = PairwiseContiguousF4(buf.data(), count);
    else out->d = PairwiseContiguous(buf.data(), count);
    out->any = true;
  }

  void Fold(const Partial* p, int64_t /*first*/, int64_t count) override {
    for (int64_t i = 0; i < count; i++) {
      if (p[i].any) acc_ = static_cast<T>(acc_ + static_cast<T>(p[i].d));
    }
  }

  Napi::Value Result(Napi::Env env) override { return Napi::Number::New(env, acc_); }

 private:
  // Chunks per row of units: a fold wave's worth.
  static constexpr int64_t kChunksPerRow = kWavePartials;

  Layout L_;
  int64_t size_ = 0, n_ = 1;
  // Buffers of at most per_ items, none across a multiple of span_ items:
  // pieces_ per span, chunks_ in all.
  int64_t per_ = 1, span_ = 1, pieces_ = 1, chunks_ = 0;
  T acc_ = 0;
};

template <bool Swap>
std::unique_ptr<KernelPlan> MakeReducePlan(const Layout& L, int type, int op) {
  switch (type) {
    case kF8:
      if (op == kSum && BuffersSum<double>(L, Swap)) return std::make_unique<BufferedSumPlan<double, Swap>>(L);
      return std::make_unique<FloatReducePlan<double, Swap>>(L, op);
    case kF4:
      if (op == kSum && BuffersSum<float>(L, Swap)) return std::make_unique<BufferedSumPlan<float, Swap>>(L);
      return std::make_unique<FloatReducePlan<float, Swap>>(L, op);
    case kI1: return std::make_unique<IntReducePlan<int8_t, Swap, false>>(L, op, false);
    case kU1: return std::make_unique<IntReducePlan<uint8_t, Swap, false>>(L, op, false);
    case kI2: return std::make_unique<IntReducePlan<int16_t, Swap, false>>(L, op, false);
    case kU2: return std::make_unique<IntReducePlan<uint16_t, Swap, false>>(L, op, false);
    case kI4: return std::make_unique<IntReducePlan<int32_t, Swap, false>>(L, op, false);
    case kU4: return std::make_unique<IntReducePlan<uint32_t, Swap, false>>(L, op, false);
    case kI8: return std::make_unique<IntReducePlan<int64_t, Swap, true>>(L, op, false);
    case kU8: return std::make_unique<IntReducePlan<uint64_t, Swap, true>>(L, op, false);
    default: return std::make_unique<IntReducePlan<uint8_t, Swap, false>>(L, op, true);
  }
}

class CopyPlan : public PlanBase {
 public:
  CopyPlan(Layout S, Layout D, std::vector<int64_t> shape, int64_t itemsize, std::vector<int64_t> units)
      : S_(std::move(S)), D_(std::move(D)), itemsize_(itemsize), units_list_(std::move(units)) {
    Coalesce(&shape, &S_.strides, &D_.strides);
    int64_t size, bytes;
    stream_ = SizeOf(shape, &size) && (__builtin_mul_overflow(size, itemsize, &bytes) || bytes >= kStreamBytes);
    // The source repeats along a short last axis whose destination items are
    // contiguous and follow on from one item of the axis before to the next
    // (repeat(a, r): shape [n, r], source strides [s, 0], destination [r *
    // item, item]): the rows are the axis before, each item written r times
    // (RepeatRow), not n rows of r items.
    const size_t nd = shape.size();
    std::vector<int64_t> sh = shape, ss = S_.strides, ds = D_.strides;
    if (units_list_.empty() && nd >= 2 && (itemsize == 1 || itemsize == 2 || itemsize == 4 || itemsize == 8) &&
        ss[nd - 1] == 0 && ds[nd - 1] == itemsize && sh[nd - 1] >= 2 && sh[nd - 1] <= kRepeatMax &&
        ds[nd - 2] == sh[nd - 1] * itemsize) {
      repeat_ = sh[nd - 1];
      sh.pop_back();
      ss.pop_back();
      ds.pop_back();
    }
    Setup(sh, ss, ds, std::max<int64_t>(1, kUnitBytes / (itemsize * (repeat_ > 0 ? repeat_ : 1))), false, itemsize);
    AddMapping(S_.memory);
    AddMapping(D_.memory);
    SetReadAhead(S_.memory, S_.base, shape, S_.strides, itemsize);
  }

  void RunUnit(int64_t a, int64_t b, int64_t leaf, Partial* /*out*/) override {
    auto [first, n] = leaves_[leaf];
    if (repeat_ > 0) {
      // SAFETY: items first .. first + n - 1 of the rows ReadLayout checked,
      // each with its repeat_ destination items (the dropped last axis: ds_ ==
      // repeat_ * itemsize_, so they are d .. d + repeat_ items of item i).
      RepeatRow(S_.base + a + first * ss_, ss_, D_.base + b + first * ds_, n, repeat_, itemsize_, stream_);
      return;
    }
    // SAFETY: items first .. first + n - 1 of rows both ReadLayouts checked.
    CopyRow(S_.base + a + first * ss_, ss_, D_.base + b + first * ds_, ds_, n, itemsize_, units_list_, stream_);
  }

 private:
  // The longest repeated last axis RepeatRow takes (a longer one: rows of it).
  static constexpr int64_t kRepeatMax = 16;
  Layout S_, D_;
  int64_t itemsize_;
  std::vector<int64_t> units_list_;
  bool stream_ = false;
  int64_t repeat_ = 0;
};

// A cast into a contiguous destination of at least kStreamBytes is written
// with streaming stores, as the big copies are (see CopyBytes): each chunk
// is cast into an L1 buffer by the pair's own row function, then streamed
// out, so no destination line is read for ownership before it is written.
// For 10M <f8 into an existing <f4 array that is 120 MB of memory traffic
// instead of 160 MB (NumPy's cast reads each destination line first too):
// 8% less CPU time in an A/B at load 20. Not for 1- and 2-byte items: the
// float16 conversion is compute-bound, and streaming it cost 17% more.
// On the AMD VM the chunks must be small and unfenced: a C++ harness of
// 10M <f8 into <i4 (best of 40, quiet) took 3.7-3.9 ms with plain stores,
// 4.8-5.0 ms through 8 KiB chunks with an sfence each (the first version),
// 3.6-3.7 ms through 8 KiB chunks fenced once, and 2.7-2.9 ms through 2 KiB
// chunks fenced once (4 KiB and more: 4.8-5.1 ms), as fast as streaming
// from the vector registers directly (2.6-2.9 ms).
constexpr int64_t kCastStreamChunk = 2048;  // destination bytes per chunk

class CastPlan : public PlanBase {
 public:
  CastPlan(Layout S, Layout D, std::vector<int64_t> shape, CastRowFn row, int64_t itemsize, int64_t dst_itemsize)
      : S_(std::move(S)), D_(std::move(D)), row_(row), dsize_(dst_itemsize) {
    Coalesce(&shape, &S_.strides, &D_.strides);
    Setup(shape, S_.strides, D_.strides, std::max<int64_t>(1, kUnitBytes / itemsize), false, itemsize);
    AddMapping(S_.memory);
    AddMapping(D_.memory);
    SetReadAhead(S_.memory, S_.base, shape, S_.strides, itemsize);
    int64_t size, bytes;
    stream_ = dsize_ >= 4 && dsize_ <= kCastStreamChunk && SizeOf(shape, &size) &&
              (__builtin_mul_overflow(size, dsize_, &bytes) || bytes >= kStreamBytes);
  }

  void RunUnit(int64_t a, int64_t b, int64_t leaf, Partial* /*out*/) override {
    auto [first, n] = leaves_[leaf];
    // SAFETY: items first .. first + n - 1 of rows both ReadLayouts checked.
    const uint8_t* s = S_.base + a + first * ss_;
    uint8_t* d = D_.base + b + first * ds_;
    if (!stream_ || ds_ != dsize_) return row_(s, ss_, d, ds_, n);
    static const StreamCopyFn stream = PickStreamCopy(false);
    alignas(64) uint8_t buf[kCastStreamChunk];
    int64_t per = kCastStreamChunk / dsize_;
    for (int64_t i0 = 0; i0 < n; i0 += per) {
      int64_t k = n - i0 < per ? n - i0 : per;
      // SAFETY: items i0 .. i0 + k - 1 of this row lie in the checked
      // layouts (the destination's are contiguous: ds_ == dsize_); buf holds
      // per >= k items of the destination type, and is no part of either
      // layout, so the streamed copy's ranges do not overlap.
      row_(s + i0 * ss_, ss_, buf, dsize_, k);
      stream(buf, d + i0 * dsize_, static_cast<size_t>(k * dsize_));
    }
#if defined(__SSE2__)
    // The streamed lines are ordered before whatever this thread (or the
    // pool's caller, after the unit) stores or publishes next.
    _mm_sfence();
#endif
  }

 private:
  Layout S_, D_;
  CastRowFn row_;
  int64_t dsize_;
  bool stream_ = false;
};

}  // namespace

std::unique_ptr<KernelPlan> PlanReduce(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<int64_t> shape;
  int64_t type, op;
  if (info.Length() < 7 || !ToInts(info[3], &shape) || !ToInt(info[4], &type) || type < 0 || type > kU8 ||
      !ToInt(info[6], &op) || op < kSum || op > kNanMax || (op >= kNanMin && type != kF8 && type != kF4)) {
    ThrowType(env, "kernelReduce(buffer, byteOffset, strides, shape, type, swap, op): bad arguments");
    return nullptr;
  }
  Layout L;
  if (!ReadLayout(info, 0, shape, kItemsize[type], false, &L)) return nullptr;
  int64_t size;
  if (!SizeOf(shape, &size)) {
    ThrowRange(env, "kernelReduce: the layout has more than 2^63 elements");
    return nullptr;
  }
  if (size == 0 && op != kSum) {
    ThrowRange(env, "kernelReduce: min/max of an empty layout");
    return nullptr;
  }
  bool swap = ToBool(info[5]);
  return swap ? MakeReducePlan<true>(L, static_cast<int>(type), static_cast<int>(op))
              : MakeReducePlan<false>(L, static_cast<int>(type), static_cast<int>(op));
}

std::unique_ptr<KernelPlan> PlanCopy(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<int64_t> shape, units;
  int64_t itemsize;
  if (info.Length() < 9 || !ToInts(info[6], &shape) || !ToInt(info[7], &itemsize) || itemsize <= 0 ||
      !ToInts(info[8], &units) || units.size() % 2 != 0) {
    ThrowType(env, "kernelCopy(src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape, itemsize, units): bad arguments");
    return nullptr;
  }
  for (size_t u = 0; u + 1 < units.size(); u += 2) {
    if (units[u] < 0 || units[u + 1] < 0 || units[u + 1] > itemsize - units[u]) {
      ThrowRange(env, "kernelCopy: a swap unit lies outside the item");
      return nullptr;
    }
  }
  Layout S, D;
  if (!ReadLayout(info, 0, shape, itemsize, false, &S) || !ReadLayout(info, 3, shape, itemsize, true, &D)) return nullptr;
  int64_t size;
  if (!SizeOf(shape, &size)) {
    ThrowRange(env, "kernelCopy: the layout has more than 2^63 elements");
    return nullptr;
  }
  return std::make_unique<CopyPlan>(std::move(S), std::move(D), std::move(shape), itemsize, std::move(units));
}

std::unique_ptr<KernelPlan> PlanCast(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<int64_t> shape;
  int64_t st, dt;
  if (info.Length() < 11 || !ToInts(info[10], &shape) || !ToInt(info[3], &st) || st < 0 || st > kCC16 ||
      !ToInt(info[8], &dt) || dt < 0 || dt > kCC16) {
    ThrowType(env, "kernelCast(src, srcOffset, srcStrides, srcType, srcSwap, dst, dstOffset, dstStrides, dstType, dstSwap, shape): bad arguments");
    return nullptr;
  }
  Layout S, D;
  if (!ReadLayout(info, 0, shape, kCastItemsize[st], false, &S) || !ReadLayout(info, 5, shape, kCastItemsize[dt], true, &D)) {
    return nullptr;
  }
  int64_t size;
  if (!SizeOf(shape, &size)) {
    ThrowRange(env, "kernelCast: the layout has more than 2^63 elements");
    return nullptr;
  }
  CastRowFn row = PickCast(static_cast<int>(st), static_cast<int>(dt), ToBool(info[4]), ToBool(info[9]));
  int64_t itemsize = std::max(kCastItemsize[st], kCastItemsize[dt]);
  return std::make_unique<CastPlan>(std::move(S), std::move(D), std::move(shape), row, itemsize, kCastItemsize[dt]);
}

namespace {

// A plan run to the end on this thread: every unit in order, folded wave by
// wave (the async path runs the same units on the pool, in any order). A
// source mapping that read_span() covers is read ahead as the async jobs do
// (read_ahead.h): the units run in steps of about kReadAheadStep bytes of
// the span, each after advising up to ReadAheadBytes() past its end (one
// mincore per step on a warm file). The steps change no unit and no fold.
Napi::Value RunSync(Napi::Env env, std::unique_ptr<KernelPlan> plan) {
  if (!plan) return env.Undefined();  // the plan threw
  int64_t units = plan->units(), wave = WaveUnits(*plan);
  std::vector<Partial> partials(static_cast<size_t>(std::min(wave, units)));
  // Under two steps, the faults' own readahead covers the span: no syscall.
  int64_t span = ReadAheadBytes() > 0 && plan->read_span() >= 2 * kReadAheadStep ? plan->read_span() : 0;
  // Units per step: about kReadAheadStep bytes of the span (units walk it in
  // about proportion); 128-bit, units * step may pass 2^63.
  int64_t step = span > 0 ? std::max<int64_t>(1, static_cast<int64_t>(static_cast<__int128>(units) * kReadAheadStep / span)) : units;
  // A warm source: after each step whose window was resident, the next
  // 1, 2, 4, then 8 steps (at most the 32 MiB distance) skip the check, so a
  // cached file costs about one mincore per 32 MiB; a cold page resets it.
  int64_t advised = 0, skip = 0, warm = 0;
  for (int64_t w = 0; w < units; w += wave) {
    int64_t count = std::min(wave, units - w);
    for (int64_t u = w; u < w + count; u += step) {
      int64_t n = std::min(step, w + count - u);
      if (span > 0 && advised < span && skip-- <= 0) {
        int64_t at = static_cast<int64_t>(static_cast<__int128>(u + n) * span / units);
        int64_t want = std::min(span, at + ReadAheadBytes());
        int64_t from = std::max(advised, at);
        bool resident = want > from && AdviseReadAhead(*plan, from, want);
        warm = resident ? std::min<int64_t>(8, warm == 0 ? 1 : 2 * warm) : 0;
        skip = warm;
        advised = std::max(advised, want);
      }
      plan->RunUnits(u, n, partials.data() + (u - w));
    }
    plan->Fold(partials.data(), w, count);
  }
  return plan->Result(env);
}

// kernelReduce(memory, byteOffset, strides, shape, type, swap, op) -> number
// (a BigInt for the 64-bit integer types; 0 for an empty sum).
// `memory` is an ArrayBuffer or a MappingHandle (then byteOffset counts from
// the start of the mapping, which may be larger than any ArrayBuffer).
Napi::Value KernelReduce(const Napi::CallbackInfo& info) {
  std::unique_ptr<KernelPlan> plan = PlanReduce(info);
  if (plan && plan->units() == 0) return Napi::Number::New(info.Env(), 0.0);
  return RunSync(info.Env(), std::move(plan));
}

// kernelCopy(src, srcOffset, srcStrides, dst, dstOffset, dstStrides, shape,
// itemsize, units), src and dst each an ArrayBuffer or a MappingHandle (a
// read-only mapping is refused as dst): dst[i] = src[i] with the bytes of each unit
// [units[2k], units[2k] + units[2k+1]) of every item reversed. Source and
// destination must not overlap, except by being exactly the same bytes.
Napi::Value KernelCopy(const Napi::CallbackInfo& info) { return RunSync(info.Env(), PlanCopy(info)); }

// kernelCast(src, srcOffset, srcStrides, srcType, srcSwap, dst, dstOffset,
// dstStrides, dstType, dstSwap, shape): dst[i] = cast(src[i]) in C order.
// The two layouts must not overlap.
Napi::Value KernelCast(const Napi::CallbackInfo& info) { return RunSync(info.Env(), PlanCast(info)); }

}  // namespace

void InitKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("kernelCopy", Napi::Function::New<KernelCopy>(env, "kernelCopy"));
  exports.Set("kernelReduce", Napi::Function::New<KernelReduce>(env, "kernelReduce"));
  exports.Set("kernelCast", Napi::Function::New<KernelCast>(env, "kernelCast"));
}

}  // namespace mmarray
