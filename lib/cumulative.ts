/**
 * NumPy's `cumsum` and `cumprod` (`np.add.accumulate` / `np.multiply.accumulate`
 * along an axis, or over the flattened array when `axis` is null): each
 * result item is the previous one combined with the next input item, in
 * order (no pairwise tree: an accumulation is sequential in NumPy too), in
 * the accumulation dtype: NumPy 2's `sum` rule when `dtype` is not given
 * (bool and ints narrower than 64 bits widen to int64, unsigned to uint64;
 * floats and complex keep their own type, in native byte order). Integers
 * wrap as NumPy's do; float32 rounds every step. An F-ordered input gives
 * an F-ordered result, as NumPy's does. float16 adds or multiplies in
 * float32 and rounds each step to float16, as NumPy's half loop.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { normalizeAxis } from './layout';
import { readKnownOptions } from './options';
import { sumDType } from './reduce-axis';
import { requireOpen } from './internal';
import { float16Bits, float16Value } from './dtype/float16';

/** Options of {@link cumsum} and {@link cumprod}, as NumPy's keywords. */
export interface CumulativeOptions {
  /** The dtype to accumulate in, and of the result (default: NumPy 2's `sum` rule). */
  dtype?: DTypeLike;
}

type Lanes = Float64Array | Float32Array | BigInt64Array | BigUint64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

function accumulate(a: NdArray, axis: number | null | undefined, options: CumulativeOptions | undefined, name: 'cumsum' | 'cumprod', half = false): NdArray {
  const o = readKnownOptions(options, ['dtype'], name);
  requireOpen(a);
  const acc = o.dtype === undefined ? sumDType(a.dtype) : toDType(o.dtype).newbyteorder('=');
  if (acc.kind === 'f' && acc.itemsize === 2) {
    // NumPy's half loop: each step in float32, rounded to float16 (HALF_add / HALF_multiply).
    // The input is cast to float16 first; float32 holds every float16 exactly.
    return accumulate(a.astype(acc, 'K'), axis, { dtype: '<f4' }, name, true).astype(acc, 'K');
  }
  if (!'iufc'.includes(acc.kind) || acc.fields !== null) throw new TypeError(`${name}() has no loop for dtype ${acc.str}`);
  // A 0-d array accumulates as 1-d (np.cumsum(np.array(3.0), 0) has shape (1,); fuzz seed 8036).
  if (axis === undefined || axis === null || a.ndim === 0) return accumulate(a.ravel(), axis ?? 0, { dtype: acc }, name, half);
  const ax = normalizeAxis(axis, a.ndim);
  // A fresh copy in the accumulation dtype laid out in `a`'s memory order (NumPy's
  // accumulate keeps it: fuzz seeds 7942 8559), accumulated in place through the
  // axis permutation that makes it C-ordered.
  // (Over a broadcast axis NumPy's layout is another one, not reproduced yet: there the
  // old rule, C order or F order for an F-ordered input.)
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
  if (dt.kind === 'f' || complex) return part === 4 ? new Float32Array(buf, out.offset, count) : new Float64Array(buf, out.offset, count);
  const u = dt.kind === 'u';
  switch (dt.itemsize) {
    case 1: return u ? new Uint8Array(buf, out.offset, count) : new Int8Array(buf, out.offset, count);
    case 2: return u ? new Uint16Array(buf, out.offset, count) : new Int16Array(buf, out.offset, count);
    case 4: return u ? new Uint32Array(buf, out.offset, count) : new Int32Array(buf, out.offset, count);
    default: return u ? new BigUint64Array(buf, out.offset, count) : new BigInt64Array(buf, out.offset, count);
  }
}

/** NumPy's `np.cumsum(a, axis=None, dtype=None)`: running sums (flattened when `axis` is null or omitted). */
export function cumsum(a: NdArray, axis?: number | null, options?: CumulativeOptions): NdArray {
  return accumulate(a, axis, options, 'cumsum');
}

/** NumPy's `np.cumprod(a, axis=None, dtype=None)`: running products (flattened when `axis` is null or omitted). */
export function cumprod(a: NdArray, axis?: number | null, options?: CumulativeOptions): NdArray {
  return accumulate(a, axis, options, 'cumprod');
}
