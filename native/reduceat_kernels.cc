// NumPy's ufunc.reduceat for add, multiply, minimum and maximum: every group
// of every lane in one call (lib/reduceat.ts is its front), instead of one
// JS reduction per group. The bits are NumPy's reduce inner loops':
// - a float sum is a[s] + pairwise(a[s+1:e]) (NumPy's reduce loop adds the
//   pairwise sum of the rest to the first item, so its blocks start one item
//   later than sum(a[s:e])'s);
// - a float product runs item by item from a[s] (NumPy's multiply reduce
//   has no pairwise tree);
// - integers wrap (computed unsigned); integer minimum and maximum are exact.
// Float minimum and maximum stay in JS: NumPy's vector loops there pick a
// zero's sign by lane, not by a rule a scalar loop can repeat.
// fp-contract off: a product or sum must not fuse into an FMA.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("fp-contract=off")
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
#include "type_codes.h"
#include "reduceat_kernels.h"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "group_starts.h"
#include "kernel_operand.h"
#include "kernels.h"
#include "napi_util.h"
#include "pairwise.h"

namespace mmarray {
namespace {

using namespace types;  // NOLINT: the type codes of type_codes.h

enum Op { kAdd = 0, kMultiply = 1, kMinimum = 2, kMaximum = 3 };

template <class T>
using Wide = std::conditional_t<(sizeof(T) <= 4), uint32_t, uint64_t>;

// One item of type T at p, in either byte order; p need not be aligned.
template <class T, bool Swap>
inline T Load(const uint8_t* p) {
  T v;
  // SAFETY: the callers pass p inside the checked input layout (ReadOperand).
  std::memcpy(&v, p, sizeof(T));
  if constexpr (Swap) {
    uint8_t b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    for (size_t i = 0; i < sizeof(T) / 2; i++) std::swap(b[i], b[sizeof(T) - 1 - i]);
    std::memcpy(&v, b, sizeof(T));
  }
  return v;
}

// NumPy's pairwise leaf (n <= 128 items, eight accumulators: lane j of
// the vector is accumulator j, each lane's adds IEEE adds in the same order,
// so the bits are those of PairwiseLeafIn) over a plain aligned pointer.
// Written for the groups of a reduceat: through Load, GCC kept the eight
// accumulators on the stack, one scalar add, load and store per item, and
// pairwise.cc's PairwiseContiguous costs a call and its recursion's stack
// setup per group. addReduceat of 10M float64 in 100k groups, min CPU of
// 15 rounds, median of 3 interleaved processes, load 18 (AMD EPYC Zen 4):
// 6.24 ms through Load, 5.05-5.26 through PairwiseContiguous, 4.71 here
// (NumPy 2.81). Run is built for AVX2, where the eight lanes are two vectors.
// SAFETY: a[0, n) are the caller's checked, aligned items.
template <class T>
__attribute__((always_inline)) inline T LeafPlain(const T* a, int64_t n) {
  if (n < 8) {
    // From -0.0, as NumPy's leaf: only -0 items then sum to -0 (0 + -0 is 0).
    T res = -0.0;
    for (int64_t i = 0; i < n; i++) res += a[i];
    return res;
  }
  // Two vectors of four lanes (accumulators 0-3 and 4-7): one 8-lane
  // vector of doubles was kept on the stack between iterations by GCC.
  using V __attribute__((vector_size(4 * sizeof(T)))) = T;
  V lo, hi;
  std::memcpy(&lo, a, sizeof lo);
  std::memcpy(&hi, a + 4, sizeof hi);
  int64_t i;
  for (i = 8; i < n - (n % 8); i += 8) {
    V u, v;
    std::memcpy(&u, a + i, sizeof u);
    std::memcpy(&v, a + i + 4, sizeof v);
    lo += u;
    hi += v;
  }
  T r[8];
  std::memcpy(r, &lo, sizeof lo);
  std::memcpy(r + 4, &hi, sizeof hi);
  T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (; i < n; i++) res += a[i];
  return res;
}

// The reduction of the m > 0 items at p (byte stride s) with op.
// Inlined into Run, so that its clones build the loops for their sets.
template <class T, bool Swap>
__attribute__((always_inline)) inline T Group(const uint8_t* p, int64_t m, int64_t s, int op) {
  T r = Load<T, Swap>(p);
  if (m == 1) return r;
  const uint8_t* q = p + s;
  const int64_t rest = m - 1;
  if constexpr (std::is_floating_point_v<T>) {
    if (op == kAdd) {
      // SAFETY: the rest items q + i * s, i < rest, are the group's.
      const auto load = [](const uint8_t* x) { return Load<T, Swap>(x); };
      if constexpr (!Swap) {
        if (s == static_cast<int64_t>(sizeof(T)) && reinterpret_cast<uintptr_t>(q) % alignof(T) == 0) {
          // Native, aligned and contiguous: the leaf over a plain pointer
          // with its eight accumulators in vector lanes (LeafPlain); a
          // longer rest takes pairwise.cc's recursion (its leaves the same).
          // SAFETY: the rest items are the group's, checked by the caller,
          // and q is aligned for T (just checked).
          const T* a = reinterpret_cast<const T*>(q);
          if (rest <= 128) return r + LeafPlain<T>(a, rest);
          if constexpr (std::is_same_v<T, double>) return r + PairwiseContiguous(a, rest);
          else return r + PairwiseContiguousF4(a, rest);
        }
      }
      if (s == static_cast<int64_t>(sizeof(T))) {
        // Contiguous but swapped or unaligned: the stride a constant. No
        // prefetch hints: the hardware prefetcher follows a contiguous row
        // by itself, and a hint per 8 items cost more than the adds (see
        // PairwiseNearIn).
        constexpr int64_t kS = sizeof(T);
        if (rest <= 128) return r + PairwiseLeafIn<T, false>(q, rest, kS, load);
        return r + PairwiseStridedIn<T>(q, rest, kS, load);
      }
      return r + PairwiseStridedIn<T>(q, rest, s, load);
    }
    // Multiply (the JS front sends no float minimum or maximum).
    for (int64_t i = 0; i < rest; i++) r = r * Load<T, Swap>(q + i * s);
    return r;
  } else {
    using W = Wide<T>;
    switch (op) {
      case kAdd: {
        W acc = static_cast<W>(r);
        for (int64_t i = 0; i < rest; i++) acc = static_cast<W>(acc + static_cast<W>(Load<T, Swap>(q + i * s)));
        return static_cast<T>(acc);
      }
      case kMultiply: {
        W acc = static_cast<W>(r);
        for (int64_t i = 0; i < rest; i++) acc = static_cast<W>(acc * static_cast<W>(Load<T, Swap>(q + i * s)));
        return static_cast<T>(acc);
      }
      case kMinimum:
        for (int64_t i = 0; i < rest; i++) {
          const T v = Load<T, Swap>(q + i * s);
          r = v < r ? v : r;
        }
        return r;
      default:
        for (int64_t i = 0; i < rest; i++) {
          const T v = Load<T, Swap>(q + i * s);
          r = v > r ? v : r;
        }
        return r;
    }
  }
}

// The walk: `shape` is the input's, with the reduced axis last (the JS
// front moves it there); the output has the same outer axes and starts.size()
// items along the last one.
struct Job {
  std::vector<int64_t> shape;
  const Operand* in;
  const Operand* out;
  std::vector<int64_t> starts;
  int op;
};

// Also built for AVX2 (LeafPlain's vector lanes): adds only, no contraction
// (fp-contract is off above), so the clones give the same bits.
template <class T, bool Swap>
__attribute__((target_clones("avx2", "default"))) void Run(const Job& j) {
  const size_t nd = j.shape.size();
  const int64_t n = j.shape[nd - 1];
  const int64_t s = j.in->strides[nd - 1], d = j.out->strides[nd - 1];
  const int64_t g = static_cast<int64_t>(j.starts.size());
  std::vector<int64_t> idx(nd - 1, 0);
  int64_t a = 0, b = 0;
  for (;;) {
    for (int64_t i = 0; i < g; i++) {
      const int64_t st = j.starts[static_cast<size_t>(i)];
      const int64_t en = i + 1 < g ? j.starts[static_cast<size_t>(i) + 1] : n;
      // indices[i] >= indices[i+1]: the group is a[indices[i]] alone.
      const int64_t m = en > st ? en - st : 1;
      // SAFETY: 0 <= st < st + m <= n (the starts are checked in [0, n)),
      // so every item read is in the lane at a, inside the checked input
      // layout; i < g items of the output lane at b, inside its layout.
      const T r = Group<T, Swap>(j.in->base + a + st * s, m, s, j.op);
      std::memcpy(j.out->base + b + i * d, &r, sizeof(T));
    }
    size_t t = nd - 1;
    for (;;) {
      if (t == 0) return;
      t--;
      idx[t]++;
      a += j.in->strides[t];
      b += j.out->strides[t];
      if (idx[t] < j.shape[t]) break;
      a -= j.in->strides[t] * j.shape[t];
      b -= j.out->strides[t] * j.shape[t];
      idx[t] = 0;
    }
  }
}

template <bool Swap>
bool Dispatch(int type, const Job& j) {
  switch (type) {
    case kF8: Run<double, Swap>(j); return true;
    case kF4: Run<float, Swap>(j); return true;
    case kI1: Run<int8_t, Swap>(j); return true;
    case kU1: Run<uint8_t, Swap>(j); return true;
    case kI2: Run<int16_t, Swap>(j); return true;
    case kU2: Run<uint16_t, Swap>(j); return true;
    case kI4: Run<int32_t, Swap>(j); return true;
    case kU4: Run<uint32_t, Swap>(j); return true;
    case kI8: Run<int64_t, Swap>(j); return true;
    case kU8: Run<uint64_t, Swap>(j); return true;
    default: return false;
  }
}

// kernelReduceat(op, shape, starts, input, output): op 0 add, 1 multiply,
// 2 minimum, 3 maximum (integers only); shape the input's with the reduced
// axis last (every length > 0); starts the group starts as group_starts.h
// reads them (at least one, each an integer in [0, lane length)); input
// [memory, byteOffset, strides, type, swap] over shape; output the same over
// shape with the starts' count as the last length, of the input's type, in
// native byte order, not overlapping the input.
Napi::Value KernelReduceat(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "kernelReduceat";
  Job job;
  int64_t op;
  if (info.Length() < 5 || !ToInt(info[0], &op) || op < kAdd || op > kMaximum || !ToInts(info[1], &job.shape) || job.shape.empty()) {
    ThrowType(env, "kernelReduceat(op, shape, starts, input, output): bad arguments");
    return env.Undefined();
  }
  job.op = static_cast<int>(op);
  for (int64_t d : job.shape) {
    if (d <= 0) {
      ThrowRange(env, "kernelReduceat: an axis of length 0");
      return env.Undefined();
    }
  }
  if (!ReadGroupStarts(env, what, info[2], job.shape.back(), &job.starts)) return env.Undefined();
  if (job.starts.empty()) {
    ThrowRange(env, "kernelReduceat: no group starts");
    return env.Undefined();
  }
  std::vector<int64_t> outShape = job.shape;
  outShape.back() = static_cast<int64_t>(job.starts.size());
  Operand in, out;
  if (!ReadOperand(env, what, info[3], job.shape, false, &in) || !ReadOperand(env, what, info[4], outShape, true, &out)) {
    return env.Undefined();
  }
  const bool isFloat = in.type == kF8 || in.type == kF4;
  if (out.type != in.type || out.swap || (isFloat && op >= kMinimum)) {
    ThrowType(env, "kernelReduceat: no loop for these types");
    return env.Undefined();
  }
  job.in = &in;
  job.out = &out;
  if (!(in.swap ? Dispatch<true>(in.type, job) : Dispatch<false>(in.type, job))) {
    ThrowType(env, "kernelReduceat: no loop for this type");
  }
  return env.Undefined();
}

}  // namespace

void InitReduceatKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("kernelReduceat", Napi::Function::New<KernelReduceat>(env, "kernelReduceat"));
}

}  // namespace mmarray
