// Element-wise ufunc loops over whole ArrayBuffers or mappings of any size
// (lib/ufunc-native.ts is their front; lib/ufunc.ts keeps the JS loops as
// the reference with the same results).
//
// JS resolves everything NumPy decides (loop type, broadcasting, `out`,
// `where`, overlap copies) and hands over a plan: the iteration shape (axes
// ordered slowest first and coalesced) and per operand its memory, element
// 0's byte offset, byte strides, dtype code and byte order. The loop runs in
// the loop's compute type: an operand already of that type, in native order
// and aligned, is addressed in place; any other is converted through
// kernelCast's routines in chunks (NumPy's buffered iterator).
#ifndef MMARRAY_UFUNC_KERNELS_H_
#define MMARRAY_UFUNC_KERNELS_H_

#include <napi.h>

#include <cstdint>

namespace mmarray {

// One chunk of n elements of an element-wise loop: inputs in[k] with
// element strides ins[k] (0: one broadcast value), output o with stride so.
// Every pointer must be aligned for the loop's type and every element it
// addresses must lie in checked memory (the caller's guarantee).
using UfuncChunkFn = void (*)(int64_t n, const void* const* in, const int64_t* ins, void* o, int64_t so);

// The loop of operation `op` (ufunc_kernels.cc's enum Op, or a math op from
// kMathOpBase) over compute type `type`, or nullptr when there is none; its
// input count in *nin, and in *result the type code of the items it writes
// (`type` itself, a bool for comparisons, a part type for complex
// magnitudes; -1 for the math loops whose inputs or results are of a type
// of their own: ldexp, frexp's exponent, bitwise_count). What kernelUfunc runs, for kernels that call it an
// element at a time (ufuncAt, index_kernels.cc). A signed integer power
// meeting a negative exponent writes 0 and sets a per-thread flag that
// UfuncNegativePower() reads and clears.
UfuncChunkFn UfuncLoop(int op, int type, int* nin, int* result);

// Whether UfuncLoop's loop of `op` at `type` may run a whole fold in one
// call: a reduction (in[0] and the output the same accumulator at stride 0,
// in[1] the items) or an accumulation (the output is in[0] one item on, at
// the same stride). True for the core binary loops and the scalar math ones
// (both BinaryChunks run them in order, as NumPy's reduce and accumulate
// loops; ufunc_math.h MathLoopFoldsInPlace); false for the vector math,
// float power and complex loops, which compute a block before they store it.
bool UfuncLoopFoldsInPlace(int op, int type);

// Whether a step of `op`'s fold takes a few cycles (add, compare, min/max,
// bitwise, logical, shifts, fmin/fmax, copysign, heaviside): a fold of many
// lanes along the innermost axis then runs lane by lane, its running value
// in a register, rather than a loop call per step over every lane, which
// overlaps the lanes' latency and pays off for the costly steps (divisions,
// powers, the transcendental math loops).
bool UfuncFoldStepIsCheap(int op);

// NumPy's "indexed" loop of ufunc.at: a[x] = op(a[x], v) for each index x
// at ip + k * is (bytes; an int64, or an int32 for the int32 loops; in
// [-n, n): negative ones count from the end) and value v at vp + k * vs
// (bytes), over items of type `type` at byte stride s from base. SAFETY:
// the caller checks every index, that the indices are aligned for their
// type, and that target and values are aligned items of checked memory.
using UfuncIndexedFn = void (*)(uint8_t* base, int64_t s, int64_t n, const uint8_t* ip, int64_t is, int64_t count,
                                const uint8_t* vp, int64_t vs);

// The indexed loop of `op` at `type` over int64 indices (int32 ones with
// `int32_indices`) where NumPy has one (add, subtract, multiply, divide,
// floor_divide, minimum, maximum, fmin, fmax) or where it gives the
// element-wise loop's results (the bitwise ops), else nullptr. Only for
// values of the target's own type: NumPy's ufunc.at takes its indexed loop
// only when nothing is cast, and its fmax/fmin keep the second of tied
// zeros there (the C library's fmax), the first elsewhere.
UfuncIndexedFn UfuncIndexedLoop(int op, int type, bool int32_indices);

// Whether a loop run on this thread since the last call met an integer
// raised to a negative power (NumPy's ValueError); clears the flag.
bool UfuncNegativePower();

// Whether UfuncLoop's loop of `op` at `type` can set that flag at all (a
// signed integer power): the fold and ufunc.at kernels ask the flag after
// every call only then (a thread-local read through the dynamic TLS model
// of a shared library costs a call of its own: ~3 ns a group of a reduceat
// of 100k groups).
bool UfuncMayMeetNegativePower(int op, int type);

// Adds kernelUfunc to `exports`.
void InitUfuncKernels(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_UFUNC_KERNELS_H_
