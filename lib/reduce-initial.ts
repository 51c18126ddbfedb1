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
import { broadcastShape } from './broadcast';
import { ValueError } from './errors';
import { allocate, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import type { PyScalar } from './promote';
import { add, multiply, maximum, minimum } from './ufuncs/arith';
import { logicalAnd, logicalOr } from './ufuncs/compare';
import { where as select } from './ufuncs/where';

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
  for (const key of Object.keys(opts)) {
    if (allowed.includes(key) || (opts as Record<string, unknown>)[key] === undefined) continue;
    throw new TypeError(`${name}() got an unexpected keyword argument '${key}'`);
  }
}

/** The options `initial` / `where` add to a plain reduction. */
export interface InitialWhere {
  initial?: PyScalar;
  where?: NdArray | boolean;
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
  const { initial, where: mask, ...rest } = opts;
  const plain = rest as unknown as O;
  if (initial === undefined && (mask === undefined || mask === true)) return core(a, axis, plain);
  if (initial === null) throw new ValueError(`reduction operation '${UFUNC_NAME[kind]}' does not have an identity, so initial=None is not allowed`);
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
    // The masked-out items become `fill`, in a copy of a's dtype (a is never written).
    const f = allocate(a.dtype, []);
    f.set(fill as never);
    src = mask === false ? broadcastFill(a, f) : select(mask, a, f);
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
  return COMBINE[kind](r, init, { out: r });
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
  // stand-in holding one item per reduced axis, then overwrite it.
  const shape = a.shape.map((n, i) => (reducedAxes(a, axis).includes(i) ? 1 : n));
  return core(allocate(a.dtype, shape), axis, opts);
}

function reducedAxes(a: NdArray, axis: unknown): number[] {
  if (axis === undefined || axis === null) return [...a.shape.keys()];
  const axes = typeof axis === 'number' ? [axis] : (axis as number[]);
  return axes.map((ax) => (ax < 0 ? ax + a.ndim : ax));
}
