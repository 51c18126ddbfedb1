// The few bulk loops a benchmark proved JS cannot match: strided copy with an
// optional per-unit byte swap (copy, astype between byte orders, byteswap),
// casts between plain numeric types, and reductions (sum, min, max) over any
// strided layout of an ArrayBuffer or of a whole mapping of any size.
//
// The JS side (lib/kernels.ts) decides when to call them and keeps a JS path
// with the same arithmetic, so a result never depends on which path ran.
#ifndef MMARRAY_KERNELS_H_
#define MMARRAY_KERNELS_H_

#include <napi.h>

#include <cstdint>
#include <memory>

#include "mapping.h"

namespace mmarray {

// Adds kernelCopy, kernelReduce and kernelCast to `exports`.
void InitKernels(Napi::Env env, Napi::Object exports);

// What the ufunc kernels (ufunc_kernels.cc) share with the bulk kernels.
// Bytes a kernel may touch: [base, base + length); `mapping` pins a mapping's
// pages for the length of the call.
struct KernelMemory {
  uint8_t* base = nullptr;
  uint64_t length = 0;
  std::shared_ptr<Mapping> mapping;
};
// An ArrayBuffer or an open MappingHandle (writable when `write`); throws
// (ERR_INVALID_ARG_TYPE, ERR_MMARRAY_CLOSED, ERR_MMARRAY_READ_ONLY) and
// returns false otherwise.
bool ReadKernelMemory(Napi::Env env, const Napi::Value& v, bool write, KernelMemory* out);
// One row of kernelCast: n items from s (byte stride ss) to d (byte stride
// ds), type codes of lib/kernels.ts CAST_CODES, each side in its byte order.
using RowCastFn = void (*)(const uint8_t* s, int64_t ss, uint8_t* d, int64_t ds, int64_t n);
RowCastFn CastRowFor(int src, int dst, bool swap_src, bool swap_dst);

}  // namespace mmarray

#endif  // MMARRAY_KERNELS_H_
