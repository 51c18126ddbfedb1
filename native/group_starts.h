// The group starts of a reduceat (reduceat_kernels.cc kernelReduceat,
// index_kernels.cc ufuncReduceat), read straight from the caller's index
// array: any integer type in either byte order, at any stride, or float64
// integers (a JS list's values), so JS never converts an int64 index array
// into numbers first.
#ifndef MMARRAY_GROUP_STARTS_H_
#define MMARRAY_GROUP_STARTS_H_

#include <napi.h>

#include <cstdint>
#include <vector>

namespace mmarray {

// Reads the starts operand [memory, byteOffset, count, stride, type, swap]
// (type a code of type_codes.h: kF8, or an integer type other than bool)
// into `out`, checking every byte of it inside its memory and every start
// to be an integer in [0, n). count may be 0. On failure throws a JS error
// whose message starts with `kernel` and returns false.
bool ReadGroupStarts(Napi::Env env, const char* kernel, const Napi::Value& v, int64_t n, std::vector<int64_t>* out);

}  // namespace mmarray

#endif  // MMARRAY_GROUP_STARTS_H_
