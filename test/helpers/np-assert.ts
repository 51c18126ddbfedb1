// numpy.testing's assert_equal / assert_almost_equal / assert_allclose for the
// ported NumPy tests: nested JS values (int64 bigints as numbers, complex as
// { re, im }) compared element by element, NaN equal to NaN, +0 equal to -0,
// an infinity equal only to the same infinity, as numpy.testing does.
import { NdArray } from '../../lib';

/** Nested values with bigints as numbers (NdArrays inside a list as their values). */
export function plain(v: unknown): unknown {
  if (v instanceof NdArray) return plain(v.toArray());
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** An NdArray's nested values (plain()), anything else as given (plain()). */
export function valuesOf(a: unknown): unknown {
  return plain(a);
}

type Cmp = (x: number, y: number) => boolean;
/** A complex comparison (numpy.testing's array paths take |actual - desired| as the complex modulus). */
type CmpC = (a: { re: number; im: number }, d: { re: number; im: number }) => boolean;

function scalarEq(x: number, y: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  return x === y;
}

function walk(actual: unknown, desired: unknown, cmp: Cmp, path: string, cmpC?: CmpC): void {
  if (Array.isArray(desired)) {
    if (!Array.isArray(actual)) {
      // NumPy broadcasts a scalar actual against a list desired only when the
      // list has one element; a shape difference is a failure.
      throw new Error(`${path}: shape mismatch: actual ${JSON.stringify(actual)}, desired a list of ${desired.length}`);
    }
    if (actual.length !== desired.length) throw new Error(`${path}: length ${actual.length} != ${desired.length}`);
    desired.forEach((d, i) => walk(actual[i], d, cmp, `${path}[${i}]`, cmpC));
    return;
  }
  if (Array.isArray(actual)) {
    // A scalar desired is compared with every element (NumPy's broadcast in assert_equal).
    actual.forEach((a, i) => walk(a, desired, cmp, `${path}[${i}]`, cmpC));
    return;
  }
  const asC = (v: unknown): { re: number; im: number } =>
    typeof v === 'object' && v !== null && 're' in v ? (v as { re: number; im: number }) : { re: Number(v), im: 0 };
  if ((typeof desired === 'object' && desired !== null) || (typeof actual === 'object' && actual !== null)) {
    const a = asC(actual);
    const d = asC(desired);
    const same = cmp(a.re, d.re) && cmp(a.im, d.im);
    if (!same && !(cmpC !== undefined && cmpC(a, d))) throw new Error(`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(desired)}`);
    return;
  }
  if (typeof desired === 'boolean' || typeof actual === 'boolean') {
    if (Boolean(actual) !== Boolean(desired) || typeof actual !== typeof desired) throw new Error(`${path}: ${String(actual)} != ${String(desired)}`);
    return;
  }
  if (!cmp(Number(actual), Number(desired))) throw new Error(`${path}: ${String(actual)} != ${String(desired)}`);
}

/** numpy.testing.assert_equal (and assert_array_equal for same-shaped operands). */
export function assertEqual(actual: unknown, desired: unknown): void {
  walk(valuesOf(actual), valuesOf(desired), scalarEq, 'value');
}

/** numpy.testing.assert_almost_equal(actual, desired, decimal): |a - d| < 1.5 * 10**-decimal. */
export function assertAlmostEqual(actual: unknown, desired: unknown, decimal = 7): void {
  const tol = 1.5 * 10 ** -decimal;
  const finite = (a: { re: number; im: number }, d: { re: number; im: number }): boolean => Math.hypot(a.re - d.re, a.im - d.im) < tol;
  walk(valuesOf(actual), valuesOf(desired), (x, y) => scalarEq(x, y) || Math.abs(x - y) < tol, 'value', finite);
}

/** numpy.testing.assert_allclose(actual, desired, rtol, atol): |a - d| <= atol + rtol * |d|. */
export function assertAllclose(actual: unknown, desired: unknown, rtol = 1e-7, atol = 0): void {
  const close = (a: { re: number; im: number }, d: { re: number; im: number }): boolean => Math.hypot(a.re - d.re, a.im - d.im) <= atol + rtol * Math.hypot(d.re, d.im);
  walk(valuesOf(actual), valuesOf(desired), (x, y) => scalarEq(x, y) || Math.abs(x - y) <= atol + rtol * Math.abs(y), 'value', close);
}

/** assert_array_equal with the shapes checked too. */
export function assertArrayEqualShape(actual: NdArray, desired: NdArray): void {
  expect(actual.shape).toEqual(desired.shape);
  assertEqual(actual, desired);
}
