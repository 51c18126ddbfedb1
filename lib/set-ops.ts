/**
 * NumPy's set routines over flattened arrays (`numpy/lib/_arraysetops_impl.py`):
 * `isin`, `intersect1d`, `union1d`, `setdiff1d`, `setxor1d`. Each follows
 * NumPy's algorithm over the library's native `unique`, `sort`, `argsort`
 * and `searchsorted`: the results are sorted unique values (unless
 * `assumeUnique` says the inputs already are; then, as in NumPy, repeated
 * items give unspecified results), and items match by `==` in the promoted
 * dtype, so NaN matches nothing (while `unique` keeps one NaN).
 *
 * `isin` searches each item among the sorted distinct test items and checks
 * the item found with `equal`: the same answers as NumPy's three algorithms
 * (table, loop, sort), which agree with one another.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { ValueError } from './errors';
import { dtype as toDType } from './dtype';
import { isArray, requireOpen } from './internal';
import { positionalOptions, readKnownOptions } from './options';
import { argsort, searchsorted, sort, unique } from './sort';
import { concatenate } from './join';
import { compress, take } from './fancy';
import { equal, logicalAnd, logicalNot, logicalOr, notEqual } from './ufuncs/compare';
import { subtract } from './ufuncs/arith';
import { zeros } from './create';
import { max, min } from './reduce-axis';

/** An array, or nested lists that {@link asarray} reads. */
export type SetInput = NdArray | readonly unknown[];

/** Options of {@link isin}. */
export interface IsinOptions {
  /** The inputs hold no repeated items (accepted; the answers do not depend on it here). */
  assumeUnique?: boolean;
  /** Answer "not in" instead of "in". */
  invert?: boolean;
  /**
   * NumPy's algorithm choice; the answers are the same. `'sort'` sorts both
   * inputs; `'table'` (bools and integers only) looks each item up in a
   * table over the test values' span; null (the default) takes the table
   * when both are integers or bools and the span is at most 6 times the
   * inputs' total size (NumPy's rule), else the sort. Here `'table'` with a
   * wider span (or ends past 2^53) answers by the sort, where NumPy builds
   * the table anyway; a span past the test dtype's largest integer is
   * NumPy's error (its RuntimeError, a ValueError here).
   */
  kind?: 'sort' | 'table' | null;
}

/** Options of {@link intersect1d}. */
export interface Intersect1dOptions {
  /** Both inputs hold no repeated items: skip the `unique` pass. */
  assumeUnique?: boolean;
  /** Also return, for each common value, its index in the flattened `ar1` and `ar2`. */
  returnIndices?: boolean;
}

/** What {@link intersect1d} returns with `returnIndices`: the values and their first indices in each input. */
export interface Intersect1dResult {
  values: NdArray;
  indices1: NdArray;
  indices2: NdArray;
}

/** Options of {@link setdiff1d} and {@link setxor1d}. */
export interface SetOptions {
  /** The inputs hold no repeated items: skip the `unique` pass. */
  assumeUnique?: boolean;
}

function flat(x: SetInput): NdArray {
  const a = isArray(x) ? x : asarray(x);
  requireOpen(a);
  return a.reshape(-1);
}

/** The `isin` mask of the flattened `el`, NumPy's `_isin`. */
function in1d(el: NdArray, test: NdArray, invert: boolean): NdArray {
  if (el.dtype.isStructured || test.dtype.isStructured) {
    // NumPy's _isin compares item by item when test is short (len(ar2) < 10 * len(ar1) ** 0.145),
    // as it must for records (a record against a number is its TypeError); else it
    // concatenates both first (a record and a number: its DTypePromotionError).
    if (test.size < 10 * el.size ** 0.145) {
      const mask = invert ? logicalNot(zeros([el.size], '|b1')) : zeros([el.size], '|b1');
      for (let i = 0; i < test.size; i++) {
        const item = test.index(`${i}:${i + 1}`);
        if (invert) logicalAnd(mask, notEqual(el, item), { out: mask });
        else logicalOr(mask, equal(el, item), { out: mask });
      }
      return mask;
    }
    concatenate([el, test]);
  }
  if (test.size === 0 || el.size === 0) {
    const r = zeros([el.size], '|b1');
    return invert ? logicalNot(r) : r;
  }
  const u = unique(test).values;
  const idx = searchsorted(u, el);
  // Past the end the last item stands in; the equality check then says no.
  const at = take(u, idx, { mode: 'clip' });
  const found = equal(at, el);
  return invert ? logicalNot(found, { out: found }) : found;
}

/**
 * NumPy's `np.isin(element, test_elements, assume_unique=False,
 * invert=False, kind=None)`: a bool array shaped like `element`, true where
 * the item equals some item of `testElements` (flattened).
 */
export function isin(element: SetInput, testElements: SetInput, assumeUnique?: boolean | IsinOptions | null, invert?: boolean | IsinOptions | null, options?: IsinOptions): NdArray;
export function isin(element: SetInput, testElements: SetInput, options?: IsinOptions): NdArray;
export function isin(element: SetInput, testElements: SetInput, ...rest: unknown[]): NdArray {
  // NumPy's positional assume_unique and invert (kind is keyword-only), or the options.
  const o = readKnownOptions(positionalOptions<IsinOptions>('isin', ['assumeUnique', 'invert'], rest), ['assumeUnique', 'invert', 'kind'], 'isin');
  const e = isArray(element) ? element : asarray(element);
  const el = flat(e);
  const t = flat(testElements);
  const kind = o.kind ?? null;
  if (kind !== null && kind !== 'sort' && kind !== 'table') throw new ValueError(`Invalid kind: '${String(kind)}'. Please use None, 'sort' or 'table'.`);
  const ints = (a: NdArray): boolean => 'uib'.includes(a.dtype.kind) && !a.dtype.isStructured;
  if (kind === 'table' && !(ints(el) && ints(t))) {
    throw new ValueError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.");
  }
  if (kind === 'table' && t.size > 0) requireTableRange(t);
  const table = kind === 'sort' || !ints(el) || !ints(t) ? null : in1dTable(el, t, o.invert ?? false);
  return (table ?? in1d(el, t, o.invert ?? false)).reshape(e.shape);
}

/**
 * NumPy's check before `kind='table'`: the span `max(t) - min(t)` must fit
 * `t`'s integer dtype (bools count as uint8), as NumPy's table indexes with
 * `t - min(t)` in that dtype; past it NumPy raises RuntimeError (a ValueError
 * here, the library's class for it, as lib/cov.ts does), `kind=None` and
 * `'sort'` answer by sorting.
 */
function requireTableRange(t: NdArray): void {
  const dt = t.dtype.kind === 'b' ? toDType('|u1') : t.dtype;
  // The ends exactly, as int64 or (unsigned) uint64 bigints.
  const wide = dt.kind === 'u' ? '<u8' : '<i8';
  const lo = BigInt(min(t).astype(wide).get() as bigint | number | boolean);
  const hi = BigInt(max(t).astype(wide).get() as bigint | number | boolean);
  const bits = BigInt(dt.itemsize * 8);
  const dtMax = dt.kind === 'u' ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
  if (hi - lo > dtMax) {
    throw new ValueError("You have specified kind='table', but the range of values in `ar2` or `ar1` exceed the maximum integer of the datatype. Please set `kind` to None or 'sort'.");
  }
}

/**
 * NumPy's `kind='table'` for integer and bool inputs whose test values span
 * at most `6 * (el.size + t.size)` (NumPy's memory rule for `kind=None`): a
 * lookup table over `[min(t), max(t)]`, one pass over each input, instead
 * of sorting both. Null when the span is larger, `t` is empty, or its ends
 * are not safe integers (the sort path then answers). Values go through
 * float64: every value in a safe-integer span is exact there, and one past
 * 2^53 rounds to a double still outside the span.
 */
function in1dTable(el: NdArray, t: NdArray, invert: boolean): NdArray | null {
  if (t.size === 0) return null;
  const lo = Number(min(t).get());
  const hi = Number(max(t).get());
  const span = hi - lo;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || span > 6 * (el.size + t.size) || span >= 2 ** 30) return null;
  const values = (a: NdArray): Float64Array => {
    const c = a.astype('<f8', 'C');
    return new Float64Array(c.buffer as ArrayBuffer, c.byteOffset, c.size);
  };
  // present[1 + v - lo] for v in the span; the guard slots 0 and span + 2 stay 0, so
  // the clamped index below needs no branch (items outside the span are random).
  const present = new Uint8Array(span + 3);
  const tv = values(t);
  for (let i = 0; i < tv.length; i++) present[tv[i] - lo + 1] = 1;
  const ev = values(el);
  const out = new Uint8Array(ev.length);
  const flip = invert ? 1 : 0;
  const top = span + 1;
  for (let i = 0; i < ev.length; i++) out[i] = present[(Math.min(Math.max(ev[i] - lo, -1), top) + 1) | 0] ^ flip;
  // A new array of the library's own (as NumPy's result is), not a view over a JS buffer.
  const res = zeros([out.length], '|b1');
  if (out.length > 0) new Uint8Array(res.buffer as ArrayBuffer, res.byteOffset, out.length).set(out);
  return res;
}

/**
 * NumPy's `np.intersect1d(ar1, ar2, assume_unique=False, return_indices=False)`:
 * the sorted values present in both (flattened) inputs; with
 * `returnIndices` also the index of each value's first occurrence in each.
 */
export function intersect1d(ar1: SetInput, ar2: SetInput, assumeUnique: boolean | null | undefined, returnIndices: true): Intersect1dResult;
export function intersect1d(ar1: SetInput, ar2: SetInput, assumeUnique?: boolean | null, returnIndices?: false | null): NdArray;
export function intersect1d(ar1: SetInput, ar2: SetInput, options: Intersect1dOptions & { returnIndices: true }): Intersect1dResult;
export function intersect1d(ar1: SetInput, ar2: SetInput, options?: Intersect1dOptions & { returnIndices?: false }): NdArray;
export function intersect1d(ar1: SetInput, ar2: SetInput, options?: Intersect1dOptions): NdArray | Intersect1dResult;
export function intersect1d(ar1: SetInput, ar2: SetInput, ...rest: unknown[]): NdArray | Intersect1dResult {
  // NumPy's positional assume_unique and return_indices, or the options.
  const o = readKnownOptions(positionalOptions<Intersect1dOptions>('intersect1d', ['assumeUnique', 'returnIndices'], rest), ['assumeUnique', 'returnIndices'], 'intersect1d');
  let a = flat(ar1);
  let b = flat(ar2);
  let ind1: NdArray | null = null;
  let ind2: NdArray | null = null;
  if (!o.assumeUnique) {
    const ua = unique(a, { returnIndex: !!o.returnIndices });
    const ub = unique(b, { returnIndex: !!o.returnIndices });
    a = ua.values;
    b = ub.values;
    ind1 = ua.index;
    ind2 = ub.index;
  }
  let aux = concatenate([a, b]);
  let order: NdArray | null = null;
  if (o.returnIndices) {
    order = argsort(aux, { kind: 'stable' });
    aux = take(aux, order);
  } else {
    aux = sort(aux);
  }
  if (aux.size === 0) {
    const none = zeros([0], '<i8');
    return o.returnIndices ? { values: aux, indices1: none, indices2: none } : aux;
  }
  const mask = equal(aux.index('1:'), aux.index(':-1'));
  const values = compress(mask, aux.index(':-1'));
  if (!o.returnIndices || order === null) return values;
  let i1 = compress(mask, order.index(':-1'));
  let i2 = subtract(compress(mask, order.index('1:')), a.size);
  if (ind1 !== null && ind2 !== null) {
    i1 = take(ind1, i1);
    i2 = take(ind2, i2);
  }
  return { values, indices1: i1, indices2: i2 };
}

/** NumPy's `np.union1d(ar1, ar2)`: the sorted distinct values of both flattened inputs. */
export function union1d(ar1: SetInput, ar2: SetInput): NdArray {
  return unique(concatenate([flat(ar1), flat(ar2)])).values;
}

/**
 * NumPy's `np.setdiff1d(ar1, ar2, assume_unique=False)`: the sorted distinct
 * values of `ar1` not in `ar2` (with `assumeUnique`, `ar1`'s items in their
 * order).
 */
export function setdiff1d(ar1: SetInput, ar2: SetInput, assumeUnique?: boolean | null, options?: SetOptions): NdArray;
export function setdiff1d(ar1: SetInput, ar2: SetInput, options?: SetOptions): NdArray;
export function setdiff1d(ar1: SetInput, ar2: SetInput, ...rest: unknown[]): NdArray {
  const o = readKnownOptions(positionalOptions<SetOptions>('setdiff1d', ['assumeUnique'], rest), ['assumeUnique'], 'setdiff1d');
  let a = flat(ar1);
  let b = flat(ar2);
  if (!o.assumeUnique) {
    a = unique(a).values;
    b = unique(b).values;
  }
  return compress(in1d(a, b, true), a);
}

/** NumPy's `np.setxor1d(ar1, ar2, assume_unique=False)`: the sorted values in exactly one of the inputs. */
export function setxor1d(ar1: SetInput, ar2: SetInput, assumeUnique?: boolean | null, options?: SetOptions): NdArray;
export function setxor1d(ar1: SetInput, ar2: SetInput, options?: SetOptions): NdArray;
export function setxor1d(ar1: SetInput, ar2: SetInput, ...rest: unknown[]): NdArray {
  const o = readKnownOptions(positionalOptions<SetOptions>('setxor1d', ['assumeUnique'], rest), ['assumeUnique'], 'setxor1d');
  let a = flat(ar1);
  let b = flat(ar2);
  if (!o.assumeUnique) {
    a = unique(a).values;
    b = unique(b).values;
  }
  const aux = sort(concatenate([a, b]));
  if (aux.size === 0) return aux;
  const ne = notEqual(aux.index('1:'), aux.index(':-1'));
  const t = asarray([true], '|b1');
  const flag = concatenate([t, ne, t]);
  return compress(logicalAnd(flag.index('1:'), flag.index(':-1')), aux);
}
