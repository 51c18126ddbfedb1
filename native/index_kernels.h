// Loops of the compute ops (issue 18) that a typed-array loop in JS cannot
// make fast enough: axis reductions (sum/min/max/count into a per-output
// accumulator, argmin/argmax per row), the unbuffered scatter-add of
// `addAt`, the gathers of `take` and `compress`, and a stable radix argsort.
// Each reads its input from an ArrayBuffer or a whole mapping (past 4 GiB),
// checks every byte it may touch before it touches one, and mirrors the JS
// reference path of its caller (lib/reduce-axis.ts, lib/fancy.ts,
// lib/sort.ts) to the bit.
#ifndef MMARRAY_INDEX_KERNELS_H_
#define MMARRAY_INDEX_KERNELS_H_

#include <napi.h>

#include <cstdint>

namespace mmarray {

// Adds `indexKernels` ({ axisReduce, argReduce, addAt, take, compress, argsort }) to `exports`.
void InitIndexKernels(Napi::Env env, Napi::Object exports);

// The number of non-zero bytes of p[0, n) (the caller has checked the range):
// countNonzero's vector loop, also kernels.cc's bool sum.
int64_t CountNonzeroBytes(const uint8_t* p, int64_t n);

}  // namespace mmarray

#endif  // MMARRAY_INDEX_KERNELS_H_
