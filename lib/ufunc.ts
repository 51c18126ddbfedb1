/**
 * The element-wise ufunc machinery: NumPy's type resolution, broadcasting,
 * `out` and `where`, and a buffered strided iterator that feeds typed-array
 * inner loops.
 *
 * ## A call, in phases
 * 1. **Operands.** Arrays are strong; JS scalars are NEP 50 weak Python
 *    scalars (see `promote.ts`). `out` must be writeable (checked first).
 * 2. **Type resolution.** The common dtype of the inputs (`resultType`), then
 *    the first of the ufunc's loop types (NumPy's order) that it casts to
 *    safely — NumPy's default resolver. Ufuncs may override this (true
 *    division of ints is float64; bool subtract raises). No loop: a
 *    {@link UFuncTypeError}, NumPy's text.
 * 3. **Scalars** convert to the loop type: a Python int outside the loop's
 *    integer range is an OverflowError, except for comparisons, whose result
 *    is then decided by the sign of the excess alone (NumPy 2).
 * 4. **Checks:** `out` casting is `same_kind`, `where` must be bool; every
 *    operand (inputs, out, where) broadcasts together and `out` must have the
 *    broadcast shape. Nothing is written before all checks pass.
 * 5. **Layout.** A new result is laid out in nditer's 'K' order of the inputs
 *    (`broadcast.ts`). When an input or the mask overlaps `out` other than
 *    element for element, or `out` overlaps itself, the loop writes a
 *    temporary copied into `out` at the end, so the result is as if inputs
 *    were read before any write (NumPy's rule, `write-overlap.ts`).
 * 6. **Loop.** Axes are ordered fastest-last and coalesced. The native loop
 *    (`ufunc-native.ts`) takes that plan when it has the operation; else each innermost row
 *    is cut into blocks. Per block, an operand is addressed *directly* (a
 *    typed array over its window: native byte order, aligned, the loop's own
 *    type) or *buffered* (converted into a scratch typed array: other dtypes,
 *    byte-swapped or unaligned data, float16, a mapping's window edge), the
 *    inner loop runs over typed arrays, and a buffered output is converted
 *    back (under the `where` mask).
 *
 * Inner loops see each operand as (typed array, index, stride) in elements of
 * the typed array: complex operands are interleaved (re, im) pairs, index and
 * stride count parts. Loop value types: bool → Uint8Array of 0/1; int8…uint32
 * → their typed array (stores wrap as C does); int64/uint64 → BigInt arrays;
 * float16 → Float32Array (NumPy computes half in float); float32/64 and
 * complex → Float32Array/Float64Array.
 *
 * Over 600 lines because the six phases above are one pipeline that every
 * ufunc shares; the per-operation loops live in `ufuncs/`, the native loop
 * in `ufunc-native.ts`.
 * @module
 */
import { asarray } from './array-coerce';
import { floatToInt } from './cast';
import { broadcastShape, broadcastStridesTo, kOrder, kOrderStrides, tupleNoSpace } from './broadcast';
import type { DType } from './dtype';
import { float16Bits, float16Value } from './dtype/float16';
import { OverflowError, ValueError } from './errors';
import { hasInternalOverlap, needsOverlapCopy, writeBack } from './write-overlap';
import { describeNonArray, makeArray, readOnlyError, requireOpen, storageOf, writeFlagOf, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { canCast, dtypeClassName, isNumeric, resultType, weakKind, type PyScalar } from './promote';
import { inspect } from 'util';
import type { Complex } from './value-types';
import { MemoryStorage, WINDOW_STEP, type Window } from './storage';
import { byteBounds, isCContiguous, shapeToSize } from './layout';
import { loopStrideIsZero, type UfuncCall } from './nditer-buffering';
import { ALL, COMPLEX, FLOATS, INTS, loopArray, T, type Ctor } from './ufuncs/types';
import { nativeUfuncOp, runUfuncNative, UFUNC_NATIVE_MIN_ELEMENTS, type NativeOperand } from './ufunc-native';
import { capturingKernels, runUncaptured } from './kernels';
import { releaseTemporary } from './release';
import { checkUfuncOptions, type UfuncOrder } from './ufunc-options';
import type { Casting } from './promote';
import type { DTypeLike } from './dtype';
import { readOptions } from './options';

export { ALL, COMPLEX, FLOATS, INTS, loopArray, T };

/** NumPy's `UFuncTypeError` (a `TypeError`): no loop for the input types, or `out` cannot take the result. */
export class UFuncTypeError extends TypeError {
  /** Stable machine-readable code. */
  readonly code = 'ERR_UFUNC_TYPE';
  constructor(message: string) {
    super(message);
    this.name = 'UFuncTypeError';
  }
}

/**
 * An input of a ufunc: an array, a JS scalar (a weak Python scalar, see
 * `promote.ts`), or NumPy's other array_like, a nested list or a typed array
 * (converted first, with its own dtype, as `asarray` converts it).
 */
export type UfuncInput = NdArray | PyScalar | readonly unknown[] | ArrayBufferView;

/** Keyword arguments of every ufunc. */
export interface UfuncOptions {
  /**
   * Where to write the result (NumPy's `out=`): must be writeable, have the
   * broadcast shape, and take the result dtype under `same_kind` casting.
   * The result is as if the inputs were read before anything was written.
   */
  out?: NdArray | null;
  /** A bool mask broadcast to the result: elements where it is false keep `out`'s values (use with `out`); a list is made a bool array, as NumPy's array_like. */
  where?: NdArray | boolean | readonly unknown[] | null;
  /**
   * NumPy's `casting=`: how inputs may cast to the loop's types and the
   * result to `out` (`'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe'`,
   * default `'same_kind'`). A refused cast is a {@link UFuncTypeError}
   * naming the operand (`Cannot cast ufunc 'add' input 0 from
   * dtype('int8') to dtype('float64') with casting rule 'no'`). JS numbers
   * and bigints are weak Python scalars: an integer value never fails the
   * check against an integer, float or complex loop.
   */
  casting?: Casting;
  /**
   * NumPy's `dtype=`: the result dtype, which selects the loop (`add(i8a,
   * i8a, { dtype: 'f8' })` adds in float64; the inputs must cast to it under
   * `casting`). A general type only: the other byte order ('>f8' or its `DType`), a
   * record or a sized bytes type is a `TypeError`, as in NumPy. No loop
   * with that result: `TypeError` (`No loop matching the specified
   * signature and casting was found for ufunc less`).
   */
  dtype?: DTypeLike | null;
  /** NumPy's `order=` for a new result: `'K'` (default: the inputs' memory order), `'A'`, `'C'` or `'F'`. */
  order?: UfuncOrder | Lowercase<UfuncOrder> | null;
  /** NumPy's `subok=`: accepted (a boolean) for compatibility; results are plain arrays here. */
  subok?: boolean;
}

// ------------------------------------------------------------------ loop types

/** Any typed array an inner loop reads or writes. */
export type TA = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
/** Number-valued typed arrays (every loop type but int64/uint64). */
export type NTA = Exclude<TA, BigInt64Array | BigUint64Array>;
/** BigInt-valued typed arrays (int64/uint64 loops). */
export type BTA = BigInt64Array | BigUint64Array;

/** An inner loop of n elements over typed arrays; indices and strides count typed-array elements. */
export type Loop1 = (n: number, a: TA, ai: number, as: number, o: TA, oi: number, os: number) => void;
export type Loop2 = (n: number, a: TA, ai: number, as: number, b: TA, bi: number, bs: number, o: TA, oi: number, os: number) => void;
export type Loop3 = (n: number, a: TA, ai: number, as: number, b: TA, bi: number, bs: number, c: TA, ci: number, cs: number, o: TA, oi: number, os: number) => void;
export type AnyLoop = Loop1 | Loop2 | Loop3;


/** Values per element in the loop's typed array: 2 for complex. */
function lanes(t: DType): number {
  return t.kind === 'c' ? 2 : 1;
}

/** True when loop type `t`'s typed array can view memory of dtype `d` in place. */
function sameStorage(d: DType, t: DType): boolean {
  return d.isnative && d.kind === t.kind && d.itemsize === t.itemsize && !(d.kind === 'f' && d.itemsize === 2);
}

// ------------------------------------------------------------------ ufunc specs

/** What resolution chose: each input's loop type and the output dtype. */
export interface Resolved {
  inTypes: DType[];
  outType: DType;
}

/** One ufunc, as data: its name, loop types and inner loops. */
export interface UfuncSpec {
  /** NumPy's name, used in messages. */
  readonly name: string;
  /**
   * The native loop's name when it is not `name` (MATH_OPS or
   * ufunc-native.ts's table): each half of a two-output ufunc (`modf`'s
   * `modf_frac`).
   */
  readonly kernel?: string;
  readonly nin: 1 | 2 | 3;
  /** Loop input types in NumPy's order; the first the common dtype casts to safely is used. */
  readonly types: readonly DType[];
  /** The output dtype of loop type `t` (default `t`). */
  readonly outType?: (t: DType) => DType;
  /** The inner loop for the resolved types. */
  readonly loop: (r: Resolved) => AnyLoop;
  /**
   * Special resolution run before the default one (may throw NumPy's special
   * errors); returns the loop types, or undefined for the default.
   */
  readonly resolve?: (common: DType, inputs: readonly UfuncInput[]) => Resolved | undefined;
  /** Comparisons: a Python int outside the loop's int range decides the result by sign, never raises. */
  readonly comparison?: boolean;
  /**
   * True when NumPy's error for inputs no loop takes names their DType
   * classes, as a comparison's does (`gcd`, `lcm`: "did not contain a loop
   * with signature matching types (<class '…Float64DType'>, …) -> None"),
   * not its "could not be safely coerced" message.
   */
  readonly noLoopByClass?: boolean;
  /**
   * How scalars convert to the loop type: 'checked' (OverflowError, the default),
   * 'wrap' (np.where's unsafe cast) or 'truth' (the logical ufuncs: only the truth
   * of an out-of-range int counts, as NumPy's `logical_and(uint16, -129)`).
   */
  readonly scalarCast?: 'checked' | 'wrap' | 'truth';
  /** True when the inputs are found by `resultType` of all but the first (np.where's condition). */
  readonly conditionFirst?: boolean;
  /**
   * For loops whose values depend on the last input's stride (`power`'s float
   * loops take fast paths for an exponent of stride 0): the spec to run at
   * resolved types `r` when this plan walks that input with stride 0 and
   * NumPy's iterator would hand its loop a strided buffer of it
   * (`nditer-buffering.ts`); null when the types have no such loop.
   */
  readonly strided?: (r: Resolved) => UfuncSpec | null;
}

function noLoop(name: string): UFuncTypeError {
  return new UFuncTypeError(`ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
}

/**
 * NumPy's error for a record, void or bytes input: a one-input ufunc says
 * no loop supports it; one of two or more names the inputs' dtypes (a JS
 * number as the int64 or float64 its Python twin promotes as), and a
 * comparison their DType classes (fuzz seed 9220368).
 */
function noLoopOf(spec: UfuncSpec, inputs: readonly UfuncInput[]): UFuncTypeError {
  if (spec.nin === 1) return noLoop(spec.name);
  const names = inputs.map((x) => {
    const dt = dtypeOf(x);
    if (spec.comparison || spec.noLoopByClass) {
      if (dt !== null) return `<class 'numpy.dtypes.${dtypeClassName(dt)}'>`;
      if (typeof x === 'boolean') return "<class 'numpy.dtypes.BoolDType'>";
      const k = weakKind(x as PyScalar);
      return `<class 'numpy.dtypes._Py${k === 'i' ? 'Long' : k === 'f' ? 'Float' : 'Complex'}DType'>`;
    }
    if (dt !== null) return inspect(dt);
    if (typeof x === 'boolean') return "dtype('bool')";
    const k = weakKind(x as PyScalar);
    return `dtype('${k === 'i' ? 'int64' : k === 'f' ? 'float64' : 'complex128'}')`;
  });
  return new UFuncTypeError(`ufunc '${spec.name}' did not contain a loop with signature matching types (${names.join(', ')}) -> None`);
}

function dtypeOf(x: UfuncInput): DType | null {
  return x instanceof ArrayClass ? x.dtype : null;
}

/**
 * The strong dtypes NumPy's legacy type resolver matches loop by loop, when
 * that can pick an earlier loop than the promoted dtype: integer arrays, with
 * only Python ints (or none) beside them. Its rule is the first loop every
 * input casts to safely, not the loop of their promotion: int8 with uint8 is
 * `hypot`'s float16 loop (both cast to it) though they promote to int16,
 * whose first float loop is float32; a Python int there does not widen it
 * (`hypot(int8, 300)` is float16). Null where the promoted dtype decides.
 */
function legacyInputs(typed: readonly UfuncInput[]): DType[] | null {
  const strong: DType[] = [];
  let weak = false;
  for (const x of typed) {
    const dt = dtypeOf(x);
    if (dt !== null) strong.push(dt);
    else if (typeof x === 'boolean') strong.push(T.b);
    else if (weakKind(x) === 'i') weak = true;
    else return null;
  }
  if (strong.length === 0 || !strong.every((d) => d.kind === 'i' || d.kind === 'u' || d.kind === 'b')) return null;
  // bool beside a Python int promotes to int64 (NEP 50): no earlier loop there.
  if (weak && !strong.some((d) => d.kind === 'i' || d.kind === 'u')) return null;
  return strong;
}

/** NumPy's default type resolution for `spec` over `inputs`. */
export function resolveTypes(spec: UfuncSpec, inputs: readonly UfuncInput[]): Resolved {
  const typed = spec.conditionFirst ? inputs.slice(1) : inputs;
  for (const x of inputs) {
    const dt = dtypeOf(x);
    if (dt !== null && !isNumeric(dt)) throw noLoopOf(spec, inputs);
  }
  const common = resultType(...(typed as PyScalar[]));
  const special = spec.resolve?.(common, inputs);
  if (special !== undefined) return special;
  const legacy = legacyInputs(typed);
  for (const t of spec.types) {
    if (canCast(common, t, 'safe') || (legacy !== null && legacy.every((d) => canCast(d, t, 'safe')))) {
      const n = spec.conditionFirst ? spec.nin - 1 : spec.nin;
      const inTypes = new Array<DType>(n).fill(t);
      return { inTypes: spec.conditionFirst ? [T.b, ...inTypes] : inTypes, outType: spec.outType?.(t) ?? t };
    }
  }
  throw spec.noLoopByClass ? noLoopOf(spec, inputs) : noLoop(spec.name);
}

// ------------------------------------------------------------------ scalars

const U64_MAX = 2n ** 64n - 1n;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** The values an integer dtype holds, as bigints: [min, max]. */
export function intRange(t: DType): [bigint, bigint] {
  const bits = BigInt(t.itemsize * 8);
  return t.kind === 'u' ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
}

/** A scalar's value as a bigint when it is a Python int (or bool), else null. */
function pyInt(x: PyScalar): bigint | null {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  if (typeof x === 'number' && weakKind(x) === 'i') return BigInt(x);
  return null;
}

/** Signals a comparison whose scalar is outside the loop's range: +1 above, -1 below. */
class OutOfRange {
  constructor(readonly sign: 1 | -1) {}
}

/** A scalar as a one-element loop array of type `t` (NumPy's conversion of a Python scalar). */
function scalarArray(x: PyScalar, t: DType, mode: 'checked' | 'wrap' | 'truth' | 'compare'): TA | OutOfRange {
  const out = new (loopArray(t))(lanes(t));
  const big = pyInt(x);
  if (t.kind === 'b') {
    (out as Uint8Array)[0] = big !== null ? (big !== 0n ? 1 : 0) : x ? 1 : 0;
    return out;
  }
  if (t.kind === 'i' || t.kind === 'u') {
    if (big === null) throw new TypeError(`cannot convert ${String(x)} to ${t.name}`);
    const [lo, hi] = intRange(t);
    let v = big;
    if (big < lo || big > hi) {
      if (mode === 'compare') return new OutOfRange(big > hi ? 1 : -1);
      if (mode === 'wrap') v = t.kind === 'u' ? BigInt.asUintN(t.itemsize * 8, big) : BigInt.asIntN(t.itemsize * 8, big);
      // Past a C long (an unsigned type reads up to 2^64 - 1 first): Python's own error.
      else if (big > (t.kind === 'u' ? U64_MAX : I64_MAX) || big < I64_MIN) throw new OverflowError('Python int too large to convert to C long');
      else if (mode === 'truth') v = 1n; // out of range, so not zero: true
      else throw new OverflowError(`Python integer ${big} out of bounds for ${t.name}`);
    }
    if (t.itemsize === 8) (out as BTA)[0] = v;
    else (out as NTA)[0] = Number(v);
    return out;
  }
  let re: number;
  let im = 0;
  if (big !== null) {
    if (big >= 2n ** 1024n || big <= -(2n ** 1024n)) throw new OverflowError('int too large to convert to float');
    re = Number(big);
  } else if (typeof x === 'number') {
    re = x;
  } else {
    re = (x as Complex).re;
    im = (x as Complex).im;
  }
  if (t.kind === 'f' && t.itemsize === 2) re = float16Value(float16Bits(re));
  (out as NTA)[0] = re;
  if (t.kind === 'c') (out as NTA)[1] = im;
  return out;
}

// ------------------------------------------------------------------ element conversion

type Get = (dv: DataView, o: number) => number | bigint;
type Set = (dv: DataView, o: number, v: number | bigint) => void;


/** Reads one real value of dtype `d` (complex: `part` 0 or 1). */
function getter(d: DType, part: number): Get {
  const le = d.littleEndian;
  const p = part * (d.itemsize / 2);
  switch (d.kind + d.itemsize) {
    case 'b1': return (dv, o) => (dv.getUint8(o) !== 0 ? 1 : 0);
    case 'i1': return (dv, o) => dv.getInt8(o);
    case 'u1': return (dv, o) => dv.getUint8(o);
    case 'i2': return (dv, o) => dv.getInt16(o, le);
    case 'u2': return (dv, o) => dv.getUint16(o, le);
    case 'i4': return (dv, o) => dv.getInt32(o, le);
    case 'u4': return (dv, o) => dv.getUint32(o, le);
    case 'i8': return (dv, o) => dv.getBigInt64(o, le);
    case 'u8': return (dv, o) => dv.getBigUint64(o, le);
    case 'f2': return (dv, o) => float16Value(dv.getUint16(o, le));
    case 'f4': return (dv, o) => dv.getFloat32(o, le);
    case 'f8': return (dv, o) => dv.getFloat64(o, le);
    case 'c8': return (dv, o) => dv.getFloat32(o + p, le);
    case 'c16': return (dv, o) => dv.getFloat64(o + p, le);
  }
  throw new TypeError(`cannot compute with ${d.str}`);
}

/** Writes one real value into dtype `d` (complex: `part`), casting as C does (ints wrap). */
function setter(d: DType, part: number): Set {
  const le = d.littleEndian;
  const p = part * (d.itemsize / 2);
  const n32 = (v: number | bigint): number => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v);
  const big = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : truncBig(v));
  const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(v) : v);
  switch (d.kind + d.itemsize) {
    case 'b1': return (dv, o, v) => dv.setUint8(o, v ? 1 : 0);
    case 'i1': return (dv, o, v) => dv.setInt8(o, n32(v));
    case 'u1': return (dv, o, v) => dv.setUint8(o, n32(v));
    case 'i2': return (dv, o, v) => dv.setInt16(o, n32(v), le);
    case 'u2': return (dv, o, v) => dv.setUint16(o, n32(v), le);
    case 'i4': return (dv, o, v) => dv.setInt32(o, n32(v), le);
    case 'u4': return (dv, o, v) => dv.setUint32(o, n32(v), le);
    case 'i8': return (dv, o, v) => dv.setBigInt64(o, big(v), le);
    case 'u8': return (dv, o, v) => dv.setBigUint64(o, big(v), le);
    case 'f2': return (dv, o, v) => dv.setUint16(o, float16Bits(num(v)), le);
    case 'f4': return (dv, o, v) => dv.setFloat32(o, num(v), le);
    case 'f8': return (dv, o, v) => dv.setFloat64(o, num(v), le);
    case 'c8': return (dv, o, v) => dv.setFloat32(o + p, num(v), le);
    case 'c16': return (dv, o, v) => dv.setFloat64(o + p, num(v), le);
  }
  throw new TypeError(`cannot store into ${d.str}`);
}

/** Converts a value read from memory to loop type `t`'s typed-array value. */
function toLoopValue(t: DType): (v: number | bigint) => number | bigint {
  // NaN is true, as in C.
  if (t.kind === 'b') return (v) => (v !== 0 && v !== 0n ? 1 : 0);
  if ((t.kind === 'i' || t.kind === 'u') && t.itemsize === 8) return (v) => (typeof v === 'bigint' ? v : truncBig(v));
  if (t.kind === 'i' || t.kind === 'u') {
    // A 64-bit item into a narrower int loop (casting: 'unsafe') keeps its low bits, as C's
    // cast: through a float64 first, 2^64 - 1 would round to 2^64 and wrap to 0, not 255.
    return (v) => (typeof v === 'bigint' ? Number(BigInt.asUintN(32, v)) : v);
  }
  return (v) => (typeof v === 'bigint' ? Number(v) : v);
}

/**
 * A float as a 64-bit integer, as C's cast does (an unsafe cast: a float loop
 * into an int64 out under `casting: 'unsafe'`): truncated toward zero;
 * NaN and ±inf give INT64_MIN, x86's "integer indefinite", as NumPy's do there.
 */
function truncBig(v: number): bigint {
  if (Number.isInteger(v)) return BigInt(v);
  return Number.isFinite(v) ? BigInt(Math.trunc(v)) : I64_MIN;
}

// ------------------------------------------------------------------ operands of the iterator

/** One operand as the iterator walks it. */
interface IterOp {
  /** The array (null for a scalar constant). */
  arr: NdArray | null;
  /** Loop type of this operand. */
  t: DType;
  /** For a scalar: its one-element loop array. */
  constant: TA | null;
  /** Byte strides over the iteration shape (permuted, coalesced). */
  strides: number[];
  /** Can the loop's typed array view this array's memory in place? */
  direct: boolean;
  /** A typed array over all of it when it lies in one window, with the storage offset of its element 0. */
  whole: TA | null;
  wholeBase: number;
  /** For a buffered input in native order: a typed array of its own dtype over all of it (fast conversion). */
  own: TA | null;
  /**
   * The loop can read `own` as is: both are plain JS numbers (no BigInt, no
   * complex, no bool, no float16 bits), and the safe cast to the loop type
   * keeps every value (int32 → float64, uint8 → int16, float32 → float64).
   */
  passThrough: boolean;
  /** Scratch for buffered blocks. */
  scratch: TA | null;
  /** Per-element conversion for buffered access (reads for inputs, writes for the output). */
  get: Get[] | null;
  set: Set[] | null;
  conv: ((v: number | bigint) => number | bigint) | null;
  /** Walks the storage's windows in address order. */
  cursor: ((off: number) => Window) | null;
}

const BLOCK = 8192;

function makeOp(arr: NdArray | null, t: DType, constant: TA | null, isOut: boolean): IterOp {
  const op: IterOp = { arr, t, constant, strides: [], direct: false, whole: null, wholeBase: 0, own: null, passThrough: false, scratch: null, get: null, set: null, conv: null, cursor: null };
  if (arr === null) return op;
  const d = arr.dtype;
  op.direct = sameStorage(d, t);
  const plain = (x: DType): boolean => (x.kind === 'i' || x.kind === 'u' || x.kind === 'f') && x.itemsize <= 8 && !((x.kind === 'i' || x.kind === 'u') && x.itemsize === 8);
  const half = (x: DType): boolean => x.kind === 'f' && x.itemsize === 2;
  op.passThrough = !isOut && !op.direct && plain(d) && plain(t) && !half(d) && !half(t);
  op.cursor = storageOf(arr).cursor(d.itemsize);
  if (isOut) {
    op.set = lanes(d) === 2 ? [setter(d, 0), setter(d, 1)] : [setter(d, 0)];
    // A float16 loop computes in float32 lanes: its results are float16 values before
    // they are cast to another out dtype (add(h, h, { out: f8 }) of 65504 is inf, as NumPy).
    if (half(t) && !half(d)) op.set = op.set.map((f) => (dv: DataView, o: number, v: number | bigint) => f(dv, o, float16Value(float16Bits(Number(v)))));
    // A float (or complex: its real part) result into an integer out (casting: 'unsafe') is
    // cast as astype casts, not wrapped as a typed array's store wraps a double: 1e19 into
    // int64 and 3e9 into int32 are their minimums, NaN into uint8 is 0 (lib/cast.ts).
    if ((t.kind === 'f' || t.kind === 'c') && (d.kind === 'i' || d.kind === 'u')) {
      const bits = d.itemsize * 8;
      const signed = d.kind === 'i';
      const fits = bits === 64 ? 2 ** 53 : 2 ** 31;
      op.set = op.set.map((f) => (dv: DataView, o: number, v: number | bigint) => {
        const x = Number(v);
        // Integral values that every path casts alike stay numbers (the store keeps their low bits).
        f(dv, o, Number.isInteger(x) && x < fits && x >= -fits ? x : floatToInt(x, bits, signed));
      });
    }
  } else {
    op.get = lanes(d) === 2 ? [getter(d, 0), getter(d, 1)] : [getter(d, 0)];
    op.conv = toLoopValue(t);
    // Another dtype read into a float16 loop is cast to float16 first (100001 → inf), as NumPy's buffer is.
    if (half(t) && !half(d)) op.conv = (v) => float16Value(float16Bits(Number(v)));
  }
  return op;
}

/** A typed array of `ctor` over storage bytes [lo, lo + bytes) when they sit in one window, aligned; else null. */
function typedRange(arr: NdArray, ctor: Ctor, lo: number, bytes: number): TA | null {
  if (bytes > WINDOW_STEP) return null;
  const w = storageOf(arr).window(lo, Math.max(bytes, 1));
  const byteOffset = w.bufferOffset + (lo - w.start);
  const size = ctor.BYTES_PER_ELEMENT;
  if (byteOffset % size !== 0) return null;
  return new ctor(w.buffer, byteOffset, bytes / size);
}

/** The operand's scratch block, allocated on first use (direct operands never need one). */
function scratchOf(op: IterOp, blk: number): TA {
  if (op.scratch === null) op.scratch = new (loopArray(op.t))(blk * lanes(op.t));
  return op.scratch;
}

/** Reads `m` elements of `op` from storage offset `off`, step `s` bytes, into its scratch (converted to the loop type). */
function loadBlock(op: IterOp, off: number, s: number, m: number): void {
  const dst = op.scratch as TA;
  const get = op.get as Get[];
  const conv = op.conv as (v: number | bigint) => number | bigint;
  const cur = op.cursor as (o: number) => Window;
  const l = lanes(op.t);
  const src = (op.arr as NdArray).dtype;
  const srcLanes = lanes(src);
  const d = dst as unknown as (number | bigint)[];
  for (let k = 0, o = off; k < m; k++, o += s) {
    const w = cur(o);
    const dv = w.view;
    const at = o - w.start;
    const re = get[0](dv, at);
    if (l === 2) {
      d[k * 2] = conv(re);
      d[k * 2 + 1] = srcLanes === 2 ? conv(get[1](dv, at)) : 0;
    } else if (srcLanes === 2 && op.t.kind === 'b') {
      // complex to bool (np.where's condition): true when either part is non-zero
      d[k] = conv(re) || conv(get[1](dv, at));
    } else {
      d[k] = conv(re);
    }
  }
}

/** True when a typed array of `d`'s own loop type reads its memory as is (native order, not float16). */
function ownStorage(d: DType): boolean {
  return d.isnative && isNumeric(d) && !(d.kind === 'f' && d.itemsize === 2);
}

/**
 * Converts `m` elements of a typed array of the source's own type into the
 * scratch of the loop type (safe casts only, or truth for a bool loop): the
 * buffered path's fast case (int32 * float64 and the like).
 */
function convertBlock(src: TA, si: number, ss: number, srcLanes: number, dst: TA, dstLanes: number, m: number, toBool: boolean, fromBool: boolean): void {
  const s = src as unknown as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const d = dst as unknown as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const srcBig = src instanceof BigInt64Array || src instanceof BigUint64Array;
  const dstBig = dst instanceof BigInt64Array || dst instanceof BigUint64Array;
  if (toBool) {
    for (let k = 0; k < m; k++, si += ss) d[k] = s[si] != 0 || (srcLanes === 2 && s[si + 1] !== 0) ? 1 : 0; // eslint-disable-line eqeqeq
  } else if (fromBool) {
    // A bool byte other than 0 or 1 (a mapped file's) is true: 1, as NumPy's bool casts give.
    const one = dstBig ? 1n : 1;
    const zero = dstBig ? 0n : 0;
    for (let k = 0; k < m; k++, si += ss) {
      d[dstLanes * k] = s[si] !== 0 ? one : zero;
      if (dstLanes === 2) d[2 * k + 1] = 0;
    }
  } else if (dstLanes === 2) {
    for (let k = 0; k < m; k++, si += ss) {
      d[2 * k] = srcBig ? Number(s[si]) : s[si];
      d[2 * k + 1] = srcLanes === 2 ? s[si + 1] : 0;
    }
  } else if (srcBig === dstBig) {
    for (let k = 0; k < m; k++, si += ss) d[k] = s[si];
  } else if (srcBig && !(dst instanceof Float32Array || dst instanceof Float64Array)) {
    // Into a narrower int loop (casting: 'unsafe'): the low 32 bits, exact, which the
    // typed array wraps further as C's cast does (a float64 on the way would round 2^64 - 1 to 2^64).
    for (let k = 0; k < m; k++, si += ss) d[k] = Number(BigInt.asUintN(32, s[si] as bigint));
  } else if (srcBig) {
    for (let k = 0; k < m; k++, si += ss) d[k] = Number(s[si]);
  } else {
    for (let k = 0; k < m; k++, si += ss) d[k] = truncBig(s[si] as number);
  }
}

/** Writes `m` loop values from `src` (step `ss` in its elements) to `op`'s memory, where `mask` (if any) is set. */
function storeBlock(op: IterOp, off: number, s: number, m: number, src: TA, si: number, ss: number, mask: Uint8Array | null, mi: number, ms: number): void {
  const set = op.set as Set[];
  const cur = op.cursor as (o: number) => Window;
  const v = src as unknown as (number | bigint)[];
  const srcComplex = lanes(op.t) === 2;
  const set0 = set[0];
  const set1 = set.length === 2 ? set[1] : null;
  for (let k = 0, o = off; k < m; k++, o += s, si += ss, mi += ms) {
    if (mask !== null && mask[mi] === 0) continue;
    const w = cur(o);
    const at = o - w.start;
    set0(w.view, at, v[si]);
    // A real result into a complex out (same_kind allows it) gets a zero imaginary part.
    if (set1 !== null) set1(w.view, at, srcComplex ? v[si + 1] : 0);
  }
}

// ------------------------------------------------------------------ iteration

/**
 * An index as an int32 when it is one: a quotient is a double to V8 even when
 * integral, and a double index would make every inner-loop access convert it.
 */
function small(v: number): number {
  return v <= 0x7fffffff && v >= -0x80000000 ? v | 0 : v;
}

/** Drops length-1 axes and merges axes every operand walks as one (after ordering them slowest first). */
function coalesce(shape: number[], ops: IterOp[]): number[] {
  const keep: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) keep.push(i);
  let sh = keep.map((i) => shape[i]);
  for (const op of ops) op.strides = keep.map((i) => op.strides[i]);
  for (let i = sh.length - 1; i > 0; i--) {
    const inner = i;
    const outer = i - 1;
    if (ops.every((op) => op.strides[outer] === op.strides[inner] * sh[inner])) {
      sh[outer] *= sh[inner];
      for (const op of ops) {
        op.strides[outer] = op.strides[inner];
        op.strides.splice(inner, 1);
      }
      sh = [...sh.slice(0, inner), ...sh.slice(inner + 1)];
    }
  }
  return sh;
}

/** The loop (and native operation) {@link UfuncSpec.strided} names for a call, and the call NumPy's machinery is asked about. */
interface StridedLoop {
  loop: AnyLoop;
  native: number;
  call: UfuncCall;
}

/** The strided loop of `spec` at types `r` for a call of `inputs` into `out` (null: allocated), or null (most specs: nothing is built). */
function stridedLoop(spec: UfuncSpec, r: Resolved, inputs: readonly UfuncInput[], out: NdArray | null, masked: boolean): StridedLoop | null {
  const other = spec.strided?.(r) ?? null;
  if (other === null) return null;
  const call: UfuncCall = { inputs: inputs.map((x, k) => ({ arr: x instanceof ArrayClass ? x : null, t: r.inTypes[k] })), out: { arr: out, t: r.outType }, masked };
  return { loop: other.loop(r), native: nativeUfuncOp(other, r), call };
}

/**
 * Runs `loop` over inputs `ins` writing `out` (under `mask`), every array
 * operand already broadcast to `shape` (its strides in `op.strides`).
 * With `copyFirst` (indices of operands the pool kernel copies before it
 * writes: ufuncAsync's overlapping `out`), only the native loop is tried:
 * false, with nothing done, when it cannot take the call.
 */
function iterate(shape: readonly number[], ins: IterOp[], out: IterOp, mask: IterOp | null, loop: AnyLoop, nin: number, native = -1, copyFirst: readonly number[] | null = null, strided: StridedLoop | null = null): boolean {
  const all = mask === null ? [...ins, out] : [...ins, out, mask];
  const arrays = all.filter((o) => o.arr !== null);
  // Iterate in 'K' order of every operand, slowest axis first (a scalar: stride 0 on every axis).
  const order = kOrder(shape.length, arrays.map((o) => o.strides)).reverse();
  for (const op of all) op.strides = order.map((i) => (op.arr === null ? 0 : op.strides[i]));
  const sh = coalesce(order.map((i) => shape[i]), all);
  if (strided !== null && (sh.length === 0 || ins[nin - 1].strides[sh.length - 1] === 0) && !loopStrideIsZero(strided.call, sh, all.map((o) => o.strides), nin - 1)) {
    loop = strided.loop;
    native = strided.native;
  }
  // The native loop over the same plan when there is one (see ufunc-native.ts).
  if (native >= 0 && runUfuncNative(native, ins[nin - 1].t, sh, all, nin, copyFirst ?? [])) return true;
  if (copyFirst !== null) return false;
  const nd = sh.length;
  const inner = nd === 0 ? 1 : sh[nd - 1];
  const blk = Math.min(inner, BLOCK);
  for (const op of all) {
    if (op.arr === null) continue;
    const a = op.arr;
    const ctor = loopArray(op.t);
    // (Not into a float16 loop: its buffer holds float16 values, which loadBlock's conv rounds to.)
    const own = op.direct ? ctor : op !== out && ownStorage(a.dtype) && !(op.t.kind === 'f' && op.t.itemsize === 2) ? loopArray(a.dtype) : null;
    // Element indices into one typed array need every stride in whole items (a packed record field may not have them).
    if (own !== null && a.strides.every((st, i) => st % a.itemsize === 0 || a.shape[i] <= 1)) {
      const [lo, hi] = byteBounds(a.offset, a.shape, a.strides, a.itemsize);
      const ta = typedRange(a, own, lo, hi - lo);
      if (ta !== null) {
        if (op.direct) op.whole = ta;
        else op.own = ta;
        op.wholeBase = lo;
      }
    }
  }
  const oLanes = lanes(out.t);
  const offs = all.map((o) => (o.arr === null ? 0 : o.arr.offset));
  const idx = new Array<number>(Math.max(nd - 1, 0)).fill(0);
  const views: TA[] = new Array<TA>(all.length);
  const vi = new Array<number>(all.length).fill(0);
  const vs = new Array<number>(all.length).fill(0);
  const nOps = all.length;
  const outK = nin;
  const maskK = nin + 1;
  for (;;) {
    // One innermost row, in blocks.
    for (let start = 0; start < inner; start += BLOCK) {
      const m = Math.min(BLOCK, inner - start);
      let outDirect = false;
      for (let k = 0; k < nOps; k++) {
        const op = all[k];
        if (op.arr === null) {
          views[k] = op.constant as TA;
          vi[k] = 0;
          vs[k] = 0;
          continue;
        }
        const s = nd === 0 ? 0 : op.strides[nd - 1];
        const off = offs[k] + start * s;
        const l = lanes(op.t);
        const isz = op.arr.itemsize;
        let ta: TA | null = null;
        let at = 0;
        if (op.direct && s % isz === 0) {
          if (op.whole !== null) {
            ta = op.whole;
            at = ((off - op.wholeBase) / isz) * l;
          } else {
            const lo = s < 0 ? off + (m - 1) * s : off;
            const r = typedRange(op.arr, loopArray(op.t), lo, (m - 1) * Math.abs(s) + isz);
            if (r !== null) {
              ta = r;
              at = ((off - lo) / isz) * l;
            }
          }
        }
        if (ta !== null && !(k === outK && mask !== null)) {
          views[k] = ta;
          vi[k] = small(at);
          vs[k] = small((s / isz) * l);
          if (k === outK) outDirect = true;
        } else {
          views[k] = scratchOf(op, blk);
          vi[k] = 0;
          vs[k] = s === 0 && k !== outK ? 0 : l;
          if (k === outK) continue;
          const count = s === 0 ? 1 : m;
          if (op.own !== null && op.passThrough && s % isz === 0) {
            views[k] = op.own;
            vi[k] = small((off - op.wholeBase) / isz);
            vs[k] = small(s / isz);
          } else if (op.own !== null && s % isz === 0) {
            const srcLanes = lanes(op.arr.dtype);
            convertBlock(op.own, small(((off - op.wholeBase) / isz) * srcLanes), small((s / isz) * srcLanes), srcLanes, op.scratch as TA, l, count, op.t.kind === 'b', op.arr.dtype.kind === 'b');
          } else {
            loadBlock(op, off, s, count);
          }
        }
      }
      if (nin === 1) (loop as Loop1)(m, views[0], vi[0], vs[0], views[1], vi[1], vs[1]);
      else if (nin === 2) (loop as Loop2)(m, views[0], vi[0], vs[0], views[1], vi[1], vs[1], views[2], vi[2], vs[2]);
      else (loop as Loop3)(m, views[0], vi[0], vs[0], views[1], vi[1], vs[1], views[2], vi[2], vs[2], views[3], vi[3], vs[3]);
      if (!outDirect) {
        const s = nd === 0 ? 0 : out.strides[nd - 1];
        const mk = mask === null ? null : (views[maskK] as Uint8Array);
        storeBlock(out, offs[outK] + start * s, s, m, scratchOf(out, blk), 0, oLanes, mk, mask === null ? 0 : vi[maskK], mask === null ? 0 : vs[maskK]);
      }
    }
    // Next row.
    let ax = nd - 2;
    while (ax >= 0) {
      idx[ax]++;
      for (let k = 0; k < nOps; k++) offs[k] += all[k].strides[ax];
      if (idx[ax] < sh[ax]) break;
      for (let k = 0; k < nOps; k++) offs[k] -= all[k].strides[ax] * sh[ax];
      idx[ax] = 0;
      ax--;
    }
    if (ax < 0) return true;
  }
}

// ------------------------------------------------------------------ calls

function fmtDType(d: DType): string {
  return `dtype('${d.isnative || d.byteorder === '|' ? d.name : d.str}')`;
}

/**
 * A new owner of `shape` and `dt`, laid out in nditer's 'K' order of `like`
 * (strides already broadcast); zeroed unless `uninitialized` (the caller stores every item).
 */
export function allocateLike(dt: DType, shape: readonly number[], like: readonly (readonly number[])[], uninitialized = false, order: 'K' | 'C' | 'F' = 'K'): NdArray {
  const n = shapeToSize(shape);
  const nd = shape.length;
  const perm = order === 'K' ? kOrder(nd, like) : Array.from({ length: nd }, (_, i) => (order === 'C' ? nd - 1 - i : i));
  // An empty result has all-zero strides, as every array NumPy allocates
  // with no items (a reduction of it then lays out its result in C order;
  // fuzz seed 9323342).
  const strides = n === 0 ? new Array<number>(nd).fill(0) : kOrderStrides(shape, dt.itemsize, perm);
  return makeArray({ storage: MemoryStorage.allocate(n * dt.itemsize, uninitialized), dtype: dt, shape, strides, offset: 0, base: null, writeable: true, ownData: true });
}

/**
 * Resolutions already made for calls of a ufunc whose inputs are arrays and
 * numbers, by the arrays' dtype strings and the numbers' weak kinds (what
 * resolveTypes reads of them), with the native kernel for them (-1: none).
 * Errors are not kept: such a call goes on to the general path, which raises
 * them.
 */
const flatResolved = new WeakMap<UfuncSpec, Map<string, { r: Resolved; native: number }>>();

/**
 * The most items {@link flatCall} takes: past it the general path's planning
 * is a small part of the call.
 */
const FLAT_MAX_ELEMENTS = 1 << 20;

/**
 * {@link callUfunc} over C-contiguous operands of one shape: what the general
 * path computes, without its planning, which cost 20x the loop below
 * UFUNC_NATIVE_MIN_ELEMENTS items (6.5 µs for a 10-item add; NumPy 0.3 µs)
 * and 5-8 µs a call above it (a 1000-item add: 9.6 µs, NumPy 0.5 µs). The
 * general path walks such operands as one row as well: the JS loop under
 * UFUNC_NATIVE_MIN_ELEMENTS items, else the native kernel when there is one.
 * Taken when every input is an open C-contiguous array of one shape, whose
 * dtype the loop reads in place, or a number, and `out` (when given) is such
 * an array of the loop's output storage that no input overlaps other than
 * item for item; null otherwise, or where the general path would decide
 * something (an error, a comparison with an out-of-range int), which then
 * makes the call.
 */
function flatCall(spec: UfuncSpec, inputs: readonly UfuncInput[], out: NdArray | null = null): NdArray | null {
  const nin = inputs.length;
  if (capturingKernels()) return null;
  let first: NdArray | null = null;
  let same = true;
  let key = '';
  for (let k = 0; k < nin; k++) {
    const x = inputs[k];
    if (x instanceof ArrayClass) {
      const dt = x.dtype;
      if (!isNumeric(dt) || storageOf(x).closed || !isCContiguous(x.shape, x.strides, dt.itemsize)) return null;
      if (first === null) first = x;
      else if (same && !sameShape(first.shape, x.shape)) same = false;
      key += dt.str;
    } else if (typeof x === 'number') key += weakKind(x);
    else return null;
    key += ',';
  }
  if (first === null) return null;
  let shape = first.shape;
  if (!same) {
    // Broadcast inputs: the native kernel walks them with zero strides (the
    // general path raises a mismatch).
    try {
      shape = broadcastShape(inputs.filter((x): x is NdArray => x instanceof ArrayClass).map((x) => x.shape));
    } catch {
      return null;
    }
  }
  const n = shapeToSize(shape);
  if (n === 0 || n > FLAT_MAX_ELEMENTS || (!same && n < UFUNC_NATIVE_MIN_ELEMENTS)) return null;
  // Any other out, and an input that overlaps it other than item for item,
  // takes the general path and its checks.
  if (out !== null) {
    const od = out.dtype;
    if (!isNumeric(od) || storageOf(out).closed || !writeFlagOf(out) || !sameShape(shape, out.shape) || !isCContiguous(out.shape, out.strides, od.itemsize)) return null;
    for (let k = 0; k < nin; k++) {
      const x = inputs[k];
      if (x instanceof ArrayClass && needsOverlapCopy(x, out)) return null;
    }
  }
  let cache = flatResolved.get(spec);
  if (cache === undefined) flatResolved.set(spec, (cache = new Map()));
  let entry = cache.get(key);
  if (entry === undefined) {
    let r: Resolved;
    try {
      r = resolveTypes(spec, inputs);
    } catch {
      return null;
    }
    entry = { r, native: nativeUfuncOp(spec, r) };
    cache.set(key, entry);
  }
  const r = entry.r;
  if (!sameStorage(r.outType, r.outType)) return null;
  // The loop's own output type, in out's storage: the same kind and size (so
  // also the 'same_kind' cast NumPy checks for out).
  if (out !== null && !sameStorage(out.dtype, r.outType)) return null;
  const intCompare = spec.comparison === true && inputs.some((y) => y instanceof ArrayClass && (y.dtype.kind === 'i' || y.dtype.kind === 'u'));
  const consts: (TA | null)[] = [];
  for (let k = 0; k < nin; k++) {
    const x = inputs[k];
    if (x instanceof ArrayClass) {
      if (!sameStorage(x.dtype, r.inTypes[k])) return null;
      consts.push(null);
    } else {
      const t = r.inTypes[k];
      const c = scalarArray(unsafeScalar(x as PyScalar, t), t, intCompare ? 'compare' : (spec.scalarCast ?? 'checked'));
      if (c instanceof OutOfRange) return null;
      consts.push(c);
    }
  }
  // Broadcast inputs need the native kernel (the JS loop below walks one row).
  if (!same && entry.native < 0) return null;
  // The inputs' strides over the shape: what a new result is laid out by and
  // broadcast operands walk (same-shape ones into an out need none).
  const inStrides = same && out !== null ? null : inputs.map((x) => (x instanceof ArrayClass ? broadcastStridesTo(x.shape, x.strides, shape) : new Array<number>(shape.length).fill(0)));
  // A loop that depends on the last input's stride: a broadcast one, or one item (a 0-d call), takes the general path, which asks NumPy's machinery.
  if (spec.strided !== undefined && ((!same && inputs[nin - 1] instanceof ArrayClass && inStrides![nin - 1].some((st, i) => st === 0 && shape[i] > 1)) || n === 1)) return null;
  let result: NdArray;
  if (out !== null) {
    result = out;
  } else {
    result = allocateLike(r.outType, shape, inStrides!, true);
    if (!isCContiguous(result.shape, result.strides, result.itemsize)) return null;
  }
  if (n >= UFUNC_NATIVE_MIN_ELEMENTS && entry.native >= 0) {
    // One row of n items, or (broadcast) the result's C order over its shape.
    const walk = same ? [n] : shape;
    const operands: NativeOperand[] = [];
    for (let k = 0; k < nin; k++) {
      const x = inputs[k];
      const st = same ? [x instanceof ArrayClass ? x.itemsize : 0] : inStrides![k];
      operands.push(x instanceof ArrayClass ? { arr: x, constant: null, strides: st } : { arr: null, constant: consts[k], strides: st });
    }
    operands.push({ arr: result, constant: null, strides: same ? [result.itemsize] : result.strides });
    if (runUfuncNative(entry.native, r.inTypes[nin - 1], walk, operands, nin)) return result;
    // Broadcast operands the kernel refuses (float16 through another dtype,
    // shared memory…): the general path takes the call; nothing was written.
    if (!same) {
      if (out === null) releaseTemporary(storageOf(result));
      return null;
    }
  }
  // The JS loop over whole typed arrays (not past a JS window: the general path's blocks take that).
  const views: TA[] = [];
  const steps: number[] = [];
  for (let k = 0; k < nin; k++) {
    const x = inputs[k];
    if (x instanceof ArrayClass) {
      const ta = typedRange(x, loopArray(r.inTypes[k]), x.offset, n * x.itemsize);
      if (ta === null) return null;
      views.push(ta);
      steps.push(lanes(r.inTypes[k]));
    } else {
      views.push(consts[k] as TA);
      steps.push(0);
    }
  }
  const o = typedRange(result, loopArray(r.outType), result.offset, n * result.itemsize);
  if (o === null) return null;
  const loop = spec.loop(r);
  const ol = lanes(r.outType);
  if (nin === 1) (loop as Loop1)(n, views[0], 0, steps[0], o, 0, ol);
  else if (nin === 2) (loop as Loop2)(n, views[0], 0, steps[0], views[1], 0, steps[1], o, 0, ol);
  else (loop as Loop3)(n, views[0], 0, steps[0], views[1], 0, steps[1], views[2], 0, steps[2], o, 0, ol);
  return result;
}

/**
 * The `out` of options that hold nothing else (a plain object with one own
 * data property `out`, an NdArray), or null: {@link flatCall} reads it once.
 */
function onlyOut(options: UfuncOptions): NdArray | null {
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return null;
  const d = Object.getOwnPropertyDescriptor(options, 'out');
  if (d === undefined || !('value' in d) || !(d.value instanceof ArrayClass)) return null;
  const keys = Object.keys(options);
  return keys.length === 1 ? (d.value as NdArray) : null;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Applies ufunc `spec` to `inputs` (NumPy's `ufunc(*inputs, out=, where=)`). */
export function callUfunc(spec: UfuncSpec, inputs: readonly UfuncInput[], options?: UfuncOptions): NdArray {
  if (inputs.length !== spec.nin) throw new TypeError(`${spec.name}() takes ${spec.nin} input${spec.nin === 1 ? '' : 's'}, got ${inputs.length}`);
  if (options === undefined) {
    const flat = flatCall(spec, inputs);
    if (flat !== null) return flat;
    options = {};
  } else {
    const out = onlyOut(options);
    if (out !== null) {
      const flat = flatCall(spec, inputs, out);
      if (flat !== null) return flat;
    }
  }
  const opts = checkUfuncOptions(spec.name, options);
  // Options and inputs read once, before the closed checks (lib/options.ts).
  const { out = null, where: where0 = null } = readOptions(options, ['out', 'where']);
  // A list `where` is NumPy's array_like too, made a bool array directly (np.add(a, b, where=[1, 0]));
  // an array must already be bool (checked below).
  let where = Array.isArray(where0) ? asarray(where0, '|b1') : where0;
  inputs = (Array.prototype.slice.call(inputs) as UfuncInput[]).map((x, k) => {
    if (x instanceof ArrayClass) return x;
    // A nested list or typed array is NumPy's array_like: converted, as np.add([1, 2], 1) converts it
    // (an array with its discovered dtype, not a weak scalar).
    if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) return asarray(x as never);
    // A { re, im } scalar as a plain copy: its getters run once, here.
    const c = typeof x === 'object' && x !== null ? { re: (x as Complex).re, im: (x as Complex).im, dtype: 'dtype' in x } : null;
    const v = c === null ? x : c.dtype ? null : { re: c.re, im: c.im };
    if (v === null || (weakKind(v) === null && typeof v !== 'boolean')) {
      // Named as NumPy names ufunc arguments (x1, x2); described without running the value's code
      // (a Proxy of an NdArray is an object, not an array: its toString would throw).
      const what = spec.nin === 1 ? 'x' : `x${k + 1}`;
      throw new TypeError(`${spec.name}(): argument ${what} must be an NdArray, a number, a bigint, a boolean or a { re, im } complex, got ${describeNonArray(x)}`);
    }
    return v as UfuncInput;
  });
  for (const x of inputs) if (x instanceof ArrayClass) requireOpen(x);
  if (out !== null) {
    if (!(out instanceof ArrayClass)) throw new TypeError(`${spec.name}(): out must be an NdArray`);
    requireOpen(out);
    if (!writeFlagOf(out)) throw readOnlyError(out, 'output array is read-only');
  }
  const r = opts.dtype === null ? resolveTypes(spec, inputs) : resolveWithDtype(spec, inputs, opts.dtype);
  if (opts.checkInputs) checkInputCasts(spec.name, inputs, r.inTypes, opts.casting, spec.comparison === true);
  // Scalars to the loop types.
  const consts: (TA | null)[] = [];
  let decided: boolean | null = null;
  // NumPy's comparison loops for an out-of-range Python int serve integer arrays only: beside a
  // bool array the int goes to the default int loop, as any ufunc's (past int64: OverflowError).
  const intCompare = spec.comparison === true && inputs.some((y) => y instanceof ArrayClass && (y.dtype.kind === 'i' || y.dtype.kind === 'u'));
  inputs.forEach((x, k) => {
    if (x instanceof ArrayClass) {
      consts.push(null);
      return;
    }
    const c = scalarArray(unsafeScalar(x as PyScalar, r.inTypes[k]), r.inTypes[k], intCompare ? 'compare' : (spec.scalarCast ?? 'checked'));
    if (c instanceof OutOfRange) {
      // x < big is true for every x when big lies above the range; mirrored when the scalar comes first.
      const [lhs, rhs] = k === 0 ? [c.sign, 0] : [0, c.sign];
      decided = comparisonOf(spec.name, lhs, rhs);
      consts.push(new (loopArray(r.inTypes[k]))(1));
    } else {
      consts.push(c);
    }
  });
  // Checks.
  if (out !== null && !canCast(r.outType, out.dtype, opts.casting)) {
    throw new UFuncTypeError(`Cannot cast ufunc '${spec.name}' output from ${fmtDType(r.outType)} to ${fmtDType(out.dtype)} with casting rule '${opts.casting}'`);
  }
  if (where instanceof ArrayClass) {
    requireOpen(where);
    if (where.dtype.kind !== 'b') throw new UFuncTypeError(`Cannot cast array data from ${fmtDType(where.dtype)} to dtype('bool') according to the rule 'safe'`);
  } else if (where !== null && typeof where !== 'boolean') {
    throw new TypeError(`${spec.name}(): where must be an NdArray or a boolean`);
  }
  const shapes: number[][] = inputs.map((x) => (x instanceof ArrayClass ? [...x.shape] : []));
  if (out !== null) shapes.push([...out.shape]);
  if (where instanceof ArrayClass) shapes.push([...where.shape]);
  const shape = broadcastShape(shapes);
  if (out !== null && (out.shape.length !== shape.length || out.shape.some((n, i) => n !== shape[i]))) {
    throw new ValueError(`non-broadcastable output operand with shape ${tupleNoSpace(out.shape)} doesn't match the broadcast shape ${tupleNoSpace(shape)}`);
  }
  const inStrides = inputs.map((x) => (x instanceof ArrayClass ? broadcastStridesTo(x.shape, x.strides, shape) : new Array<number>(shape.length).fill(0)));
  // Without a mask every item is stored (by the loop or fillBool); a masked result starts zeroed.
  const result = out ?? allocateLike(r.outType, shape, inStrides, where === null || where === true, layoutOrder(opts.order, inputs));
  if (where === true) where = null;
  if (where === false || shapeToSize(shape) === 0) return result;
  if (decided !== null) {
    fillBool(result, decided, where, shape);
    return result;
  }
  // NumPy's copy-if-overlap rule (write-overlap.ts): when an input or the mask
  // shares bytes with `out` other than element for element — or `out` shares
  // bytes with itself — the loop writes a temporary that is copied into `out`
  // at the end, so every input is read as it was. A masked temporary starts as
  // `out` (the items the mask skips keep their values). Released once done.
  const overlapping =
    out !== null &&
    (inputs.some((x, k) => x instanceof ArrayClass && needsOverlapCopy(x, out, { shape, inStrides: inStrides[k], outStrides: out.strides })) ||
      (where instanceof ArrayClass && needsOverlapCopy(where, out, { shape, inStrides: broadcastStridesTo(where.shape, where.strides, shape), outStrides: out.strides })));
  const mask = where instanceof ArrayClass ? where : null;
  const run = (target: NdArray, copyFirst: readonly number[] | null = null): boolean => {
    const ins = inputs.map((x, k) => {
      if (!(x instanceof ArrayClass)) return makeOp(null, r.inTypes[k], consts[k], false);
      const op = makeOp(x, r.inTypes[k], null, false);
      op.strides = inStrides[k];
      return op;
    });
    const o = makeOp(target, r.outType, null, true);
    o.strides = [...target.strides];
    let m: IterOp | null = null;
    if (mask !== null) {
      m = makeOp(mask, T.b, null, false);
      m.strides = broadcastStridesTo(mask.shape, mask.strides, shape);
    }
    return iterate(shape, ins, o, m, spec.loop(r), spec.nin, nativeUfuncOp(spec, r), copyFirst, stridedLoop(spec, r, inputs, out, mask !== null));
  };
  if (!overlapping) {
    run(result);
    return result;
  }
  // Under ufuncAsync (kernels recorded), the pool kernel copies the inputs and
  // the mask that overlap `out` before it writes `out`, and then reads those
  // copies: every input read as it was, the same values as through the
  // temporary below. Not when `out` overlaps itself (the temporary's write-back
  // decides which of two items sharing bytes is kept) nor when the native loop
  // cannot take the call (nothing is recorded then).
  if (capturingKernels() && !hasInternalOverlap(out)) {
    const copyFirst: number[] = [];
    inputs.forEach((x, k) => {
      if (x instanceof ArrayClass && needsOverlapCopy(x, out, { shape, inStrides: inStrides[k], outStrides: out.strides })) copyFirst.push(k);
    });
    if (mask !== null && needsOverlapCopy(mask, out, { shape, inStrides: broadcastStridesTo(mask.shape, mask.strides, shape), outStrides: out.strides })) copyFirst.push(spec.nin + 1);
    if (run(result, copyFirst)) return result;
  }
  // On the JS thread even under ufuncAsync: the temporary's fill, the loop and
  // the write-back read one another's results, which recorded kernels would
  // not have produced yet.
  runUncaptured(() => {
    const target = mask !== null ? result.copy('K') : allocateLike(result.dtype, shape, [result.strides], true);
    try {
      run(target);
      writeBack(result, target);
    } finally {
      releaseTemporary(storageOf(target));
    }
  });
  return result;
}

/** NumPy's `order=` of a new result: 'A' is 'F' when every array input is F- and not C-contiguous. */
function layoutOrder(order: UfuncOrder, inputs: readonly UfuncInput[]): 'K' | 'C' | 'F' {
  if (order !== 'A') return order;
  const arrays = inputs.filter((x): x is NdArray => x instanceof ArrayClass);
  return arrays.length > 0 && arrays.every((a) => a.flags.fContiguous && !a.flags.cContiguous) ? 'F' : 'C';
}

/**
 * The loop for ufunc `spec` whose result dtype is `dt` (NumPy's `dtype=`):
 * the default loop when its result already is `dt` (comparisons with
 * `dtype: '?'`), else the first loop with that result the inputs cast to
 * safely, else the first loop with that result (the input casts are then
 * checked under the call's `casting`).
 */
function resolveWithDtype(spec: UfuncSpec, inputs: readonly UfuncInput[], dt: DType): Resolved {
  let def: Resolved | null = null;
  try {
    def = resolveTypes(spec, inputs);
  } catch (e) {
    if (!(e instanceof UFuncTypeError)) throw e;
  }
  if (def !== null && def.outType.str === dt.str) return def;
  const candidates = spec.types.filter((t) => (spec.outType?.(t) ?? t).str === dt.str);
  if (candidates.length === 0) throw new TypeError(`No loop matching the specified signature and casting was found for ufunc ${spec.name}`);
  const typed = spec.conditionFirst ? inputs.slice(1) : inputs;
  const common = resultType(...(typed as PyScalar[]));
  const t = candidates.find((c) => canCast(common, c, 'safe')) ?? candidates[0];
  const n = spec.conditionFirst ? spec.nin - 1 : spec.nin;
  const inTypes = new Array<DType>(n).fill(t);
  return { inTypes: spec.conditionFirst ? [T.b, ...inTypes] : inTypes, outType: dt };
}

/**
 * Checks each input's cast to its loop type under `casting` (NumPy's
 * message). JS scalars are weak: a Python int against an integer, float or
 * complex loop, a float against a float or complex loop, and a complex
 * against a complex loop always pass; otherwise they check as int64,
 * float64, complex128 or bool.
 */
function checkInputCasts(name: string, inputs: readonly UfuncInput[], inTypes: readonly DType[], casting: Casting, comparison: boolean): void {
  // NumPy's npy_update_operand_for_scalar, before the arrays' checks: under 'equiv' a
  // Python scalar passes only when its own dtype (int64, float64, complex128) is the
  // loop type; a comparison of a Python int with an integer loop has its own loops.
  if (casting === 'equiv') {
    inputs.forEach((x, k) => {
      if (x instanceof ArrayClass || typeof x === 'boolean') return;
      const kind = weakKind(x);
      const to = inTypes[k];
      if (kind === null || (comparison && kind === 'i' && (to.kind === 'i' || to.kind === 'u'))) return;
      const own = kind === 'c' ? T.c16 : kind === 'f' ? T.f8 : T.i8;
      if (!to.equals(own)) throw new TypeError(`cannot cast Python ${kind === 'c' ? 'complex' : kind === 'f' ? 'float' : 'int'} to ${to.name} under the casting rule 'equiv'`);
    });
  }
  inputs.forEach((x, k) => {
    const to = inTypes[k];
    let from: DType;
    if (x instanceof ArrayClass) from = x.dtype;
    else if (typeof x === 'boolean') from = T.b;
    else {
      const kind = weakKind(x);
      const order = 'biufc';
      if (kind !== null && to.kind !== 'b' && order.indexOf(to.kind) >= order.indexOf(kind)) return;
      from = kind === 'c' ? T.c16 : kind === 'f' ? T.f8 : T.i8;
    }
    if (!canCast(from, to, casting)) throw new UFuncTypeError(`Cannot cast ufunc '${name}' input ${k} from ${fmtDType(from)} to ${fmtDType(to)} with casting rule '${casting}'`);
  });
}

/**
 * A scalar whose kind is above loop type `t`'s (only `casting: 'unsafe'`
 * lets one through): a complex gives its real part to a real loop, a float
 * truncates toward zero for an integer loop (non-finite gives 0), as C's cast.
 */
function unsafeScalar(x: PyScalar, t: DType): PyScalar {
  if (typeof x === 'object' && x !== null && t.kind !== 'c') x = (x as Complex).re;
  if (typeof x === 'number' && weakKind(x) === 'f' && (t.kind === 'i' || t.kind === 'u')) {
    const v = Number.isFinite(x) ? BigInt(Math.trunc(x)) : 0n;
    return t.kind === 'u' ? BigInt.asUintN(t.itemsize * 8, v) : BigInt.asIntN(t.itemsize * 8, v);
  }
  return x;
}

/** The truth of comparison `name` between two numbers. */
function comparisonOf(name: string, a: number, b: number): boolean {
  switch (name) {
    case 'less': return a < b;
    case 'less_equal': return a <= b;
    case 'greater': return a > b;
    case 'greater_equal': return a >= b;
    case 'equal': return a === b;
    case 'not_equal': return a !== b;
  }
  throw new Error(`not a comparison: ${name}`);
}

function fillBool(result: NdArray, value: boolean, where: NdArray | null, shape: readonly number[]): void {
  const c = new Uint8Array([value ? 1 : 0]);
  const o = makeOp(result, T.b, null, true);
  o.strides = [...result.strides];
  const copy: Loop1 = (n, a, ai, as, r, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, oi += os) r[oi] = a[ai];
  };
  let m: IterOp | null = null;
  if (where !== null) {
    m = makeOp(where, T.b, null, false);
    m.strides = broadcastStridesTo(where.shape, where.strides, shape);
  }
  iterate(shape, [makeOp(null, T.b, c, false)], o, m, copy, 1);
}
