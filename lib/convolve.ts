/**
 * NumPy's `convolve(a, v, mode='full')` and `correlate(a, v, mode='valid')`
 * (multiarray `correlate`/`correlate2` over `_pyarray_correlate` in
 * numpy/_core/src/multiarray/multiarraymodule.c):
 *
 * - both inputs are cast to their common dtype and must be 1-d;
 * - `correlate` conjugates a complex `v`; when `v` is longer than `a` the two
 *   are swapped and the result reversed (NumPy's `inverted`);
 * - `convolve` swaps so the longer comes first (after refusing an empty
 *   one) and correlates with the shorter reversed (no conjugate);
 * - the result has `n1 + n2 - 1` (full), `max(n1, n2)` (same: `n2 / 2`
 *   floored outputs before the full overlap) or `n1 - n2 + 1` (valid) items,
 *   each a dot product over the overlap.
 *
 * Each dot product sums its products in order (NumPy's small-kernel loop
 * for kernels of up to 11 taps; longer ones go to BLAS there, whose order
 * is its own, so float results then agree to rounding only). Integers wrap
 * as NumPy's do (64-bit products and sums, then the cast back: a float64
 * loop when the operands' magnitudes keep every sum exact below 2^53,
 * BigInt otherwise); bool is OR
 * of ANDs; float16/float32 accumulate in float32 (NumPy's `HALF_dot`
 * and the float dot), float64 and complex in float64. The float64 loop (and
 * the exact-integer one) runs natively (native/correlate.cc: the same loops,
 * the same bits; this file's loop is its JS mirror, pinned by a parity test).
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { dtype as toDType, type DType } from './dtype';
import { ValueError, repr } from './errors';
import { allocate, isArray, requireOpen } from './internal';
import { promoteTypes } from './promote';
import { conjugate } from './ufuncs/arith';
import { correlateF64 } from './native';
import { nativeKernelsOn } from './kernels';
import { typedArray } from './typed';
import { WINDOW_STEP } from './storage';

const F8 = toDType('f8');

/** NumPy's mode names and numbers: 0 valid, 1 same, 2 full. */
export type ConvolveMode = 'valid' | 'same' | 'full' | 0 | 1 | 2;

/** The most items an input or the result may have: the loop indexes them in one typed array each. */
export const MAX_CONVOLVE_ITEMS = 2 ** 31 - 1;

const MODES: Record<string, 0 | 1 | 2> = { valid: 0, same: 1, full: 2 };

function modeOf(mode: unknown): 0 | 1 | 2 {
  if (typeof mode === 'number') {
    if (mode === 0 || mode === 1 || mode === 2) return mode;
    throw new ValueError('integer convolve/correlate mode must be 0, 1, or 2');
  }
  if (typeof mode !== 'string') throw new TypeError(`convolve/correlate mode must be a string or an integer, got ${repr(mode)}`);
  if (Object.hasOwn(MODES, mode)) return MODES[mode];
  throw new ValueError(`mode must be one of 'valid', 'same', or 'full' (got ${repr(mode)})`);
}

function toArray(v: NdArray | readonly unknown[] | number, what: string): NdArray {
  if (isArray(v)) {
    requireOpen(v);
    return v;
  }
  if (v === undefined || v === null) throw new TypeError(`${what} must be an array or a list, got ${repr(v)}`);
  return asarray(v);
}

type Kind = 'f32' | 'f64' | 'c' | 'int' | 'bool';

function kindOf(dt: DType): Kind {
  if (dt.kind === 'b') return 'bool';
  if (dt.kind === 'c') return 'c';
  if (dt.kind === 'f') return dt.itemsize <= 4 ? 'f32' : 'f64';
  if (dt.kind === 'i' || dt.kind === 'u') return 'int';
  throw new TypeError(`convolve/correlate has no loop for dtype ${dt.str}`);
}

/**
 * The items as the loop reads them: a contiguous, aligned, native-order
 * float64 input of at most one window, for the native loop, in place (its
 * own memory: a mapping is read, never copied); anything else a fresh C-order
 * copy in the loop's type.
 */
function itemsOf(a: NdArray, k: Kind): Float64Array | BigInt64Array {
  if (k === 'int') {
    const c = a.astype('<i8', 'C');
    return new BigInt64Array(c.buffer as ArrayBuffer, c.byteOffset, c.size);
  }
  if (k === 'f64' && nativeKernelsOn() && a.dtype.equals(F8) && a.flags.cContiguous && a.nbytes <= WINDOW_STEP && a.flags.aligned) {
    return typedArray(a, { unsafeAllowReadOnly: true }) as Float64Array;
  }
  const c = a.astype(k === 'c' ? '<c16' : '<f8', 'C');
  return new Float64Array(c.buffer as ArrayBuffer, c.byteOffset, c.size * (k === 'c' ? 2 : 1));
}

/**
 * The full-overlap outputs of the float64 loop, four at a time: output `op + q`
 * is Σ_t a[p1 + q + t] · b[p2 + t], each in tap order. Returns the next output
 * index; leaves `count % 4` outputs for the caller.
 */
function fullOverlap4(a: Float64Array, p1: number, b: Float64Array, p2: number, taps: number, o: Float64Array, op: number, count: number): number {
  const blocks = count - (count % 4);
  for (let i = 0; i < blocks; i += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const base = p1 + i;
    for (let t = 0; t < taps; t++) {
      const w = b[p2 + t];
      s0 += a[base + t] * w;
      s1 += a[base + t + 1] * w;
      s2 += a[base + t + 2] * w;
      s3 += a[base + t + 3] * w;
    }
    o[op] = s0;
    o[op + 1] = s1;
    o[op + 2] = s2;
    o[op + 3] = s3;
    op += 4;
  }
  return op;
}

/**
 * NumPy's `_pyarray_correlate(ap1, ap2, mode)`: the outputs of a sliding
 * dot product of `x` (length n1) with `y` (length n2 <= n1), with NumPy's
 * left/right partial overlaps for 'same' and 'full'.
 */
function slide(x: Float64Array | BigInt64Array, n1: number, y: Float64Array | BigInt64Array, n2: number, mode: 0 | 1 | 2, k: Kind): { out: Float64Array | BigInt64Array; length: number } {
  let nLeft = 0;
  let nRight = 0;
  let length = n1;
  if (mode === 0) length = n1 - n2 + 1;
  else if (mode === 1) {
    nLeft = Math.floor(n2 / 2);
    nRight = n2 - nLeft - 1;
  } else {
    nLeft = nRight = n2 - 1;
    length = n1 + n2 - 1;
  }
  const w = k === 'c' ? 2 : 1;
  const out = k === 'int' ? new BigInt64Array(length) : new Float64Array(length * w);
  if (k === 'f64' && nativeKernelsOn()) {
    // The same loops in C++ (native/correlate.cc), the same bits.
    correlateF64(x as Float64Array, y as Float64Array, out as Float64Array, nLeft, nRight);
    return { out, length };
  }
  let op = 0;
  let ip1 = 0;
  let ip2 = nLeft;
  let n = n2 - nLeft;
  const dot = (p1: number, p2: number, cnt: number): void => {
    if (k === 'int') {
      const a = x as BigInt64Array;
      const b = y as BigInt64Array;
      let s = 0n;
      for (let t = 0; t < cnt; t++) s = BigInt.asIntN(64, s + a[p1 + t] * b[p2 + t]);
      (out as BigInt64Array)[op] = s;
    } else {
      const a = x as Float64Array;
      const b = y as Float64Array;
      const o = out as Float64Array;
      if (k === 'f64') {
        let s = 0;
        for (let t = 0; t < cnt; t++) s += a[p1 + t] * b[p2 + t];
        o[op] = s;
      } else if (k === 'f32') {
        let s = 0;
        for (let t = 0; t < cnt; t++) s = Math.fround(s + Math.fround(a[p1 + t] * b[p2 + t]));
        o[op] = s;
      } else if (k === 'bool') {
        let s = 0;
        for (let t = 0; t < cnt && s === 0; t++) if (a[p1 + t] !== 0 && b[p2 + t] !== 0) s = 1;
        o[op] = s;
      } else {
        let sr = 0;
        let si = 0;
        for (let t = 0; t < cnt; t++) {
          const ar = a[2 * (p1 + t)];
          const ai = a[2 * (p1 + t) + 1];
          const br = b[2 * (p2 + t)];
          const bi = b[2 * (p2 + t) + 1];
          sr += ar * br - ai * bi;
          si += ar * bi + ai * br;
        }
        o[2 * op] = sr;
        o[2 * op + 1] = si;
      }
    }
    op++;
  };
  for (let i = 0; i < nLeft; i++) {
    dot(ip1, ip2, n);
    n++;
    ip2--;
  }
  let full = n1 - n2 + 1;
  if (k === 'f64') {
    // Four outputs at a time, each still summed in tap order (the same bits):
    // four independent accumulators keep the FP adder busy instead of
    // waiting on one chain.
    const o = out as Float64Array;
    op = fullOverlap4(x as Float64Array, ip1, y as Float64Array, ip2, n, o, op, full);
    const done = full - (full % 4);
    ip1 += done;
    full -= done;
  }
  for (let i = 0; i < full; i++) {
    dot(ip1, ip2, n);
    ip1++;
  }
  for (let i = 0; i < nRight; i++) {
    n--;
    dot(ip1, ip2, n);
    ip1++;
  }
  return { out, length };
}

/** True when |a| * |v| * taps stays below 2^53, so a float64 loop over these integers is exact. */
function exactInFloat(a: NdArray, v: NdArray, taps: number): boolean {
  const big = (x: NdArray): number => {
    const mx = Number(x.max());
    const mn = Number(x.min());
    return Math.max(Math.abs(mx), Math.abs(mn));
  };
  return big(a) * big(v) * taps < 2 ** 53;
}

/** Cross-correlation of 1-d `a` and `v` in dtype `dt` (v already conjugated / reversed by the caller). */
function correlateCore(a: NdArray, v: NdArray, dt: DType, mode: 0 | 1 | 2, which: 'correlate' | 'convolve'): NdArray {
  let n1 = a.shape[0];
  let n2 = v.shape[0];
  if (n1 === 0) throw new ValueError('first array argument cannot be empty');
  if (n2 === 0) throw new ValueError('second array argument cannot be empty');
  // The loop keeps both inputs and the result in single typed arrays: refuse
  // what cannot fit before a byte is copied (a broadcast view can claim 2^40 items).
  const longest = mode === 2 ? n1 + n2 - 1 : Math.max(n1, n2);
  if (longest > MAX_CONVOLVE_ITEMS) {
    throw new RangeError(`convolve/correlate: inputs of ${n1} and ${n2} items need a result of up to ${longest} items, more than the ${MAX_CONVOLVE_ITEMS} one typed array of this loop holds`);
  }
  let k = kindOf(dt);
  // Integers of up to 32 bits whose sums stay under 2^53 run the float64
  // loop: every product and partial sum is then an exact integer, so the
  // result (through int64, then wrapped to the dtype) is the 64-bit one.
  if (k === 'int' && dt.itemsize <= 4 && exactInFloat(a, v, Math.min(n1, n2))) k = 'f64';
  let x = itemsOf(a, k);
  let y = itemsOf(v, k);
  let inverted = false;
  if (n1 < n2) {
    [x, y] = [y, x];
    [n1, n2] = [n2, n1];
    inverted = true;
  }
  // NumPy's correlate (old, used by convolve) never sees a shorter a: convolve swapped first.
  void which;
  const { out, length } = slide(x, n1, y, n2, mode, k);
  const calc = toDType(k === 'int' ? '<i8' : k === 'c' ? '<c16' : '<f8');
  if (k === 'f64' && dt.kind !== 'f') {
    const f = allocate(calc, [length]);
    new Float64Array(f.buffer as ArrayBuffer, f.byteOffset, length).set(out as Float64Array);
    const r = (inverted ? f.index('::-1') : f).astype('<i8', 'C');
    return r.dtype.equals(dt) ? r : r.astype(dt, 'C');
  }
  const res = allocate(calc, [length]);
  const w = k === 'c' ? 2 : 1;
  if (k === 'int') new BigInt64Array(res.buffer as ArrayBuffer, res.byteOffset, length).set(out as BigInt64Array);
  else new Float64Array(res.buffer as ArrayBuffer, res.byteOffset, length * w).set(out as Float64Array);
  let r = inverted ? res.index('::-1') : res;
  if (!calc.equals(dt) || inverted) r = r.astype(dt, 'C');
  return r;
}

/** The common dtype of the two inputs (checked after their depths: NumPy's FromAny raises first). */
function common(aa: NdArray, va: NdArray): DType {
  const dt = promoteTypes(aa.dtype, va.dtype);
  kindOf(dt);
  return dt;
}

function oneD(a: NdArray): NdArray {
  if (a.ndim !== 1) throw new ValueError(a.ndim === 0 ? 'object of too small depth for desired array' : 'object too deep for desired array');
  return a;
}

/**
 * NumPy's `np.correlate(a, v, mode='valid')`: `c[k] = Σ_n a[n + k] ·
 * conj(v[n])` over 1-d `a` and `v`, in their common dtype.
 *
 * @example
 * correlate([1, 2, 3], [0, 1, 0.5]).toArray(); // [3.5]
 * correlate([1, 2, 3], [0, 1, 0.5], 'full').toArray(); // [0.5, 2, 3.5, 3, 0]
 * @throws ValueError for an empty or non-1-d input or an unknown mode
 */
export function correlate(a: NdArray | readonly unknown[] | number, v: NdArray | readonly unknown[] | number, mode: ConvolveMode = 'valid'): NdArray {
  const m = modeOf(mode);
  const aa = oneD(toArray(a, 'a'));
  let vv = oneD(toArray(v, 'v'));
  // NumPy's legacy type lookup never fails (a record beside a number is its
  // object dtype), so an empty input is its first error.
  if (aa.shape[0] === 0) throw new ValueError('first array argument cannot be empty');
  if (vv.shape[0] === 0) throw new ValueError('second array argument cannot be empty');
  const dt = common(aa, vv);
  if (dt.kind === 'c') vv = conjugate(vv.astype(dt));
  return correlateCore(aa, vv, dt, m, 'correlate');
}

/**
 * NumPy's `np.convolve(a, v, mode='full')`: the discrete linear convolution
 * of 1-d `a` and `v` (scalars count as length 1), in their common dtype.
 *
 * @example
 * convolve([1, 2, 3], [0, 1, 0.5]).toArray(); // [0, 1, 2.5, 4, 1.5]
 * convolve([1, 2, 3], [0, 1, 0.5], 'same').toArray(); // [1, 2.5, 4]
 * @throws ValueError for an empty input, an input of more than one dimension or an unknown mode
 */
export function convolve(a: NdArray | readonly unknown[] | number, v: NdArray | readonly unknown[] | number, mode: ConvolveMode = 'full'): NdArray {
  // NumPy's order: ndmin=1, the empty checks on len(), the swap, the mode, then correlate's depth checks and types.
  let aa = toArray(a, 'a');
  let va = toArray(v, 'v');
  if (aa.ndim === 0) aa = aa.reshape(1);
  if (va.ndim === 0) va = va.reshape(1);
  if (aa.shape[0] === 0) throw new ValueError('a cannot be empty');
  if (va.shape[0] === 0) throw new ValueError('v cannot be empty');
  if (va.shape[0] > aa.shape[0]) [aa, va] = [va, aa];
  const m = modeOf(mode);
  oneD(aa);
  oneD(va);
  const dt = common(aa, va);
  return correlateCore(aa, va.index('::-1'), dt, m, 'convolve');
}
