// A bulk kernel (kernels.cc) cut into units for the async path
// (async_kernels.cc): the same row functions, the same results.
//
// The layout's innermost rows are cut into leaves: for a reduction, the
// leaves of NumPy's pairwise tree (so a float sum recombines them in the very
// order the sync kernel adds them); for copy and cast, equal pieces. Unit u is
// leaf u % leaves of row u / leaves, in C order. Any thread may run any unit
// (Run writes only its own partial and its own destination bytes); Fold then
// consumes the partials in unit order on one thread. Where the units are cut
// depends only on the layout, never on the thread count, so neither does a
// result.
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

  virtual void Run(int64_t u, Partial* out) = 0;
  // Partials of units [first, first + count), count a multiple of units_per_row().
  virtual void Fold(const Partial* /*p*/, int64_t /*first*/, int64_t /*count*/) {}
  virtual Napi::Value Result(Napi::Env env) { return env.Undefined(); }

 protected:
  // Byte offsets of the starts of innermost row r in the two layouts.
  void RowStart(int64_t r, int64_t* a, int64_t* b) const;

  int64_t units_ = 0;
  int64_t element_bytes_ = 1;
  std::vector<std::pair<int64_t, int64_t>> leaves_;  // (first element, count) of one row
  std::vector<int64_t> shape_, sa_, sb_;             // outer axes of the walk (row excluded)
  std::vector<std::shared_ptr<Mapping>> mappings_;
};

// Each reads the arguments of its sync twin (kernelReduce, kernelCopy,
// kernelCast) at info[0..] and checks them the same way; on bad arguments it
// throws the same error and returns nullptr.
std::unique_ptr<KernelPlan> PlanReduce(const Napi::CallbackInfo& info);
std::unique_ptr<KernelPlan> PlanCopy(const Napi::CallbackInfo& info);
std::unique_ptr<KernelPlan> PlanCast(const Napi::CallbackInfo& info);

}  // namespace mmarray

#endif  // MMARRAY_KERNEL_PLAN_H_
