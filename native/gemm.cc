// See gemm.h for the summation order (the contract with the JS mirror).
//
// GEMM: for each block of NC columns and KC rows of B, B is packed into
// micro-panels of NR columns (kc × NR, zero-padded at the right edge), then
// for each MR rows of A a micro-panel of A is packed (kc × MR, transposed,
// zero-padded at the bottom) and multiplied by every B micro-panel in an
// MR × NR register tile: the tile's accumulators start from C (the sum of
// the earlier KC blocks) and add each product in p order by a fused
// multiply-add, so blocking never reorders an element's sum. Padding rows and columns are computed and
// dropped. The tile sizes per ISA:
//   AVX-512: 12 rows × 2 zmm (16 f8 / 32 f4 columns): 24 accumulators of 32;
//   AVX2:     6 rows × 2 ymm ( 8 f8 / 16 f4 columns): 12 of 16;
//   portable: 4 rows × 2 16-byte vectors (SSE2 / NEON): 8.
#include "gemm.h"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

// Contraction on in this file only: on the FMA paths every `z + x * y`
// below is one fused multiply-add (the contract; the build passes
// -ffp-contract=off to every other file).
#pragma GCC optimize("fp-contract=fast")

namespace mmarray {
namespace {

#define MM_INLINE inline __attribute__((always_inline))

constexpr int64_t kKc = 256;            // rows of B per packed block
constexpr int64_t kNcBytes = 1 << 20;   // a packed B block: about 1 MiB (half an L2)
constexpr int64_t kLanes = 16;          // matrix × vector: partial sums per row
constexpr int64_t kSeg = int64_t(1) << 16;  // matrix × vector: a row's segment (items), a multiple of kLanes
// Below this many multiply-adds a product runs on the calling thread alone
// (starting a thread costs tens of microseconds).
constexpr int64_t kParallelWork = int64_t(1) << 22;
// From this many items, the dot of two vectors splits its segments over threads
// (memory-bound: one core does not reach the memory's bandwidth).
constexpr int64_t kParallelDot = int64_t(1) << 20;
// At most this many multiply-adds (n·k·m), a matrix product skips the packing.
constexpr int64_t kSmallWork = 512;

std::atomic<int> max_threads{0};

// A vector of VB bytes of T; aligned(sizeof(T)) lets it load from any element.
template <typename T, int VB>
struct Vec {
  typedef T type __attribute__((vector_size(VB), aligned(sizeof(T))));
};

// x · y + z rounded once (IEEE fusedMultiplyAdd). The AVX2/AVX-512 paths
// are compiled with FMA and with contraction on (the pragma below), so
// `z + x * y` is one vfmadd there; the portable path asks for the fused op
// lane by lane (F): fmadd on arm64, libm's correctly rounded fma on an x86
// without FMA. The same bits everywhere.
MM_INLINE double Fma1(double x, double y, double z) { return __builtin_fma(x, y, z); }
MM_INLINE float Fma1(float x, float y, float z) { return __builtin_fmaf(x, y, z); }
template <bool F, typename V>
MM_INLINE V MulAdd(const V& x, const V& y, const V& z) {
  if (!F) return z + x * y;
  constexpr int L = sizeof(V) / sizeof(x[0]);
  V r;
  for (int l = 0; l < L; l++) r[l] = Fma1(x[l], y[l], z[l]);
  return r;
}
template <bool F, typename V, typename T>
MM_INLINE V MulAddS(const V& x, T y, const V& z) {
  if (!F) return z + x * y;
  constexpr int L = sizeof(V) / sizeof(x[0]);
  V r;
  for (int l = 0; l < L; l++) r[l] = Fma1(x[l], y, z[l]);
  return r;
}
template <bool F, typename T>
MM_INLINE T MulAdd1(T x, T y, T z) {
  return F ? Fma1(x, y, z) : z + x * y;
}

// C[0..rows, 0..cols) (row stride ldc) += Ap · Bp over kc: Ap is kc × MR
// (row r of the tile at ap[p * MR + r]), Bp is kc × NR.
template <typename T, int VB, int MR, int NV, bool F>
MM_INLINE void Micro(const T* ap, const T* bp, int64_t kc, T* c, int64_t ldc, int64_t rows, int64_t cols) {
  typedef typename Vec<T, VB>::type V;
  constexpr int64_t L = VB / sizeof(T);
  constexpr int64_t NR = NV * L;
  V acc[MR][NV];
  const bool whole = rows == MR && cols == NR;
  T edge[MR * NR];
  if (!whole) {
    std::memset(edge, 0, sizeof(edge));
    for (int64_t r = 0; r < rows; r++) std::memcpy(edge + r * NR, c + r * ldc, cols * sizeof(T));
  }
  for (int r = 0; r < MR; r++) {
    for (int v = 0; v < NV; v++) {
      // SAFETY: whole: row r < rows of C holds columns [0, NR) = [0, cols); else the local edge tile.
      acc[r][v] = whole ? *reinterpret_cast<const V*>(c + r * ldc + v * L) : *reinterpret_cast<const V*>(edge + r * NR + v * L);
    }
  }
  for (int64_t p = 0; p < kc; p++) {
    V bv[NV];
    // SAFETY: the packed panel holds kc × NR items.
    for (int v = 0; v < NV; v++) bv[v] = *reinterpret_cast<const V*>(bp + p * NR + v * L);
    for (int r = 0; r < MR; r++) {
      const T av = ap[p * MR + r];
      for (int v = 0; v < NV; v++) {
        acc[r][v] = MulAddS<F>(bv[v], av, acc[r][v]);
      }
    }
  }
  if (whole) {
    for (int r = 0; r < MR; r++) {
      for (int v = 0; v < NV; v++) *reinterpret_cast<V*>(c + r * ldc + v * L) = acc[r][v];
    }
  } else {
    for (int r = 0; r < MR; r++) {
      for (int v = 0; v < NV; v++) *reinterpret_cast<V*>(edge + r * NR + v * L) = acc[r][v];
    }
    for (int64_t r = 0; r < rows; r++) std::memcpy(c + r * ldc, edge + r * NR, cols * sizeof(T));
  }
}

// Rows [i0, i1) of C = A · B, or C -= A · B when `sub` (A packed negated,
// an exact step, so each product is one fused multiply-add onto C's value).
// Row strides lda, ldb, ldc. `bpack` holds kKc × nc items, `apack` kKc × MR.
template <typename T, int VB, int MR, int NV, bool F>
MM_INLINE void Blocked(const T* a, int64_t lda, const T* b, int64_t ldb, T* c, int64_t ldc, int64_t k, int64_t m, int64_t i0, int64_t i1, bool sub, int64_t nc, T* bpack, T* apack) {
  constexpr int64_t NR = NV * (VB / sizeof(T));
  if (!sub) {
    for (int64_t i = i0; i < i1; i++) std::fill(c + i * ldc, c + i * ldc + m, T(0));
  }
  for (int64_t j0 = 0; j0 < m; j0 += nc) {
    const int64_t jn = std::min(nc, m - j0);
    for (int64_t p0 = 0; p0 < k; p0 += kKc) {
      const int64_t kc = std::min(kKc, k - p0);
      // Pack B[p0..p0+kc, j0..j0+jn) as micro-panels of NR columns.
      for (int64_t jr = 0; jr < jn; jr += NR) {
        const int64_t w = std::min(NR, jn - jr);
        T* dst = bpack + jr * kc;
        for (int64_t p = 0; p < kc; p++) {
          // SAFETY: p0 + p < k and j0 + jr + w <= m: inside B (row stride ldb >= m); dst + NR <= bpack + kc × (jr + NR) <= kc × nc (nc is a multiple of NR).
          const T* src = b + (p0 + p) * ldb + j0 + jr;
          T* d = dst + p * NR;
          std::memcpy(d, src, w * sizeof(T));
          for (int64_t q = w; q < NR; q++) d[q] = T(0);
        }
      }
      for (int64_t i = i0; i < i1; i += MR) {
        const int64_t rows = std::min<int64_t>(MR, i1 - i);
        // Pack A[i..i+rows, p0..p0+kc) transposed (kc × MR), negated for C -= A·B.
        const T sign = sub ? T(-1) : T(1);
        for (int64_t p = 0; p < kc; p++) {
          for (int64_t r = 0; r < MR; r++) apack[p * MR + r] = r < rows ? sign * a[(i + r) * lda + p0 + p] : T(0);
        }
        for (int64_t jr = 0; jr < jn; jr += NR) {
          Micro<T, VB, MR, NV, F>(apack, bpack + jr * kc, kc, c + i * ldc + j0 + jr, ldc, rows, std::min(NR, jn - jr));
        }
      }
    }
  }
}

// The hardware prefetcher stops at each 4 KiB page edge, and a JS buffer or
// a file mapping is in 4 KiB pages (NumPy's own arrays are in huge pages):
// the long dot loops hint the line kHintAhead bytes on at every 4 KiB they
// go, so its page walk and first lines start early. (The dot of two 10M
// float64 vectors in JS buffers: 9.4-9.8 -> 6.8-7.2 ms of CPU, load 23; a
// hint per line instead was no faster than none.)
constexpr int64_t kHintAhead = 4 * 4096;

// A hint to load the line `bytes` past p (its page walk too). Only a hint:
// one past the operands' end is never read and never faults, and the
// address is formed as an integer, so no pointer leaves its array.
MM_INLINE void HintAhead(const void* p, int64_t bytes) {
  __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<uintptr_t>(p) + static_cast<uintptr_t>(bytes)), 0, 3);
}

// The kLanes lanes of row[s0, s1) · b[s0, s1) (s1 - s0 <= kSeg, s0 a
// multiple of kSeg): lane p mod kLanes, each a chain of fused multiply-adds from 0.
template <typename T, int VB, bool F>
MM_INLINE void SegmentLanes(const T* row, const T* b, int64_t s0, int64_t s1, T* lanes) {
  typedef typename Vec<T, VB>::type V;
  constexpr int64_t L = VB / sizeof(T);
  constexpr int64_t NV = kLanes / L;
  static_assert(kLanes % L == 0, "the lanes fill whole vectors");
  V acc[NV];
  for (int64_t v = 0; v < NV; v++) acc[v] = V{};
  const int64_t whole = s1 - (s1 - s0) % kLanes;
  for (int64_t p = s0; p < whole; p += kLanes) {
    if ((p * int64_t(sizeof(T))) % 4096 == 0) {
      HintAhead(row + p, kHintAhead);
      HintAhead(b + p, kHintAhead);
    }
    for (int64_t v = 0; v < NV; v++) {
      // SAFETY: p + kLanes <= whole <= s1 <= k: inside the row and inside b.
      const V x = *reinterpret_cast<const V*>(row + p + v * L);
      const V y = *reinterpret_cast<const V*>(b + p + v * L);
      acc[v] = MulAdd<F>(x, y, acc[v]);
    }
  }
  std::memcpy(lanes, acc, kLanes * sizeof(T));
  for (int64_t p = whole; p < s1; p++) lanes[p % kLanes] = MulAdd1<F>(row[p], b[p], lanes[p % kLanes]);
}

// A segment's lanes added to the row's, lane by lane (the first segment's are copied).
template <typename T>
MM_INLINE void AddLanes(T* total, const T* seg, bool first) {
  for (int64_t l = 0; l < kLanes; l++) total[l] = first ? seg[l] : total[l] + seg[l];
}

// The lanes folded as a fixed tree (16 → 8 → 4 → 2 → 1).
template <typename T>
MM_INLINE T FoldLanes(T* lanes) {
  for (int64_t w = kLanes / 2; w >= 1; w /= 2) {
    for (int64_t j = 0; j < w; j++) lanes[j] = lanes[j] + lanes[j + w];
  }
  return lanes[0];
}

// Row i of A (k items) · b: each segment of kSeg items in kLanes lanes, the
// segments' lanes added in order, folded as a tree.
template <typename T, int VB, bool F>
MM_INLINE T LaneDot(const T* row, const T* b, int64_t k) {
  T total[kLanes];
  T seg[kLanes];
  if (k == 0) std::memset(total, 0, sizeof(total));
  for (int64_t s0 = 0; s0 < k; s0 += kSeg) {
    SegmentLanes<T, VB, F>(row, b, s0, std::min(k, s0 + kSeg), seg);
    AddLanes(total, seg, s0 == 0);
  }
  return FoldLanes(total);
}

// Rows [i0, i1) of c = A · b: four rows at a time share each load of b and
// give the FP adder four times the independent lane chains; each row keeps
// its own lanes, segment by segment, so its sum is LaneDot's.
template <typename T, int VB, bool F>
MM_INLINE void MatVecRows(const T* a, const T* b, T* c, int64_t k, int64_t i0, int64_t i1) {
  typedef typename Vec<T, VB>::type V;
  constexpr int64_t L = VB / sizeof(T);
  constexpr int64_t NV = kLanes / L;
  constexpr int R = 4;
  int64_t i = i0;
  for (; i + R <= i1; i += R) {
    T total[R][kLanes];
    for (int64_t s0 = 0; s0 < k; s0 += kSeg) {
      const int64_t s1 = std::min(k, s0 + kSeg);
      const int64_t whole = s1 - (s1 - s0) % kLanes;
      V acc[R][NV];
      for (int r = 0; r < R; r++) {
        for (int64_t v = 0; v < NV; v++) acc[r][v] = V{};
      }
      for (int64_t p = s0; p < whole; p += kLanes) {
        if ((p * int64_t(sizeof(T))) % 4096 == 0) {
          for (int r = 0; r < R; r++) HintAhead(a + (i + r) * k + p, kHintAhead);
        }
        for (int64_t v = 0; v < NV; v++) {
          // SAFETY: p + kLanes <= whole <= k: inside b and inside rows i..i+R-1 of A.
          const V y = *reinterpret_cast<const V*>(b + p + v * L);
          for (int r = 0; r < R; r++) {
            const V x = *reinterpret_cast<const V*>(a + (i + r) * k + p + v * L);
            acc[r][v] = MulAdd<F>(x, y, acc[r][v]);
          }
        }
      }
      for (int r = 0; r < R; r++) {
        const T* row = a + (i + r) * k;
        T lanes[kLanes];
        std::memcpy(lanes, acc[r], sizeof(lanes));
        for (int64_t p = whole; p < s1; p++) lanes[p % kLanes] = MulAdd1<F>(row[p], b[p], lanes[p % kLanes]);
        AddLanes(total[r], lanes, s0 == 0);
      }
    }
    for (int r = 0; r < R; r++) {
      if (k == 0) std::memset(total[r], 0, sizeof(total[r]));
      c[i + r] = FoldLanes(total[r]);
    }
  }
  for (; i < i1; i++) c[i] = LaneDot<T, VB, F>(a + i * k, b, k);
}

// A vector of T loaded from / stored to any element address (memcpy: an
// unaligned move; c and B's rows here have no alignment beyond T's).
template <typename V, typename T>
MM_INLINE V LoadU(const T* p) {
  V v;
  std::memcpy(&v, p, sizeof(V));
  return v;
}
template <typename V, typename T>
MM_INLINE void StoreU(T* p, const V& v) {
  std::memcpy(p, &v, sizeof(V));
}

// Columns [j0, j1) of the one-row product c (1 × m) = a (1 × k) · B (k × m,
// row stride ldb): each c[j] from 0, p in order, one fused multiply-add
// each, so the blocked path's sum (gemm.h) without packing B (a row vector
// times a tall matrix streams B once, in address order, instead of copying
// it first). Four rows at a time: each vector of c takes their four
// products in order before it goes back to c (stored and reloaded: exact).
template <typename T, int VB, bool F>
MM_INLINE void VecMatCols(const T* a, const T* b, int64_t ldb, T* c, int64_t k, int64_t j0, int64_t j1) {
  typedef typename Vec<T, VB>::type V;
  constexpr int64_t L = VB / sizeof(T);
  for (int64_t j = j0; j < j1; j++) c[j] = T(0);
  const int64_t jv = j0 + (j1 - j0) / L * L;
  int64_t p = 0;
  for (; p + 4 <= k; p += 4) {
    const T a0 = a[p], a1 = a[p + 1], a2 = a[p + 2], a3 = a[p + 3];
    const T* r0 = b + p * ldb;
    // SAFETY: rows p..p+3 < k of B, columns [j, j + L) ⊆ [j0, jv) ⊆ [0, m): inside B and inside c.
    for (int64_t j = j0; j < jv; j += L) {
      V acc = LoadU<V>(c + j);
      acc = MulAddS<F>(LoadU<V>(r0 + j), a0, acc);
      acc = MulAddS<F>(LoadU<V>(r0 + ldb + j), a1, acc);
      acc = MulAddS<F>(LoadU<V>(r0 + 2 * ldb + j), a2, acc);
      acc = MulAddS<F>(LoadU<V>(r0 + 3 * ldb + j), a3, acc);
      StoreU(c + j, acc);
    }
    for (int64_t j = jv; j < j1; j++) {
      T acc = c[j];
      for (int64_t q = 0; q < 4; q++) acc = Fma1(a[p + q], r0[q * ldb + j], acc);
      c[j] = acc;
    }
  }
  for (; p < k; p++) {
    const T* r0 = b + p * ldb;
    // SAFETY: as above, one row p < k.
    for (int64_t j = j0; j < jv; j += L) StoreU(c + j, MulAddS<F>(LoadU<V>(r0 + j), a[p], LoadU<V>(c + j)));
    for (int64_t j = jv; j < j1; j++) c[j] = Fma1(a[p], r0[j], c[j]);
  }
}

// The per-ISA entry points: the same templates, compiled for each target.
struct Job {
  const void* a;
  const void* b;
  void* c;
  int64_t lda, ldb, ldc;
  int64_t k, m, i0, i1;
  bool f32;
  bool sub;  // C -= A·B instead of C = A·B
  bool ok;
  // A segment job (one long row · b): the lanes of segments [s0, s1) into
  // lanes + s·kLanes; nullptr for a product job.
  void* lanes = nullptr;
  int64_t s0 = 0, s1 = 0;
  // A row-vector job (n = 1, m > 1): columns [j0, j1) of c (VecMatCols).
  bool vecmat = false;
  int64_t j0 = 0, j1 = 0;
};

template <typename T>
struct Buffers {
  T* bpack = nullptr;
  T* apack = nullptr;
  void* raw = nullptr;
  bool Make(int64_t nc, int64_t mr) {
    const size_t bytes = (kKc * nc + kKc * mr) * sizeof(T) + 64;
    raw = std::malloc(bytes);
    if (raw == nullptr) return false;
    // SAFETY: the first 64-aligned address in the block; the block has 64 bytes to spare.
    uintptr_t p = (reinterpret_cast<uintptr_t>(raw) + 63) & ~uintptr_t(63);
    bpack = reinterpret_cast<T*>(p);
    apack = bpack + kKc * nc;
    return true;
  }
  ~Buffers() { std::free(raw); }
};

template <typename T, int VB, int MR, int NV, bool F>
MM_INLINE void RunJob(Job* j) {
  const T* a = static_cast<const T*>(j->a);
  const T* b = static_cast<const T*>(j->b);
  T* c = static_cast<T*>(j->c);
  if (j->vecmat) {
    VecMatCols<T, VB, F>(a, b, j->ldb, c, j->k, j->j0, j->j1);
    j->ok = true;
    return;
  }
  if (j->lanes != nullptr) {
    T* lanes = static_cast<T*>(j->lanes);
    for (int64_t s = j->s0; s < j->s1; s++) SegmentLanes<T, VB, F>(a, b, s * kSeg, std::min(j->k, (s + 1) * kSeg), lanes + s * kLanes);
    j->ok = true;
    return;
  }
  if (j->m == 1 && !j->sub) {
    // Only reached with contiguous operands (lda = k, ldb = ldc = 1).
    MatVecRows<T, VB, F>(a, b, c, j->k, j->i0, j->i1);
    j->ok = true;
    return;
  }
  if (j->k * j->m * (j->i1 - j->i0) <= kSmallWork) {
    // A small product (a stack of tiny matrices, a small update): packing
    // would cost more than the arithmetic. The same sum per element: from 0
    // (C's value for C -= A·B), p in order, one fused multiply-add each
    // (asked for explicitly: contraction of `z + x * y` is the compiler's
    // choice, and it does not make it here).
    const T sign = j->sub ? T(-1) : T(1);
    for (int64_t i = j->i0; i < j->i1; i++) {
      for (int64_t jj = 0; jj < j->m; jj++) {
        T acc = j->sub ? c[i * j->ldc + jj] : T(0);
        for (int64_t p = 0; p < j->k; p++) acc = Fma1(sign * a[i * j->lda + p], b[p * j->ldb + jj], acc);
        c[i * j->ldc + jj] = acc;
      }
    }
    j->ok = true;
    return;
  }
  constexpr int64_t NR = NV * (VB / sizeof(T));
  int64_t nc = std::max<int64_t>(NR, (kNcBytes / (kKc * int64_t(sizeof(T)))) / NR * NR);
  nc = std::min(nc, (j->m + NR - 1) / NR * NR);
  Buffers<T> buf;
  if (!buf.Make(nc, MR)) {
    j->ok = false;
    return;
  }
  Blocked<T, VB, MR, NV, F>(a, j->lda, b, j->ldb, c, j->ldc, j->k, j->m, j->i0, j->i1, j->sub, nc, buf.bpack, buf.apack);
  j->ok = true;
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx512f,fma"))) void RunAvx512(Job* j) {
  if (j->f32) RunJob<float, 64, 12, 2, false>(j);
  else RunJob<double, 64, 12, 2, false>(j);
}
__attribute__((target("avx2,fma"))) void RunAvx2(Job* j) {
  if (j->f32) RunJob<float, 32, 6, 2, false>(j);
  else RunJob<double, 32, 6, 2, false>(j);
}
#endif
void RunPortable(Job* j) {
  if (j->f32) RunJob<float, 16, 4, 2, true>(j);
  else RunJob<double, 16, 4, 2, true>(j);
}

typedef void (*RunFn)(Job*);

// MMARRAY_GEMM_ISA=portable|avx2 asks for a narrower path than the CPU's
// best (tests compare the paths' bits; read once, at the first product).
RunFn PickRun() {
  const char* want = std::getenv("MMARRAY_GEMM_ISA");
  const std::string isa = want == nullptr ? "" : want;
  if (isa == "portable") return RunPortable;
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (isa == "avx2" && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return RunAvx2;
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) return RunAvx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return RunAvx2;
#endif
  return RunPortable;
}

RunFn Run() {
  static const RunFn fn = PickRun();
  return fn;
}

void* ThreadMain(void* arg) {
  Run()(static_cast<Job*>(arg));
  return nullptr;
}

int DefaultThreads() {
  // sysconf, not std::thread::hardware_concurrency: the static libstdc++'s
  // thread.o would bring pthread_detach@GLIBC_2.34 past the 2.28 floor.
  const long hw = sysconf(_SC_NPROCESSORS_ONLN);
  return static_cast<int>(std::min<long>(4, std::max<long>(1, hw)));
}

int CapThreads() {
  static const int hw = DefaultThreads();  // sysconf reads /sys: asked once
  const int cap = max_threads.load();
  return std::min(cap <= 0 ? hw : cap, 8);
}

// Runs jobs[0, used) on this thread and used - 1 helper threads (joined before it returns).
bool RunJobs(RunFn run, Job* jobs, int used) {
  pthread_t ids[8];
  bool started[8] = {};
  for (int t = 1; t < used; t++) started[t] = pthread_create(&ids[t], nullptr, ThreadMain, &jobs[t]) == 0;
  run(&jobs[0]);
  for (int t = 1; t < used; t++) {
    if (started[t]) pthread_join(ids[t], nullptr);
    else run(&jobs[t]);  // no thread: this one runs the rows itself
  }
  bool ok = true;
  for (int t = 0; t < used; t++) ok = ok && jobs[t].ok;
  return ok;
}

// c[0] = a · b over k items split into segments across `threads` threads:
// each segment's lanes land in their own slot, then the slots are added in
// segment order on this thread, so the bits are LaneDot's on any thread count.
template <typename T>
bool SegmentedDot(RunFn run, const T* a, const T* b, T* c, int64_t k, bool f32, int threads) {
  const int64_t segs = (k + kSeg - 1) / kSeg;
  T* lanes = static_cast<T*>(std::malloc(size_t(segs) * kLanes * sizeof(T)));
  if (lanes == nullptr) return false;
  Job jobs[8];
  int used = 0;
  for (int t = 0; t < threads; t++) {
    const int64_t s0 = segs * t / threads;
    const int64_t s1 = segs * (t + 1) / threads;
    jobs[t] = Job{a, b, c, k, 1, 1, k, 1, 0, 1, f32, false, false, lanes, s0, s1};
    used = t + 1;
  }
  const bool ok = RunJobs(run, jobs, used);
  if (ok) {
    T total[kLanes];
    for (int64_t s = 0; s < segs; s++) AddLanes(total, lanes + s * kLanes, s == 0);
    c[0] = FoldLanes(total);
  }
  std::free(lanes);
  return ok;
}

bool Gemm(const void* a, int64_t lda, const void* b, int64_t ldb, void* c, int64_t ldc, int64_t n, int64_t k, int64_t m, bool f32, bool sub) {
  const RunFn run = Run();  // picked here, before any thread starts
  if (n == 1 && m == 1 && !sub && k >= kParallelDot) {
    const int threads = static_cast<int>(std::min<int64_t>(CapThreads(), k / kSeg));
    if (threads > 1) {
      if (f32) return SegmentedDot(run, static_cast<const float*>(a), static_cast<const float*>(b), static_cast<float*>(c), k, true, threads);
      return SegmentedDot(run, static_cast<const double*>(a), static_cast<const double*>(b), static_cast<double*>(c), k, false, threads);
    }
  }
  if (n == 1 && m > 1 && !sub && k * m > kSmallWork) {
    // A row vector times a matrix: its columns split over threads at
    // multiples of 16 (a whole number of vectors on every ISA), each thread
    // at least 512 columns (4 KiB of a float64 row): narrower column strips
    // read every page of B on both threads and cost more CPU than they save
    // (1×50000 by 50000×200 f8: 7.8 ms of CPU on one thread, 11 on two).
    const int64_t work = k * m;
    const int threads = work < kParallelWork ? 1 : static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(CapThreads(), m / 512)));
    const int64_t per = ((m + threads - 1) / threads + 15) / 16 * 16;
    Job jobs[8];
    int used = 0;
    for (int t = 0; t < threads && t * per < m; t++) {
      jobs[t] = Job{a, b, c, lda, ldb, ldc, k, m, 0, 1, f32, false, false};
      jobs[t].vecmat = true;
      jobs[t].j0 = t * per;
      jobs[t].j1 = std::min(m, (t + 1) * per);
      used = t + 1;
    }
    return RunJobs(run, jobs, used);
  }
  const int threads = GemmThreads(n, k, m);
  // Row ranges cut at multiples of 12 (every ISA's MR divides it: 12, 6, 4),
  // though any cut gives the same bits.
  const int64_t per = ((n + threads - 1) / threads + 11) / 12 * 12;
  Job jobs[8];
  int used = 0;
  for (int t = 0; t < threads && t * per < n; t++) {
    const int64_t i0 = t * per;
    const int64_t i1 = std::min(n, i0 + per);
    jobs[t] = Job{a, b, c, lda, ldb, ldc, k, m, i0, i1, f32, sub, false};
    used = t + 1;
  }
  return RunJobs(run, jobs, used);
}

}  // namespace

int GemmThreads(int64_t n, int64_t k, int64_t m) {
  const double work = double(n) * double(k) * double(m);
  if (work < double(kParallelWork) || n < 24) return 1;
  const int cap = CapThreads();
  return static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(cap, n / 12)));
}

int SetGemmMaxThreads(int threads) { return max_threads.exchange(std::max(0, std::min(threads, 8))); }

bool GemmF64(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) { return Gemm(a, k, b, m, c, m, n, k, m, false, false); }
bool GemmF32(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) { return Gemm(a, k, b, m, c, m, n, k, m, true, false); }
bool GemmSubF64(const double* a, int64_t lda, const double* b, int64_t ldb, double* c, int64_t ldc, int64_t n, int64_t k, int64_t m) {
  if (n == 0 || m == 0 || k == 0) return true;
  return Gemm(a, lda, b, ldb, c, ldc, n, k, m, false, true);
}

}  // namespace mmarray
