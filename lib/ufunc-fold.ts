/**
 * NumPy's `ufunc.reduce`, `ufunc.accumulate` and `ufunc.reduceat` for any
 * binary ufunc, run by the ufunc itself in NumPy's order: `subtract.reduce`
 * is `((a0 - a1) - a2) - …`, `logaddexp.reduce` a log-sum-exp,
 * `hypot.accumulate` running norms, `arctan2.reduce`, `power.reduce`. The
 * ufuncs with a reduction of their own (`add` as `sum`, `multiply` as `prod`,
 * `minimum`/`maximum` as `min`/`max`, the logical and bitwise ones, their
 * accumulations and reduceats) go there instead (lib/ufunc-object.ts).
 *
 * As NumPy:
 * - the loop runs in `dtype` when given (the ufunc must map it to itself,
 *   else NumPy's "No loop matching the specified signature…" TypeError),
 *   else in `out`'s dtype when the ufunc maps that to itself, else in the
 *   type the ufunc gives for `a`'s, which `a` must cast to safely (`equal`
 *   of integers gives bools and cannot reduce); the input is cast to it
 *   unsafely, the result into `out` unsafely;
 * - `reduce`'s default axis is 0; `null` is every axis and a list several,
 *   which only reorderable ufuncs take (NumPy's "reduction operation
 *   'subtract' is not reorderable, so at most one axis may be specified");
 *   a ufunc with an identity (`hypot` 0, `logaddexp` -inf, `gcd` 0) starts
 *   every reduction from it (`hypot.reduce([-3])` is 3) or from `initial`,
 *   one without copies the first item; an empty reduction without either
 *   is NumPy's ValueError, and so is a `where` mask;
 * - `accumulate`'s result has `a`'s shape, its first item along the axis is
 *   `a`'s, item k is `op(result[k-1], a[k])`;
 * - `reduceat`'s group i reduces `a[indices[i]:indices[i+1]]`, or is
 *   `a[indices[i]]` where the next index is not larger.
 *
 * The fold runs the ufunc's native loop a step at a time over every lane,
 * the whole fold in one native call (native/index_kernels.cc
 * `ufuncAccumulate`, `ufuncReduceat`; a `where` mask folds each lane's kept
 * items). Loops without a native form (complex, float16) make one ufunc call
 * per step along the axis, over every other axis (a microsecond or so of
 * overhead each).
 * @module
 */
import { inspect } from 'util';
import { asarray } from './array-coerce';
import { compress } from './fancy';
import { moveaxis } from './axis-views';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError } from './errors';
import { pyShape } from './format';
import { allocate, describeNonArray, isArray, requireOpen, requireWritable } from './internal';
import { ufuncFoldNative } from './index-kernels';
import { Slice } from './indexing';
import { normalizeAxis } from './layout';
import { mayShareMemory } from './memory';
import type { NdArray } from './ndarray';
import { axisArgs, readKnownOptions, type WithAxis } from './options';
import { canCast, type PyScalar } from './promote';
import type { Axis } from './reduce-axis';
import { along, reduceatByLoop } from './reduceat';
import { GroupStarts } from './group-starts';
import { UFuncTypeError, type UfuncInput, type UfuncOptions } from './ufunc';
import { NEGATIVE_POWER, nativeAtOp } from './ufunc-native';
import { checkReduceOut, reducedAxes, type UfuncReduceOptions } from './ufunc-reduce';
import { broadcastTo } from './views';

/** A binary ufunc as this library exports it. */
export type BinaryFn = (x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions) => NdArray;

/** What the fold needs of a binary ufunc (NumPy's attributes). */
export interface FoldSpec {
  readonly op: BinaryFn;
  /** NumPy's name (`floor_divide`), used in messages and to find native loops. */
  readonly name: string;
  /** NumPy's `ufunc.identity`: where each reduction starts, or null. */
  readonly identity: number | boolean | null;
  /** Whether several axes may be reduced at once (NumPy's reorderable ufuncs). */
  readonly reorderable: boolean;
}

/** Options of `ufunc.accumulate` and `ufunc.reduceat` (NumPy's keywords). */
export interface UfuncAccumulateOptions {
  /** The axis (default 0). */
  axis?: number | null;
  /** The dtype the loop runs in and the result has. */
  dtype?: DTypeLike | null;
  /** A writeable array of the result's shape to write into; it is returned. */
  out?: NdArray | null;
}

const probe = (t: DType): NdArray => allocate(t, [0]);

function noLoop(name: string): UFuncTypeError {
  return new UFuncTypeError(`No loop matching the specified signature and casting was found for ufunc ${name}`);
}

/** True when the ufunc's loop for (t, t) gives t. */
function closedOn(s: FoldSpec, t: DType): boolean {
  try {
    return s.op(probe(t), probe(t)).dtype.equals(t);
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}

/** The dtype the fold runs in (see the module note). */
function loopDType(s: FoldSpec, a: DType, dtype: DTypeLike | null | undefined, out: NdArray | null): DType {
  if (dtype !== undefined && dtype !== null) {
    const t = toDType(dtype).newbyteorder('=');
    if (!closedOn(s, t)) throw noLoop(s.name);
    return t;
  }
  if (out !== null) {
    // NumPy resolves the loop for (out, a) -> out: its errors are that
    // call's; a loop that gives another type falls back to a's below (a bool
    // `equal` reduction into an int out).
    const t = out.dtype.newbyteorder('=');
    if (s.op(probe(t), probe(a)).dtype.equals(t) && closedOn(s, t)) return t;
  }
  // The logical ufuncs reduce in bool, any input cast to its truth (NumPy's resolver for them).
  if (s.name.startsWith('logical_')) return toDType('?');
  // The ufunc's own errors first (a record array, bool subtract), as NumPy
  // words them for a reduction: the accumulator's type is not known yet.
  let r: DType;
  try {
    r = s.op(probe(a), probe(a)).dtype;
  } catch (e) {
    if (e instanceof UFuncTypeError && /did not contain a loop with signature matching types \((<class '[^']*'>), \1\) -> None$/.test(e.message)) {
      throw new UFuncTypeError(e.message.replace(/types \((<class '[^']*'>), \1\)/, 'types (None, $1)'));
    }
    throw e;
  }
  if (!canCast(a, r, 'safe') || !closedOn(s, r)) throw noLoop(s.name);
  return r;
}

function inputArray(a: unknown): NdArray {
  const x = isArray(a) ? a : asarray(a as never);
  requireOpen(x);
  return x;
}

function checkedOut(out: unknown): NdArray | null {
  if (out === undefined || out === null) return null;
  if (!isArray(out)) throw new TypeError(`out must be an NdArray, got ${describeNonArray(out)}`);
  requireWritable(out, 'output array is read-only');
  return out;
}

/**
 * Folds `x` (already of dtype `rdt`) along its last axis into `acc` (its
 * other axes, C-contiguous, already holding the start: the identity,
 * `initial` or the first item, which `start` skips). `mask` (x's shape) keeps
 * items out where false.
 */
function foldLast(s: FoldSpec, x: NdArray, start: number, acc: NdArray, mask: NdArray | null, rdt: DType): void {
  const n = x.shape[x.ndim - 1];
  const steps = n - start;
  if (steps <= 0) return;
  // The native loop of the ufunc, a step over every lane at a time.
  const op = nativeAtOp(s.name, rdt, 2);
  if (op >= 0 && mask === null) {
    const k = ufuncFoldNative(op, acc.reshape([-1]), moveaxis(x, -1, 0).reshape([n, -1]), start);
    if (k !== null) {
      if (k >= 0) throw new ValueError(NEGATIVE_POWER);
      return;
    }
  }
  // A mask over a long fold of few lanes: each lane's kept items, in order,
  // folded natively (a masked item leaves its accumulator as it was).
  if (op >= 0 && mask !== null && acc.size * 64 <= steps) {
    const lanes = acc.reshape([-1]);
    const xl = x.reshape([-1, n]);
    const ml = mask.reshape([-1, n]);
    let done = true;
    for (let l = 0; l < lanes.size && done; l++) {
      const kept = compress(ml.index(l, new Slice(start, n)), xl.index(l, new Slice(start, n)));
      const k = ufuncFoldNative(op, lanes.index(new Slice(l, l + 1)), kept.reshape([-1, 1]), 0);
      if (k === null) {
        if (l > 0) throw new Error('ufunc.reduce: the native loop refused a later lane');
        done = false;
      } else if (k >= 0) throw new ValueError(NEGATIVE_POWER);
    }
    if (done) return;
  }
  const last = x.ndim - 1;
  for (let k = start; k < n; k++) {
    const item = x.index(...along(x.ndim, last, k));
    s.op(acc, item, mask === null ? { out: acc } : { out: acc, where: mask.index(...along(mask.ndim, last, k)) });
  }
}

/**
 * The reduction of `a` over `axes` in dtype `rdt` (checked), as a new array
 * of `a`'s shape with those axes dropped (or kept as 1).
 */
function reduceCore(s: FoldSpec, a: NdArray, axes: readonly number[], rdt: DType, keepdims: boolean, initial: PyScalar | null, where: NdArray | null): NdArray {
  const kept = a.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const shape = keepdims ? kept : a.shape.filter((_, d) => !axes.includes(d));
  const other = a.shape.filter((_, d) => !axes.includes(d));
  const count = axes.reduce((p, d) => p * a.shape[d], 1);
  if (count === 0 || other.some((n) => n === 0)) {
    if (other.some((n) => n === 0)) return allocate(rdt, shape);
    if (initial === null) throw new ValueError(`zero-size array to reduction operation ${s.name} which has no identity`);
    const r = allocate(rdt, shape);
    r.fill(initial as never);
    return r;
  }
  // The reduced axes last, as one (a copy unless they already are).
  const dest = axes.map((_, i) => a.ndim - axes.length + i);
  const merge = (v: NdArray): NdArray => {
    const m = axes.length === 0 ? v : moveaxis(v, [...axes], dest);
    return m.reshape([...other, count]);
  };
  const x = merge(a.dtype.equals(rdt) ? a : a.astype(rdt, { casting: 'unsafe' }));
  const mask = where === null ? null : merge(broadcastTo(where, a.shape));
  const acc = allocate(rdt, other);
  let start = 0;
  if (initial !== null) acc.fill(initial as never);
  else {
    acc.set(x.index(...along(x.ndim, x.ndim - 1, 0)));
    start = 1;
  }
  foldLast(s, x, start, acc, mask, rdt);
  return acc.reshape(shape);
}

/**
 * NumPy's `ufunc.reduce(a, axis=0, dtype=None, out=None, keepdims=False,
 * initial=<identity>, where=True)` of binary ufunc `s` (see the module note).
 */
export function foldReduce(s: FoldSpec, fn: string, a0: unknown, axisArg: Axis | WithAxis<UfuncReduceOptions, Axis> | undefined, more: readonly unknown[]): NdArray {
  const [axisGiven, rest] = axisArgs<Axis, UfuncReduceOptions>(fn, ['dtype', 'out', 'keepdims', 'initial', 'where'], axisArg, more);
  const o = readKnownOptions(rest ?? {}, ['axis', 'dtype', 'out', 'keepdims', 'initial', 'where'], fn) as UfuncReduceOptions;
  const a = inputArray(a0);
  const axis = axisGiven === undefined ? (o.axis === undefined ? 0 : o.axis) : axisGiven;
  const out = checkedOut(o.out);
  const axes = reducedAxes(axis, a.ndim);
  const rdt = loopDType(s, a.dtype, o.dtype, out);
  if (!s.reorderable && axes.length > 1) throw new ValueError(`reduction operation '${s.name}' is not reorderable, so at most one axis may be specified`);
  const keepdims = o.keepdims === true;
  if (out !== null) checkReduceOut(s.name, out, a.shape, axes, keepdims);
  const initial = o.initial === undefined ? s.identity : o.initial;
  let where: NdArray | null = null;
  if (o.where !== undefined && o.where !== true) {
    if (initial === null) throw new ValueError(`reduction operation '${s.name}' does not have an identity, so to use a where mask one has to specify 'initial'`);
    where = typeof o.where === 'boolean' ? asarray(false) : isArray(o.where) ? o.where.astype('?', { copy: false }) : asarray(o.where as never, '?');
  }
  const r = reduceCore(s, a, axes, rdt, keepdims, initial, where);
  if (out === null) return r;
  out.set(r);
  return out;
}

/** The axis of an accumulation (NumPy's checks and messages). */
export function accumulateAxis(a: NdArray, axis: number | readonly number[] | null | undefined): number {
  if (Array.isArray(axis)) {
    const axes = (axis as readonly number[]).map((d) => normalizeAxis(d, a.ndim));
    if (axes.length !== 1) throw new ValueError('accumulate does not allow multiple axes');
    return axes[0];
  }
  if (axis === null) {
    // axis None is the one axis of a 1-d array, several axes otherwise.
    if (a.ndim === 0) throw new TypeError('cannot accumulate on a scalar');
    if (a.ndim !== 1) throw new ValueError('accumulate does not allow multiple axes');
    return 0;
  }
  const d = axis ?? 0;
  if (a.ndim === 0 && (d === 0 || d === -1)) throw new TypeError('cannot accumulate on a scalar');
  return normalizeAxis(d as number, a.ndim);
}

/**
 * The steps of an accumulation (row 0 written) by the ufunc's native loop, a
 * row of every lane at a time: `res` C-contiguous viewed as [outer, steps,
 * inner], `x` alike (a copy when it is not). False when the ufunc has no
 * native loop for the dtype or the operands do not qualify (nothing written).
 */
function accumulateNative(s: FoldSpec, res: NdArray, x: NdArray, ax: number, rdt: DType): boolean {
  const op = nativeAtOp(s.name, rdt, 2);
  if (op < 0 || !res.flags.cContiguous || res.size === 0) return false;
  const n = res.shape[ax];
  const outer = res.shape.slice(0, ax).reduce((p, d) => p * d, 1);
  const inner = res.shape.slice(ax + 1).reduce((p, d) => p * d, 1);
  if (inner === 1 && outer > 1) {
    // Along the innermost axis: every row one lane of a single call (the
    // kernel folds the lanes one by one: its running value in a register).
    const k = ufuncFoldNative(op, res.reshape([outer, n]).T, x.reshape([outer, n]).T, 1);
    if (k !== null) {
      if (k >= 0) throw new ValueError(NEGATIVE_POWER);
      return true;
    }
  }
  const r3 = res.reshape([outer, n, inner]);
  const x3 = x.reshape([outer, n, inner]);
  for (let o = 0; o < outer; o++) {
    const k = ufuncFoldNative(op, r3.index(o), x3.index(o), 1);
    if (k === null) {
      if (o === 0) return false;
      throw new Error('ufunc.accumulate: the native loop refused a later row');
    }
    if (k >= 0) throw new ValueError(NEGATIVE_POWER);
  }
  return true;
}

/** NumPy's `ufunc.accumulate(a, axis=0, dtype=None, out=None)` of binary ufunc `s`. */
export function foldAccumulate(s: FoldSpec, fn: string, a0: unknown, axisArg: number | null | WithAxis<UfuncAccumulateOptions, number | null> | undefined, more: readonly unknown[]): NdArray {
  const [axisGiven, rest] = axisArgs<number | null, UfuncAccumulateOptions>(fn, ['dtype', 'out'], axisArg, more);
  const o = readKnownOptions(rest ?? {}, ['axis', 'dtype', 'out'], fn) as UfuncAccumulateOptions;
  const a = inputArray(a0);
  const ax = accumulateAxis(a, axisGiven === undefined ? o.axis : axisGiven);
  const out = checkedOut(o.out);
  const rdt = loopDType(s, a.dtype, o.dtype, out);
  if (out !== null && (out.ndim !== a.ndim || out.shape.some((d, i) => d !== a.shape[i]))) {
    throw new ValueError(`${fn}: out has shape ${pyShape(out.shape)}, the result's is ${pyShape(a.shape)}`);
  }
  const res = out !== null && out.dtype.equals(rdt) && !mayShareMemory(a, out) ? out : allocate(rdt, a.shape);
  const n = a.shape[ax];
  if (a.size > 0) {
    const x = a.dtype.equals(rdt) ? a : a.astype(rdt, { casting: 'unsafe' });
    res.index(...along(a.ndim, ax, 0)).set(x.index(...along(a.ndim, ax, 0)));
    if (!accumulateNative(s, res, x, ax, rdt)) {
      for (let k = 1; k < n; k++) {
        s.op(res.index(...along(a.ndim, ax, k - 1)), x.index(...along(a.ndim, ax, k)), { out: res.index(...along(a.ndim, ax, k)) });
      }
    }
  }
  if (out !== null && res !== out) {
    out.set(res);
    return out;
  }
  return res;
}

/** NumPy's `ufunc.reduceat(a, indices, axis=0, dtype=None, out=None)` of binary ufunc `s`. */
export function foldReduceat(s: FoldSpec, fn: string, a0: unknown, indices: unknown, axisArg: number | null | WithAxis<UfuncAccumulateOptions, number> | undefined, more: readonly unknown[]): NdArray {
  const [axisGiven, rest] = axisArgs<number | null, UfuncAccumulateOptions>(fn, ['dtype', 'out'], axisArg, more);
  const o = readKnownOptions(rest ?? {}, ['axis', 'dtype', 'out'], fn) as UfuncAccumulateOptions;
  const a = inputArray(a0);
  if (a.ndim === 0) throw new TypeError('cannot reduceat on a scalar');
  const axis = axisGiven ?? o.axis ?? 0;
  if (typeof axis !== 'number') throw new TypeError(`${fn}: axis must be an integer, got ${inspect(axis)}`);
  const ax = normalizeAxis(axis, a.ndim);
  const starts = GroupStarts.of(indices);
  requireOpen(a);
  const n = a.shape[ax];
  starts.check(n, s.name);
  const out = checkedOut(o.out);
  starts.keepFrom(out);
  const rdt = loopDType(s, a.dtype, o.dtype, out);
  const shape = [...a.shape];
  shape[ax] = starts.length;
  if (out !== null && (out.ndim !== shape.length || out.shape.some((d, i) => d !== shape[i]))) {
    throw new ValueError(`${fn}: out has shape ${pyShape(out.shape)}, the result's is ${pyShape(shape)}`);
  }
  const res = allocate(rdt, shape);
  if (res.size > 0 && !reduceatByLoop(s.name, a, ax, starts, rdt, res)) {
    const sv = starts.values;
    for (let i = 0; i < sv.length; i++) {
      const st = sv[i];
      const e = i + 1 < sv.length ? sv[i + 1] : n;
      const dst = res.index(...along(res.ndim, ax, i));
      if (e - st <= 1) dst.set(a.index(...along(a.ndim, ax, st)).astype(rdt, { casting: 'unsafe' }));
      else dst.set(reduceCore(s, a.index(...along(a.ndim, ax, new Slice(st, e))), [ax], rdt, false, null, null));
    }
  }
  if (out === null) return res;
  out.set(res);
  return out;
}
