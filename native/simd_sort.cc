#include "simd_sort.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>

#if defined(__x86_64__)
// GCC 12 reports the self-initialised variable of _mm512_undefined_epi32(),
// which its own permute and compress intrinsics pass as "don't care", as
// used uninitialised wherever they inline: a false positive in the header.
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#endif

#include "sort_checkpoint.h"

namespace mmarray {
namespace {

// Read by every sort (a pool thread among them), set by the test hook.
std::atomic<bool> g_enabled{true};

}  // namespace

#if defined(__x86_64__)

#define MMARRAY_SORT_AVX512 __attribute__((target("avx512f,popcnt")))

namespace {

// __builtin_cpu_init first: this initializer may run before libgcc's own.
const bool kCpuHasAvx512 = (__builtin_cpu_init(), __builtin_cpu_supports("avx512f"));

// Lane i of the result is lane i ^ x: with x = 2^j - 1 it reverses each
// block of 2^j lanes, with x = 2^j it swaps neighbouring blocks of 2^j.
template <class T, int L>
constexpr std::array<T, L> XorIndex(int x) {
  std::array<T, L> a{};
  for (int i = 0; i < L; i++) a[i] = static_cast<T>(i ^ x);
  return a;
}

// The lanes of a compare-exchange at lane distance x that keep the larger
// key: those whose partner lane i ^ x is lower, i.e. that have x's top bit.
template <int L>
constexpr unsigned MaxLanes(int x) {
  int top = 1;
  while (top * 2 <= x) top *= 2;
  unsigned m = 0;
  for (int i = 0; i < L; i++) m |= (i & top) ? 1u << i : 0u;
  return m;
}

// One zmm of keys, per key width.
struct K64 {
  using T = uint64_t;
  using M = __mmask8;
  static constexpr int L = 8;
  MMARRAY_SORT_AVX512 static __m512i Set1(T v) { return _mm512_set1_epi64(static_cast<long long>(v)); }
  MMARRAY_SORT_AVX512 static __m512i Load(const T* p) { return _mm512_loadu_si512(p); }
  // The first n < L keys at p, the other lanes `fill` (a masked load does not
  // touch memory in its masked lanes).
  MMARRAY_SORT_AVX512 static __m512i LoadPart(const T* p, int n, __m512i fill) { return _mm512_mask_loadu_epi64(fill, First(n), p); }
  MMARRAY_SORT_AVX512 static void Store(T* p, __m512i v) { _mm512_storeu_si512(p, v); }
  MMARRAY_SORT_AVX512 static void StorePart(T* p, int n, __m512i v) { _mm512_mask_storeu_epi64(p, First(n), v); }
  MMARRAY_SORT_AVX512 static __m512i Min(__m512i a, __m512i b) { return _mm512_min_epu64(a, b); }
  MMARRAY_SORT_AVX512 static __m512i Max(__m512i a, __m512i b) { return _mm512_max_epu64(a, b); }
  // src with the lanes of m replaced by max(a, b).
  MMARRAY_SORT_AVX512 static __m512i MaskMax(__m512i src, M m, __m512i a, __m512i b) { return _mm512_mask_max_epu64(src, m, a, b); }
  MMARRAY_SORT_AVX512 static M Less(__m512i a, __m512i b) { return _mm512_cmplt_epu64_mask(a, b); }
  MMARRAY_SORT_AVX512 static __m512i Permute(__m512i idx, __m512i v) { return _mm512_permutexvar_epi64(idx, v); }
  MMARRAY_SORT_AVX512 static __m512i Compress(M m, __m512i v) { return _mm512_maskz_compress_epi64(m, v); }
  MMARRAY_SORT_AVX512 static void CompressStore(T* p, M m, __m512i v) { _mm512_mask_compressstoreu_epi64(p, m, v); }
  MMARRAY_SORT_AVX512 static T ReduceMin(__m512i v) { return _mm512_reduce_min_epu64(v); }
  MMARRAY_SORT_AVX512 static T ReduceMax(__m512i v) { return _mm512_reduce_max_epu64(v); }
  static M First(int n) { return static_cast<M>((1u << n) - 1); }
  // The keys of v with the lanes of m first, the others after, both in lane
  // order (vpcompressq to memory is slow: one permute serves both sides).
  static constexpr bool kSplit = true;
  static T Top() { return ~T{0}; }
  static T Next(T p) { return p + 1; }
  static bool Lt(T a, T b) { return a < b; }
  MMARRAY_SORT_AVX512 static __m512i Split(M m, __m512i v);
};

// Byte i of entry m: the lane that goes to lane i when the lanes of mask m
// come first.
constexpr std::array<uint64_t, 256> MakeSplitTable() {
  std::array<uint64_t, 256> t{};
  for (int m = 0; m < 256; m++) {
    uint64_t e = 0;
    int at = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < 8; i++) {
        if (((m >> i) & 1) == (pass == 0 ? 1 : 0)) e |= static_cast<uint64_t>(i) << (8 * at++);
      }
    }
    t[m] = e;
  }
  return t;
}
constexpr std::array<uint64_t, 256> kSplitTable = MakeSplitTable();

MMARRAY_SORT_AVX512 __m512i K64::Split(M m, __m512i v) {
  const __m512i idx = _mm512_cvtepu8_epi64(_mm_cvtsi64_si128(static_cast<long long>(kSplitTable[m])));
  return _mm512_permutexvar_epi64(idx, v);
}

// 8 doubles, held as their bits (T is the bits, so the permutes, loads and
// stores are K64's), ordered as doubles: for arrays without NaNs, where -0
// and +0 are equal. vminpd/vmaxpd issue on two ports where vpminuq/vpmaxuq
// issue on one, and the caller needs no order-preserving key transform:
// 10000-double rows sort in 37.5 us against 44 for their keys (Xeon VM).
struct K64F : K64 {
  MMARRAY_SORT_AVX512 static __m512d D(__m512i v) { return _mm512_castsi512_pd(v); }
  MMARRAY_SORT_AVX512 static __m512i I(__m512d v) { return _mm512_castpd_si512(v); }
  MMARRAY_SORT_AVX512 static __m512i Min(__m512i a, __m512i b) { return I(_mm512_min_pd(D(a), D(b))); }
  MMARRAY_SORT_AVX512 static __m512i Max(__m512i a, __m512i b) { return I(_mm512_max_pd(D(a), D(b))); }
  MMARRAY_SORT_AVX512 static __m512i MaskMax(__m512i src, M m, __m512i a, __m512i b) { return I(_mm512_mask_max_pd(D(src), m, D(a), D(b))); }
  MMARRAY_SORT_AVX512 static M Less(__m512i a, __m512i b) { return _mm512_cmp_pd_mask(D(a), D(b), _CMP_LT_OQ); }
  MMARRAY_SORT_AVX512 static T ReduceMin(__m512i v) { return Bits(_mm512_reduce_min_pd(D(v))); }
  MMARRAY_SORT_AVX512 static T ReduceMax(__m512i v) { return Bits(_mm512_reduce_max_pd(D(v))); }
  // +inf: pads registers (sorts last; padding lanes are never stored).
  static T Top() { return 0x7ff0000000000000ull; }
  // The least double above p's (p is not +inf: it is below the greatest key).
  static T Next(T p) { return Bits(std::nextafter(Value(p), HUGE_VAL)); }
  static bool Lt(T a, T b) { return Value(a) < Value(b); }
  static T Bits(double d) {
    T t;
    std::memcpy(&t, &d, 8);
    return t;
  }
  static double Value(T t) {
    double d;
    std::memcpy(&d, &t, 8);
    return d;
  }
};

struct K32 {
  using T = uint32_t;
  using M = __mmask16;
  static constexpr int L = 16;
  MMARRAY_SORT_AVX512 static __m512i Set1(T v) { return _mm512_set1_epi32(static_cast<int>(v)); }
  MMARRAY_SORT_AVX512 static __m512i Load(const T* p) { return _mm512_loadu_si512(p); }
  MMARRAY_SORT_AVX512 static __m512i LoadPart(const T* p, int n, __m512i fill) { return _mm512_mask_loadu_epi32(fill, First(n), p); }
  MMARRAY_SORT_AVX512 static void Store(T* p, __m512i v) { _mm512_storeu_si512(p, v); }
  MMARRAY_SORT_AVX512 static void StorePart(T* p, int n, __m512i v) { _mm512_mask_storeu_epi32(p, First(n), v); }
  MMARRAY_SORT_AVX512 static __m512i Min(__m512i a, __m512i b) { return _mm512_min_epu32(a, b); }
  MMARRAY_SORT_AVX512 static __m512i Max(__m512i a, __m512i b) { return _mm512_max_epu32(a, b); }
  MMARRAY_SORT_AVX512 static __m512i MaskMax(__m512i src, M m, __m512i a, __m512i b) { return _mm512_mask_max_epu32(src, m, a, b); }
  MMARRAY_SORT_AVX512 static M Less(__m512i a, __m512i b) { return _mm512_cmplt_epu32_mask(a, b); }
  MMARRAY_SORT_AVX512 static __m512i Permute(__m512i idx, __m512i v) { return _mm512_permutexvar_epi32(idx, v); }
  MMARRAY_SORT_AVX512 static __m512i Compress(M m, __m512i v) { return _mm512_maskz_compress_epi32(m, v); }
  MMARRAY_SORT_AVX512 static void CompressStore(T* p, M m, __m512i v) { _mm512_mask_compressstoreu_epi32(p, m, v); }
  MMARRAY_SORT_AVX512 static T ReduceMin(__m512i v) { return _mm512_reduce_min_epu32(v); }
  MMARRAY_SORT_AVX512 static T ReduceMax(__m512i v) { return _mm512_reduce_max_epu32(v); }
  static M First(int n) { return static_cast<M>((1u << n) - 1); }
  static constexpr bool kSplit = false;
  static T Top() { return ~T{0}; }
  static T Next(T p) { return p + 1; }
  static bool Lt(T a, T b) { return a < b; }
  MMARRAY_SORT_AVX512 static __m512i Split(M, __m512i v) { return v; }
};

// Signed integers held as their bits (T is the bits, so the permutes, loads
// and stores are K64's or K32's), ordered as signed: int64 and int32 items
// partition as they lie, with no key pass over the lane before and after
// (the sign-flipped keys' two passes cost as much as the select itself).
struct K64S : K64 {
  MMARRAY_SORT_AVX512 static __m512i Min(__m512i a, __m512i b) { return _mm512_min_epi64(a, b); }
  MMARRAY_SORT_AVX512 static __m512i Max(__m512i a, __m512i b) { return _mm512_max_epi64(a, b); }
  MMARRAY_SORT_AVX512 static __m512i MaskMax(__m512i src, M m, __m512i a, __m512i b) { return _mm512_mask_max_epi64(src, m, a, b); }
  MMARRAY_SORT_AVX512 static M Less(__m512i a, __m512i b) { return _mm512_cmplt_epi64_mask(a, b); }
  MMARRAY_SORT_AVX512 static T ReduceMin(__m512i v) { return static_cast<T>(_mm512_reduce_min_epi64(v)); }
  MMARRAY_SORT_AVX512 static T ReduceMax(__m512i v) { return static_cast<T>(_mm512_reduce_max_epi64(v)); }
  static T Top() { return 0x7fffffffffffffffull; }
  // p is below the greatest key, so p + 1 does not pass INT64_MAX.
  static T Next(T p) { return p + 1; }
  static bool Lt(T a, T b) { return static_cast<int64_t>(a) < static_cast<int64_t>(b); }
};

struct K32S : K32 {
  MMARRAY_SORT_AVX512 static __m512i Min(__m512i a, __m512i b) { return _mm512_min_epi32(a, b); }
  MMARRAY_SORT_AVX512 static __m512i Max(__m512i a, __m512i b) { return _mm512_max_epi32(a, b); }
  MMARRAY_SORT_AVX512 static __m512i MaskMax(__m512i src, M m, __m512i a, __m512i b) { return _mm512_mask_max_epi32(src, m, a, b); }
  MMARRAY_SORT_AVX512 static M Less(__m512i a, __m512i b) { return _mm512_cmplt_epi32_mask(a, b); }
  MMARRAY_SORT_AVX512 static T ReduceMin(__m512i v) { return static_cast<T>(_mm512_reduce_min_epi32(v)); }
  MMARRAY_SORT_AVX512 static T ReduceMax(__m512i v) { return static_cast<T>(_mm512_reduce_max_epi32(v)); }
  static T Top() { return 0x7fffffffu; }
  static T Next(T p) { return p + 1; }
  static bool Lt(T a, T b) { return static_cast<int32_t>(a) < static_cast<int32_t>(b); }
};

// ------------------------------------------------------------ networks
//
// A bitonic sort of R registers (R * L keys) in the form that needs no
// direction flags: merging blocks of k keys first compare-exchanges key i
// with key k - 1 - i of its block (the reversal), then runs half-cleaners at
// distances k/4, k/8, ..., 1, every one ascending. Distances below L are
// lane permutations inside each register; larger ones pair whole registers.

template <class K, int X>
MMARRAY_SORT_AVX512 inline __m512i XorPermute(__m512i v) {
  static constexpr std::array<typename K::T, K::L> kIdx = XorIndex<typename K::T, K::L>(X);
  return K::Permute(K::Load(kIdx.data()), v);
}

// Compare-exchange of lanes i and i ^ X in every register (the min, then a
// masked max over the lanes that keep the larger key: one op fewer than a
// min, a max and a blend).
template <class K, int R, int X>
MMARRAY_SORT_AVX512 inline void InRegister(__m512i* r) {
  constexpr typename K::M kMax = static_cast<typename K::M>(MaxLanes<K::L>(X));
  for (int i = 0; i < R; i++) {
    __m512i p = XorPermute<K, X>(r[i]);
    r[i] = K::MaskMax(K::Min(r[i], p), kMax, r[i], p);
  }
}

template <class K, int R, int J>
MMARRAY_SORT_AVX512 inline void HalfCleaners(__m512i* r) {
  if constexpr (J >= K::L) {
    constexpr int jr = J / K::L;
    for (int i = 0; i < R; i++) {
      if (i & jr) continue;
      __m512i lo = K::Min(r[i], r[i + jr]), hi = K::Max(r[i], r[i + jr]);
      r[i] = lo;
      r[i + jr] = hi;
    }
  } else {
    InRegister<K, R, J>(r);
  }
  if constexpr (J > 1) HalfCleaners<K, R, J / 2>(r);
}

template <class K, int R, int B>
MMARRAY_SORT_AVX512 inline void MergeBlocks(__m512i* r) {
  if constexpr (B <= K::L) {
    InRegister<K, R, B - 1>(r);
  } else {
    constexpr int br = B / K::L;
    for (int b = 0; b < R; b += br) {
      for (int i = 0; i < br / 2; i++) {
        __m512i x = r[b + i], y = XorPermute<K, K::L - 1>(r[b + br - 1 - i]);
        r[b + i] = K::Min(x, y);
        r[b + br - 1 - i] = XorPermute<K, K::L - 1>(K::Max(x, y));
      }
    }
  }
  if constexpr (B >= 4) HalfCleaners<K, R, B / 4>(r);
  if constexpr (B < R * K::L) MergeBlocks<K, R, B * 2>(r);
}

// Transposes the 8 x 8 64-bit words of r: (rows 2i, 2i+1) -> their even and
// odd columns; then rows 0-3 and 4-7 of columns (c, c + 4) per register;
// then the 256-bit halves.
MMARRAY_SORT_AVX512 inline void Transpose8x8(__m512i* r) {
  __m512i a[8], b[8];
  for (int i = 0; i < 8; i += 2) {
    a[i] = _mm512_unpacklo_epi64(r[i], r[i + 1]);
    a[i + 1] = _mm512_unpackhi_epi64(r[i], r[i + 1]);
  }
  const __m512i lo = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0), hi = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
  for (int h = 0; h < 8; h += 4) {
    b[h] = _mm512_permutex2var_epi64(a[h], lo, a[h + 2]);          // columns 0 | 4
    b[h + 1] = _mm512_permutex2var_epi64(a[h], hi, a[h + 2]);      // 2 | 6
    b[h + 2] = _mm512_permutex2var_epi64(a[h + 1], lo, a[h + 3]);  // 1 | 5
    b[h + 3] = _mm512_permutex2var_epi64(a[h + 1], hi, a[h + 3]);  // 3 | 7
  }
  r[0] = _mm512_shuffle_i64x2(b[0], b[4], 0x44);
  r[4] = _mm512_shuffle_i64x2(b[0], b[4], 0xEE);
  r[2] = _mm512_shuffle_i64x2(b[1], b[5], 0x44);
  r[6] = _mm512_shuffle_i64x2(b[1], b[5], 0xEE);
  r[1] = _mm512_shuffle_i64x2(b[2], b[6], 0x44);
  r[5] = _mm512_shuffle_i64x2(b[2], b[6], 0xEE);
  r[3] = _mm512_shuffle_i64x2(b[3], b[7], 0x44);
  r[7] = _mm512_shuffle_i64x2(b[3], b[7], 0xEE);
}

// Sorts the 8 registers at r into 8 sorted registers of 64-bit keys (the
// first three merge levels of MergeBlocks at a third of their cost): lane j
// sorted across the registers by an optimal 8-input network (19
// compare-exchanges of whole registers, no permutes), then the 8 x 8 keys
// transposed, so that register j holds column j in order.
template <class K>
MMARRAY_SORT_AVX512 inline void SortColumns8(__m512i* r) {
  auto cx = [&](int i, int j) MMARRAY_SORT_AVX512 {
    const __m512i lo = K::Min(r[i], r[j]);
    r[j] = K::Max(r[i], r[j]);
    r[i] = lo;
  };
  cx(0, 2), cx(1, 3), cx(4, 6), cx(5, 7);
  cx(0, 4), cx(1, 5), cx(2, 6), cx(3, 7);
  cx(0, 1), cx(2, 3), cx(4, 5), cx(6, 7);
  cx(2, 4), cx(3, 5);
  cx(1, 4), cx(3, 6);
  cx(1, 2), cx(3, 4), cx(5, 6);
  Transpose8x8(r);
}

// Sorts the n <= R * L keys at a (the registers past n are padded with the
// largest key, which sorts to the end and is not stored).
template <class K, int R>
MMARRAY_SORT_AVX512 void SortRegisters(typename K::T* a, size_t n) {
  constexpr int L = K::L;
  const __m512i top = K::Set1(K::Top());
  __m512i r[R];
  for (int i = 0; i < R; i++) {
    const ptrdiff_t left = static_cast<ptrdiff_t>(n) - i * L;
    // SAFETY: register i reads keys i * L .. min(n, (i + 1) * L) - 1 of the
    // n at a (a masked load touches no memory in its masked-off lanes).
    r[i] = left >= L ? K::Load(a + i * L) : left > 0 ? K::LoadPart(a + i * L, static_cast<int>(left), top) : top;
  }
  if constexpr (K::L == 8 && R >= 8) {
    for (int g = 0; g < R; g += 8) SortColumns8<K>(r + g);
    MergeBlocks<K, R, 16>(r);
  } else {
    MergeBlocks<K, R, 2>(r);
  }
  for (int i = 0; i < R; i++) {
    const ptrdiff_t left = static_cast<ptrdiff_t>(n) - i * L;
    // SAFETY: as for the loads.
    if (left >= L) K::Store(a + i * L, r[i]);
    else if (left > 0) K::StorePart(a + i * L, static_cast<int>(left), r[i]);
  }
}

// Partitions of at most this many keys are sorted by the networks.
template <class K>
constexpr size_t kNetworkMax = 16 * K::L;

template <class K>
MMARRAY_SORT_AVX512 void SortSmall(typename K::T* a, size_t n) {
  constexpr size_t L = K::L;
  if (n <= L) SortRegisters<K, 1>(a, n);
  else if (n <= 2 * L) SortRegisters<K, 2>(a, n);
  else if (n <= 4 * L) SortRegisters<K, 4>(a, n);
  else if (n <= 8 * L) SortRegisters<K, 8>(a, n);
  else SortRegisters<K, 16>(a, n);
}

// ------------------------------------------------------------ quicksort

// The median of L keys spread over the n >= L at a.
template <class K>
MMARRAY_SORT_AVX512 typename K::T Pivot(const typename K::T* a, size_t n) {
  typename K::T s[K::L];
  const size_t step = n / K::L;
  // SAFETY: i * step + step / 2 < K::L * step <= n.
  for (int i = 0; i < K::L; i++) s[i] = a[i * step + step / 2];
  SortRegisters<K, 1>(s, K::L);
  return s[K::L / 2];
}

// Vectors a partition step reads from one side at a time: the choice of
// side is a branch the predictor cannot learn, paid once per kUnroll
// (2, 4, 8 measured on a Xeon with AVX-512: 8 was fastest for 64-bit keys
// and as fast as 4 for 32-bit ones).
constexpr int kUnroll = 8;
static_assert(kNetworkMax<K64> >= 2 * kUnroll * K64::L && kNetworkMax<K32> >= 2 * kUnroll * K32::L,
              "Partition holds 2 kUnroll vectors of the more than kNetworkMax keys it gets");

// A partition reads blocks of kUnroll vectors (512 bytes) from both ends
// towards the middle, and the hardware prefetchers miss the descending
// ones: each block read asks for the block kAhead blocks further on its
// side while that one is still unread (2 and 4 blocks ahead measured: 4
// was 5% faster). Without it a select of 10M int16 keys took 3 times as
// long, of 10M uint32 keys 3.2 times, a sort of 10M uint32 keys 1.5 times
// (this project's AMD EPYC).
constexpr size_t kAhead = 4;
// Always inlined: GCC takes a function that only prefetches for one
// without effects and drops the calls to it.
__attribute__((always_inline)) inline void PrefetchBlock(const void* block) {
  const char* p = static_cast<const char*>(block);
  // A prefetch reads nothing the program sees and never faults; the
  // callers still name only unread keys.
  for (int i = 0; i < kUnroll; i++) _mm_prefetch(p + 64 * i, _MM_HINT_T0);
}

// Sends one vector's keys below the pivot (mask m) to the left cursor and
// the others to the right one, with full-vector stores: the caller keeps at
// least L free slots at each cursor, and the lanes past the kept keys land
// on them.
template <class K>
MMARRAY_SORT_AVX512 inline void SplitStore(typename K::T* a, size_t* wl, size_t* wr, typename K::M m, __m512i v) {
  using M = typename K::M;
  constexpr size_t L = K::L;
  const size_t k = static_cast<size_t>(__builtin_popcount(m));
  // SAFETY: [*wl, *wl + L) and [*wr - L, *wr) are free slots of a (the
  // caller's invariant).
  if constexpr (K::kSplit) {
    const __m512i s = K::Split(m, v);
    K::Store(a + *wl, s);
    K::Store(a + *wr - L, s);
  } else {
    K::Store(a + *wl, K::Compress(m, v));
    K::CompressStore(a + *wr - (L - k), static_cast<M>(~m), v);
  }
  *wl += k;
  *wr -= L - k;
}

// Moves the keys below `pivot` of the n >= 2 * kUnroll * L at a to the
// front, the others to the back, and returns how many are below; *mn and
// *mx get the least and the greatest key. The first and the last kUnroll
// vectors are held in registers, so there are always 2 * kUnroll * L free
// slots between the two write cursors and the unread keys: reading kUnroll
// vectors (or one) from the side with fewer free slots leaves at least that
// many on each side, room for full-vector stores.
template <class K>
MMARRAY_SORT_AVX512 size_t Partition(typename K::T* a, size_t n, typename K::T pivot, typename K::T* mn, typename K::T* mx) {
  using M = typename K::M;
  constexpr size_t L = K::L, U = kUnroll, UL = kUnroll * K::L;
  const __m512i p = K::Set1(pivot);
  __m512i held[2 * U];
  // SAFETY: every access below is to keys [0, n) of a: the held vectors at
  // [0, UL) and [n - UL, n) (n >= 2 UL), the reads in [l, r) and the writes
  // in [wl, l) and [r, wr), which the free-slot count keeps wide enough.
  for (size_t i = 0; i < U; i++) {
    held[i] = K::Load(a + i * L);
    held[U + i] = K::Load(a + n - UL + i * L);
  }
  __m512i lo = held[0], hi = held[0];
  for (size_t i = 1; i < 2 * U; i++) {
    lo = K::Min(lo, held[i]);
    hi = K::Max(hi, held[i]);
  }
  size_t l = UL, r = n - UL, wl = 0, wr = n;
  // An async sort's checkpoint (sort_checkpoint.h) every kCheckItems keys:
  // a stop returns at once, the keys half partitioned (the caller sorts a
  // scratch copy and drops it; QuickSort returns on SortStopped()).
  size_t budget = kCheckItems / UL;
  while (r - l >= UL) {
    if (--budget == 0) {
      budget = kCheckItems / UL;
      if (!SortGo()) return wl;
    }
    const typename K::T* from;
    const bool right = wr - r <= l - wl;
    if (right) {
      r -= UL;
      from = a + r;
    } else {
      from = a + l;
      l += UL;
    }
    __m512i v[U];
    M m[U];
    for (size_t i = 0; i < U; i++) v[i] = K::Load(from + i * L);
    // SAFETY: a block of unread keys, inside [l, r).
    if (r - l >= kAhead * UL) PrefetchBlock(right ? a + r - kAhead * UL : from + kAhead * UL);
    for (size_t i = 0; i < U; i++) {
      lo = K::Min(lo, v[i]);
      hi = K::Max(hi, v[i]);
      m[i] = K::Less(v[i], p);
    }
    for (size_t i = 0; i < U; i++) SplitStore<K>(a, &wl, &wr, m[i], v[i]);
  }
  while (r - l >= L) {
    __m512i v;
    if (wr - r <= l - wl) {
      r -= L;
      v = K::Load(a + r);
    } else {
      v = K::Load(a + l);
      l += L;
    }
    lo = K::Min(lo, v);
    hi = K::Max(hi, v);
    SplitStore<K>(a, &wl, &wr, K::Less(v, p), v);
  }
  // The last r - l < L unread keys, then the held vectors, go to the exact
  // slots left between the cursors.
  auto place = [&](__m512i v, M valid) MMARRAY_SORT_AVX512 {
    const M m = static_cast<M>(K::Less(v, p) & valid), g = static_cast<M>(~m & valid);
    K::CompressStore(a + wl, m, v);
    wl += static_cast<size_t>(__builtin_popcount(m));
    wr -= static_cast<size_t>(__builtin_popcount(g));
    K::CompressStore(a + wr, g, v);
  };
  if (r > l) {
    const int rest = static_cast<int>(r - l);
    // Unread lanes past the rest repeat key l, so lo and hi stay exact.
    const __m512i v = K::LoadPart(a + l, rest, K::Set1(a[l]));
    lo = K::Min(lo, v);
    hi = K::Max(hi, v);
    place(v, K::First(rest));
  }
  for (size_t i = 0; i < 2 * U; i++) place(held[i], static_cast<M>(~M{0}));
  *mn = K::ReduceMin(lo);
  *mx = K::ReduceMax(hi);
  return wl;
}

template <class K>
MMARRAY_SORT_AVX512 void QuickSort(typename K::T* a, size_t n, int depth) {
  using T = typename K::T;
  for (;;) {
    if (SortStopped()) return;  // in a part after the stop
    if (n <= kNetworkMax<K>) return SortSmall<K>(a, n);
    if (depth-- == 0) return std::sort(a, a + n, K::Lt);  // pivots keep missing: n log n anyway
    const T p = Pivot<K>(a, n);
    T mn, mx;
    size_t mid = Partition<K>(a, n, p, &mn, &mx);
    if (SortStopped()) return;  // an async sort stopped (sort_checkpoint.h)
    if (!K::Lt(mn, mx)) return;  // all keys equal
    if (mid == 0) {
      // The pivot is the least key: split off the keys equal to it (p < mx,
      // so Next(p) does not wrap), which are then in place.
      mid = Partition<K>(a, n, K::Next(p), &mn, &mx);
      if (SortStopped()) return;
      a += mid;
      n -= mid;
      continue;
    }
    if (!K::Lt(p, mx)) {  // the right part is all the pivot
      n = mid;
      continue;
    }
    // Recurse into the smaller part, loop on the larger (stack depth log n).
    if (mid < n - mid) {
      QuickSort<K>(a, mid, depth);
      a += mid;
      n -= mid;
    } else {
      QuickSort<K>(a + mid, n - mid, depth);
      n = mid;
    }
  }
}

// Puts the key a sort would put at k there, none greater before it and
// none smaller after it (NumPy's introselect contract), with the partition
// steps of QuickSort: each loops into the side holding k only.
template <class K>
MMARRAY_SORT_AVX512 void QuickSelect(typename K::T* a, size_t n, size_t k, int depth) {
  using T = typename K::T;
  for (;;) {
    if (n <= kNetworkMax<K>) return SortSmall<K>(a, n);
    if (depth-- == 0) return std::nth_element(a, a + k, a + n, K::Lt);  // pivots keep missing
    const T p = Pivot<K>(a, n);
    T mn, mx;
    size_t mid = Partition<K>(a, n, p, &mn, &mx);
    if (!K::Lt(mn, mx)) return;  // all keys equal
    if (mid == 0) {
      // The pivot is the least key: the keys equal to it go first, in place.
      mid = Partition<K>(a, n, K::Next(p), &mn, &mx);
      if (k < mid) return;
    } else if (!K::Lt(p, mx)) {  // the right part is all the pivot
      if (k >= mid) return;
      n = mid;
      continue;
    }
    if (k < mid) {
      n = mid;
    } else {
      a += mid;
      n -= mid;
      k -= mid;
    }
  }
}

// ------------------------------------------------------------ 16-bit select
//
// 16-bit keys (int16, uint16 and non-NaN float16 items in partition) have
// few values and many repeats: a three-way partition that sends the keys
// below the pivot left, those above it right, and drops the keys equal to
// it (they are all the pivot: it is written over the gap between the two
// sides at the end) splits off every copy of the pivot in the same pass.
// 32 keys per zmm; the compress of 16-bit lanes is AVX-512 VBMI2, chosen at
// run time apart from the F kernels above.

#define MMARRAY_SORT_VBMI2 __attribute__((target("avx512f,avx512bw,avx512vbmi2,popcnt")))

const bool kCpuHasVbmi2 =
    kCpuHasAvx512 && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi2");

constexpr size_t kL16 = 32, kUL16 = kUnroll * kL16;
// Below this many keys a part goes to std::nth_element (Partition3U16
// needs 2 * kUL16).
constexpr size_t kSmall16 = 4 * kUL16;

// The mask of lanes [0, n), n <= 32.
inline __mmask32 First16(unsigned n) { return static_cast<__mmask32>((uint64_t{1} << n) - 1); }

// Moves the keys below `pivot` of the n >= 2 * kUL16 at a to the front and
// those above it to the back, writes the pivot over the slots between, and
// returns the first of those slots in *eqFrom and the end in *eqTo. The
// reads and the free slots are as in Partition: dropping the equal keys
// only widens the gap between the write cursors and the unread keys; the
// compress-stores write only the keys kept, so each needs only as many
// free slots.
template <bool Signed>
MMARRAY_SORT_VBMI2 void Partition3U16(uint16_t* a, size_t n, uint16_t pivot, size_t* eqFrom, size_t* eqTo) {
  constexpr size_t L = kL16, U = kUnroll, UL = kUL16;
  const __m512i p = _mm512_set1_epi16(static_cast<short>(pivot));
  __m512i held[2 * U];
  // SAFETY: every access below is to keys [0, n) of a: the held vectors at
  // [0, UL) and [n - UL, n) (n >= 2 UL), the reads in [l, r), the writes
  // in [wl, l) and [r, wr) (compress-stores of the keys kept: at most the
  // free slots on that side), and the fill of [wl, wr).
  for (size_t i = 0; i < U; i++) {
    held[i] = _mm512_loadu_si512(a + i * L);
    held[U + i] = _mm512_loadu_si512(a + n - UL + i * L);
  }
  size_t l = UL, r = n - UL, wl = 0, wr = n;
  auto put = [&](__m512i v, __mmask32 valid) MMARRAY_SORT_VBMI2 {
    const __mmask32 lt = Signed ? _mm512_mask_cmplt_epi16_mask(valid, v, p) : _mm512_mask_cmplt_epu16_mask(valid, v, p);
    const __mmask32 gt = Signed ? _mm512_mask_cmpgt_epi16_mask(valid, v, p) : _mm512_mask_cmpgt_epu16_mask(valid, v, p);
    // Compress to memory: for 16-bit lanes it beat a compress and a masked
    // store by 1.6 times on this project's AMD EPYC (the 32- and 64-bit
    // forms were no faster there), and it writes only the keys kept.
    _mm512_mask_compressstoreu_epi16(a + wl, lt, v);
    wl += static_cast<size_t>(__builtin_popcount(lt));
    wr -= static_cast<size_t>(__builtin_popcount(gt));
    _mm512_mask_compressstoreu_epi16(a + wr, gt, v);
  };
  while (r - l >= UL) {
    const uint16_t* from;
    const bool right = wr - r <= l - wl;
    if (right) {
      r -= UL;
      from = a + r;
    } else {
      from = a + l;
      l += UL;
    }
    __m512i v[U];
    for (size_t i = 0; i < U; i++) v[i] = _mm512_loadu_si512(from + i * L);
    // SAFETY: a block of unread keys, inside [l, r).
    if (r - l >= kAhead * UL) PrefetchBlock(right ? a + r - kAhead * UL : from + kAhead * UL);
    for (size_t i = 0; i < U; i++) put(v[i], ~__mmask32{0});
  }
  while (r - l >= L) {
    __m512i v;
    if (wr - r <= l - wl) {
      r -= L;
      v = _mm512_loadu_si512(a + r);
    } else {
      v = _mm512_loadu_si512(a + l);
      l += L;
    }
    put(v, ~__mmask32{0});
  }
  if (r > l) {
    const __mmask32 rest = First16(static_cast<unsigned>(r - l));
    put(_mm512_maskz_loadu_epi16(rest, a + l), rest);
  }
  for (size_t i = 0; i < 2 * U; i++) put(held[i], ~__mmask32{0});
  std::fill(a + wl, a + wr, pivot);
  *eqFrom = wl;
  *eqTo = wr;
}

// std::nth_element of 16-bit keys held as uint16, ordered as int16 when
// Signed.
template <bool Signed>
void NthElement16(uint16_t* a, size_t n, size_t k) {
  if constexpr (Signed) std::nth_element(a, a + k, a + n, [](uint16_t x, uint16_t y) { return static_cast<int16_t>(x) < static_cast<int16_t>(y); });
  else std::nth_element(a, a + k, a + n);
}

// QuickSelect with Partition3U16: the pivot is the median of 64 keys
// spread over the part; each step keeps the side holding k, or ends when
// k falls among the pivot's copies.
template <bool Signed>
MMARRAY_SORT_VBMI2 void QuickSelect16(uint16_t* a, size_t n, size_t k, int depth) {
  constexpr size_t kSamples = 64;
  for (;;) {
    if (n < kSmall16 || depth-- == 0) return NthElement16<Signed>(a, n, k);
    uint16_t s[kSamples];
    const size_t step = n / kSamples;
    // SAFETY: i * step + step / 2 < kSamples * step <= n.
    for (size_t i = 0; i < kSamples; i++) s[i] = a[i * step + step / 2];
    NthElement16<Signed>(s, kSamples, kSamples / 2);
    size_t from, to;
    Partition3U16<Signed>(a, n, s[kSamples / 2], &from, &to);
    if (k < from) {
      n = from;
    } else if (k >= to) {
      a += to;
      n -= to;
      k -= to;
    } else {
      return;
    }
  }
}

int DepthLimit(size_t n) {
  int d = 0;
  while (n > 1) {
    n >>= 1;
    d++;
  }
  return 2 * d + 4;
}

}  // namespace

bool SimdSortAvailable() { return kCpuHasAvx512 && g_enabled.load(std::memory_order_relaxed); }

void SimdSortU64(uint64_t* a, size_t n) { QuickSort<K64>(a, n, DepthLimit(n)); }

void SimdSortU32(uint32_t* a, size_t n) { QuickSort<K32>(a, n, DepthLimit(n)); }

void SimdSortF64(uint64_t* a, size_t n) { QuickSort<K64F>(a, n, DepthLimit(n)); }

void SimdSortI64(uint64_t* a, size_t n) { QuickSort<K64S>(a, n, DepthLimit(n)); }

void SimdSortI32(uint32_t* a, size_t n) { QuickSort<K32S>(a, n, DepthLimit(n)); }

void SimdSelectF64(uint64_t* a, size_t n, size_t k) { QuickSelect<K64F>(a, n, k, DepthLimit(n)); }

void SimdSelectU64(uint64_t* a, size_t n, size_t k) { QuickSelect<K64>(a, n, k, DepthLimit(n)); }

void SimdSelectU32(uint32_t* a, size_t n, size_t k) { QuickSelect<K32>(a, n, k, DepthLimit(n)); }

void SimdSelectI64(uint64_t* a, size_t n, size_t k) { QuickSelect<K64S>(a, n, k, DepthLimit(n)); }

void SimdSelectI32(uint32_t* a, size_t n, size_t k) { QuickSelect<K32S>(a, n, k, DepthLimit(n)); }

void SelectU16(uint16_t* a, size_t n, size_t k) {
  if (kCpuHasVbmi2 && g_enabled.load(std::memory_order_relaxed)) QuickSelect16<false>(a, n, k, DepthLimit(n));
  else NthElement16<false>(a, n, k);
}

void SelectI16(uint16_t* a, size_t n, size_t k) {
  if (kCpuHasVbmi2 && g_enabled.load(std::memory_order_relaxed)) QuickSelect16<true>(a, n, k, DepthLimit(n));
  else NthElement16<true>(a, n, k);
}

MMARRAY_SORT_AVX512 void SimdGatherLanes64(const uint8_t* src, int64_t rowStride, uint64_t* dst, size_t n, int lanes) {
  size_t i = 0;
  // SAFETY (both loops): rows i < n, words l < lanes of each: the caller's
  // rows; dst + l * n + i for l < lanes, i < n: the caller's lanes x n words.
  for (; i + 8 <= n; i += 8) {
    for (int g = 0; g < lanes; g += 8) {
      __m512i r[8];
      for (int q = 0; q < 8; q++) r[q] = _mm512_loadu_si512(src + static_cast<int64_t>(i + q) * rowStride + 8 * g);
      Transpose8x8(r);
      for (int l = 0; l < 8; l++) _mm512_storeu_si512(dst + static_cast<size_t>(g + l) * n + i, r[l]);
    }
  }
  for (; i < n; i++) {
    for (int l = 0; l < lanes; l++) std::memcpy(dst + static_cast<size_t>(l) * n + i, src + static_cast<int64_t>(i) * rowStride + 8 * l, 8);
  }
}

MMARRAY_SORT_AVX512 void SimdScatterLanes64(const uint64_t* src, uint8_t* dst, int64_t rowStride, size_t n, int lanes) {
  size_t i = 0;
  // SAFETY: as in SimdGatherLanes64, with src and dst exchanged.
  for (; i + 8 <= n; i += 8) {
    for (int g = 0; g < lanes; g += 8) {
      __m512i r[8];
      for (int l = 0; l < 8; l++) r[l] = _mm512_loadu_si512(src + static_cast<size_t>(g + l) * n + i);
      Transpose8x8(r);
      for (int q = 0; q < 8; q++) _mm512_storeu_si512(dst + static_cast<int64_t>(i + q) * rowStride + 8 * g, r[q]);
    }
  }
  for (; i < n; i++) {
    for (int l = 0; l < lanes; l++) std::memcpy(dst + static_cast<int64_t>(i) * rowStride + 8 * l, src + static_cast<size_t>(l) * n + i, 8);
  }
}

#else  // no AVX-512 here: the radix sorts run, these are never called

bool SimdSortAvailable() { return false; }

void SimdSortU64(uint64_t* a, size_t n) { std::sort(a, a + n); }

void SimdSortU32(uint32_t* a, size_t n) { std::sort(a, a + n); }

void SimdSortI64(uint64_t* a, size_t n) {
  std::sort(a, a + n, [](uint64_t x, uint64_t y) { return static_cast<int64_t>(x) < static_cast<int64_t>(y); });
}

void SimdSortI32(uint32_t* a, size_t n) {
  std::sort(a, a + n, [](uint32_t x, uint32_t y) { return static_cast<int32_t>(x) < static_cast<int32_t>(y); });
}

void SimdSortF64(uint64_t* a, size_t n) {
  std::sort(a, a + n, [](uint64_t x, uint64_t y) {
    double u, v;
    std::memcpy(&u, &x, 8);
    std::memcpy(&v, &y, 8);
    return u < v;
  });
}

void SimdSelectU64(uint64_t* a, size_t n, size_t k) { std::nth_element(a, a + k, a + n); }

void SimdSelectU32(uint32_t* a, size_t n, size_t k) { std::nth_element(a, a + k, a + n); }

void SimdSelectI64(uint64_t* a, size_t n, size_t k) {
  std::nth_element(a, a + k, a + n, [](uint64_t x, uint64_t y) { return static_cast<int64_t>(x) < static_cast<int64_t>(y); });
}

void SimdSelectI32(uint32_t* a, size_t n, size_t k) {
  std::nth_element(a, a + k, a + n, [](uint32_t x, uint32_t y) { return static_cast<int32_t>(x) < static_cast<int32_t>(y); });
}

void SelectU16(uint16_t* a, size_t n, size_t k) { std::nth_element(a, a + k, a + n); }

void SelectI16(uint16_t* a, size_t n, size_t k) {
  std::nth_element(a, a + k, a + n, [](uint16_t x, uint16_t y) { return static_cast<int16_t>(x) < static_cast<int16_t>(y); });
}

void SimdSelectF64(uint64_t* a, size_t n, size_t k) {
  std::nth_element(a, a + k, a + n, [](uint64_t x, uint64_t y) {
    double u, v;
    std::memcpy(&u, &x, 8);
    std::memcpy(&v, &y, 8);
    return u < v;
  });
}

void SimdGatherLanes64(const uint8_t* src, int64_t rowStride, uint64_t* dst, size_t n, int lanes) {
  // SAFETY: as in the AVX-512 version.
  for (size_t i = 0; i < n; i++) {
    for (int l = 0; l < lanes; l++) std::memcpy(dst + static_cast<size_t>(l) * n + i, src + static_cast<int64_t>(i) * rowStride + 8 * l, 8);
  }
}

void SimdScatterLanes64(const uint64_t* src, uint8_t* dst, int64_t rowStride, size_t n, int lanes) {
  // SAFETY: as in the AVX-512 version.
  for (size_t i = 0; i < n; i++) {
    for (int l = 0; l < lanes; l++) std::memcpy(dst + static_cast<int64_t>(i) * rowStride + 8 * l, src + static_cast<size_t>(l) * n + i, 8);
  }
}

#endif

void SetSimdSortEnabled(bool on) { g_enabled.store(on, std::memory_order_relaxed); }

}  // namespace mmarray
