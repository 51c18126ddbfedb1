/**
 * The whole-array reductions sum/min/max/mean: the one place that chooses
 * between the native kernel (kernels.ts → native/kernels.cc) and the JS
 * mirror of that kernel below, which computes the same bits — read the two
 * side by side:
 * - every walk in NumPy's iterator order (K order, axes merged:
 *   `iterationLayout`);
 * - float sums pairwise per innermost row, NumPy's order (PW_BLOCKSIZE 128:
 *   {@link pairwiseSum}); a float64 layout NumPy buffers (unaligned, or two
 *   or more rows shorter than its buffer) in its buffered order instead
 *   (lib/buffered-sum.ts);
 * - integer sums exact (partial sums in doubles below 2^52, then a BigInt),
 *   rounded once at the end; 64-bit integers as a BigInt;
 * - min/max by strict comparison in C order, NaN winning at once; a zero
 *   result takes the sign NumPy's loop ends with ({@link signedExtreme}).
 * The call goes ndarray.ts → reduce.ts → kernels.ts → native and never back up.
 * @module
 */
import { bufferedPairwiseSum, isNumpyAligned, NUMPY_BUFFER_ITEMS, pairwiseChunkF4 } from './buffered-sum';
import { iterationLayout } from './layout';
import { budgetedReader, wholeZeroCalls, withinBudget, zeroWinner } from './extreme-zero';
import { ValueError } from './errors';
import { noReductionLoop } from './no-loop';
import { reduce } from './elementwise';
import { forEachRow } from './iterate';
import { reduceNative, ReduceOp } from './kernels';
import type { NdArray } from './ndarray';
import { codecOf, requireOpen, storageOf } from './internal';

function numeric(a: NdArray, what: 'sum' | 'mean' | 'min' | 'max'): void {
  const k = a.dtype.kind;
  if (k !== 'i' && k !== 'u' && k !== 'f' && k !== 'b') {
    // Records, void and bytes: NumPy's no-loop errors (complex reduces elsewhere).
    if (a.dtype.isStructured || k === 'V' || k === 'S') throw noReductionLoop(what === 'min' ? 'minimum' : what === 'max' ? 'maximum' : 'add', a.dtype);
    throw new TypeError(`${what}() needs a bool, integer or float dtype, not ${a.dtype.str}`);
  }
}

/** A reader of element values as numbers at storage offsets (bools as 0/1). */
function numberReader(a: NdArray): (off: number) => number {
  const st = storageOf(a);
  const codec = codecOf(a);
  const n = a.itemsize;
  const single = st.single;
  if (a.dtype.kind === 'b') {
    if (single !== null) return (off) => (codec.read(single.view, off - single.start) ? 1 : 0);
    return (off) => {
      const w = st.window(off, n);
      return codec.read(w.view, off - w.start) ? 1 : 0;
    };
  }
  if (single !== null) return (off) => codec.read(single.view, off - single.start) as number;
  return (off) => {
    const w = st.window(off, n);
    return codec.read(w.view, off - w.start) as number;
  };
}

// Integer partial sums stay exact in a double for this many items of at most
// 2^32 in magnitude (2^20 * 2^32 = 2^52), then move into a BigInt.
const EXACT_CHUNK = 2 ** 20;

/**
 * The JS path of sum/min/max, computing exactly what the kernel does: float
 * sums pairwise per innermost row (or buffered), integer sums exact then
 * rounded once, min/max by strict comparison in walk order with NaN winning
 * at once.
 */
function reduceJS(a: NdArray, op: ReduceOp): number {
  const read = numberReader(a);
  const isFloat = a.dtype.kind === 'f';
  // NumPy's walk, as the kernel gets it (lib/kernels.ts): K order, axes merged.
  const { shape, strides } = iterationLayout(a.shape, a.strides);
  if (op === ReduceOp.Sum) {
    if (isFloat && a.itemsize >= 4) {
      // float32 adds in float32, as NumPy's loop. NumPy buffers a byte-swapped
      // or unaligned layout (a <f8 in a packed record), and one of two or
      // more rows shorter than its buffer.
      const f4 = a.itemsize === 4;
      if (numpyBuffers(a, shape, strides)) {
        return bufferedPairwiseSum(read, shape, strides, a.offset, f4);
      }
      let acc = 0;
      forEachRow(shape, strides, a.offset, (p, n, s) => {
        if (!f4) {
          acc += pairwiseSum(read, p, n, s);
          return;
        }
        const row = new Float64Array(n);
        for (let i = 0; i < n; i++) row[i] = read(p + i * s);
        acc = Math.fround(acc + pairwiseChunkF4(row, 0, n));
      });
      return acc;
    }
    if (isFloat) {
      // float16: in float64, per row (NumPy's half sum adds in float32 and rounds to half).
      let acc = 0;
      forEachRow(shape, strides, a.offset, (p, n, s) => {
        acc += pairwiseSum(read, p, n, s);
      });
      return acc;
    }
    let total = 0n;
    let part = 0;
    let count = 0;
    forEachRow(shape, strides, a.offset, (p, n, s) => {
      for (let i = 0; i < n; i++) {
        part += read(p + i * s);
        if (++count === EXACT_CHUNK) {
          total += BigInt(part);
          part = 0;
          count = 0;
        }
      }
    });
    return Number(total + BigInt(part));
  }
  let first = true;
  let nan = false;
  let m = 0;
  const min = op === ReduceOp.Min;
  forEachRow(shape, strides, a.offset, (p, n, s) => {
    if (nan) return;
    for (let i = 0; i < n; i++) {
      const v = read(p + i * s);
      if (v !== v) {
        nan = true;
        m = v;
        return;
      }
      if (first) {
        m = v;
        first = false;
      } else if (min ? v < m : v > m) {
        m = v;
      }
    }
  });
  return m;
}

/**
 * NumPy's iterator copies this walk of `a` into its buffer: a byte-swapped
 * or unaligned layout (a <f8 in a packed record), or two or more rows
 * shorter than the buffer.
 */
function numpyBuffers(a: NdArray, shape: readonly number[], strides: readonly number[]): boolean {
  if (!a.dtype.isnative || !isNumpyAligned(storageOf(a).addressBase + a.offset, shape, strides, a.itemsize)) return true;
  return shape.length >= 2 && shape[shape.length - 1] < NUMPY_BUFFER_ITEMS;
}

/**
 * A whole-array float32/float64 max/min `m` with the sign NumPy's loop ends
 * with when it is zero and `a` holds both zeros (extreme-zero.ts; as it is
 * when the search would read more than ZERO_SCAN_ITEMS items); any other
 * `m` as it is. `m` as the kernel gives it ({@link reduceNative}): a number
 * is final (the kernel found one sign of zero at most), `[m]` a zero over
 * both; a number from the JS fold is searched when it is zero.
 */
export function signedExtreme(a: NdArray, r: number | readonly [number], fromKernel = false): number {
  if (typeof r === 'number' && fromKernel) return r;
  const m = typeof r === 'number' ? r : r[0];
  if (m !== 0 || a.dtype.kind !== 'f' || (a.itemsize !== 4 && a.itemsize !== 8)) return m;
  const { shape, strides } = iterationLayout(a.shape, a.strides);
  const w = wholeZeroCalls(budgetedReader(numberReader(a)), shape, strides, a.offset, a.itemsize, numpyBuffers(a, shape, strides));
  return withinBudget(() => zeroWinner(w.count, w.callAt, w.first, 64 / a.itemsize)) ?? m;
}

function is64BitInt(a: NdArray): boolean {
  return a.dtype.itemsize === 8 && (a.dtype.kind === 'i' || a.dtype.kind === 'u');
}

/**
 * Sum of all elements: a number, or a BigInt for 64-bit integer dtypes.
 * Floats are summed pairwise as NumPy does (per innermost row of its walk,
 * float64 rows shorter than its buffer through the buffer); integers
 * exactly, then rounded to the nearest double.
 */
export function sum(a: NdArray): number | bigint {
  numeric(a, 'sum');
  requireOpen(a);
  if (is64BitInt(a)) {
    return reduceNative(a, ReduceOp.Sum) ?? reduce<bigint>(a, (s, v) => s + (v as bigint), 0n);
  }
  return reduceNative(a, ReduceOp.Sum) ?? reduceJS(a, ReduceOp.Sum);
}

function extreme(a: NdArray, op: ReduceOp.Min | ReduceOp.Max): number | bigint {
  const what = op === ReduceOp.Min ? 'minimum' : 'maximum';
  numeric(a, op === ReduceOp.Min ? 'min' : 'max');
  if (a.size === 0) throw new ValueError(`zero-size array to reduction operation ${what} which has no identity`);
  requireOpen(a);
  if (is64BitInt(a)) {
    // A 64-bit integer extreme is a BigInt, never a zero to search.
    const native = reduceNative(a, op) as bigint | null;
    if (native !== null) return native;
    const min = op === ReduceOp.Min;
    return reduce<bigint | undefined>(a, (m, v) => (m === undefined || (min ? (v as bigint) < m : (v as bigint) > m) ? (v as bigint) : m), undefined) as bigint;
  }
  const native = reduceNative(a, op) as number | readonly [number] | null;
  const m = native === null ? signedExtreme(a, reduceJS(a, op)) : signedExtreme(a, native, true);
  // A bool array's extreme is a bool, as its elements read.
  return a.dtype.kind === 'b' ? ((m !== 0) as unknown as number) : m;
}

/** Smallest element (NaN if any element is NaN, as NumPy). */
export function min(a: NdArray): number | bigint {
  return extreme(a, ReduceOp.Min);
}

/** Largest element (NaN if any element is NaN, as NumPy). */
export function max(a: NdArray): number | bigint {
  return extreme(a, ReduceOp.Max);
}

/** Arithmetic mean as a float. */
export function mean(a: NdArray): number {
  numeric(a, 'mean');
  return meanOf(a, sum(a));
}

/**
 * The mean from the sum `s` of `a`'s items: a float32 array's rounded to
 * float32 (NumPy divides its float32 sum by the intp count in float64, then
 * casts back), else in float64.
 */
export function meanOf(a: NdArray, s: number | bigint): number {
  if (a.dtype.kind === 'f' && a.itemsize === 4) return Math.fround(Number(s) / a.size);
  return Number(s) / a.size;
}

/** @internal The JS path of sum/min/max, for tests that pin the kernels to it. */
export const reduceJSForTest = reduceJS;

/**
 * NumPy's pairwise summation (PW_BLOCKSIZE 128) of `n` values read at byte
 * offsets p, p + s, …: the kernel's exact order of additions, so both paths
 * give identical bits.
 */
export function pairwiseSum(read: (off: number) => number, p: number, n: number, s: number): number {
  if (n < 8) {
    // From -0, as NumPy's leaf: only -0 items then sum to -0 (0 + -0 is 0).
    let res = -0;
    for (let i = 0; i < n; i++) res += read(p + i * s);
    return res;
  }
  if (n <= 128) {
    let r0 = read(p);
    let r1 = read(p + s);
    let r2 = read(p + 2 * s);
    let r3 = read(p + 3 * s);
    let r4 = read(p + 4 * s);
    let r5 = read(p + 5 * s);
    let r6 = read(p + 6 * s);
    let r7 = read(p + 7 * s);
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const q = p + i * s;
      r0 += read(q);
      r1 += read(q + s);
      r2 += read(q + 2 * s);
      r3 += read(q + 3 * s);
      r4 += read(q + 4 * s);
      r5 += read(q + 5 * s);
      r6 += read(q + 6 * s);
      r7 += read(q + 7 * s);
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += read(p + i * s);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(read, p, n2, s) + pairwiseSum(read, p + n2 * s, n - n2, s);
}
