/**
 * NumPy's `cumsum` and `cumprod` (`np.add.accumulate` / `np.multiply.accumulate`
 * along an axis, or over the flattened array when `axis` is null): each
 * result item is the previous one combined with the next input item, in
 * order (no pairwise tree: an accumulation is sequential in NumPy too), in
 * the accumulation dtype: NumPy 2's `sum` rule when `dtype` is not given
 * (bool and ints narrower than 64 bits widen to int64, unsigned to uint64;
 * floats and complex keep their own type, in native byte order). Integers
 * wrap as NumPy's do; float32 rounds every step. An F-ordered input gives
 * an F-ordered result, as NumPy's does. With `out`, the running results are
 * cast into it (NumPy accumulates in the accumulation dtype and casts each
 * result, unsafely: 0.6 + 0.6 stored in an int array is 1); without
 * `dtype`, `out`'s dtype joins the input's in NumPy's promotion to pick the
 * accumulation dtype (int64 into a float64 `out` adds in float64). float16
 * adds or multiplies in float32 and rounds each step to float16, as NumPy's
 * half loop (in JS). A new result is laid out in `a`'s memory order (NumPy's
 * accumulate keeps it; over a broadcast axis C order, or F for an F-ordered
 * input).
 *
 * The loop is native (native/accumulate_kernels.cc: any numeric input
 * dtype, either byte order, unaligned, strided, mappings past 4 GiB, one
 * pass from input to output); the JS loop below is its reference
 * (test/cumulative.test.ts pins the two to the same bits) and runs where
 * the kernel cannot reach the memory.
 * @module
 */
import { inspect } from 'util';

import type { NdArray } from './ndarray';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError } from './errors';
import { castCode, isSwapped, regionOf } from './kernels';
import { normalizeAxis } from './layout';
import { needsOverlapCopy, writeBack } from './write-overlap';
import { kernelAccumulate } from './native';
import { axisArgs, readKnownOptions, type WithAxis } from './options';
import { isNumeric, promoteTypes } from './promote';
import { sumDType } from './reduce-axis';
import { releaseTemporary } from './release';
import { allocate, makeArray, requireArray, requireOpen, requireWritable, storageOf } from './internal';
import { kStrides } from './copy';
import { float16Bits, float16Value } from './dtype/float16';
import { assign } from './assign';
import { UFuncTypeError } from './ufunc';

/** Options of {@link cumsum} and {@link cumprod}, as NumPy's keywords. */
export interface CumulativeOptions {
  /** The dtype to accumulate in, and of the result (default: NumPy 2's `sum` rule). */
  dtype?: DTypeLike;
  /** Where to store the result (its shape must be the result's); returned. */
  out?: NdArray | null;
}

type Lanes = Float64Array | Float32Array | BigInt64Array | BigUint64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

function accumulate(a: NdArray, axis: number | null | undefined, options: CumulativeOptions | undefined, name: 'cumsum' | 'cumprod'): NdArray {
  const o = readKnownOptions(options, ['dtype', 'out'], name);
  requireOpen(a);
  // The axis first (NumPy's PyArray_CheckAxis before the ufunc sees a dtype or out; fuzz seed 12905678).
  // A 0-d array accumulates as the 1-d array of its item, for axis 0 or -1 too (NumPy's ravel first).
  if (a.ndim === 0 && axis !== undefined && axis !== null) normalizeAxis(axis, 1);
  const flat = axis === undefined || axis === null || a.ndim === 0;
  const ax = flat ? -1 : normalizeAxis(axis, a.ndim);
  const out = o.out ?? null;
  if (out !== null) {
    requireArray(out, name, 'out');
    requireOpen(out);
    requireWritable(out, 'output array is read-only');
    // Checked before anything is stored: a structured out took the JS path,
    // whose final assignment broadcast each sum into every field.
    if (!isNumeric(out.dtype)) {
      const op = name === 'cumsum' ? 'add' : 'multiply';
      throw new UFuncTypeError(`ufunc '${op}' did not contain a loop with signature matching types (${inspect(out.dtype)}, ${inspect(a.dtype)}) -> None`);
    }
  }
  const acc = o.dtype !== undefined ? toDType(o.dtype).newbyteorder('=') : accumulationType(a.dtype, out, name === 'cumsum' ? 'add' : 'multiply');
  if (!'iufc'.includes(acc.kind) || acc.fields !== null) throw new TypeError(`${name}() has no loop for dtype ${acc.str}`);
  if (out !== null) {
    const want = flat ? [a.size] : a.shape;
    if (out.ndim !== want.length || out.shape.some((d, i) => d !== want[i])) throw new ValueError('provided out is the wrong size for the accumulation.');
  }
  const half = acc.kind === 'f' && acc.itemsize === 2;
  if (!half) {
    const native = accumulateNative(a, ax, acc, out, name);
    if (native !== null) return native;
  }
  const src = flat ? a.ravel() : a;
  const axJs = flat ? 0 : ax;
  // NumPy's half loop: each step in float32, rounded to float16 (HALF_add / HALF_multiply).
  // The input is cast to float16 first; float32 holds every float16 exactly.
  // The float16 copy is laid out as the result will be (newResult: over a
  // broadcast axis NumPy's iterator order, not astype's 'K'; fuzz seed 9253258).
  let r: NdArray;
  if (half) {
    const h = newResult(src, acc);
    assign(h, src);
    r = accumulateJs(h, axJs, toDType('<f4'), name, true).astype(acc, 'K');
  } else r = accumulateJs(src, axJs, acc, name, false);
  if (out === null) return r;
  assign(out, r);
  return out;
}

/**
 * The accumulation dtype when `dtype` is not given: NumPy 2's `sum` rule,
 * or with `out`, NumPy's promotion of `out`'s dtype with the input's (its
 * reduce-like ufunc methods resolve the loop with `out`'s DType first):
 * an int64 input into a float64 `out` accumulates in float64, a float64
 * input into a complex `out` in complex128. Where that promotion is bool or
 * an integer, the sum rule's wider integer gives the same bits once cast
 * into `out` (integer sums and products wrap modulo the width).
 */
function accumulationType(dt: DType, out: NdArray | null, op: 'add' | 'multiply'): DType {
  if (out === null || castCode(out.dtype) < 0) return sumDType(dt, op, 'accumulate');
  const p = promoteTypes(out.dtype, dt).newbyteorder('=');
  return p.kind === 'f' || p.kind === 'c' ? p : sumDType(dt, op, 'accumulate');
}

/**
 * A new result for `a` in `acc`: laid out in `a`'s memory order (NumPy's
 * 'K', lib/copy.ts kStrides; its accumulate keeps it: fuzz seed 7942). Over
 * a broadcast axis NumPy's accumulate allocates through its iterator, whose
 * axis order differs from astype's 'K' there (fuzz seed 8559): see
 * {@link iteratorStrides}.
 */
function newResult(a: NdArray, acc: DType): NdArray {
  const out = allocate(acc, a.shape, 'C', true);
  if (a.ndim < 2 || a.flags.cContiguous) return out;
  const broadcast = a.shape.some((n, i) => n > 1 && a.strides[i] === 0);
  // astype(acc, 'K')'s layout (lib/copy.ts kStrides), as the JS reference below makes it.
  const strides = broadcast ? iteratorStrides(a.shape, a.strides, acc.itemsize) : kStrides(a, acc.itemsize);
  return makeArray({ storage: storageOf(out), dtype: acc, shape: [...a.shape], strides, offset: 0, base: null, writeable: true, ownData: true });
}

/**
 * The strides of an output NumPy's nditer allocates for one input of
 * `strides` (npyiter_find_best_axis_ordering): negative strides taken as
 * positive (the iterator flips them), then a stable insertion sort of the
 * axes from the innermost (C order reversed) by |stride|, where a
 * comparison with a 0 stride (a broadcast or length-1 axis) is ambiguous and
 * skipped, so such an axis keeps its place unless another moves past it.
 * `broadcast_to(x, (3, ...))` along a new first axis gives that axis the
 * largest stride; astype's 'K' gives it the smallest.
 */
function iteratorStrides(shape: readonly number[], strides: readonly number[], itemsize: number): number[] {
  const nd = shape.length;
  const st = strides.map((s, i) => (shape[i] === 1 ? 0 : Math.abs(s)));
  const perm = [...Array(nd).keys()].reverse(); // perm[0] is the innermost axis
  for (let i0 = 1; i0 < nd; i0++) {
    const j0 = perm[i0];
    let ipos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const s0 = st[j0];
      const s1 = st[perm[i1]];
      if (s0 === 0 || s1 === 0) continue; // ambiguous: look further out
      if (s1 <= s0) break;
      ipos = i1;
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, j0);
    }
  }
  const out = new Array<number>(nd).fill(0);
  let step = itemsize;
  for (const ax of perm) {
    out[ax] = step;
    step *= shape[ax];
  }
  return out;
}

/**
 * The native accumulation, or null when the kernel cannot take it (memory
 * it cannot reach, kernels turned off, a dtype with no cast code).
 */
function accumulateNative(a: NdArray, ax: number, acc: DType, out: NdArray | null, name: 'cumsum' | 'cumprod'): NdArray | null {
  const compute = castCode(acc);
  const inCode = castCode(a.dtype);
  if (compute < 0 || inCode < 0 || (out !== null && castCode(out.dtype) < 0)) return null;
  if (regionOf(storageOf(a), a.offset) === null) return null;
  const flat = ax < 0;
  let result = out;
  if (result === null) result = flat ? allocate(acc, [a.size], 'C', true) : newResult(a, acc);
  if (a.size === 0) return result;
  const shape = a.shape;
  let outStrides = stridesOverInput(result, shape, flat);
  // NumPy's copy-if-overlap (write-overlap.ts): an out that shares bytes with
  // the input other than item for item, or with itself, gets the result once
  // it is whole, copied in from a temporary.
  let temp: NdArray | null = null;
  if (out !== null && needsOverlapCopy(a, out, { shape, inStrides: a.strides, outStrides })) {
    temp = allocate(out.dtype, out.shape, 'C', true);
    result = temp;
    outStrides = stridesOverInput(temp, shape, flat);
  }
  try {
    const ri = regionOf(storageOf(a), a.offset);
    const ro = regionOf(storageOf(result), result.offset);
    if (ri === null || ro === null) return null;
    // Walk the input in its memory order: axes by decreasing stride (the
    // accumulation axis among them; the others are independent), C order when flat.
    const perm = shape.map((_, k) => k);
    if (!flat) perm.sort((i, j) => Math.abs(a.strides[j]) - Math.abs(a.strides[i]) || i - j);
    kernelAccumulate(
      name === 'cumsum' ? 0 : 1,
      compute,
      perm.map((k) => shape[k]),
      flat ? -1 : perm.indexOf(ax),
      [ri.memory, ri.byteOffset, perm.map((k) => a.strides[k]), inCode, isSwapped(a.dtype)],
      [ro.memory, ro.byteOffset, perm.map((k) => outStrides[k]), castCode(result.dtype), isSwapped(result.dtype)],
    );
    if (temp !== null && out !== null) return writeBack(out, temp);
  } finally {
    if (temp !== null) releaseTemporary(storageOf(temp));
  }
  return result;
}

/** The byte strides of `result` over the input's `shape` (flat: the C-order walk of the 1-d result). */
function stridesOverInput(result: NdArray, shape: readonly number[], flat: boolean): number[] {
  if (!flat) return [...result.strides];
  const strides = new Array<number>(shape.length);
  for (let k = shape.length - 1, step = result.strides[0]; k >= 0; k--) {
    strides[k] = step;
    step *= shape[k];
  }
  return strides;
}

/** The JS reference: a fresh result in the accumulation dtype, laid out as {@link newResult}, accumulated in place. */
function accumulateJs(a: NdArray, ax: number, acc: DType, name: 'cumsum' | 'cumprod', half: boolean): NdArray {
  const broadcast = a.shape.some((n, i) => n > 1 && a.strides[i] === 0);
  const kept = a.astype(acc, broadcast ? (a.ndim > 1 && a.flags.fContiguous && !a.flags.cContiguous ? 'F' : 'C') : 'K');
  if (kept.size === 0) return kept;
  const perm = [...kept.shape.keys()].sort((x, y) => Math.abs(kept.strides[y]) - Math.abs(kept.strides[x]) || x - y);
  const out = kept.transpose(perm);
  if (!out.flags.cContiguous) throw new Error(`${name}: internal: the K-ordered copy is not a permutation of a C-ordered one`);
  const axis0 = perm.indexOf(ax);
  accumulateC(out, axis0, acc, name, half);
  return kept;
}

/** Accumulates the C-ordered native `out` in place along `ax`. */
function accumulateC(out: NdArray, ax: number, acc: DType, name: 'cumsum' | 'cumprod', half: boolean): void {
  const shape = out.shape;
  const n = shape[ax];
  let inner = 1;
  for (let i = ax + 1; i < shape.length; i++) inner *= shape[i];
  const outer = out.size / (n * inner);
  const complex = acc.kind === 'c';
  const int = acc.kind === 'i' || acc.kind === 'u';
  const wide = int && acc.itemsize === 8;
  // 32-bit products need Math.imul (a double product past 2^53 loses the low bits); stores wrap.
  const imul = int && acc.itemsize === 4 && name === 'cumprod';
  const t = lanesOf(out, complex);
  const F = acc.itemsize === 8 && complex ? Math.fround : (v: number): number => v;
  const step = complex ? 2 : 1;
  const stride = inner * step;
  for (let o0 = 0; o0 < outer; o0++) {
    const base = o0 * n * stride;
    for (let j = 0; j < inner * step; j += step) {
      let p = base + j;
      for (let k = 1; k < n; k++, p += stride) {
        const q = p + stride;
        if (complex) {
          if (name === 'cumsum') {
            t[q] = (t[q] as number) + (t[p] as number);
            t[q + 1] = (t[q + 1] as number) + (t[p + 1] as number);
          } else {
            const ar = t[p] as number, ai = t[p + 1] as number, br = t[q] as number, bi = t[q + 1] as number;
            // complex64 rounds each product to float32 first, as NumPy's float loop does.
            t[q] = F(F(ar * br) - F(ai * bi));
            t[q + 1] = F(F(ar * bi) + F(ai * br));
          }
        } else if (wide) {
          // BigInt64Array / BigUint64Array stores wrap modulo 2^64, as NumPy's integer loops do.
          (t as BigInt64Array)[q] = name === 'cumsum' ? (t[q] as bigint) + (t[p] as bigint) : (t[q] as bigint) * (t[p] as bigint);
        } else if (imul) {
          (t as Int32Array)[q] = Math.imul(t[p] as number, t[q] as number);
        } else {
          const v = name === 'cumsum' ? (t[p] as number) + (t[q] as number) : (t[p] as number) * (t[q] as number);
          (t as Float64Array)[q] = half ? float16Value(float16Bits(Math.fround(v))) : v;
        }
      }
    }
  }
}

/** The C-ordered native result as one typed array of its items (complex as re, im pairs). */
function lanesOf(out: NdArray, complex: boolean): Lanes {
  const dt = out.dtype;
  const buf = out.buffer;
  const count = out.size * (complex ? 2 : 1);
  const part = complex ? dt.itemsize / 2 : dt.itemsize;
  if (dt.kind === 'f' || complex) return part === 4 ? new Float32Array(buf, out.byteOffset, count) : new Float64Array(buf, out.byteOffset, count);
  const u = dt.kind === 'u';
  switch (dt.itemsize) {
    case 1: return u ? new Uint8Array(buf, out.byteOffset, count) : new Int8Array(buf, out.byteOffset, count);
    case 2: return u ? new Uint16Array(buf, out.byteOffset, count) : new Int16Array(buf, out.byteOffset, count);
    case 4: return u ? new Uint32Array(buf, out.byteOffset, count) : new Int32Array(buf, out.byteOffset, count);
    default: return u ? new BigUint64Array(buf, out.byteOffset, count) : new BigInt64Array(buf, out.byteOffset, count);
  }
}

/** NumPy's `np.cumsum(a, axis=None, dtype=None, out=None)`: running sums (flattened when `axis` is null or omitted). */
export function cumsum(a: NdArray, axis?: number | null | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function cumsum(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, options?: CumulativeOptions | null): NdArray;
export function cumsum(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, ...rest: unknown[]): NdArray {
  let options: CumulativeOptions | undefined;
  [axis, options] = axisArgs('cumsum', ['dtype', 'out'], axis, rest) as [number | null | undefined, CumulativeOptions | undefined];
  return accumulate(a, axis, options, 'cumsum');
}

/** NumPy's `np.cumprod(a, axis=None, dtype=None, out=None)`: running products (flattened when `axis` is null or omitted). */
export function cumprod(a: NdArray, axis?: number | null | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function cumprod(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, options?: CumulativeOptions | null): NdArray;
export function cumprod(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, ...rest: unknown[]): NdArray {
  let options: CumulativeOptions | undefined;
  [axis, options] = axisArgs('cumprod', ['dtype', 'out'], axis, rest) as [number | null | undefined, CumulativeOptions | undefined];
  return accumulate(a, axis, options, 'cumprod');
}
