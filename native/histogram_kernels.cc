// NumPy's histogram over equal-width bins for float64 data (lib/histogram.ts
// is its front and keeps the JS loop as the reference): NumPy's bin rule
// step for step, so every item lands in NumPy's bin.
// - items outside [first, last] (NaN too) are left out;
// - the bin is ((x - first) / (last - first)) * bins, truncated, the last
//   edge put into the last bin;
// - round-off is corrected by the edges: one bin down where x < edges[i],
//   one up where x >= edges[i + 1] (not past the last bin);
// - weights are summed per block of 65536 items (NumPy's BLOCK: bincount's
//   sum of each block, in item order, then added to the total).
// fp-contract off: (x - first) / span * bins must round each step, as JS
// and NumPy do.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("fp-contract=off")
#endif
#if defined(__clang__)
#pragma clang fp contract(off)
#endif
#include "type_codes.h"
#include "histogram_kernels.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include "kernel_operand.h"
#include "kernels.h"
#include "napi_util.h"

namespace mmarray {
namespace {

using namespace types;  // NOLINT: the type codes of type_codes.h

// NumPy's histogram BLOCK (lib/histogram.ts HISTOGRAM_BLOCK).
constexpr int64_t kBlock = 65536;
// Items whose first bin guess is computed in one (vectorizable) pass.
constexpr int64_t kChunk = 1024;

inline double LoadF8(const uint8_t* p, bool swap) {
  uint64_t u;
  // SAFETY: the callers pass p inside the checked operand layout.
  std::memcpy(&u, p, 8);
  if (swap) u = __builtin_bswap64(u);
  double v;
  std::memcpy(&v, &u, 8);
  return v;
}

// The first guesses of m contiguous native items: ((v - first) / span) *
// bins truncated, or -1 for an item outside [first, last]. Vectorized where
// the CPU has AVX2 (the same IEEE steps either way: same bits).
__attribute__((target_clones("avx2", "default")))
void Guess(const double* t, int64_t m, double first, double last, double span, double bins, int64_t* out) {
  for (int64_t k = 0; k < m; k++) {
    const double v = t[k];
    const bool in = v >= first && v <= last;
    const double f = ((v - first) / span) * bins;
    // f is in [0, bins] for an item inside; 0 stands in for the others,
    // whose guess is never converted from an out-of-range double.
    out[k] = in ? static_cast<int64_t>(f) : -1;
  }
}

struct Plan {
  double first, last, span;
  int64_t bins;
  const double* edges;  // bins + 1 edges
};

// The bin of an item with first guess g in [0, bins]: NumPy's corrections,
// in [0, bins), or -1 for an item below edges[0] (never, for edges linspace
// made from first: the JS loop drops such an item too, its count store at
// -1 being no store).
inline int64_t Correct(const Plan& p, double v, int64_t g) {
  int64_t idx = g;
  if (idx >= p.bins) idx = p.bins - 1;
  if (v < p.edges[idx]) idx--;
  if (idx < 0) return v >= p.edges[0] ? 0 : -1;
  if (v >= p.edges[idx + 1] && idx != p.bins - 1) idx++;
  return idx;
}

// histogramUniform(input, length, first, last, span, edges, counts, weights, blockSums)
// input [memory, byteOffset, strides, type, swap] over [length] (float64);
// edges a Float64Array of bins + 1 edges; counts a Float64Array of bins
// added to (exact below 2^53 items); weights null or a float64 operand over
// [length], whose per-block sums (in blockSums, a Float64Array of bins) are
// added to counts block by block.
Napi::Value HistogramUniform(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* what = "histogramUniform";
  int64_t length;
  if (info.Length() < 9 || !ToInt(info[1], &length) || length < 0 || !info[2].IsNumber() || !info[3].IsNumber() ||
      !info[4].IsNumber() || !info[5].IsTypedArray() || !info[6].IsTypedArray() ||
      info[5].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
      info[6].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
    ThrowType(env, "histogramUniform(input, length, first, last, span, edges, counts, weights, blockSums): bad arguments");
    return env.Undefined();
  }
  Plan p;
  p.first = info[2].As<Napi::Number>().DoubleValue();
  p.last = info[3].As<Napi::Number>().DoubleValue();
  p.span = info[4].As<Napi::Number>().DoubleValue();
  Napi::Float64Array edges = info[5].As<Napi::Float64Array>();
  Napi::Float64Array counts = info[6].As<Napi::Float64Array>();
  p.bins = static_cast<int64_t>(counts.ElementLength());
  if (p.bins < 1 || edges.ElementLength() != counts.ElementLength() + 1) {
    ThrowRange(env, "histogramUniform: edges must number bins + 1, bins at least 1");
    return env.Undefined();
  }
  p.edges = edges.Data();
  const bool weighted = !info[7].IsNull() && !info[7].IsUndefined();
  Napi::Float64Array blockSums;
  if (weighted) {
    if (!info[8].IsTypedArray() || info[8].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
        info[8].As<Napi::Float64Array>().ElementLength() != counts.ElementLength()) {
      ThrowType(env, "histogramUniform: blockSums must be a Float64Array of bins");
      return env.Undefined();
    }
    blockSums = info[8].As<Napi::Float64Array>();
  }
  const std::vector<int64_t> shape{length};
  Operand in, w;
  if (!ReadOperand(env, what, info[0], shape, false, &in)) return env.Undefined();
  if (weighted && !ReadOperand(env, what, info[7], shape, false, &w)) return env.Undefined();
  if (in.type != kF8 || (weighted && w.type != kF8)) {
    ThrowType(env, "histogramUniform: float64 data and weights only");
    return env.Undefined();
  }
  if (length == 0) return env.Undefined();
  double* total = counts.Data();
  double* sums = weighted ? blockSums.Data() : nullptr;
  const int64_t s = in.strides[0];
  const int64_t ws = weighted ? w.strides[0] : 0;
  // Four sub-counts break the store-to-load chain of a run of one bin.
  std::vector<double> sub(static_cast<size_t>(p.bins) * 4, 0.0);
  std::vector<double> buf(kChunk);
  std::vector<int64_t> guess(kChunk);
  for (int64_t b0 = 0; b0 < length; b0 += kBlock) {
    const int64_t bEnd = b0 + kBlock < length ? b0 + kBlock : length;
    if (weighted) std::fill(sums, sums + p.bins, 0.0);
    for (int64_t c0 = b0; c0 < bEnd; c0 += kChunk) {
      const int64_t m = bEnd - c0 < kChunk ? bEnd - c0 : kChunk;
      // SAFETY: items c0 .. c0 + m - 1 < length of the checked input layout.
      const uint8_t* base = in.base + c0 * s;
      const double* t;
      if (!in.swap && s == 8 && reinterpret_cast<uintptr_t>(base) % alignof(double) == 0) {
        t = reinterpret_cast<const double*>(base);
      } else {
        for (int64_t k = 0; k < m; k++) buf[static_cast<size_t>(k)] = LoadF8(base + k * s, in.swap);
        t = buf.data();
      }
      Guess(t, m, p.first, p.last, p.span, static_cast<double>(p.bins), guess.data());
      if (!weighted) {
        for (int64_t k = 0; k < m; k++) {
          const int64_t g = guess[static_cast<size_t>(k)];
          if (g < 0) continue;
          const int64_t bin = Correct(p, t[k], g);
          // SAFETY: bin is in [0, bins) (Correct): inside sub.
          if (bin >= 0) sub[static_cast<size_t>(bin * 4 + (k & 3))] += 1.0;
        }
      } else {
        for (int64_t k = 0; k < m; k++) {
          const int64_t g = guess[static_cast<size_t>(k)];
          if (g < 0) continue;
          const int64_t bin = Correct(p, t[k], g);
          // SAFETY: item c0 + k < length of the checked weights layout; bin
          // is in [0, bins) (Correct): inside sums.
          if (bin >= 0) sums[bin] += LoadF8(w.base + (c0 + k) * ws, w.swap);
        }
      }
    }
    if (weighted) for (int64_t b = 0; b < p.bins; b++) total[b] += sums[b];
  }
  if (!weighted) {
    for (int64_t b = 0; b < p.bins; b++) {
      const size_t i = static_cast<size_t>(b) * 4;
      total[b] += (sub[i] + sub[i + 1]) + (sub[i + 2] + sub[i + 3]);
    }
  }
  return env.Undefined();
}

}  // namespace

void InitHistogramKernels(Napi::Env env, Napi::Object exports) {
  exports.Set("histogramUniform", Napi::Function::New<HistogramUniform>(env, "histogramUniform"));
}

}  // namespace mmarray
