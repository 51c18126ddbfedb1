// The argument readers of the linalg kernels (linalg_kernels.cc,
// linalg_decomp.cc): a typed array of exactly the items a stack needs, the
// stack's item count checked for overflow, and runs of int arguments. Each
// throws (Napi::Error pending) and returns its failure value; the kernel then
// returns undefined.
#ifndef MMARRAY_LINALG_ARGS_H_
#define MMARRAY_LINALG_ARGS_H_

#include <napi.h>

#include <climits>
#include <cstdint>
#include <string>

#include "napi_util.h"

namespace mmarray {
namespace linalg_args {

// The data of typed-array argument `v` of `type`, holding exactly `need`
// items; null after throwing (or when need is 0).
template <typename T>
T* Typed(Napi::Env env, const Napi::Value& v, napi_typedarray_type type, int64_t need, const char* fn, const char* what) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != type) {
    ThrowType(env, std::string(fn) + ": " + what + " must be a typed array of the kernel's type");
    return nullptr;
  }
  Napi::TypedArray t = v.As<Napi::TypedArray>();
  const int64_t len = static_cast<int64_t>(t.ElementLength());
  if (len != need) {
    ThrowRange(env, std::string(fn) + ": " + what + " holds " + std::to_string(len) + " items, expected " + std::to_string(need));
    return nullptr;
  }
  if (need == 0) return nullptr;
  // SAFETY: the typed array's bytes are ArrayBuffer.data + ByteOffset, its
  // ElementLength (= need, checked above) items of T, aligned for T (a typed
  // array's byte offset is a multiple of its element size). The caller's
  // array stays alive (an argument) for this synchronous call.
  uint8_t* base = static_cast<uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
  return reinterpret_cast<T*>(base);
}

// count × rows × cols × scale, checked for overflow (and ≤ 2^53, rows and
// cols ≤ 2^31); -1 after throwing.
inline int64_t Items(Napi::Env env, const char* fn, int64_t count, int64_t rows, int64_t cols, int64_t scale) {
  int64_t r = 0;
  if (count < 0 || rows < 0 || cols < 0 || rows > INT32_MAX || cols > INT32_MAX || __builtin_mul_overflow(count, rows, &r) ||
      __builtin_mul_overflow(r, cols, &r) || __builtin_mul_overflow(r, scale, &r) || r > (int64_t(1) << 53)) {
    ThrowRange(env, std::string(fn) + ": the stack's sizes overflow");
    return -1;
  }
  return r;
}

// The int arguments from..from+count into out; false when one is not an integer.
inline bool ReadInts(const Napi::CallbackInfo& info, size_t from, size_t count, int64_t* out) {
  for (size_t i = 0; i < count; i++) {
    if (!ToInt(info[from + i], &out[i])) return false;
  }
  return true;
}

}  // namespace linalg_args
}  // namespace mmarray

#endif  // MMARRAY_LINALG_ARGS_H_
