#include "index_kernels.h"

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "byte_order.h"
#include "group_starts.h"
#include "kernels.h"
#include "kernel_plan.h"
#include "mapping.h"
#include "napi_util.h"
#include "pairwise.h"
#include "ufunc_kernels.h"

namespace mmarray {
namespace {

// ------------------------------------------------------------ arguments
// kernels.cc's memory reader and napi_util.h's readers and throw helpers,
// each message prefixed with the entry point's name.

using Memory = KernelMemory;

// A strided region checked against its memory: element 0 at `base`.
struct Region {
  Memory memory;
  uint8_t* base = nullptr;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
  int64_t size = 0;
};

void ThrowArgs(Napi::Env env, const char* what) { ThrowType(env, std::string(what) + ": bad arguments"); }

void ThrowRange(Napi::Env env, const char* what, const char* msg) {
  mmarray::ThrowRange(env, std::string(what) + ": " + msg);
}

// An ArrayBuffer or an open mapping (writable when `write`); closed and
// read-only mappings throw AccessError (napi_util.h).
bool ReadMemory(Napi::Env env, const Napi::Value& v, bool write, const char* /*what*/, Memory* out) {
  return ReadKernelMemory(env, v, write, out);
}

// Reads the memory at info[mem] and the byte offset at info[off], and checks
// in overflow-checked arithmetic that every byte of every element of
// (shape, strides, itemsize) lies inside the memory. After it returns true
// with a non-empty region, base + sum(i_k * stride_k) + [0, itemsize) is in
// bounds for every index 0 <= i_k < shape_k and every partial sum of those
// terms fits in an int64: that is what makes each pointer formed below safe.
bool ReadRegion(const Napi::CallbackInfo& info, size_t mem, size_t off, std::vector<int64_t> shape,
                std::vector<int64_t> strides, int64_t itemsize, bool write, const char* what, Region* out) {
  Napi::Env env = info.Env();
  int64_t o;
  if (!ToInt(info[off], &o) || o < 0 || shape.size() != strides.size()) {
    ThrowArgs(env, what);
    return false;
  }
  if (!ReadMemory(env, info[mem], write, what, &out->memory)) return false;
  int64_t size = 1;
  for (int64_t d : shape) {
    if (d < 0 || __builtin_mul_overflow(size, d, &size)) {
      ThrowRange(env, what, "bad shape");
      return false;
    }
  }
  out->shape = std::move(shape);
  out->strides = std::move(strides);
  out->size = size;
  if (size == 0) return true;
  if (const char* bad = LayoutSpanError(o, out->shape, out->strides, itemsize, out->memory.length)) {
    ThrowRange(env, what, bad);
    return false;
  }
  // SAFETY: LayoutSpanError put every item inside the memory, item 0 at o
  // among them, so base + o is inside it.
  out->base = out->memory.base + o;
  return true;
}

// A Float64Array or BigInt64Array argument: its elements and their count.
template <class E>
bool ReadOut(const Napi::Value& v, napi_typedarray_type type, E** data, int64_t* length) {
  if (!v.IsTypedArray()) return false;
  Napi::TypedArray t = v.As<Napi::TypedArray>();
  if (t.TypedArrayType() != type) return false;
  Napi::ArrayBuffer buf = t.ArrayBuffer();
  if (buf.Data() == nullptr) {
    *length = 0;
    *data = nullptr;
    return true;
  }
  // SAFETY: a typed array's byteOffset + length * element size lies within
  // its buffer (V8 guarantees it), and its byteOffset is a multiple of the
  // element size, so the pointer is aligned for E.
  *data = reinterpret_cast<E*>(static_cast<uint8_t*>(buf.Data()) + t.ByteOffset());
  *length = static_cast<int64_t>(t.ElementLength());
  return true;
}

// ------------------------------------------------------------ elements

// Type codes shared with lib/kernels.ts (ELEMENT_CODES).
enum Type { kF8 = 0, kF4 = 1, kI1 = 2, kU1 = 3, kI2 = 4, kU2 = 5, kI4 = 6, kU4 = 7, kB1 = 8, kI8 = 9, kU8 = 10 };
constexpr int64_t kItemsize[] = {8, 4, 1, 1, 2, 2, 4, 4, 1, 8, 8};

// bool elements: any non-zero byte is true (as the codec reads them).
struct Bool {};

template <class T>
struct Tag {
  using type = T;
};

// The value type a loop computes in: bool as uint8_t 0/1.
template <class T>
using Value = std::conditional_t<std::is_same_v<T, Bool>, uint8_t, T>;

template <class T, bool Swap>
inline Value<T> Load(const uint8_t* p) {
  if constexpr (std::is_same_v<T, Bool>) {
    return *p != 0;
  } else {
    return LoadBytes<T, Swap>(p);  // byte_order.h
  }
}

template <class T, bool Swap>
inline void Store(uint8_t* p, T v) {
  if constexpr (Swap && sizeof(T) > 1) {
    uint8_t raw[sizeof(T)];
    std::memcpy(raw, &v, sizeof(T));
    T w = Load<T, true>(raw);  // the swapped value's bytes
    std::memcpy(p, &w, sizeof(T));
  } else {
    std::memcpy(p, &v, sizeof(T));
  }
}

// Calls f(Tag<T>{}) for element type code `type` (checked by the caller).
template <class F>
auto WithType(int64_t type, F&& f) {
  switch (type) {
    case kF8: return f(Tag<double>{});
    case kF4: return f(Tag<float>{});
    case kI1: return f(Tag<int8_t>{});
    case kU1: return f(Tag<uint8_t>{});
    case kI2: return f(Tag<int16_t>{});
    case kU2: return f(Tag<uint16_t>{});
    case kI4: return f(Tag<int32_t>{});
    case kU4: return f(Tag<uint32_t>{});
    case kI8: return f(Tag<int64_t>{});
    case kU8: return f(Tag<uint64_t>{});
    default: return f(Tag<Bool>{});
  }
}

// An index element as an int64; a uint64 above INT64_MAX becomes v / 2,
// still at least 2^62: out of range for every axis any memory holds.
template <class T, bool Swap>
inline int64_t IndexAt(const uint8_t* p) {
  auto v = Load<T, Swap>(p);
  if constexpr (std::is_same_v<T, uint64_t>) {
    return static_cast<int64_t>(v > static_cast<uint64_t>(INT64_MAX) ? v >> 1 : v);
  } else {
    return static_cast<int64_t>(v);
  }
}

// Calls row(byteOffset, outIndex) for each innermost row of a C-order walk
// of `shape` (outer axes only) with byte strides `sa` and output strides `so`.
template <class Row>
void WalkRows(const std::vector<int64_t>& shape, const std::vector<int64_t>& sa, const std::vector<int64_t>& so, Row row) {
  size_t outer = shape.empty() ? 0 : shape.size() - 1;
  std::vector<int64_t> idx(outer, 0);
  int64_t a = 0, o = 0;
  for (;;) {
    row(a, o);
    size_t ax = outer;
    for (;;) {
      if (ax == 0) return;
      ax--;
      idx[ax]++;
      a += sa[ax];
      o += so[ax];
      if (idx[ax] < shape[ax]) break;
      a -= sa[ax] * shape[ax];
      o -= so[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
}

// ------------------------------------------------------------ axis reduce
//
// Every axis fold (sum, prod, min, max) is one row walk, FoldRows, over an
// operator: Step folds one item into an accumulator, Row folds a whole row
// whose items all land in one output element (the reduced axis is the
// innermost walked one), and, where the operator has a vector loop, Into
// folds a contiguous native row element-wise into consecutive outputs (a
// reduced outer axis). Only the operators differ between the folds.

#define MMARRAY_AXIS_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
// The count loops: also built for x86-64-v4, whose AVX-512 BW has byte and
// word lanes in 64-byte vectors (the avx512f clone runs bytes in 32-byte
// AVX2 lanes). They do no arithmetic that could fuse into an FMA, so every
// set gives the same counts. (min/max with this set: frames.max(1) of 4K
// uint8 rows ran no faster: 0.55-1.13 ms against 0.54-0.88 ms CPU, the
// medians of four interleaved runs.)
#define MMARRAY_CMP_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))

// Items per page-sized piece of the long contiguous loops below, each begun
// by PrefetchAhead.
template <class T>
constexpr int64_t kPageItems = 4096 / sizeof(T);

// A hint to load the line 4 pages past p: its page walk and first lines
// start while this page is folded, since the hardware prefetcher stops at
// each 4 KiB page edge (a JS buffer or a file mapping is in 4 KiB pages,
// where NumPy's own arrays are in huge pages). A hint past the end is never
// read and never faults.
inline void PrefetchAhead(const void* p) { __builtin_prefetch(static_cast<const char*>(p) + 4 * 4096, 0, 3); }

template <class T>
constexpr bool kContiguousType = !std::is_same_v<T, Bool>;

// True when a row of n items at stride s from p is a plain aligned native T array.
template <class T, bool Swap>
inline bool IsPlainRow(const uint8_t* p, int64_t s) {
  if constexpr (Swap || !kContiguousType<T>) {
    return false;
  } else {
    return s == static_cast<int64_t>(sizeof(T)) && reinterpret_cast<uintptr_t>(p) % alignof(T) == 0;
  }
}

template <class Op, class T, bool Swap>
void FoldRows(const Region& R, const std::vector<int64_t>& so, typename Op::Acc* out, const Op& op) {
  int64_t n = R.shape.empty() ? 1 : R.shape.back();
  int64_t s = R.shape.empty() ? 0 : R.strides.back();
  int64_t os = so.empty() ? 0 : so.back();
  WalkRows(R.shape, R.strides, so, [&](int64_t a, int64_t o) {
    // SAFETY: row a's items lie in the region ReadRegion checked; o + i * os
    // is below the output length the caller checked (CheckAxisOut).
    const uint8_t* p = R.base + a;
    if (os == 0) {
      out[o] = op.template Row<T, Swap>(out[o], p, n, s);
      return;
    }
    if constexpr (Op::kInto && kContiguousType<T>) {
      if (os == 1 && IsPlainRow<T, Swap>(p, s)) {
        // SAFETY: alignment checked by IsPlainRow; the output (a typed array
        // the caller allocates) never shares the input's bytes.
        op.Into(out + o, reinterpret_cast<const T*>(p), n);
        return;
      }
    }
    for (int64_t i = 0; i < n; i++) out[o + i * os] = op.Step(out[o + i * os], Load<T, Swap>(p + i * s));
  });
}

// Row as a sequential fold of Step (the operators without a faster row).
template <class Self>
struct SequentialRow {
  static constexpr bool kInto = false;
  template <class T, bool Swap, class Acc>
  static Acc Row(Acc acc, const uint8_t* p, int64_t n, int64_t s) {
    for (int64_t i = 0; i < n; i++) acc = Self::Step(acc, Load<T, Swap>(p + i * s));
    return acc;
  }
};

// A 64-bit integer loop's view of an item: sign- or zero-extended bits.
template <class V>
inline uint64_t Wide(V v) {
  if constexpr (std::is_signed_v<V>) return static_cast<uint64_t>(static_cast<int64_t>(v));
  else return static_cast<uint64_t>(v);
}

// q[i] += a[i] in Acc for a contiguous row into consecutive outputs (a
// reduced outer axis): the same additions as Step, item by item, as vectors.
template <class Acc, class T>
MMARRAY_AXIS_CLONES void AddInto(Acc* __restrict q, const T* __restrict a, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    if constexpr (std::is_integral_v<Acc>) q[i] = static_cast<Acc>(static_cast<uint64_t>(q[i]) + Wide(a[i]));
    else q[i] += static_cast<Acc>(a[i]);
  }
}

// Integer sums and products in a 64-bit loop dtype: wrapping, so the bits
// do not depend on the order; int64 and uint64 share them.
struct IntAdd : SequentialRow<IntAdd> {
  using Acc = int64_t;
  static constexpr bool kInto = true;
  template <class V>
  static Acc Step(Acc a, V v) { return static_cast<int64_t>(static_cast<uint64_t>(a) + Wide(v)); }
  template <class T>
  static void Into(Acc* q, const T* a, int64_t n) { AddInto(q, a, n); }
};
struct IntMul : SequentialRow<IntMul> {
  using Acc = int64_t;
  template <class V>
  static Acc Step(Acc a, V v) { return static_cast<int64_t>(static_cast<uint64_t>(a) * Wide(v)); }
};
// Float64 products, item by item (NumPy's multiply.reduce).
struct FloatMul : SequentialRow<FloatMul> {
  using Acc = double;
  template <class V>
  static Acc Step(Acc a, V v) { return a * static_cast<double>(v); }
};

// Float64 products of whole rows (the reduced axis innermost), kProdLanes
// rows at once. Each row is still its own chain, item by item from its
// output's starting value (FloatMul's order, so the same bits), but one
// chain waits on every multiply's latency (3-4 cycles an item, where NumPy
// spends the same); kProdLanes independent chains keep the multipliers busy.
constexpr int kProdLanes = 8;

// acc[j] *= each item of rows[j] in turn, for n items of each of the
// kProdLanes rows.
template <class T>
MMARRAY_AXIS_CLONES void MulRows(double* __restrict acc, const T* const* __restrict rows, int64_t n) {
  double a[kProdLanes];
  const T* r[kProdLanes];
  for (int j = 0; j < kProdLanes; j++) {
    a[j] = acc[j];
    r[j] = rows[j];
  }
  for (int64_t i = 0; i < n; i++) {
    // SAFETY: item i < n of each row, which the caller checked (ReadRegion).
    for (int j = 0; j < kProdLanes; j++) a[j] *= static_cast<double>(r[j][i]);
  }
  for (int j = 0; j < kProdLanes; j++) acc[j] = a[j];
}

// FoldProdRows' walk when T is a native plain type: the plain rows (aligned,
// contiguous) are gathered kProdLanes at a time into MulRows; a flush with
// fewer multiplies each gathered row on its own. A row whose output is
// already among the gathered ones (several rows into one element: an outer
// axis reduced too) first flushes them, so each output's rows still
// multiply in walk order; a row that is not plain flushes too.
template <class T>
void FoldProdPlain(const Region& R, int64_t n, int64_t s, const std::vector<int64_t>& so, double* out) {
  constexpr bool Swap = false;
  const T* rows[kProdLanes];
  int64_t at[kProdLanes];
  int k = 0;
  auto flush = [&]() {
    if (k == kProdLanes) {
      double acc[kProdLanes];
      for (int j = 0; j < kProdLanes; j++) acc[j] = out[at[j]];
      MulRows(acc, rows, n);
      for (int j = 0; j < kProdLanes; j++) out[at[j]] = acc[j];
    } else {
      // SAFETY: rows[j] is the row pointer the walk gave (a row in the checked region).
      for (int j = 0; j < k; j++) out[at[j]] = FloatMul::Row<T, Swap>(out[at[j]], reinterpret_cast<const uint8_t*>(rows[j]), n, s);
    }
    k = 0;
  };
  WalkRows(R.shape, R.strides, so, [&](int64_t a, int64_t o) {
    // SAFETY: as in FoldRows (row a in the checked region, o below the
    // checked output length); IsPlainRow checks the alignment of the cast.
    const uint8_t* p = R.base + a;
    for (int j = 0; j < k; j++) {
      if (at[j] == o) {
        flush();
        break;
      }
    }
    if (!IsPlainRow<T, Swap>(p, s)) {
      flush();
      out[o] = FloatMul::Row<T, Swap>(out[o], p, n, s);
      return;
    }
    rows[k] = reinterpret_cast<const T*>(p);
    at[k++] = o;
    if (k == kProdLanes) flush();
  });
  flush();
}

// FoldRows over FloatMul, with rows of at least kProdLanes items that each
// fold into one output element (os == 0) taken by FoldProdPlain.
template <class T, bool Swap>
void FoldProdRows(const Region& R, const std::vector<int64_t>& so, double* out) {
  int64_t n = R.shape.empty() ? 1 : R.shape.back();
  int64_t s = R.shape.empty() ? 0 : R.strides.back();
  int64_t os = so.empty() ? 0 : so.back();
  if constexpr (Swap || !kContiguousType<T>) {
    return FoldRows<FloatMul, T, Swap>(R, so, out, FloatMul{});
  } else {
    if (os != 0 || n < kProdLanes) return FoldRows<FloatMul, T, Swap>(R, so, out, FloatMul{});
    FoldProdPlain<T>(R, n, s, so, out);
  }
}

// Float sums in Acc (double, or float for a float32 loop): a row is NumPy's
// pairwise sum, chunk by chunk when the items are cast on the way (NumPy's
// buffer), added to its output element; other items are added one by one.
template <class Acc_>
struct FloatAdd {
  using Acc = Acc_;
  static constexpr bool kInto = true;
  int64_t chunk;
  template <class V>
  static Acc Step(Acc a, V v) { return a + static_cast<Acc>(v); }
  template <class T>
  static void Into(Acc* q, const T* a, int64_t n) { AddInto(q, a, n); }
  template <class T, bool Swap>
  Acc Row(Acc acc, const uint8_t* p, int64_t n, int64_t s) const {
    for (int64_t lo = 0; lo < n; lo += chunk) acc += Pairwise<T, Swap>(p + lo * s, n - lo < chunk ? n - lo : chunk, s);
    return acc;
  }
  // NumPy's pairwise order over one row (pairwise.h, shared with kernels.cc's
  // sum), contiguous aligned native items of the loop's type in vector lanes.
  template <class T, bool Swap>
  static Acc Pairwise(const uint8_t* p, int64_t n, int64_t s) {
    if constexpr (std::is_same_v<T, Acc> && std::is_same_v<Acc, double>) {
      // SAFETY: IsPlainRow checks the alignment; ReadRegion checked the bounds.
      if (IsPlainRow<T, Swap>(p, s)) return PairwiseContiguous(reinterpret_cast<const double*>(p), n);
    } else if constexpr (std::is_same_v<T, Acc> && std::is_same_v<Acc, float>) {
      // SAFETY: as above.
      if (IsPlainRow<T, Swap>(p, s)) return PairwiseContiguousF4(reinterpret_cast<const float*>(p), n);
    }
    return PairwiseStridedIn<Acc>(p, n, s, [](const uint8_t* q) { return static_cast<Acc>(Load<T, Swap>(q)); });
  }
};

// A float sum whose innermost `blockDims` walked axes are all reduced (two
// or more: output stride 0), as NumPy's buffered reduction does it: per
// output element, the block's items in walk order are copied into buffers
// laid out as BufferSpanOf says (pairwise.h), and each buffer's pairwise sum
// is added to the element. A row of kNumpyBufferItems items or more is
// summed alone, in pieces of `chunk` (the buffer's size when the items are
// cast, else the whole row), read in place. Rows summed one by one round
// differently (fuzz seed 9556746: nanmean of a strided int64 array).
template <class Acc, class T, bool Swap>
void FoldBlocks(const Region& R, const std::vector<int64_t>& so, size_t blockDims, int64_t chunk, Acc* out) {
  const size_t k = R.shape.size() - blockDims;
  const int64_t row = R.shape.back(), s = R.strides.back();
  // The buffers over the block (pairwise.h BufferSpanOf); fill == 0: rows alone.
  const BufferSpan bs = row < kNumpyBufferItems ? BufferSpanOf(R.shape.data() + k, blockDims) : BufferSpan{0, 1};
  const int64_t fill = bs.per;
  std::vector<Acc> buf(static_cast<size_t>(fill));
  // The walk over the axes outside the block (one call per output element),
  // and over the block's rows (its axes but the innermost).
  std::vector<int64_t> outerShape(R.shape.begin(), R.shape.begin() + k), outerStrides(R.strides.begin(), R.strides.begin() + k),
      outerSo(so.begin(), so.begin() + k);
  outerShape.push_back(1);
  outerStrides.push_back(0);
  outerSo.push_back(0);
  const std::vector<int64_t> rowShape(R.shape.begin() + k, R.shape.end()), rowStrides(R.strides.begin() + k, R.strides.end());
  const std::vector<int64_t> rowSo(rowShape.size(), 0);
  auto sum = [&](int64_t m) -> Acc {
    if constexpr (std::is_same_v<Acc, double>) return PairwiseContiguous(buf.data(), m);
    else return PairwiseContiguousF4(buf.data(), m);
  };
  WalkRows(outerShape, outerStrides, outerSo, [&](int64_t a0, int64_t o) {
    Acc acc = out[o];
    int64_t m = 0, pos = 0;
    WalkRows(rowShape, rowStrides, rowSo, [&](int64_t a, int64_t) {
      // SAFETY: a0 + a is the offset of a row of the walk ReadRegion checked.
      const uint8_t* p = R.base + a0 + a;
      if (fill == 0) {
        acc = FloatAdd<Acc>{chunk}.template Row<T, Swap>(acc, p, row, s);
        return;
      }
      // A full buffer, or the next step of the axis outside the core: a new
      // buffer (fill and span are multiples of row, so m + row <= fill after).
      if (m > 0 && (m == fill || pos % bs.span == 0)) {
        acc += sum(m);
        m = 0;
      }
      pos += row;
      // SAFETY: m + row <= fill, the buffer's length.
      for (int64_t i = 0; i < row; i++) buf[static_cast<size_t>(m + i)] = static_cast<Acc>(Load<T, Swap>(p + i * s));
      m += row;
    });
    if (m > 0) acc += sum(m);
    // SAFETY: o is below the output length the caller checked (CheckAxisOut).
    out[o] = acc;
  });
}

// ------------------------------------------------------------ min / max

template <bool Max, class V>
inline V Better(V v, V m) {
  return (Max ? v > m : v < m) ? v : m;
}

// One item into a float extreme: NaN sticks once met (the first NaN's
// bits), otherwise a strict comparison keeps the first of equal values.
template <bool Max, class V>
inline V BetterNaN(V v, V m) {
  return ((Max ? v > m : v < m) || (v != v && m == m)) ? v : m;
}

// The extreme of n >= 1 contiguous native items, as the sequential loop
// from ∓inf finds it (the first NaN; else the first item equal to the
// extreme, so -0 and 0 come out as the first of them), in vector lanes.
// Floats: four independent 16-byte accumulators (GCC's vector extension;
// the vectorizer leaves a float max reduction scalar) and a NaN mask (a NaN
// never wins a comparison); 16-byte vectors because wider generic ones are
// split element by element in the baseline clone. Integers: the
// compiler's own max reduction.
template <class T, bool Max>
MMARRAY_AXIS_CLONES T ExtremeContiguous(const T* __restrict a, int64_t n) {
  if constexpr (std::is_floating_point_v<T>) {
    using I = std::conditional_t<sizeof(T) == 8, int64_t, int32_t>;
    using Vec __attribute__((vector_size(16))) = T;
    using Mask __attribute__((vector_size(16))) = I;
    constexpr int kLanes = 16 / sizeof(T), kAcc = 4, kStep = kLanes * kAcc;
    // Every lane starts at a[0], copied in whole (lane stores into a vector
    // read as maybe-uninitialized to GCC 12 for aarch64).
    T first[kLanes];
    for (int j = 0; j < kLanes; j++) first[j] = a[0];
    Vec r[kAcc];
    for (int k = 0; k < kAcc; k++) std::memcpy(&r[k], first, sizeof r[k]);
    Mask nan = {};
    int64_t i = 0;
    for (; i + kStep <= n; i += kStep) {
      for (int k = 0; k < kAcc; k++) {
        Vec v;
        std::memcpy(&v, a + i + k * kLanes, sizeof v);
        r[k] = (Max ? v > r[k] : v < r[k]) ? v : r[k];
        nan |= v != v;
      }
    }
    T m = a[0];
    I any = 0;
    for (int j = 0; j < kLanes; j++) any |= nan[j];
    for (int k = 0; k < kAcc; k++) {
      for (int j = 0; j < kLanes; j++) m = Better<Max>(r[k][j], m);
    }
    for (; i < n; i++) {
      m = Better<Max>(a[i], m);
      any |= a[i] != a[i] ? 1 : 0;
    }
    if (any != 0 || m == 0) {
      // The first NaN, or which zero came first (== holds for both signs).
      for (int64_t k = 0; k < n; k++) {
        if (any != 0 ? a[k] != a[k] : a[k] == m) return a[k];
      }
    }
    return m;
  } else {
    T m = a[0];
    for (int64_t i = 1; i < n; i++) m = Better<Max>(a[i], m);
    return m;
  }
}

// q[i] = the extreme of q[i] and a[i], as Step decides it, branch-free so
// it runs as vector compare-and-blend. Floats: the pass is Better's one
// compare per item (a NaN item never wins it; a NaN already in q stays, as
// no comparison with it holds) beside an OR of "a[i] is NaN"; only when
// that is set does a second pass give each NaN item to its output when the
// output is not NaN yet: together, BetterNaN's rule, with fewer vector
// operations in the pass every row takes.
template <class T, bool Max>
MMARRAY_AXIS_CLONES void ExtremeInto(T* __restrict q, const T* __restrict a, int64_t n) {
  if constexpr (std::is_floating_point_v<T>) {
    using I = std::conditional_t<sizeof(T) == 8, int64_t, int32_t>;
    I nan = 0;
    for (int64_t lo = 0; lo < n; lo += kPageItems<T>) {
      PrefetchAhead(a + lo);
      int64_t hi = n - lo < kPageItems<T> ? n : lo + kPageItems<T>;
      for (int64_t i = lo; i < hi; i++) {
        q[i] = Better<Max>(a[i], q[i]);
        nan |= a[i] != a[i] ? 1 : 0;
      }
    }
    if (nan != 0) {
      for (int64_t i = 0; i < n; i++) {
        if (a[i] != a[i] && q[i] == q[i]) q[i] = a[i];
      }
    }
  } else {
    for (int64_t i = 0; i < n; i++) q[i] = Better<Max>(a[i], q[i]);
  }
}

// min/max in the item's own type (bool as 0/1 bytes); the output starts at
// the identity (∓inf, or the type's extreme integer).
template <class V, bool Max>
struct Extreme {
  using Acc = V;
  static constexpr bool kInto = true;
  static constexpr bool kFloat = std::is_floating_point_v<V>;
  static V Step(V m, V v) {
    if constexpr (kFloat) return BetterNaN<Max>(v, m);
    else return Better<Max>(v, m);
  }
  template <class T, bool Swap>
  static V Row(V m, const uint8_t* p, int64_t n, int64_t s) {
    if constexpr (kFloat) {
      if (m != m) return m;
    }
    if constexpr (kContiguousType<T>) {
      // SAFETY: IsPlainRow checks the alignment; ReadRegion checked the bounds.
      if (IsPlainRow<T, Swap>(p, s)) return Step(m, ExtremeContiguous<T, Max>(reinterpret_cast<const T*>(p), n));
    }
    for (int64_t i = 0; i < n; i++) {
      V v = Load<T, Swap>(p + i * s);
      if constexpr (kFloat) {
        if (v != v) return v;
      }
      m = Better<Max>(v, m);
    }
    return m;
  }
  static void Into(V* q, const V* a, int64_t n) { ExtremeInto<V, Max>(q, a, n); }
  static V Identity() {
    if constexpr (kFloat) return Max ? -std::numeric_limits<V>::infinity() : std::numeric_limits<V>::infinity();
    else return Max ? std::numeric_limits<V>::lowest() : std::numeric_limits<V>::max();
  }
};

// Non-zero bytes of a contiguous run: 64 byte counters that cannot wrap in
// 255 steps, emptied into the total after each block, so the loop is one
// vector compare and subtract per 64 bytes (x86-64-v4; two per 64 in AVX2).
// A block is just under four pages: it hints the four pages four ahead of
// its start (PrefetchAhead), so every page of the run is hinted before it
// is counted (a 10M-byte mask in a JS buffer counted in 0.21 ms with the
// hardware prefetcher alone, 0.15 ms in huge pages, on the AMD VM).
MMARRAY_CMP_CLONES
int64_t CountBytes(const uint8_t* p, int64_t n) {
  int64_t c = 0;
  int64_t i = 0;
  constexpr int64_t kLanes = 64, kSteps = 255;
  for (; i + kLanes * kSteps <= n; i += kLanes * kSteps) {
    for (int64_t k = 0; k < 4; k++) PrefetchAhead(p + i + k * 4096);
    uint8_t acc[kLanes] = {};
    for (int64_t k = 0; k < kSteps; k++) {
      const uint8_t* q = p + i + k * kLanes;
      for (int64_t j = 0; j < kLanes; j++) acc[j] += q[j] != 0;
    }
    uint32_t b = 0;
    for (int64_t j = 0; j < kLanes; j++) b += acc[j];
    c += b;
  }
  for (; i < n; i++) c += p[i] != 0;
  return c;
}

// Non-zero items of n contiguous, aligned, native-order items (a float NaN
// counts, -0 does not: `!= 0`), one vector compare and subtract per lane.
template <class T>
MMARRAY_CMP_CLONES int64_t CountContiguous(const T* __restrict a, int64_t n) {
  int64_t c = 0;
  for (int64_t lo = 0; lo < n; lo += kPageItems<T>) {
    PrefetchAhead(a + lo);
    int64_t hi = n - lo < kPageItems<T> ? n : lo + kPageItems<T>;
    for (int64_t i = lo; i < hi; i++) c += a[i] != 0 ? 1 : 0;
  }
  return c;
}

// q[i] += (a[i] != 0) for a contiguous native row into consecutive outputs
// (a counted outer axis), branch-free so it runs as vector compare and add.
template <class T>
MMARRAY_CMP_CLONES void CountInto(double* __restrict q, const T* __restrict a, int64_t n) {
  for (int64_t i = 0; i < n; i++) q[i] += a[i] != 0 ? 1.0 : 0.0;
}

template <class T, bool Swap>
void CountNonzero(const Region& R, const std::vector<int64_t>& so, double* out) {
  int64_t n = R.shape.empty() ? 1 : R.shape.back();
  int64_t s = R.shape.empty() ? 0 : R.strides.back();
  int64_t os = so.empty() ? 0 : so.back();
  WalkRows(R.shape, R.strides, so, [&](int64_t a, int64_t o) {
    // SAFETY: as in FoldRows.
    const uint8_t* p = R.base + a;
    if (os == 0) {
      int64_t c = 0;
      if (s == 1 && sizeof(Value<T>) == 1) {
        c = CountBytes(p, n);
      } else if (IsPlainRow<T, Swap>(p, s)) {
        if constexpr (kContiguousType<T>) {
          // SAFETY: IsPlainRow checks the alignment; ReadRegion checked the bounds.
          c = CountContiguous(reinterpret_cast<const T*>(p), n);
        }
      } else {
        for (int64_t i = 0; i < n; i++) c += Load<T, Swap>(p + i * s) != 0;
      }
      out[o] += static_cast<double>(c);
      return;
    }
    if constexpr (kContiguousType<T>) {
      if (os == 1 && IsPlainRow<T, Swap>(p, s)) {
        // SAFETY: as in FoldRows's Into: alignment checked, the output is the
        // caller's own typed array, o + n - 1 is below its checked length.
        CountInto(out + o, reinterpret_cast<const T*>(p), n);
        return;
      }
    }
    for (int64_t i = 0; i < n; i++) out[o + i * os] += Load<T, Swap>(p + i * s) != 0 ? 1.0 : 0.0;
  });
}

// any / all along an axis: NumPy's logical_or / logical_and reduce into
// bool bytes (0/1) that start at 0 for any and 1 for all. An item decides
// a row when it is non-zero (any) or zero (all; a NaN is non-zero, -0 is
// zero); a row folded into one element stops at its first deciding block,
// as NumPy's bool loops stop at the first deciding vector, and a row whose
// element is decided already is not read. A row into consecutive elements
// ORs (ANDs) item by item.

// Whether any of n contiguous native items decides, in blocks of 1 KiB
// (one vector compare and OR per lane, a branch per block).
template <class T, bool All>
MMARRAY_CMP_CLONES bool FindDeciding(const T* __restrict a, int64_t n) {
  using U = std::conditional_t<sizeof(T) == 8, uint64_t, std::conditional_t<sizeof(T) == 4, uint32_t, std::conditional_t<sizeof(T) == 2, uint16_t, uint8_t>>>;
  constexpr int64_t kBlock = 1024 / sizeof(T);
  int64_t i = 0;
  if constexpr (sizeof(T) == 1 && All) {
    // all of bytes: a byte is zero exactly when the least (unsigned) byte
    // of its block is, one vector min per lane (vpminub) and a test per
    // block. The word form below, three operations a word, left all(1) of
    // rows that never decide at 1.30x NumPy's CPU time (0.588 against
    // 0.451 ms, medians, load 15).
    for (; i + kBlock <= n; i += kBlock) {
      if (i % kPageItems<T> == 0) PrefetchAhead(a + i);
      uint8_t m = 0xff;
      for (int64_t j = 0; j < kBlock; j++) {
        const uint8_t v = static_cast<uint8_t>(a[i + j]);
        m = v < m ? v : m;
      }
      if (m == 0) return true;
    }
    // The last part block the same way (see the words below).
    uint8_t m = 0xff;
    for (; i < n; i++) {
      const uint8_t v = static_cast<uint8_t>(a[i]);
      m = v < m ? v : m;
    }
    return m == 0;
  } else if constexpr (sizeof(T) == 1) {
    // any of bytes as 64-bit words (the compare-and-OR form ran at half
    // NumPy's speed over bool rows that never decide): a word is non-zero
    // when a byte is.
    for (; i + kBlock <= n; i += kBlock) {
      if (i % kPageItems<T> == 0) PrefetchAhead(a + i);
      uint64_t hit = 0;
      for (int64_t j = 0; j < kBlock; j += 8) {
        uint64_t w;
        std::memcpy(&w, a + i + j, 8);
        hit |= w;
      }
      if (hit != 0) return true;
    }
    // The last part block: its whole words in the same form, then its
    // under 8 bytes. (One by one, the 784 bytes after a 10000-byte row's
    // nine blocks took 40% of all(1)'s time in perf.)
    uint64_t hit = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, a + i, 8);
      hit |= w;
    }
    for (; i < n; i++) hit |= a[i] != 0 ? 1 : 0;
    return hit != 0;
  }
  for (; i + kBlock <= n; i += kBlock) {
    if (i % kPageItems<T> == 0) PrefetchAhead(a + i);
    U hit = 0;
    for (int64_t j = 0; j < kBlock; j++) hit |= (All ? a[i + j] == 0 : a[i + j] != 0) ? U(1) : U(0);
    if (hit != 0) return true;
  }
  // The last part block, branch-free as the blocks (vector steps, not an
  // item and a branch at a time).
  U hit = 0;
  for (; i < n; i++) hit |= (All ? a[i] == 0 : a[i] != 0) ? U(1) : U(0);
  return hit != 0;
}

// q[i] |= a[i] != 0 (any) or q[i] &= a[i] != 0 (all), branch-free.
template <class T, bool All>
MMARRAY_CMP_CLONES void TruthInto(uint8_t* __restrict q, const T* __restrict a, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    uint8_t t = a[i] != 0 ? 1 : 0;
    q[i] = All ? (q[i] & t) : (q[i] | t);
  }
}

template <class T, bool Swap, bool All>
void TruthRows(const Region& R, const std::vector<int64_t>& so, uint8_t* out) {
  // bool items are bytes whose non-zero values are true: the uint8 loops serve them.
  using P = std::conditional_t<std::is_same_v<T, Bool>, uint8_t, T>;
  int64_t n = R.shape.empty() ? 1 : R.shape.back();
  int64_t s = R.shape.empty() ? 0 : R.strides.back();
  int64_t os = so.empty() ? 0 : so.back();
  constexpr uint8_t kUndecided = All ? 1 : 0;
  auto plain = [&](const uint8_t* p) {
    return !Swap && s == static_cast<int64_t>(sizeof(P)) && reinterpret_cast<uintptr_t>(p) % alignof(P) == 0;
  };
  WalkRows(R.shape, R.strides, so, [&](int64_t a, int64_t o) {
    // SAFETY: as in FoldRows (row a in the checked region, o + i * os below
    // the checked output length); `plain` checks the alignment of the casts.
    const uint8_t* p = R.base + a;
    if (os == 0) {
      if (out[o] != kUndecided) return;
      bool hit = false;
      if (plain(p)) {
        hit = FindDeciding<P, All>(reinterpret_cast<const P*>(p), n);
      } else {
        for (int64_t i = 0; i < n && !hit; i++) hit = (Load<T, Swap>(p + i * s) != 0) != All;
      }
      if (hit) out[o] = 1 - kUndecided;
      return;
    }
    if (os == 1 && plain(p)) {
      TruthInto<P, All>(out + o, reinterpret_cast<const P*>(p), n);
      return;
    }
    for (int64_t i = 0; i < n; i++) {
      uint8_t t = Load<T, Swap>(p + i * s) != 0 ? 1 : 0;
      uint8_t& q = out[o + i * os];
      q = All ? (q & t) : (q | t);
    }
  });
}

// The highest output index an axis walk over a non-empty `shape` forms
// (the sum of (shape[k] - 1) * so[k], overflow-checked) must lie in an
// output of outLength items: true (with that index in *top) when it does,
// else throws RangeError.
bool CheckAxisOut(Napi::Env env, const std::vector<int64_t>& shape, const std::vector<int64_t>& so, int64_t outLength,
                  const char* what, int64_t* top_out) {
  int64_t top = 0;
  for (size_t k = 0; k < shape.size(); k++) {
    int64_t span;
    if (so[k] < 0 || __builtin_mul_overflow(shape[k] - 1, so[k], &span) || __builtin_add_overflow(top, span, &top)) {
      ThrowRange(env, what, "bad output strides");
      return false;
    }
  }
  if (top >= outLength) {
    ThrowRange(env, what, "the output is too short");
    return false;
  }
  *top_out = top;
  return true;
}

enum AxisOp { kSum = 0, kMin = 1, kMax = 2, kCount = 3, kIntSum = 4, kF4Sum = 5, kAny = 6, kAll = 7 };

// The typed array of an item of type code `type` in host order (bool as bytes).
napi_typedarray_type OwnArrayType(int64_t type) {
  switch (type) {
    case kF8: return napi_float64_array;
    case kF4: return napi_float32_array;
    case kI1: return napi_int8_array;
    case kI2: return napi_int16_array;
    case kU2: return napi_uint16_array;
    case kI4: return napi_int32_array;
    case kU4: return napi_uint32_array;
    case kI8: return napi_bigint64_array;
    case kU8: return napi_biguint64_array;
    default: return napi_uint8_array;
  }
}

// axisReduce(memory, byteOffset, shape, strides, outStrides, type, swap, op, out, chunk[, blockDims])
// Walks (shape, byte strides) in C order, folding item i into output element
// sum(i_k * outStrides_k) of `out`: op 0 float64 sum and 5 float32 sum (into
// a Float64Array / Float32Array holding the starting values; rows whose
// output stride is 0 pairwise, in chunks of `chunk`), 3 count of non-zero
// items (Float64Array), 4 wrapping int64 sum (BigInt64Array), 1 min and 2
// max (a typed array of the item's own type, bool as Uint8Array, set here
// to the identity first; NaN sticks), 6 any and 7 all (a Uint8Array of
// 0/1, set here to 0 / 1 first). blockDims >= 2 (float sums only): the
// innermost blockDims axes are all reduced and the items cast, summed as
// NumPy's buffered reduction does (FoldBlocks).
Napi::Value AxisReduce(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "axisReduce";
  std::vector<int64_t> shape, strides, so;
  int64_t type, op, chunk;
  if (info.Length() < 10 || !ToInts(info[2], &shape) || !ToInts(info[3], &strides) || !ToInts(info[4], &so) ||
      so.size() != shape.size() || !ToInt(info[5], &type) || type < kF8 || type > kU8 || !ToInt(info[7], &op) ||
      op < kSum || op > kAll || !ToInt(info[9], &chunk) || chunk <= 0) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  int64_t blockDims = 0;
  if (info.Length() > 10 && (!ToInt(info[10], &blockDims) || blockDims < 0 || static_cast<size_t>(blockDims) > shape.size() ||
                             (blockDims >= 2 && op != kSum && op != kF4Sum))) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  // The block's axes must be reduced ones: each folds into one output element.
  for (size_t k = shape.size() - (blockDims >= 2 ? static_cast<size_t>(blockDims) : 0); k < shape.size(); k++) {
    if (so[k] != 0) {
      ThrowArgs(env, what);
      return env.Undefined();
    }
  }
  napi_typedarray_type want = op == kSum || op == kCount ? napi_float64_array
                              : op == kIntSum            ? napi_bigint64_array
                              : op == kF4Sum             ? napi_float32_array
                              : op == kAny || op == kAll ? napi_uint8_array
                                                         : OwnArrayType(type);
  uint8_t* outRaw = nullptr;
  int64_t outLength = 0;
  if (!ReadOut<uint8_t>(info[8], want, &outRaw, &outLength)) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region R;
  if (!ReadRegion(info, 0, 1, shape, strides, kItemsize[type], false, what, &R)) return env.Undefined();
  if (R.size == 0) return env.Undefined();
  int64_t top = 0;
  if (!CheckAxisOut(env, shape, so, outLength, what, &top)) return env.Undefined();
  bool swap = ToBool(info[6]);
  WithType(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using V = Value<T>;
    // SAFETY: outRaw is the data of a typed array of the element type
    // `want` names (ReadOut checked the type), so it is aligned for it and
    // holds outLength > top of them.
    auto extreme = [&](auto maxTag) {
      using Op = Extreme<V, decltype(maxTag)::value>;
      V* out = reinterpret_cast<V*>(outRaw);
      std::fill(out, out + top + 1, Op::Identity());
      if (swap) FoldRows<Op, T, true>(R, so, out, Op{});
      else FoldRows<Op, T, false>(R, so, out, Op{});
    };
    auto fold = [&](auto opTag, auto* out) {
      using Op = typename decltype(opTag)::type;
      Op o{};
      if constexpr (std::is_same_v<Op, FloatAdd<double>> || std::is_same_v<Op, FloatAdd<float>>) {
        o.chunk = chunk;
        if (blockDims >= 2) {
          using Acc = typename Op::Acc;
          if (swap) FoldBlocks<Acc, T, true>(R, so, static_cast<size_t>(blockDims), chunk, out);
          else FoldBlocks<Acc, T, false>(R, so, static_cast<size_t>(blockDims), chunk, out);
          return;
        }
      }
      if (swap) FoldRows<Op, T, true>(R, so, out, o);
      else FoldRows<Op, T, false>(R, so, out, o);
    };
    switch (op) {
      case kSum: return fold(Tag<FloatAdd<double>>{}, reinterpret_cast<double*>(outRaw));
      case kF4Sum: return fold(Tag<FloatAdd<float>>{}, reinterpret_cast<float*>(outRaw));
      case kCount: return swap ? CountNonzero<T, true>(R, so, reinterpret_cast<double*>(outRaw))
                               : CountNonzero<T, false>(R, so, reinterpret_cast<double*>(outRaw));
      case kIntSum:
        if constexpr (std::is_floating_point_v<T>) return;
        else return fold(Tag<IntAdd>{}, reinterpret_cast<int64_t*>(outRaw));
      case kAny:
      case kAll: {
        // SAFETY: outRaw is a Uint8Array of outLength > top bytes (ReadOut, CheckAxisOut).
        std::fill(outRaw, outRaw + top + 1, op == kAll ? 1 : 0);
        if (op == kAll) return swap ? TruthRows<T, true, true>(R, so, outRaw) : TruthRows<T, false, true>(R, so, outRaw);
        return swap ? TruthRows<T, true, false>(R, so, outRaw) : TruthRows<T, false, false>(R, so, outRaw);
      }
      case kMax: return extreme(std::true_type{});
      default: return extreme(std::false_type{});
    }
  });
  return env.Undefined();
}

// ------------------------------------------------------------ argmin / argmax

// The first position of the extreme of n >= 1 contiguous native items (of
// the first NaN, if any), in one pass over memory: blocks of 1024 items
// (in L1) folded by ExtremeContiguous's vector lanes, the first block with
// the strictly best extreme kept, then its first item equal to that extreme
// (±0 are equal, as the sequential loop's strict comparison treats them). A
// block whose extreme is NaN holds the first NaN. 1- and 2-byte integers
// take this path; 4- and 8-byte items take ArgLanesBody below.
template <class T, bool Max>
int64_t ArgContiguous(const T* a, int64_t n) {
  constexpr int64_t kBlock = 1024;
  T best = a[0];
  int64_t at = 0;
  for (int64_t lo = 0; lo < n; lo += kBlock) {
    int64_t len = n - lo < kBlock ? n - lo : kBlock;
    T m = ExtremeContiguous<T, Max>(a + lo, len);
    if constexpr (std::is_floating_point_v<T>) {
      if (m != m) {
        for (int64_t k = lo;; k++) {
          if (a[k] != a[k]) return k;
        }
      }
    }
    if (lo == 0 || (Max ? m > best : m < best)) {
      best = m;
      at = lo;
    }
  }
  for (int64_t k = at;; k++) {
    if (a[k] == best) return k;
  }
}

// ArgContiguous for 4- and 8-byte items, in one pass over memory with no
// horizontal step per block: lanes as wide as the machine's vectors (four
// accumulators of them per step) carry, per lane, the best item so far and
// the number of the block of kArgBlock items where the lane first reached it
// (a strict comparison, so a later equal item does not move it). Each block
// starts its accumulators at the lanes' bests, folds its items in, and
// merges the four into one (max or min, whose order is free: a NaN never
// wins a comparison, so the lanes hold the extreme of the other items, and
// ±0 are equal to the strict comparisons); a lane that grew takes the
// block's number. At the end the extreme g is the best of the lanes, and
// its first position is in the first block B any lane holding g took: an
// earlier g would have been taken by its own lane at its own earlier block.
// Only positions of those lanes in block B are searched (one item in
// kLanes). The last block may be short (whole vector steps); the fewer
// than one step of items after it go one by one. Floats: vector sums
// beside the lanes flag a NaN (a NaN makes its lane's sum NaN; inf - inf
// also gives NaN: then none is found and the lanes' answer stands), and the
// first NaN is searched for. Inlined into one function per instruction set
// (ArgLanesAvx512 ...).
template <class T>
constexpr int64_t kArgBlock = 2048 / sizeof(T);

template <class T, bool Max, int kBytes>
__attribute__((always_inline)) inline int64_t ArgLanesBody(const T* __restrict a, int64_t n) {
  using I = std::conditional_t<sizeof(T) == 8, int64_t, int32_t>;
  using Vec __attribute__((vector_size(kBytes))) = T;
  using Idx __attribute__((vector_size(kBytes))) = I;
  constexpr bool kFloat = std::is_floating_point_v<T>;
  constexpr int64_t kLanes = kBytes / sizeof(T), kAcc = 4, kStep = kLanes * kAcc;
  constexpr int64_t kBlock = kArgBlock<T>;
  static_assert(kBlock % kStep == 0, "a block is whole steps");
  T init;
  if constexpr (kFloat) init = Max ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity();
  else init = Max ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
  // Every lane starts at init, copied in whole (see ExtremeContiguous).
  T first[kLanes];
  for (int64_t j = 0; j < kLanes; j++) first[j] = init;
  Vec best;
  std::memcpy(&best, first, sizeof best);
  Idx blk = {};
  Vec t[kAcc] = {};
  // Whole steps only: the last block may be short (a whole number of steps).
  const int64_t tail = n - n % kStep;
  const int64_t blocks = (tail + kBlock - 1) / kBlock;
  for (int64_t b = 0; b < blocks; b++) {
    const T* p = a + b * kBlock;
    const int64_t len = tail - b * kBlock < kBlock ? tail - b * kBlock : kBlock;
    PrefetchAhead(p);
    Vec r[kAcc];
    for (int k = 0; k < kAcc; k++) r[k] = best;
    for (int64_t i = 0; i < len; i += kStep) {
      for (int k = 0; k < kAcc; k++) {
        Vec v;
        // SAFETY: items below b * kBlock + len <= tail <= n.
        std::memcpy(&v, p + i + k * kLanes, sizeof(Vec));
        r[k] = (Max ? v > r[k] : v < r[k]) ? v : r[k];
        if constexpr (kFloat) t[k] += v;
      }
    }
    r[0] = (Max ? r[1] > r[0] : r[1] < r[0]) ? r[1] : r[0];
    r[2] = (Max ? r[3] > r[2] : r[3] < r[2]) ? r[3] : r[2];
    r[0] = (Max ? r[2] > r[0] : r[2] < r[0]) ? r[2] : r[0];
    Idx bv = {};
    bv += static_cast<I>(b);
    blk = (Max ? r[0] > best : r[0] < best) ? bv : blk;
    best = r[0];
  }
  if constexpr (kFloat) {
    Vec sum = (t[0] + t[1]) + (t[2] + t[3]);
    bool nan = false;
    for (int64_t j = 0; j < kLanes; j++) nan = nan || sum[j] != sum[j];
    if (nan) {
      for (int64_t k = 0; k < tail; k++) {
        if (a[k] != a[k]) return k;
      }
    }
  }
  T g = init;
  for (int64_t j = 0; j < kLanes; j++) g = Better<Max>(best[j], g);
  // The tail, one by one (the first NaN of the row if no block had one).
  T m = g;
  int64_t at = -1;
  for (int64_t k = tail; k < n; k++) {
    if constexpr (kFloat) {
      if (a[k] != a[k]) return k;
    }
    if (Max ? a[k] > m : a[k] < m) {
      m = a[k];
      at = k;
    }
  }
  // A tail item strictly better than every block item (than init, when
  // there is no block) is the answer; else, with no block, every item is
  // init and the first is.
  if (at >= 0) return at;
  if (blocks == 0) return 0;
  int64_t first_block = blocks;
  for (int64_t j = 0; j < kLanes; j++) {
    if (best[j] == g && blk[j] < first_block) first_block = blk[j];
  }
  int64_t pos = n;
  for (int64_t j = 0; j < kLanes; j++) {
    if (best[j] != g || blk[j] != first_block) continue;
    // SAFETY: positions of block first_block < blocks, below tail <= n.
    const int64_t end = (first_block + 1) * kBlock < tail ? (first_block + 1) * kBlock : tail;
    for (int64_t k = first_block * kBlock + j; k < end && k < pos; k += kLanes) {
      if (a[k] == g) {
        pos = k;
        break;
      }
    }
  }
  return pos;
}

template <class T, bool Max>
using ArgLanesFn = int64_t (*)(const T*, int64_t);

#if defined(__x86_64__)
template <class T, bool Max>
__attribute__((target("avx512f"))) int64_t ArgLanesAvx512(const T* a, int64_t n) {
  return ArgLanesBody<T, Max, 64>(a, n);
}
template <class T, bool Max>
__attribute__((target("avx2"))) int64_t ArgLanesAvx2(const T* a, int64_t n) {
  return ArgLanesBody<T, Max, 32>(a, n);
}
#endif
template <class T, bool Max>
int64_t ArgLanesBase(const T* a, int64_t n) {
  return ArgLanesBody<T, Max, 16>(a, n);
}

template <class T, bool Max>
ArgLanesFn<T, Max> PickArgLanes() {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return ArgLanesAvx512<T, Max>;
  if (__builtin_cpu_supports("avx2")) return ArgLanesAvx2<T, Max>;
#endif
  return ArgLanesBase<T, Max>;
}

// The first position of the extreme of n >= 1 contiguous native items.
// SAFETY: callers pass n items inside memory they bounds-checked, aligned.
template <class T, bool Max>
int64_t ArgPlain(const T* a, int64_t n) {
  // Block numbers fit the lanes' 4-byte integers for any n below 2^40.
  if constexpr (sizeof(T) >= 4) {
    static const ArgLanesFn<T, Max> fn = PickArgLanes<T, Max>();
    return fn(a, n);
  } else {
    return ArgContiguous<T, Max>(a, n);
  }
}

// The position of the first extreme of each row (the first NaN, if any, for
// floats), as lib/reduce-axis.ts's bestIndex; with `flat`, one position over
// all rows in C order.
template <class T, bool Swap, bool Max>
void ArgRows(const Region& R, bool flat, double* out) {
  using V = Value<T>;
  constexpr bool kFloat = std::is_floating_point_v<V>;
  int64_t n = R.shape.back();
  int64_t s = R.strides.back();
  std::vector<int64_t> zero(R.shape.size(), 0);
  int64_t row = 0;
  bool done = false;
  V m{};
  int64_t best = 0;
  WalkRows(R.shape, R.strides, zero, [&](int64_t a, int64_t) {
    // SAFETY: row a's items lie in the region ReadRegion checked; row is
    // below the output length the caller checked.
    const uint8_t* p = R.base + a;
    int64_t base = flat ? row * n : 0;
    if (flat && done) return;
    if constexpr (kContiguousType<T>) {
      if (IsPlainRow<T, Swap>(p, s)) {
        // SAFETY: IsPlainRow checks the alignment; ReadRegion checked the bounds.
        const T* q = reinterpret_cast<const T*>(p);
        int64_t k = ArgPlain<T, Max>(q, n);
        if (!flat) {
          out[row++] = static_cast<double>(k);
          return;
        }
        V v = q[k];
        bool nan = false;
        if constexpr (kFloat) nan = v != v;
        if (row == 0 || nan || (Max ? v > m : v < m)) {
          m = v;
          best = base + k;
          done = nan;
        }
        row++;
        return;
      }
    }
    int64_t i = 0;
    if (!flat || row == 0) {
      m = Load<T, Swap>(p);
      best = base;
      done = false;
      if constexpr (kFloat) done = m != m;
      i = 1;
    }
    for (; i < n && !done; i++) {
      V v = Load<T, Swap>(p + i * s);
      if constexpr (kFloat) {
        if (v != v) {
          best = base + i;
          done = true;
          break;
        }
      }
      if (Max ? v > m : v < m) {
        best = base + i;
        m = v;
      }
    }
    if (!flat) out[row] = static_cast<double>(best);
    row++;
  });
  if (flat) out[0] = static_cast<double>(best);
}

// argReduce(memory, byteOffset, shape, strides, type, swap, max, flat, out)
// Rows are the last axis (length >= 1); out[r] (a Float64Array) receives the
// best position in row r, rows in C order; with `flat`, out[0] the best
// flat position of the whole layout.
Napi::Value ArgReduce(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "argReduce";
  std::vector<int64_t> shape, strides;
  int64_t type;
  double* out = nullptr;
  int64_t outLength = 0;
  if (info.Length() < 9 || !ToInts(info[2], &shape) || !ToInts(info[3], &strides) || shape.empty() ||
      !ToInt(info[4], &type) || type < kF8 || type > kU8 || !ReadOut<double>(info[8], napi_float64_array, &out, &outLength)) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region R;
  if (!ReadRegion(info, 0, 1, shape, strides, kItemsize[type], false, what, &R)) return env.Undefined();
  bool flat = ToBool(info[7]);
  if (R.size == 0) {
    ThrowRange(env, what, "empty rows");
    return env.Undefined();
  }
  if (outLength < (flat ? 1 : R.size / R.shape.back())) {
    ThrowRange(env, what, "the output is too short");
    return env.Undefined();
  }
  bool swap = ToBool(info[5]);
  bool max = ToBool(info[6]);
  WithType(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (swap) max ? ArgRows<T, true, true>(R, flat, out) : ArgRows<T, true, false>(R, flat, out);
    else max ? ArgRows<T, false, true>(R, flat, out) : ArgRows<T, false, false>(R, flat, out);
  });
  return env.Undefined();
}

// ------------------------------------------------------------ indices

// A 1-d index array: `count` integers of type code `type` at `stride`.
struct Indices {
  Region region;
  int64_t type = 0;
  bool swap = false;
};

bool ReadIndices(const Napi::CallbackInfo& info, size_t first, const char* what, Indices* out) {
  int64_t count, stride;
  if (!ToInt(info[first + 2], &count) || count < 0 || !ToInt(info[first + 3], &stride) || !ToInt(info[first + 4], &out->type) ||
      out->type < kI1 || out->type > kU8 || out->type == kB1 || out->type == kF4) {
    ThrowArgs(info.Env(), what);
    return false;
  }
  out->swap = ToBool(info[first + 5]);
  return ReadRegion(info, first, first + 1, {count}, {stride}, kItemsize[out->type], false, what, &out->region);
}

// Calls f(k, index) for each index in order, until f returns false.
template <class F>
void ForEachIndex(const Indices& I, F&& f) {
  const uint8_t* p = I.region.base;
  int64_t s = I.region.strides[0];
  int64_t n = I.region.size;
  WithType(I.type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<T>) {
      // SAFETY: k < n items of the checked region.
      if (I.swap) {
        for (int64_t k = 0; k < n; k++) if (!f(k, IndexAt<T, true>(p + k * s))) return;
      } else {
        for (int64_t k = 0; k < n; k++) if (!f(k, IndexAt<T, false>(p + k * s))) return;
      }
    }
  });
}

// Calls f(j, index k0 + j) for j in [0, m), k0 + m <= the index count.
template <class F>
void ForEachIndexIn(const Indices& I, int64_t k0, int64_t m, F&& f) {
  const int64_t s = I.region.strides[0];
  const uint8_t* p = I.region.base + k0 * s;
  WithType(I.type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<T>) {
      // SAFETY: k0 + j < the count: items of the checked index region.
      if (I.swap) {
        for (int64_t j = 0; j < m; j++) f(j, IndexAt<T, true>(p + j * s));
      } else {
        for (int64_t j = 0; j < m; j++) f(j, IndexAt<T, false>(p + j * s));
      }
    }
  });
}

// The position of the first index outside [-n, n), or -1.
int64_t FirstBad(const Indices& I, int64_t n) {
  int64_t bad = -1;
  ForEachIndex(I, [&](int64_t k, int64_t x) {
    if (x < -n || x >= n) {
      bad = k;
      return false;
    }
    return true;
  });
  return bad;
}

// The indices resolved into [0, n) (already checked), copied out when the
// index bytes could be written by the caller's loop (the same memory).
std::vector<int64_t> Resolved(const Indices& I, int64_t n) {
  std::vector<int64_t> out(static_cast<size_t>(I.region.size));
  ForEachIndex(I, [&](int64_t k, int64_t x) {
    out[k] = x < 0 ? x + n : x;
    return true;
  });
  return out;
}

// One step of addAt: *p += value in T (JS's arithmetic of the same store).
template <class T, bool Swap>
inline void AddOne(uint8_t* p, double value) {
  T cur = Load<T, Swap>(p);
  T next;
  if constexpr (std::is_same_v<T, double>) {
    next = cur + value;
  } else if constexpr (std::is_same_v<T, float>) {
    next = static_cast<float>(static_cast<double>(cur) + value);  // JS: Float32Array element += v
  } else {
    using U = std::make_unsigned_t<T>;
    next = static_cast<T>(static_cast<U>(static_cast<U>(cur) + static_cast<U>(static_cast<int64_t>(value))));
  }
  Store<T, Swap>(p, next);
}

// The scatter loop over locals only (no captured references: a byte store
// could alias them and force reloads between the random accesses).
// SAFETY: every index was checked to lie in [-n, n) before this runs, and
// `base` + x * s for 0 <= x < n is an element of the checked target.
template <class T, bool Swap, class I, bool ISwap>
void AddAtIndices(uint8_t* base, int64_t s, int64_t n, const uint8_t* ip, int64_t is, int64_t count, double value) {
  for (int64_t k = 0; k < count; k++) {
    int64_t x = IndexAt<I, ISwap>(ip + k * is);
    x = x < 0 ? x + n : x;
    AddOne<T, Swap>(base + x * s, value);
  }
}

template <class T, bool Swap>
void AddAtLoop(const Region& A, const Indices& I, int64_t n, double value, bool copy) {
  uint8_t* base = A.base;
  int64_t s = A.strides[0];
  if (copy) {
    // SAFETY: as in AddAtIndices; the indices were resolved before any write.
    for (int64_t x : Resolved(I, n)) AddOne<T, Swap>(base + x * s, value);
    return;
  }
  WithType(I.type, [&](auto tag) {
    using IT = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<IT>) {
      if (I.swap) AddAtIndices<T, Swap, IT, true>(base, s, n, I.region.base, I.region.strides[0], I.region.size, value);
      else AddAtIndices<T, Swap, IT, false>(base, s, n, I.region.base, I.region.strides[0], I.region.size, value);
    }
  });
}

// True when the index bytes may lie in the bytes the target's loop writes.
bool SameMemory(const Region& a, const Region& b) { return a.memory.base == b.memory.base; }

// ------------------------------------------------------------ addAt on cold mapped pages
// A random read-modify-write into a file whose pages are not in memory waits
// for one disk read per index, one after another (each fault blocks the
// loop). When a sample of the target pages is mostly out of the page cache,
// the loop first asks the kernel to read the pages of the next window of
// indices (MADV_WILLNEED queues the reads and returns), so the disk serves
// many at once. A hint changes no value and no order: the loop is still
// np.add.at's, unbuffered and in index order, after every index was checked.

// Target pages sampled, spread over the indices, and the share of them out
// of memory (at least 1 in kColdShare) that turns the hints on.
constexpr int64_t kColdSamples = 32;
constexpr int64_t kColdShare = 4;
// Indices whose pages are hinted ahead of the loop: enough reads in flight
// for a disk's queue, few enough pages that they are not evicted before use.
constexpr size_t kHintWindow = 1024;

// Index k of I (k < I.region.size), as read by ForEachIndex.
int64_t IndexValue(const Indices& I, int64_t k) {
  int64_t x = 0;
  WithType(I.type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<T>) {
      // SAFETY: k < size: an item of the checked index region.
      const uint8_t* p = I.region.base + k * I.region.strides[0];
      x = I.swap ? IndexAt<T, true>(p) : IndexAt<T, false>(p);
    }
  });
  return x;
}

// True when A is a mapping and at least 1 in kColdShare of a sample of the
// pages the (checked) indices address are not in memory.
bool ColdTargets(const Region& A, const Indices& I, int64_t n) {
  const Mapping* m = A.memory.mapping.get();
  int64_t count = I.region.size;
  if (m == nullptr || count == 0) return false;
  int64_t samples = std::min(count, kColdSamples);
  int64_t cold = 0;
  for (int64_t j = 0; j < samples; j++) {
    int64_t x = IndexValue(I, j * (count / samples));
    x = x < 0 ? x + n : x;
    // In [0, length): item x of the checked region, as a byte of the mapping.
    int64_t at = (A.base - A.memory.base) + x * A.strides[0];
    if (!m->Resident(static_cast<size_t>(at))) cold++;
  }
  return cold * kColdShare >= samples;
}

// AddAtLoop over resolved indices, hinting each window's pages one window
// ahead of the writes.
template <class T, bool Swap>
void AddAtHinted(const Region& A, const std::vector<int64_t>& xs, double value) {
  Mapping& m = *A.memory.mapping;
  const int64_t o = A.base - A.memory.base;
  const int64_t s = A.strides[0];
  const size_t page = PageSize();
  const size_t count = xs.size();
  size_t last = SIZE_MAX;
  auto hint = [&](size_t from, size_t to) {
    SysError err;
    for (size_t j = from; j < to; j++) {
      // Item xs[j] of the checked region, as a byte offset into the mapping.
      size_t at = static_cast<size_t>(o + xs[j] * s);
      if (at / page == last) continue;  // the page just hinted (a cheap dedupe, not exact)
      last = at / page;
      // Only a hint: a refusal costs the prefetch, never a value.
      (void)m.Advise(Advice::kWillNeed, at, sizeof(T), &err);
    }
  };
  hint(0, std::min(kHintWindow, count));
  for (size_t w = 0; w < count; w += kHintWindow) {
    size_t end = std::min(w + kHintWindow, count);
    hint(end, std::min(end + kHintWindow, count));
    // SAFETY: as in AddAtIndices: every xs[j] was checked to lie in [-n, n)
    // and resolved into [0, n) before this runs.
    for (size_t j = w; j < end; j++) AddOne<T, Swap>(A.base + xs[j] * s, value);
  }
}

// addAt(memory, byteOffset, n, stride, type, swap, idxMemory, idxOffset, idxCount, idxStride, idxType, idxSwap, value)
// a[idx[k]] += value for each k in order (NumPy's unbuffered np.add.at on a
// 1-d target of f8, f4 or an integer type of at most 32 bits; an integer
// value is already wrapped into the target's type). Returns -1, or the
// position of the first index outside [-n, n), and then writes nothing.
Napi::Value AddAt(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "addAt";
  int64_t n, stride, type;
  if (info.Length() < 13 || !ToInt(info[2], &n) || n < 0 || !ToInt(info[3], &stride) || !ToInt(info[4], &type) ||
      type < kF8 || type > kU4 || type == kB1 || !info[12].IsNumber()) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region A;
  Indices I;
  if (!ReadRegion(info, 0, 1, {n}, {stride}, kItemsize[type], true, what, &A) || !ReadIndices(info, 6, what, &I)) {
    return env.Undefined();
  }
  int64_t bad = FirstBad(I, n);
  if (bad >= 0) return Napi::Number::New(env, static_cast<double>(bad));
  double value = info[12].As<Napi::Number>().DoubleValue();
  bool copy = SameMemory(A, I.region);
  bool swap = ToBool(info[5]);
  // Resolved before any write, so the hinted loop also reads every index first.
  std::vector<int64_t> xs;
  if (ColdTargets(A, I, n)) xs = Resolved(I, n);
  WithType(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, Bool> && !std::is_same_v<T, int64_t> && !std::is_same_v<T, uint64_t>) {
      if (!xs.empty()) {
        if (swap) AddAtHinted<T, true>(A, xs, value);
        else AddAtHinted<T, false>(A, xs, value);
      } else if (swap) {
        AddAtLoop<T, true>(A, I, n, value, copy);
      } else {
        AddAtLoop<T, false>(A, I, n, value, copy);
      }
    }
  });
  return Napi::Number::New(env, -1);
}

// ------------------------------------------------------------ ufuncAt
// NumPy's unbuffered ufunc.at for the other ufuncs (maximumAt, multiplyAt,
// ...): ufunc_kernels.cc's loop of the operation, called an element at a
// time with stride 0 (as NumPy's ufunc.at calls its loop, so power's
// stride-0 fast paths apply as there), on a 1-d target whose items are of
// the loop's compute type (a float, an integer or a bool: complex targets
// stay in JS), in native byte order and aligned (JS sends only those; the
// alignment is checked here again, as the loop dereferences typed pointers).

bool Aligned(const Region& R, int64_t align) {
  return R.size == 0 || (reinterpret_cast<uintptr_t>(R.base) % static_cast<uintptr_t>(align) == 0 &&
                         R.strides[0] % align == 0);
}

// SAFETY: every index was checked to lie in [-n, n) before this runs, so
// base + x * s is an item of the checked target; item k of the values is
// vp + k * vs, inside the checked values region (or its copy) for k < count.
// Each call reads the target item before it writes it (the loop's contract
// for an output that is its input). Returns -1, or the position k whose
// signed integer power met a negative exponent: that item is put back as it
// was and the loop stops there (NumPy's loop raises at it).
template <class I, bool ISwap>
int64_t UfuncAtIndices(UfuncChunkFn fn, int nin, int64_t size, uint8_t* base, int64_t s, int64_t n, const uint8_t* ip,
                       int64_t is, int64_t count, const uint8_t* vp, int64_t vs, bool may_stop) {
  const int64_t still[2] = {0, 0};
  uint8_t was[8];
  for (int64_t k = 0; k < count; k++) {
    int64_t x = IndexAt<I, ISwap>(ip + k * is);
    uint8_t* p = base + (x < 0 ? x + n : x) * s;
    const void* in[2] = {p, nin == 2 ? vp + k * vs : nullptr};
    std::memcpy(was, p, static_cast<size_t>(size));
    fn(1, in, still, p, 0);
    if (may_stop && UfuncNegativePower()) {
      std::memcpy(p, was, static_cast<size_t>(size));
      return k;
    }
  }
  return -1;
}

// ufuncAt(op, type, memory, byteOffset, n, stride, idxMemory, idxOffset, idxCount, idxStride, idxType, idxSwap,
//         values, valuesOffset, valuesStride, indexed)
// a[idx[k]] = op(a[idx[k]], values[k]) (a unary op: op(a[idx[k]]); values
// null) for each k in order, where op's loop at compute type `type` writes
// items of that type. values: idxCount items of `type` at valuesStride (0:
// one value for every index); read as they were before any write when they
// lie in the target's memory. Returns -1 when done, the position of the
// first index outside [-n, n) (nothing written), or -(k + 2) when item k was
// a signed integer power with a negative exponent (UfuncAtIndices).
// `indexed`: the values are the caller's own, of the target's type (no
// cast), so NumPy takes its indexed loop where it has one (UfuncIndexedLoop).
Napi::Value UfuncAt(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "ufuncAt";
  int64_t op, type, n, stride, vs = 0;
  int nin = 0, result = -1;
  UfuncChunkFn fn = nullptr;
  if (info.Length() < 16 || !ToInt(info[0], &op) || !ToInt(info[1], &type) || type < kF8 || type > kU8 ||
      !ToInt(info[4], &n) || n < 0 || !ToInt(info[5], &stride) || !ToInt(info[14], &vs) ||
      (fn = UfuncLoop(static_cast<int>(op), static_cast<int>(type), &nin, &result)) == nullptr || result != type ||
      nin < 1 || nin > 2 || (nin == 2) == info[12].IsNull()) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region A, V;
  Indices I;
  if (!ReadRegion(info, 2, 3, {n}, {stride}, kItemsize[type], true, what, &A) || !ReadIndices(info, 6, what, &I)) {
    return env.Undefined();
  }
  const int64_t count = I.region.size;
  if (nin == 2 && !ReadRegion(info, 12, 13, {count}, {vs}, kItemsize[type], false, what, &V)) return env.Undefined();
  const int64_t align = kItemsize[type];
  if (!Aligned(A, align) || (nin == 2 && !Aligned(V, align))) {
    ThrowRange(env, what, "the target and the values must be aligned for the loop's type");
    return env.Undefined();
  }
  int64_t bad = FirstBad(I, n);
  if (bad >= 0) return Napi::Number::New(env, static_cast<double>(bad));
  if (count == 0) return Napi::Number::New(env, -1);
  std::vector<int64_t> xs;
  if (SameMemory(A, I.region)) xs = Resolved(I, n);
  const uint8_t* vp = nin == 2 ? V.base : nullptr;
  std::vector<uint8_t> vcopy;
  if (nin == 2 && SameMemory(A, V)) {
    const int64_t items = vs == 0 ? 1 : count;
    // items * itemsize bytes: no overflow, the region check bounded them.
    vcopy.resize(static_cast<size_t>(items * kItemsize[type]));
    // SAFETY: j < items items of the checked values region; the copy is
    // 8-byte aligned (operator new), enough for every loop type.
    for (int64_t j = 0; j < items; j++) std::memcpy(vcopy.data() + j * kItemsize[type], V.base + j * vs, static_cast<size_t>(kItemsize[type]));
    vp = vcopy.data();
    if (vs != 0) vs = kItemsize[type];
  }
  // NumPy's indexed loop, when the values were not cast (JS says so) and it has one.
  const bool use_indexed = nin == 2 && ToBool(info[15]);
  const uintptr_t ib = reinterpret_cast<uintptr_t>(I.region.base);
  const int64_t is = I.region.strides[0];
  const bool i32 = xs.empty() && I.type == kI4 && !I.swap && ib % 4 == 0 && is % 4 == 0;
  const bool i64 = xs.empty() && I.type == kI8 && !I.swap && ib % 8 == 0 && is % 8 == 0;
  if (UfuncIndexedFn direct = use_indexed && (i32 || i64) ? UfuncIndexedLoop(static_cast<int>(op), static_cast<int>(type), i32) : nullptr) {
    // SAFETY: count int32 or int64 items of the checked index region,
    // aligned (just checked), in another memory than the target (xs is
    // empty), so the loop's writes cannot change them.
    direct(A.base, stride, n, I.region.base, is, count, vp, vs);
    return Napi::Number::New(env, -1);
  }
  if (UfuncIndexedFn indexed = use_indexed ? UfuncIndexedLoop(static_cast<int>(op), static_cast<int>(type), false) : nullptr) {
    if (!xs.empty()) {
      indexed(A.base, stride, n, reinterpret_cast<const uint8_t*>(xs.data()), 8, count, vp, vs);
    } else {
      // Other index types read into a small block at a time, in order (a
      // whole resolved copy of 10M indices is 80 MB of fresh pages).
      constexpr int64_t kBlock = 4096;
      std::vector<int64_t> block(static_cast<size_t>(std::min(count, kBlock)));
      for (int64_t k0 = 0; k0 < count; k0 += kBlock) {
        const int64_t m = std::min(kBlock, count - k0);
        ForEachIndexIn(I, k0, m, [&](int64_t j, int64_t x) { block[static_cast<size_t>(j)] = x; });
        // SAFETY: values k0 .. k0 + m - 1 of the checked values region (or its copy).
        indexed(A.base, stride, n, reinterpret_cast<const uint8_t*>(block.data()), 8, m, vp + k0 * vs, vs);
      }
    }
    return Napi::Number::New(env, -1);
  }
  (void)UfuncNegativePower();
  const bool may_stop = UfuncMayMeetNegativePower(static_cast<int>(op), static_cast<int>(type));
  const int64_t size = kItemsize[type];
  int64_t stop = -1;
  if (!xs.empty()) {
    stop = UfuncAtIndices<int64_t, false>(fn, nin, size, A.base, stride, n, reinterpret_cast<const uint8_t*>(xs.data()), 8, count, vp, vs, may_stop);
  } else {
    WithType(I.type, [&](auto tag) {
      using IT = typename decltype(tag)::type;
      if constexpr (std::is_integral_v<IT>) {
        if (I.swap) stop = UfuncAtIndices<IT, true>(fn, nin, size, A.base, stride, n, I.region.base, I.region.strides[0], count, vp, vs, may_stop);
        else stop = UfuncAtIndices<IT, false>(fn, nin, size, A.base, stride, n, I.region.base, I.region.strides[0], count, vp, vs, may_stop);
      }
    });
  }
  return Napi::Number::New(env, stop < 0 ? -1.0 : -static_cast<double>(stop + 2));
}

// Items of one piece of a contiguous index array copied out (memcpy: the
// array need not be aligned) for the loops below.
constexpr int64_t kIndexRun = 512;

// Whether each of the r indices x lies in [-n, n) (a min/max fold the
// compiler vectorizes).
template <class I>
MMARRAY_AXIS_CLONES bool RunInRange(const I* __restrict x, int64_t r, int64_t n) {
  I lo = x[0], hi = x[0];
  for (int64_t j = 1; j < r; j++) {
    lo = x[j] < lo ? x[j] : lo;
    hi = x[j] > hi ? x[j] : hi;
  }
  if constexpr (std::is_unsigned_v<I>) {
    return static_cast<uint64_t>(hi) < static_cast<uint64_t>(n);
  } else {
    return static_cast<int64_t>(lo) >= -n && static_cast<int64_t>(hi) < n;
  }
}

// Whether every index of I lies in [-n, n).
bool AllInRange(const Indices& I, int64_t n) {
  const int64_t s = I.region.strides[0], count = I.region.size;
  bool ok = true;
  WithType(I.type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<T>) {
      if (I.swap || s != static_cast<int64_t>(sizeof(T))) {
        ok = FirstBad(I, n) < 0;
        return;
      }
      T run[kIndexRun];
      for (int64_t j0 = 0; j0 < count && ok; j0 += kIndexRun) {
        const int64_t r = std::min(kIndexRun, count - j0);
        // SAFETY: r contiguous items of the checked index region.
        std::memcpy(run, I.region.base + j0 * s, static_cast<size_t>(r) * sizeof(T));
        ok = RunInRange(run, r, n);
      }
    }
  });
  return ok;
}

// out[j] (+)= resolve(x[j]) * st for r indices of an axis of length n, each
// in [-n, n): that axis' term of each item's byte offset (onto `start` when
// `first`). O is int32_t when every offset fits one (the compiler vectorizes
// the 32-bit products), else int64_t.
template <class I, class O>
MMARRAY_AXIS_CLONES void OffsetRun(const I* __restrict x, int64_t r, O n, O st, O start, bool first, O* __restrict out) {
  if (first) {
    for (int64_t j = 0; j < r; j++) {
      const O v = static_cast<O>(x[j]);
      out[j] = start + (v < 0 ? v + n : v) * st;
    }
  } else {
    for (int64_t j = 0; j < r; j++) {
      const O v = static_cast<O>(x[j]);
      out[j] += (v < 0 ? v + n : v) * st;
    }
  }
}

// The m indices from k0 of axis I (length n, stride st) as OffsetRun terms
// into out; indices that are byte-swapped or not contiguous read one at a time.
template <class O>
void OffsetTerms(const Indices& I, int64_t k0, int64_t m, int64_t n, int64_t st, bool first, int64_t start, O* __restrict out) {
  const int64_t s = I.region.strides[0];
  WithType(I.type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<T>) {
      if (!I.swap && s == static_cast<int64_t>(sizeof(T))) {
        T run[kIndexRun];
        for (int64_t j0 = 0; j0 < m; j0 += kIndexRun) {
          const int64_t r = std::min(kIndexRun, m - j0);
          // SAFETY: items k0 + j0 .. k0 + j0 + r - 1 (< the count) of the checked index region.
          std::memcpy(run, I.region.base + (k0 + j0) * s, static_cast<size_t>(r) * sizeof(T));
          OffsetRun<T, O>(run, r, static_cast<O>(n), static_cast<O>(st), static_cast<O>(start), first, out + j0);
        }
        return;
      }
      ForEachIndexIn(I, k0, m, [&](int64_t j, int64_t x) {
        const O term = static_cast<O>((x < 0 ? x + n : x) * st);
        out[j] = (first ? static_cast<O>(start) : out[j]) + term;
      });
    }
  });
}

// ufuncAtMulti(op, type, memory, byteOffset, shape, strides, values, valuesOffset, valuesStride, indexed,
//              then per axis d: idxMemory, idxOffset, idxCount, idxStride, idxType, idxSwap)
// ufunc.at on an N-d target with one 1-d index array per axis, all of one
// count: a[i0[k], i1[k], ...] = op(a[...], values[k]) for each k in order
// (NumPy's `np.add.at(H, (rows, cols), w)`), the target of any strides.
// The item offsets are summed a block at a time from the index arrays and
// handed to UfuncAt's loops, so no flat index is made in memory. Returns -1
// when done, -(k + 2) when item k was a signed integer power with a negative
// exponent, or null when the call does not qualify: an index out of range
// on its axis (nothing written; JS raises NumPy's IndexError), or indices
// or values in the target's memory (JS takes a path that copies them).
Napi::Value UfuncAtMulti(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "ufuncAtMulti";
  int64_t op, type, vs = 0;
  int nin = 0, result = -1;
  std::vector<int64_t> shape, strides;
  UfuncChunkFn fn = nullptr;
  if (info.Length() < 10 || !ToInt(info[0], &op) || !ToInt(info[1], &type) || type < kF8 || type > kU8 ||
      !ToInts(info[4], &shape) || !ToInts(info[5], &strides) || shape.empty() || shape.size() > 64 ||
      shape.size() != strides.size() || info.Length() != 10 + 6 * shape.size() || !ToInt(info[8], &vs) ||
      (fn = UfuncLoop(static_cast<int>(op), static_cast<int>(type), &nin, &result)) == nullptr || result != type ||
      nin < 1 || nin > 2 || (nin == 2) == info[6].IsNull()) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  const size_t ndim = shape.size();
  Region A, V;
  if (!ReadRegion(info, 2, 3, shape, strides, kItemsize[type], true, what, &A)) return env.Undefined();
  std::vector<Indices> axes(ndim);
  for (size_t d = 0; d < ndim; d++) {
    if (!ReadIndices(info, 10 + 6 * d, what, &axes[d])) return env.Undefined();
    if (axes[d].region.size != axes[0].region.size) {
      ThrowRange(env, what, "the index arrays differ in length");
      return env.Undefined();
    }
  }
  const int64_t count = axes[0].region.size;
  if (nin == 2 && !ReadRegion(info, 6, 7, {count}, {vs}, kItemsize[type], false, what, &V)) return env.Undefined();
  const int64_t align = kItemsize[type];
  bool aligned = nin != 2 || Aligned(V, align);
  if (A.size != 0) {
    aligned = aligned && reinterpret_cast<uintptr_t>(A.base) % static_cast<uintptr_t>(align) == 0;
    for (int64_t st : A.strides) aligned = aligned && st % align == 0;
  }
  if (!aligned) {
    ThrowRange(env, what, "the target and the values must be aligned for the loop's type");
    return env.Undefined();
  }
  for (size_t d = 0; d < ndim; d++) {
    if (count > 0 && (SameMemory(A, axes[d].region) || !AllInRange(axes[d], A.shape[d]))) return env.Null();
  }
  if (count == 0) return Napi::Number::New(env, -1);
  if (nin == 2 && SameMemory(A, V)) return env.Null();
  const uint8_t* vp = nin == 2 ? V.base : nullptr;
  const bool want_indexed = nin == 2 && ToBool(info[9]);
  (void)UfuncNegativePower();
  const bool may_stop = UfuncMayMeetNegativePower(static_cast<int>(op), static_cast<int>(type));
  // Offsets from the target's lowest item (negative strides count down), so each is >= 0.
  int64_t low = 0, span = kItemsize[type];
  for (size_t d = 0; d < ndim; d++) {
    const int64_t ext = (A.shape[d] - 1) * A.strides[d];
    if (ext < 0) low += ext;
    span += ext < 0 ? -ext : ext;
  }
  // SAFETY: the item at index shape[d] - 1 on the axes of negative stride and
  // 0 on the others: an item of the checked target (count > 0, so no axis is
  // empty; every index was in range).
  uint8_t* const lowest = A.base + low;
  // Every offset below `span` (ReadRegion bounded the sums): 32-bit offsets
  // when the target spans less than 2 GiB, and the loops' int32 indices.
  const bool narrow = span <= INT32_MAX;
  UfuncIndexedFn indexed = want_indexed ? UfuncIndexedLoop(static_cast<int>(op), static_cast<int>(type), narrow) : nullptr;
  constexpr int64_t kBlock = 4096;
  std::vector<int64_t> wide(narrow ? 0 : static_cast<size_t>(std::min(count, kBlock)));
  std::vector<int32_t> small(narrow ? static_cast<size_t>(std::min(count, kBlock)) : 0);
  for (int64_t k0 = 0; k0 < count; k0 += kBlock) {
    const int64_t m = std::min(kBlock, count - k0);
    for (size_t d = 0; d < ndim; d++) {
      // Every index lies in [-n, n) (AllInRange above): resolved into [0, n),
      // times its stride, a term of an item's offset.
      if (narrow) OffsetTerms<int32_t>(axes[d], k0, m, A.shape[d], A.strides[d], d == 0, -low, small.data());
      else OffsetTerms<int64_t>(axes[d], k0, m, A.shape[d], A.strides[d], d == 0, -low, wide.data());
    }
    // SAFETY: each block entry is sum_d i_d * strides[d] - low with 0 <= i_d
    // < shape[d]: the offset from `lowest` of an item of the checked target
    // (ReadRegion: such sums fit in an int64 and lie inside the memory), in
    // [0, span), aligned for the loop's type (base and strides checked
    // above). The loops take them as byte indices at stride 1, all in
    // [-span, span). Values k0 .. k0 + m - 1 lie in the checked values
    // region, which is not the target's memory, nor are the indices.
    const uint8_t* ip = narrow ? reinterpret_cast<const uint8_t*>(small.data()) : reinterpret_cast<const uint8_t*>(wide.data());
    const int64_t isz = narrow ? 4 : 8;
    const uint8_t* vk = nin == 2 ? vp + k0 * vs : nullptr;
    if (indexed != nullptr) {
      indexed(lowest, 1, span, ip, isz, m, vk, vs);
      continue;
    }
    const int64_t stop = narrow ? UfuncAtIndices<int32_t, false>(fn, nin, kItemsize[type], lowest, 1, span, ip, 4, m, vk, vs, may_stop)
                                : UfuncAtIndices<int64_t, false>(fn, nin, kItemsize[type], lowest, 1, span, ip, 8, m, vk, vs, may_stop);
    if (stop >= 0) return Napi::Number::New(env, -static_cast<double>(k0 + stop + 2));
  }
  return Napi::Number::New(env, -1);
}

// ------------------------------------------------------------ ufuncAccumulate
// The fewest steps a fold takes lane by lane (one loop call a lane, its
// running value in a register) rather than row by row (a loop call a step
// over every lane), when the steps lie closer in memory than the lanes.
constexpr int64_t kLaneFoldMin = 8;

// The 2-d result and input regions of ufuncAccumulate and ufuncReduceat: in
// other memory (the loop reads rows of x while writing the result), their
// base and both strides whole items of `size` bytes (the loop dereferences
// typed pointers and its strides count items). Throws and returns false
// otherwise.
bool FoldRegionsOk(Napi::Env env, const char* what, const Region& R, const Region& X, int64_t size) {
  if (SameMemory(R, X)) {
    ThrowRange(env, what, "the result and the input must not share memory");
    return false;
  }
  const auto aligned = [size](const Region& g) {
    return reinterpret_cast<uintptr_t>(g.base) % static_cast<uintptr_t>(size) == 0 && g.strides[0] % size == 0 &&
           g.strides[1] % size == 0;
  };
  if (!aligned(R) || !aligned(X)) {
    ThrowRange(env, what, "the result and the input must be aligned for the loop's type");
    return false;
  }
  return true;
}

// ufuncAccumulate(op, type, resMemory, resOffset, xMemory, xOffset, steps,
//                 lanes, resStepStride, resLaneStride, xStepStride, xLaneStride, first)
// NumPy's ufunc.accumulate and ufunc.reduce for the ufuncs without one of
// their own (subtract, logaddexp, hypot, ...): row k of the result (`lanes`
// items) becomes op(row k - 1 of the result, row k of x) for k = first ..
// steps - 1, in order, by ufunc_kernels.cc's loop of the operation over each
// row (an accumulation: first 1, the caller has written row 0; a reduction:
// a result step stride of 0, one row of accumulators folded over every row
// of x from `first`). Both are items of compute type `type`, aligned, in
// native byte order, the result writable and in other memory than x.
// Returns -1, or a step >= first when a signed integer power met a negative
// exponent (the step itself, or `first` when one call ran the whole fold;
// NumPy raises, the result is not used).
Napi::Value UfuncAccumulate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "ufuncAccumulate";
  int64_t op, type, steps, lanes, rs, rl, xs, xl, first;
  int nin = 0, result = -1;
  UfuncChunkFn fn = nullptr;
  if (info.Length() < 13 || !ToInt(info[12], &first) || first < 0 || !ToInt(info[0], &op) || !ToInt(info[1], &type) || type < kF8 || type > kU8 ||
      !ToInt(info[6], &steps) || steps < 0 || !ToInt(info[7], &lanes) || lanes < 0 || !ToInt(info[8], &rs) ||
      !ToInt(info[9], &rl) || !ToInt(info[10], &xs) || !ToInt(info[11], &xl) ||
      (fn = UfuncLoop(static_cast<int>(op), static_cast<int>(type), &nin, &result)) == nullptr || result != type || nin != 2) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  const int64_t size = kItemsize[type];
  Region R, X;
  if (!ReadRegion(info, 2, 3, {steps, lanes}, {rs, rl}, size, true, what, &R) ||
      !ReadRegion(info, 4, 5, {steps, lanes}, {xs, xl}, size, false, what, &X)) {
    return env.Undefined();
  }
  if (R.size == 0) return Napi::Number::New(env, -1);
  // Step 0 reads row -1 of the result: only a reduction's (stride 0) has it.
  if (first == 0 && rs != 0) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  if (!FoldRegionsOk(env, what, R, X, size)) return env.Undefined();
  (void)UfuncNegativePower();
  const bool may_stop = UfuncMayMeetNegativePower(static_cast<int>(op), static_cast<int>(type));
  if (rs == 0 && lanes == 1 && first < steps && UfuncLoopFoldsInPlace(static_cast<int>(op), static_cast<int>(type))) {
    // One call for a reduction of one lane (UfuncLoopFoldsInPlace).
    // SAFETY: the accumulator (the result's one item) and rows first ..
    // steps - 1 of the checked input region, in other memory.
    const void* in[2] = {R.base, X.base + first * xs};
    const int64_t ins[2] = {0, xs / size};
    fn(steps - first, in, ins, R.base, 0);
    return Napi::Number::New(env, UfuncNegativePower() ? static_cast<double>(first) : -1.0);
  }
  if (rs != 0 && lanes == 1 && first == 1 && steps > 1 && rs % size == 0 && UfuncLoopFoldsInPlace(static_cast<int>(op), static_cast<int>(type))) {
    // One call for an accumulation of one lane: the output is in[0] one item on.
    // SAFETY: items 0 .. steps - 1 of the checked result region and 1 ..
    // steps - 1 of the checked input region, in other memory.
    const void* in[2] = {R.base, X.base + xs};
    const int64_t ins[2] = {rs / size, xs / size};
    fn(steps - 1, in, ins, R.base + rs, rs / size);
    return Napi::Number::New(env, UfuncNegativePower() ? 1.0 : -1.0);
  }
  const int64_t folds = steps - first;
  if (lanes > 1 && folds >= kLaneFoldMin && std::llabs(xs) < std::llabs(xl) && (rs == 0 || first >= 1) &&
      UfuncFoldStepIsCheap(static_cast<int>(op)) && UfuncLoopFoldsInPlace(static_cast<int>(op), static_cast<int>(type))) {
    // The steps lie closer in memory than the lanes (a fold along the
    // innermost axis): lane by lane, each one call of the loop's reduce or
    // accumulate form over its items, in order. Each lane gets the same
    // operations in the same order as row by row.
    for (int64_t l = 0; l < lanes; l++) {
      // SAFETY: lane l of rows first - 1 .. steps - 1 of the checked result
      // region (one row of accumulators when its step stride is 0) and of
      // rows first .. steps - 1 of the checked input region, in other memory;
      // aligned items, strides whole items (checked above).
      const void* in[2] = {R.base + (first - 1) * rs + l * rl, X.base + first * xs + l * xl};
      const int64_t ins[2] = {rs / size, xs / size};
      fn(folds, in, ins, R.base + first * rs + l * rl, rs / size);
      if (may_stop && UfuncNegativePower()) return Napi::Number::New(env, static_cast<double>(first));
    }
    return Napi::Number::New(env, -1);
  }
  for (int64_t k = first; k < steps; k++) {
    // SAFETY: rows k - 1 and k of the checked result region (the same row
    // when its step stride is 0; row -1 only then, when it is row 0) and row k of the
    // checked input region (ReadRegion bounded every item of each and every
    // partial sum of their offsets); the rows are aligned items of the loop's
    // type (just checked), the input in other memory than the result.
    // The loop's strides count items (the alignment check made them whole).
    const void* in[2] = {R.base + (k - 1) * rs, X.base + k * xs};
    const int64_t ins[2] = {rl / size, xl / size};
    fn(lanes, in, ins, R.base + k * rs, rl / size);
    if (may_stop && UfuncNegativePower()) return Napi::Number::New(env, static_cast<double>(k));
  }
  return Napi::Number::New(env, -1);
}

// ufuncReduceat(op, type, resMemory, resOffset, xMemory, xOffset, n, lanes,
//               xStepStride, xLaneStride, resStepStride, resLaneStride, starts)
// NumPy's ufunc.reduceat for the ufuncs without one of their own: group i
// of x (rows starts[i] .. starts[i + 1] - 1, the last to row n - 1; a group
// whose next start is not larger is row starts[i] alone) folded in order by
// ufunc_kernels.cc's loop of the operation into row i of the result, which
// starts as the group's first row. starts: the m group starts as
// group_starts.h reads them (each an integer in [0, n), checked there); the
// result has m rows. Items of compute type `type`, aligned, native byte
// order, the result writable and in other memory than x. Returns -1, or the
// group at which a signed integer power met a negative exponent.
Napi::Value UfuncReduceat(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "ufuncReduceat";
  int64_t op, type, n, lanes, xs, xl, rs, rl;
  int nin = 0, result = -1;
  UfuncChunkFn fn = nullptr;
  if (info.Length() < 13 || !ToInt(info[0], &op) || !ToInt(info[1], &type) || type < kF8 || type > kU8 ||
      !ToInt(info[6], &n) || n < 0 || !ToInt(info[7], &lanes) || lanes < 0 || !ToInt(info[8], &xs) ||
      !ToInt(info[9], &xl) || !ToInt(info[10], &rs) || !ToInt(info[11], &rl) ||
      (fn = UfuncLoop(static_cast<int>(op), static_cast<int>(type), &nin, &result)) == nullptr || result != type || nin != 2) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  std::vector<int64_t> starts;
  if (!ReadGroupStarts(env, what, info[12], n, &starts)) return env.Undefined();
  const int64_t m = static_cast<int64_t>(starts.size());
  const int64_t size = kItemsize[type];
  Region X, R;
  if (!ReadRegion(info, 4, 5, {n, lanes}, {xs, xl}, size, false, what, &X) ||
      !ReadRegion(info, 2, 3, {m, lanes}, {rs, rl}, size, true, what, &R)) {
    return env.Undefined();
  }
  if (R.size == 0) return Napi::Number::New(env, -1);
  if (!FoldRegionsOk(env, what, R, X, size)) return env.Undefined();
  (void)UfuncNegativePower();
  const bool may_stop = UfuncMayMeetNegativePower(static_cast<int>(op), static_cast<int>(type));
  const int64_t ins[2] = {rl / size, xl / size};
  const bool folds_in_place = UfuncLoopFoldsInPlace(static_cast<int>(op), static_cast<int>(type));
  const bool one_call = lanes == 1 && folds_in_place;
  // Lanes farther apart in memory than a group's items (groups along the
  // innermost axis): each lane of a group one call, as one_call.
  const bool by_lane = lanes > 1 && folds_in_place && UfuncFoldStepIsCheap(static_cast<int>(op)) && std::llabs(xs) < std::llabs(xl);
  for (int64_t i = 0; i < m; i++) {
    const int64_t s = starts[static_cast<size_t>(i)];
    const int64_t e = i + 1 < m && starts[static_cast<size_t>(i + 1)] > s ? starts[static_cast<size_t>(i + 1)] : (i + 1 < m ? s + 1 : n);
    // SAFETY: row i of the checked result region and rows s .. e - 1 of the
    // checked input region (0 <= s < e <= n); items of `size` bytes, aligned.
    uint8_t* row = R.base + i * rs;
    for (int64_t l = 0; l < lanes; l++) std::memcpy(row + l * rl, X.base + s * xs + l * xl, static_cast<size_t>(size));
    if (one_call && e - s > 1) {
      // SAFETY: the group's accumulator (row i, one item) and rows s + 1 .. e - 1 of x.
      const void* in[2] = {row, X.base + (s + 1) * xs};
      const int64_t ins1[2] = {0, xs / size};
      fn(e - s - 1, in, ins1, row, 0);
      if (may_stop && UfuncNegativePower()) return Napi::Number::New(env, static_cast<double>(i));
      continue;
    }
    if (by_lane && e - s > kLaneFoldMin) {
      for (int64_t l = 0; l < lanes; l++) {
        // SAFETY: lane l of row i (one item) and of rows s + 1 .. e - 1 of x.
        const void* in[2] = {row + l * rl, X.base + (s + 1) * xs + l * xl};
        const int64_t ins1[2] = {0, xs / size};
        fn(e - s - 1, in, ins1, row + l * rl, 0);
      }
      if (may_stop && UfuncNegativePower()) return Napi::Number::New(env, static_cast<double>(i));
      continue;
    }
    for (int64_t k = s + 1; k < e; k++) {
      const void* in[2] = {row, X.base + k * xs};
      fn(lanes, in, ins, row, rl / size);
      if (may_stop && UfuncNegativePower()) return Napi::Number::New(env, static_cast<double>(i));
    }
  }
  return Napi::Number::New(env, -1);
}

// How many indices ahead a gather or scatter prefetches its item: enough
// random misses in flight to cover memory latency.
constexpr int64_t kAhead = 16;

// Prefetches item x of (a, stride, n) when x is in [0, n) (a wrapped or
// clipped index is not worth resolving twice; it just goes unprefetched).
inline void Prefetch(const uint8_t* a, int64_t stride, int64_t n, int64_t x, bool write) {
  // SAFETY: 0 <= x < n, so a + x * stride is an item of the checked region.
  if (x >= 0 && x < n) {
    if (write) __builtin_prefetch(a + x * stride, 1);
    else __builtin_prefetch(a + x * stride, 0);
  }
}

template <int64_t Size>
void CopyItem(uint8_t* d, const uint8_t* s, int64_t size) {
  if constexpr (Size > 0) std::memcpy(d, s, Size);
  else std::memcpy(d, s, static_cast<size_t>(size));
}

// The gather loop over locals only (see AddAtIndices). Mode 0 (raise) runs
// after every index was checked; 1 wraps, 2 clips.
// SAFETY: the resolved x is in [0, n) and k < count, items of the checked
// source and destination.
// An index resolved by take's mode: 0 raise (already checked: a negative one
// counts from the end), 1 wrap, 2 clip; the result is in [0, n).
inline int64_t ResolveIndex(int64_t x, int64_t n, int64_t mode) {
  // Wrap divides only the indices outside [0, n) (two divisions cost more
  // than the random read they precede).
  if (mode == 1) return x >= 0 && x < n ? x : ((x % n) + n) % n;
  if (mode == 2) return x < 0 ? 0 : x >= n ? n - 1 : x;
  return x < 0 ? x + n : x;
}

template <int64_t Size, class I, bool ISwap>
void TakeIndices(const uint8_t* a, int64_t stride, int64_t n, const uint8_t* ip, int64_t is, int64_t count, uint8_t* d,
                 int64_t ds, int64_t itemsize, int64_t mode) {
  for (int64_t k = 0; k < count; k++) {
    if (k + kAhead < count) Prefetch(a, stride, n, IndexAt<I, ISwap>(ip + (k + kAhead) * is), false);
    const int64_t x = ResolveIndex(IndexAt<I, ISwap>(ip + k * is), n, mode);
    CopyItem<Size>(d + k * ds, a + x * stride, itemsize);
  }
}

// The gather of `outer` sources into a destination whose sources' items lie
// next to each other (dst item (o, k) at o * itemsize + k * ds): blocks of
// kTakeBlock sources take each index together, so every index fills one run
// of the destination (a cache line for float64) instead of one item of
// kTakeBlock lines, and the block's sources stay in cache between indices.
// SAFETY: as TakeIndices, for o < outer: source o at a + o * os, its items
// at d + o * itemsize, both of the checked regions.
constexpr int64_t kTakeBlock = 8;
template <int64_t Size, class I, bool ISwap>
void TakeBlocked(const uint8_t* a, int64_t os, int64_t outer, int64_t stride, int64_t n, const uint8_t* ip, int64_t is,
                 int64_t count, uint8_t* d, int64_t ds, int64_t itemsize, int64_t mode) {
  for (int64_t o0 = 0; o0 < outer; o0 += kTakeBlock) {
    const int64_t ob = std::min(kTakeBlock, outer - o0);
    const uint8_t* src = a + o0 * os;
    uint8_t* dst = d + o0 * itemsize;
    for (int64_t k = 0; k < count; k++) {
      const int64_t x = ResolveIndex(IndexAt<I, ISwap>(ip + k * is), n, mode);
      for (int64_t o = 0; o < ob; o++) CopyItem<Size>(dst + k * ds + o * itemsize, src + o * os + x * stride, itemsize);
    }
  }
}

// take(memory, byteOffset, n, stride, itemsize, idxMemory, idxOffset, idxCount, idxStride, idxType, idxSwap, mode, dst, dstOffset
//      [, outer, outerStride [, dstStride, dstOuterStride]])
// dst item (o, k) = a[o][idx[k]] (bytes) for each of `outer` (default 1)
// sources `outerStride` bytes apart; dst items `dstStride` bytes apart
// (default itemsize), its runs for each source `dstOuterStride` apart
// (default count * dstStride); mode 0 raise (returns the position of the
// first bad index and writes nothing), 1 wrap, 2 clip. Returns -1 when done.
// The indices are checked once for all the sources.
Napi::Value Take(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "take";
  int64_t n, stride, itemsize, mode, outer = 1, outerStride = 0, dstStride = 0, dstStep = 0;
  if (info.Length() < 14 || !ToInt(info[2], &n) || n < 0 || !ToInt(info[3], &stride) || !ToInt(info[4], &itemsize) ||
      itemsize <= 0 || !ToInt(info[11], &mode) || mode < 0 || mode > 2 ||
      (info.Length() >= 16 && (!ToInt(info[14], &outer) || outer < 0 || !ToInt(info[15], &outerStride))) ||
      (info.Length() >= 18 && (!ToInt(info[16], &dstStride) || !ToInt(info[17], &dstStep)))) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region A, D;
  Indices I;
  if (!ReadRegion(info, 0, 1, {outer, n}, {outerStride, stride}, itemsize, false, what, &A) ||
      !ReadIndices(info, 5, what, &I)) {
    return env.Undefined();
  }
  int64_t count = I.region.size;
  // By default one source's items in dst back to back; the region check
  // below bounds every (o, k) item of dst whatever its strides.
  if (info.Length() < 18) {
    dstStride = itemsize;
    if (__builtin_mul_overflow(count, itemsize, &dstStep)) {
      ThrowRange(env, what, "bad shape");
      return env.Undefined();
    }
  }
  if (!ReadRegion(info, 12, 13, {outer, count}, {dstStep, dstStride}, itemsize, true, what, &D)) return env.Undefined();
  if (outer == 0) return Napi::Number::New(env, -1);
  if (count == 0) return Napi::Number::New(env, -1);
  if (n == 0) {
    ThrowRange(env, what, "indices into an empty axis");
    return env.Undefined();
  }
  if (mode == 0) {
    int64_t bad = FirstBad(I, n);
    if (bad >= 0) return Napi::Number::New(env, static_cast<double>(bad));
  }
  std::vector<int64_t> xs;
  if (SameMemory(A, I.region) || SameMemory(D, I.region) || SameMemory(A, D)) {
    // Overlapping operands: read every index before the first write.
    xs = Resolved(I, 0);
  }
  auto run = [&](auto sizeTag) {
    constexpr int64_t Size = decltype(sizeTag)::value;
    WithType(I.type, [&](auto tag) {
      using IT = typename decltype(tag)::type;
      if constexpr (std::is_integral_v<IT>) {
        const uint8_t* ip = I.region.base;
        int64_t is = I.region.strides[0];
        if (outer > 1 && dstStep == itemsize && xs.empty()) {
          // The sources' items side by side in dst (a[:, cols] in NumPy's layout).
          if (I.swap) TakeBlocked<Size, IT, true>(A.base, outerStride, outer, stride, n, ip, is, count, D.base, dstStride, itemsize, mode);
          else TakeBlocked<Size, IT, false>(A.base, outerStride, outer, stride, n, ip, is, count, D.base, dstStride, itemsize, mode);
          return;
        }
        for (int64_t o = 0; o < outer; o++) {
          // SAFETY: source o and its dst run are (o, ·) items of the checked regions.
          const uint8_t* a = A.base + o * outerStride;
          uint8_t* d = D.base + o * dstStep;
          if (!xs.empty()) {
            // As int64 values: the same loop over the copy.
            TakeIndices<Size, int64_t, false>(a, stride, n, reinterpret_cast<const uint8_t*>(xs.data()), 8, count, d, dstStride, itemsize, mode);
          } else if (I.swap) {
            TakeIndices<Size, IT, true>(a, stride, n, ip, is, count, d, dstStride, itemsize, mode);
          } else {
            TakeIndices<Size, IT, false>(a, stride, n, ip, is, count, d, dstStride, itemsize, mode);
          }
        }
      }
    });
  };
  switch (itemsize) {
    case 1: run(std::integral_constant<int64_t, 1>{}); break;
    case 2: run(std::integral_constant<int64_t, 2>{}); break;
    case 4: run(std::integral_constant<int64_t, 4>{}); break;
    case 8: run(std::integral_constant<int64_t, 8>{}); break;
    case 16: run(std::integral_constant<int64_t, 16>{}); break;
    default: run(std::integral_constant<int64_t, 0>{}); break;
  }
  return Napi::Number::New(env, -1);
}

// ------------------------------------------------------------ put

// The scatter loop over locals only (see AddAtIndices): a[idx[k]] = v[k % m].
// Mode 0 (raise) runs after every index was checked; 1 wraps, 2 clips.
// SAFETY: the resolved x is in [0, n), k % m < m: items of the checked
// target and values.
template <int64_t Size, class I, bool ISwap>
void PutIndices(uint8_t* a, int64_t stride, int64_t n, const uint8_t* ip, int64_t is, int64_t count, const uint8_t* v,
                int64_t vs, int64_t m, int64_t itemsize, int64_t mode) {
  for (int64_t k = 0, j = 0; k < count; k++) {
    if (k + kAhead < count) Prefetch(a, stride, n, IndexAt<I, ISwap>(ip + (k + kAhead) * is), true);
    const int64_t x = ResolveIndex(IndexAt<I, ISwap>(ip + k * is), n, mode);
    CopyItem<Size>(a + x * stride, v + j * vs, itemsize);
    if (++j == m) j = 0;
  }
}

// put(memory, byteOffset, n, stride, itemsize, idxMemory, idxOffset, idxCount, idxStride, idxType, idxSwap, mode,
//     values, valuesOffset, m, valuesStride [, outer, outerStride, valuesOuterStride])
// a[idx[k]] = values[k % m] (bytes, already in a's dtype) for each k in
// order, NumPy's put on a 1-d target; with `outer` (default 1): the same for
// each of `outer` targets `outerStride` bytes apart, target o taking its
// values `valuesOuterStride` bytes after target o - 1's (0: the same values
// for all). Mode 0 raise (returns the position of the first bad index and
// writes nothing), 1 wrap, 2 clip. Returns -1 when done. Indices or values
// in the target's memory are read before the first write, as NumPy's put
// reads its converted copies.
Napi::Value Put(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "put";
  int64_t n, stride, itemsize, mode, m, vs, outer = 1, outerStride = 0, vOuterStride = 0;
  if (info.Length() < 16 || !ToInt(info[2], &n) || n < 0 || !ToInt(info[3], &stride) || !ToInt(info[4], &itemsize) ||
      itemsize <= 0 || !ToInt(info[11], &mode) || mode < 0 || mode > 2 || !ToInt(info[14], &m) || m < 0 ||
      !ToInt(info[15], &vs) ||
      (info.Length() >= 19 && (!ToInt(info[16], &outer) || outer < 0 || !ToInt(info[17], &outerStride) ||
                               !ToInt(info[18], &vOuterStride)))) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  // The values of every target (one set when they share it).
  const int64_t vOuter = vOuterStride == 0 ? 1 : outer;
  Region A, V;
  Indices I;
  if (!ReadRegion(info, 0, 1, {outer, n}, {outerStride, stride}, itemsize, true, what, &A) ||
      !ReadIndices(info, 5, what, &I) || !ReadRegion(info, 12, 13, {vOuter, m}, {vOuterStride, vs}, itemsize, false, what, &V)) {
    return env.Undefined();
  }
  int64_t count = I.region.size;
  if (count == 0 || m == 0 || outer == 0) return Napi::Number::New(env, -1);
  // Every index is out of bounds of an empty target: under 'raise' the first
  // is the caller's IndexError (NumPy's a[idx] = v names it); clip and wrap
  // have nowhere to put a value (np.put's "cannot replace elements of an
  // empty array", which JS checks first).
  if (mode == 0) {
    int64_t bad = FirstBad(I, n);
    if (bad >= 0) return Napi::Number::New(env, static_cast<double>(bad));
  }
  if (n == 0) {
    ThrowRange(env, what, "cannot replace elements of an empty array");
    return env.Undefined();
  }
  std::vector<int64_t> xs;
  if (SameMemory(A, I.region)) xs = Resolved(I, 0);
  const uint8_t* vp = V.base;
  std::vector<uint8_t> vcopy;
  if (SameMemory(A, V)) {
    // vOuter * m items of itemsize bytes: no overflow, the region check bounded them.
    vcopy.resize(static_cast<size_t>(vOuter * m * itemsize));
    // SAFETY: (o, j) < (vOuter, m) items of the checked values region.
    for (int64_t o = 0; o < vOuter; o++) {
      for (int64_t j = 0; j < m; j++) {
        std::memcpy(vcopy.data() + (o * m + j) * itemsize, V.base + o * vOuterStride + j * vs, static_cast<size_t>(itemsize));
      }
    }
    vp = vcopy.data();
    vs = itemsize;
    if (vOuterStride != 0) vOuterStride = m * itemsize;
  }
  auto run = [&](auto sizeTag) {
    constexpr int64_t Size = decltype(sizeTag)::value;
    WithType(I.type, [&](auto tag) {
      using IT = typename decltype(tag)::type;
      if constexpr (std::is_integral_v<IT>) {
        for (int64_t o = 0; o < outer; o++) {
          // SAFETY: target o and its values are (o, ·) items of the checked regions (or of the copy).
          uint8_t* a = A.base + o * outerStride;
          const uint8_t* v = vp + o * vOuterStride;
          if (!xs.empty()) {
            PutIndices<Size, int64_t, false>(a, stride, n, reinterpret_cast<const uint8_t*>(xs.data()), 8, count, v, vs, m, itemsize, mode);
          } else if (I.swap) {
            PutIndices<Size, IT, true>(a, stride, n, I.region.base, I.region.strides[0], count, v, vs, m, itemsize, mode);
          } else {
            PutIndices<Size, IT, false>(a, stride, n, I.region.base, I.region.strides[0], count, v, vs, m, itemsize, mode);
          }
        }
      }
    });
  };
  switch (itemsize) {
    case 1: run(std::integral_constant<int64_t, 1>{}); break;
    case 2: run(std::integral_constant<int64_t, 2>{}); break;
    case 4: run(std::integral_constant<int64_t, 4>{}); break;
    case 8: run(std::integral_constant<int64_t, 8>{}); break;
    case 16: run(std::integral_constant<int64_t, 16>{}); break;
    default: run(std::integral_constant<int64_t, 0>{}); break;
  }
  return Napi::Number::New(env, -1);
}

// The compress loop over locals only (see AddAtIndices); returns the count
// of items written. Branch-free: every item is stored at d[j] and j moves
// past it only when its condition holds (the next kept item overwrites a
// dropped one), so a random mask costs no mispredicted branch. Items of a
// strided source are prefetched kCompressAhead items ahead.
// SAFETY: i < cn items of the checked condition and source, j < count
// items of the checked destination (checked before each store); the
// prefetch hint never faults and is never read.
constexpr int64_t kCompressAhead = 16;
template <class T, bool Swap, int64_t Size>
int64_t CompressRun(const uint8_t* c, int64_t cs, int64_t cn, const uint8_t* a, int64_t stride, int64_t itemsize,
                    uint8_t* d, int64_t count) {
  const size_t size = Size > 0 ? static_cast<size_t>(Size) : static_cast<size_t>(itemsize);
  int64_t j = 0;
  if (stride == itemsize || stride == -itemsize) {
    for (int64_t i = 0; i < cn && j < count; i++) {
      std::memcpy(d + j * static_cast<int64_t>(size), a + i * stride, size);
      j += Load<T, Swap>(c + i * cs) != 0;
    }
    return j;
  }
  for (int64_t i = 0; i < cn && j < count; i++) {
    __builtin_prefetch(a + (i + kCompressAhead) * stride, 0, 0);
    std::memcpy(d + j * static_cast<int64_t>(size), a + i * stride, size);
    j += Load<T, Swap>(c + i * cs) != 0;
  }
  return j;
}
template <class T, bool Swap>
int64_t CompressItems(const uint8_t* c, int64_t cs, int64_t cn, const uint8_t* a, int64_t stride, int64_t itemsize,
                      uint8_t* d, int64_t count) {
  switch (itemsize) {
    case 1: return CompressRun<T, Swap, 1>(c, cs, cn, a, stride, itemsize, d, count);
    case 2: return CompressRun<T, Swap, 2>(c, cs, cn, a, stride, itemsize, d, count);
    case 4: return CompressRun<T, Swap, 4>(c, cs, cn, a, stride, itemsize, d, count);
    case 8: return CompressRun<T, Swap, 8>(c, cs, cn, a, stride, itemsize, d, count);
    case 16: return CompressRun<T, Swap, 16>(c, cs, cn, a, stride, itemsize, d, count);
    default: return CompressRun<T, Swap, 0>(c, cs, cn, a, stride, itemsize, d, count);
  }
}

// compress(condMemory, condOffset, condCount, condStride, condType, condSwap, memory, byteOffset, stride, itemsize, dst, dstOffset, count)
// Copies item i of `a` (bytes) for each i < condCount whose condition is
// non-zero, in order, to dst (contiguous, room for `count` items: the
// caller's count of non-zero conditions; never more are written).
// Returns the number of items written.
Napi::Value Compress(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "compress";
  int64_t cn, cs, ctype, stride, itemsize, count;
  if (info.Length() < 13 || !ToInt(info[2], &cn) || cn < 0 || !ToInt(info[3], &cs) || !ToInt(info[4], &ctype) ||
      ctype < kF8 || ctype > kU8 || !ToInt(info[8], &stride) || !ToInt(info[9], &itemsize) || itemsize <= 0 ||
      !ToInt(info[12], &count) || count < 0) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region C, A, D;
  if (!ReadRegion(info, 0, 1, {cn}, {cs}, kItemsize[ctype], false, what, &C) ||
      !ReadRegion(info, 6, 7, {cn}, {stride}, itemsize, false, what, &A) ||
      !ReadRegion(info, 10, 11, {count}, {itemsize}, itemsize, true, what, &D)) {
    return env.Undefined();
  }
  bool swap = ToBool(info[5]);
  int64_t j = WithType(ctype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return swap ? CompressItems<T, true>(C.base, cs, cn, A.base, stride, itemsize, D.base, count)
                : CompressItems<T, false>(C.base, cs, cn, A.base, stride, itemsize, D.base, count);
  });
  return Napi::Number::New(env, static_cast<double>(j));
}

// ------------------------------------------------------------ argsort

// An order-preserving unsigned key of one item in NumPy's sort order: every
// NaN gets the largest key, +0 and -0 share one, so a stable sort by key is
// NumPy's stable sort (lib/sort.ts radixArgsort builds the same order).
template <class T, bool Swap>
inline uint64_t SortKey(const uint8_t* p) {
  auto v = Load<T, Swap>(p);
  if constexpr (std::is_floating_point_v<decltype(v)>) {
    if (v != v) return ~uint64_t{0};
    double d = v == 0 ? 0.0 : static_cast<double>(v);
    uint64_t b;
    std::memcpy(&b, &d, 8);
    return (b >> 63) ? ~b : (b | (uint64_t{1} << 63));
  } else if constexpr (std::is_signed_v<decltype(v)>) {
    return static_cast<uint64_t>(static_cast<int64_t>(v)) ^ (uint64_t{1} << 63);
  } else {
    return static_cast<uint64_t>(v);
  }
}

// Stable LSD radix sort of (key, index) pairs in 11-bit digits (2048
// buckets: few enough scatter streams for the caches and the TLB); a digit
// that is the same for every key is skipped. The keys travel in 64-bit
// words, the indices beside them.
void RadixArgsort(std::vector<uint64_t>& key, std::vector<uint32_t>& idx) {
  constexpr int kBits = 11;
  constexpr uint64_t kMask = (uint64_t{1} << kBits) - 1;
  size_t n = key.size();
  std::vector<uint64_t> tk(n);
  std::vector<uint32_t> ti(n);
  std::vector<size_t> count(size_t{1} << kBits);
  for (int shift = 0; shift < 64; shift += kBits) {
    std::fill(count.begin(), count.end(), 0);
    const uint64_t* k = key.data();
    for (size_t i = 0; i < n; i++) count[(k[i] >> shift) & kMask]++;
    if (count[(k[0] >> shift) & kMask] == n) continue;
    size_t sum = 0;
    for (auto& c : count) {
      size_t t = c;
      c = sum;
      sum += t;
    }
    const uint32_t* x = idx.data();
    uint64_t* dk = tk.data();
    uint32_t* dx = ti.data();
    size_t* cnt = count.data();
    for (size_t i = 0; i < n; i++) {
      size_t d = cnt[(k[i] >> shift) & kMask]++;
      dk[d] = k[i];
      dx[d] = x[i];
    }
    key.swap(tk);
    idx.swap(ti);
  }
}

// argsort(memory, byteOffset, n, stride, type, swap, out)
// The stable argsort of n items (n < 2^32) in NumPy's order into `out`, a
// Uint32Array of length >= n.
Napi::Value Argsort(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "argsort";
  int64_t n, stride, type;
  if (info.Length() < 7 || !ToInt(info[2], &n) || n < 0 || n > int64_t{0xffffffff} || !ToInt(info[3], &stride) ||
      !ToInt(info[4], &type) || type < kF8 || type > kU8 || !info[6].IsTypedArray() ||
      info[6].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Napi::Uint32Array out = info[6].As<Napi::Uint32Array>();
  if (static_cast<int64_t>(out.ElementLength()) < n) {
    ThrowRange(env, what, "the output is too short");
    return env.Undefined();
  }
  Region R;
  if (!ReadRegion(info, 0, 1, {n}, {stride}, kItemsize[type], false, what, &R)) return env.Undefined();
  if (n == 0) return env.Undefined();
  // Keys and indices, and RadixArgsort's second copy of each.
  if (!CheckScratch(env, what, static_cast<uint64_t>(n) * 24)) return env.Undefined();
  std::vector<uint64_t> key(static_cast<size_t>(n));
  std::vector<uint32_t> idx(static_cast<size_t>(n));
  bool swap = ToBool(info[5]);
  WithType(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    // SAFETY: i < n items of the checked region.
    if (swap) {
      for (int64_t i = 0; i < n; i++) key[i] = SortKey<T, true>(R.base + i * stride);
    } else {
      for (int64_t i = 0; i < n; i++) key[i] = SortKey<T, false>(R.base + i * stride);
    }
  });
  for (int64_t i = 0; i < n; i++) idx[i] = static_cast<uint32_t>(i);
  RadixArgsort(key, idx);
  // SAFETY: out holds at least n elements (checked above).
  std::memcpy(out.Data(), idx.data(), static_cast<size_t>(n) * sizeof(uint32_t));
  return env.Undefined();
}

// ------------------------------------------------------------ bincount

// binMax(memory, byteOffset, n, stride, type, swap) -> the largest of n
// integers (-1 when n is 0), or -2 when one is negative.
Napi::Value BinMax(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "binMax";
  Indices I;
  if (info.Length() < 6 || !ReadIndices(info, 0, what, &I)) {
    if (!env.IsExceptionPending()) ThrowArgs(env, what);
    return env.Undefined();
  }
  int64_t max = -1;
  ForEachIndex(I, [&](int64_t, int64_t x) {
    if (x < 0) {
      max = -2;
      return false;
    }
    if (x > max) max = x;
    return true;
  });
  return Napi::Number::New(env, static_cast<double>(max));
}

// SAFETY: i < n items of the checked index and weight regions; x is checked
// against the output's length before each write.
template <class I, bool ISwap, class W, bool WSwap>
bool BinAddItems(const uint8_t* xp, int64_t xs, int64_t n, const uint8_t* wp, int64_t ws, double* out, int64_t len) {
  for (int64_t i = 0; i < n; i++) {
    int64_t x = IndexAt<I, ISwap>(xp + i * xs);
    if (x < 0 || x >= len) return false;
    if constexpr (std::is_same_v<W, void>) out[x] += 1.0;
    else out[x] += static_cast<double>(Load<W, WSwap>(wp + i * ws));
  }
  return true;
}

// binAdd(memory, byteOffset, n, stride, type, swap, wMemory|null, wOffset, wStride, wType, wSwap, out)
// out[x[i]] += w[i] (1 without weights) in order, in double (a Float64Array
// out); an index outside out (the bytes changed since binMax) is a RangeError.
Napi::Value BinAdd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "binAdd";
  Indices I;
  double* out = nullptr;
  int64_t len = 0;
  int64_t wstride = 0, wtype = 0;
  if (info.Length() < 12 || !ReadOut<double>(info[11], napi_float64_array, &out, &len)) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  if (!ReadIndices(info, 0, what, &I)) return env.Undefined();
  bool weighted = !info[6].IsNull();
  Region W;
  if (weighted) {
    if (!ToInt(info[8], &wstride) || !ToInt(info[9], &wtype) || wtype < kF8 || wtype > kU8) {
      ThrowArgs(env, what);
      return env.Undefined();
    }
    if (!ReadRegion(info, 6, 7, {I.region.size}, {wstride}, kItemsize[wtype], false, what, &W)) return env.Undefined();
  }
  if (I.region.size == 0) return env.Undefined();
  bool wswap = ToBool(info[10]);
  bool ok = WithType(I.type, [&](auto itag) {
    using IT = typename decltype(itag)::type;
    if constexpr (!std::is_integral_v<IT>) {
      return false;
    } else {
      const uint8_t* xp = I.region.base;
      int64_t xs = I.region.strides[0];
      int64_t n = I.region.size;
      if (!weighted) {
        return I.swap ? BinAddItems<IT, true, void, false>(xp, xs, n, nullptr, 0, out, len)
                      : BinAddItems<IT, false, void, false>(xp, xs, n, nullptr, 0, out, len);
      }
      return WithType(wtype, [&](auto wtag) {
        using WT = typename decltype(wtag)::type;
        if (I.swap) {
          return wswap ? BinAddItems<IT, true, WT, true>(xp, xs, n, W.base, wstride, out, len)
                       : BinAddItems<IT, true, WT, false>(xp, xs, n, W.base, wstride, out, len);
        }
        return wswap ? BinAddItems<IT, false, WT, true>(xp, xs, n, W.base, wstride, out, len)
                     : BinAddItems<IT, false, WT, false>(xp, xs, n, W.base, wstride, out, len);
      });
    }
  });
  if (!ok) ThrowRange(env, what, "an index changed while binning");
  return env.Undefined();
}

// ------------------------------------------------------------ nonzero

// The int64 outputs of nonzero: `count` native-order items at each memory's
// offset, checked in overflow-checked arithmetic against its length. After it
// returns true, out[k] + [0, 8 * count) is in bounds for every k.
bool ReadInt64Outs(Napi::Env env, const Napi::Value& mems, const Napi::Value& offs, int64_t count, const char* what,
                   std::vector<Memory>* keep, std::vector<uint8_t*>* out) {
  std::vector<int64_t> offsets;
  uint32_t n = 0;
  if (!ArrayLength(mems, &n) || !ToInts(offs, &offsets) || offsets.size() != n) {
    ThrowArgs(env, what);
    return false;
  }
  int64_t bytes;
  if (__builtin_mul_overflow(count, int64_t{8}, &bytes)) {
    ThrowRange(env, what, "the output is too long");
    return false;
  }
  for (uint32_t k = 0; k < n; k++) {
    Memory m;
    Napi::Value mem;
    if (!ElementOf(mems, k, &mem)) {
      ThrowArgs(env, what);
      return false;
    }
    if (!ReadMemory(env, mem, true, what, &m)) return false;
    int64_t end;
    if (offsets[k] < 0 || __builtin_add_overflow(offsets[k], bytes, &end) || static_cast<uint64_t>(end) > m.length) {
      ThrowRange(env, what, "an output reaches outside its buffer (or the buffer is detached)");
      return false;
    }
    // SAFETY: 0 <= offsets[k] and offsets[k] + 8 * count <= length.
    out->push_back(m.base + offsets[k]);
    keep->push_back(std::move(m));
  }
  return true;
}

inline void StoreInt64(uint8_t* p, int64_t v) { std::memcpy(p, &v, 8); }

// The positions of the set bits of each 4-bit group, padded with 0: a
// group's four positions are stored whole and the output advances by its
// count, so no store waits on a test of the item before it.
constexpr int64_t kNibblePos[16][4] = {
    {0, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {2, 0, 0, 0}, {0, 2, 0, 0}, {1, 2, 0, 0}, {0, 1, 2, 0},
    {3, 0, 0, 0}, {0, 3, 0, 0}, {1, 3, 0, 0}, {0, 1, 3, 0}, {2, 3, 0, 0}, {0, 2, 3, 0}, {1, 2, 3, 0}, {0, 1, 2, 3},
};
// Their counts (the baseline x86-64 target has no popcount instruction:
// __builtin_popcount would be a library call).
constexpr int64_t kNibbleCount[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

#if defined(__x86_64__)
// NonzeroPositions over contiguous bytes with AVX-512 (F and BW): 64 bytes
// tested into a mask register at a time, then for each 8 of them the
// positions of the set bits packed into one vector (vpcompressq) and stored
// whole, the output advancing by their count, while 64 stores still fit
// before `end`. Returns the new j; *done is the count of bytes consumed (a
// multiple of 64; the caller's loop takes the rest).
#define MMARRAY_AVX512BW __attribute__((target("avx512f,avx512bw,popcnt")))
MMARRAY_AVX512BW int64_t NonzeroBytesAvx512(const uint8_t* p, int64_t n, int64_t base, uint8_t* out, int64_t j, int64_t end,
                                            int64_t* done) {
  const __m512i iota = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i eight = _mm512_set1_epi64(8);
  int64_t i = 0;
  // SAFETY: bytes i .. i + 63 < n of the caller's row; each store of 8
  // positions is at items j' .. j' + 7 with j' + 8 <= j + 64 <= end (j
  // grows by at most 8 per group, 64 per step), in the checked output.
  for (; i + 64 <= n && j + 64 <= end; i += 64) {
    __m512i v = _mm512_loadu_si512(p + i);
    uint64_t m = _mm512_test_epi8_mask(v, v);
    if (m == 0) continue;
    __m512i pos = _mm512_add_epi64(_mm512_set1_epi64(base + i), iota);
    for (int g = 0; g < 8; g++, m >>= 8, pos = _mm512_add_epi64(pos, eight)) {
      const __mmask8 k = static_cast<__mmask8>(m & 0xff);
      _mm512_storeu_si512(out + 8 * j, _mm512_maskz_compress_epi64(k, pos));
      j += __builtin_popcount(k);
    }
  }
  *done = i;
  return j;
}
#undef MMARRAY_AVX512BW
bool HasAvx512Bw() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("popcnt");
}
const bool kHasAvx512Bw = HasAvx512Bw();
#endif

// Writes base + i for each i in [0, n) whose item (at p + i * s) is non-zero
// to out[j], out[j + 1], ..., never at or past out[end]; returns the new j.
// Groups of 8 items store their positions whole (kNibblePos) while 8 stores
// still fit before `end`; the rest go one by one. Contiguous bytes go 64 at
// a time through NonzeroBytesAvx512 first where the CPU has AVX-512 BW.
template <class T, bool Swap>
int64_t NonzeroPositions(const uint8_t* p, int64_t n, int64_t s, int64_t base, uint8_t* out, int64_t j, int64_t end) {
  int64_t i = 0;
#if defined(__x86_64__)
  if (sizeof(T) == 1 && s == 1 && kHasAvx512Bw) j = NonzeroBytesAvx512(p, n, base, out, j, end, &i);
#endif
  // SAFETY: p + i * s for i < n is an item of the region (ReadRegion); each
  // store is at an item j + q < end of an output checked by ReadInt64Outs
  // (the group branch runs only while j + 8 <= end).
  for (; i + 8 <= n && j + 8 <= end; i += 8) {
    unsigned m = 0;
    if (sizeof(T) == 1 && s == 1) {
      // Bit q of m says whether byte q of the word is non-zero: its high bit
      // after (low 7 bits + 0x7f) | byte, gathered by one multiply.
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      uint64_t t = (((w & 0x7f7f7f7f7f7f7f7fULL) + 0x7f7f7f7f7f7f7f7fULL) | w) & 0x8080808080808080ULL;
      m = static_cast<unsigned>(((t >> 7) * 0x0102040810204080ULL) >> 56);
    } else {
      for (int q = 0; q < 8; q++) m |= static_cast<unsigned>(Load<T, Swap>(p + (i + q) * s) != 0) << q;
    }
    const int64_t* lo = kNibblePos[m & 15];
    for (int q = 0; q < 4; q++) StoreInt64(out + 8 * (j + q), base + i + lo[q]);
    j += kNibbleCount[m & 15];
    const int64_t* hi = kNibblePos[m >> 4];
    for (int q = 0; q < 4; q++) StoreInt64(out + 8 * (j + q), base + i + 4 + hi[q]);
    j += kNibbleCount[m >> 4];
  }
  for (; i < n && j < end; i++) {
    if (Load<T, Swap>(p + i * s) != 0) StoreInt64(out + 8 * j++, base + i);
  }
  return j;
}

// The coordinates (or, flat, the C-order positions) of the non-zero items of
// R, in C order, at most `count` of them; returns how many were written.
// Each row's last-axis positions (flat: C-order positions) go straight to
// their output (NonzeroPositions); the row's outer coordinates follow.
template <class T, bool Swap>
int64_t NonzeroItems(const Region& R, const std::vector<uint8_t*>& outs, int64_t count, bool flat) {
  size_t nd = R.shape.size();
  int64_t n = nd == 0 ? 1 : R.shape.back();
  int64_t s = nd == 0 ? 0 : R.strides.back();
  std::vector<int64_t> idx(nd == 0 ? 0 : nd - 1, 0);
  std::vector<int64_t> zero(idx.size() + 1, 0);
  uint8_t* last = flat ? outs[0] : outs[nd - 1];
  int64_t j = 0, row = 0;
  WalkRows(R.shape, R.strides, zero, [&](int64_t a, int64_t) {
    if (j >= count) return;
    int64_t j0 = j;
    // SAFETY: as in FoldRows; the stores of NonzeroPositions and below are
    // at items j0 <= q < j <= count of outputs checked by ReadInt64Outs.
    j = NonzeroPositions<T, Swap>(R.base + a, n, s, flat ? row : 0, last, j, count);
    if (!flat) {
      for (size_t d = 0; d + 1 < nd; d++) {
        for (int64_t q = j0; q < j; q++) StoreInt64(outs[d] + 8 * q, idx[d]);
      }
    }
    row += n;
    // The odometer of the outer axes, in step with WalkRows' own.
    for (size_t k = idx.size(); k-- > 0;) {
      if (++idx[k] < R.shape[k]) break;
      idx[k] = 0;
    }
  });
  return j;
}

// nonzero(memory, byteOffset, shape, strides, type, swap, outMemories, outOffsets, count, flat) -> written
// Writes the coordinates of the non-zero items of a strided n-d region (one
// int64 output per axis; with `flat` one output of C-order positions), in C
// order, at most `count` of them (the caller's count).
Napi::Value Nonzero(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "nonzero";
  std::vector<int64_t> shape, strides;
  int64_t type, count;
  if (info.Length() < 10 || !ToInts(info[2], &shape) || shape.empty() || !ToInts(info[3], &strides) ||
      !ToInt(info[4], &type) || type < kF8 || type > kU8 || !ToInt(info[8], &count) || count < 0) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  bool flat = ToBool(info[9]);
  Region R;
  if (!ReadRegion(info, 0, 1, shape, strides, kItemsize[type], false, what, &R)) return env.Undefined();
  std::vector<Memory> keep;
  std::vector<uint8_t*> outs;
  if (!ReadInt64Outs(env, info[6], info[7], count, what, &keep, &outs)) return env.Undefined();
  if (outs.size() != (flat ? 1 : R.shape.size())) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  if (R.size == 0 || count == 0) return Napi::Number::New(env, 0);
  bool swap = ToBool(info[5]);
  int64_t j = WithType(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return swap ? NonzeroItems<T, true>(R, outs, count, flat) : NonzeroItems<T, false>(R, outs, count, flat);
  });
  return Napi::Number::New(env, static_cast<double>(j));
}

// ------------------------------------------------------------ searchsorted
// lib/sort.ts compares 64-bit integers exactly and every other type as a
// double, in NumPy's order (NaN last, ±0 equal); the caller pairs a and v so
// that both sides compare the same way (both 64-bit integers of one type, or
// neither). V is that comparison type.

template <class V>
inline bool Lt(V x, V k) {
  if constexpr (std::is_floating_point_v<V>) {
    return x < k || (k != k && x == x);
  } else {
    return x < k;
  }
}

template <class V>
inline bool Le(V x, V k) {
  if constexpr (std::is_floating_point_v<V>) {
    return x <= k || k != k;
  } else {
    return x <= k;
  }
}

// True when a T is compared as a C: 64-bit integers as themselves, every
// other type as a double.
template <class T, class C>
constexpr bool kPaired = std::is_same_v<T, int64_t> || std::is_same_v<T, uint64_t> ? std::is_same_v<T, C> : std::is_same_v<C, double>;

template <class T, bool Swap, class V>
inline V ValueAt(const uint8_t* p) {
  return static_cast<V>(Load<T, Swap>(p));
}

// True when the n items of a are in NumPy's sort order.
template <class T, bool Swap, class V>
bool IsSorted(const uint8_t* a, int64_t n, int64_t stride) {
  if (n == 0) return true;
  // SAFETY: i < n items of the checked region.
  V prev = ValueAt<T, Swap, V>(a);
  for (int64_t i = 1; i < n; i++) {
    V x = ValueAt<T, Swap, V>(a + i * stride);
    if (Lt(x, prev)) return false;
    prev = x;
  }
  return true;
}

// The m keys of a search as V, read a chunk at a time into a buffer on the
// stack. (A copy of all m keys as V cost an m-item allocation a call: 80 MB
// of fresh pages for 10M float64 keys, most of the call's time on a VM
// whose host backs each new page on its first touch.)
template <class V>
class KeyReader {
 public:
  static constexpr int64_t kChunk = 2048;
  KeyReader(const uint8_t* base, int64_t m, int64_t stride, int64_t type, bool swap)
      : base_(base), m_(m), stride_(stride), type_(type), swap_(swap) {}
  int64_t size() const { return m_; }

  // Calls fn(j0, keys, count) on the keys [j0, j0 + count), chunk by chunk
  // in order, until fn returns false; false then, else true.
  template <class Fn>
  bool ForChunks(Fn fn) const {
    V buf[kChunk] = {};
    for (int64_t j0 = 0; j0 < m_; j0 += kChunk) {
      const int64_t c = std::min(kChunk, m_ - j0);
      Read(j0, c, buf);
      if (!fn(j0, static_cast<const V*>(buf), c)) return false;
    }
    return true;
  }

  // True when the keys ascend in NumPy's order (Lt).
  bool Ascending() const {
    bool any = false;
    V prev{};
    return ForChunks([&](int64_t, const V* k, int64_t c) {
      for (int64_t q = 0; q < c; q++) {
        if (any && Lt(k[q], prev)) return false;
        prev = k[q];
        any = true;
      }
      return true;
    });
  }

 private:
  void Read(int64_t j0, int64_t c, V* out) const {
    WithType(type_, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (kPaired<T, V>) {
        const uint8_t* p = base_ + j0 * stride_;
        // SAFETY: j0 + q < m: items of the checked region.
        if (swap_) {
          for (int64_t q = 0; q < c; q++) out[q] = ValueAt<T, true, V>(p + q * stride_);
        } else {
          for (int64_t q = 0; q < c; q++) out[q] = ValueAt<T, false, V>(p + q * stride_);
        }
      }
    });
  }
  const uint8_t* base_;
  int64_t m_, stride_, type_;
  bool swap_;
};

// NumPy's search loop (npysort/binsearch.cpp), probe for probe: while the
// keys ascend a search starts at the last answer, after a smaller key it
// runs from 0 up to the last answer. Over an unsorted `a` (where NumPy's
// answers depend on the probes) only this loop gives NumPy's answers.
// `item(mid, &x)` loads the mid-th item of the searched order (false: a bad
// sorter index, which ends the search).
template <class V, bool Right, class Item>
bool HintedLoop(int64_t n, const KeyReader<V>& keys, uint8_t* d, Item item) {
  int64_t lo = 0, hi = n;
  V last{};
  bool started = false;
  return keys.ForChunks([&](int64_t j0, const V* ks, int64_t c) {
    for (int64_t q = 0; q < c; q++) {
      V k = ks[q];
      if (!started) {
        last = k;  // the first key: lo = 0, hi = n
        started = true;
      }
      if (Lt(last, k)) {
        hi = n;
      } else {
        lo = 0;
        hi = hi < n ? hi + 1 : n;
      }
      last = k;
      while (lo < hi) {
        int64_t mid = lo + ((hi - lo) >> 1);
        V x{};
        if (!item(mid, &x)) return false;
        if (Right ? Le(x, k) : Lt(x, k)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      // SAFETY: j0 + q < m items of the checked output.
      StoreInt64(d + 8 * (j0 + q), lo);
    }
    return true;
  });
}

template <class T, bool Swap, class V, bool Right>
void SearchHinted(const uint8_t* a, int64_t n, int64_t stride, const KeyReader<V>& keys, uint8_t* d) {
  HintedLoop<V, Right>(n, keys, d, [&](int64_t mid, V* x) {
    // SAFETY: 0 <= mid < n (HintedLoop's bounds): an item of the checked region.
    *x = ValueAt<T, Swap, V>(a + mid * stride);
    return true;
  });
}

// Over a sorted `a` every search gives the same answer, so this one is free
// to be fast for keys in no order: each search runs over the whole range
// (its first probes hit the same few items, which stay cached), the bounds
// move by selects, and both possible next probes are prefetched, so two
// cache misses are in flight. (Bounds moved by arithmetic on the comparison
// made a search of 10M float64 items 1.6-1.9x slower.)
template <class T, bool Swap, class V, bool Right>
inline int64_t SearchOne(const uint8_t* a, int64_t n, int64_t stride, V k) {
  int64_t base = 0, len = n;
  while (len > 1) {
    int64_t half = len >> 1;
    // SAFETY: base + len <= n throughout, so base + half / 2 and
    // base + half + (len - half) / 2 are below n: items of the checked region.
    __builtin_prefetch(a + (base + (half >> 1)) * stride);
    __builtin_prefetch(a + (base + half + ((len - half) >> 1)) * stride);
    V x = ValueAt<T, Swap, V>(a + (base + half) * stride);
    base = (Right ? Le(x, k) : Lt(x, k)) ? base + half : base;
    len -= half;
  }
  if (n == 0) return 0;
  // SAFETY: base < n.
  V x = ValueAt<T, Swap, V>(a + base * stride);
  return base + ((Right ? Le(x, k) : Lt(x, k)) ? 1 : 0);
}

template <class T, bool Swap, class V, bool Right>
void SearchSorted(const uint8_t* a, int64_t n, int64_t stride, const KeyReader<V>& keys, uint8_t* d) {
  keys.ForChunks([&](int64_t j0, const V* ks, int64_t c) {
    // SAFETY: j0 + q < m items of the checked output.
    for (int64_t q = 0; q < c; q++) StoreInt64(d + 8 * (j0 + q), SearchOne<T, Swap, V, Right>(a, n, stride, ks[q]));
    return true;
  });
}

// A sorted `a` whose items lie near the line from its first item to its last
// (histogram edges, a linspace, evenly spread data): a key's place on that
// line, place(k) = floor((k - first) * (n - 1) / (last - first)) clamped to
// [0, n - 1], is within E of its answer, E the most any item's place is from
// its index. place is monotone (IEEE rounding is), so an item a[i] <= k has
// i <= place(a[i]) + E <= place(k) + E, and an item above k has
// i >= place(k) - E: the answer lies in [place(k) - E, place(k) + E + 1],
// searched by bisection as any other range, so the answers are exact
// whatever E is. Taken only when that range is much narrower than `a`
// (histogramdd's 65 float64 edges: 1 probe a key, not 7), and only for an
// `a` of at most kGuidedMax items: over 10M items the pass that finds E cost
// more than the probes it saved. False when it is not taken (also when `a`
// has no line: fewer than two items, equal or infinite ends).
constexpr int64_t kGuidedMax = int64_t(1) << 16;

template <class T, bool Swap, bool Right>
bool SearchGuided(const uint8_t* a, int64_t n, int64_t stride, const KeyReader<double>& keys, uint8_t* d) {
  if (n < 2 || n > kGuidedMax) return false;
  // SAFETY: items 0 and n - 1 of the checked region.
  const double first = ValueAt<T, Swap, double>(a);
  const double last = ValueAt<T, Swap, double>(a + (n - 1) * stride);
  // A sorted `a` has its NaNs last: a finite last item means none.
  if (!(first < last) || !std::isfinite(first) || !std::isfinite(last)) return false;
  const double scale = static_cast<double>(n - 1) / (last - first);
  if (!std::isfinite(scale) || !(scale > 0)) return false;
  const double top = static_cast<double>(n - 1);
  auto place = [first, scale, top](double k) -> int64_t {
    double g = (k - first) * scale;
    if (!(g >= 0)) g = 0;
    if (g > top) g = top;
    return static_cast<int64_t>(g);
  };
  int64_t e = 0;
  for (int64_t i = 0; i < n; i++) {
    // SAFETY: i < n items of the checked region.
    const int64_t off = place(ValueAt<T, Swap, double>(a + i * stride)) - i;
    e = std::max(e, off < 0 ? -off : off);
  }
  if (e > 1 && (2 * e + 2) * 4 > n) return false;
  keys.ForChunks([&](int64_t j0, const double* ks, int64_t c) {
    for (int64_t q = 0; q < c; q++) {
      const double k = ks[q];
      int64_t at;
      if (k != k) {
        at = SearchOne<T, Swap, double, Right>(a, n, stride, k);
      } else {
        const int64_t g = place(k);
        int64_t lo = std::max<int64_t>(0, g - e), hi = std::min<int64_t>(n, g + e + 1);
        while (lo < hi) {
          const int64_t mid = lo + ((hi - lo) >> 1);
          // SAFETY: 0 <= lo <= mid < hi <= n: an item of the checked region.
          const double x = ValueAt<T, Swap, double>(a + mid * stride);
          if (Right ? x <= k : x < k) lo = mid + 1;
          else hi = mid;
        }
        at = lo;
      }
      // SAFETY: j0 + q < m items of the checked output.
      StoreInt64(d + 8 * (j0 + q), at);
    }
    return true;
  });
  return true;
}

// Ascending keys over a sorted `a`: each answer is at or past the last one,
// so a search gallops from there (steps 1, 2, 4, ... until an item is not
// below the key, then a binary search inside the last step): about
// 2 log2(gap) probes, near each other, where a search over [last, n) takes
// log2(n - last).
template <class T, bool Swap, class V, bool Right>
void SearchGallop(const uint8_t* a, int64_t n, int64_t stride, const KeyReader<V>& keys, uint8_t* d) {
  int64_t last = 0;
  keys.ForChunks([&](int64_t j0, const V* ks, int64_t c) {
    for (int64_t q = 0; q < c; q++) {
      V k = ks[q];
      // Every item below lo is below the key (Right: not above it).
      int64_t lo = last, hi = last, step = 1;
      for (;;) {
        if (hi >= n) {
          hi = n;
          break;
        }
        // SAFETY: 0 <= hi < n: an item of the checked region.
        V x = ValueAt<T, Swap, V>(a + hi * stride);
        if (!(Right ? Le(x, k) : Lt(x, k))) break;
        lo = hi + 1;
        hi = lo + step;
        step <<= 1;
      }
      while (lo < hi) {
        int64_t mid = lo + ((hi - lo) >> 1);
        // SAFETY: lo <= mid < hi <= n: an item of the checked region.
        V x = ValueAt<T, Swap, V>(a + mid * stride);
        if (Right ? Le(x, k) : Lt(x, k)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      last = lo;
      // SAFETY: j0 + q < m items of the checked output.
      StoreInt64(d + 8 * (j0 + q), lo);
    }
    return true;
  });
}

// The sorter's k-th index (k < its length), or -1 when it is outside [0, n):
// NumPy's "Sorter index out of range", raised only for an index a search
// probes. A runtime switch per probe: it costs less than the probe's miss.
inline int64_t SorterAt(const Indices& S, int64_t k, int64_t n) {
  // SAFETY: k < the sorter's count: an item of its checked region.
  const uint8_t* p = S.region.base + k * S.region.strides[0];
  int64_t v = WithType(S.type, [&](auto tag) -> int64_t {
    using I = typename decltype(tag)::type;
    if constexpr (std::is_integral_v<I>) {
      return S.swap ? IndexAt<I, true>(p) : IndexAt<I, false>(p);
    } else {
      return -1;  // ReadIndices admits integer types only
    }
  });
  return v >= 0 && v < n ? v : -1;
}

// NumPy's loop over a[sorter[i]] (its argbinsearch, probe for probe);
// false when a probe met a sorter index out of range.
template <class T, bool Swap, class V, bool Right>
bool SearchWithSorter(const uint8_t* a, int64_t n, int64_t stride, const KeyReader<V>& keys, uint8_t* d, const Indices& S) {
  return HintedLoop<V, Right>(n, keys, d, [&](int64_t mid, V* x) {
    int64_t at = SorterAt(S, mid, n);
    if (at < 0) return false;
    // SAFETY: 0 <= at < n: an item of the checked region.
    *x = ValueAt<T, Swap, V>(a + at * stride);
    return true;
  });
}

template <class T, bool Swap, class V, bool Right>
void SearchItems(const uint8_t* a, int64_t n, int64_t stride, const KeyReader<V>& keys, uint8_t* d) {
  // The sortedness check costs one pass over `a`: worth it only when the
  // searches cost more (about log2(n) misses each). Over an `a` that is not
  // sorted only NumPy's own loop gives NumPy's answers.
  int64_t m = keys.size();
  if (m >= n / 64 && IsSorted<T, Swap, V>(a, n, stride)) {
    if (keys.Ascending()) {
      SearchGallop<T, Swap, V, Right>(a, n, stride, keys, d);
    } else {
      if constexpr (std::is_same_v<V, double>) {
        if (SearchGuided<T, Swap, Right>(a, n, stride, keys, d)) return;
      }
      SearchSorted<T, Swap, V, Right>(a, n, stride, keys, d);
    }
  } else {
    SearchHinted<T, Swap, V, Right>(a, n, stride, keys, d);
  }
}

// searchsorted(aMemory, aOffset, n, aStride, aType, aSwap, vMemory, vOffset, m, vStride, vType, vSwap, right, dst, dstOffset
//              [, sMemory, sOffset, n, sStride, sType, sSwap])
// The insertion point of each of the m items of v in the n items of a (left:
// the first, right: the last) as native int64 into dst, NumPy's answers even
// for an unsorted a. 64-bit integer types must be paired with themselves.
// With a sorter (n integers), a is searched as a[sorter]; returns 1 when a
// search probed a sorter index outside [0, n) (dst is then partly written),
// else 0.
Napi::Value Searchsorted(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "searchsorted";
  int64_t n, as, at, m, vs, vt;
  if (info.Length() < 15 || !ToInt(info[2], &n) || n < 0 || !ToInt(info[3], &as) || !ToInt(info[4], &at) || at < kF8 ||
      at > kU8 || !ToInt(info[8], &m) || m < 0 || !ToInt(info[9], &vs) || !ToInt(info[10], &vt) || vt < kF8 || vt > kU8 ||
      ((at == kI8 || at == kU8 || vt == kI8 || vt == kU8) && at != vt)) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region A, V, D;
  if (!ReadRegion(info, 0, 1, {n}, {as}, kItemsize[at], false, what, &A) ||
      !ReadRegion(info, 6, 7, {m}, {vs}, kItemsize[vt], false, what, &V) ||
      !ReadRegion(info, 13, 14, {m}, {8}, 8, true, what, &D)) {
    return env.Undefined();
  }
  Indices S;
  bool sorted = info.Length() >= 21 && !info[15].IsNull();
  if (sorted) {
    if (!ReadIndices(info, 15, what, &S)) return env.Undefined();
    if (S.region.size != n) {
      ThrowArgs(env, what);
      return env.Undefined();
    }
  }
  if (m == 0) return Napi::Number::New(env, 0);
  bool aSwap = ToBool(info[5]), vSwap = ToBool(info[11]), right = ToBool(info[12]);
  bool ok = true;
  auto run = [&](auto cmpTag) {
    using C = typename decltype(cmpTag)::type;
    const KeyReader<C> keys(V.base, m, vs, vt, vSwap);
    WithType(at, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (kPaired<T, C>) {
        if (sorted) {
          if (aSwap) {
            ok = right ? SearchWithSorter<T, true, C, true>(A.base, n, as, keys, D.base, S)
                       : SearchWithSorter<T, true, C, false>(A.base, n, as, keys, D.base, S);
          } else {
            ok = right ? SearchWithSorter<T, false, C, true>(A.base, n, as, keys, D.base, S)
                       : SearchWithSorter<T, false, C, false>(A.base, n, as, keys, D.base, S);
          }
          return;
        }
        if (aSwap) {
          if (right) SearchItems<T, true, C, true>(A.base, n, as, keys, D.base);
          else SearchItems<T, true, C, false>(A.base, n, as, keys, D.base);
        } else {
          if (right) SearchItems<T, false, C, true>(A.base, n, as, keys, D.base);
          else SearchItems<T, false, C, false>(A.base, n, as, keys, D.base);
        }
      }
    });
  };
  if (at == kI8) run(Tag<int64_t>{});
  else if (at == kU8) run(Tag<uint64_t>{});
  else run(Tag<double>{});
  return Napi::Number::New(env, ok ? 0 : 1);
}

// ------------------------------------------------------------ axis products
//
// prod(axis) as lib/reduce-axis.ts's JS fold does it: each item multiplied
// into its output element in walk order (sequentially along a row, as
// NumPy's multiply.reduce), in float64 or in wrapping 64-bit integers
// (FoldProdRows over FloatMul / FoldRows over IntMul). Its own entry point
// (not an AxisReduce op) so the two change independently.

// axisProd(memory, byteOffset, shape, strides, outStrides, type, swap, out)
// Walks (shape, byte strides) in C order, multiplying item i into output
// element sum(i_k * outStrides_k) of `out`, which holds the starting values:
// a Float64Array (float64 products; any element type) or a BigInt64Array
// (wrapping 64-bit products; integer and bool element types).
Napi::Value AxisProd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "axisProd";
  std::vector<int64_t> shape, strides, so;
  int64_t type;
  if (info.Length() < 8 || !ToInts(info[2], &shape) || !ToInts(info[3], &strides) || !ToInts(info[4], &so) ||
      so.size() != shape.size() || !ToInt(info[5], &type) || type < kF8 || type > kU8) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  double* outD = nullptr;
  int64_t* outI = nullptr;
  int64_t outLength = 0;
  bool integer = info[7].IsTypedArray() && info[7].As<Napi::TypedArray>().TypedArrayType() == napi_bigint64_array;
  bool okOut = integer ? ReadOut<int64_t>(info[7], napi_bigint64_array, &outI, &outLength)
                       : ReadOut<double>(info[7], napi_float64_array, &outD, &outLength);
  if (!okOut || (integer && (type == kF8 || type == kF4))) {
    ThrowArgs(env, what);
    return env.Undefined();
  }
  Region R;
  if (!ReadRegion(info, 0, 1, shape, strides, kItemsize[type], false, what, &R)) return env.Undefined();
  if (R.size == 0) return env.Undefined();
  int64_t top = 0;
  if (!CheckAxisOut(env, shape, so, outLength, what, &top)) return env.Undefined();
  bool swap = ToBool(info[6]);
  WithType(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto run = [&](auto swapTag) {
      constexpr bool S = decltype(swapTag)::value;
      if constexpr (!std::is_floating_point_v<T>) {
        if (integer) return FoldRows<IntMul, T, S>(R, so, outI, IntMul{});
      }
      return FoldProdRows<T, S>(R, so, outD);
    };
    if (swap) run(std::true_type{});
    else run(std::false_type{});
  });
  return env.Undefined();
}

}  // namespace

int64_t CountNonzeroBytes(const uint8_t* p, int64_t n) {
  // SAFETY: the caller's contract: p[0, n) lies inside one checked range.
  return CountBytes(p, n);
}

void InitIndexKernels(Napi::Env env, Napi::Object exports) {
  Napi::Object k = Napi::Object::New(env);
  k.Set("axisReduce", Napi::Function::New(env, AxisReduce, "axisReduce"));
  k.Set("argReduce", Napi::Function::New(env, ArgReduce, "argReduce"));
  k.Set("addAt", Napi::Function::New(env, AddAt, "addAt"));
  k.Set("ufuncAt", Napi::Function::New(env, UfuncAt, "ufuncAt"));
  k.Set("ufuncAtMulti", Napi::Function::New(env, UfuncAtMulti, "ufuncAtMulti"));
  k.Set("ufuncAccumulate", Napi::Function::New(env, UfuncAccumulate, "ufuncAccumulate"));
  k.Set("ufuncReduceat", Napi::Function::New(env, UfuncReduceat, "ufuncReduceat"));
  k.Set("take", Napi::Function::New(env, Take, "take"));
  k.Set("compress", Napi::Function::New(env, Compress, "compress"));
  k.Set("put", Napi::Function::New(env, Put, "put"));
  k.Set("argsort", Napi::Function::New(env, Argsort, "argsort"));
  k.Set("binMax", Napi::Function::New(env, BinMax, "binMax"));
  k.Set("binAdd", Napi::Function::New(env, BinAdd, "binAdd"));
  k.Set("nonzero", Napi::Function::New(env, Nonzero, "nonzero"));
  k.Set("searchsorted", Napi::Function::New(env, Searchsorted, "searchsorted"));
  k.Set("axisProd", Napi::Function::New(env, AxisProd, "axisProd"));
  exports.Set("indexKernels", k);
}

}  // namespace mmarray
