// See dot_kernels.h for the summation order (the contract with the JS mirror).
#include "dot_kernels.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "napi_util.h"

namespace mmarray {
namespace {

constexpr int64_t kLanes = 16;   // matrix × vector: partial sums per row
constexpr int64_t kBlockP = 256; // rows of B per block (the block stays in L2)
constexpr int64_t kRows = 6;     // rows of C per register tile

// Sixteen lanes as one vector (four AVX2 registers of doubles, two of
// floats); aligned(sizeof(T)) lets it load from any element address.
template <typename T>
struct Lanes {
  typedef T type __attribute__((vector_size(kLanes * sizeof(T)), aligned(sizeof(T))));
};

// Eight columns of C as one vector (the register tile's width).
template <typename T>
struct Cols {
  typedef T type __attribute__((vector_size(8 * sizeof(T)), aligned(sizeof(T))));
};

// The fixed tree over the lanes: halves added pairwise, 16 → 8 → 4 → 2 → 1.
template <typename T>
inline T FoldLanes(T* acc) {
  for (int64_t w = kLanes / 2; w >= 1; w /= 2) {
    for (int64_t j = 0; j < w; j++) acc[j] = acc[j] + acc[j + w];
  }
  return acc[0];
}

template <typename T>
__attribute__((target_clones("avx2", "default"))) void MatVec(const T* a, const T* b, T* c, int64_t n, int64_t k) {
  typedef typename Lanes<T>::type V;
  const int64_t whole = k - k % kLanes;
  for (int64_t i = 0; i < n; i++) {
    const T* row = a + i * k;
    V acc = {};
    for (int64_t p = 0; p < whole; p += kLanes) {
      // SAFETY: p + kLanes <= whole <= k: both loads stay inside row i of A and inside B (k items).
      const V x = *reinterpret_cast<const V*>(row + p);
      const V y = *reinterpret_cast<const V*>(b + p);
      const V prod = x * y;
      acc = acc + prod;
    }
    T lanes[kLanes];
    std::memcpy(lanes, &acc, sizeof(lanes));
    for (int64_t p = whole; p < k; p++) {
      const T prod = row[p] * b[p];
      lanes[p % kLanes] = lanes[p % kLanes] + prod;
    }
    c[i] = FoldLanes(lanes);
  }
}

// C[i0..i0+R, j0..je) += A[i0..i0+R, p0..pe) · B[p0..pe, j0..je): R rows at
// once so each B vector loaded serves R rows; per element, p ascending.
template <typename T, int R>
inline void Tile(const T* a, const T* b, T* c, int64_t k, int64_t m, int64_t i0, int64_t p0, int64_t pe, int64_t j0, int64_t je) {
  typedef typename Cols<T>::type V;
  constexpr int64_t W = 8;
  int64_t j = j0;
  // One vector of 8 columns per row: R accumulators plus one B vector stay
  // in registers (R = 6: 12 of AVX2's 16 for doubles, 6 for floats).
  for (; j + W <= je; j += W) {
    V acc[R];
    for (int r = 0; r < R; r++) {
      // SAFETY: j + W <= je <= m: the load and the store below stay inside row i0 + r of C.
      acc[r] = *reinterpret_cast<const V*>(c + (i0 + r) * m + j);
    }
    for (int64_t p = p0; p < pe; p++) {
      // SAFETY: p < k and j + W <= m: inside row p of B.
      const V bv = *reinterpret_cast<const V*>(b + p * m + j);
      for (int r = 0; r < R; r++) {
        const V prod = bv * a[(i0 + r) * k + p];
        acc[r] = acc[r] + prod;
      }
    }
    for (int r = 0; r < R; r++) *reinterpret_cast<V*>(c + (i0 + r) * m + j) = acc[r];
  }
  for (; j < je; j++) {
    for (int r = 0; r < R; r++) {
      T s = c[(i0 + r) * m + j];
      for (int64_t p = p0; p < pe; p++) {
        const T prod = a[(i0 + r) * k + p] * b[p * m + j];
        s = s + prod;
      }
      c[(i0 + r) * m + j] = s;
    }
  }
}

template <typename T>
__attribute__((target_clones("avx2", "default"))) void MatMat(const T* a, const T* b, T* c, int64_t n, int64_t k, int64_t m) {
  // Columns per block: a block of kBlockP rows of B this wide is 256 KiB.
  const int64_t jb = std::max<int64_t>(16, (256 * 1024 / sizeof(T)) / kBlockP);
  std::fill(c, c + n * m, T(0));
  for (int64_t p0 = 0; p0 < k; p0 += kBlockP) {
    const int64_t pe = std::min(k, p0 + kBlockP);
    for (int64_t j0 = 0; j0 < m; j0 += jb) {
      const int64_t je = std::min(m, j0 + jb);
      int64_t i = 0;
      for (; i + kRows <= n; i += kRows) Tile<T, kRows>(a, b, c, k, m, i, p0, pe, j0, je);
      for (; i < n; i++) Tile<T, 1>(a, b, c, k, m, i, p0, pe, j0, je);
    }
  }
}

// The data of typed-array argument `v` of element type `type`, holding at
// least `need` items from element `off`; null after throwing otherwise.
template <typename T>
T* TypedData(Napi::Env env, const Napi::Value& v, napi_typedarray_type type, int64_t off, int64_t need, const char* what) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != type) {
    ThrowType(env, std::string("dotGemm: ") + what + " must be a typed array of the kernel's type");
    return nullptr;
  }
  Napi::TypedArray t = v.As<Napi::TypedArray>();
  const int64_t len = static_cast<int64_t>(t.ElementLength());
  if (off < 0 || need < 0 || off > len || need > len - off) {
    ThrowRange(env, std::string("dotGemm: ") + what + " holds " + std::to_string(len) + " items, the product needs " + std::to_string(need) + " from " + std::to_string(off));
    return nullptr;
  }
  // SAFETY: the typed array's bytes are ArrayBuffer.data + ByteOffset, its
  // ElementLength items of T, aligned for T (a typed array's byte offset is
  // a multiple of its element size); [off, off + need) was checked above.
  uint8_t* base = static_cast<uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
  return reinterpret_cast<T*>(base) + off;
}

template <typename T>
void Run(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t n, int64_t k, int64_t m) {
  int64_t aOff = 0, bOff = 0, cOff = 0, nk = 0, km = 0, nm = 0;
  if (!ToInt(info[2], &aOff) || !ToInt(info[4], &bOff) || !ToInt(info[6], &cOff)) {
    ThrowType(env, "dotGemm: offsets must be integers");
    return;
  }
  if (__builtin_mul_overflow(n, k, &nk) || __builtin_mul_overflow(k, m, &km) || __builtin_mul_overflow(n, m, &nm)) {
    ThrowRange(env, "dotGemm: the product's sizes overflow");
    return;
  }
  const T* a = TypedData<T>(env, info[1], type, aOff, nk, "A");
  if (a == nullptr) return;
  const T* b = TypedData<T>(env, info[3], type, bOff, km, "B");
  if (b == nullptr) return;
  T* c = TypedData<T>(env, info[5], type, cOff, nm, "C");
  if (c == nullptr) return;
  if (nm == 0) return;
  if (m == 1) MatVec<T>(a, b, c, n, k);
  else MatMat<T>(a, b, c, n, k, m);
}

// dotGemm(type, A, aOff, B, bOff, C, cOff, n, k, m): type 0 float64, 1 float32.
Napi::Value DotGemm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t type = 0, n = 0, k = 0, m = 0;
  if (info.Length() != 10 || !ToInt(info[0], &type) || !ToInt(info[7], &n) || !ToInt(info[8], &k) || !ToInt(info[9], &m) || n < 0 || k < 0 || m < 0) {
    ThrowType(env, "dotGemm(type, A, aOff, B, bOff, C, cOff, n, k, m): bad arguments");
    return env.Undefined();
  }
  if (type == 0) Run<double>(env, info, napi_float64_array, n, k, m);
  else if (type == 1) Run<float>(env, info, napi_float32_array, n, k, m);
  else ThrowRange(env, "dotGemm: type must be 0 (float64) or 1 (float32)");
  return env.Undefined();
}

}  // namespace

void InitDotKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("dotGemm", Napi::Function::New<DotGemm>(env, "dotGemm"));
}

}  // namespace mmarray
