// One operand of an element-wise kernel (the ufunc and accumulation
// kernels): [memory, byteOffset, strides, type, swap] from JS, checked
// against its memory once, before any loop reads or writes it.
#ifndef MMARRAY_KERNEL_OPERAND_H_
#define MMARRAY_KERNEL_OPERAND_H_

#include <napi.h>

#include <cstdint>
#include <vector>

#include "kernels.h"

namespace mmarray {

// Element 0 at `base` (null when the iteration is empty), byte strides over
// the iteration shape, a type code of type_codes.h, and whether the items
// are in the other byte order.
struct Operand {
  KernelMemory memory;
  uint8_t* base = nullptr;
  std::vector<int64_t> strides;
  int type = 0;
  bool swap = false;
};

// Reads [memory, byteOffset, strides, type, swap] and checks, in
// overflow-checked arithmetic, that every byte of every element over
// `shape` lies inside the memory (as kernels.cc's ReadLayout): afterwards
// base + sum(i_k * stride_k) + [0, itemsize) is in bounds for every index,
// and every partial sum of those terms fits an int64. On failure throws a
// JS error whose message starts with `kernel` (the calling kernel's name)
// and returns false.
bool ReadOperand(Napi::Env env, const char* kernel, const Napi::Value& v, const std::vector<int64_t>& shape, bool write, Operand* out);

// ReadOperand's checks on parts already read (`out->strides` set, one per
// axis of `shape`): the memory value, the byte offset, the type code and
// the swap flag.
bool CheckOperand(Napi::Env env, const char* kernel, const Napi::Value& memory, int64_t off, int64_t type, bool swap, const std::vector<int64_t>& shape,
                  bool write, Operand* out);

}  // namespace mmarray

#endif  // MMARRAY_KERNEL_OPERAND_H_
