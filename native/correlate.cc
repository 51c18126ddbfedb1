// correlateF64(x, y, out, nLeft, nRight): see correlate.h. The inputs are
// Float64Arrays over the caller's items (a contiguous float64 input's own
// memory, a mapping's too, which the loop only reads; else a fresh copy);
// every index below is derived from their lengths, which are checked
// against each other before any read.
#include "correlate.h"

#include <cstdint>

#include "napi_util.h"

namespace mmarray {
namespace {

// One output: sum over t < taps of a[t] * b[t], in order.
// SAFETY: the caller passes a and b with at least `taps` items each.
inline double Dot(const double* a, const double* b, int64_t taps) {
  double s = 0.0;
  for (int64_t t = 0; t < taps; t++) s += a[t] * b[t];
  return s;
}

// `count` full-overlap outputs, four at a time: four independent in-order
// sums, so the adder is not waiting on one chain and the bits stay Dot's.
// SAFETY: a has count + taps - 1 items, b has taps, o has count.
void FullOverlap(const double* a, const double* b, int64_t taps, double* o, int64_t count) {
  int64_t i = 0;
  for (; i + 4 <= count; i += 4) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    const double* p = a + i;
    for (int64_t t = 0; t < taps; t++) {
      const double w = b[t];
      s0 += p[t] * w;
      s1 += p[t + 1] * w;
      s2 += p[t + 2] * w;
      s3 += p[t + 3] * w;
    }
    o[i] = s0;
    o[i + 1] = s1;
    o[i + 2] = s2;
    o[i + 3] = s3;
  }
  for (; i < count; i++) o[i] = Dot(a + i, b, taps);
}

bool ReadF64(const Napi::Value& v, double** data, int64_t* length) {
  if (!v.IsTypedArray()) return false;
  Napi::TypedArray t = v.As<Napi::TypedArray>();
  if (t.TypedArrayType() != napi_float64_array) return false;
  Napi::ArrayBuffer buf = t.ArrayBuffer();
  *length = static_cast<int64_t>(t.ElementLength());
  if (buf.Data() == nullptr) {
    *data = nullptr;
    return *length == 0;
  }
  // SAFETY: a typed array's byteOffset + length * 8 lies within its buffer
  // (V8 guarantees it) and its byteOffset is a multiple of 8.
  *data = reinterpret_cast<double*>(static_cast<uint8_t*>(buf.Data()) + t.ByteOffset());
  return true;
}

Napi::Value CorrelateF64(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  double* x = nullptr;
  double* y = nullptr;
  double* out = nullptr;
  int64_t n1 = 0, n2 = 0, len = 0;
  if (info.Length() < 5 || !ReadF64(info[0], &x, &n1) || !ReadF64(info[1], &y, &n2) || !ReadF64(info[2], &out, &len) ||
      !info[3].IsNumber() || !info[4].IsNumber()) {
    ThrowRange(env, "correlateF64(x, y, out, nLeft, nRight): bad arguments");
    return env.Undefined();
  }
  const int64_t nLeft = info[3].As<Napi::Number>().Int64Value();
  const int64_t nRight = info[4].As<Napi::Number>().Int64Value();
  // The shape of NumPy's loops: 1 <= n2 <= n1, partial overlaps of fewer
  // than n2 taps on each side, and exactly one output per position. Every
  // read below is then inside x[0, n1) and y[0, n2), every write in out.
  if (n2 < 1 || n2 > n1 || nLeft < 0 || nRight < 0 || nLeft > n2 - 1 || nRight > n2 - 1 ||
      len != nLeft + (n1 - n2 + 1) + nRight) {
    ThrowRange(env, "correlateF64: lengths do not fit (x " + std::to_string(n1) + ", y " + std::to_string(n2) +
                        ", out " + std::to_string(len) + ")");
    return env.Undefined();
  }
  int64_t op = 0;
  // Left: output i uses x[0, n2 - nLeft + i) against y[nLeft - i, n2).
  for (int64_t i = 0; i < nLeft; i++) {
    const int64_t taps = n2 - nLeft + i;
    // SAFETY: nLeft - i >= 1 and (nLeft - i) + taps == n2; taps <= n2 - 1 < n1.
    out[op++] = Dot(x, y + (nLeft - i), taps);
  }
  // SAFETY: the full overlaps read x[0, (n1 - n2 + 1) + n2 - 1) = x[0, n1).
  FullOverlap(x, y, n2, out + op, n1 - n2 + 1);
  op += n1 - n2 + 1;
  // Right: output i uses x[n1 - n2 + 1 + i, n1) against y[0, n2 - 1 - i).
  for (int64_t i = 0; i < nRight; i++) {
    const int64_t taps = n2 - 1 - i;
    // SAFETY: (n1 - n2 + 1 + i) + taps == n1, taps < n2.
    out[op++] = Dot(x + (n1 - n2 + 1 + i), y, taps);
  }
  return env.Undefined();
}

}  // namespace

void InitCorrelate(Napi::Env env, Napi::Object exports) {
  exports.Set("correlateF64", Napi::Function::New(env, CorrelateF64, "correlateF64"));
}

}  // namespace mmarray
