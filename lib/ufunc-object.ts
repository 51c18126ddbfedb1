/**
 * NumPy's ufunc objects: every ufunc mmarray exports carries NumPy's
 * attributes (`nin`, `nout`, `nargs`, `identity`, `signature`) and methods,
 * so NumPy's spellings work as they read:
 *
 * ```ts
 * add.reduce(a);                    // np.add.reduce(a): sum over axis 0
 * subtract.accumulate(a, 1);        // np.subtract.accumulate(a, axis=1)
 * logaddexp.reduce(logp, null);     // log-sum-exp of every item
 * maximum.at(best, group, score);   // np.maximum.at (unbuffered, in place)
 * multiply.outer(x, y);             // np.multiply.outer
 * add.reduceat(a, starts);          // np.add.reduceat
 * ```
 *
 * Each method is the library's own function where it has one (`add.reduce`
 * is `sum` with ufunc.reduce's default axis 0, `multiply.reduce` `prod`,
 * `minimum`/`maximum.reduce` `min`/`max`, the logical and bitwise reduces,
 * `add.accumulate` `cumsum` along axis 0, `…Reduceat`, `…Outer`, `…At`),
 * else the ufunc folded in NumPy's order (lib/ufunc-fold.ts). The methods a
 * ufunc cannot have raise NumPy's ValueError: a unary ufunc has only `at`
 * ("reduce only supported for binary functions"), a two-output one
 * (`divmod`, `modf`, `frexp`) no reduce, accumulate, reduceat or at.
 * @module
 */
import type { DTypeLike } from './dtype';
import { ValueError } from './errors';
import { addAt, type AtItems } from './fancy';
import { asarray } from './array-coerce';
import { isArray, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import type { WithAxis } from './options';
import { axisArgs } from './options';
import type { PyScalar } from './promote';
import { max, min, prod, sum, type Axis } from './reduce-axis';
import { nanmax, nanmin } from './nan-reduce';
import { cumprod, cumsum } from './cumulative';
import { maximumAccumulate, minimumAccumulate } from './accumulate';
import {
  addReduceat, bitwiseAndReduceat, bitwiseOrReduceat, bitwiseXorReduceat, logicalAndReduceat, logicalOrReduceat, logicalXorReduceat, maximumReduceat, minimumReduceat, multiplyReduceat,
} from './reduceat';
import { bitwiseAndReduce, bitwiseOrReduce, bitwiseXorReduce, logicalAndReduce, logicalOrReduce, logicalXorReduce, type UfuncReduceOptions } from './ufunc-reduce';
import { accumulateAxis, foldAccumulate, foldReduce, foldReduceat, type BinaryFn, type FoldSpec, type UfuncAccumulateOptions } from './ufunc-fold';
import type { UfuncInput, UfuncOptions } from './ufunc';
import type { Ufunc2Options } from './ufuncs/two-outputs';
import { binaryAt, unaryAt } from './ufuncs/at';
import { outerOf } from './ufuncs/outer';
import * as u from './ufuncs';

export type { UfuncAccumulateOptions } from './ufunc-fold';

/** NumPy's attributes of a ufunc. */
export interface UfuncAttributes {
  /** The number of inputs. */
  readonly nin: number;
  /** The number of outputs. */
  readonly nout: number;
  /** `nin + nout`. */
  readonly nargs: number;
  /** The value an empty reduction gives and every reduction starts from (`add`'s 0, `logaddexp`'s -Infinity), or null. */
  readonly identity: number | boolean | null;
  /** A generalized ufunc's core signature: null for these element-wise ufuncs. */
  readonly signature: null;
}

/** NumPy's methods of a binary ufunc (`np.add.reduce`, …). */
export interface BinaryUfuncMethods extends UfuncAttributes {
  /**
   * NumPy's `ufunc.reduce(a, axis=0, dtype=None, out=None, keepdims=False,
   * initial=<identity>, where=True)`: the ufunc applied along `axis` (0 by
   * default; `null` every axis; a list several, for the reorderable ufuncs).
   */
  reduce(a: UfuncInput, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: UfuncReduceOptions['where'] | null): NdArray;
  reduce(a: UfuncInput, axis?: Axis | WithAxis<UfuncReduceOptions, Axis>, options?: UfuncReduceOptions): NdArray;
  /** NumPy's `ufunc.accumulate(a, axis=0, dtype=None, out=None)`: every partial reduction along `axis`, `a`'s shape. */
  accumulate(a: UfuncInput, axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
  accumulate(a: UfuncInput, axis?: number | null | WithAxis<UfuncAccumulateOptions, number | null>, options?: UfuncAccumulateOptions): NdArray;
  /** NumPy's `ufunc.reduceat(a, indices, axis=0, dtype=None, out=None)`: a reduction of each group that starts at `indices`. */
  reduceat(a: UfuncInput, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
  reduceat(a: UfuncInput, indices: NdArray | readonly number[], axis?: number | WithAxis<UfuncAccumulateOptions, number>, options?: UfuncAccumulateOptions): NdArray;
  /** NumPy's `ufunc.outer(A, B)`: the ufunc of every pair, shape `A.shape + B.shape`. */
  outer(a: UfuncInput, b: UfuncInput, options?: UfuncOptions): NdArray;
  /** NumPy's `ufunc.at(a, indices, b)`: `a[i] = op(a[i], b)` once per index, in order, in place. */
  at(a: NdArray, indices: AtItems, b: UfuncInput): void;
}

/** NumPy's methods of a unary ufunc: `at` (`np.negative.at(a, idx)`); the others raise NumPy's ValueError. */
export interface UnaryUfuncMethods extends UfuncAttributes {
  /** NumPy's `ufunc.at(a, indices)`: `a[i] = op(a[i])` once per index, in order, in place. */
  at(a: NdArray, indices: AtItems): void;
  /** A ValueError: reduce only supported for binary functions. */
  reduce(...args: unknown[]): never;
  /** A ValueError: accumulate only supported for binary functions. */
  accumulate(...args: unknown[]): never;
  /** A ValueError: reduceat only supported for binary functions. */
  reduceat(...args: unknown[]): never;
  /** A ValueError: outer product only supported for binary functions. */
  outer(...args: unknown[]): never;
}

/** NumPy's methods of a two-output ufunc (`divmod`, `modf`, `frexp`): `outer` for `divmod`; the others raise NumPy's ValueError. */
export interface MultiOutputUfuncMethods extends UfuncAttributes {
  reduce(...args: unknown[]): never;
  accumulate(...args: unknown[]): never;
  reduceat(...args: unknown[]): never;
  outer(a: UfuncInput, b: UfuncInput, options?: UfuncOptions): [NdArray, NdArray];
  at(...args: unknown[]): never;
}

/** A binary ufunc (`add`, `subtract`, `hypot`, …): a function of two inputs with NumPy's attributes and methods. */
export interface BinaryUfunc extends BinaryUfuncMethods {
  (x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray;
}

/** A unary ufunc (`negative`, `sqrt`, `sin`, …): a function of one input with NumPy's attributes and `at`. */
export interface UnaryUfunc extends UnaryUfuncMethods {
  (x: UfuncInput, options?: UfuncOptions): NdArray;
}

/** `divmod`: two inputs, two outputs. */
export interface BinaryTwoOutputUfunc extends MultiOutputUfuncMethods {
  (x1: UfuncInput, x2: UfuncInput, options?: Ufunc2Options): [NdArray, NdArray];
}

/** `modf`, `frexp`: one input, two outputs. */
export interface UnaryTwoOutputUfunc extends MultiOutputUfuncMethods {
  (x: UfuncInput, options?: Ufunc2Options): [NdArray, NdArray];
}

type Method = (...args: never[]) => unknown;
interface Methods {
  reduce: Method;
  accumulate: Method;
  reduceat: Method;
  outer: Method;
  at: Method;
}

function attach<F extends object, M>(fn: F, nin: number, nout: number, identity: number | boolean | null, methods: Methods): F & M {
  const props: PropertyDescriptorMap = {
    nin: { value: nin },
    nout: { value: nout },
    nargs: { value: nin + nout },
    identity: { value: identity },
    signature: { value: null },
  };
  for (const [k, v] of Object.entries(methods)) props[k] = { value: v };
  Object.defineProperties(fn, props);
  return fn as F & M;
}

const refuse = (message: string): Method => () => {
  throw new ValueError(message);
};

/** ufunc.reduce's arguments: the array, the axis (0 by default) and the options without it. */
function reduceArgs(fn: string, a0: unknown, axisArg: unknown, more: readonly unknown[]): [NdArray, Axis, UfuncReduceOptions] {
  const [axisGiven, rest] = axisArgs<Axis, UfuncReduceOptions>(fn, ['dtype', 'out', 'keepdims', 'initial', 'where'], axisArg as Axis, more);
  const o: UfuncReduceOptions = { ...(rest ?? {}) };
  const axis = axisGiven !== undefined ? axisGiven : o.axis !== undefined ? o.axis : 0;
  delete o.axis;
  const a = isArray(a0) ? a0 : asarray(a0 as never);
  requireOpen(a);
  return [a, axis, o];
}

type Reducer = (a: NdArray, axis: Axis, o: UfuncReduceOptions) => NdArray;

/** The options given, without those left out as null (ufunc.reduce's None defaults); `initial` kept (null is NumPy's initial=None). */
function given(o: UfuncReduceOptions): UfuncReduceOptions {
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && (v !== null || k === 'initial')) r[k] = v;
  return r as UfuncReduceOptions;
}

/** A reduce method that runs `reducer` (sum, prod, min, max, the logical and bitwise reduces). */
function reduceBy(fn: string, reducer: Reducer): Method {
  return ((a0: unknown, axisArg?: unknown, ...more: unknown[]) => {
    const [a, axis, o] = reduceArgs(fn, a0, axisArg, more);
    return reducer(a, axis, o);
  }) as Method;
}

/** min and max take no dtype: the input is cast to it first (the loop NumPy would run). */
function extreme(f: typeof min): Reducer {
  return (a, axis, o) => {
    const { dtype, ...rest } = o;
    const x = dtype === undefined || dtype === null ? a : a.astype(dtype, { casting: 'unsafe' });
    return f(x, axis, given(rest) as never);
  };
}

type Accumulator = (a: NdArray, axis: number, o: UfuncAccumulateOptions) => NdArray;

/** An accumulate method that runs `f` (cumsum, cumprod, the running max/min) along ufunc.accumulate's axis. */
function accumulateBy(fn: string, f: Accumulator): Method {
  return ((a0: unknown, axisArg?: unknown, ...more: unknown[]) => {
    const [axisGiven, rest] = axisArgs<number | null, UfuncAccumulateOptions>(fn, ['dtype', 'out'], axisArg as number, more);
    const o: UfuncAccumulateOptions = { ...(rest ?? {}) };
    const a = isArray(a0) ? a0 : asarray(a0 as never);
    requireOpen(a);
    const ax = accumulateAxis(a, axisGiven !== undefined ? axisGiven : o.axis);
    delete o.axis;
    return f(a, ax, o);
  }) as Method;
}

/** The running max/min, into `out` when given. */
function running(f: typeof maximumAccumulate): Accumulator {
  return (a, ax, o) => {
    const r = f(a, ax, { dtype: o.dtype ?? undefined });
    if (o.out === undefined || o.out === null) return r;
    o.out.set(r);
    return o.out;
  };
}

interface BinarySpec {
  /** NumPy's name. */
  readonly name: string;
  readonly identity?: number | boolean | null;
  readonly reorderable?: boolean;
  readonly reduce?: Reducer;
  readonly accumulate?: Accumulator;
  readonly reduceat?: Method;
  readonly at?: Method;
}

function binary(fn: BinaryFn, camel: string, spec: BinarySpec): BinaryUfunc {
  const identity = spec.identity ?? null;
  const fold: FoldSpec = { op: fn, name: spec.name, identity, reorderable: spec.reorderable ?? false };
  const methods: Methods = {
    reduce: spec.reduce !== undefined ? reduceBy(`${camel}.reduce`, spec.reduce) : (((a: unknown, axis?: unknown, ...more: unknown[]) => foldReduce(fold, `${camel}.reduce`, a, axis as Axis, more)) as Method),
    accumulate: spec.accumulate !== undefined ? accumulateBy(`${camel}.accumulate`, spec.accumulate) : (((a: unknown, axis?: unknown, ...more: unknown[]) => foldAccumulate(fold, `${camel}.accumulate`, a, axis as number, more)) as Method),
    reduceat: spec.reduceat ?? (((a: unknown, indices: unknown, axis?: unknown, ...more: unknown[]) => foldReduceat(fold, `${camel}.reduceat`, a, indices, axis as number, more)) as Method),
    outer: outerOf(fn, spec.name) as Method,
    at: spec.at ?? (binaryAt(fn, spec.name, `${camel}.at`) as Method),
  };
  return attach<BinaryFn, BinaryUfuncMethods>(fn, 2, 1, identity, methods);
}

type Unary = (x: UfuncInput, options?: UfuncOptions) => NdArray;

function unary(fn: Unary, name: string, camel: string): UnaryUfunc {
  return attach<Unary, UnaryUfuncMethods>(fn, 1, 1, null, {
    reduce: refuse('reduce only supported for binary functions'),
    accumulate: refuse('accumulate only supported for binary functions'),
    reduceat: refuse('reduceat only supported for binary functions'),
    outer: refuse('outer product only supported for binary functions'),
    at: unaryAt(fn, name, `${camel}.at`) as Method,
  });
}

function twoOutputs<F extends object>(fn: F, nin: 1 | 2, name: string): F & MultiOutputUfuncMethods {
  const why = nin === 1 ? 'binary functions' : 'functions returning a single value';
  return attach<F, MultiOutputUfuncMethods>(fn, nin, 2, null, {
    reduce: refuse(`reduce only supported for ${why}`),
    accumulate: refuse(`accumulate only supported for ${why}`),
    reduceat: refuse(`reduceat only supported for ${why}`),
    outer: nin === 2 ? (outerOf(fn as unknown as BinaryFn, name) as Method) : refuse('outer product only supported for binary functions'),
    at: refuse('Only single output ufuncs supported at this time'),
  });
}

const byAxis = (f: typeof sum): Reducer => (a, axis, o) => f(a, axis, given(o) as never);
const cumulative = (f: typeof cumsum): Accumulator => (a, ax, o) => f(a, ax, { dtype: o.dtype ?? undefined, out: o.out ?? undefined });
const reduceatOf = (f: typeof addReduceat): Method => f as unknown as Method;

// ------------------------------------------------------------------ binary

/** NumPy's `np.add`, with its methods: `add.reduce` (sum along axis 0), `add.accumulate`, `add.reduceat`, `add.outer`, `add.at`. */
export const add = binary(u.add, 'add', { name: 'add', identity: 0, reorderable: true, reduce: byAxis(sum), accumulate: cumulative(cumsum), reduceat: reduceatOf(addReduceat), at: addAt as unknown as Method });
/** NumPy's `np.subtract`, with its methods (`subtract.reduce` folds left: `a0 - a1 - a2 …`). */
export const subtract = binary(u.subtract, 'subtract', { name: 'subtract' });
/** NumPy's `np.multiply`, with its methods (`multiply.reduce` is `prod` along axis 0). */
export const multiply = binary(u.multiply, 'multiply', { name: 'multiply', identity: 1, reorderable: true, reduce: byAxis(prod), accumulate: cumulative(cumprod), reduceat: reduceatOf(multiplyReduceat) });
/** NumPy's `np.divide`, with its methods. */
export const divide = binary(u.divide, 'divide', { name: 'divide' });
/** NumPy's `np.true_divide` (`divide`), with its methods. */
export const trueDivide = binary(u.trueDivide, 'trueDivide', { name: 'divide' });
/** NumPy's `np.floor_divide`, with its methods. */
export const floorDivide = binary(u.floorDivide, 'floorDivide', { name: 'floor_divide' });
/** NumPy's `np.remainder`, with its methods. */
export const remainder = binary(u.remainder, 'remainder', { name: 'remainder' });
/** NumPy's `np.power`, with its methods. */
export const power = binary(u.power, 'power', { name: 'power' });
/** NumPy's `np.float_power`, with its methods. */
export const floatPower = binary(u.floatPower, 'floatPower', { name: 'float_power' });
/** NumPy's `np.fmod`, with its methods. */
export const fmod = binary(u.fmod, 'fmod', { name: 'fmod' });
/** NumPy's `np.minimum`, with its methods (`minimum.reduce` is `min` along axis 0, `minimum.accumulate` the running minimum). */
export const minimum = binary(u.minimum, 'minimum', { name: 'minimum', reorderable: true, reduce: extreme(min), accumulate: running(minimumAccumulate), reduceat: reduceatOf(minimumReduceat) });
/** NumPy's `np.maximum`, with its methods (`maximum.reduce` is `max` along axis 0, `maximum.accumulate` the running maximum). */
export const maximum = binary(u.maximum, 'maximum', { name: 'maximum', reorderable: true, reduce: extreme(max), accumulate: running(maximumAccumulate), reduceat: reduceatOf(maximumReduceat) });
/** NumPy's `np.fmin`, with its methods (NaN-ignoring reductions). */
export const fmin = binary(u.fmin, 'fmin', { name: 'fmin', reorderable: true, reduce: extreme(nanmin as typeof min) });
/** NumPy's `np.fmax`, with its methods (NaN-ignoring reductions). */
export const fmax = binary(u.fmax, 'fmax', { name: 'fmax', reorderable: true, reduce: extreme(nanmax as typeof max) });
/** NumPy's `np.less`, with its methods. */
export const less = binary(u.less, 'less', { name: 'less' });
/** NumPy's `np.less_equal`, with its methods. */
export const lessEqual = binary(u.lessEqual, 'lessEqual', { name: 'less_equal' });
/** NumPy's `np.greater`, with its methods. */
export const greater = binary(u.greater, 'greater', { name: 'greater' });
/** NumPy's `np.greater_equal`, with its methods. */
export const greaterEqual = binary(u.greaterEqual, 'greaterEqual', { name: 'greater_equal' });
/** NumPy's `np.equal`, with its methods. */
export const equal = binary(u.equal, 'equal', { name: 'equal' });
/** NumPy's `np.not_equal`, with its methods. */
export const notEqual = binary(u.notEqual, 'notEqual', { name: 'not_equal' });
/** NumPy's `np.logical_and`, with its methods. */
export const logicalAnd = binary(u.logicalAnd, 'logicalAnd', { name: 'logical_and', identity: true, reorderable: true, reduce: byAxis(logicalAndReduce as typeof sum), reduceat: reduceatOf(logicalAndReduceat) });
/** NumPy's `np.logical_or`, with its methods. */
export const logicalOr = binary(u.logicalOr, 'logicalOr', { name: 'logical_or', identity: false, reorderable: true, reduce: byAxis(logicalOrReduce as typeof sum), reduceat: reduceatOf(logicalOrReduceat) });
/** NumPy's `np.logical_xor`, with its methods. */
export const logicalXor = binary(u.logicalXor, 'logicalXor', { name: 'logical_xor', identity: false, reorderable: true, reduce: byAxis(logicalXorReduce as typeof sum), reduceat: reduceatOf(logicalXorReduceat) });
/** NumPy's `np.bitwise_and`, with its methods. */
export const bitwiseAnd = binary(u.bitwiseAnd, 'bitwiseAnd', { name: 'bitwise_and', identity: -1, reorderable: true, reduce: byAxis(bitwiseAndReduce as typeof sum), reduceat: reduceatOf(bitwiseAndReduceat) });
/** NumPy's `np.bitwise_or`, with its methods. */
export const bitwiseOr = binary(u.bitwiseOr, 'bitwiseOr', { name: 'bitwise_or', identity: 0, reorderable: true, reduce: byAxis(bitwiseOrReduce as typeof sum), reduceat: reduceatOf(bitwiseOrReduceat) });
/** NumPy's `np.bitwise_xor`, with its methods. */
export const bitwiseXor = binary(u.bitwiseXor, 'bitwiseXor', { name: 'bitwise_xor', identity: 0, reorderable: true, reduce: byAxis(bitwiseXorReduce as typeof sum), reduceat: reduceatOf(bitwiseXorReduceat) });
/** NumPy's `np.left_shift`, with its methods. */
export const leftShift = binary(u.leftShift, 'leftShift', { name: 'left_shift' });
/** NumPy's `np.right_shift`, with its methods. */
export const rightShift = binary(u.rightShift, 'rightShift', { name: 'right_shift' });
/** NumPy's `np.arctan2`, with its methods. */
export const arctan2 = binary(u.arctan2, 'arctan2', { name: 'arctan2' });
/** NumPy's `np.hypot`, with its methods (`hypot.reduce` is the Euclidean norm along an axis). */
export const hypot = binary(u.hypot, 'hypot', { name: 'hypot', identity: 0, reorderable: true });
/** NumPy's `np.logaddexp`, with its methods (`logaddexp.reduce` is a log-sum-exp). */
export const logaddexp = binary(u.logaddexp, 'logaddexp', { name: 'logaddexp', identity: -Infinity, reorderable: true });
/** NumPy's `np.logaddexp2`, with its methods. */
export const logaddexp2 = binary(u.logaddexp2, 'logaddexp2', { name: 'logaddexp2', identity: -Infinity, reorderable: true });
/** NumPy's `np.copysign`, with its methods. */
export const copysign = binary(u.copysign, 'copysign', { name: 'copysign' });
/** NumPy's `np.heaviside`, with its methods. */
export const heaviside = binary(u.heaviside, 'heaviside', { name: 'heaviside' });
/** NumPy's `np.nextafter`, with its methods. */
export const nextafter = binary(u.nextafter, 'nextafter', { name: 'nextafter' });
/** NumPy's `np.gcd`, with its methods (`gcd.reduce` is the gcd of every item along an axis). */
export const gcd = binary(u.gcd, 'gcd', { name: 'gcd', identity: 0, reorderable: true });
/** NumPy's `np.lcm`, with its methods. */
export const lcm = binary(u.lcm, 'lcm', { name: 'lcm' });
/** NumPy's `np.ldexp`, with its methods. */
export const ldexp = binary(u.ldexp, 'ldexp', { name: 'ldexp' });

// ------------------------------------------------------------------ two outputs

/** NumPy's `np.divmod`, with its attributes (`nout` 2) and `outer`. */
export const divmod: BinaryTwoOutputUfunc = twoOutputs(u.divmod, 2, 'divmod');
/** NumPy's `np.modf`, with its attributes (`nout` 2). */
export const modf: UnaryTwoOutputUfunc = twoOutputs(u.modf, 1, 'modf');
/** NumPy's `np.frexp`, with its attributes (`nout` 2). */
export const frexp: UnaryTwoOutputUfunc = twoOutputs(u.frexp, 1, 'frexp');

// ------------------------------------------------------------------ unary

/** NumPy's `np.negative`, with its attributes and `at`. */
export const negative = unary(u.negative, 'negative', 'negative');
/** NumPy's `np.positive`, with its attributes and `at`. */
export const positive = unary(u.positive, 'positive', 'positive');
/** NumPy's `np.conjugate`, with its attributes and `at`. */
export const conjugate = unary(u.conjugate, 'conjugate', 'conjugate');
/** NumPy's `np.conj` (`conjugate`). */
export const conj = conjugate;
/** NumPy's `np.absolute`, with its attributes and `at`. */
export const absolute = unary(u.absolute, 'absolute', 'absolute');
/** NumPy's `np.abs` (`absolute`). */
export const abs = absolute;
/** NumPy's `np.fabs`, with its attributes and `at`. */
export const fabs = unary(u.fabs, 'fabs', 'fabs');
/** NumPy's `np.square`, with its attributes and `at`. */
export const square = unary(u.square, 'square', 'square');
/** NumPy's `np.sqrt`, with its attributes and `at`. */
export const sqrt = unary(u.sqrt, 'sqrt', 'sqrt');
/** NumPy's `np.cbrt`, with its attributes and `at`. */
export const cbrt = unary(u.cbrt, 'cbrt', 'cbrt');
/** NumPy's `np.reciprocal`, with its attributes and `at`. */
export const reciprocal = unary(u.reciprocal, 'reciprocal', 'reciprocal');
/** NumPy's `np.sign`, with its attributes and `at`. */
export const sign = unary(u.sign, 'sign', 'sign');
/** NumPy's `np.exp`, with its attributes and `at`. */
export const exp = unary(u.exp, 'exp', 'exp');
/** NumPy's `np.exp2`, with its attributes and `at`. */
export const exp2 = unary(u.exp2, 'exp2', 'exp2');
/** NumPy's `np.expm1`, with its attributes and `at`. */
export const expm1 = unary(u.expm1, 'expm1', 'expm1');
/** NumPy's `np.log`, with its attributes and `at`. */
export const log = unary(u.log, 'log', 'log');
/** NumPy's `np.log2`, with its attributes and `at`. */
export const log2 = unary(u.log2, 'log2', 'log2');
/** NumPy's `np.log10`, with its attributes and `at`. */
export const log10 = unary(u.log10, 'log10', 'log10');
/** NumPy's `np.log1p`, with its attributes and `at`. */
export const log1p = unary(u.log1p, 'log1p', 'log1p');
/** NumPy's `np.sin`, with its attributes and `at`. */
export const sin = unary(u.sin, 'sin', 'sin');
/** NumPy's `np.cos`, with its attributes and `at`. */
export const cos = unary(u.cos, 'cos', 'cos');
/** NumPy's `np.tan`, with its attributes and `at`. */
export const tan = unary(u.tan, 'tan', 'tan');
/** NumPy's `np.arcsin`, with its attributes and `at`. */
export const arcsin = unary(u.arcsin, 'arcsin', 'arcsin');
/** NumPy's `np.arccos`, with its attributes and `at`. */
export const arccos = unary(u.arccos, 'arccos', 'arccos');
/** NumPy's `np.arctan`, with its attributes and `at`. */
export const arctan = unary(u.arctan, 'arctan', 'arctan');
/** NumPy's `np.sinh`, with its attributes and `at`. */
export const sinh = unary(u.sinh, 'sinh', 'sinh');
/** NumPy's `np.cosh`, with its attributes and `at`. */
export const cosh = unary(u.cosh, 'cosh', 'cosh');
/** NumPy's `np.tanh`, with its attributes and `at`. */
export const tanh = unary(u.tanh, 'tanh', 'tanh');
/** NumPy's `np.arcsinh`, with its attributes and `at`. */
export const arcsinh = unary(u.arcsinh, 'arcsinh', 'arcsinh');
/** NumPy's `np.arccosh`, with its attributes and `at`. */
export const arccosh = unary(u.arccosh, 'arccosh', 'arccosh');
/** NumPy's `np.arctanh`, with its attributes and `at`. */
export const arctanh = unary(u.arctanh, 'arctanh', 'arctanh');
/** NumPy's `np.degrees`, with its attributes and `at`. */
export const degrees = unary(u.degrees, 'degrees', 'degrees');
/** NumPy's `np.radians`, with its attributes and `at`. */
export const radians = unary(u.radians, 'radians', 'radians');
/** NumPy's `np.rad2deg`, with its attributes and `at`. */
export const rad2deg = unary(u.rad2deg, 'rad2deg', 'rad2deg');
/** NumPy's `np.deg2rad`, with its attributes and `at`. */
export const deg2rad = unary(u.deg2rad, 'deg2rad', 'deg2rad');
/** NumPy's `np.rint`, with its attributes and `at`. */
export const rint = unary(u.rint, 'rint', 'rint');
/** NumPy's `np.floor`, with its attributes and `at`. */
export const floor = unary(u.floor, 'floor', 'floor');
/** NumPy's `np.ceil`, with its attributes and `at`. */
export const ceil = unary(u.ceil, 'ceil', 'ceil');
/** NumPy's `np.trunc`, with its attributes and `at`. */
export const trunc = unary(u.trunc, 'trunc', 'trunc');
/** NumPy's `np.spacing`, with its attributes and `at`. */
export const spacing = unary(u.spacing, 'spacing', 'spacing');
/** NumPy's `np.invert`, with its attributes and `at`. */
export const invert = unary(u.invert, 'invert', 'invert');
/** NumPy's `np.bitwise_count`, with its attributes and `at`. */
export const bitwiseCount = unary(u.bitwiseCount, 'bitwise_count', 'bitwiseCount');
/** NumPy's `np.logical_not`, with its attributes and `at`. */
export const logicalNot = unary(u.logicalNot, 'logical_not', 'logicalNot');
/** NumPy's `np.isnan`, with its attributes and `at`. */
export const isnan = unary(u.isnan, 'isnan', 'isnan');
/** NumPy's `np.isinf`, with its attributes and `at`. */
export const isinf = unary(u.isinf, 'isinf', 'isinf');
/** NumPy's `np.isfinite`, with its attributes and `at`. */
export const isfinite = unary(u.isfinite, 'isfinite', 'isfinite');
/** NumPy's `np.signbit`, with its attributes and `at`. */
export const signbit = unary(u.signbit, 'signbit', 'signbit');
