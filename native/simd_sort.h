// In-place ascending sorts and selects of integer keys with AVX-512 (issue
// 18): the quicksort of Bramas 2017 ("A Novel Hybrid Quicksort Algorithm
// Vectorized using AVX-512") as x86-simd-sort shapes it: a partition that
// compresses each vector's keys below the pivot to the left end and the
// rest to the right end, and bitonic sorting networks in registers for
// partitions of up to 16 vectors. Written from those descriptions for this
// project.
//
// The keys are sort_kernels.cc's order-preserving words (floats, signed and
// unsigned integers all sort as unsigned), so one sort per width serves
// every dtype, or integers as they lie (the signed variants compare as
// signed: no key pass); it is not stable, which is invisible there: equal
// keys are equal bits (zeros and NaNs are put back after the sort), and an
// argsort packs the index into the low half of a wider key.
//
// The kernels need AVX-512 F (every instruction used is in F) and are
// chosen at run time; other CPUs and other architectures have
// SimdSortAvailable() false and keep the radix sorts. The 16-bit selects
// (SelectU16, SelectI16) also need VBMI2 and BW, and pick their own path.
#ifndef MMARRAY_SIMD_SORT_H_
#define MMARRAY_SIMD_SORT_H_

#include <cstddef>
#include <cstdint>

namespace mmarray {

// True when this CPU runs the AVX-512 sorts and they are not switched off.
bool SimdSortAvailable();

// Switches the AVX-512 sorts off (false) or back on where the CPU has them:
// the test hook that compares them with the radix path (a sort running at
// the same time may take either path: both give the same bits).
void SetSimdSortEnabled(bool on);

// Sort the n keys at a ascending. Call only when SimdSortAvailable().
void SimdSortU64(uint64_t* a, size_t n);
void SimdSortU32(uint32_t* a, size_t n);
// Sort n signed integers held as their bits ascending (int64 and int32
// items as they lie). Call only when SimdSortAvailable().
void SimdSortI64(uint64_t* a, size_t n);
void SimdSortI32(uint32_t* a, size_t n);
// Sort the n doubles at a (their native bits; no NaN among them) ascending
// as doubles: -0 and +0 are equal, so their bits come out in either order.
void SimdSortF64(uint64_t* a, size_t n);
// NumPy's partition of the n doubles at a (their native bits; no NaN among
// them) at k < n: a[k] becomes the double a sort puts there, none greater
// before it, none smaller after it (-0 and +0 equal). Call only when
// SimdSortAvailable().
void SimdSelectF64(uint64_t* a, size_t n, size_t k);
// The same for n unsigned keys (no NaN question).
void SimdSelectU64(uint64_t* a, size_t n, size_t k);
// The same for n unsigned 32-bit keys (the keys of int32, uint32 and
// non-NaN float32 items in partition).
void SimdSelectU32(uint32_t* a, size_t n, size_t k);
// The same for n signed 64-bit and 32-bit integers held as their bits
// (int64 and int32 items as they lie: no key pass).
void SimdSelectI64(uint64_t* a, size_t n, size_t k);
void SimdSelectI32(uint32_t* a, size_t n, size_t k);
// The same for n unsigned 16-bit keys (the keys of uint16 and non-NaN
// float16 items), and for n int16 held as their bits, callable on every
// CPU: a three-way vector quickselect where the CPU has AVX-512 VBMI2 (and
// BW) and the sorts are on, else std::nth_element.
void SelectU16(uint16_t* a, size_t n, size_t k);
void SelectI16(uint16_t* a, size_t n, size_t k);

// The block transposes of a sort along axis 0 (sort_kernels.cc
// SortValueBlocks), with AVX-512 8 x 8 transposes. Gather: for every row i <
// n and lane l < lanes, dst[l * n + i] = 64-bit word l of the row at src + i
// * rowStride. Scatter, its inverse: word l of the row at dst + i * rowStride
// = src[l * n + i]. lanes is a multiple of 8; src and dst do not overlap.
// Call only when SimdSortAvailable().
void SimdGatherLanes64(const uint8_t* src, int64_t rowStride, uint64_t* dst, size_t n, int lanes);
void SimdScatterLanes64(const uint64_t* src, uint8_t* dst, int64_t rowStride, size_t n, int lanes);

}  // namespace mmarray

#endif  // MMARRAY_SIMD_SORT_H_
