// See dot_kernels.h for the summation order (the contract with the JS mirror).
#include "dot_kernels.h"

#include <cstdint>
#include <string>
#include <type_traits>

#include "gemm.h"
#include "gemm_exact.h"
#include "napi_util.h"

namespace mmarray {
namespace {

// The data of typed-array argument `v` of element type `type`, holding at
// least `need` items from element `off`; null after throwing otherwise.
template <typename T>
T* TypedData(Napi::Env env, const Napi::Value& v, napi_typedarray_type type, int64_t off, int64_t need, const char* what) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != type) {
    ThrowType(env, std::string("dotGemm: ") + what + " must be a typed array of the kernel's type");
    return nullptr;
  }
  Napi::TypedArray t = v.As<Napi::TypedArray>();
  const int64_t len = static_cast<int64_t>(t.ElementLength());
  if (off < 0 || need < 0 || off > len || need > len - off) {
    ThrowRange(env, std::string("dotGemm: ") + what + " holds " + std::to_string(len) + " items, the product needs " + std::to_string(need) + " from " + std::to_string(off));
    return nullptr;
  }
  // SAFETY: the typed array's bytes are ArrayBuffer.data + ByteOffset, its
  // ElementLength items of T, aligned for T (a typed array's byte offset is
  // a multiple of its element size); [off, off + need) was checked above.
  uint8_t* base = static_cast<uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
  return reinterpret_cast<T*>(base) + off;
}

// The product's three operands, checked: T items, `scale` items per element
// (2 for complex pairs); null after throwing.
template <typename T>
bool Operands(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t k, int64_t m, const T** a, const T** b, T** c) {
  int64_t aOff = 0, bOff = 0, cOff = 0, nk = 0, km = 0, nm = 0;
  if (!ToInt(info[2], &aOff) || !ToInt(info[4], &bOff) || !ToInt(info[6], &cOff)) {
    ThrowType(env, "dotGemm: offsets must be integers");
    return false;
  }
  if (__builtin_mul_overflow(n, k, &nk) || __builtin_mul_overflow(k, m, &km) || __builtin_mul_overflow(n, m, &nm) ||
      __builtin_mul_overflow(nk, scale, &nk) || __builtin_mul_overflow(km, scale, &km) || __builtin_mul_overflow(nm, scale, &nm)) {
    ThrowRange(env, "dotGemm: the product's sizes overflow");
    return false;
  }
  // |offsets| < 2^53, so scaling by 2 cannot overflow.
  *a = TypedData<T>(env, info[1], type, aOff * scale, nk, "A");
  if (*a == nullptr) return false;
  *b = TypedData<T>(env, info[3], type, bOff * scale, km, "B");
  if (*b == nullptr) return false;
  *c = TypedData<T>(env, info[5], type, cOff * scale, nm, "C");
  return *c != nullptr;
}

template <typename T>
void RunFloat(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t n, int64_t k, int64_t m,
              bool (*gemm)(const T*, const T*, T*, int64_t, int64_t, int64_t)) {
  const T* a = nullptr;
  const T* b = nullptr;
  T* c = nullptr;
  if (!Operands<T>(env, info, type, 1, n, k, m, &a, &b, &c) || n == 0 || m == 0) return;
  if (!gemm(a, b, c, n, k, m)) ThrowRange(env, "dotGemm: out of memory for the packed panels");
}

template <typename T>
void RunOther(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t k, int64_t m,
              void (*gemm)(const T*, const T*, T*, int64_t, int64_t, int64_t)) {
  const T* a = nullptr;
  const T* b = nullptr;
  T* c = nullptr;
  if (!Operands<T>(env, info, type, scale, n, k, m, &a, &b, &c) || n == 0 || m == 0) return;
  gemm(a, b, c, n, k, m);
}

// Integers: the loop for A's typed-array type (B and C must share it).
void RunInt(Napi::Env env, const Napi::CallbackInfo& info, int64_t n, int64_t k, int64_t m) {
  if (!info[1].IsTypedArray()) {
    ThrowType(env, "dotGemm: A must be a typed array of the kernel's type");
    return;
  }
  const napi_typedarray_type t = info[1].As<Napi::TypedArray>().TypedArrayType();
  switch (t) {
    case napi_int8_array:
    case napi_uint8_array:
      return RunOther<uint8_t>(env, info, t, 1, n, k, m, GemmWrap8);
    case napi_int16_array:
    case napi_uint16_array:
      return RunOther<uint16_t>(env, info, t, 1, n, k, m, GemmWrap16);
    case napi_int32_array:
    case napi_uint32_array:
      return RunOther<uint32_t>(env, info, t, 1, n, k, m, GemmWrap32);
    case napi_bigint64_array:
    case napi_biguint64_array:
      return RunOther<uint64_t>(env, info, t, 1, n, k, m, GemmWrap64);
    default:
      ThrowType(env, "dotGemm: A must be a typed array of the kernel's type");
  }
}

// dotGemm(type, A, aOff, B, bOff, C, cOff, n, k, m): type 0 float64, 1
// float32, 2 integers (any integer typed array but Uint8Clamped, the same
// for all three), 3 complex128 and 4 complex64 ((re, im) pairs in a
// Float64Array / Float32Array; offsets and sizes count pairs), 5 bool
// (Uint8Array of 0/1).
Napi::Value DotGemm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t type = 0, n = 0, k = 0, m = 0;
  if (info.Length() != 10 || !ToInt(info[0], &type) || !ToInt(info[7], &n) || !ToInt(info[8], &k) || !ToInt(info[9], &m) || n < 0 || k < 0 || m < 0) {
    ThrowType(env, "dotGemm(type, A, aOff, B, bOff, C, cOff, n, k, m): bad arguments");
    return env.Undefined();
  }
  switch (type) {
    case 0: RunFloat<double>(env, info, napi_float64_array, n, k, m, GemmF64); break;
    case 1: RunFloat<float>(env, info, napi_float32_array, n, k, m, GemmF32); break;
    case 2: RunInt(env, info, n, k, m); break;
    case 3: RunOther<double>(env, info, napi_float64_array, 2, n, k, m, GemmComplex128); break;
    case 4: RunOther<float>(env, info, napi_float32_array, 2, n, k, m, GemmComplex64); break;
    case 5: RunOther<uint8_t>(env, info, napi_uint8_array, 1, n, k, m, GemmBool); break;
    default: ThrowRange(env, "dotGemm: type must be 0 (float64), 1 (float32), 2 (integer), 3 (complex128), 4 (complex64) or 5 (bool)");
  }
  return env.Undefined();
}

// The items of typed-array argument `v` of `type` and their count; null after throwing.
template <typename T>
T* TypedSpan(Napi::Env env, const Napi::Value& v, napi_typedarray_type type, const char* what, int64_t* len) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != type) {
    ThrowType(env, std::string("dotGemmBatch: ") + what + " must be a typed array of the kernel's type");
    return nullptr;
  }
  Napi::TypedArray t = v.As<Napi::TypedArray>();
  *len = static_cast<int64_t>(t.ElementLength());
  // SAFETY: as TypedData: ElementLength items of T from ArrayBuffer.data + ByteOffset, aligned for T.
  return reinterpret_cast<T*>(static_cast<uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset());
}

// A stack of products in one call: C's t-th n×m matrix (at t·n·m) =
// A[aOffs[t]…] · B[bOffs[t]…], each offset checked against its array first.
template <typename T, typename R>
void RunBatch(Napi::Env env, const Napi::CallbackInfo& info, napi_typedarray_type type, int64_t scale, int64_t n, int64_t k, int64_t m,
              R (*gemm)(const T*, const T*, T*, int64_t, int64_t, int64_t)) {
  int64_t alen = 0, blen = 0, clen = 0, na = 0, nb = 0, nk = 0, km = 0, nm = 0, all = 0;
  const T* a = TypedSpan<T>(env, info[1], type, "A", &alen);
  if (a == nullptr) return;
  const double* ao = TypedSpan<double>(env, info[2], napi_float64_array, "aOffs", &na);
  if (ao == nullptr) return;
  const T* b = TypedSpan<T>(env, info[3], type, "B", &blen);
  if (b == nullptr) return;
  const double* bo = TypedSpan<double>(env, info[4], napi_float64_array, "bOffs", &nb);
  if (bo == nullptr) return;
  T* c = TypedSpan<T>(env, info[5], type, "C", &clen);
  if (c == nullptr) return;
  if (na != nb || __builtin_mul_overflow(n, k, &nk) || __builtin_mul_overflow(k, m, &km) || __builtin_mul_overflow(n, m, &nm) ||
      __builtin_mul_overflow(nk, scale, &nk) || __builtin_mul_overflow(km, scale, &km) || __builtin_mul_overflow(nm, scale, &nm) ||
      __builtin_mul_overflow(nm, na, &all) || all > clen) {
    ThrowRange(env, "dotGemmBatch: the stack's sizes do not fit its arrays");
    return;
  }
  // Every offset checked before any product runs: a bad one writes nothing.
  for (int64_t t = 0; t < na; t++) {
    const double x = ao[t], y = bo[t];
    if (!(x >= 0 && y >= 0 && x <= 9007199254740991.0 && y <= 9007199254740991.0) || x != static_cast<double>(static_cast<int64_t>(x)) ||
        y != static_cast<double>(static_cast<int64_t>(y)) || static_cast<int64_t>(x) * scale > alen - nk || static_cast<int64_t>(y) * scale > blen - km) {
      ThrowRange(env, "dotGemmBatch: product " + std::to_string(t) + "'s operands are outside their arrays");
      return;
    }
  }
  if (n == 0 || m == 0) return;
  for (int64_t t = 0; t < na; t++) {
    // SAFETY: [off·scale, off·scale + nk) inside A and [off·scale, off·scale + km) inside B (checked
    // above, alen >= nk and blen >= km as the differences are compared with non-negative offsets);
    // C's t-th matrix ends at (t + 1)·nm <= na·nm <= clen.
    const T* at = a + static_cast<int64_t>(ao[t]) * scale;
    const T* bt = b + static_cast<int64_t>(bo[t]) * scale;
    if constexpr (std::is_same_v<R, bool>) {
      if (!gemm(at, bt, c + t * nm, n, k, m)) {
        ThrowRange(env, "dotGemmBatch: out of memory for the packed panels");
        return;
      }
    } else {
      gemm(at, bt, c + t * nm, n, k, m);
    }
  }
}

// dotGemmBatch(type, A, aOffs, B, bOffs, C, n, k, m): dotGemm's product for
// every matrix of a stack (type codes as dotGemm's), the offsets as Float64Arrays
// of element (complex: pair) offsets, C's matrices one after another.
Napi::Value DotGemmBatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t type = 0, n = 0, k = 0, m = 0;
  if (info.Length() != 9 || !ToInt(info[0], &type) || !ToInt(info[6], &n) || !ToInt(info[7], &k) || !ToInt(info[8], &m) || n < 0 || k < 0 || m < 0) {
    ThrowType(env, "dotGemmBatch(type, A, aOffs, B, bOffs, C, n, k, m): bad arguments");
    return env.Undefined();
  }
  switch (type) {
    case 0: RunBatch<double>(env, info, napi_float64_array, 1, n, k, m, GemmF64); break;
    case 1: RunBatch<float>(env, info, napi_float32_array, 1, n, k, m, GemmF32); break;
    case 2: {
      const napi_typedarray_type t = info[1].IsTypedArray() ? info[1].As<Napi::TypedArray>().TypedArrayType() : napi_float64_array;
      switch (t) {
        case napi_int8_array:
        case napi_uint8_array: RunBatch<uint8_t>(env, info, t, 1, n, k, m, GemmWrap8); break;
        case napi_int16_array:
        case napi_uint16_array: RunBatch<uint16_t>(env, info, t, 1, n, k, m, GemmWrap16); break;
        case napi_int32_array:
        case napi_uint32_array: RunBatch<uint32_t>(env, info, t, 1, n, k, m, GemmWrap32); break;
        case napi_bigint64_array:
        case napi_biguint64_array: RunBatch<uint64_t>(env, info, t, 1, n, k, m, GemmWrap64); break;
        default: ThrowType(env, "dotGemmBatch: A must be a typed array of the kernel's type");
      }
      break;
    }
    case 3: RunBatch<double>(env, info, napi_float64_array, 2, n, k, m, GemmComplex128); break;
    case 4: RunBatch<float>(env, info, napi_float32_array, 2, n, k, m, GemmComplex64); break;
    case 5: RunBatch<uint8_t>(env, info, napi_uint8_array, 1, n, k, m, GemmBool); break;
    default: ThrowRange(env, "dotGemmBatch: type must be 0 (float64), 1 (float32), 2 (integer), 3 (complex128), 4 (complex64) or 5 (bool)");
  }
  return env.Undefined();
}

// dotGemmThreads(max?) -> the previous cap on a product's threads (0: the
// default); with `max`, sets it. Results never depend on it (gemm.h).
Napi::Value DotGemmThreads(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t t = 0;
  if (info.Length() >= 1 && !info[0].IsUndefined()) {
    if (!ToInt(info[0], &t) || t < 0 || t > 8) {
      ThrowRange(env, "dotGemmThreads: the cap must be an integer from 0 to 8");
      return env.Undefined();
    }
    return Napi::Number::New(env, SetGemmMaxThreads(static_cast<int>(t)));
  }
  const int was = SetGemmMaxThreads(0);
  SetGemmMaxThreads(was);
  return Napi::Number::New(env, was);
}

}  // namespace

void InitDotKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("dotGemm", Napi::Function::New<DotGemm>(env, "dotGemm"));
  exports.Set("dotGemmBatch", Napi::Function::New<DotGemmBatch>(env, "dotGemmBatch"));
  exports.Set("dotGemmThreads", Napi::Function::New<DotGemmThreads>(env, "dotGemmThreads"));
}

}  // namespace mmarray
