// fp-contract off: a complex product's multiply and add must not fuse into
// an FMA (NumPy's loop and the JS reference round each step). Before every
// include, as in ufunc_kernels.cc (GCC does not inline across math flags).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("fp-contract=off")
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
#include "type_codes.h"
#include "accumulate_kernels.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "kernel_plan.h"
#include "kernel_operand.h"
#include "kernels.h"
#include "napi_util.h"

namespace mmarray {
namespace {

// Type codes of lib/kernels.ts CAST_CODES (as kernels.cc and ufunc_kernels.cc).
using namespace types;  // NOLINT: the type codes of type_codes.h

// Items per chunk: an accumulation buffer of 4096 items of at most 16 bytes
// (64 KiB) stays cache resident.
constexpr int64_t kChunk = 4096;

template <class P>
struct Cx {
  P re, im;
};

// The operations as the JS loops (lib/cumulative.ts) compute them: integers
// wrap (computed unsigned in at least 32 bits: no signed overflow, no int
// promotion surprises), floats round each step in their own type, a complex
// product is NumPy's (ar*br - ai*bi, ar*bi + ai*br), `a` the running result.
template <class T>
using Wide = std::conditional_t<(sizeof(T) <= 4), uint32_t, uint64_t>;

struct Add {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<Wide<T>>(a) + static_cast<Wide<T>>(b));
    else if constexpr (std::is_floating_point_v<T>) return a + b;
    else return T{a.re + b.re, a.im + b.im};
  }
};
struct Multiply {
  template <class T>
  static T Apply(T a, T b) {
    if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<Wide<T>>(a) * static_cast<Wide<T>>(b));
    else if constexpr (std::is_floating_point_v<T>) return a * b;
    else return T{a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
  }
};

// Scan of one piece of a row along the axis: d[i] = c = F(c, s[i]), c the
// running result carried in from the previous piece (the first item of a
// row is copied, not combined: 0.0 + -0.0 would lose the sign). Strides in
// items. s and d may be the very same items (in place): each s[i] is read
// before d[i] is written.
template <class T, class F>
void Scan(int64_t n, const T* s, int64_t ss, T* d, int64_t ds, T* carry, bool first) {
  int64_t i = 0;
  T c = *carry;
  if (first && n > 0) {
    c = s[0];
    d[0] = c;
    i = 1;
  }
  for (; i < n; i++) {
    c = F::Apply(c, s[i * ss]);
    d[i * ds] = c;
  }
  *carry = c;
}

// One step along the axis for m neighbouring rows: c[j] = F(c[j], s[j])
// (or s[j] for the axis's first item). c is the carry buffer.
template <class T, class F>
void Combine(int64_t m, const T* s, int64_t ss, T* __restrict c, bool first) {
  if (first) {
    for (int64_t j = 0; j < m; j++) c[j] = s[j * ss];
  } else {
    for (int64_t j = 0; j < m; j++) c[j] = F::Apply(c[j], s[j * ss]);
  }
}

// The loops of one accumulation type, type-erased (buffers are raw bytes of
// items of that type).
struct Loops {
  void (*scan)(int64_t n, const void* s, int64_t ss, void* d, int64_t ds, void* carry, bool first);
  void (*combine)(int64_t m, const void* s, int64_t ss, void* c, bool first);
};

template <class T, class F>
Loops LoopsOf() {
  return Loops{
      [](int64_t n, const void* s, int64_t ss, void* d, int64_t ds, void* carry, bool first) {
        Scan<T, F>(n, static_cast<const T*>(s), ss, static_cast<T*>(d), ds, static_cast<T*>(carry), first);
      },
      [](int64_t m, const void* s, int64_t ss, void* c, bool first) {
        Combine<T, F>(m, static_cast<const T*>(s), ss, static_cast<T*>(c), first);
      },
  };
}

template <class F>
bool PickFor(int type, Loops* out) {
  switch (type) {
    case kF8: *out = LoopsOf<double, F>(); return true;
    case kF4: *out = LoopsOf<float, F>(); return true;
    case kI1: *out = LoopsOf<int8_t, F>(); return true;
    case kU1: *out = LoopsOf<uint8_t, F>(); return true;
    case kI2: *out = LoopsOf<int16_t, F>(); return true;
    case kU2: *out = LoopsOf<uint16_t, F>(); return true;
    case kI4: *out = LoopsOf<int32_t, F>(); return true;
    case kU4: *out = LoopsOf<uint32_t, F>(); return true;
    case kI8: *out = LoopsOf<int64_t, F>(); return true;
    case kU8: *out = LoopsOf<uint64_t, F>(); return true;
    case kC8: *out = LoopsOf<Cx<float>, F>(); return true;
    case kC16: *out = LoopsOf<Cx<double>, F>(); return true;
    default: return false;  // bool and float16 have no accumulation loop (JS refuses them)
  }
}

// The accumulation over a checked input and output: the axis `axis` of
// `shape` (or, with axis -1, the whole array in C order as one flattened
// row). Rows are the last axis; when the axis is not the last one, m rows'
// items at one axis position are combined into a carry buffer at a time.
class AccumulateRun {
 public:
  AccumulateRun(const Operand& in, const Operand& out, int compute, Loops loops)
      : in_(in), out_(out), compute_(compute), csize_(kItemsize[compute]), loops_(loops) {
    in_cast_ = in.type == compute && !in.swap ? nullptr : CastRowFor(in.type, compute, in.swap, false);
    out_cast_ = out.type == compute && !out.swap ? nullptr : CastRowFor(compute, out.type, false, out.swap);
    // A complex item needs only its part's alignment.
    calign_ = static_cast<uintptr_t>(compute == kC8 || compute == kC16 ? csize_ / 2 : csize_);
    in_buf_.reset(new uint64_t[kChunk * 2]);
    res_buf_.reset(new uint64_t[kChunk * 2]);
  }

  // Items i0 .. i0 + m - 1 of the row at byte offsets a (input) and b
  // (output), strides sa and sb: scanned with the carry (first: a row's start).
  void ScanPiece(int64_t a, int64_t sa, int64_t b, int64_t sb, int64_t i0, int64_t m, bool first) {
    // SAFETY: items i0 .. i0 + m - 1 of this row lie in the checked layouts
    // (ReadOperand), so p, q and their last items are in bounds.
    const uint8_t* p = in_.base + a + i0 * sa;
    uint8_t* q = out_.base + b + i0 * sb;
    const void* s;
    int64_t ss;
    Source(p, sa, m, &s, &ss);
    if (Direct(out_cast_, q, sb)) {
      loops_.scan(m, s, ss, q, sb / csize_, carry_, first);
      return;
    }
    // SAFETY: res_buf_ holds kChunk >= m items of up to 16 bytes.
    uint8_t* res = reinterpret_cast<uint8_t*>(res_buf_.get());
    loops_.scan(m, s, ss, res, 1, carry_, first);
    Store(res, q, sb, m);
  }

  // The m neighbouring rows' items at one axis position, at byte offsets a
  // and b with strides sa and sb along the rows: combined into the carry
  // buffer (res_buf_) and written out.
  void CombinePiece(int64_t a, int64_t sa, int64_t b, int64_t sb, int64_t m, bool first) {
    // SAFETY: these m items of both operands lie in the checked layouts.
    const uint8_t* p = in_.base + a;
    uint8_t* q = out_.base + b;
    const void* s;
    int64_t ss;
    Source(p, sa, m, &s, &ss);
    uint8_t* c = reinterpret_cast<uint8_t*>(res_buf_.get());
    loops_.combine(m, s, ss, c, first);
    Store(c, q, sb, m);
  }

 private:
  // The m results at c (contiguous, the accumulation type) stored at q with
  // byte stride sb: cast to the output's type, or copied byte-wise when the
  // output has that very type but is not aligned for it (an out at an odd
  // offset of a buffer or mapping; ScanPiece once called the null cast here).
  void Store(const uint8_t* c, uint8_t* q, int64_t sb, int64_t m) {
    if (out_cast_ != nullptr) {
      out_cast_(c, csize_, q, sb, m);
    } else if (sb == csize_) {
      // SAFETY: m contiguous output items in bounds (the callers' layouts are
      // checked by ReadOperand); c holds m items.
      std::memcpy(q, c, static_cast<size_t>(m * csize_));
    } else {
      // SAFETY: as above, item j at q + j * sb is in bounds; memcpy needs no alignment.
      for (int64_t j = 0; j < m; j++) std::memcpy(q + j * sb, c + j * csize_, static_cast<size_t>(csize_));
    }
  }

  // The input's m items at p (byte stride sa) in the accumulation type:
  // in place when they already are (aligned, native order), else cast into
  // in_buf_. Returns the items and their stride in items.
  void Source(const uint8_t* p, int64_t sa, int64_t m, const void** s, int64_t* ss) {
    if (in_cast_ == nullptr && sa % csize_ == 0 && reinterpret_cast<uintptr_t>(p) % calign_ == 0) {
      *s = p;
      *ss = sa / csize_;
      return;
    }
    RowCastFn cast = in_cast_ != nullptr ? in_cast_ : CastRowFor(in_.type, compute_, false, false);
    // SAFETY: in_buf_ holds kChunk >= m items of up to 16 bytes.
    cast(p, sa, reinterpret_cast<uint8_t*>(in_buf_.get()), csize_, m);
    *s = in_buf_.get();
    *ss = 1;
  }

  bool Direct(RowCastFn cast, const uint8_t* q, int64_t sb) const {
    return cast == nullptr && sb % csize_ == 0 && reinterpret_cast<uintptr_t>(q) % calign_ == 0;
  }

  const Operand& in_;
  const Operand& out_;
  int compute_;
  int64_t csize_;
  uintptr_t calign_;
  Loops loops_;
  RowCastFn in_cast_ = nullptr;
  RowCastFn out_cast_ = nullptr;
  std::unique_ptr<uint64_t[]> in_buf_;
  std::unique_ptr<uint64_t[]> res_buf_;
  uint64_t carry_[2] = {0, 0};  // one item of up to 16 bytes, 8-byte aligned
};

// kernelAccumulate(op, computeType, shape, axis, input, output): op 0 is
// add (cumsum), 1 multiply (cumprod); computeType the accumulation type;
// input and output [memory, byteOffset, strides, type, swap] over `shape`;
// axis in [0, ndim), or -1 for the whole array as one C-order row (the
// output's strides then walk the flattened result in that order). The input
// must be the very same items as the output or not overlap it (JS copies it
// first otherwise).
Napi::Value KernelAccumulate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t op, compute, axis;
  std::vector<int64_t> shape;
  if (info.Length() < 6 || !ToInt(info[0], &op) || (op != 0 && op != 1) || !ToInt(info[1], &compute) || compute < 0 ||
      compute >= kTypeCount || !ToInts(info[2], &shape) || !ToInt(info[3], &axis) || axis < -1 ||
      axis >= static_cast<int64_t>(shape.size())) {
    ThrowType(env, "kernelAccumulate(op, computeType, shape, axis, input, output): bad arguments");
    return env.Undefined();
  }
  Loops loops;
  if (!(op == 0 ? PickFor<Add>(static_cast<int>(compute), &loops) : PickFor<Multiply>(static_cast<int>(compute), &loops))) {
    ThrowType(env, "kernelAccumulate: no accumulation loop for this type");
    return env.Undefined();
  }
  for (int64_t d : shape) {
    if (d < 0) {
      ThrowRange(env, "kernelAccumulate: negative axis length");
      return env.Undefined();
    }
  }
  Operand in, out;
  if (!ReadOperand(env, "kernelAccumulate", info[4], shape, false, &in) || !ReadOperand(env, "kernelAccumulate", info[5], shape, true, &out)) return env.Undefined();
  for (int64_t d : shape) {
    if (d == 0) return env.Undefined();
  }
  // A 0-d array is one row of one item.
  if (shape.empty()) {
    shape.push_back(1);
    in.strides.push_back(0);
    out.strides.push_back(0);
  }
  AccumulateRun run(in, out, static_cast<int>(compute), loops);
  const size_t nd = shape.size();
  const size_t last = nd - 1;
  const bool rows = axis < 0 || static_cast<size_t>(axis) == last;
  // The outer axes walked in C order: all but the last, and (when the
  // accumulation runs across rows) all but the axis too.
  std::vector<size_t> outer;
  for (size_t k = 0; k < last; k++) {
    if (rows || k != static_cast<size_t>(axis)) outer.push_back(k);
  }
  std::vector<int64_t> idx(outer.size(), 0);
  int64_t a = 0, b = 0;
  const int64_t n = shape[last];
  bool first_row = true;
  for (;;) {
    if (rows) {
      for (int64_t i0 = 0; i0 < n; i0 += kChunk) {
        int64_t m = n - i0 < kChunk ? n - i0 : kChunk;
        run.ScanPiece(a, in.strides[last], b, out.strides[last], i0, m, i0 == 0 && (axis >= 0 || first_row));
      }
      first_row = false;
    } else {
      const size_t ax = static_cast<size_t>(axis);
      for (int64_t j0 = 0; j0 < n; j0 += kChunk) {
        int64_t m = n - j0 < kChunk ? n - j0 : kChunk;
        for (int64_t k = 0; k < shape[ax]; k++) {
          // SAFETY: k < shape[ax] and j0 < n: every such offset is a partial
          // sum ReadOperand checked fits an int64 and stays in bounds.
          run.CombinePiece(a + k * in.strides[ax] + j0 * in.strides[last], in.strides[last],
                           b + k * out.strides[ax] + j0 * out.strides[last], out.strides[last], m, k == 0);
        }
      }
    }
    size_t t = idx.size();
    for (;;) {
      if (t == 0) return env.Undefined();
      t--;
      size_t k = outer[t];
      idx[t]++;
      a += in.strides[k];
      b += out.strides[k];
      if (idx[t] < shape[k]) break;
      a -= in.strides[k] * shape[k];
      b -= out.strides[k] * shape[k];
      idx[t] = 0;
    }
  }
}

}  // namespace

void InitAccumulateKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("kernelAccumulate", Napi::Function::New<KernelAccumulate>(env, "kernelAccumulate"));
}

}  // namespace mmarray
