/**
 * The native ufunc loops (native/ufunc_kernels.cc): which ufuncs and loop
 * types have one, and the call that hands the kernel a resolved plan.
 *
 * `ufunc.ts` does everything NumPy decides (type resolution, scalars,
 * broadcasting, `out`, `where`, overlap copies, axis order and coalescing)
 * and then asks {@link runUfuncNative} first; when it returns false (no
 * native loop, a tiny array, memory the kernel cannot reach) its JS loops
 * run, and they stay the reference: test/ufunc-native.test.ts pins the two
 * paths to the same bits (exp, log and float power: to within 1 ulp).
 *
 * The kernel computes in the loop type (float16 in float32, as NumPy and
 * the JS loops do); inputs of other dtypes, the other byte order, unaligned
 * or in a packed record are converted in chunks by kernelCast's routines,
 * whose conversions are those of the JS path. One pair rounds differently
 * there: an int64/uint64 result stored into float32 (or complex64) rounds
 * once natively but twice in the JS loop (through a double), so that pair
 * stays in JS.
 * @module
 */
import type { DType } from './dtype';
import { ValueError } from './errors';
import { capturingKernels, castCode, isSwapped, recordKernel, regionOf } from './kernels';
import { storageOf } from './internal';
import { shapeToSize } from './layout';
import { kernelUfunc, type UfuncOperand } from './native';
import type { NdArray } from './ndarray';
import type { Resolved, TA, UfuncSpec } from './ufunc';
import { HALF_BITS_OPS, MATH_BOOL_OPS, MATH_FLOAT_ONLY, MATH_OPS } from './ufuncs/math-ops';

/** Operation codes shared with native/ufunc_kernels.cc (enum Op), by NumPy's ufunc name. */
const NATIVE_OPS: Readonly<Record<string, number>> = {
  add: 0,
  subtract: 1,
  multiply: 2,
  divide: 3,
  less: 4,
  less_equal: 5,
  greater: 6,
  greater_equal: 7,
  equal: 8,
  not_equal: 9,
  minimum: 10,
  maximum: 11,
  negative: 12,
  absolute: 13,
  square: 14,
  sqrt: 15,
  floor_divide: 16,
  remainder: 17,
  bitwise_and: 18,
  bitwise_or: 19,
  bitwise_xor: 20,
  invert: 21,
  isnan: 22,
  isinf: 23,
  isfinite: 24,
  clip: 25,
  logical_and: 26,
  logical_or: 27,
  logical_xor: 28,
  logical_not: 29,
  left_shift: 30,
  right_shift: 31,
  power: 32,
  where: 33,
  conjugate: 34,
  exp: 35,
  log: 36,
  float_power: 37,
};

/**
 * Bool loops (the JS loops' `b` family: any non-zero byte is true) as the
 * logical operation each one is.
 */
const BOOL_OPS: Readonly<Record<string, number>> = {
  add: 27,
  multiply: 26,
  minimum: 26,
  maximum: 27,
  bitwise_and: 26,
  bitwise_or: 27,
  bitwise_xor: 28,
  invert: 29,
  logical_and: 26,
  logical_or: 27,
  logical_xor: 28,
  logical_not: 29,
  // Truth against truth: diff() of a bool array is not_equal of neighbours.
  not_equal: 28,
};

/** The operation code of core ufunc `name` (native/ufunc_kernels.cc enum Op). */
export function nativeOpCode(name: string): number {
  return NATIVE_OPS[name];
}

/**
 * Operations with a complex loop (native/ufunc_complex.cc). The complex
 * order comparisons and minimum/maximum stay in JS; sqrt, exp, log and
 * power have no other loop (their JS loops call these).
 */
const COMPLEX_OPS = new Set(['add', 'subtract', 'multiply', 'divide', 'negative', 'conjugate', 'absolute', 'square', 'equal', 'not_equal', 'isnan', 'isinf', 'isfinite',
  'sqrt', 'exp', 'log', 'power', 'float_power']);
/** Operations whose native loops exist for complex loop types only (conjugate of a real is a copy, left to JS). */
const COMPLEX_ONLY = new Set(['conjugate']);

/**
 * Operations whose native loops exist for float loop types only. exp, log
 * and float power (native/transcendental.cc) are within 1 ulp of the
 * correctly rounded result, as the JS loops' Math.exp/log/pow are, but the
 * two paths may differ in the last bit (so may NumPy builds: its SIMD loops
 * promise 4 ulp); test/transcendental.test.ts checks both paths against a
 * high-precision reference and NumPy.
 */
const FLOAT_ONLY = new Set(['divide', 'sqrt', 'exp', 'log']);
/** Operations whose native loops exist for integer loop types only (bools stay in JS). */
const INT_ONLY = new Set(['bitwise_and', 'bitwise_or', 'bitwise_xor', 'invert', 'left_shift', 'right_shift']);

/** NumPy's error for an integer raised to a negative integer power (arith.ts's loops raise it too). */
export const NEGATIVE_POWER = 'Integers to negative integer powers are not allowed.';

/**
 * Below this many elements the JS loop runs. Measured (add of float64 and
 * float32 into out=, 1 to 4096 elements): both paths cost about 11 µs per
 * call up to 512 elements (resolution and checks, shared), the native one
 * is ahead from about 64 elements and twice as fast at 4096; below 64 the
 * two tie within noise, and the JS loop saves the N-API round trip.
 */
export const UFUNC_NATIVE_MIN_ELEMENTS = 64;

const F4_CODE = 1;
const F2_CODE = 11;
const I8_CODE = 9;
const U8_CODE = 10;
const F4_OUT = new Set([1, 12]); // float32, complex64

/** The kernel's compute type code for loop type `t` (float16 computes in float32), or -1 when it has no loop. */
function computeCode(t: DType): number {
  if (t.kind === 'f' && t.itemsize === 2) return F4_CODE;
  if (t.kind !== 'f' && t.kind !== 'i' && t.kind !== 'u' && t.kind !== 'b' && t.kind !== 'c') return -1;
  return castCode(t);
}

/** The native operation code for `spec` at the resolved types, or -1 when the JS loop must run. */
export function nativeUfuncOp(spec: UfuncSpec, r: Resolved): number {
  const name = spec.kernel ?? spec.name;
  if (name === 'where') return nativeWhereOp(r);
  return nativeOpFor(name, r.inTypes);
}

/**
 * The native operation code of ufunc `name` with `nin` inputs all of dtype
 * `t` when its loop computes in `t` itself (not float16, which computes in
 * float32, nor complex), for ufunc.at's kernel (lib/ufuncs/at.ts), which
 * calls the loop on the target's items in place; else -1.
 */
export function nativeAtOp(name: string, t: DType, nin: number): number {
  if (t.kind === 'c' || (t.kind === 'f' && t.itemsize === 2) || name === 'where') return -1;
  return nativeOpFor(name, new Array<DType>(nin).fill(t));
}

function nativeOpFor(name: string, inTypes: readonly DType[]): number {
  const t = inTypes[0];
  // Mixed-sign comparisons (int64 against uint64) have their own JS loops.
  if (inTypes.some((x) => x.str !== t.str)) return -1;
  if (t.kind === 'b') return BOOL_OPS[MATH_BOOL_OPS[name] ?? name] ?? -1;
  const math = MATH_OPS[name];
  if (math !== undefined) return MATH_FLOAT_ONLY.has(name) && t.kind !== 'f' ? -1 : nativeMathOp(t, math);
  const op = NATIVE_OPS[name];
  if (op === undefined) return -1;
  if (computeCode(t) < 0) return -1;
  if (t.kind === 'c') return COMPLEX_OPS.has(name) ? op : -1;
  if (COMPLEX_ONLY.has(name)) return -1;
  if (FLOAT_ONLY.has(name) && t.kind !== 'f') return -1;
  if (INT_ONLY.has(name) && t.kind !== 'i' && t.kind !== 'u') return -1;
  // float16 minimum/maximum keep the first of tied zeros, the float32 kernel the second (arith.ts).
  if ((name === 'minimum' || name === 'maximum') && t.kind === 'f' && t.itemsize === 2) return -1;
  // NumPy's float16 power has no fast paths (the float32 kernel takes them): the JS loop runs it.
  if (name === 'power' && t.kind === 'f' && t.itemsize === 2) return -1;
  return op;
}

/**
 * The math ufuncs (native/ufunc_math.cc) have a native loop for every loop
 * type their specs list: float16 through float32, except `nextafter` and
 * `spacing`, which step half's own bits (see {@link kernelCompute}).
 */
function nativeMathOp(t: DType, op: number): number {
  return computeCode(t) < 0 ? -1 : op;
}

/** The kernel's compute type for `op` at loop type `t`: float16 `nextafter`/`spacing` compute on half's bits (code 11). */
export function kernelCompute(op: number, t: DType): number {
  return t.kind === 'f' && t.itemsize === 2 && HALF_BITS_OPS.has(op) ? F2_CODE : computeCode(t);
}

/**
 * where(c, x, y): the kernel casts the condition to the loop type of x and
 * y, so it runs for numeric loop types only (a bool x and y may hold any
 * non-zero byte, which the JS loop reads as is) and for a bool condition
 * array only (runUfuncNative checks: 0.5 or NaN would not stay true).
 */
function nativeWhereOp(r: Resolved): number {
  const t = r.inTypes[1];
  if (r.inTypes[2].str !== t.str || t.kind === 'b' || t.kind === 'c' || computeCode(t) < 0) return -1;
  return NATIVE_OPS.where;
}

/** One operand as `ufunc.ts` iterates it: an array, or a scalar as a one-element loop array. */
export interface NativeOperand {
  readonly arr: NdArray | null;
  readonly constant: TA | null;
  /** Byte strides over the (ordered, coalesced) iteration shape. */
  readonly strides: readonly number[];
}

/**
 * Runs native operation `op` with loop type `t` (the last input's: where's
 * condition comes first) over `shape`: `operands`
 * are the inputs, the output and the optional bool mask. Returns false
 * (nothing written) when the kernel cannot take it. `copyFirst`: the
 * operands (indices into `operands`: inputs or the mask) that overlap the
 * output, which the pool kernel copies before it writes (ufuncAsync only:
 * without a recording lib/async.ts, such a call returns false).
 */
export function runUfuncNative(op: number, t: DType, shape: readonly number[], operands: readonly NativeOperand[], nin: number, copyFirst: readonly number[] = []): boolean {
  if (shapeToSize(shape) < UFUNC_NATIVE_MIN_ELEMENTS) return false;
  if (copyFirst.length > 0 && !capturingKernels()) return false;
  const compute = kernelCompute(op, t);
  const list: UfuncOperand[] = [];
  for (let k = 0; k < operands.length; k++) {
    const o = operands[k];
    if (o.arr === null) {
      // A scalar condition of where is a one-byte bool constant, not of the loop type: the JS loop takes it.
      if (op === NATIVE_OPS.where && k === 0) return false;
      const c = o.constant as TA;
      // The scalar is a one-element loop array (float16's is a Float32Array, also where the kernel computes on half's bits).
      list.push([c.buffer as ArrayBuffer, c.byteOffset, o.strides.map(() => 0), computeCode(t), false]);
      continue;
    }
    const code = castCode(o.arr.dtype);
    if (code < 0) return false;
    // A float16 loop runs in float32 here: only over float16 arrays (whose stores round to
    // float16), as another dtype in or out must pass through float16 values (the JS loop's conversions).
    // (A comparison's bool result is not a float16 value: it stays native.)
    const d = o.arr.dtype;
    if (t.kind === 'f' && t.itemsize === 2 && !(d.kind === 'f' && d.itemsize === 2) && !(op === NATIVE_OPS.where && k === 0) && !(k === nin && d.kind === 'b')) return false;
    if (op === NATIVE_OPS.where && k === 0 && o.arr.dtype.kind !== 'b') return false;
    if (k === nin && (compute === I8_CODE || compute === U8_CODE) && F4_OUT.has(code)) return false;
    const r = regionOf(storageOf(o.arr), o.arr.offset);
    if (r === null) return false;
    list.push([r.memory, r.byteOffset, o.strides, code, isSwapped(o.arr.dtype)]);
  }
  // Recorded by lib/async.ts (ufuncAsync) to run on the pool; it raises the ValueError then.
  if (recordKernel('ufunc', copyFirst.length > 0 ? [op, compute, shape, list, [...copyFirst]] : [op, compute, shape, list])) return true;
  if (callKernelUfunc(op, compute, shape, list) === 1) throw new ValueError(NEGATIVE_POWER);
  return true;
}

/**
 * kernelUfunc's layout, filled for each call: at most 64 axes (NumPy's
 * NPY_MAXDIMS) and five operands (where's three inputs, the output, a mask).
 * One array serves every call: the kernel runs no JS between the fill and
 * its return.
 */
const LAYOUT = new Float64Array(1 + 64 + 5 * (3 + 64));

/**
 * The sync native ufunc loop over `shape` and `operands` (the list form
 * kernelUfuncAsync takes), passed as kernelUfunc's one layout array: 1 when
 * an integer power met a negative exponent, else 0.
 */
export function callKernelUfunc(op: number, compute: number, shape: readonly number[], operands: readonly UfuncOperand[]): number {
  const nd = shape.length;
  if (nd > 64 || operands.length > 5) throw new RangeError(`kernelUfunc: ${nd} axes and ${operands.length} operands is past its layout`);
  LAYOUT[0] = nd;
  let at = 1;
  for (let i = 0; i < nd; i++) LAYOUT[at++] = shape[i];
  for (const [, byteOffset, strides, type, swap] of operands) {
    LAYOUT[at++] = byteOffset;
    LAYOUT[at++] = type;
    LAYOUT[at++] = swap ? 1 : 0;
    for (let i = 0; i < nd; i++) LAYOUT[at++] = strides[i];
  }
  const m = operands;
  switch (m.length) {
    case 2: return kernelUfunc(op, compute, LAYOUT, m[0][0], m[1][0]);
    case 3: return kernelUfunc(op, compute, LAYOUT, m[0][0], m[1][0], m[2][0]);
    case 4: return kernelUfunc(op, compute, LAYOUT, m[0][0], m[1][0], m[2][0], m[3][0]);
    default: return kernelUfunc(op, compute, LAYOUT, ...m.map((o) => o[0]));
  }
}
