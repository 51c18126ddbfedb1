/**
 * NumPy's `ufunc.at(a, indices, b)` for the binary ufuncs besides `add`
 * (`np.add.at` is {@link addAt}) and the unary ones: `maximumAt(a, idx, v)`
 * is `np.maximum.at(a, idx, v)`, `negativeAt(a, idx)` is
 * `np.negative.at(a, idx)`. Unbuffered, in place: `a[i] = op(a[i], v)` once
 * per index, in order, so a repeated index applies the op again to what the
 * last step wrote (group maxima: `maximumAt(best, group, score)`; products,
 * bit masks: `bitwiseOrAt(flags, ids, bit)`), where `a[idx] = op(a[idx], v)`
 * keeps only the last.
 *
 * As NumPy: `values` becomes an array first (a JS number is an int64 or
 * float64 array, not a weak scalar: `maximumAt(uint8s, i, 300)` runs in
 * int64), the loop is the ufunc's for `a`'s dtype and the values' (its
 * errors first: a record array or bool `subtractAt` is NumPy's TypeError),
 * then the index is checked (IndexError, nothing written), then the values
 * broadcast to the index result's shape ("array is not broadcastable to
 * correct shape"); each step's result is cast back into `a` unsafely
 * (`subtractAt(int8s, i, 2.5)` truncates at every step, as NumPy). An
 * integer `powerAt` meeting a negative exponent raises NumPy's ValueError
 * after the steps before it (NumPy's loop stops there too). Values that
 * share memory with `a` are read as they were before the first write.
 * Unlike NumPy 2.4, whose fast path ignores it, a read-only `a` is refused.
 *
 * A 1-d `a` whose dtype is the loop's (float64, float32, an integer or bool,
 * native order, aligned) and a 1-d integer index array run in the kernel:
 * with values of `a`'s own dtype, NumPy's indexed loops where NumPy has them
 * (add, subtract, multiply, divide, floor_divide, minimum, maximum, fmin,
 * fmax; their `fmax`/`fmin` keep the second of tied zeros, as NumPy's),
 * else the ufunc's loop called once per index with the value at stride 0,
 * as NumPy's slow path (so `powerAt(x, i, 0.5)` takes the square-root path
 * as there). An N-d `a` of any layout indexed by one 1-d integer array per
 * axis (a 2-d histogram: `addAt(h, [rows, cols], w)`, `maximumAt` alike)
 * runs the same loops in the kernel, which sums each item's offset from the
 * index arrays a block at a time; index arrays of other shapes that
 * broadcast, on a C-contiguous `a`, go through one flat index into
 * `a.reshape(-1)`. Anything else
 * runs the ufunc over the indices in rounds, each round the next occurrence
 * of every index, so a heavily repeated index costs one ufunc call per
 * repeat.
 * @module
 */
import { asarray } from '../array-coerce';
import type { DType } from '../dtype';
import { ValueError } from '../errors';
import { atKey, atSelection, flatAtKey, flatAtValues, gather, type AtItems } from '../fancy';
import { allocate, ITERATOR_READ_ONLY, NdArray as ArrayClass, requireArray, requireWritable, storageOf } from '../internal';
import { ufuncAtByKernel } from '../index-kernels';
import type { NdArray } from '../ndarray';
import { broadcastTo } from '../views';
import { NEGATIVE_POWER } from '../ufunc-native';
import type { UfuncInput } from '../ufunc';
import { absolute, divide, floorDivide, maximum, minimum, multiply, negative, power, remainder, square, subtract } from './arith';
import { fmax, fmin } from './arith2';
import { bitwiseAnd, bitwiseOr, bitwiseXor, invert, leftShift, rightShift } from './bitwise';
import { equal, greater, greaterEqual, less, lessEqual, logicalAnd, logicalOr, logicalXor, notEqual } from './compare';
import { exp, log, sqrt } from './math';
import { logaddexp } from './explog';
import { arctan2, hypot } from './trig';

/** A binary or unary ufunc as this library exports it (options unused here). */
type Binary = (x1: UfuncInput, x2: UfuncInput) => NdArray;
type Unary = (x: UfuncInput) => NdArray;

/** One ufunc.at call, its operands checked. */
interface AtCall {
  readonly name: string;
  readonly op: Binary | Unary;
  readonly a: NdArray;
  /** The values as an array (binary ufuncs), else null. */
  readonly v: NdArray | null;
}

/**
 * The loop's result dtype for `a` and the values, found as the ufunc finds
 * it (over empty arrays): NumPy resolves the loop, with its TypeErrors,
 * before it looks at the indices.
 */
function loopResult(c: AtCall): DType {
  const x = allocate(c.a.dtype, [0]);
  const r = c.v === null ? (c.op as Unary)(x) : (c.op as Binary)(x, allocate(c.v.dtype, [0]));
  return r.dtype;
}

function run(c: AtCall, items: AtItems): void {
  const { a, v } = c;
  const out = loopResult(c);
  const key = atKey(a, items);
  // The kernel: a 1-d target of the loop's own dtype indexed by one integer
  // array, or an N-d one by a 1-d index array per axis; other index arrays
  // that broadcast, on a C-contiguous target, through one flat index.
  if (ufuncAtByKernel(c.name, a, key, v, out)) return;
  const flat = flatAtKey(a, key);
  const fv = flat === null || v === null ? null : flatAtValues(v, flat.shape);
  if (flat !== null && (v === null || fv !== null) && ufuncAtByKernel(c.name, a.reshape([-1]), [flat.flat], fv, out)) return;
  byRounds(c, key, out);
}

/** The general path: the ufunc over each round of the selected items (see the module note). */
function byRounds(c: AtCall, key: ReturnType<typeof atKey>, out: DType): void {
  const { a } = c;
  const s = atSelection(a, key);
  let v: NdArray | null = null;
  if (c.v !== null) {
    try {
      v = broadcastTo(c.v, s.shape);
    } catch {
      throw new ValueError('array is not broadcastable to correct shape');
    }
    // A copy, read before any write, as NumPy reads values that share memory
    // with `a`: one value as a 0-d array for every round, else C order.
    v = c.v.size === 1 ? c.v.copy().reshape([]) : v.copy().reshape([-1]);
  }
  let m = s.offsets.length;
  // An integer power stops at its first negative exponent (NumPy's loop raises there).
  let refused = false;
  if (v !== null && c.name === 'power' && (out.kind === 'i' || out.kind === 'u')) {
    const k = firstNegative(v);
    if (k >= 0) {
      m = k;
      refused = true;
    }
  }
  const ranks = new Int32Array(m);
  const seen = new Map<number, number>();
  let rounds = 0;
  for (let i = 0; i < m; i++) {
    const r = seen.get(s.offsets[i]) ?? 0;
    seen.set(s.offsets[i], r + 1);
    ranks[i] = r;
    if (r + 1 > rounds) rounds = r + 1;
  }
  // Positions of each round, in order.
  const starts = new Int32Array(rounds + 1);
  for (let i = 0; i < m; i++) starts[ranks[i] + 1]++;
  for (let r = 0; r < rounds; r++) starts[r + 1] += starts[r];
  const order = new Int32Array(m);
  const fill = starts.slice(0, rounds);
  for (let i = 0; i < m; i++) order[fill[ranks[i]]++] = i;
  // NumPy's ufunc.at calls its loop an item at a time, the value at stride 0:
  // float power then takes its fast paths (-inf ** 0.5 is sqrt's NaN, pow's
  // inf). Values of 0.5 go through as a 0-d exponent, which takes them too.
  const halves = v !== null && c.name === 'power' && out.kind === 'f' ? halfExponents(v) : null;
  for (let r = 0; r < rounds; r++) {
    const pos = order.subarray(starts[r], starts[r + 1]);
    if (halves === null) {
      apply(c, s.offsets, pos, v);
      continue;
    }
    const half = pos.filter((i) => halves[i] === 1);
    if (half.length > 0) apply(c, s.offsets, half, (v as NdArray).index(half[0]));
    apply(c, s.offsets, pos.filter((i) => halves[i] === 0), v);
  }
  if (refused) throw new ValueError(NEGATIVE_POWER);
}

/**
 * Items `pos` of `a` (at `offsets[pos[k]]`) become `op(a[...], v[pos[k]])`
 * (`v` 1-d; a 0-d `v` for all), cast back into `a` unsafely as NumPy's
 * ufunc.at casts each result.
 */
function apply(c: AtCall, offsets: readonly number[], pos: Int32Array, v: NdArray | null): void {
  if (pos.length === 0) return;
  const cur = gather(c.a, Array.from(pos, (i) => offsets[i]), [pos.length], [0]);
  const res = v === null ? (c.op as Unary)(cur) : (c.op as Binary)(cur, v.ndim === 0 ? v : pick(v, pos));
  scatter(c.a, offsets, pos, res.dtype.equals(c.a.dtype) ? res : res.astype(c.a.dtype, { casting: 'unsafe' }));
}

/** 1 where a value is 0.5, else 0 (a 0-d `v`: null, it goes through as it is). */
function halfExponents(v: NdArray): Uint8Array | null {
  if (v.ndim === 0) return null;
  const xs = v.toArray() as unknown[];
  return Uint8Array.from(xs, (x) => (x === 0.5 ? 1 : 0));
}

/** The position of the first negative value of a 1-d (or 0-d: any position) integer array, or -1. */
function firstNegative(v: NdArray): number {
  if (v.dtype.kind !== 'i') return -1;
  const xs = (v.ndim === 0 ? [v.toArray()] : v.toArray()) as (number | bigint)[];
  for (let i = 0; i < xs.length; i++) if (xs[i] < 0) return i;
  return -1;
}

/** The bytes of a fresh C-contiguous array. */
function bytesOf(x: NdArray): Uint8Array {
  const w = storageOf(x).single;
  if (w === null) throw new Error('ufunc.at: a fresh array spans more than one window');
  return w.bytes.subarray(x.offset - w.start, x.offset - w.start + x.size * x.itemsize);
}

/** Writes item k of `x` (a fresh array of `a`'s dtype) to `offsets[pos[k]]` of `a`. */
function scatter(a: NdArray, offsets: readonly number[], pos: Int32Array, x: NdArray): void {
  const n = a.itemsize;
  const src = bytesOf(x.flags.cContiguous ? x : x.copy());
  // The ufunc ran the caller's code no more than reading did, but the memory is checked again before the first store.
  requireWritable(a, ITERATOR_READ_ONLY);
  const at = storageOf(a).cursor(n);
  for (let k = 0; k < pos.length; k++) {
    const off = offsets[pos[k]];
    const w = at(off);
    const o = off - w.start;
    for (let b = 0; b < n; b++) w.bytes[o + b] = src[k * n + b];
  }
}

/** Items `pos` of a fresh 1-d C-contiguous array, as a new array. */
function pick(v: NdArray, pos: Int32Array): NdArray {
  return gather(v, Array.from(pos, (i) => v.offset + i * v.itemsize), [pos.length], [0]);
}

/** The `at` method of binary ufunc `op` (NumPy name `name`). */
export function binaryAt(op: Binary, name: string, fn: string): (a: NdArray, items: AtItems, values: UfuncInput) => void {
  return (a, items, values) => {
    requireArray(a, fn, 'a');
    if (values === undefined) throw new ValueError('second operand needed for ufunc');
    requireWritable(a, ITERATOR_READ_ONLY);
    const v = values instanceof ArrayClass ? values : asarray(values as never);
    run({ name, op, a, v }, items);
  };
}

/** The `at` method of unary ufunc `op`. */
export function unaryAt(op: Unary, name: string, fn: string): (a: NdArray, items: AtItems) => void {
  return (a, items, ...rest: unknown[]) => {
    requireArray(a, fn, 'a');
    if (rest.length > 0 && rest[0] !== undefined) throw new ValueError('second operand provided when ufunc is unary');
    requireWritable(a, ITERATOR_READ_ONLY);
    run({ name, op, a, v: null }, items);
  };
}

/** NumPy's `np.subtract.at(a, indices, b)`: `a[i] -= b` once per index, in order. */
export const subtractAt = binaryAt(subtract, 'subtract', 'subtractAt');
/** NumPy's `np.multiply.at(a, indices, b)`: `a[i] *= b` once per index (products per group). */
export const multiplyAt = binaryAt(multiply, 'multiply', 'multiplyAt');
/** NumPy's `np.divide.at(a, indices, b)`: `a[i] /= b` once per index (an integer `a` takes each quotient truncated). */
export const divideAt = binaryAt(divide, 'divide', 'divideAt');
/** NumPy's `np.floor_divide.at(a, indices, b)`. */
export const floorDivideAt = binaryAt(floorDivide, 'floor_divide', 'floorDivideAt');
/** NumPy's `np.remainder.at(a, indices, b)`. */
export const remainderAt = binaryAt(remainder, 'remainder', 'remainderAt');
/** NumPy's `np.power.at(a, indices, b)` (an integer to a negative power: NumPy's ValueError, the steps before it kept). */
export const powerAt = binaryAt(power, 'power', 'powerAt');
/** NumPy's `np.minimum.at(a, indices, b)`: the least of each item and its values (NaN propagates); group minima. */
export const minimumAt = binaryAt(minimum, 'minimum', 'minimumAt');
/** NumPy's `np.maximum.at(a, indices, b)`: the greatest of each item and its values (NaN propagates); group maxima. */
export const maximumAt = binaryAt(maximum, 'maximum', 'maximumAt');
/** NumPy's `np.fmin.at(a, indices, b)`: as minimumAt, NaN ignored where a number is there. */
export const fminAt = binaryAt(fmin, 'fmin', 'fminAt');
/** NumPy's `np.fmax.at(a, indices, b)`: as maximumAt, NaN ignored where a number is there. */
export const fmaxAt = binaryAt(fmax, 'fmax', 'fmaxAt');
/** NumPy's `np.bitwise_and.at(a, indices, b)`. */
export const bitwiseAndAt = binaryAt(bitwiseAnd, 'bitwise_and', 'bitwiseAndAt');
/** NumPy's `np.bitwise_or.at(a, indices, b)`: set flag bits per item (`bitwiseOrAt(flags, ids, 4)`). */
export const bitwiseOrAt = binaryAt(bitwiseOr, 'bitwise_or', 'bitwiseOrAt');
/** NumPy's `np.bitwise_xor.at(a, indices, b)`. */
export const bitwiseXorAt = binaryAt(bitwiseXor, 'bitwise_xor', 'bitwiseXorAt');
/** NumPy's `np.left_shift.at(a, indices, b)`. */
export const leftShiftAt = binaryAt(leftShift, 'left_shift', 'leftShiftAt');
/** NumPy's `np.right_shift.at(a, indices, b)`. */
export const rightShiftAt = binaryAt(rightShift, 'right_shift', 'rightShiftAt');
/** NumPy's `np.logical_and.at(a, indices, b)` (the bool result cast back into `a`). */
export const logicalAndAt = binaryAt(logicalAnd, 'logical_and', 'logicalAndAt');
/** NumPy's `np.logical_or.at(a, indices, b)`: `logicalOrAt(seen, ids, true)` marks items. */
export const logicalOrAt = binaryAt(logicalOr, 'logical_or', 'logicalOrAt');
/** NumPy's `np.logical_xor.at(a, indices, b)`. */
export const logicalXorAt = binaryAt(logicalXor, 'logical_xor', 'logicalXorAt');
/** NumPy's `np.equal.at(a, indices, b)`: each indexed item becomes `a[i] == b` (the bool cast back into `a`: 1 or 0). */
export const equalAt = binaryAt(equal, 'equal', 'equalAt');
/** NumPy's `np.not_equal.at(a, indices, b)`. */
export const notEqualAt = binaryAt(notEqual, 'not_equal', 'notEqualAt');
/** NumPy's `np.less.at(a, indices, b)`. */
export const lessAt = binaryAt(less, 'less', 'lessAt');
/** NumPy's `np.less_equal.at(a, indices, b)`. */
export const lessEqualAt = binaryAt(lessEqual, 'less_equal', 'lessEqualAt');
/** NumPy's `np.greater.at(a, indices, b)`. */
export const greaterAt = binaryAt(greater, 'greater', 'greaterAt');
/** NumPy's `np.greater_equal.at(a, indices, b)`. */
export const greaterEqualAt = binaryAt(greaterEqual, 'greater_equal', 'greaterEqualAt');
/** NumPy's `np.hypot.at(a, indices, b)`. */
export const hypotAt = binaryAt(hypot, 'hypot', 'hypotAt');
/** NumPy's `np.arctan2.at(a, indices, b)`. */
export const arctan2At = binaryAt(arctan2, 'arctan2', 'arctan2At');
/** NumPy's `np.logaddexp.at(a, indices, b)`: log-sum-exp per group. */
export const logaddexpAt = binaryAt(logaddexp, 'logaddexp', 'logaddexpAt');
/** NumPy's `np.negative.at(a, indices)`: negates each indexed item once per index. */
export const negativeAt = unaryAt(negative, 'negative', 'negativeAt');
/** NumPy's `np.absolute.at(a, indices)`. */
export const absoluteAt = unaryAt(absolute, 'absolute', 'absoluteAt');
/** NumPy's `np.square.at(a, indices)`. */
export const squareAt = unaryAt(square, 'square', 'squareAt');
/** NumPy's `np.sqrt.at(a, indices)`: a repeated index takes the root again (an integer `a`: the float root cast back). */
export const sqrtAt = unaryAt(sqrt, 'sqrt', 'sqrtAt');
/** NumPy's `np.exp.at(a, indices)`. */
export const expAt = unaryAt(exp, 'exp', 'expAt');
/** NumPy's `np.log.at(a, indices)`. */
export const logAt = unaryAt(log, 'log', 'logAt');
/** NumPy's `np.invert.at(a, indices)`: flips the bits of each indexed item once per index. */
export const invertAt = unaryAt(invert, 'invert', 'invertAt');
