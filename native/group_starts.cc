// See group_starts.h.
#include "group_starts.h"

#include <string>
#include <type_traits>

#include "byte_order.h"
#include "kernel_operand.h"
#include "napi_util.h"
#include "type_codes.h"

namespace mmarray {

namespace {

// Item k of the checked operand as a start, or -1 when it is not an integer
// in [0, n) (a float64 that is not integral, or any value outside).
// SAFETY: k < count items of the operand, every byte of which
// CheckOperand put inside its memory.
template <class T, bool Swap>
int64_t StartsInto(const Operand& o, int64_t count, int64_t n, std::vector<int64_t>* out) {
  const int64_t s = o.strides[0];
  for (int64_t k = 0; k < count; k++) {
    const T v = LoadBytes<T, Swap>(o.base + k * s);
    int64_t x;
    if constexpr (std::is_floating_point_v<T>) {
      if (!(v >= 0 && v < static_cast<T>(n))) return k;
      x = static_cast<int64_t>(v);
      if (static_cast<T>(x) != v) return k;
    } else if constexpr (std::is_signed_v<T>) {
      if (v < 0 || static_cast<int64_t>(v) >= n) return k;
      x = static_cast<int64_t>(v);
    } else {
      if (static_cast<uint64_t>(v) >= static_cast<uint64_t>(n)) return k;
      x = static_cast<int64_t>(v);
    }
    (*out)[static_cast<size_t>(k)] = x;
  }
  return -1;
}

template <bool Swap>
int64_t Dispatch(const Operand& o, int64_t count, int64_t n, std::vector<int64_t>* out) {
  switch (o.type) {
    case types::kF8: return StartsInto<double, Swap>(o, count, n, out);
    case types::kI1: return StartsInto<int8_t, Swap>(o, count, n, out);
    case types::kU1: return StartsInto<uint8_t, Swap>(o, count, n, out);
    case types::kI2: return StartsInto<int16_t, Swap>(o, count, n, out);
    case types::kU2: return StartsInto<uint16_t, Swap>(o, count, n, out);
    case types::kI4: return StartsInto<int32_t, Swap>(o, count, n, out);
    case types::kU4: return StartsInto<uint32_t, Swap>(o, count, n, out);
    case types::kI8: return StartsInto<int64_t, Swap>(o, count, n, out);
    case types::kU8: return StartsInto<uint64_t, Swap>(o, count, n, out);
    default: return -2;
  }
}

}  // namespace

bool ReadGroupStarts(Napi::Env env, const char* kernel, const Napi::Value& v, int64_t n, std::vector<int64_t>* out) {
  uint32_t len = 0;
  Napi::Value item[6];
  bool read = ArrayLength(v, &len) && len == 6;
  for (uint32_t k = 0; read && k < 6; k++) read = ElementOf(v, k, &item[k]);
  int64_t off, count, stride, type;
  if (!read || !ToInt(item[1], &off) || !ToInt(item[2], &count) || count < 0 || !ToInt(item[3], &stride) || !ToInt(item[4], &type)) {
    ThrowType(env, std::string(kernel) + ": the starts must be [memory, byteOffset, count, stride, type, swap]");
    return false;
  }
  Operand o;
  o.strides = {stride};
  if (!CheckOperand(env, kernel, item[0], off, type, ToBool(item[5]), {count}, false, &o)) return false;
  out->assign(static_cast<size_t>(count), 0);
  if (count == 0) return true;
  const int64_t bad = o.swap ? Dispatch<true>(o, count, n, out) : Dispatch<false>(o, count, n, out);
  if (bad == -2) {
    ThrowType(env, std::string(kernel) + ": the starts must be of an integer type or float64");
    return false;
  }
  if (bad >= 0) {
    ThrowRange(env, std::string(kernel) + ": start " + std::to_string(bad) + " is not an integer in [0, " + std::to_string(n) + ")");
    return false;
  }
  return true;
}

}  // namespace mmarray
