/**
 * NumPy's `ufunc.reduce(a, axis=0, dtype, out, keepdims, initial, where)`
 * for the bitwise and logical ufuncs: `bitwiseOrReduce(flags)` is
 * `np.bitwise_or.reduce(flags)` (the union of every row's flag bits),
 * `bitwiseXorReduce` a parity or checksum, `bitwiseAndReduce`,
 * `logicalAndReduce`/`logicalOrReduce` (NumPy's `all`/`any` with
 * ufunc.reduce's `axis=0` default) and `logicalXorReduce` (odd counts of
 * true items). `add`, `multiply`, `minimum` and `maximum` reduce as `sum`,
 * `prod`, `min` and `max`.
 *
 * As NumPy: the default axis is 0 (`null`: every axis; a list: those axes);
 * the result's dtype is the loop's (`a`'s for the bitwise ufuncs, bool for
 * the logical ones, floats NumPy's TypeError for the bitwise ones) or
 * `dtype` (a bitwise ufunc with `out` and no `dtype` runs in out's dtype,
 * as NumPy resolves its loop from out's: a float out is NumPy's TypeError);
 * an empty reduction gives the ufunc's identity (`bitwise_and`'s is -1: every
 * bit set, 255 in uint8) or `initial`, which also joins every reduction;
 * `where` masks items out (they count as the identity); `out` is checked
 * against the result's shape before anything is computed (NumPy's
 * messages) and receives the result. Every ufunc here is associative and commutative on
 * its integers and truths, so each axis is folded with the `…Reduceat`
 * kernels (lib/reduceat.ts) in any order and gives NumPy's bits.
 * @module
 */
import { inspect } from 'util';
import { allocate, requireArray } from './internal';
import { AxisError, ValueError } from './errors';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { full } from './create';
import { axisArgs, readKnownOptions, type WithAxis } from './options';
import type { PyScalar } from './promote';
import { canCast } from './promote';
import { tupleNoSpace } from './format';
import { bitwiseAndReduceat, bitwiseOrReduceat, bitwiseXorReduceat, logicalAndReduceat, logicalOrReduceat, logicalXorReduceat } from './reduceat';
import { bitwiseAnd, bitwiseOr, bitwiseXor } from './ufuncs/bitwise';
import { logicalAnd, logicalOr, logicalXor } from './ufuncs/compare';
import { where as select } from './ufuncs/where';
import { broadcastTo } from './views';
import type { Axis } from './reduce-axis';

/** Options of the `…Reduce` functions (NumPy's keywords of ufunc.reduce). */
export interface UfuncReduceOptions {
  /** The axis or axes to reduce (default 0; `null`: all). */
  axis?: Axis;
  /** The dtype the reduction runs in and the result has. */
  dtype?: DTypeLike | null;
  /** A writeable array of the result's shape to write into; it is returned. */
  out?: NdArray | null;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /**
   * The value each reduction starts from (also the result of an empty one).
   * `null` is NumPy's `initial=None`: no identity, so an empty reduction is
   * a ValueError and a `where` mask needs an initial.
   */
  initial?: PyScalar | null;
  /** Only the items where this bool array (broadcast to `a`) is true are reduced. */
  where?: NdArray | boolean | readonly unknown[];
}

type Op = 'bitwise_and' | 'bitwise_or' | 'bitwise_xor' | 'logical_and' | 'logical_or' | 'logical_xor';
type Reduceat = (a: NdArray, indices: readonly number[], axis: number, options: { dtype?: DTypeLike | null }) => NdArray;
type Binary = (x1: unknown, x2: unknown) => NdArray;

/** Each ufunc's identity (NumPy's `ufunc.identity`), its reduceat and itself. */
const OPS: Readonly<Record<Op, { identity: number | boolean; at: Reduceat; ufunc: Binary }>> = {
  bitwise_and: { identity: -1, at: bitwiseAndReduceat as Reduceat, ufunc: bitwiseAnd as Binary },
  bitwise_or: { identity: 0, at: bitwiseOrReduceat as Reduceat, ufunc: bitwiseOr as Binary },
  bitwise_xor: { identity: 0, at: bitwiseXorReduceat as Reduceat, ufunc: bitwiseXor as Binary },
  logical_and: { identity: true, at: logicalAndReduceat as Reduceat, ufunc: logicalAnd as Binary },
  logical_or: { identity: false, at: logicalOrReduceat as Reduceat, ufunc: logicalOr as Binary },
  logical_xor: { identity: false, at: logicalXorReduceat as Reduceat, ufunc: logicalXor as Binary },
};

function reduce(op: Op, fn: string, a: NdArray, axisArg: Axis | WithAxis<UfuncReduceOptions, Axis> | undefined, more: readonly unknown[]): NdArray {
  requireArray(a, fn, 'a');
  // NumPy's positional dtype, out, keepdims, initial and where after the axis, or the options.
  const [axisGiven, rest] = axisArgs<Axis, UfuncReduceOptions>(fn, ['dtype', 'out', 'keepdims', 'initial', 'where'], axisArg, more);
  const o = readKnownOptions(rest ?? {}, ['axis', 'dtype', 'out', 'keepdims', 'initial', 'where'], fn) as UfuncReduceOptions;
  const axis = axisGiven === undefined ? (o.axis === undefined ? 0 : o.axis) : axisGiven;
  const { identity, at, ufunc } = OPS[op];
  const given = o.dtype === undefined || o.dtype === null ? null : toDType(o.dtype);
  const out = o.out ?? null;
  // The loop runs in `dtype`, else (bitwise ufuncs, whose loops give their
  // input type) in out's dtype, as NumPy resolves it from out's, else in a's;
  // it is found first, with its TypeErrors (floats have no bitwise loop):
  // the ufunc over empty arrays of that dtype. The logical loops give bools,
  // cast into any out.
  const dt = given ?? (op.startsWith('bitwise') ? out?.dtype : null) ?? null;
  const probe = allocate(dt ?? a.dtype, [0]);
  let rdt: DType;
  try {
    rdt = dt ?? ufunc(probe, probe).dtype;
    if (dt !== null) ufunc(probe, probe);
  } catch (e) {
    if (given !== null && e instanceof TypeError) throw new TypeError(`No loop matching the specified signature and casting was found for ufunc ${op}`);
    throw e;
  }
  const axes = reducedAxes(axis, a.ndim);
  const kept = a.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  if (out !== null) checkReduceOut(op, out, a.shape, axes, o.keepdims === true);
  // `initial: null` (NumPy's initial=None) reduces as a ufunc without an
  // identity: a where mask needs an initial, an empty reduction has no value.
  if (o.initial === null) {
    if (o.where !== undefined && o.where !== true) {
      throw new ValueError(`reduction operation '${op}' does not have an identity, so to use a where mask one has to specify 'initial'`);
    }
    if (axes.some((d) => a.shape[d] === 0) && kept.every((n) => n > 0)) {
      throw new ValueError(`zero-size array to reduction operation ${op} which has no identity`);
    }
  }
  let x = a;
  if (o.where !== undefined && o.where !== true) {
    const mask = typeof o.where === 'boolean' ? asarray(false) : asarray(o.where as never, 'bool');
    // Items masked out count as the identity (cast into a's dtype: -1 is 255 in uint8).
    x = select(broadcastTo(mask, a.shape), a, asarray(identity).astype(a.dtype));
  }
  let r: NdArray;
  if (axes.some((d) => a.shape[d] === 0)) {
    r = full(kept, identity, 'i8').astype(rdt);
  } else if (axes.length === 0) {
    // No axis: every item on its own, cast to the loop's dtype (a new array).
    r = x.astype(rdt);
  } else {
    r = x;
    for (const d of axes) r = at(r, [0], d, { dtype: dt });
  }
  if (o.initial !== undefined && o.initial !== null) r = ufunc(r, asarray(o.initial as never).astype(rdt)).astype(rdt, { copy: false });
  if (!o.keepdims) r = r.reshape(a.shape.filter((_, d) => !axes.includes(d)));
  if (out === null) return r;
  if (!canCast(r.dtype, out.dtype, 'same_kind')) throw new TypeError(`Cannot cast ufunc '${op}' output from ${inspect(r.dtype)} to ${inspect(out.dtype)} with casting rule 'same_kind'`);
  out.set(r);
  return out;
}

/**
 * NumPy's checks of `out` against the reduction's shape, before anything is
 * computed: its axis count, then each axis (NumPy's iterator error, out's
 * axes laid along a's with the reduced ones as `newaxis`, leading ones
 * dropped from the message as NumPy drops them).
 */
export function checkReduceOut(op: string, out: NdArray, shape: readonly number[], axes: readonly number[], keepdims: boolean): void {
  const want = shape.map((n, d) => (axes.includes(d) ? (keepdims ? 1 : -1) : n));
  const expected = want.filter((n) => n >= 0);
  if (out.ndim !== expected.length) throw new ValueError(`output parameter for reduction operation ${op} has the wrong number of dimensions: Found ${out.ndim} but expected ${expected.length}`);
  if (out.shape.every((n, d) => n === expected[d])) return;
  let k = 0;
  const remapped = want.map((n) => (n < 0 ? 'newaxis' : String(out.shape[k++])));
  while (remapped[0] === 'newaxis') remapped.shift();
  throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleNoSpace(out.shape)}->(${remapped.join(',')}) ${tupleNoSpace(shape)} `);
}

/** The axes `axis` names (0 by default; null: all), each once; NumPy's AxisError and ValueError. */
export function reducedAxes(axis: Axis, ndim: number): number[] {
  if (axis === null) return [...Array(ndim).keys()];
  // NumPy reduces a 0-d array over no axis for an int axis of 0 or -1 (not for a tuple).
  if (ndim === 0 && (axis === 0 || axis === -1)) return [];
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out: number[] = [];
  for (const x of list) {
    if (!Number.isInteger(x) || x < -ndim || x >= ndim) throw new AxisError(`axis ${x} is out of bounds for array of dimension ${ndim}`);
    const d = x < 0 ? x + ndim : x;
    if (out.includes(d)) throw new ValueError('duplicate value in \'axis\'');
    out.push(d);
  }
  return out;
}

/** NumPy's `np.bitwise_and.reduce(a, axis=0, …)`: the bits set in every item (an empty reduction: all bits). */
export function bitwiseAndReduce(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: UfuncReduceOptions['initial'] | null, where?: UfuncReduceOptions['where'] | null): NdArray;
export function bitwiseAndReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
export function bitwiseAndReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  return reduce('bitwise_and', 'bitwiseAndReduce', a, axis, rest);
}
/** NumPy's `np.bitwise_or.reduce(a, axis=0, …)`: the bits set in any item (flag unions). */
export function bitwiseOrReduce(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: UfuncReduceOptions['initial'] | null, where?: UfuncReduceOptions['where'] | null): NdArray;
export function bitwiseOrReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
export function bitwiseOrReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  return reduce('bitwise_or', 'bitwiseOrReduce', a, axis, rest);
}
/** NumPy's `np.bitwise_xor.reduce(a, axis=0, …)`: the bits set in an odd number of items (parity, checksums). */
export function bitwiseXorReduce(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: UfuncReduceOptions['initial'] | null, where?: UfuncReduceOptions['where'] | null): NdArray;
export function bitwiseXorReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
export function bitwiseXorReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  return reduce('bitwise_xor', 'bitwiseXorReduce', a, axis, rest);
}
/** NumPy's `np.logical_and.reduce(a, axis=0, …)`: whether every item is true (`all` with axis 0 by default). */
export function logicalAndReduce(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: UfuncReduceOptions['initial'] | null, where?: UfuncReduceOptions['where'] | null): NdArray;
export function logicalAndReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
export function logicalAndReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  return reduce('logical_and', 'logicalAndReduce', a, axis, rest);
}
/** NumPy's `np.logical_or.reduce(a, axis=0, …)`: whether any item is true (`any` with axis 0 by default). */
export function logicalOrReduce(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: UfuncReduceOptions['initial'] | null, where?: UfuncReduceOptions['where'] | null): NdArray;
export function logicalOrReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
export function logicalOrReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  return reduce('logical_or', 'logicalOrReduce', a, axis, rest);
}
/** NumPy's `np.logical_xor.reduce(a, axis=0, …)`: whether an odd number of items is true. */
export function logicalXorReduce(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: UfuncReduceOptions['initial'] | null, where?: UfuncReduceOptions['where'] | null): NdArray;
export function logicalXorReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
export function logicalXorReduce(a: NdArray, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  return reduce('logical_xor', 'logicalXorReduce', a, axis, rest);
}
