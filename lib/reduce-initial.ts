/**
 * The `initial` and `where` options of the axis reductions (NumPy's
 * `np.add.reduce(a, axis, initial=, where=)` behind `np.sum`, `np.max`, ...),
 * built on the plain reduction and the element-wise ufuncs:
 *
 * | reduction | ufunc | identity | `initial` | `where` without `initial` |
 * | --- | --- | --- | --- | --- |
 * | sum | add | 0 | yes | masked items count as 0 |
 * | prod | multiply | 1 | yes | masked items count as 1 |
 * | min / max | minimum / maximum | none | yes (an empty reduction gives it) | ValueError, NumPy's text |
 * | any / all | logical_or / logical_and | false / true | no (NumPy's any/all take none) | masked items count as the identity |
 *
 * `where` (a bool array broadcast to `a`, or a boolean) replaces the masked
 * items by `initial` (else the identity) in a temporary copy, so `a` is
 * never written. NumPy starts each reduction from `initial`: sum and prod
 * seed their accumulators with it (lib/reduce-axis.ts); for the others it is
 * converted to the result dtype and combined with every result item. Unknown
 * option keys are NumPy's `TypeError: sum() got an unexpected keyword
 * argument 'x'`.
 * @module
 */
import { asarray } from './array-coerce';
import { broadcastShape, broadcastStridesTo, kOrder as iterKOrder } from './broadcast';
import { allocateOrdered, kOrder } from './compute-values';
import { ValueError } from './errors';
import { dtype as toDType, type DTypeLike } from './dtype';
import { allocate, derive, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import type { PyScalar } from './promote';
import { add, multiply, maximum, minimum } from './ufuncs/arith';
import { logicalAnd, logicalOr } from './ufuncs/compare';
import { where as select } from './ufuncs/where';
import { unexpectedKeyword } from './options';
import { pairwiseSum } from './reduce';
import { pairwiseChunkF4 } from './buffered-sum';

/** The reductions that take `initial` / `where`, by NumPy's function name. */
export type MaskedReduction = 'sum' | 'prod' | 'min' | 'max' | 'any' | 'all';

const UFUNC_NAME: Record<MaskedReduction, string> = { sum: 'add', prod: 'multiply', min: 'minimum', max: 'maximum', any: 'logical_or', all: 'logical_and' };
const IDENTITY: Record<MaskedReduction, PyScalar | null> = { sum: 0, prod: 1, min: null, max: null, any: false, all: true };
const COMBINE: Record<MaskedReduction, (x: NdArray, y: NdArray, o: { out: NdArray }) => NdArray> = {
  sum: add,
  prod: multiply,
  min: minimum,
  max: maximum,
  any: logicalOr,
  all: logicalAnd,
};

/** Checks the option keys a reduction takes (NumPy's message for any other). */
export function checkReduceKeys(name: string, opts: object, allowed: readonly string[]): void {
  // Known keys are not read here: the caller reads each once (lib/options.ts).
  // null reads as no options (as readOptions); Object.keys(null) was V8's bare TypeError.
  if (opts === null || opts === undefined) return;
  for (const key of Object.keys(opts)) {
    if (allowed.includes(key) || (opts as Record<string, unknown>)[key] === undefined) continue;
    throw unexpectedKeyword(name, key, allowed);
  }
}

/**
 * A reduction's `where=` as an array or a boolean: a list is NumPy's array_like, made a
 * bool array directly (`np.sum(a, where=[1, 0, 1])`); the rest as given.
 */
export function whereMask(w: NdArray | boolean | readonly unknown[] | undefined): NdArray | boolean | undefined {
  return Array.isArray(w) ? asarray(w, '|b1') : (w as NdArray | boolean | undefined);
}

/** The options `initial` / `where` add to a plain reduction. */
export interface InitialWhere {
  initial?: PyScalar;
  where?: NdArray | boolean | readonly unknown[];
}

/**
 * Runs reduction `kind` with `initial` / `where` (see the module comment):
 * `core` is the plain reduction (no initial, no where).
 */
export function reduceWithInitial<O extends { out?: NdArray; keepdims?: boolean; dtype?: unknown }>(
  kind: MaskedReduction,
  a: NdArray,
  axis: unknown,
  opts: O & InitialWhere,
  core: (a: NdArray, axis: unknown, opts: O) => NdArray,
): NdArray {
  const { initial, where: given, ...rest } = opts;
  const mask = whereMask(given);
  const plain = rest as unknown as O;
  if (initial === undefined && (mask === undefined || mask === true)) return core(a, axis, plain);
  if (initial === null) {
    // NumPy's initial=None: the reduction without an identity. A where mask
    // then needs an initial; an empty reduction into a non-empty result has
    // no value; anything else is the plain reduction.
    if (mask !== undefined && mask !== true) {
      throw new ValueError(`reduction operation '${UFUNC_NAME[kind]}' does not have an identity, so to use a where mask one has to specify 'initial'`);
    }
    const axes = axis === null || axis === undefined ? a.shape.map((_, d) => d) : (Array.isArray(axis) ? axis : [axis]).map((d) => (Number(d) < 0 ? Number(d) + a.ndim : Number(d)));
    const kept = a.shape.filter((_, d) => !axes.includes(d));
    if (axes.some((d) => a.shape[d] === 0) && kept.every((n) => n > 0)) {
      throw new ValueError(`zero-size array to reduction operation ${UFUNC_NAME[kind]} which has no identity`);
    }
    return core(a, axis, plain);
  }
  // Masked items count as the identity; min/max have none, and their initial does as well.
  const fill = IDENTITY[kind] ?? initial;
  let src = a;
  if (mask !== undefined && mask !== true) {
    if (fill === null || fill === undefined) {
      throw new ValueError(`reduction operation '${UFUNC_NAME[kind]}' does not have an identity, so to use a where mask one has to specify 'initial'`);
    }
    if (mask !== false && !(mask instanceof ArrayClass)) throw new TypeError(`${kind}(): where must be an NdArray of bools or a boolean`);
    if (mask instanceof ArrayClass) {
      if (mask.dtype.kind !== 'b') throw new TypeError(`${kind}(): where must be a bool array, got ${mask.dtype.name}`);
      const shape = broadcastShape([[...mask.shape], [...a.shape]]);
      if (shape.length !== a.ndim || shape.some((n, i) => n !== a.shape[i])) {
        throw new ValueError(`non-broadcastable operand with shape (${mask.shape.join(',')}${mask.ndim === 1 ? ',' : ''}) doesn't match the broadcast shape (${a.shape.join(',')}${a.ndim === 1 ? ',' : ''})`);
      }
    }
    const runs = kind === 'sum' && mask instanceof ArrayClass ? maskedRunSum(a, axis, mask, initial, plain) : null;
    if (runs !== null) return runs;
    // The masked-out items become `fill`, in a copy of a's dtype (a is never written).
    // A float min/max fills with the infinity that never wins, not `initial`: NumPy's
    // running value meets only the unmasked items, so min(initial 0, -0.0) is -0.0 (the
    // tie's second operand), where a filled 0 would tie with it in the row (fuzz seed 10839179).
    const f = allocate(a.dtype, []);
    f.set((a.dtype.kind === 'f' && (kind === 'min' || kind === 'max') ? (kind === 'min' ? Infinity : -Infinity) : fill) as never);
    // An empty input has none to mask: a view of it whose strides follow the iterator's
    // order over it and the mask, which an empty copy (all-zero strides) would lose
    // (fuzz seed 9474589).
    src = a.size === 0 ? emptyLaidOut(a, mask === false ? null : mask) : mask === false ? broadcastFill(a, f) : select(mask, a, f);
  }
  if (initial === undefined) return core(src, axis, plain);
  // sum and prod start their accumulators from `initial` themselves.
  if (kind === 'sum' || kind === 'prod') return core(src, axis, { ...plain, initial } as O);
  // Start every reduction from `initial`: an empty one gives it alone.
  const empty = reducedSize(src, axis) === 0;
  const r = empty ? emptyResult(kind, src, axis, plain, core) : core(src, axis, plain);
  const init = allocate(r.dtype, []);
  init.set(initial as never);
  if (empty) {
    r.fill(init.toArray());
    return r;
  }
  // initial first: a tie keeps the reduction's own result (NumPy's running value starts at initial).
  return COMBINE[kind](init, r, { out: r });
}

/**
 * NumPy's own order for a masked float64 sum of one aligned row: its masked
 * inner loop hands each run of unmasked items to the add loop, which adds
 * the run's pairwise sum to the accumulator (started at `initial`, else
 * 0.0). Summing a copy with the masked items zeroed pairwise in one go
 * differs from that in the last bits. Only this common case (a 1-d native
 * `<f8` row, a mask of its length, no `dtype`/`out`) takes the exact path;
 * null sends the others to the general one.
 */
function maskedRunSum(a: NdArray, axis: unknown, mask: NdArray, initial: PyScalar | undefined, opts: { out?: NdArray; keepdims?: boolean; dtype?: unknown }): NdArray | null {
  const whole = axis === undefined || axis === null || axis === 0 || axis === -1 || (Array.isArray(axis) && axis.length === 1 && (axis[0] === 0 || axis[0] === -1));
  if (!whole || a.ndim !== 1 || mask.ndim !== 1 || mask.shape[0] !== a.shape[0] || opts.out !== undefined) return null;
  // With a dtype (float64/float32 accumulation) any real input takes the same order: NumPy
  // casts it into its iterator's buffer (BUFSIZE items) and hands each buffer's runs of
  // unmasked items to the add loop, so a run never crosses a buffer's end.
  const acc = opts.dtype === undefined ? a.dtype : toDType(opts.dtype as DTypeLike);
  if ((acc.str !== '<f8' && acc.str !== '<f4') || !acc.isnative) return null;
  if (opts.dtype !== undefined && (!'biuf'.includes(a.dtype.kind) || a.dtype.isStructured || a.dtype.shape.length > 0)) return null;
  // A 64-bit int to float32 rounds once in C; through a float64 here it could round twice.
  if (acc.itemsize === 4 && 'iu'.includes(a.dtype.kind) && a.dtype.itemsize === 8) return null;
  const size = acc.itemsize;
  const cast = !a.dtype.equals(acc) || a.offset % size !== 0 || a.strides[0] % size !== 0;
  if (cast && opts.dtype === undefined) return null;
  const block = cast ? BUFSIZE : Infinity;
  if (initial !== undefined && typeof initial !== 'number' && typeof initial !== 'bigint' && typeof initial !== 'boolean') return null;
  const n = a.shape[0];
  const vals = new Float64Array(n);
  a.forEach((v, i) => {
    vals[i] = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
  });
  const keep = new Uint8Array(n);
  mask.forEach((v, i) => {
    keep[i] = v ? 1 : 0;
  });
  // float32 adds in float32 (NumPy's FLOAT loop): every sum rounds.
  const F = size === 4 ? Math.fround : (v: number): number => v;
  if (size === 4) for (let i = 0; i < n; i++) vals[i] = Math.fround(vals[i]);
  let total = initial === undefined ? 0 : F(Number(initial));
  for (let b = 0; b < n; b += block) {
    const end = Math.min(n, b + block);
    for (let i = b; i < end;) {
      while (i < end && keep[i] === 0) i++;
      let j = i;
      while (j < end && keep[j] === 1) j++;
      if (j > i) total = F(total + (size === 4 ? pairwiseChunkF4(vals, i, j - i) : pairwiseSum((off) => vals[off], i, j - i, 1)));
      i = j;
    }
  }
  const r = allocate(acc, opts.keepdims === true ? [1] : []);
  r.set(opts.keepdims === true ? [total] : total);
  return r;
}

/** NumPy's iterator buffer size (NPY_BUFSIZE), in items. */
const BUFSIZE = 8192;

/**
 * Empty `a` as a view whose strides are laid out in NumPy's iterator order
 * over `a` and `mask` (lengths of 0 counted as 1): what a reduction of the
 * masked input lays its result out by.
 */
function emptyLaidOut(a: NdArray, mask: NdArray | null): NdArray {
  const nd = a.ndim;
  const like = [a.strides.map((x, i) => (a.shape[i] === 1 ? 0 : x))];
  if (mask !== null) like.push(broadcastStridesTo(mask.shape, mask.strides, a.shape));
  const strides = new Array<number>(nd).fill(0);
  let s = a.itemsize;
  for (const ax of iterKOrder(nd, like)) {
    strides[ax] = s;
    s *= Math.max(a.shape[ax], 1);
  }
  return derive<NdArray>(a, Object.getPrototypeOf(a) as object, a.dtype, a.shape, strides, a.offset, false);
}

/** An array shaped like `a` holding `f` everywhere (a `where=False` source). */
function broadcastFill(a: NdArray, f: NdArray): NdArray {
  const r = allocate(a.dtype, a.shape);
  r.fill(f.toArray());
  return r;
}

/** The number of items each reduction combines. */
function reducedSize(a: NdArray, axis: unknown): number {
  if (axis === undefined || axis === null) return a.size;
  const axes = typeof axis === 'number' ? [axis] : (axis as number[]);
  return axes.reduce((n, ax) => n * a.shape[ax < 0 ? ax + a.ndim : ax], 1);
}

/** The result of an empty min/max reduction that has an `initial` (shaped by a sum, which is never refused). */
function emptyResult<O>(kind: MaskedReduction, a: NdArray, axis: unknown, opts: O, core: (a: NdArray, axis: unknown, opts: O) => NdArray): NdArray {
  if (kind !== 'min' && kind !== 'max') return core(a, axis, opts);
  // min/max of nothing raise: take the shape from the same reduction of a
  // stand-in holding one item per reduced axis, laid out in the K order of
  // a's strides (the result's layout follows them, as NumPy's), then
  // overwrite it.
  const shape = a.shape.map((n, i) => (reducedAxes(a, axis).includes(i) ? 1 : n));
  return core(allocateOrdered(a.dtype, shape, kOrder(a.shape, a.strides)), axis, opts);
}

function reducedAxes(a: NdArray, axis: unknown): number[] {
  if (axis === undefined || axis === null) return [...a.shape.keys()];
  const axes = typeof axis === 'number' ? [axis] : (axis as number[]);
  return axes.map((ax) => (ax < 0 ? ax + a.ndim : ax));
}
