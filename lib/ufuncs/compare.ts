/**
 * Comparison and logical ufuncs, all giving `bool`: `less lessEqual greater
 * greaterEqual equal notEqual logicalAnd logicalOr logicalXor logicalNot`.
 * Complex numbers order by real part, then imaginary part (NumPy's CLT/CLE).
 * A uint64 meets an int64 exactly (NumPy's mixed-sign loops), and a Python
 * int outside the array's integer range decides the result by its sign
 * (`int8 < 1000` is all true) instead of raising.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { NdArray } from '../ndarray';
import { callUfunc, type AnyLoop, type Resolved, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { OverflowError } from '../errors';
import { NdArray as ArrayClass } from '../internal';
import { ALL, T } from './types';
import { family } from './family';
import { isVoidOperand, voidCompare } from './void-compare';
import { bytesCompare, isBytesPair } from './bytes-compare';

type X = any;
type L2 = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number) => void;

// One literal per comparison and value family (numbers and BigInts compare exactly with the same operators).
const LT: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] < b[bi] ? 1 : 0;
};
const LE: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] <= b[bi] ? 1 : 0;
};
const GT: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] > b[bi] ? 1 : 0;
};
const GE: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] >= b[bi] ? 1 : 0;
};
const EQ: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] == b[bi] ? 1 : 0; // eslint-disable-line eqeqeq
};
const NE: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] != b[bi] ? 1 : 0; // eslint-disable-line eqeqeq
};
// Bools in memory may hold any non-zero byte for true.
function boolCmp(f: (x: number, y: number) => boolean): L2 {
  return (n, a, ai, as, b, bi, bs, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = f(a[ai] !== 0 ? 1 : 0, b[bi] !== 0 ? 1 : 0) ? 1 : 0;
  };
}

const clt = (xr: number, xi: number, yr: number, yi: number): boolean => (xr < yr && xi === xi && yi === yi) || (xr === yr && xi < yi);
const cle = (xr: number, xi: number, yr: number, yi: number): boolean => (xr < yr && xi === xi && yi === yi) || (xr === yr && xi <= yi);
function complexCmp(f: (xr: number, xi: number, yr: number, yi: number) => boolean): L2 {
  return (n, a, ai, as, b, bi, bs, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = f(a[ai], a[ai + 1], b[bi], b[bi + 1]) ? 1 : 0;
  };
}

interface CmpLoops {
  n: L2;
  b: L2;
  c: L2;
}
const LOOPS: Record<string, CmpLoops> = {
  less: { n: LT, b: boolCmp((x, y) => x < y), c: complexCmp(clt) },
  less_equal: { n: LE, b: boolCmp((x, y) => x <= y), c: complexCmp(cle) },
  greater: { n: GT, b: boolCmp((x, y) => x > y), c: complexCmp((xr, xi, yr, yi) => clt(yr, yi, xr, xi)) },
  greater_equal: { n: GE, b: boolCmp((x, y) => x >= y), c: complexCmp((xr, xi, yr, yi) => cle(yr, yi, xr, xi)) },
  equal: { n: EQ, b: boolCmp((x, y) => x === y), c: complexCmp((xr, xi, yr, yi) => xr === yr && xi === yi) },
  not_equal: { n: NE, b: boolCmp((x, y) => x !== y), c: complexCmp((xr, xi, yr, yi) => xr !== yr || xi !== yi) },
};

/** NumPy 2's comparison loops for a signed and an unsigned integer whose common type is float: exact, over int64/uint64. */
function mixedSign(_common: unknown, inputs: readonly UfuncInput[]): Resolved | undefined {
  const dts = inputs.map((x) => (x !== null && typeof x === 'object' && 'dtype' in x ? (x as NdArray).dtype : null));
  if (dts[0] === null || dts[1] === null) return undefined;
  const [a, b] = dts;
  const ints = (a.kind === 'i' && b.kind === 'u') || (a.kind === 'u' && b.kind === 'i');
  if (!ints || (a.kind === 'u' ? a : b).itemsize !== 8) return undefined;
  return { inTypes: [a.kind === 'u' ? T.u8 : T.i8, b.kind === 'u' ? T.u8 : T.i8], outType: T.b };
}

function comparison(name: string): UfuncSpec {
  const l = LOOPS[name];
  return {
    name,
    nin: 2,
    types: ALL,
    outType: () => T.b,
    comparison: true,
    resolve: mixedSign,
    loop: (r): AnyLoop => {
      const f = family(r.inTypes[0]);
      return (f === 'b' ? l.b : f === 'c' ? l.c : l.n) as AnyLoop;
    },
  };
}

export const LESS = comparison('less');
export const LESS_EQUAL = comparison('less_equal');
export const GREATER = comparison('greater');
export const GREATER_EQUAL = comparison('greater_equal');
export const EQUAL = comparison('equal');
export const NOT_EQUAL = comparison('not_equal');

// ------------------------------------------------------------------ logical

// `!= 0` is true for NaN and compares numbers and BigInts alike.
const AND_N: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] != 0 && b[bi] != 0 ? 1 : 0; // eslint-disable-line eqeqeq
};
const OR_N: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] != 0 || b[bi] != 0 ? 1 : 0; // eslint-disable-line eqeqeq
};
const XOR_N: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = (a[ai] != 0) !== (b[bi] != 0) ? 1 : 0; // eslint-disable-line eqeqeq
};
function logicalC(f: (x: boolean, y: boolean) => boolean): L2 {
  return (n, a, ai, as, b, bi, bs, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = f(a[ai] !== 0 || a[ai + 1] !== 0, b[bi] !== 0 || b[bi + 1] !== 0) ? 1 : 0;
  };
}
const NOT_N = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] != 0 ? 0 : 1; // eslint-disable-line eqeqeq
};
const NOT_C = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] !== 0 || a[ai + 1] !== 0 ? 0 : 1;
};

function logical(name: string, real: L2, cplx: L2): UfuncSpec {
  return { name, nin: 2, types: ALL, outType: () => T.b, scalarCast: 'truth', loop: (r) => (family(r.inTypes[0]) === 'c' ? cplx : real) as AnyLoop };
}
export const LOGICAL_AND = logical('logical_and', AND_N, logicalC((x, y) => x && y));
export const LOGICAL_OR = logical('logical_or', OR_N, logicalC((x, y) => x || y));
export const LOGICAL_XOR = logical('logical_xor', XOR_N, logicalC((x, y) => x !== y));
export const LOGICAL_NOT: UfuncSpec = { name: 'logical_not', nin: 1, types: ALL, outType: () => T.b, scalarCast: 'truth', loop: (r) => (family(r.inTypes[0]) === 'c' ? NOT_C : NOT_N) as AnyLoop };

// ------------------------------------------------------------------ public functions

/** NumPy's `np.less(x1, x2)`: a bool array. */
export function less(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  if (isBytesPair(x1, x2)) return bytesCompare('less', x1 as NdArray, x2 as NdArray, options);
  return callUfunc(LESS, [x1, x2], options);
}
/** NumPy's `np.less_equal(x1, x2)`. */
export function lessEqual(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  if (isBytesPair(x1, x2)) return bytesCompare('less_equal', x1 as NdArray, x2 as NdArray, options);
  return callUfunc(LESS_EQUAL, [x1, x2], options);
}
/** NumPy's `np.greater(x1, x2)`. */
export function greater(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  if (isBytesPair(x1, x2)) return bytesCompare('greater', x1 as NdArray, x2 as NdArray, options);
  return callUfunc(GREATER, [x1, x2], options);
}
/** NumPy's `np.greater_equal(x1, x2)`. */
export function greaterEqual(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  if (isBytesPair(x1, x2)) return bytesCompare('greater_equal', x1 as NdArray, x2 as NdArray, options);
  return callUfunc(GREATER_EQUAL, [x1, x2], options);
}
/**
 * NumPy's `np.equal(x1, x2)`. With a record or void array on either side it
 * is NumPy's `x1 == x2` instead (np.equal has no void loop; JS has no `==`
 * for arrays): field by field after dtype promotion, see `void-compare.ts`;
 * no options then.
 */
export function equal(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  if (isVoidOperand(x1) || isVoidOperand(x2)) return voidCompare(x1, x2, true, (a, b) => equal(a, b), options);
  if (isBytesPair(x1, x2)) return bytesCompare('equal', x1 as NdArray, x2 as NdArray, options);
  return callUfunc(EQUAL, [x1, x2], options);
}
/** NumPy's `np.not_equal(x1, x2)`; for record or void arrays NumPy's `x1 != x2` (see {@link equal}). */
export function notEqual(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  if (isVoidOperand(x1) || isVoidOperand(x2)) return voidCompare(x1, x2, false, (a, b) => notEqual(a, b), options);
  if (isBytesPair(x1, x2)) return bytesCompare('not_equal', x1 as NdArray, x2 as NdArray, options);
  return callUfunc(NOT_EQUAL, [x1, x2], options);
}
/**
 * NumPy's binary logical ufuncs read a Python int operand as a C long first:
 * one outside int64's range is an OverflowError whatever the other operand
 * (np.logical_or(np.zeros(0), 2**63)); within it only its truth counts.
 */
function checkCLong(...xs: UfuncInput[]): void {
  for (const x of xs) {
    const big = typeof x === 'bigint' ? x : typeof x === 'number' && Number.isInteger(x) && !Object.is(x, -0) ? BigInt(x) : null;
    if (big !== null && (big < -(2n ** 63n) || big >= 2n ** 63n)) throw new OverflowError('Python int too large to convert to C long');
  }
}
/**
 * NumPy 2's binary logical ufuncs cast every input to bool (their promoter),
 * and a record of one plain field casts as that field: its truth, the bytes
 * between fields ignored (np.logical_and(f2, one-field record) is a bool
 * array; fuzz seed 18280 of pass 3). Records of more fields have no cast: the
 * loop's TypeError stands.
 */
function oneFieldValue(x: UfuncInput): UfuncInput {
  if (!(x instanceof ArrayClass) || !x.dtype.isStructured) return x;
  const names = x.dtype.names as readonly string[];
  if (names.length !== 1) return x;
  const f = x.field(names[0]) as NdArray;
  return f.dtype.subdtype === null ? oneFieldValue(f) : x;
}
/** NumPy's `np.logical_and(x1, x2)`: truth of both (NaN is true). */
export function logicalAnd(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  checkCLong(x1, x2);
  return callUfunc(LOGICAL_AND, [oneFieldValue(x1), oneFieldValue(x2)], options);
}
/** NumPy's `np.logical_or(x1, x2)`. */
export function logicalOr(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  checkCLong(x1, x2);
  return callUfunc(LOGICAL_OR, [oneFieldValue(x1), oneFieldValue(x2)], options);
}
/** NumPy's `np.logical_xor(x1, x2)`. */
export function logicalXor(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  checkCLong(x1, x2);
  return callUfunc(LOGICAL_XOR, [oneFieldValue(x1), oneFieldValue(x2)], options);
}
/** NumPy's `np.logical_not(x)`. */
export function logicalNot(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOGICAL_NOT, [x], options);
}
