// NumPy's own numpy/_core/tests/test_ufunc.py (NumPy 2.4): test_ufunc_noncontiguous,
// ported for every ufunc this library has: same loops, same layouts, same
// assertions.
//
// For each loop of `ufunc.types` (asked of NumPy at test time; loops with
// bool, object, datetime inputs or outputs are skipped as NumPy's test skips
// them, and long double loops because there is no long double here), the
// ufunc runs on three layouts of the same values 1..36: a contiguous 6x6
// array, a (12, 18)[::2, ::3] view, and the `t` field of a packed record
// dtype [('_', 'S<alignment>'), ('t', type)] (items at an offset that is not
// a multiple of their alignment). Float results agree within 3 eps (atol and
// rtol); all others exactly.
//
// The comparisons, logical ufuncs, isnan/isinf/isfinite and signbit are not
// listed: every loop of theirs has a bool output, which NumPy's test skips.
//
// Mapping: np.<name> -> the camelCase ufunc (floor_divide -> floorDivide,
// ...); a.flat = range(1, 37) -> a.set() of the same values; `a["t"]` ->
// a.field('t').
import * as mm from '../../lib';
import type { NdArray } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const UFUNCS: Record<string, string> = {
  add: 'add',
  subtract: 'subtract',
  multiply: 'multiply',
  divide: 'divide',
  floor_divide: 'floorDivide',
  remainder: 'remainder',
  power: 'power',
  minimum: 'minimum',
  maximum: 'maximum',
  negative: 'negative',
  conjugate: 'conjugate',
  absolute: 'absolute',
  square: 'square',
  bitwise_and: 'bitwiseAnd',
  bitwise_or: 'bitwiseOr',
  bitwise_xor: 'bitwiseXor',
  invert: 'invert',
  left_shift: 'leftShift',
  right_shift: 'rightShift',
  sqrt: 'sqrt',
  exp: 'exp',
  log: 'log',
  rint: 'rint',
  floor: 'floor',
  ceil: 'ceil',
  trunc: 'trunc',
};

const EPS: Record<number, number> = { 2: 2 ** -10, 4: 2 ** -23, 8: 2 ** -52 };
const VALUES = Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => 6 * i + j + 1));

function flatValues(a: NdArray): unknown[] {
  const v = a.toArray() as unknown;
  return Array.isArray(v) ? (v.flat(Infinity) as unknown[]) : [v];
}

function assertClose(c: NdArray, other: NdArray, tol: number, label: string): void {
  const x = flatValues(c) as number[];
  const y = flatValues(other) as number[];
  expect([label, other.shape]).toEqual([label, c.shape]);
  x.forEach((v, i) => {
    const w = y[i];
    const ok = (Number.isNaN(v) && Number.isNaN(w)) || v === w || Math.abs(v - w) <= tol + tol * Math.abs(w);
    if (!ok) expect([label, i, v]).toEqual([label, i, w]);
  });
}

describeWithNumpy('test_ufunc_noncontiguous', () => {
  const types = runNumpy<Record<string, string[]>>(`
print(json.dumps({n: getattr(np, n).types for n in ${JSON.stringify(Object.keys(UFUNCS))}}))
`);

  test.each(Object.keys(UFUNCS))('%s', (name) => {
    const f = (mm as unknown as Record<string, (...args: NdArray[]) => NdArray>)[UFUNCS[name]];
    let loops = 0;
    for (const typ of types[name]) {
      if (/[O?mMgG]/.test(typ)) continue;
      const [inp] = typ.split('->');
      const argsC = [...inp].map((t) => mm.empty([6, 6], t as never) as NdArray);
      // non contiguous (2, 3 step on the two dimensions)
      const argsN = [...inp].map((t) => (mm.empty([12, 18], t as never) as NdArray).index('::2, ::3'));
      // alignment != itemsize: a packed record puts the items at an odd offset
      const argsO = [...inp].map((t) => {
        const orig = mm.dtype(t);
        return (mm.empty([6, 6], [['_', `S${orig.alignment}`], ['t', orig.str]] as never) as NdArray).field('t');
      });
      for (const a of [...argsC, ...argsN, ...argsO]) a.set(VALUES as never);
      const resC = f(...argsC);
      const resN = f(...argsN);
      const resO = f(...argsO);
      const dt = resC.dtype;
      const label = `${name} ${typ}`;
      if (dt.kind === 'f') {
        const tol = 3 * EPS[dt.itemsize];
        assertClose(resC, resN, tol, label);
        assertClose(resC, resO, tol, label);
      } else {
        expect([label, resN.toArray()]).toEqual([label, resC.toArray()]);
        expect([label, resO.toArray()]).toEqual([label, resC.toArray()]);
      }
      loops++;
    }
    expect(loops).toBeGreaterThan(0);
  });
});
