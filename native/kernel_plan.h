// A bulk kernel (kernels.cc) cut into units: the one walker of both the sync
// kernels (kernelReduce/Copy/Cast run every unit in order on the JS thread)
// and the async ones (async_kernels.cc runs them on the thread pool).
//
// The layout's innermost rows are cut into leaves: for a reduction, the
// leaves of NumPy's pairwise tree (so a float sum recombines them in the very
// order one Pairwise over the row adds them); for copy and cast, equal pieces.
// Unit u is leaf u % leaves of row u / leaves, in C order. Any thread may run
// any unit (RunUnits writes only its own partials and its own destination
// bytes); Fold then consumes the partials in unit order on one thread. Where
// the units are cut depends only on the layout, never on the thread count or
// on sync vs async, so neither does a result.
#ifndef MMARRAY_KERNEL_PLAN_H_
#define MMARRAY_KERNEL_PLAN_H_

#include <napi.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "mapping.h"

namespace mmarray {

// One unit's result: a float sum in `d`; an exact integer sum or an integer
// extreme in `i`; a float extreme in `d` with `nan` set when it is a NaN;
// `any` false for a unit that saw no element.
struct Partial {
  double d = 0.0;
  __int128 i = 0;
  bool any = false;
  bool nan = false;
  bool mixed = false;  // a zero extreme over both +0 and -0 (kernels.cc Extreme)
};

class KernelPlan {
 public:
  virtual ~KernelPlan() = default;

  int64_t units() const { return units_; }
  // Units per innermost row: a Fold boundary (a float sum folds whole rows).
  int64_t units_per_row() const { return leaves_.empty() ? 1 : static_cast<int64_t>(leaves_.size()); }
  // Elements in unit u, and bytes per element for progress.
  int64_t unit_elements(int64_t u) const { return leaves_[u % units_per_row()].second; }
  int64_t element_bytes() const { return element_bytes_; }
  // The mappings the units read or write (pinned around each block).
  const std::vector<std::shared_ptr<Mapping>>& mappings() const { return mappings_; }
  // The source bytes an async job reads ahead of its units on a cold file
  // (async_kernels.cc ReadAhead): [read_base(), read_base() + read_span())
  // of one mapping, walked in about unit order; read_span() is 0 when the
  // source is not a mapping, runs backwards, or reads under half its span.
  const uint8_t* read_base() const { return read_base_; }
  int64_t read_span() const { return read_span_; }

  // Runs units [first, first + count), unit first + i writing out[i] (a
  // reduction's partial; copy and cast write none, and out may be null).
  // Walks the rows as the C-order loop of a sync kernel does.
  void RunUnits(int64_t first, int64_t count, Partial* out);
  // Partials of units [first, first + count), count a multiple of units_per_row().
  virtual void Fold(const Partial* /*p*/, int64_t /*first*/, int64_t /*count*/) {}
  virtual Napi::Value Result(Napi::Env env) { return env.Undefined(); }

 protected:
  // Leaf `leaf` of the row starting at byte offsets a and b of the two layouts.
  virtual void RunUnit(int64_t a, int64_t b, int64_t leaf, Partial* out) = 0;


  int64_t units_ = 0;
  int64_t element_bytes_ = 1;
  std::vector<std::pair<int64_t, int64_t>> leaves_;  // (first element, count) of one row
  std::vector<int64_t> shape_, sa_, sb_;             // outer axes of the walk (row excluded)
  std::vector<std::shared_ptr<Mapping>> mappings_;
  const uint8_t* read_base_ = nullptr;
  int64_t read_span_ = 0;
};

// The bounds check of a strided layout: one for every kernel that forms
// pointers from one (kernels.cc ReadLayout, ufunc_kernels.cc ReadOperand,
// index_kernels.cc ReadRegion, sort_kernels.cc CheckLayout, save_worker.cc
// Check). For a non-empty layout (strides.size() == shape.size(), every
// shape_k >= 1) of `itemsize`-byte items from byte `offset` of a memory of
// `length` bytes: nullptr when every byte of every item lies inside the
// memory, else what is wrong, for the caller's error. In overflow-checked
// arithmetic: after nullptr, offset + sum(i_k * stride_k) + [0, itemsize) is
// in [0, length) for every index 0 <= i_k < shape_k, and every partial sum
// of those terms fits an int64 (each lies between the lowest and highest
// offset checked here): that is what makes the callers' pointers safe. A
// detached buffer has length 0 and fails here.
inline const char* LayoutSpanError(int64_t offset, const std::vector<int64_t>& shape,
                                   const std::vector<int64_t>& strides, int64_t itemsize, uint64_t length) {
  int64_t lo = offset, hi = offset;
  for (size_t k = 0; k < shape.size(); k++) {
    int64_t span;
    bool overflow = __builtin_mul_overflow(shape[k] - 1, strides[k], &span) ||
                    (span < 0 ? __builtin_add_overflow(lo, span, &lo) : __builtin_add_overflow(hi, span, &hi));
    if (overflow) return "layout spans more bytes than an int64 holds";
  }
  int64_t end;
  if (lo < 0 || __builtin_add_overflow(hi, itemsize, &end) || static_cast<uint64_t>(end) > length) {
    return "layout reaches outside its buffer (or the buffer is detached)";
  }
  return nullptr;
}

// Each reads the arguments of kernelReduce, kernelCopy or kernelCast at
// info[0..] and checks them; on bad arguments it throws and returns nullptr.
std::unique_ptr<KernelPlan> PlanReduce(const Napi::CallbackInfo& info);
std::unique_ptr<KernelPlan> PlanCopy(const Napi::CallbackInfo& info);
std::unique_ptr<KernelPlan> PlanCast(const Napi::CallbackInfo& info);

// Partials one fold wave holds at most (a few MB), unless one row has more
// leaves; a wave is a whole number of rows.
constexpr int64_t kWavePartials = 65536;
inline int64_t WaveUnits(const KernelPlan& p) {
  int64_t per = p.units_per_row();
  return per * (kWavePartials / per > 1 ? kWavePartials / per : 1);
}

}  // namespace mmarray

#endif  // MMARRAY_KERNEL_PLAN_H_
