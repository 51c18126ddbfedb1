#include "sort_kernels.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <shared_mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "byte_order.h"
#include "env_state.h"
#include "gradual_release.h"
#include "kernels.h"
#include "kernel_plan.h"
#include "napi_util.h"
#include "pool_buffer.h"
#include "pool_job.h"
#include "pool_yield.h"
#include "scratch.h"
#include "simd_sort.h"
#include "sort_checkpoint.h"

namespace mmarray {
namespace {

// ------------------------------------------------------------ arguments

// Type codes shared with lib/kernels.ts (CAST_CODES).
enum Type { kF8 = 0, kF4, kI1, kU1, kI2, kU2, kI4, kU4, kB1, kI8, kU8, kF2, kC8, kC16 };
constexpr int64_t kItemsize[] = {8, 4, 1, 1, 2, 2, 4, 4, 1, 8, 8, 2, 8, 16};

void ThrowArgs(Napi::Env env, const char* what) { ThrowType(env, std::string(what) + ": bad arguments"); }

// Checks in overflow-checked arithmetic that every byte of every item of
// (shape, strides, itemsize) from byte `offset` lies inside `memory`, and
// sets *base to item 0. After it returns true for a non-empty layout,
// base + sum(i_k * stride_k) + [0, itemsize) is in bounds for every index
// 0 <= i_k < shape_k and every partial sum of those terms fits an int64:
// that is what makes each pointer formed below safe.
bool CheckLayout(Napi::Env env, const char* what, const KernelMemory& memory, int64_t offset,
                 const std::vector<int64_t>& shape, const std::vector<int64_t>& strides, int64_t itemsize,
                 uint8_t** base) {
  int64_t size = 1;
  for (int64_t d : shape) {
    if (d < 0 || __builtin_mul_overflow(size, d, &size)) {
      ThrowRange(env, std::string(what) + ": bad shape");
      return false;
    }
  }
  *base = nullptr;
  if (size == 0) return true;
  if (const char* bad = LayoutSpanError(offset, shape, strides, itemsize, memory.length)) {
    ThrowRange(env, std::string(what) + ": " + bad);
    return false;
  }
  // SAFETY: LayoutSpanError put every item inside the memory, item 0 at offset
  // among them, so base + offset is inside it.
  *base = memory.base + offset;
  return true;
}

// ------------------------------------------------------------ keys
//
// Each item type sorts as an unsigned word U (its raw bits, in this host's
// byte order) mapped to an order-preserving key of the same width: NumPy's
// order, in which every NaN sorts last (one key for all, the largest) and
// +0 equals -0 (one key for both). So a stable sort by key is NumPy's
// stable sort, and for every other value the key maps back to its bits.

template <class T, bool Swap>
inline void StoreBytes(uint8_t* p, T v) {
  if constexpr (Swap && sizeof(T) == 2) v = static_cast<T>(__builtin_bswap16(static_cast<uint16_t>(v)));
  if constexpr (Swap && sizeof(T) == 4) v = static_cast<T>(__builtin_bswap32(static_cast<uint32_t>(v)));
  if constexpr (Swap && sizeof(T) == 8) v = static_cast<T>(__builtin_bswap64(static_cast<uint64_t>(v)));
  std::memcpy(p, &v, sizeof(T));
}

enum class Kind { kFloat, kSigned, kUnsigned, kBool };

template <class U_, Kind K, U_ Inf = 0>
struct Codec {
  using U = U_;
  static constexpr Kind kKind = K;
  // A float's largest non-NaN magnitude bits (infinity); 0 for the others.
  static constexpr U kInf = Inf;
  static constexpr U kSign = static_cast<U>(U{1} << (8 * sizeof(U) - 1));
  // The key of +0 and -0.
  static constexpr U kZero = kSign;
  static constexpr U kNaN = static_cast<U>(~U{0});

  // Branch-free, so that the contiguous key loops below vectorize.
  static inline U Key(U raw) {
    if constexpr (K == Kind::kFloat) {
      const U mag = static_cast<U>(raw & ~kSign);
      // A negative number's bits all flip, a positive one's sign bit sets.
      const U flip = static_cast<U>(static_cast<U>(0 - static_cast<U>(raw >> (8 * sizeof(U) - 1))) | kSign);
      const U key = mag == 0 ? kZero : static_cast<U>(raw ^ flip);
      return mag > Inf ? kNaN : key;
    } else if constexpr (K == Kind::kSigned) {
      return static_cast<U>(raw ^ kSign);
    } else if constexpr (K == Kind::kBool) {
      return raw != 0;
    } else {
      return raw;
    }
  }

  // The bits of a key's value (bool: 0 or 1, as the codec writes it; a NaN
  // or a zero gets fixed up from the input afterwards).
  static inline U Bits(U key) {
    if constexpr (K == Kind::kFloat) {
      const U flip = static_cast<U>(static_cast<U>(static_cast<U>(key >> (8 * sizeof(U) - 1)) - 1) | kSign);
      return static_cast<U>(key ^ flip);
    } else if constexpr (K == Kind::kSigned) {
      return static_cast<U>(key ^ kSign);
    } else {
      return key;
    }
  }
};

template <class F>
auto WithCodec(int64_t type, F&& f) {
  switch (type) {
    case kF8: return f(Codec<uint64_t, Kind::kFloat, 0x7ff0000000000000ull>{});
    case kF4: return f(Codec<uint32_t, Kind::kFloat, 0x7f800000u>{});
    case kF2: return f(Codec<uint16_t, Kind::kFloat, 0x7c00>{});
    case kI1: return f(Codec<uint8_t, Kind::kSigned>{});
    case kU1: return f(Codec<uint8_t, Kind::kUnsigned>{});
    case kI2: return f(Codec<uint16_t, Kind::kSigned>{});
    case kU2: return f(Codec<uint16_t, Kind::kUnsigned>{});
    case kI4: return f(Codec<uint32_t, Kind::kSigned>{});
    case kU4: return f(Codec<uint32_t, Kind::kUnsigned>{});
    case kI8: return f(Codec<uint64_t, Kind::kSigned>{});
    case kU8: return f(Codec<uint64_t, Kind::kUnsigned>{});
    default: return f(Codec<uint8_t, Kind::kBool>{});
  }
}

// ------------------------------------------------------------ radix sort

// Digit width of an LSD pass over keys of width U: 8 bits for 1- and
// 2-byte keys and for short lanes (the counts of every pass are cleared and
// summed per lane, so short lanes want few buckets), 11 (2048 buckets: few
// enough scatter streams for the caches and the TLB) for long lanes of wider
// keys.
template <class U, bool Long>
constexpr int kDigitBits = sizeof(U) <= 2 || !Long ? 8 : 11;
template <class U, bool Long>
constexpr int kPasses = (8 * static_cast<int>(sizeof(U)) + kDigitBits<U, Long> - 1) / kDigitBits<U, Long>;
template <class U, bool Long>
constexpr size_t kBuckets = size_t{1} << kDigitBits<U, Long>;
// Counts a lane's passes need at most.
template <class U>
constexpr size_t kHistSize = std::max(kBuckets<U, true> * kPasses<U, true>, kBuckets<U, false> * kPasses<U, false>);
// Lanes at least this long use the long digits.
constexpr size_t kLongLane = 4096;

// Below this many keys a stable insertion sort beats the passes.
constexpr size_t kInsertionMax = 24;

// Sorts the n keys at *k stably (with their indices at *x when X), using
// *tk and *tx as scratch; on return *k (and *x) point at whichever buffer
// holds the result. Every digit's counts come from one read of the keys; a
// digit that is the same for every key is skipped. n < 2^32.
template <class U, bool X, bool Long>
void RadixPasses(U** k, uint32_t** x, U** tk, uint32_t** tx, size_t n, uint32_t* hist);

template <class U, bool X>
void RadixSort(U** k, uint32_t** x, U** tk, uint32_t** tx, size_t n, uint32_t* hist) {
  if (n <= kInsertionMax) {
    U* a = *k;
    uint32_t* b = *x;
    for (size_t i = 1; i < n; i++) {
      U v = a[i];
      uint32_t w = X ? b[i] : 0;
      size_t j = i;
      for (; j > 0 && a[j - 1] > v; j--) {
        a[j] = a[j - 1];
        if constexpr (X) b[j] = b[j - 1];
      }
      a[j] = v;
      if constexpr (X) b[j] = w;
    }
    return;
  }
  if (n >= kLongLane) RadixPasses<U, X, true>(k, x, tk, tx, n, hist);
  else RadixPasses<U, X, false>(k, x, tk, tx, n, hist);
}

template <class U, bool X, bool Long>
void RadixPasses(U** k, uint32_t** x, U** tk, uint32_t** tx, size_t n, uint32_t* hist) {
  constexpr int kBits = kDigitBits<U, Long>;
  constexpr int kP = kPasses<U, Long>;
  constexpr size_t kR = kBuckets<U, Long>;
  constexpr U kMask = static_cast<U>(kR - 1);
  std::memset(hist, 0, sizeof(uint32_t) * kR * kP);
  const U* src = *k;
  // An async sort's checkpoints (sort_checkpoint.h) between pieces of every
  // pass: a stop leaves the scratch half sorted, which the caller drops.
  const bool counted = ForEachPiece(n, [&](size_t i0, size_t i1) {
    for (size_t i = i0; i < i1; i++) {
      U v = src[i];
      for (int p = 0; p < kP; p++) hist[p * kR + ((v >> (p * kBits)) & kMask)]++;
    }
  });
  if (!counted) return;
  for (int p = 0; p < kP; p++) {
    uint32_t* c = hist + p * kR;
    const int shift = p * kBits;
    if (c[((*k)[0] >> shift) & kMask] == n) continue;
    uint32_t sum = 0;
    for (size_t d = 0; d < kR; d++) {
      uint32_t t = c[d];
      c[d] = sum;
      sum += t;
    }
    const U* a = *k;
    U* da = *tk;
    bool whole;
    if constexpr (X) {
      const uint32_t* b = *x;
      uint32_t* db = *tx;
      whole = ForEachPiece(n, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) {
          uint32_t d = c[(a[i] >> shift) & kMask]++;
          da[d] = a[i];
          db[d] = b[i];
        }
      });
      std::swap(*x, *tx);
    } else {
      whole = ForEachPiece(n, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) da[c[(a[i] >> shift) & kMask]++] = a[i];
      });
    }
    std::swap(*k, *tk);
    if (!whole) return;
  }
}

// ------------------------------------------------------------ choice of sort
//
// Where the CPU has AVX-512, 4- and 8-byte keys sort with the vector
// quicksort of simd_sort.h at every lane length (not stable, which no
// caller here can see: equal keys are equal bits, zeros and NaNs are put
// back from the input). Measured on the Xeon VM (CPU ms, min of 5
// interleaved rounds, load 20+): 10M float64 keys 324 against 487 for the
// radix passes; 1000 x 10000 float64 lanes 143 against 172; int32 lanes 37
// against 57. Argsorts keep the radix passes: 32-bit keys packed with their
// index into one 64-bit key for the vector sort measured 1.05-1.10 x the
// radix time.
template <class U>
constexpr bool kSimdWidth = sizeof(U) == 8 || sizeof(U) == 4;

// Sorts the n keys at *k (not stably: for values only), using *tk as
// scratch; on return *k points at whichever buffer holds the result.
template <class U>
void SortKeys(U** k, U** tk, size_t n, uint32_t* hist) {
  if constexpr (kSimdWidth<U>) {
    if (SimdSortAvailable()) {
      if constexpr (sizeof(U) == 8) SimdSortU64(*k, n);
      else SimdSortU32(*k, n);
      return;
    }
  }
  if (n <= 0xffffffffu) {
    uint32_t* none = nullptr;
    RadixSort<U, false>(k, &none, tk, &none, n, hist);
  } else {
    // Equal keys are equal bits to every caller (zeros and NaNs are put
    // back afterwards), so an unstable sort gives the same lane.
    std::sort(*k, *k + n);
  }
}

// ------------------------------------------------------------ contiguous lanes
//
// A lane of native items one after the other (the usual case) reads its keys
// and writes its values in loops the compiler vectorizes, with AVX-512 or
// AVX2 where the CPU has them (x86-64; elsewhere the macro is defined away by
// binding.gyp). Measured beside the vector sort, the per-item loops with
// their zero and NaN bookkeeping cost about a third of a 10M float64 sort.
#define MMARRAY_KEY_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

// Writes the keys of the n native items at src into k; returns how many are
// the key of a zero or of a NaN (whose bits the key does not keep).
template <class C>
MMARRAY_KEY_CLONES size_t KeysOf(const uint8_t* __restrict src, typename C::U* __restrict k, size_t n) {
  using U = typename C::U;
  size_t special = 0;
  for (size_t i = 0; i < n; i++) {
    U raw;
    // SAFETY: the caller's n items at src.
    std::memcpy(&raw, src + i * sizeof(U), sizeof(U));
    const U key = C::Key(raw);
    k[i] = key;
    if constexpr (C::kKind == Kind::kFloat) special += (key == C::kZero) | (key == C::kNaN);
  }
  return special;
}

// Writes the values of the n keys at k as native items at dst.
template <class C>
MMARRAY_KEY_CLONES void BitsInto(uint8_t* __restrict dst, const typename C::U* __restrict k, size_t n) {
  using U = typename C::U;
  for (size_t i = 0; i < n; i++) {
    const U bits = C::Bits(k[i]);
    // SAFETY: the caller's n items at dst.
    std::memcpy(dst + i * sizeof(U), &bits, sizeof(U));
  }
}

// The keys of the n native items at k, in place (SortValueBlocks's
// transposed rows), and back.
template <class C>
MMARRAY_KEY_CLONES void KeysInPlace(typename C::U* k, size_t n) {
  for (size_t i = 0; i < n; i++) k[i] = C::Key(k[i]);
}

template <class C>
MMARRAY_KEY_CLONES void BitsInPlace(typename C::U* k, size_t n) {
  for (size_t i = 0; i < n; i++) k[i] = C::Bits(k[i]);
}

// How many of the n float items (bits) at k are a zero or a NaN.
template <class C>
MMARRAY_KEY_CLONES size_t CountSpecial(const typename C::U* k, size_t n) {
  using U = typename C::U;
  size_t special = 0;
  for (size_t i = 0; i < n; i++) special += (static_cast<U>(k[i] & ~C::kSign) == 0) | (C::Key(k[i]) == C::kNaN);
  return special;
}

// ------------------------------------------------------------ lanes

// Calls lane(srcOffset, dstOffset) for each lane (the last axis) of a C-order
// walk of `shape` with byte strides `ss` and `ds`.
//
// An async sort (SortWorker) sets a LaneHook on its pool thread: the
// outermost walk asks it before each lane whether to go on (an abort, a
// close() waiting) and tells it after each, for progress and a yield.
struct LaneHook {
  virtual ~LaneHook() = default;
  virtual void Begin(int64_t lanes) = 0;
  virtual bool Continue() = 0;
  virtual void Done() = 0;
};
thread_local LaneHook* tl_lane_hook = nullptr;
thread_local int tl_walk_depth = 0;

template <class Lane>
void WalkLanes(const std::vector<int64_t>& shape, const std::vector<int64_t>& ss, const std::vector<int64_t>& ds, Lane lane) {
  size_t outer = shape.size() - 1;
  std::vector<int64_t> idx(outer, 0);
  int64_t a = 0, b = 0;
  LaneHook* hook = tl_walk_depth == 0 ? tl_lane_hook : nullptr;
  struct Depth {
    Depth() { tl_walk_depth++; }
    ~Depth() { tl_walk_depth--; }
  } depth;
  if (hook != nullptr) {
    int64_t lanes = 1;
    for (size_t k = 0; k < outer; k++) lanes *= shape[k];  // <= the checked layout's item count
    hook->Begin(lanes);
  }
  for (;;) {
    if (hook != nullptr && !hook->Continue()) return;
    lane(a, b);
    if (hook != nullptr) hook->Done();
    size_t ax = outer;
    for (;;) {
      if (ax == 0) return;
      ax--;
      idx[ax]++;
      a += ss[ax];
      b += ds[ax];
      if (idx[ax] < shape[ax]) break;
      a -= ss[ax] * shape[ax];
      b -= ds[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
}

// One sort along the last axis: src and dst are checked layouts of `shape`
// (dst may be src itself: each lane is read whole before it is written).
struct Job {
  const uint8_t* src;
  uint8_t* dst;
  std::vector<int64_t> shape, ss, ds;
  int64_t n;  // lane length
};

// How many neighbouring lanes one block of SortValueBlocks gathers: a
// block's row of 16 items spans one or two cache lines (8-byte items), and
// its two key buffers (2 x 16 x n keys) stay in L2 for lanes of a few
// thousand items.
constexpr int64_t kLaneBlock = 16;
// Longest lane SortValueBlocks takes (its scratch is 2 x kLaneBlock x n keys).
constexpr int64_t kBlockLaneMax = 1 << 14;

// True when SortValues should sort `j`'s lanes in blocks: the lanes are
// strided (not contiguous) while their neighbours along the next axis out
// are closer in memory than a lane's own items, as in a sort along axis 0 of
// a C-order matrix. A lane by lane walk then reads one item per cache line
// (and per page) for every item; a block reads a row of kLaneBlock items at
// once (NumPy copies each lane to a buffer; a block amortises those reads).
template <class U>
bool WantsBlocks(const Job& j) {
  const size_t nd = j.shape.size();
  if (nd < 2 || j.n < 2 || j.n > kBlockLaneMax || j.shape[nd - 2] < 2) return false;
  const int64_t s = j.ss.back(), ls = j.ss[nd - 2];
  const int64_t as = s < 0 ? -s : s, als = ls < 0 ? -ls : ls;
  return as != static_cast<int64_t>(sizeof(U)) && als < as;
}

// SortValues for WantsBlocks layouts: the same lanes and the same bits,
// kLaneBlock neighbouring lanes at a time. Phase 1 gathers a block's keys
// row by row (lane l's keys at keys + l * n); phase 2 sorts each lane and
// reads back, from the untouched src, what a key does not keep of a float
// lane's zeros (signs) and NaNs (bits); phase 3 scatters the block's sorted
// values row by row; phase 4 puts those zeros and NaNs back. Each phase
// reads src before the block's dst is written, so dst may be src.
template <class C, bool Swap>
void SortValueBlocks(const Job& j) {
  using U = typename C::U;
  const size_t n = static_cast<size_t>(j.n);
  const size_t nd = j.shape.size();
  const int64_t s = j.ss.back(), d = j.ds.back();
  const int64_t ls = j.ss[nd - 2], ld = j.ds[nd - 2], lanes = j.shape[nd - 2];
  // The origins of the blocked axis's rows: WalkLanes over the shape without
  // the lane axis walks every axis but its last (the blocked one, walked
  // below in blocks), so that axis's extent is not read there.
  std::vector<int64_t> outerShape(j.shape.begin(), j.shape.end() - 1), outerSs(j.ss.begin(), j.ss.end() - 1),
      outerDs(j.ds.begin(), j.ds.end() - 1);
  outerShape.back() = 1;
  std::vector<U> bufA(kLaneBlock * n), bufB(kLaneBlock * n);
  std::vector<uint32_t> hist(kHistSize<U>);
  U* sorted[kLaneBlock];
  const bool transposable = !Swap && sizeof(U) == 8 && ls == 8 && ld == 8 && SimdSortAvailable();
  // Float lanes with a zero or a NaN: their zero signs (in input order), the
  // count of keys below the zero key, and their NaN bits.
  struct Special {
    int64_t lane;
    size_t below;
    std::vector<uint8_t> zeroSigns;
    std::vector<U> nans;
  };
  std::vector<Special> specials;
  // Items sorted since an async sort's last checkpoint (sort_checkpoint.h),
  // reached between blocks: each block is written whole or not at all.
  size_t unchecked = 0;
  WalkLanes(outerShape, outerSs, outerDs, [&](int64_t a0, int64_t b0) {
    for (int64_t t = 0; t < lanes; t += kLaneBlock) {
      if (unchecked >= kCheckItems) {
        unchecked = 0;
        if (!SortGo()) return;
      }
      unchecked += static_cast<size_t>(std::min(kLaneBlock, lanes - t)) * n;
      const int64_t m = std::min(kLaneBlock, lanes - t);
      const int64_t a = a0 + t * ls, b = b0 + t * ld;
      U* keys = bufA.data();
      // A whole block of 8-byte native items whose lanes are neighbours in
      // src and in dst moves by 8 x 8 transposes.
      const bool transposed = transposable && m == kLaneBlock;
      // float64 lanes so moved stay bits: one with no zero and no NaN sorts
      // as doubles (as in SortValues), the others as keys, turned back into
      // bits after phase 2.
      const bool raw = transposed && C::kKind == Kind::kFloat;
      if constexpr (sizeof(U) == 8) {
        // SAFETY: the kLaneBlock lanes (ls == 8: item i of lane t + l at
        // a + i * s + 8 * l) of n items of the block at a: inside the
        // checked src layout; bufA holds kLaneBlock * n keys.
        if (transposed) {
          SimdGatherLanes64(j.src + a, s, keys, n, static_cast<int>(kLaneBlock));
          if (!raw) KeysInPlace<C>(keys, static_cast<size_t>(kLaneBlock) * n);
        }
      }
      for (size_t i = 0; !transposed && i < n; i++) {
        // SAFETY: lane t + l < lanes and item i < n of the block at a:
        // inside the checked src layout.
        const uint8_t* row = j.src + a + static_cast<int64_t>(i) * s;
        for (int64_t l = 0; l < m; l++) keys[static_cast<size_t>(l) * n + i] = C::Key(LoadBytes<U, Swap>(row + l * ls));
      }
      specials.clear();
      for (int64_t l = 0; l < m; l++) {
        U* k = bufA.data() + static_cast<size_t>(l) * n;
        U* tk = bufB.data() + static_cast<size_t>(l) * n;
        if constexpr (C::kKind == Kind::kFloat && sizeof(U) == 8) {
          if (raw) {
            if (CountSpecial<C>(k, n) == 0) {
              SimdSortF64(k, n);
              sorted[l] = k;
              continue;
            }
            KeysInPlace<C>(k, n);
          }
        }
        SortKeys<U>(&k, &tk, n, hist.data());
        sorted[l] = k;
        if constexpr (C::kKind == Kind::kFloat) {
          const U* zero = std::lower_bound(k, k + n, C::kZero);
          const bool hasZero = zero != k + n && *zero == C::kZero;
          if (hasZero || k[n - 1] == C::kNaN) {
            Special sp{l, static_cast<size_t>(zero - k), {}, {}};
            for (size_t i = 0; i < n; i++) {
              // SAFETY: as in phase 1 (src is not written before phase 3).
              U raw = LoadBytes<U, Swap>(j.src + a + l * ls + static_cast<int64_t>(i) * s);
              U key = C::Key(raw);
              if (key == C::kZero) sp.zeroSigns.push_back(raw != 0);
              if (key == C::kNaN) sp.nans.push_back(raw);
            }
            specials.push_back(std::move(sp));
          }
          if (raw) BitsInPlace<C>(k, n);
        }
      }
      // An async sort stopped inside a lane (sort_checkpoint.h): the block
      // is left as it was.
      if (SortStopped()) return;
      bool scattered = false;
      if constexpr (sizeof(U) == 8) {
        // The vector sort leaves each lane where it was read (a radix sort
        // may end in bufB): then the block's lanes are bufA's rows.
        bool inA = transposed;
        for (int64_t l = 0; inA && l < m; l++) inA = sorted[l] == keys + static_cast<size_t>(l) * n;
        if (inA) {
          if (!raw) BitsInPlace<C>(keys, static_cast<size_t>(kLaneBlock) * n);
          // SAFETY: as for the gather, in the checked dst layout (ld == 8).
          SimdScatterLanes64(keys, j.dst + b, d, n, static_cast<int>(kLaneBlock));
          scattered = true;
        }
      }
      for (size_t i = 0; !scattered && i < n; i++) {
        // SAFETY: lane t + l < lanes and item i < n of the block at b:
        // inside the checked dst layout.
        uint8_t* row = j.dst + b + static_cast<int64_t>(i) * d;
        for (int64_t l = 0; l < m; l++) StoreBytes<U, Swap>(row + l * ld, raw ? sorted[l][i] : C::Bits(sorted[l][i]));
      }
      for (const Special& sp : specials) {
        // SAFETY: as in phase 3, for lane t + sp.lane.
        uint8_t* out = j.dst + b + sp.lane * ld;
        if (std::find(sp.zeroSigns.begin(), sp.zeroSigns.end(), 1) != sp.zeroSigns.end()) {
          for (size_t i = 0; i < sp.zeroSigns.size(); i++) {
            StoreBytes<U, Swap>(out + static_cast<int64_t>(sp.below + i) * d, sp.zeroSigns[i] ? C::kSign : U{0});
          }
        }
        for (size_t i = 0; i < sp.nans.size(); i++) {
          StoreBytes<U, Swap>(out + static_cast<int64_t>(n - sp.nans.size() + i) * d, sp.nans[i]);
        }
      }
    }
  });
}

// Copies the bits of the n native items at src to k; returns how many are a
// zero or a NaN (a float64 lane that SortValues sorts as doubles).
template <class C>
MMARRAY_KEY_CLONES size_t CopyCountSpecial(const uint8_t* __restrict src, typename C::U* __restrict k, size_t n) {
  using U = typename C::U;
  size_t special = 0;
  for (size_t i = 0; i < n; i++) {
    U raw;
    // SAFETY: the caller's n items at src.
    std::memcpy(&raw, src + i * sizeof(U), sizeof(U));
    k[i] = raw;
    const U mag = static_cast<U>(raw & ~C::kSign);
    special += (mag == 0) | (C::Key(raw) == C::kNaN);
  }
  return special;
}

// Writes back what a float lane's keys do not keep, into its sorted values
// at out (n items, byte stride d): the zeros (of either sign, in any order
// after the sort) in input order when one is -0, from item `below` on; the
// NaNs last, in input order. A write-back: it yields, never stops.
template <class U, bool Swap>
void PutBackSpecials(uint8_t* out, int64_t d, size_t n, size_t below, const ScratchVector<uint8_t>& zeroSigns,
                     const ScratchVector<U>& nans) {
  constexpr U kSign = static_cast<U>(U{1} << (8 * sizeof(U) - 1));
  // SAFETY (both loops): items below + i < below + zeros <= n and
  // n - nans + i < n of the caller's lane at out.
  if (std::find(zeroSigns.begin(), zeroSigns.end(), 1) != zeroSigns.end()) {
    ForEachWrite(zeroSigns.size(), [&](size_t i0, size_t i1) {
      for (size_t i = i0; i < i1; i++) StoreBytes<U, Swap>(out + static_cast<int64_t>(below + i) * d, zeroSigns[i] ? kSign : U{0});
    });
  }
  ForEachWrite(nans.size(), [&](size_t i0, size_t i1) {
    for (size_t i = i0; i < i1; i++) StoreBytes<U, Swap>(out + static_cast<int64_t>(n - nans.size() + i) * d, nans[i]);
  });
}

// Sorts the n native items of a lane in dst (`out`, contiguous and aligned
// for U) where they lie, copying them there first from the lane at `in`
// unless it is dst: SortValues's path for a sync sort with the vector sorts,
// which need no scratch but a float lane's zeros and NaNs (so an in-place
// sort of a mapping of any length takes no memory beside it). Not for an
// async sort, which may stop inside the lane: a lane stopped half sorted in
// dst would be neither sorted nor as it was. The zeros and NaNs are put back
// as in SortValues.
template <class C>
void SortLaneInDst(const uint8_t* in, uint8_t* out, size_t n, ScratchVector<uint8_t>* zeroSigns, ScratchVector<typename C::U>* nans) {
  using U = typename C::U;
  // SAFETY: the n items of the lane at out, inside the checked dst layout,
  // aligned for U (the caller's check); the lane at in is either the same
  // items or does not overlap them (SortLanes's contract), n * sizeof(U)
  // bytes inside the checked src layout.
  U* o = reinterpret_cast<U*>(out);
  const bool same = in == out;
  zeroSigns->clear();
  nans->clear();
  size_t below = 0;  // negative values (float lanes)
  if constexpr (C::kKind == Kind::kFloat && sizeof(U) == 8) {
    // float64 sorts as doubles (SortValues's asDoubles): the NaNs are taken
    // out, the rest packed at the front in order.
    if ((same ? CountSpecial<C>(o, n) : CopyCountSpecial<C>(in, o, n)) == 0) {
      SimdSortF64(o, n);
      return;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
      const U raw = o[i];
      const U mag = static_cast<U>(raw & ~C::kSign);
      if (C::Key(raw) == C::kNaN) {
        nans->push_back(raw);
        continue;
      }
      if (mag == 0) zeroSigns->push_back(raw != 0);
      below += mag != 0 && raw != mag;
      o[m++] = raw;
    }
    SimdSortF64(o, m);
  } else if constexpr (C::kKind == Kind::kSigned || C::kKind == Kind::kUnsigned) {
    // Integers sort as they lie (signed ones by the signed vector sorts): no
    // key pass before and after.
    if (!same) std::memcpy(o, in, n * sizeof(U));
    constexpr bool kSigned = C::kKind == Kind::kSigned;
    if constexpr (sizeof(U) == 8) kSigned ? SimdSortI64(o, n) : SimdSortU64(o, n);
    else kSigned ? SimdSortI32(o, n) : SimdSortU32(o, n);
    return;
  } else {
    // Float32 sorts as keys, transformed in dst and back. The lane's zeros
    // and NaNs are read while their bits are still there.
    size_t special = same ? (C::kKind == Kind::kFloat ? CountSpecial<C>(o, n) : 0) : KeysOf<C>(in, o, n);
    if (special == 0 && same) {
      KeysInPlace<C>(o, n);
    } else if (special != 0) {
      for (size_t i = 0; i < n; i++) {
        U raw;
        std::memcpy(&raw, in + i * sizeof(U), sizeof(U));
        const U key = same ? C::Key(raw) : o[i];
        below += key < C::kZero;
        if (key == C::kZero) zeroSigns->push_back(raw != 0);
        if (key == C::kNaN) nans->push_back(raw);
        o[i] = key;
      }
    }
    if constexpr (sizeof(U) == 8) SimdSortU64(o, n);
    else SimdSortU32(o, n);
    BitsInPlace<C>(o, n);
    if constexpr (C::kKind != Kind::kFloat) return;
  }
  PutBackSpecials<U, false>(out, static_cast<int64_t>(sizeof(U)), n, below, *zeroSigns, *nans);
}

// Sorts a lane of n 1- or 2-byte integers (of C) at in (byte stride s) into
// the lane at out (stride d; the same lane or no overlap) by counting their
// values: one read and one write, where the radix passes read and write it
// twice through scratch. hist holds 256 or 65,536 zero counters and is left
// zeroed; n < 2^32.
template <class C, bool Swap>
void CountingSortLane(const uint8_t* in, int64_t s, uint8_t* out, int64_t d, size_t n, uint32_t* hist) {
  using U = typename C::U;
  constexpr size_t kBins = size_t{1} << (8 * sizeof(U));
  constexpr int64_t kSize = static_cast<int64_t>(sizeof(U));
  // SAFETY: i < n items of the lane at in (stride s), inside the checked src
  // layout; every item is counted before the first store below.
  if (!Swap && s == kSize) {
    for (size_t i = 0; i < n; i++) {
      U v;
      std::memcpy(&v, in + i * sizeof(U), sizeof(U));
      hist[C::Key(v)]++;
    }
  } else {
    for (size_t i = 0; i < n; i++) hist[C::Key(LoadBytes<U, Swap>(in + static_cast<int64_t>(i) * s))]++;
  }
  size_t o = 0;
  for (size_t k = 0; k < kBins; k++) {
    const size_t c = hist[k];
    if (c == 0) continue;
    hist[k] = 0;
    const U raw = C::Bits(static_cast<U>(k));
    // SAFETY: o + c <= n items of the lane at out (the counts sum to n),
    // inside the checked dst layout.
    if (sizeof(U) == 1 && d == 1) {
      std::memset(out + o, static_cast<int>(raw), c);
    } else if (!Swap && d == kSize) {
      for (size_t q = o; q < o + c; q++) std::memcpy(out + q * sizeof(U), &raw, sizeof(U));
    } else {
      for (size_t q = o; q < o + c; q++) StoreBytes<U, Swap>(out + static_cast<int64_t>(q) * d, raw);
    }
    o += c;
  }
}

// Sorts each lane's values into dst (same type and byte order).
template <class C, bool Swap>
void SortValues(const Job& j) {
  using U = typename C::U;
  if (WantsBlocks<U>(j)) return SortValueBlocks<C, Swap>(j);
  const size_t n = static_cast<size_t>(j.n);
  const int64_t s = j.ss.back(), d = j.ds.back();
  // Scratch for the lanes that cannot sort in dst, made at the first one.
  std::optional<Scratch<U>> bufA, bufB;
  std::vector<uint32_t> hist(kHistSize<U>);
  // A float lane's zeros (their signs, in input order) and NaNs (their bits),
  // put back after the sort: their keys do not say which they were.
  ScratchVector<uint8_t> zeroSigns;
  ScratchVector<U> nans;
  constexpr int64_t kSize = static_cast<int64_t>(sizeof(U));
  // float64 lanes sort as doubles where the vector sorts run (no key
  // transform in or out, and vminpd/vmaxpd; see simd_sort.cc K64F): the NaNs
  // are taken out first and -0 and +0 are equal, put back as below.
  const bool asDoubles = C::kKind == Kind::kFloat && sizeof(U) == 8 && SimdSortAvailable();
  // Contiguous native lanes of a sync sort with the vector sorts sort in dst
  // (SortLaneInDst).
  const bool inDst = !Swap && kSimdWidth<U> && s == kSize && d == kSize && SimdSortAvailable() && tl_sort_checkpoint == nullptr;
  // 1- and 2-byte integer lanes of a sync sort at least as long as their
  // value range sort by counting (CountingSortLane): 10M int16 items in 8
  // ms, where the radix passes took 29 ms. An async sort keeps the radix
  // passes, whose scratch loops may stop at its checkpoints.
  constexpr bool kCountable = sizeof(U) <= 2 && (C::kKind == Kind::kSigned || C::kKind == Kind::kUnsigned);
  constexpr size_t kBins = size_t{1} << (8 * std::min(sizeof(U), size_t{2}));
  const bool counting = kCountable && tl_sort_checkpoint == nullptr && n >= kBins && n <= 0xffffffffu;
  std::vector<uint32_t> counts(counting ? kBins : 0);
  WalkLanes(j.shape, j.ss, j.ds, [&](int64_t a, int64_t b) {
    if constexpr (kCountable) {
      if (counting) return CountingSortLane<C, Swap>(j.src + a, s, j.dst + b, d, n, counts.data());
    }
    if constexpr (kSimdWidth<U>) {
      if (inDst && reinterpret_cast<uintptr_t>(j.dst + b) % alignof(U) == 0) {
        SortLaneInDst<C>(j.src + a, j.dst + b, n, &zeroSigns, &nans);
        return;
      }
    }
    if (!bufA) {
      bufA.emplace(n);
      bufB.emplace(n);
    }
    U* k = bufA->data();
    U* tk = bufB->data();
    size_t below = 0;  // keys below the zero key
    size_t special = 0;
    zeroSigns.clear();
    nans.clear();
    // The loops over a lane's n items run in pieces with an async sort's
    // checkpoints between them (sort_checkpoint.h): those that fill the
    // scratch (k) may stop, and then the lane is left as it was; the
    // write-back into dst only yields.
    if constexpr (C::kKind == Kind::kFloat && sizeof(U) == 8) {
      if (asDoubles) {
        uint8_t* out = j.dst + b;
        // SAFETY (both loops): i < n items of the lane at a: inside the
        // checked src layout.
        const bool read = ForEachPiece(n, [&](size_t i0, size_t i1) {
          if (!Swap && s == kSize) {
            special += CopyCountSpecial<C>(j.src + a + static_cast<int64_t>(i0) * kSize, k + i0, i1 - i0);
          } else {
            for (size_t i = i0; i < i1; i++) {
              const U raw = LoadBytes<U, Swap>(j.src + a + static_cast<int64_t>(i) * s);
              k[i] = raw;
              special += ((raw & ~C::kSign) == 0) | (C::Key(raw) == C::kNaN);
            }
          }
        });
        if (!read) return;
        size_t m = n;  // values that are not NaN, at k[0, m)
        if (special != 0) {
          m = 0;
          const bool split = ForEachPiece(n, [&](size_t i0, size_t i1) {
            for (size_t i = i0; i < i1; i++) {
              const U raw = k[i];
              const U mag = static_cast<U>(raw & ~C::kSign);
              if (C::Key(raw) == C::kNaN) {
                nans.push_back(raw);
                continue;
              }
              if (mag == 0) zeroSigns.push_back(raw != 0);
              below += mag != 0 && raw != mag;  // negative
              k[m++] = raw;
            }
          });
          if (!split) return;
        }
        SimdSortF64(k, m);
        if (SortStopped()) return;
        // SAFETY: i < m <= n items of the lane at b: inside the checked dst layout.
        ForEachWrite(m, [&](size_t i0, size_t i1) {
          if (!Swap && d == kSize) std::memcpy(out + i0 * sizeof(U), k + i0, (i1 - i0) * sizeof(U));
          else for (size_t i = i0; i < i1; i++) StoreBytes<U, Swap>(out + static_cast<int64_t>(i) * d, k[i]);
        });
        PutBackSpecials<U, Swap>(out, d, n, below, zeroSigns, nans);
        return;
      }
    }
    // SAFETY (both loops): i < n items of the lane at a: inside the checked
    // src layout.
    const bool read = ForEachPiece(n, [&](size_t i0, size_t i1) {
      if (!Swap && s == kSize) {
        special += KeysOf<C>(j.src + a + static_cast<int64_t>(i0) * kSize, k + i0, i1 - i0);
      } else {
        for (size_t i = i0; i < i1; i++) {
          const U key = C::Key(LoadBytes<U, Swap>(j.src + a + static_cast<int64_t>(i) * s));
          k[i] = key;
          if constexpr (C::kKind == Kind::kFloat) special += (key == C::kZero) | (key == C::kNaN);
        }
      }
    });
    if (!read) return;
    if constexpr (C::kKind == Kind::kFloat) {
      const bool counted = special == 0 || ForEachPiece(n, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) {
          // SAFETY: as above.
          const U raw = LoadBytes<U, Swap>(j.src + a + static_cast<int64_t>(i) * s);
          below += k[i] < C::kZero;
          if (k[i] == C::kZero) zeroSigns.push_back(raw != 0);
          if (k[i] == C::kNaN) nans.push_back(raw);
        }
      });
      if (!counted) return;
    }
    SortKeys<U>(&k, &tk, n, hist.data());
    if (SortStopped()) return;
    uint8_t* out = j.dst + b;
    // SAFETY: i < n items of the lane at b: inside the checked dst layout.
    ForEachWrite(n, [&](size_t i0, size_t i1) {
      if (!Swap && d == kSize) BitsInto<C>(out + i0 * sizeof(U), k + i0, i1 - i0);
      else for (size_t i = i0; i < i1; i++) StoreBytes<U, Swap>(out + static_cast<int64_t>(i) * d, C::Bits(k[i]));
    });
    if constexpr (C::kKind == Kind::kFloat) PutBackSpecials<U, Swap>(out, d, n, below, zeroSigns, nans);
  });
}

inline void StoreIndex(uint8_t* p, uint32_t i) {
  int64_t v = i;
  std::memcpy(p, &v, 8);
}

// Lanes of at most this many items argsort with the vector sort of packed
// (key, position) words where it runs (PackedArgsort); longer ones with the
// radix passes, which win there. Keys of 4 bytes or less take fewer radix
// passes: past 4096 items (where the passes take 11-bit digits) the radix
// sort of such keys with few distinct values beat the packed sort.
template <class U>
constexpr size_t kPackedArgsortMax = sizeof(U) == 8 ? size_t{1} << 16 : size_t{1} << 12;

// The stable argsort of the n keys at k into x, with the AVX-512 quicksort
// of 64-bit words: each word is a key's low `keyBits` bits (the only ones
// that differ among the n keys; all of a U's bits when it has no more) over
// its position's b bits (n <= 2^b), so equal keys sort by position. Keys of
// up to 64 - b such bits fit whole: that order is the stable one. Wider ones
// keep their top 64 - b bits; a run of equal tops, rare in real data, is
// then ordered by the whole key, stably (its positions already ascend),
// which gives exactly the stable order. `w` is scratch for n words.
template <class U>
void PackedArgsort(const U* k, uint32_t* x, uint64_t* w, size_t n, int keyBits = 8 * static_cast<int>(sizeof(U))) {
  int b = 1;
  while ((size_t{1} << b) < n) b++;
  const uint64_t keyMask = keyBits >= 64 ? ~uint64_t{0} : (uint64_t{1} << keyBits) - 1;
  const bool whole = keyBits + b <= 64;
  const int drop = whole ? 0 : keyBits + b - 64;  // low key bits not in the word
  for (size_t i = 0; i < n; i++) w[i] = ((static_cast<uint64_t>(k[i]) & keyMask) >> drop << b) | i;
  SimdSortU64(w, n);
  const uint64_t mask = (uint64_t{1} << b) - 1;
  for (size_t i = 0; i < n; i++) x[i] = static_cast<uint32_t>(w[i] & mask);
  if (whole) return;
  for (size_t i = 0; i + 1 < n;) {
    size_t e = i + 1;
    while (e < n && (w[e] >> b) == (w[i] >> b)) e++;
    // Ties of the whole key (the common run) are already in order.
    const auto less = [k](uint32_t p, uint32_t q) { return k[p] < k[q]; };
    if (e - i > 1 && !std::is_sorted(x + i, x + e, less)) std::stable_sort(x + i, x + e, less);
    i = e;
  }
}

// Bucket sizes BucketArgsort aims at: a bucket's keys, positions and words
// (20 bytes an item) stay in L2.
constexpr size_t kBucketItems = size_t{1} << 13;
// Most buckets of one pass: the scatter streams of an LSD pass (11 bits).
constexpr int kBucketBitsMax = 11;

// RadixSort<U, true>'s contract (the n keys at *k and their indices at *x
// stably sorted, *tk and *tx scratch, *k and *x left pointing at the result)
// for 8-byte keys past kPackedArgsortMax, where the vector sort runs: one
// MSD pass scatters (key, index) pairs by the top bits that differ among the
// keys (at most 2^11 buckets of about kBucketItems), then each bucket sorts
// in cache with PackedArgsort and gathers its indices (and, with `keys`,
// its keys) back into *k and *x; a bucket past kPackedArgsortMax (skewed
// data) takes another such pass. Six LSD passes over a lane of 10M float64
// keys each stream 12 bytes an item through 2048 scatter targets, which
// runs out of TLB reach; this streams them once. Measured on the 2-vCPU VM
// (10M random float64, argsort): see the README's sort rows.
template <class U>
void BucketArgsort(U** kp, uint32_t** xp, U** tkp, uint32_t** txp, size_t n, uint64_t* words, bool keys) {
  static_assert(sizeof(U) == 8, "the MSD pass of 8-byte keys");
  U* k = *kp;
  uint32_t* x = *xp;
  U* tk = *tkp;
  uint32_t* tx = *txp;
  // The keys' range, and whether they already ascend (a time column):
  // then their order is the stable one.
  U lo = k[0], hi = k[0];
  size_t descents = 0;
  if (!ForEachPiece(n, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) {
          lo = std::min(lo, k[i]);
          hi = std::max(hi, k[i]);
          descents += i > 0 && k[i] < k[i - 1];
        }
      })) {
    return;
  }
  if (descents == 0) return;
  const int top = 63 - __builtin_clzll(static_cast<uint64_t>(lo ^ hi));  // the highest bit that differs
  int bits = 1;
  while (bits < kBucketBitsMax && (n >> bits) > kBucketItems) bits++;
  bits = std::min(bits, top + 1);
  const int shift = top + 1 - bits;
  const U base = lo >> shift;
  const size_t buckets = size_t{1} << bits;
  std::vector<uint32_t> end(buckets, 0);
  if (!ForEachPiece(n, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) end[static_cast<size_t>((k[i] >> shift) - base)]++;
      })) {
    return;
  }
  uint32_t sum = 0;
  for (size_t d = 0; d < buckets; d++) {
    const uint32_t t = end[d];
    end[d] = sum;
    sum += t;
  }
  if (!ForEachPiece(n, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) {
          const uint32_t at = end[static_cast<size_t>((k[i] >> shift) - base)]++;
          tk[at] = k[i];
          tx[at] = x[i];
        }
      })) {
    return;
  }
  // end[d] is now bucket d's end. Each bucket's keys share every bit above
  // `shift`, so its low `shift` bits order it.
  size_t b0 = 0, unchecked = 0;
  for (size_t d = 0; d < buckets; d++) {
    const size_t b1 = end[d], m = b1 - b0;
    if (m == 1) {
      x[b0] = tx[b0];
      if (keys) k[b0] = tk[b0];
    } else if (m > 1 && m <= kPackedArgsortMax<U>) {
      uint32_t* local = x + b0;
      PackedArgsort<U>(tk + b0, local, words, m, shift);
      for (size_t j = 0; j < m; j++) {
        const uint32_t l = local[j];
        if (keys) k[b0 + j] = tk[b0 + l];
        local[j] = tx[b0 + l];
      }
    } else if (m > 1) {
      U* sk = tk + b0;
      uint32_t* sx = tx + b0;
      U* sk2 = k + b0;
      uint32_t* sx2 = x + b0;
      BucketArgsort<U>(&sk, &sx, &sk2, &sx2, m, words, keys);
      if (SortStopped()) return;
      if (sx != x + b0) {
        std::memcpy(x + b0, sx, m * sizeof(uint32_t));
        if (keys) std::memcpy(k + b0, sk, m * sizeof(U));
      }
    }
    b0 = b1;
    unchecked += m;
    if (unchecked >= kCheckItems) {
      unchecked = 0;
      if (!SortGo()) return;
    }
  }
}

// The stable argsort of the n keys at *k with their indices at *x (as
// RadixSort<U, true>): BucketArgsort where it applies, else the LSD passes.
template <class U>
void ArgsortKeys(U** k, uint32_t** x, U** tk, uint32_t** tx, size_t n, uint32_t* hist, std::vector<uint64_t>* words,
                 bool keys) {
  if constexpr (sizeof(U) == 8) {
    if (n > kPackedArgsortMax<U> && SimdSortAvailable()) {
      if (words->size() < kPackedArgsortMax<U>) words->resize(kPackedArgsortMax<U>);
      BucketArgsort<U>(k, x, tk, tx, n, words->data(), keys);
      return;
    }
  }
  RadixSort<U, true>(k, x, tk, tx, n, hist);
}

// The most scratch one argsort lane takes, in bytes: the MMARRAY_SORT_SCRATCH_MB
// environment variable when it is a positive integer (tests force the
// ranges below with it), else an eighth of this machine's RAM, at most
// 2 GiB. A lane of 8-byte keys takes 24 bytes of scratch an item (two key
// and two position buffers) besides its 8-byte result: a 4.5 GiB lane
// (600M float64) would need 14.5 GB of scratch on top of 4.8 GB of
// result, more than the machine has beside the mapping's page cache, where
// NumPy's default argsort needs only its result.
size_t LaneScratchBudget() {
  static const size_t budget = [] {
    if (const char* v = std::getenv("MMARRAY_SORT_SCRATCH_MB")) {
      char* end = nullptr;
      const unsigned long long mb = std::strtoull(v, &end, 10);
      if (end != v && *end == '\0' && mb > 0 && mb < (uint64_t{1} << 40)) return static_cast<size_t>(mb) << 20;
    }
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page = sysconf(_SC_PAGE_SIZE);
    const uint64_t ram = pages > 0 && page > 0 ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) : 0;
    return static_cast<size_t>(std::min<uint64_t>(uint64_t{2} << 30, ram == 0 ? uint64_t{2} << 30 : ram / 8));
  }();
  return budget;
}

// Scratch bytes an argsort item of key type U takes (ArgsortLanes's buffers).
template <class U>
constexpr size_t kArgsortItemScratch = 2 * sizeof(U) + 2 * sizeof(uint32_t);

// Items of one argsort lane sorted at once: all of a lane that fits
// LaneScratchBudget, else that many (RangeArgsort).
template <class U>
size_t ArgsortLaneCap(size_t n) {
  return std::min(n, std::max<size_t>(LaneScratchBudget() / kArgsortItemScratch<U>, kPackedArgsortMax<U>));
}

// The stable argsort of m keys at *k with their positions at *x (scratch *tk,
// *tx; the result left at *k/*x): ArgsortLanes's choice of sort.
template <class U>
void ArgsortGathered(U** k, uint32_t** x, U** tk, uint32_t** tx, size_t m, uint32_t* hist, std::vector<uint64_t>* words) {
  if (m > kInsertionMax && m <= kPackedArgsortMax<U> && SimdSortAvailable()) {
    if (words->size() < m) words->resize(m);
    // PackedArgsort gives the keys' order as indices into k: their positions via *x.
    uint32_t* order = *tx;
    PackedArgsort<U>(*k, order, words->data(), m);
    for (size_t i = 0; i < m; i++) order[i] = (*x)[order[i]];
    *tx = *x;
    *x = order;
  } else {
    ArgsortKeys<U>(k, x, tk, tx, m, hist, words, false);
  }
}

// The argsort of one lane too long for its scratch at once (ArgsortLaneCap):
// the lane's keys are cut into ranges of at most `cap` items by counting
// them on their top differing bits, and each range, in key order, is
// gathered from the lane (its items in lane order, so the sort stays
// stable), sorted in the scratch, and its positions written at the range's
// place in the result. One read of the lane per range besides the two that
// count (a range over `cap` counts again on finer bits; equal keys need no
// sort). Writes dst as it goes: argsort's dst is a new array, and an async
// sort stopped half way leaves it to be dropped.
template <class C, bool Swap>
class RangeArgsort {
 public:
  using U = typename C::U;
  RangeArgsort(const uint8_t* src, int64_t s, uint8_t* dst, int64_t d, size_t n, size_t cap, U* k, U* tk, uint32_t* x,
               uint32_t* tx, uint32_t* hist, std::vector<uint64_t>* words)
      : src_(src), s_(s), dst_(dst), d_(d), n_(n), cap_(cap), k_(k), tk_(tk), x_(x), tx_(tx), hist_(hist), words_(words) {}

  // The whole lane: its key range and whether it already ascends.
  void Run() {
    U lo = Key(0), hi = lo, prev = lo;
    size_t descents = 0;
    if (!ForEachPiece(n_, [&](size_t i0, size_t i1) {
          for (size_t i = i0; i < i1; i++) {
            const U key = Key(i);
            lo = std::min(lo, key);
            hi = std::max(hi, key);
            descents += key < prev;
            prev = key;
          }
        })) {
      return;
    }
    if (descents == 0) {
      Identity();
      return;
    }
    Range(lo, hi, n_, 0);
  }

 private:
  U Key(size_t i) const {
    // SAFETY: i < n items of the lane at src: inside the checked src layout.
    return C::Key(LoadBytes<U, Swap>(src_ + static_cast<int64_t>(i) * s_));
  }
  void Store(size_t at, uint32_t pos) {
    // SAFETY: at < n int64 items of the lane at dst: inside the checked dst layout.
    StoreIndex(dst_ + static_cast<int64_t>(at) * d_, pos);
  }
  void Identity() {
    ForEachWrite(n_, [&](size_t i0, size_t i1) {
      for (size_t i = i0; i < i1; i++) Store(i, static_cast<uint32_t>(i));
    });
  }

  // Sorts the m items whose keys lie in [lo, hi] into the result's [at, at + m).
  void Range(U lo, U hi, size_t m, size_t at) {
    if (m == 0 || SortStopped()) return;
    if (lo == hi) {
      // Equal keys: their positions in lane order.
      size_t j = at;
      ForEachPiece(n_, [&](size_t i0, size_t i1) {
        for (size_t i = i0; i < i1; i++) {
          if (Key(i) == lo) Store(j++, static_cast<uint32_t>(i));
        }
      });
      return;
    }
    if (m <= cap_) {
      Gather(lo, hi, m, at);
      return;
    }
    // Count the range's keys on up to 16 bits below the top bit that differs.
    const int top = 63 - __builtin_clzll(static_cast<uint64_t>(lo ^ hi));
    const int bits = std::min(16, top + 1);
    const int shift = top + 1 - bits;
    const U base = static_cast<U>(lo >> shift);
    std::vector<size_t> count(size_t{1} << bits, 0);
    if (!ForEachPiece(n_, [&](size_t i0, size_t i1) {
          for (size_t i = i0; i < i1; i++) {
            const U key = Key(i);
            if (key >= lo && key <= hi) count[static_cast<size_t>(static_cast<U>(key >> shift) - base)]++;
          }
        })) {
      return;
    }
    // Runs of buckets of at most cap_ items (a bucket past it alone), in key order.
    const U lowMask = static_cast<U>((uint64_t{1} << shift) - 1);  // shift <= 62
    size_t b0 = 0, sum = 0;
    for (size_t b = 0; b <= count.size(); b++) {
      const bool last = b == count.size();
      if (!last && (sum == 0 || sum + count[b] <= cap_)) {
        sum += count[b];
        continue;
      }
      // Buckets [b0, b): keys from bucket b0's first to bucket b - 1's last,
      // within [lo, hi]. Buckets past hi's are empty, and their keys' bits
      // would not fit a U: the last bucket is at most hi's.
      if (sum != 0) {
        const size_t top_b = std::min(b - 1, static_cast<size_t>(static_cast<U>(hi >> shift) - base));
        const U from = std::max(lo, static_cast<U>(static_cast<U>(base + b0) << shift));
        const U to = std::min(hi, static_cast<U>(static_cast<U>(static_cast<U>(base + top_b) << shift) | lowMask));
        Range(from, to, sum, at);
        if (SortStopped()) return;
        at += sum;
      }
      b0 = b;
      sum = last ? 0 : count[b];
    }
  }

  // Gathers the m (<= cap_) items with keys in [lo, hi], in lane order, sorts them, writes their positions.
  void Gather(U lo, U hi, size_t m, size_t at) {
    size_t j = 0;
    if (!ForEachPiece(n_, [&](size_t i0, size_t i1) {
          for (size_t i = i0; i < i1; i++) {
            const U key = Key(i);
            if (key >= lo && key <= hi) {
              k_[j] = key;
              x_[j] = static_cast<uint32_t>(i);
              j++;
            }
          }
        })) {
      return;
    }
    U* k = k_;
    U* tk = tk_;
    uint32_t* x = x_;
    uint32_t* tx = tx_;
    if (m > 1) ArgsortGathered<U>(&k, &x, &tk, &tx, m, hist_, words_);
    if (SortStopped()) return;
    ForEachWrite(m, [&](size_t i0, size_t i1) {
      for (size_t i = i0; i < i1; i++) Store(at + i, x[i]);
    });
  }

  const uint8_t* src_;
  int64_t s_;
  uint8_t* dst_;
  int64_t d_;
  size_t n_, cap_;
  U* k_;
  U* tk_;
  uint32_t* x_;
  uint32_t* tx_;
  uint32_t* hist_;
  std::vector<uint64_t>* words_;
};

// Writes each lane's stable argsort into dst (native int64). n < 2^32.
template <class C, bool Swap>
void ArgsortLanes(const Job& j) {
  using U = typename C::U;
  const size_t n = static_cast<size_t>(j.n);
  const int64_t s = j.ss.back(), d = j.ds.back();
  const size_t cap = ArgsortLaneCap<U>(n);
  Scratch<U> bufA(cap), bufB(cap);
  Scratch<uint32_t> ixA(cap), ixB(cap);
  std::vector<uint32_t> hist(kHistSize<U>);
  const bool packed = n > kInsertionMax && n <= kPackedArgsortMax<U> && SimdSortAvailable();
  std::vector<uint64_t> words(packed ? n : 0);
  WalkLanes(j.shape, j.ss, j.ds, [&](int64_t a, int64_t b) {
    if (cap < n) {
      RangeArgsort<C, Swap>(j.src + a, s, j.dst + b, d, n, cap, bufA.data(), bufB.data(), ixA.data(), ixB.data(), hist.data(),
                            &words)
          .Run();
      return;
    }
    U* k = bufA.data();
    U* tk = bufB.data();
    uint32_t* x = ixA.data();
    uint32_t* tx = ixB.data();
    // In pieces with an async sort's checkpoints (sort_checkpoint.h): a stop
    // before the write-back leaves the lane's dst as it was.
    const bool read = ForEachPiece(n, [&](size_t i0, size_t i1) {
      for (size_t i = i0; i < i1; i++) {
        // SAFETY: i < n items of the lane at a: inside the checked src layout.
        k[i] = C::Key(LoadBytes<U, Swap>(j.src + a + static_cast<int64_t>(i) * s));
        x[i] = static_cast<uint32_t>(i);
      }
    });
    if (!read) return;
    if (packed) PackedArgsort<U>(k, x, words.data(), n);
    else ArgsortKeys<U>(&k, &x, &tk, &tx, n, hist.data(), &words, false);
    if (SortStopped()) return;
    ForEachWrite(n, [&](size_t i0, size_t i1) {
      // SAFETY: i < n int64 items of the lane at b: inside the checked dst layout.
      for (size_t i = i0; i < i1; i++) StoreIndex(j.dst + b + static_cast<int64_t>(i) * d, x[i]);
    });
  });
}

// Complex numbers in NumPy's order: the class [R + Rj, R + nanj, nan + Rj,
// nan + nanj] first, then the real part, then the imaginary part (a NaN
// part's key is the same for all, so each class is ordered by its non-NaN
// parts, as lib/compute-values.ts compareComplex).
struct ComplexKey {
  uint64_t re, im;
  uint8_t cls;
};

inline bool operator<(const ComplexKey& x, const ComplexKey& y) {
  if (x.cls != y.cls) return x.cls < y.cls;
  if (x.re != y.re) return x.re < y.re;
  return x.im < y.im;
}

template <class P, bool Swap>
inline ComplexKey ComplexKeyAt(const uint8_t* p) {
  using F8 = Codec<uint64_t, Kind::kFloat, 0x7ff0000000000000ull>;
  double re = static_cast<double>(LoadBytes<P, Swap>(p)), im = static_cast<double>(LoadBytes<P, Swap>(p + sizeof(P)));
  uint64_t rb, ib;
  std::memcpy(&rb, &re, 8);
  std::memcpy(&ib, &im, 8);
  return {F8::Key(rb), F8::Key(ib), static_cast<uint8_t>((re != re ? 2 : 0) + (im != im ? 1 : 0))};
}

// Sorts (values) or argsorts each lane of complex items with parts of type P.
template <class P, bool Swap>
void ComplexLanes(const Job& j, bool arg) {
  const size_t n = static_cast<size_t>(j.n);
  const int64_t s = j.ss.back(), d = j.ds.back();
  constexpr size_t kItem = 2 * sizeof(P);
  ScratchVector<ComplexKey> keys(n);
  ScratchVector<uint32_t> ix(n);
  ScratchVector<uint8_t> items(arg ? 0 : n * kItem);
  WalkLanes(j.shape, j.ss, j.ds, [&](int64_t a, int64_t b) {
    for (size_t i = 0; i < n; i++) {
      // SAFETY: i < n items of the lane at a: inside the checked src layout.
      const uint8_t* p = j.src + a + static_cast<int64_t>(i) * s;
      keys[i] = ComplexKeyAt<P, Swap>(p);
      if (!arg) std::memcpy(items.data() + i * kItem, p, kItem);
      ix[i] = static_cast<uint32_t>(i);
    }
    std::stable_sort(ix.begin(), ix.end(), [&](uint32_t x, uint32_t y) { return keys[x] < keys[y]; });
    for (size_t i = 0; i < n; i++) {
      // SAFETY: i < n items of the lane at b: inside the checked dst layout.
      uint8_t* q = j.dst + b + static_cast<int64_t>(i) * d;
      if (arg) StoreIndex(q, ix[i]);
      else std::memcpy(q, items.data() + static_cast<size_t>(ix[i]) * kItem, kItem);
    }
  });
}

// The arguments of one sortLanes call, checked on the JS thread: the job,
// its memories (a mapping's shared_ptr keeps the Mapping alive) and how to sort.
struct SortCall {
  Job job;
  KernelMemory src, dst;
  int64_t type = 0;
  bool swap = false, arg = false, empty = false;
};

// Reads and checks sortLanes' arguments at info[0..9] into `c`; false with
// an exception pending on bad ones. `c->empty`: no items, nothing to do.
bool ReadSortCall(const Napi::CallbackInfo& info, SortCall* c) {
  Napi::Env env = info.Env();
  const char* what = "sortLanes";
  int64_t srcOffset, type, dstOffset;
  Job& job = c->job;
  if (info.Length() < 10 || !ToInt(info[1], &srcOffset) || srcOffset < 0 || !ToInts(info[2], &job.shape) ||
      job.shape.empty() || !ToInts(info[3], &job.ss) || job.ss.size() != job.shape.size() || !ToInt(info[4], &type) ||
      type < kF8 || type > kC16 || !ToInt(info[7], &dstOffset) || dstOffset < 0 || !ToInts(info[8], &job.ds) ||
      job.ds.size() != job.shape.size()) {
    ThrowArgs(env, what);
    return false;
  }
  bool swap = ToBool(info[5]), arg = ToBool(info[9]);
  job.n = job.shape.back();
  if (arg && job.n > int64_t{0xffffffff}) {
    ThrowRange(env, std::string(what) + ": a lane of 2^32 items or more has no 32-bit argsort");
    return false;
  }
  KernelMemory& src = c->src;
  KernelMemory& dst = c->dst;
  if (!ReadKernelMemory(env, info[0], false, &src) || !ReadKernelMemory(env, info[6], true, &dst)) return false;
  uint8_t* sb;
  uint8_t* db;
  if (!CheckLayout(env, what, src, srcOffset, job.shape, job.ss, kItemsize[type], &sb) ||
      !CheckLayout(env, what, dst, dstOffset, job.shape, job.ds, arg ? 8 : kItemsize[type], &db)) {
    return false;
  }
  c->type = type;
  c->swap = swap;
  c->arg = arg;
  if (sb == nullptr) {  // no items
    c->empty = true;
    return true;
  }
  // Scratch per lane (the lanes run one after the other): two key buffers
  // (and two 32-bit index buffers and the packed words for an argsort); complex keys, their
  // indices and the items. Short lanes run kLaneBlock at a time.
  {
    const uint64_t n = static_cast<uint64_t>(job.n) * (job.n <= kBlockLaneMax ? static_cast<uint64_t>(kLaneBlock) : 1);
    const bool complex = type == kC8 || type == kC16;
    const uint64_t per = complex ? sizeof(ComplexKey) + 4 + (arg ? 0 : 16) : 2 * 8 + (arg ? 16 : 0);
    uint64_t bytes = n * per;
    // A long argsort lane sorts in key ranges of at most the lane budget (RangeArgsort).
    if (arg && !complex) bytes = std::min<uint64_t>(bytes, LaneScratchBudget() + (uint64_t{1} << 16) * per);
    if (!CheckScratch(env, what, bytes)) return false;
  }
  job.src = sb;
  job.dst = db;
  return true;
}

// Runs a checked, non-empty sort of `job` (a call's, or a part of its
// lanes) with the call's type, byte order and kind (any thread).
void RunSortJob(const Job& job, int64_t type, bool swap, bool arg) {
  if (type == kC8 || type == kC16) {
    auto run = [&](auto part) {
      using P = decltype(part);
      if (swap) ComplexLanes<P, true>(job, arg);
      else ComplexLanes<P, false>(job, arg);
    };
    if (type == kC8) run(float{});
    else run(double{});
    return;
  }
  WithCodec(type, [&](auto codec) {
    using C = decltype(codec);
    if (arg) {
      if (swap) ArgsortLanes<C, true>(job);
      else ArgsortLanes<C, false>(job);
    } else {
      if (swap) SortValues<C, true>(job);
      else SortValues<C, false>(job);
    }
  });
}

// Runs a checked, non-empty sort call (any thread).
void RunSortCall(const SortCall& c) { RunSortJob(c.job, c.type, c.swap, c.arg); }

// sortLanes(src, srcOffset, shape, srcStrides, type, swap, dst, dstOffset, dstStrides, arg)
// Sorts every lane along the last axis of `shape` stably in NumPy's order:
// with `arg` false the lane's items into dst (same type and byte order; dst
// may be src itself, never partly overlapping it), with `arg` true their
// positions in the lane as native int64 into dst (lanes shorter than 2^32).
Napi::Value SortLanes(const Napi::CallbackInfo& info) {
  SortCall c;
  if (ReadSortCall(info, &c) && !c.empty) RunSortCall(c);
  return info.Env().Undefined();
}

// ------------------------------------------------------------ async sort
//
// sortLanesAsync: the same call on libuv's thread pool (lib/async.ts
// sortAsync/argsortAsync). The arguments are checked on the JS thread; the
// worker pins the mappings for the whole sort and stops on an abort or when
// close() asks to unmap: between two lanes of the outermost walk, and inside
// a lane at its checkpoints (sort_checkpoint.h, every 64 Ki items of its
// loops) until its write-back starts. Each lane is sorted in scratch and
// written back whole, so a stop leaves each lane sorted or as it was, and
// close() waits for at most one piece, or for a write-back in flight (one
// pass over the lane). Complex lanes (std::stable_sort) and lanes of 2^32
// items or more (std::sort) stop between lanes only.

// With `threads` > 1 the lanes are shared out: the outer axis with the most
// rows is cut into tasks of consecutive rows (each a sub-array of the
// checked layout holding whole lanes), which the job's pool threads claim
// (PoolTasks, pool_job.h). Lanes are independent, and each lane's result is
// the one sorted order (a value sort's equal keys are equal bits, its zeros
// and NaNs are put back in input order; an argsort is stable), so the split
// cannot change a bit. Tasks per thread, for balance.
constexpr int64_t kSortTasksPerThread = 4;

// Progress inside a lane: a 1-d sort is one lane, and its progress stood
// at 0 until the lane ended (seconds for 10^8 items). Each checkpoint inside
// a lane (every kCheckItems items of one of its loops) credits that piece's
// bytes spread over kLanePassGuess passes, up to 7/8 of the lane; the lane's
// end credits the rest. So the figure moves while a lane sorts, never runs
// back, and is exact at each lane's end. The guess: a long lane's radix
// sort reads its keys, counts them and scatters them 3 to 6 times, then
// writes them back; the vector quicksort's partitions are about as many.
constexpr int64_t kLanePassGuess = 8;

class LaneCredit {
 public:
  // Bytes to add at a checkpoint inside a lane of `per_lane` bytes whose
  // pieces are `piece` bytes.
  int64_t Step(int64_t per_lane, int64_t piece) {
    const int64_t cap = per_lane - per_lane / 8;
    const int64_t add = std::min(piece / kLanePassGuess, cap - credited_);
    if (add <= 0) return 0;
    credited_ += add;
    return add;
  }
  // Bytes to add at the lane's end (the lane's rest); starts the next lane.
  int64_t Finish(int64_t per_lane) {
    const int64_t rest = per_lane - credited_;
    credited_ = 0;
    return rest > 0 ? rest : 0;
  }

 private:
  int64_t credited_ = 0;
};

struct SortJob final : LaneHook, SortCheckpoint {
  SortCall call;
  std::atomic<bool> abort{false};
  std::atomic<int> stopped{kJobRunning};
  std::atomic<int64_t> done_bytes{0};
  int64_t total_bytes = 0;
  int64_t per_lane = 0;

  bool Closing() const {
    return (call.src.mapping && call.src.mapping->closing()) || (call.dst.mapping && call.dst.mapping->closing());
  }
  LaneCredit credit;  // one thread's (threads == 1; else each ThreadHook's)

  // Bytes of one checkpoint piece (kCheckItems items).
  int64_t PieceBytes() const { return static_cast<int64_t>(kCheckItems) * kItemsize[call.type]; }
  void Begin(int64_t lanes) override { per_lane = lanes > 0 ? total_bytes / lanes : total_bytes; }
  bool Continue() override {
    if (Closing()) stopped = kJobClosed;
    else if (abort.load(std::memory_order_relaxed)) stopped = kJobAborted;
    return stopped == kJobRunning;
  }
  void Done() override {
    done_bytes.fetch_add(credit.Finish(per_lane), std::memory_order_relaxed);
    YieldToWaiting();  // pool_yield.h
  }
  // Inside a lane (sort_checkpoint.h): the same stop, every kCheckItems
  // items, and the lane's progress so far (LaneCredit).
  bool Go() override {
    done_bytes.fetch_add(credit.Step(per_lane, PieceBytes()), std::memory_order_relaxed);
    YieldToWaiting();
    return Continue();
  }
  bool Stopped() const override { return stopped != kJobRunning; }

  // Threads sharing the lanes (1: every lane on this thread); with more,
  // the axis cut into tasks and its rows per task (see kSortTasksPerThread).
  int threads = 1;
  size_t split_axis = 0;
  int64_t split_rows = 0, task_count = 0;
  PoolTasks tasks;

  // Pins each mapping the call uses once (src and dst may be one mapping)
  // into *pins; false when one is unmapped already (close() ran).
  bool PinAll(std::vector<std::shared_lock<std::shared_mutex>>* pins) const {
    for (const KernelMemory* m : {&call.src, &call.dst}) {
      if (!m->mapping) continue;
      if (m == &call.dst && call.src.mapping == call.dst.mapping) continue;
      pins->push_back(m->mapping->Pin());
      if (m->mapping->data() == nullptr) return false;
    }
    return true;
  }

  void Run() {
    if (!Continue() || call.empty) return;
    if (threads > 1) {
      Help();
      tasks.Wait();
    } else {
      std::vector<std::shared_lock<std::shared_mutex>> pins;
      if (!PinAll(&pins)) {
        stopped = kJobClosed;
        return;
      }
      // SAFETY: every mapping the call reads or writes is pinned and still
      // mapped (Unmap waits for the pins; a mapping is never moved while
      // mapped, so the addresses ReadSortCall checked hold); the call's
      // ArrayBuffers are held by lib/async.ts until the promise settles.
      tl_lane_hook = this;
      tl_sort_checkpoint = this;
      RunSortCall(call);
      tl_sort_checkpoint = nullptr;
      tl_lane_hook = nullptr;
    }
    if (stopped == kJobRunning) done_bytes = total_bytes;
  }

  // This thread's share of the tasks (the job's worker and each helper).
  void Help() {
    // The job's stops and progress, with this thread's task's lane size.
    struct ThreadHook final : LaneHook, SortCheckpoint {
      SortJob* job;
      int64_t task_bytes = 0, per_lane = 0;
      LaneCredit credit;
      explicit ThreadHook(SortJob* j) : job(j) {}
      void Begin(int64_t lanes) override { per_lane = lanes > 0 ? task_bytes / lanes : task_bytes; }
      bool Continue() override { return job->Continue(); }
      void Done() override {
        job->done_bytes.fetch_add(credit.Finish(per_lane), std::memory_order_relaxed);
        YieldToWaiting();  // pool_yield.h
      }
      bool Go() override {
        job->done_bytes.fetch_add(credit.Step(per_lane, job->PieceBytes()), std::memory_order_relaxed);
        YieldToWaiting();
        return job->Continue();
      }
      bool Stopped() const override { return job->Stopped(); }
    } hook(this);
    tl_lane_hook = &hook;
    tl_sort_checkpoint = &hook;
    tasks.Run([&](int64_t t) {
      if (stopped != kJobRunning) return;
      std::vector<std::shared_lock<std::shared_mutex>> pins;
      if (!PinAll(&pins)) {
        stopped = kJobClosed;
        return;
      }
      const Job& whole = call.job;
      const int64_t r0 = t * split_rows / task_count, r1 = (t + 1) * split_rows / task_count;
      Job part = whole;
      part.shape[split_axis] = r1 - r0;
      // SAFETY: rows [r0, r1) of axis split_axis (< its extent) of the
      // checked layouts: every item of the part is an item of the whole,
      // and its mappings are pinned and mapped until the task returns.
      part.src = whole.src + r0 * whole.ss[split_axis];
      part.dst = whole.dst + r0 * whole.ds[split_axis];
      hook.task_bytes = total_bytes / split_rows * (r1 - r0);
      RunSortJob(part, call.type, call.swap, call.arg);
    });
    tl_sort_checkpoint = nullptr;
    tl_lane_hook = nullptr;
  }

  // JS thread, at settle: undefined when it ran through, else ERR_CLOSED or
  // ABORT_ERR.
  bool Outcome(napi_env env, napi_value* error, napi_value* /*value*/) const {
    int st = stopped;
    if (st == kJobRunning) return true;
    const KernelMemory& m = call.src.mapping ? call.src : call.dst;
    *error = StoppedJobError(env, st, m.mapping ? m.mapping->path() : std::string());
    return *error != nullptr;
  }
};

using SortWorker = PoolJobWorker<SortJob>;

// The kind of the env-table items that are SortJobs (env_state.h).
const char kSortKind = 0;

// sortLanesAsync(...sortLanes' arguments, settle, threads) -> job id
Napi::Value SortLanesAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 11 || !info[10].IsFunction()) {
    ThrowType(env, "sortLanesAsync: expected a settle function after sortLanes' arguments");
    return env.Undefined();
  }
  auto job = std::make_shared<SortJob>();
  if (!ReadSortCall(info, &job->call)) return env.Undefined();
  if (!job->call.empty) {
    int64_t items = 1;
    for (int64_t d : job->call.job.shape) items *= d;  // the checked layout's item count
    job->total_bytes = items * kItemsize[job->call.type];
  }
  // info[11]: the threads (1 to 64, checked by lib/async.ts; 1 when absent).
  double threads = info.Length() > 11 && info[11].IsNumber() ? info[11].As<Napi::Number>().DoubleValue() : 1;
  const std::vector<int64_t>& shape = job->call.job.shape;
  if (threads >= 2 && threads <= 64 && !job->call.empty && shape.size() >= 2) {
    size_t axis = 0;
    for (size_t k = 1; k + 1 < shape.size(); k++) {
      if (shape[k] > shape[axis]) axis = k;
    }
    if (shape[axis] >= 2) {
      job->split_axis = axis;
      job->split_rows = shape[axis];
      job->task_count = std::min<int64_t>(shape[axis], static_cast<int64_t>(threads) * kSortTasksPerThread);
      job->threads = static_cast<int>(std::min<int64_t>(static_cast<int64_t>(threads), job->task_count));
      job->tasks.Reset(job->task_count);
    }
  }
  uint32_t id = SortWorker::Queue(env, &kSortKind, "mmarray.sortAsync", job, info[10].As<Napi::Function>(),
                                  job->threads - 1);
  return id == 0 ? env.Undefined() : Napi::Number::New(env, id);
}

std::shared_ptr<SortJob> SortJobOf(const Napi::CallbackInfo& info) {
  return SortWorker::Of(info, &kSortKind, "a sortLanesAsync job");
}

// sortAbort(job): the sort stops before its next lane; settle gets ABORT_ERR.
Napi::Value SortAbort(const Napi::CallbackInfo& info) {
  if (std::shared_ptr<SortJob> job = SortJobOf(info)) job->abort = true;
  return info.Env().Undefined();
}

// sortProgress(job) -> [doneBytes, totalBytes], or null once it settled.
Napi::Value SortProgress(const Napi::CallbackInfo& info) { return JobProgress(info.Env(), SortJobOf(info)); }

// ------------------------------------------------------------ partition
//
// NumPy's partition and argpartition (introselect): after a lane is
// partitioned at each kth (ascending, distinct), item kth is the one a sort
// would put there, the items before it are not greater and the items after
// it not smaller, in NumPy's order (NaN last). The order inside the
// partitions is not NumPy's (NumPy documents it as undefined). Each kth
// selects within what the previous one left after it, as NumPy does.

// The less-than of NumPy's order for native floats: NaN last.
template <class F>
inline bool FloatLess(F x, F y) {
  return x < y || (y != y && x == x);
}

// Runs std::nth_element over [first, last) at each kth, ascending.
template <class It, class Less>
void SelectEach(It first, It last, const std::vector<int64_t>& kths, Less less) {
  It from = first;
  for (int64_t k : kths) {
    It at = first + k;
    if (at < from) continue;  // never: the kths ascend
    // The first or the last of what is left is a min or max scan (the last
    // is what a median's or quantile's NaN check asks for).
    if (at == from) std::iter_swap(at, std::min_element(from, last, less));
    else if (at + 1 == last) std::iter_swap(at, std::max_element(from, last, less));
    else std::nth_element(from, at, last, less);
    from = at + 1;
  }
}

template <class U>
struct KeyIndex {
  U key;
  uint32_t ix;
};

// The doubles' order of two float64 bit patterns (no NaN among them).
inline bool DoubleLess(uint64_t x, uint64_t y) {
  double u, v;
  std::memcpy(&u, &x, 8);
  std::memcpy(&v, &y, 8);
  return u < v;
}

// Partitions one lane of n float64 items (at `in`, byte stride s) into `out`
// (stride d; the same items or no overlap) at each kth, with the AVX-512
// select of simd_sort.h: the NaNs go last first (the select takes none),
// then each kth before them selects in what the previous one left. The
// lane is worked on in place in `out` when it is native, contiguous and
// aligned there, else in *scratch.
template <bool Swap>
void SelectDoubles(const uint8_t* in, int64_t s, uint8_t* out, int64_t d, size_t n, const std::vector<int64_t>& kths,
                   std::vector<uint64_t>* scratch) {
  const bool inDst = !Swap && d == 8 && reinterpret_cast<uintptr_t>(out) % alignof(uint64_t) == 0;
  uint64_t* w;
  if (inDst) {
    // SAFETY: the n items of the lane at out, inside the checked dst layout
    // and aligned for uint64_t; the lane at in is those items or does not
    // overlap them (PartitionLanesEntry's contract), so memmove and the
    // item-wise copy read each item before anything overwrites it.
    w = reinterpret_cast<uint64_t*>(out);
    if (in != out) {
      if (s == 8) std::memmove(w, in, n * 8);
      else for (size_t i = 0; i < n; i++) w[i] = LoadBytes<uint64_t, false>(in + static_cast<int64_t>(i) * s);
    }
  } else {
    scratch->resize(n);
    w = scratch->data();
    // SAFETY: i < n items of the lane at in, inside the checked src layout.
    for (size_t i = 0; i < n; i++) w[i] = LoadBytes<uint64_t, Swap>(in + static_cast<int64_t>(i) * s);
  }
  size_t m = n;  // the items before m are not NaN
  for (size_t i = 0; i < m;) {
    if ((w[i] & ~(uint64_t{1} << 63)) > 0x7ff0000000000000ull) std::swap(w[i], w[--m]);
    else i++;
  }
  size_t from = 0;
  for (int64_t kk : kths) {
    const size_t k = static_cast<size_t>(kk);
    if (k >= m) break;  // NaNs from here on: in place
    if (k < from) continue;
    if (k == from) std::iter_swap(w + k, std::min_element(w + from, w + m, DoubleLess));
    else if (k + 1 == m) std::iter_swap(w + k, std::max_element(w + from, w + m, DoubleLess));
    else SimdSelectF64(w + from, m - from, k - from);
    from = k + 1;
  }
  if (!inDst) {
    // SAFETY: i < n items of the lane at out, inside the checked dst layout.
    for (size_t i = 0; i < n; i++) StoreBytes<uint64_t, Swap>(out + static_cast<int64_t>(i) * d, w[i]);
  }
}

// PackedArgpartition's words of the n native contiguous items at src: the
// key's top bits (shifted right by drop) over the position's b bits.
template <class C>
MMARRAY_KEY_CLONES void PackedWordsOf(const uint8_t* __restrict src, uint64_t* __restrict w, size_t n, int drop, int b) {
  using U = typename C::U;
  for (size_t i = 0; i < n; i++) {
    U raw;
    // SAFETY: the caller's n items at src.
    std::memcpy(&raw, src + i * sizeof(U), sizeof(U));
    w[i] = (static_cast<uint64_t>(C::Key(raw)) >> drop << b) | i;
  }
}

// How many of the n words at w have `top` as their bits above the low b.
MMARRAY_KEY_CLONES inline size_t CountTop(const uint64_t* w, size_t n, int b, uint64_t top) {
  size_t same = 0;
  // SAFETY: the caller's n words at w.
  for (size_t i = 0; i < n; i++) same += (w[i] >> b) == top;
  return same;
}

// The argpartition of n keys at each kth, with the AVX-512 select over
// packed words as PackedArgsort builds them (a key's top bits over its
// position's b bits), built in w (n words) from key(i); on return w[i]'s
// low b bits are the position at i. When the words drop low key bits, the
// items whose top bits equal the kth word's may stand in the wrong order
// around it: they are gathered into one block around kth (the smaller ones
// before kth moved to its end, the larger after it to its start; every
// other item before is smaller and after larger) and that block is sorted
// by the whole key. Returns the mask of the position bits.
// `contiguous`: the items, native and contiguous, for a vectorized build of
// the words (PackedWordsOf), else null (key(i) builds them).
template <class C, class KeyAt>
uint64_t PackedArgpartition(KeyAt key, const uint8_t* contiguous, uint64_t* w, size_t n, const std::vector<int64_t>& kths) {
  using U = typename C::U;
  int b = 1;
  while ((uint64_t{1} << b) < n) b++;
  constexpr int kW = 8 * static_cast<int>(sizeof(U));
  const bool whole = kW + b <= 64;
  const int drop = whole ? 0 : kW + b - 64;
  if (contiguous != nullptr) PackedWordsOf<C>(contiguous, w, n, drop, b);
  else for (size_t i = 0; i < n; i++) w[i] = (static_cast<uint64_t>(key(i)) >> drop << b) | i;
  const uint64_t mask = (uint64_t{1} << b) - 1;
  size_t from = 0;
  for (int64_t kk : kths) {
    const size_t at = static_cast<size_t>(kk);
    if (at < from) continue;  // never: the kths ascend
    if (at == from) std::iter_swap(w + at, std::min_element(w + from, w + n));
    else if (at + 1 == n) std::iter_swap(w + at, std::max_element(w + from, w + n));
    else SimdSelectU64(w + from, n - from, at - from);
    if (!whole) {
      const uint64_t top = w[at] >> b;
      // Most often no other item shares the kth word's top bits: a count
      // (one vectorized pass) spares the two partitions.
      const size_t same = CountTop(w + from, n - from, b, top);
      if (same > 1) {
        uint64_t* lo = std::partition(w + from, w + at, [&](uint64_t v) { return (v >> b) != top; });
        uint64_t* hi = std::partition(w + at + 1, w + n, [&](uint64_t v) { return (v >> b) == top; });
        std::sort(lo, hi, [&](uint64_t p, uint64_t q) {
          const U kp = key(p & mask), kq = key(q & mask);
          return kp < kq || (kp == kq && (p & mask) < (q & mask));
        });
      }
    }
    from = at + 1;
  }
  return mask;
}

// The order of signed integers held as their unsigned bits.
template <class T>
struct SignedLess {
  bool operator()(T x, T y) const { return static_cast<std::make_signed_t<T>>(x) < static_cast<std::make_signed_t<T>>(y); }
};

// Selects in the m keys at w at each kth below m (ascending), each in what
// the previous one left after it, with Select, a vector select of
// simd_sort.h (call the AVX-512 ones only when SimdSortAvailable()) whose
// order is Less's.
template <class T, void (*Select)(T*, size_t, size_t), class Less = std::less<T>>
void SelectEachKey(T* w, size_t m, const std::vector<int64_t>& kths) {
  size_t from = 0;
  for (int64_t kk : kths) {
    const size_t k = static_cast<size_t>(kk);
    if (k >= m) break;
    if (k < from) continue;  // never: the kths ascend
    if (k == from) std::iter_swap(w + k, std::min_element(w + from, w + m, Less()));
    else if (k + 1 == m) std::iter_swap(w + k, std::max_element(w + from, w + m, Less()));
    else Select(w + from, m - from, k - from);
    from = k + 1;
  }
}

// 32-bit keys (int32, uint32 and non-NaN float32 items), and 64-bit integer
// keys (int64 and uint64 items: std::nth_element took ten times NumPy's
// select there).
inline void SelectEachU32(uint32_t* w, size_t m, const std::vector<int64_t>& kths) { SelectEachKey<uint32_t, SimdSelectU32>(w, m, kths); }
inline void SelectEachU64(uint64_t* w, size_t m, const std::vector<int64_t>& kths) { SelectEachKey<uint64_t, SimdSelectU64>(w, m, kths); }
// 16-bit keys (int16, uint16 and non-NaN float16 items): SelectU16 picks
// its vector path itself and runs on every CPU (std::nth_element took 50
// times NumPy's select there).
inline void SelectEachU16(uint16_t* w, size_t m, const std::vector<int64_t>& kths) { SelectEachKey<uint16_t, SelectU16>(w, m, kths); }

// Selects in the m native integer items (of C) at w as they lie, at each
// kth: signed ones through the signed selects, so the lane needs no key
// pass before and after. 32- and 64-bit items only when
// SimdSortAvailable().
template <class C>
void SelectEachRaw(typename C::U* w, size_t m, const std::vector<int64_t>& kths) {
  using U = typename C::U;
  constexpr bool kSigned = C::kKind == Kind::kSigned;
  if constexpr (sizeof(U) == 2) {
    if constexpr (kSigned) SelectEachKey<uint16_t, SelectI16, SignedLess<uint16_t>>(w, m, kths);
    else SelectEachKey<uint16_t, SelectU16>(w, m, kths);
  } else if constexpr (sizeof(U) == 4) {
    if constexpr (kSigned) SelectEachKey<uint32_t, SimdSelectI32, SignedLess<uint32_t>>(w, m, kths);
    else SelectEachKey<uint32_t, SimdSelectU32>(w, m, kths);
  } else {
    static_assert(sizeof(U) == 8, "2-, 4- and 8-byte integers");
    if constexpr (kSigned) SelectEachKey<uint64_t, SimdSelectI64, SignedLess<uint64_t>>(w, m, kths);
    else SelectEachKey<uint64_t, SimdSelectU64>(w, m, kths);
  }
}

// The order-keeping bijection of non-NaN float bits (float32 or float16, as
// uint32 or uint16) onto keys of the same width (-0 keyed just below +0:
// equal in NumPy's order, so either order of the two is a valid partition)
// and its inverse.
template <class U>
inline U FloatKey(U raw) {
  constexpr int top = 8 * sizeof(U) - 1;
  return static_cast<U>(raw ^ static_cast<U>(static_cast<U>(0u - static_cast<U>(raw >> top)) | static_cast<U>(U{1} << top)));
}
template <class U>
inline U FloatBits(U key) {
  constexpr int top = 8 * sizeof(U) - 1;
  return static_cast<U>(key ^ static_cast<U>(static_cast<U>(static_cast<U>(key >> top) - 1u) | static_cast<U>(U{1} << top)));
}

// A partition of 1-byte items (int8, uint8, bool) at every kth: the lane
// sorted by counting its 256 values (a sorted lane is a partition at every
// kth; one read and one write, no scratch, where a select took longer than
// NumPy's). Bools count their raw bytes: every nonzero byte is True, so any
// order among them is NumPy's, and each byte is written back as it was.
// out (stride d) is the lane at in (stride s) or does not overlap it.
template <class C>
void CountingPartition(const uint8_t* in, int64_t s, uint8_t* out, int64_t d, size_t n) {
  // Four tables: neighbouring equal bytes would otherwise wait on each
  // other's increment. n < 2^32 (the entry's lane limit).
  uint32_t h[4][256] = {};
  const auto key = [](uint8_t raw) -> uint8_t { return C::kKind == Kind::kBool ? raw : C::Key(raw); };
  size_t i = 0;
  // SAFETY: i < n items of the lane at in (stride s), inside the checked src
  // layout; every item is counted before the first store below.
  if (s == 1) {
    for (; i + 4 <= n; i += 4) {
      h[0][key(in[i])]++;
      h[1][key(in[i + 1])]++;
      h[2][key(in[i + 2])]++;
      h[3][key(in[i + 3])]++;
    }
  }
  for (; i < n; i++) h[0][key(in[static_cast<int64_t>(i) * s])]++;
  size_t o = 0;
  for (int k = 0; k < 256; k++) {
    const size_t c = size_t{h[0][k]} + h[1][k] + h[2][k] + h[3][k];
    const uint8_t raw = C::kKind == Kind::kBool ? static_cast<uint8_t>(k) : C::Bits(static_cast<uint8_t>(k));
    // SAFETY: o + c <= n items of the lane at out (the counts sum to n),
    // inside the checked dst layout.
    if (d == 1) std::memset(out + o, raw, c);
    else for (size_t q = o; q < o + c; q++) out[static_cast<int64_t>(q) * d] = raw;
    o += c;
  }
}

// True when the lane at out (stride d) is native, contiguous and aligned
// for U: a partition may then work in it (no scratch).
template <class U, bool Swap>
inline bool LaneInDst(const uint8_t* out, int64_t d) {
  return !Swap && d == static_cast<int64_t>(sizeof(U)) && reinterpret_cast<uintptr_t>(out) % alignof(U) == 0;
}

// w[i] = f(item i of the lane at in, byte stride s, in native order), a
// loop that vectorizes when the lane is contiguous and native. w may be
// that lane itself (each item is read before it is written), else it does
// not overlap it.
template <class U, bool Swap, class F>
MMARRAY_KEY_CLONES inline void MapLane(const uint8_t* in, int64_t s, U* w, size_t n, F f) {
  // SAFETY: i < n items of the lane at in, inside the checked src layout; w holds n items.
  if (!Swap && s == static_cast<int64_t>(sizeof(U))) {
    for (size_t i = 0; i < n; i++) {
      U v;
      std::memcpy(&v, in + i * sizeof(U), sizeof(U));
      w[i] = f(v);
    }
  } else {
    for (size_t i = 0; i < n; i++) w[i] = f(LoadBytes<U, Swap>(in + static_cast<int64_t>(i) * s));
  }
}

// w[i] = f(w[i]) for the n items at w (vectorized, as MapLane).
template <class U, class F>
MMARRAY_KEY_CLONES inline void MapInPlace(U* w, size_t n, F f) {
  // SAFETY: the caller's n items at w.
  for (size_t i = 0; i < n; i++) w[i] = f(w[i]);
}

// The items of the lane at in (byte stride s) for which f(item) holds.
template <class U, bool Swap, class F>
MMARRAY_KEY_CLONES inline size_t CountLane(const uint8_t* in, int64_t s, size_t n, F f) {
  size_t c = 0;
  // SAFETY: i < n items of the lane at in, inside the checked src layout.
  if (!Swap && s == static_cast<int64_t>(sizeof(U))) {
    for (size_t i = 0; i < n; i++) {
      U v;
      std::memcpy(&v, in + i * sizeof(U), sizeof(U));
      c += f(v);
    }
  } else {
    for (size_t i = 0; i < n; i++) c += f(LoadBytes<U, Swap>(in + static_cast<int64_t>(i) * s));
  }
  return c;
}

// Copies the n native items of the lane at in (byte stride s) into the
// contiguous lane at out, which is that lane or does not overlap it.
template <class U>
inline void CopyLaneInto(const uint8_t* in, int64_t s, uint8_t* out, size_t n) {
  if (in == out && s == static_cast<int64_t>(sizeof(U))) return;
  // SAFETY: n items at in (stride s) and at out (contiguous), inside the
  // checked layouts; memmove and the item-wise copy read each item before
  // anything overwrites it (the same lane or no overlap).
  if (s == static_cast<int64_t>(sizeof(U))) std::memmove(out, in, n * sizeof(U));
  else for (size_t i = 0; i < n; i++) std::memcpy(out + i * sizeof(U), in + static_cast<int64_t>(i) * s, sizeof(U));
}

// Partitions each lane of a plain numeric type: `arg` writes the positions
// (native int64), else the items (same type and byte order; dst may be src).
template <class C, bool Swap>
void PartitionLanes(const Job& j, const std::vector<int64_t>& kths, bool arg) {
  using U = typename C::U;
  const size_t n = static_cast<size_t>(j.n);
  const int64_t s = j.ss.back(), d = j.ds.back();
  // 1-byte items are sorted by counting; native floats partition as
  // themselves (their bits move with them) or, float32 and float16, as
  // keys like the integers', which map back to their bits; argpartitions
  // as packed (key, position) words, or pairs without AVX-512.
  constexpr bool kNativeFloat = C::kKind == Kind::kFloat && sizeof(U) >= 4;
  constexpr bool kKeysOnly = C::kKind == Kind::kSigned || C::kKind == Kind::kUnsigned;
  // Floats whose bits map one to one onto keys of their width (NaNs aside).
  constexpr bool kFloatKeys = C::kKind == Kind::kFloat && sizeof(U) <= 4;
  using F = std::conditional_t<sizeof(U) == 8, double, float>;
  std::vector<KeyIndex<U>> pairs;
  std::vector<U> keys, raws;
  std::vector<F> floats;
  std::vector<uint64_t> words;
  WalkLanes(j.shape, j.ss, j.ds, [&](int64_t a, int64_t b) {
    // SAFETY (every load): i < n items of the lane at a, inside the checked
    // src layout; (every store) i < n items of the lane at b, inside the
    // checked dst layout. The lane is read whole before it is written.
    const uint8_t* in = j.src + a;
    uint8_t* out = j.dst + b;
    if constexpr (sizeof(U) == 1 && C::kKind != Kind::kFloat) {
      if (!arg) return CountingPartition<C>(in, s, out, d, n);
    }
    if constexpr (sizeof(U) == 4 || sizeof(U) == 2) {
      if (!arg && (kKeysOnly || kFloatKeys) && (sizeof(U) == 2 || SimdSortAvailable())) {
        // 32- and 16-bit items as unsigned keys of their width through the
        // vector selects: a float lane's NaNs go last first (NumPy's order;
        // the keys then skip them). The keys live in the output lane itself
        // when it is native, contiguous and aligned (no scratch to fault
        // in), else in keys.
        const bool inDst = !Swap && d == static_cast<int64_t>(sizeof(U)) && reinterpret_cast<uintptr_t>(out) % alignof(U) == 0;
        U* w;
        if (inDst) {
          // SAFETY: the n items of the lane at out, inside the checked dst
          // layout and aligned; the lane at in is those items or does not
          // overlap them (PartitionLanesEntry's contract), so MapLane reads
          // each item before anything overwrites it.
          w = reinterpret_cast<U*>(out);
          if constexpr (kKeysOnly) {
            // Integers select as they lie there (the copy from in a memmove,
            // none in place).
            CopyLaneInto<U>(in, s, out, n);
            SelectEachRaw<C>(w, n, kths);
            return;
          }
        } else {
          keys.resize(n);
          w = keys.data();
        }
        // The copy from in and the key pass in one (a partition's fresh
        // output is read from its input; was a memmove, then a key pass).
        size_t m = n;
        if constexpr (kFloatKeys) {
          // Most lanes hold no NaN: a counting pass and a plain key pass
          // (both vectorize) spare the swapping loop.
          const auto isNan = [](U v) { return static_cast<U>(v & ~C::kSign) > C::kInf; };
          const size_t nans = CountLane<U, Swap>(in, s, n, isNan);
          if (nans == 0) {
            MapLane<U, Swap>(in, s, w, n, [](U v) { return FloatKey(v); });
          } else {
            MapLane<U, Swap>(in, s, w, n, [](U v) { return v; });
            for (size_t i = 0; i < m;) {
              if (isNan(w[i])) std::swap(w[i], w[--m]);
              else w[i] = FloatKey(w[i]), i++;
            }
          }
        } else {
          MapLane<U, Swap>(in, s, w, n, [](U v) { return C::Key(v); });
        }
        if constexpr (sizeof(U) == 4) SelectEachU32(w, m, kths);
        else SelectEachU16(w, m, kths);
        if (inDst) {
          if constexpr (kFloatKeys) MapInPlace(w, m, [](U v) { return FloatBits(v); });
          else MapInPlace(w, n, [](U v) { return C::Bits(v); });
          return;
        }
        for (size_t i = 0; i < n; i++) {
          U raw = w[i];
          if constexpr (kFloatKeys) raw = i < m ? FloatBits(raw) : raw;
          else raw = C::Bits(raw);
          StoreBytes<U, Swap>(out + static_cast<int64_t>(i) * d, raw);
        }
        return;
      }
    }
    // The items work in the output lane itself when it is native, contiguous
    // and aligned (a partition's copy, a median's): no scratch; else in a
    // scratch vector of the lane's items (PartitionScratchPerItem).
    const bool inDst = LaneInDst<U, Swap>(out, d);
    if (!arg && kNativeFloat) {
      if constexpr (kNativeFloat && sizeof(U) == 8) {
        if (SimdSortAvailable()) return SelectDoubles<Swap>(in, s, out, d, n, kths, &words);
      }
      if constexpr (kNativeFloat) {
        F* w;
        if (inDst) {
          // SAFETY: as SelectDoubles' in-place lane: n aligned native items at
          // out; the lane at in is those items or does not overlap them.
          w = reinterpret_cast<F*>(out);
          CopyLaneInto<U>(in, s, out, n);
        } else {
          floats.resize(n);
          w = floats.data();
          for (size_t i = 0; i < n; i++) {
            const U raw = LoadBytes<U, Swap>(in + static_cast<int64_t>(i) * s);
            std::memcpy(&w[i], &raw, sizeof(U));
          }
        }
        SelectEach(w, w + n, kths, FloatLess<F>);
        if (!inDst) {
          for (size_t i = 0; i < n; i++) {
            U raw;
            std::memcpy(&raw, &w[i], sizeof(U));
            StoreBytes<U, Swap>(out + static_cast<int64_t>(i) * d, raw);
          }
        }
      }
      return;
    }
    if (!arg && kKeysOnly) {
      U* w;
      if (inDst) {
        // SAFETY: as above (n aligned native items at out).
        w = reinterpret_cast<U*>(out);
        if constexpr (sizeof(U) == 8) {
          if (SimdSortAvailable()) {
            // As they lie (as the 32-bit items above).
            CopyLaneInto<U>(in, s, out, n);
            SelectEachRaw<C>(w, n, kths);
            return;
          }
        }
      } else {
        keys.resize(n);
        w = keys.data();
      }
      MapLane<U, Swap>(in, s, w, n, [](U v) { return C::Key(v); });
      // 64-bit keys through the AVX-512 select; narrower ones as before.
      if constexpr (sizeof(U) == 8) {
        if (SimdSortAvailable()) SelectEachU64(reinterpret_cast<uint64_t*>(w), n, kths);
        else SelectEach(w, w + n, kths, std::less<U>());
      } else {
        SelectEach(w, w + n, kths, std::less<U>());
      }
      if (inDst) MapInPlace(w, n, [](U v) { return C::Bits(v); });
      else for (size_t i = 0; i < n; i++) StoreBytes<U, Swap>(out + static_cast<int64_t>(i) * d, C::Bits(w[i]));
      return;
    }
    if (arg && SimdSortAvailable()) {
      // The words live in the output lane itself when it is contiguous and
      // aligned (native int64, n of them): no scratch to fault in.
      const bool inDst = d == 8 && reinterpret_cast<uintptr_t>(out) % alignof(uint64_t) == 0;
      if (!inDst) words.resize(n);
      // SAFETY: the n int64 items of the lane at out, inside the checked dst
      // layout and aligned; dst does not overlap src (an int64 result).
      uint64_t* w = inDst ? reinterpret_cast<uint64_t*>(out) : words.data();
      const auto key = [&](size_t i) { return C::Key(LoadBytes<U, Swap>(in + static_cast<int64_t>(i) * s)); };
      // SAFETY: the n items of the lane at in, native and contiguous when so.
      const uint8_t* contiguous = !Swap && s == static_cast<int64_t>(sizeof(U)) ? in : nullptr;
      const uint64_t mask = PackedArgpartition<C>(key, contiguous, w, n, kths);
      if (inDst) MapInPlace(w, n, [mask](uint64_t v) { return v & mask; });
      else for (size_t i = 0; i < n; i++) StoreIndex(out + static_cast<int64_t>(i) * d, static_cast<uint32_t>(w[i] & mask));
      return;
    }
    pairs.resize(n);
    if (!arg) raws.resize(n);
    for (size_t i = 0; i < n; i++) {
      const U raw = LoadBytes<U, Swap>(in + static_cast<int64_t>(i) * s);
      pairs[i] = {C::Key(raw), static_cast<uint32_t>(i)};
      if (!arg) raws[i] = raw;
    }
    SelectEach(pairs.begin(), pairs.end(), kths, [](const KeyIndex<U>& x, const KeyIndex<U>& y) { return x.key < y.key; });
    for (size_t i = 0; i < n; i++) {
      uint8_t* q = out + static_cast<int64_t>(i) * d;
      if (arg) StoreIndex(q, pairs[i].ix);
      else StoreBytes<U, Swap>(q, raws[pairs[i].ix]);
    }
  });
}

// The scratch bytes per item of one lane that PartitionLanes<C> allocates
// (its lanes run one after the other, so a call needs this times the lane
// length): none where the lane works in the output itself (`inDst`: every
// output lane native, contiguous and aligned), else one copy of the keys
// at the item's width (8 bytes for float64, 4 for float32 and int32, 2 for
// int16 and float16), none for 1-byte items (CountingPartition), packed
// (key, position) words for an argpartition (8), and (key, position) pairs
// only for an argpartition without AVX-512.
template <class C>
uint64_t PartitionScratchPerItem(bool arg, bool inDst) {
  using U = typename C::U;
  constexpr bool kAnyFloat = C::kKind == Kind::kFloat;
  constexpr bool kKeysOnly = C::kKind == Kind::kSigned || C::kKind == Kind::kUnsigned;
  if (!arg && sizeof(U) == 1) return 0;  // CountingPartition
  if (!arg && (kAnyFloat || kKeysOnly)) return inDst ? 0 : sizeof(U);
  if (arg && SimdSortAvailable()) return inDst ? 0 : 8;
  return sizeof(KeyIndex<U>) + (arg ? 0 : sizeof(U));
}

// Partitions each lane of complex items with parts of type P.
template <class P, bool Swap>
void PartitionComplexLanes(const Job& j, const std::vector<int64_t>& kths, bool arg) {
  const size_t n = static_cast<size_t>(j.n);
  const int64_t s = j.ss.back(), d = j.ds.back();
  constexpr size_t kItem = 2 * sizeof(P);
  std::vector<std::pair<ComplexKey, uint32_t>> pairs(n);
  std::vector<uint8_t> items(arg ? 0 : n * kItem);
  WalkLanes(j.shape, j.ss, j.ds, [&](int64_t a, int64_t b) {
    for (size_t i = 0; i < n; i++) {
      // SAFETY: i < n items of the lane at a: inside the checked src layout.
      const uint8_t* p = j.src + a + static_cast<int64_t>(i) * s;
      pairs[i] = {ComplexKeyAt<P, Swap>(p), static_cast<uint32_t>(i)};
      if (!arg) std::memcpy(items.data() + i * kItem, p, kItem);
    }
    SelectEach(pairs.begin(), pairs.end(), kths, [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t i = 0; i < n; i++) {
      // SAFETY: i < n items of the lane at b: inside the checked dst layout;
      // pairs[i].second < n items of the scratch copy.
      uint8_t* q = j.dst + b + static_cast<int64_t>(i) * d;
      if (arg) StoreIndex(q, pairs[i].second);
      else std::memcpy(q, items.data() + static_cast<size_t>(pairs[i].second) * kItem, kItem);
    }
  });
}

// partitionLanes(src, srcOffset, shape, srcStrides, type, swap, dst, dstOffset, dstStrides, arg, kths)
// Partitions every lane along the last axis of `shape` at each of `kths`
// (ascending, distinct, each in [0, lane length)) in NumPy's order: with
// `arg` false the lane's items into dst (same type and byte order; dst may
// be src itself, never partly overlapping it), with `arg` true their
// positions in the lane as native int64 (lanes shorter than 2^32).
Napi::Value PartitionLanesEntry(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "partitionLanes";
  int64_t srcOffset, type, dstOffset;
  Job job;
  std::vector<int64_t> kths;
  if (info.Length() < 11 || !ToInt(info[1], &srcOffset) || srcOffset < 0 || !ToInts(info[2], &job.shape) ||
      job.shape.empty() || !ToInts(info[3], &job.ss) || job.ss.size() != job.shape.size() || !ToInt(info[4], &type) ||
      type < kF8 || type > kC16 || !ToInt(info[7], &dstOffset) || dstOffset < 0 || !ToInts(info[8], &job.ds) ||
      job.ds.size() != job.shape.size() || !ToInts(info[10], &kths)) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  bool swap = ToBool(info[5]), arg = ToBool(info[9]);
  job.n = job.shape.back();
  if (job.n > int64_t{0xffffffff}) {
    ThrowRange(env, std::string(what) + ": a lane of 2^32 items or more");
    return env.Undefined();
  }
  for (size_t i = 0; i < kths.size(); i++) {
    if (kths[i] < 0 || kths[i] >= job.n || (i > 0 && kths[i] <= kths[i - 1])) {
      ThrowRange(env, std::string(what) + ": kth out of bounds or not ascending");
      return env.Undefined();
    }
  }
  KernelMemory src, dst;
  if (!ReadKernelMemory(env, info[0], false, &src) || !ReadKernelMemory(env, info[6], true, &dst)) return env.Undefined();
  uint8_t* sb;
  uint8_t* db;
  if (!CheckLayout(env, what, src, srcOffset, job.shape, job.ss, kItemsize[type], &sb) ||
      !CheckLayout(env, what, dst, dstOffset, job.shape, job.ds, arg ? 8 : kItemsize[type], &db)) {
    return env.Undefined();
  }
  if (sb == nullptr) return env.Undefined();  // no items
  // Scratch for one lane (PartitionScratchPerItem; complex: (key, position)
  // pairs and, for a partition, the items). A lane works in the output when
  // every output lane is native, contiguous and aligned: the last stride
  // the item's width, the others and the start multiples of it.
  {
    const int64_t width = arg ? 8 : kItemsize[type];
    bool inDst = (arg || !swap) && job.ds.back() == width && reinterpret_cast<uintptr_t>(db) % width == 0;
    for (size_t k = 0; k + 1 < job.ds.size(); k++) inDst = inDst && job.ds[k] % width == 0;
    uint64_t per;
    if (type == kC8 || type == kC16) {
      per = sizeof(std::pair<ComplexKey, uint32_t>) + (arg ? 0 : kItemsize[type]);
    } else {
      per = WithCodec(type, [&](auto codec) { return PartitionScratchPerItem<decltype(codec)>(arg, inDst); });
    }
    if (!CheckScratch(env, what, static_cast<uint64_t>(job.n) * per)) return env.Undefined();
  }
  job.src = sb;
  job.dst = db;
  if (type == kC8 || type == kC16) {
    auto run = [&](auto part) {
      using P = decltype(part);
      if (swap) PartitionComplexLanes<P, true>(job, kths, arg);
      else PartitionComplexLanes<P, false>(job, kths, arg);
    };
    if (type == kC8) run(float{});
    else run(double{});
    return env.Undefined();
  }
  WithCodec(type, [&](auto codec) {
    using C = decltype(codec);
    if (swap) PartitionLanes<C, true>(job, kths, arg);
    else PartitionLanes<C, false>(job, kths, arg);
  });
  return env.Undefined();
}

// ------------------------------------------------------------ unique

// Unique values (with counts) of arrays with few distinct values come from a
// hash table of their keys, as NumPy 2.4's unique without index or inverse
// does: one pass over the items and a sort of the distinct keys, where the
// sort of all n keys costs n log n. Past kHashDistinctMax distinct keys the
// table gives up and the sort runs (the table's work lost: at most one pass).
constexpr size_t kHashDistinctMax = size_t{1} << 16;
// Fewer items than this always sort.
constexpr size_t kHashMinItems = size_t{1} << 12;

// An open-addressing (linear probing) set of keys with their counts. Key 0
// marks an empty slot, so it is counted beside the table.
template <class U>
class KeyTable {
 public:
  explicit KeyTable(bool counting) : counting_(counting) { Resize(10); }

  // Counts one more of key; false when that makes more than
  // kHashDistinctMax distinct keys. *added: the key was new.
  bool Add(U key, bool* added) {
    if (key == 0) {
      *added = zeroCount_++ == 0;
      return *added ? ++distinct_ <= kHashDistinctMax : true;
    }
    size_t h = Slot(key);
    while (keys_[h] != key) {
      if (keys_[h] == 0) {
        keys_[h] = key;
        *added = true;
        if (counting_) counts_[h] = 1;
        if (++distinct_ > kHashDistinctMax) return false;
        if (2 * ++used_ > keys_.size()) Resize(bits_ + 1);
        return true;
      }
      h = (h + 1) & mask_;
    }
    *added = false;
    if (counting_) counts_[h]++;
    return true;
  }

  // The distinct keys, ascending, and their counts (when counting).
  void Take(std::vector<U>* keys, std::vector<int64_t>* counts) const {
    keys->clear();
    if (zeroCount_ != 0) keys->push_back(0);
    for (U k : keys_) {
      if (k != 0) keys->push_back(k);
    }
    std::sort(keys->begin(), keys->end());
    counts->clear();
    if (!counting_) return;
    for (U k : *keys) {
      if (k == 0) {
        counts->push_back(zeroCount_);
        continue;
      }
      size_t h = Slot(k);
      while (keys_[h] != k) h = (h + 1) & mask_;
      counts->push_back(counts_[h]);
    }
  }

 private:
  size_t Slot(U key) const { return static_cast<size_t>((static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> (64 - bits_)); }

  void Resize(int bits) {
    std::vector<U> oldKeys(std::move(keys_));
    std::vector<int64_t> oldCounts(std::move(counts_));
    bits_ = bits;
    keys_.assign(size_t{1} << bits, U{0});
    counts_.assign(counting_ ? keys_.size() : 0, 0);
    mask_ = keys_.size() - 1;
    for (size_t i = 0; i < oldKeys.size(); i++) {
      if (oldKeys[i] == 0) continue;
      size_t h = Slot(oldKeys[i]);
      while (keys_[h] != 0) h = (h + 1) & mask_;
      keys_[h] = oldKeys[i];
      if (counting_) counts_[h] = oldCounts[i];
    }
  }

  bool counting_;
  int bits_ = 0;
  size_t mask_ = 0, used_ = 0, distinct_ = 0;
  int64_t zeroCount_ = 0;
  std::vector<U> keys_;
  std::vector<int64_t> counts_;
};

// Where UniqueItems puts its results once it knows how many values there
// are: room for u values (itemsize bytes each) and, when asked, u counts and
// u first positions (native int64, 8-aligned). False when the memory is
// refused; nothing has been written then.
class UniqueSink {
 public:
  virtual ~UniqueSink() = default;
  virtual bool Alloc(size_t u, size_t itemsize, bool wantCounts, bool wantIndex, uint8_t** values, int64_t** counts,
                     int64_t** index) = 0;
};

// The sink of both calls (any thread): blocks of the region pool or the
// heap, handed to JS at the end (the sync call) or at settle (the async one).
class HeapSink final : public UniqueSink {
 public:
  bool Alloc(size_t u, size_t itemsize, bool wantCounts, bool wantIndex, uint8_t** values, int64_t** counts,
             int64_t** index) override {
    size_t valueBytes, indexBytes;
    if (__builtin_mul_overflow(u, itemsize, &valueBytes) || __builtin_mul_overflow(u, size_t{8}, &indexBytes)) return false;
    if (!values_.Take(valueBytes) || (wantCounts && !counts_.Take(indexBytes)) || (wantIndex && !index_.Take(indexBytes))) {
      return false;
    }
    *values = values_.data;
    // SAFETY: a Block's memory is 8-aligned (a region, or new uint8_t[] of
    // 8 bytes or more from operator new's 16-byte alignment).
    if (wantCounts) *counts = reinterpret_cast<int64_t*>(counts_.data);
    if (wantIndex) *index = reinterpret_cast<int64_t*>(index_.data);
    return true;
  }
  // JS thread: [values, counts, index] over the blocks, no copy (a copy of
  // millions of distinct values would hold the event loop): a block in a
  // region becomes a pool buffer (pool_buffer.h), which goes back to the
  // region pool when V8 lets go of it (a heap block of 256 MiB freed by its
  // finalizer cost the loop 8-9 ms of munmap); a heap block an external
  // ArrayBuffer, or a copy where the runtime refuses those. False with
  // nothing made when V8 refuses a buffer.
  bool Result(napi_env env, napi_value* out) {
    napi_value parts[3];
    if (!values_.Hand(env, &parts[0])) return false;
    for (int i = 1; i < 3; i++) {
      Block& b = i == 1 ? counts_ : index_;
      if (b.taken) {
        if (!b.Hand(env, &parts[i])) return false;
      } else if (napi_get_undefined(env, &parts[i]) != napi_ok) {
        return false;
      }
    }
    if (napi_create_array_with_length(env, 3, out) != napi_ok) return false;
    for (uint32_t i = 0; i < 3; i++) {
      if (napi_set_element(env, *out, i, parts[i]) != napi_ok) return false;
    }
    return true;
  }

 private:
  // Results from this long on come from the region pool, as the fresh
  // results of the other kernels do (lib/fresh-memory.ts).
  static constexpr size_t kPooledResultMin = size_t{1} << 20;

  // One result: a region of the pool when it is kPooledResultMin or more
  // (and the pool gives one), else heap memory; at least 8 bytes (an empty
  // result is still a block to own).
  struct Block {
    Region region{nullptr, 0};
    std::unique_ptr<uint8_t[]> heap;
    uint8_t* data = nullptr;
    size_t bytes = 0;
    bool taken = false;

    ~Block() { GiveBack(); }
    void GiveBack() {
      if (region.addr != nullptr) ReturnRegion(region);
      region = {nullptr, 0};
    }
    bool Take(size_t n) {
      bytes = n;
      taken = true;
      if (n >= kPooledResultMin) {
        bool recycled = false;
        region = AcquireRegionNow(n, /*zeroed=*/false, &recycled);
        data = static_cast<uint8_t*>(region.addr);
      }
      if (data == nullptr) {
        heap.reset(new (std::nothrow) uint8_t[std::max<size_t>(8, n)]);
        data = heap.get();
      }
      return data != nullptr;
    }
    bool Hand(napi_env env, napi_value* out) {
      if (region.addr != nullptr) {
        HandOutcome h = HandRegion(env, region, bytes, out);
        if (h == HandOutcome::kHanded || h == HandOutcome::kLost) region = {nullptr, 0};  // Node owns it
        if (h == HandOutcome::kHanded) return true;
        if (h == HandOutcome::kLost) return false;
        return Copy(env, out);  // the region goes back with the Block
      }
      if (bytes > 0) {
        napi_status st = napi_create_external_arraybuffer(env, heap.get(), bytes, Free, nullptr, out);
        if (st == napi_ok) {
          heap.release();  // the buffer's finalizer owns it now
          return true;
        }
        bool pending = false;
        if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
          napi_value ignored;
          napi_get_and_clear_last_exception(env, &ignored);
        }
      }
      return Copy(env, out);
    }
    bool Copy(napi_env env, napi_value* out) const {
      void* dst = nullptr;
      if (napi_create_arraybuffer(env, bytes, &dst, out) != napi_ok) return false;
      // SAFETY: dst holds bytes (a fresh ArrayBuffer), data as many.
      if (bytes > 0) std::memcpy(dst, data, bytes);
      return true;
    }
  };

  static void Free(napi_env /*env*/, void* data, void* /*hint*/) {
    // SAFETY: data is the heap block Hand released to this buffer (new uint8_t[]).
    delete[] static_cast<uint8_t*>(data);
  }

  Block values_, counts_, index_;
};

// An async unique's progress: the bytes of its n items read as keys, then
// sorted (one step), then written out, each a third of total_bytes.
struct UniqueProgress {
  std::atomic<int64_t>* done;
  int64_t total;
  void Phase(int phase, size_t at, size_t n) const {
    if (done == nullptr || n == 0) return;
    const double f = (static_cast<double>(phase) + static_cast<double>(at) / static_cast<double>(n)) / 3.0;
    const int64_t v = static_cast<int64_t>(f * static_cast<double>(total));
    if (v > done->load(std::memory_order_relaxed)) done->store(std::min(v, total), std::memory_order_relaxed);
  }
};

// NumPy's unique (equal_nan: every NaN one value; +0 and -0 one value) of
// the items of `shape` in C order: keys sorted stably (with their positions
// when the index or the inverse is asked for), then one adjacent compare.
// A value is stored as the first of its run in that order: the bits of the
// first zero and the first NaN in C order (their keys do not keep them).
// Results go to `sink`; false when it refused them or an async job's
// checkpoint (sort_checkpoint.h: every kCheckItems items of each loop) said
// stop (then the inverse may be partly written and the sink's blocks are
// dropped by the caller).
template <class C, bool Swap>
bool UniqueItems(const Job& j, int64_t itemsize, bool wantCounts, bool wantIndex, uint8_t* inv, UniqueSink* sink,
                 const UniqueProgress& progress) {
  using U = typename C::U;
  std::vector<int64_t> dummy(j.shape.size(), 0);
  size_t n = 1;
  for (int64_t d : j.shape) n *= static_cast<size_t>(d);
  const bool withIdx = wantIndex || inv != nullptr;
  const int64_t s = j.ss.back(), lane = j.shape.back();
  // Items read since the last checkpoint, over lanes of any length.
  size_t since = 0;
  bool stop = false;
  auto check = [&](size_t items) {
    since += items;
    if (since >= kCheckItems) {
      since = 0;
      if (!SortGo()) stop = true;
    }
  };
  if constexpr (sizeof(U) >= 4) {
    if (!withIdx && n >= kHashMinItems) {
      // The hash path: values (and counts) in one pass over the items.
      KeyTable<U> table(wantCounts);
      U firstZero = 0, firstNaN = 0;
      bool full = false;
      size_t at = 0;
      WalkLanes(j.shape, j.ss, dummy, [&](int64_t a, int64_t) {
        for (int64_t i = 0; !full && !stop && i < lane; i++) {
          // SAFETY: i < lane items of the lane at a: inside the checked layout.
          const U raw = LoadBytes<U, Swap>(j.src + a + i * s);
          const U key = C::Key(raw);
          bool added;
          full = !table.Add(key, &added);
          if constexpr (C::kKind == Kind::kFloat) {
            // The first of a run in C order gives a zero's or a NaN's bits.
            if (added && key == C::kZero) firstZero = raw;
            if (added && key == C::kNaN) firstNaN = raw;
          }
          if ((++at & (kCheckItems - 1)) == 0) {
            progress.Phase(0, at, n);
            check(kCheckItems);
          }
        }
      });
      if (stop) return false;
      if (!full) {
        std::vector<U> keys;
        std::vector<int64_t> counts;
        table.Take(&keys, &counts);
        const size_t u = keys.size();
        uint8_t* vals = nullptr;
        int64_t* cnt = nullptr;
        int64_t* none = nullptr;
        if (!sink->Alloc(u, static_cast<size_t>(itemsize), wantCounts, false, &vals, &cnt, &none)) return false;
        // SAFETY: the sink gave u items at vals (and u int64 at cnt); g < u.
        if (cnt != nullptr) std::memcpy(cnt, counts.data(), u * 8);
        for (size_t g = 0; g < u; g++) {
          U bits = C::Bits(keys[g]);
          if constexpr (C::kKind == Kind::kFloat) {
            if (keys[g] == C::kZero) bits = firstZero;
            if (keys[g] == C::kNaN) bits = firstNaN;
          }
          StoreBytes<U, Swap>(vals + static_cast<int64_t>(g) * itemsize, bits);
        }
        return true;
      }
    }
  }
  // Uninitialized (Scratch): each is written before it is read, and their
  // first touch falls in loops with checkpoints. Zero-filled vectors were
  // one pass over fresh pages before the first checkpoint: an abort of 2^22
  // items with the inverse waited for it 0.4-2.3 s at load 3-14.
  Scratch<U> bufA(n), bufB(n);
  Scratch<uint32_t> ixA(withIdx ? n : 0), ixB(withIdx ? n : 0);
  std::vector<uint32_t> hist(kHistSize<U>);
  U firstZero = 0, firstNaN = 0;
  bool sawZero = false, sawNaN = false;
  size_t at = 0;  // keys read so far
  WalkLanes(j.shape, j.ss, dummy, [&](int64_t a, int64_t) {
    if (stop) return;
    U* k = bufA.data() + at;
    // SAFETY (all three loops): i < lane items of the lane at a: inside the
    // checked layout.
    const bool read = ForEachPiece(static_cast<size_t>(lane), [&](size_t i0, size_t i1) {
      size_t special = 0;
      if (!Swap && s == static_cast<int64_t>(sizeof(U))) {
        special = KeysOf<C>(j.src + a + static_cast<int64_t>(i0) * s, k + i0, i1 - i0);
      } else {
        for (size_t i = i0; i < i1; i++) {
          const U key = C::Key(LoadBytes<U, Swap>(j.src + a + static_cast<int64_t>(i) * s));
          k[i] = key;
          if constexpr (C::kKind == Kind::kFloat) special += (key == C::kZero) | (key == C::kNaN);
        }
      }
      if constexpr (C::kKind == Kind::kFloat) {
        for (size_t i = i0; special != 0 && i < i1; i++) {
          const U raw = LoadBytes<U, Swap>(j.src + a + static_cast<int64_t>(i) * s);
          if (k[i] == C::kZero && !sawZero) {
            sawZero = true;
            firstZero = raw;
          }
          if (k[i] == C::kNaN && !sawNaN) {
            sawNaN = true;
            firstNaN = raw;
          }
        }
      }
      progress.Phase(0, at + i1, n);
    });
    if (!read) {
      stop = true;
      return;
    }
    at += static_cast<size_t>(lane);
    check(static_cast<size_t>(lane));
  });
  if (stop) return false;
  U* k = bufA.data();
  U* tk = bufB.data();
  uint32_t* x = ixA.data();
  uint32_t* tx = ixB.data();
  if (withIdx) {
    if (!ForEachPiece(n, [&](size_t i0, size_t i1) {
          for (size_t i = i0; i < i1; i++) x[i] = static_cast<uint32_t>(i);
        })) {
      return false;
    }
    std::vector<uint64_t> words;
    ArgsortKeys<U>(&k, &x, &tk, &tx, n, hist.data(), &words, true);
  } else {
    SortKeys<U>(&k, &tk, n, hist.data());  // equal keys are one value here
  }
  if (SortStopped()) return false;
  progress.Phase(2, 0, n);
  // How many values: one more at each change of key.
  size_t u = n == 0 ? 0 : 1;
  const bool counted = ForEachPiece(n, [&](size_t i0, size_t i1) {
    for (size_t i = std::max<size_t>(i0, 1); i < i1; i++) u += k[i] != k[i - 1];
  });
  if (!counted) return false;
  uint8_t* vals = nullptr;
  int64_t* cnt = nullptr;
  int64_t* first = nullptr;
  if (!sink->Alloc(u, static_cast<size_t>(itemsize), wantCounts, wantIndex, &vals, &cnt, &first)) return false;
  // SAFETY: the sink gave u items at vals (and u int64 at cnt and first);
  // g < u below; inv holds n native int64 (checked by the caller) and x[i] < n.
  int64_t g = -1;
  size_t start = 0;
  const bool written = ForEachPiece(n, [&](size_t i0, size_t i1) {
    for (size_t i = i0; i < i1; i++) {
      if (i == 0 || k[i] != k[i - 1]) {
        if (g >= 0 && cnt != nullptr) cnt[g] = static_cast<int64_t>(i - start);
        g++;
        start = i;
        U bits = C::Bits(k[i]);
        if constexpr (C::kKind == Kind::kFloat) {
          if (k[i] == C::kZero) bits = firstZero;
          if (k[i] == C::kNaN) bits = firstNaN;
        }
        StoreBytes<U, Swap>(vals + g * itemsize, bits);
        if (first != nullptr) first[g] = x[i];
      }
      if (inv != nullptr) StoreIndex(inv + 8 * static_cast<size_t>(x[i]), static_cast<uint32_t>(g));
    }
    progress.Phase(2, i1, n);
  });
  if (!written) return false;
  if (g >= 0 && cnt != nullptr) cnt[g] = static_cast<int64_t>(n - start);
  return true;
}

// unique's arguments, checked on the JS thread (a mapping's shared_ptr
// keeps the Mapping alive).
struct UniqueCall {
  Job job;
  KernelMemory src, inv;
  int64_t type = 0;
  bool swap = false, wantCounts = false, wantIndex = false;
  uint8_t* ib = nullptr;
};

// Reads and checks unique's arguments at info[0..9] into `c`; false with an
// exception pending on bad ones.
bool ReadUniqueCall(const Napi::CallbackInfo& info, const char* what, UniqueCall* c) {
  Napi::Env env = info.Env();
  int64_t srcOffset, type, invOffset = 0;
  Job& job = c->job;
  if (info.Length() < 10 || !ToInt(info[1], &srcOffset) || srcOffset < 0 || !ToInts(info[2], &job.shape) ||
      job.shape.empty() || !ToInts(info[3], &job.ss) || job.ss.size() != job.shape.size() || !ToInt(info[4], &type) ||
      type < kF8 || type > kF2 || (!info[8].IsNull() && (!ToInt(info[9], &invOffset) || invOffset < 0))) {
    ThrowArgs(env, what);
    return false;
  }
  c->type = type;
  c->swap = ToBool(info[5]);
  c->wantCounts = ToBool(info[6]);
  c->wantIndex = ToBool(info[7]);
  if (!ReadKernelMemory(env, info[0], false, &c->src)) return false;
  uint8_t* sb;
  if (!CheckLayout(env, what, c->src, srcOffset, job.shape, job.ss, kItemsize[type], &sb)) return false;
  int64_t n = 1;
  for (int64_t d : job.shape) n *= d;  // CheckLayout checked the product
  if ((c->wantIndex || !info[8].IsNull()) && n > int64_t{0xffffffff}) {
    ThrowRange(env, std::string(what) + ": 2^32 items or more have no 32-bit positions");
    return false;
  }
  if (!info[8].IsNull()) {
    if (!ReadKernelMemory(env, info[8], true, &c->inv) || !CheckLayout(env, what, c->inv, invOffset, {n}, {8}, 8, &c->ib)) {
      return false;
    }
  }
  if (n == 0) {
    ThrowRange(env, std::string(what) + ": no items");
    return false;
  }
  // Two key buffers, and two 32-bit index buffers for the index or inverse.
  if (!CheckScratch(env, what, static_cast<uint64_t>(n) * (2 * 8 + ((c->wantIndex || !info[8].IsNull()) ? 8 : 0)))) return false;
  job.src = sb;
  return true;
}

// Runs a checked unique call into `sink` (any thread).
bool RunUniqueCall(const UniqueCall& c, UniqueSink* sink, const UniqueProgress& progress) {
  return WithCodec(c.type, [&](auto codec) -> bool {
    using C = decltype(codec);
    return c.swap ? UniqueItems<C, true>(c.job, kItemsize[c.type], c.wantCounts, c.wantIndex, c.ib, sink, progress)
                  : UniqueItems<C, false>(c.job, kItemsize[c.type], c.wantCounts, c.wantIndex, c.ib, sink, progress);
  });
}

// unique(src, srcOffset, shape, strides, type, swap, counts, index, inverse, inverseOffset)
// -> [values, counts, index]: NumPy's unique of the items of a plain
// non-complex numeric layout in C order (fewer than 2^32 items when the
// index or the inverse is asked for): the distinct values as a new
// ArrayBuffer of items of `type` in the source's byte order, with `counts`
// how often each occurs and with `index` the C-order position of its first
// occurrence (new ArrayBuffers of native int64, else undefined), and with
// `inverse` (memory, or null) each item's value number written there as
// native int64 in C order.
Napi::Value Unique(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  UniqueCall c;
  if (!ReadUniqueCall(info, "unique", &c)) return env.Undefined();
  // The results come as the async call's do: 1 MiB or more from the region
  // pool, already faulted (lib/fresh-memory.ts), where new ArrayBuffers paid
  // their first touch on this thread (unique of 10M distinct float64: the
  // store of each value into an 80 MB ArrayBuffer was 77% of the kernel).
  HeapSink sink;
  napi_value out;
  if (!RunUniqueCall(c, &sink, UniqueProgress{nullptr, 0}) || !sink.Result(env, &out)) {
    if (!env.IsExceptionPending()) ThrowRange(env, "unique: the memory for the distinct values was refused");
    return env.Undefined();
  }
  return Napi::Value(env, out);
}

// ------------------------------------------------------------ async unique
//
// uniqueAsync: unique on libuv's thread pool (lib/async.ts uniqueAsync), on
// one pool thread. The arguments are checked on the JS thread; the job pins
// the source and inverse mappings for the whole run and stops on an abort or
// when close() asks to unmap, at its checkpoints (every kCheckItems items of
// the key reads, the sort's passes and the write-out: sort_checkpoint.h).
// The results are heap blocks until the settle hands them to JS.

struct UniqueJob final : SortCheckpoint {
  UniqueCall call;
  HeapSink sink;
  std::atomic<bool> abort{false};
  std::atomic<int> stopped{kJobRunning};
  bool refused = false;  // the sink could not get the memory
  std::atomic<int64_t> done_bytes{0};
  int64_t total_bytes = 0;

  bool Continue() {
    if ((call.src.mapping && call.src.mapping->closing()) || (call.inv.mapping && call.inv.mapping->closing())) {
      stopped = kJobClosed;
    } else if (abort.load(std::memory_order_relaxed)) {
      stopped = kJobAborted;
    }
    return stopped == kJobRunning;
  }
  bool Go() override {
    YieldToWaiting();  // pool_yield.h
    return Continue();
  }
  bool Stopped() const override { return stopped != kJobRunning; }

  void Run() {
    if (!Continue()) return;
    std::vector<std::shared_lock<std::shared_mutex>> pins;
    for (const KernelMemory* m : {&call.src, &call.inv}) {
      if (!m->mapping) continue;
      if (m == &call.inv && call.src.mapping == call.inv.mapping) continue;
      pins.push_back(m->mapping->Pin());
      if (m->mapping->data() == nullptr) {
        stopped = kJobClosed;
        return;
      }
    }
    // SAFETY: every mapping the call reads or writes is pinned and still
    // mapped (Unmap waits for the pins; a mapping is never moved while
    // mapped, so the addresses ReadUniqueCall checked hold); the call's
    // ArrayBuffers are held by lib/async.ts until the promise settles.
    tl_sort_checkpoint = this;
    const bool ok = RunUniqueCall(call, &sink, UniqueProgress{&done_bytes, total_bytes});
    tl_sort_checkpoint = nullptr;
    if (!ok && stopped == kJobRunning) refused = true;
    if (ok) done_bytes = total_bytes;
  }
  void Help() {}  // one thread: no tasks to share

  // JS thread, at settle: [values, counts, index], or ERR_CLOSED, ABORT_ERR
  // or a RangeError for memory refused.
  bool Outcome(napi_env env, napi_value* error, napi_value* value) {
    int st = stopped;
    if (st == kJobRunning && !refused) {
      if (sink.Result(env, value)) return true;
      refused = true;
    }
    if (refused) {
      *error = NewErrorValue(env, ErrorCode::kOutOfRange, "uniqueAsync: the memory for the distinct values was refused");
    } else {
      const KernelMemory& m = call.src.mapping ? call.src : call.inv;
      *error = StoppedJobError(env, st, m.mapping ? m.mapping->path() : std::string());
    }
    return *error != nullptr;
  }
};

using UniqueWorker = PoolJobWorker<UniqueJob>;

// The kind of the env-table items that are UniqueJobs (env_state.h).
const char kUniqueKind = 0;

// uniqueAsync(...unique's arguments, settle) -> job id
Napi::Value UniqueAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 11 || !info[10].IsFunction()) {
    ThrowType(env, "uniqueAsync: expected a settle function after unique's arguments");
    return env.Undefined();
  }
  auto job = std::make_shared<UniqueJob>();
  if (!ReadUniqueCall(info, "uniqueAsync", &job->call)) return env.Undefined();
  int64_t items = 1;
  for (int64_t d : job->call.job.shape) items *= d;  // the checked layout's item count
  job->total_bytes = items * kItemsize[job->call.type];
  uint32_t id = UniqueWorker::Queue(env, &kUniqueKind, "mmarray.uniqueAsync", job, info[10].As<Napi::Function>());
  return id == 0 ? env.Undefined() : Napi::Number::New(env, id);
}

std::shared_ptr<UniqueJob> UniqueJobOf(const Napi::CallbackInfo& info) {
  return UniqueWorker::Of(info, &kUniqueKind, "a uniqueAsync job");
}

// uniqueAbort(job): the job stops at its next checkpoint; settle gets ABORT_ERR.
Napi::Value UniqueAbort(const Napi::CallbackInfo& info) {
  if (std::shared_ptr<UniqueJob> job = UniqueJobOf(info)) job->abort = true;
  return info.Env().Undefined();
}

// uniqueProgress(job) -> [doneBytes, totalBytes], or null once it settled.
Napi::Value UniqueProgressOf(const Napi::CallbackInfo& info) { return JobProgress(info.Env(), UniqueJobOf(info)); }

}  // namespace

// simdSort(on?) -> whether the AVX-512 sorts run (after switching them on
// or off when `on` is a boolean): the test hook that compares them with the
// radix sorts, which give the same bits.
Napi::Value SimdSort(const Napi::CallbackInfo& info) {
  if (info.Length() > 0 && info[0].IsBoolean()) SetSimdSortEnabled(info[0].As<Napi::Boolean>().Value());
  return Napi::Boolean::New(info.Env(), SimdSortAvailable());
}

void InitSortKernels(Napi::Env env, Napi::Object exports) {
  Napi::Object k = Napi::Object::New(env);
  k.Set("simdSort", Napi::Function::New(env, SimdSort, "simdSort"));
  k.Set("sortLanes", Napi::Function::New(env, SortLanes, "sortLanes"));
  k.Set("sortLanesAsync", Napi::Function::New(env, SortLanesAsync, "sortLanesAsync"));
  k.Set("sortAbort", Napi::Function::New(env, SortAbort, "sortAbort"));
  k.Set("sortProgress", Napi::Function::New(env, SortProgress, "sortProgress"));
  k.Set("unique", Napi::Function::New(env, Unique, "unique"));
  k.Set("uniqueAsync", Napi::Function::New(env, UniqueAsync, "uniqueAsync"));
  k.Set("uniqueAbort", Napi::Function::New(env, UniqueAbort, "uniqueAbort"));
  k.Set("uniqueProgress", Napi::Function::New(env, UniqueProgressOf, "uniqueProgress"));
  k.Set("partitionLanes", Napi::Function::New(env, PartitionLanesEntry, "partitionLanes"));
  exports.Set("sortKernels", k);
}

}  // namespace mmarray
