// trapezoid against NumPy 2, byte for byte: dx, 1-d and n-d x, axes,
// integer/float32/complex y, 0-d results; and the ported TestTrapezoid.
import { trapezoid } from '../lib/trapezoid';
import { asarray } from '../lib/array-coerce';
import { arange, ones } from '../lib/create';
import { AxisError, IndexError } from '../lib/errors';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(shape: number[], seed: number, dtype = '<f8'): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  const ints = /[iu]/.test(dtype);
  return shared(Array.from({ length: n }, () => (ints ? Math.floor(r() * 50) : (r() - 0.3) * 9)), dtype, shape);
}

describeWithNumpy('trapezoid against NumPy', () => {
  test('dx, x, axis, dtypes', () => {
    const cases: Case[] = [];
    for (const dt of ['<f8', '<f4', '<i4', '|u1']) {
      const y = data([3, 4, 5], 1, dt);
      const x1 = data([5], 2).arr.copy();
      const x1s = shared(x1.toArray() as number[], '<f8', [5]);
      const xn = data([3, 4, 5], 3);
      const x0 = shared((data([3], 4).arr.toArray() as number[]), '<f8', [3]);
      cases.push({ py: `np.trapezoid(${y.py})`, js: () => trapezoid(y.arr) });
      cases.push({ py: `np.trapezoid(${y.py}, dx=0.3)`, js: () => trapezoid(y.arr, { dx: 0.3 }) });
      cases.push({ py: `np.trapezoid(${y.py}, axis=1, dx=2)`, js: () => trapezoid(y.arr, { axis: 1, dx: 2 }) });
      cases.push({ py: `np.trapezoid(${y.py}, x=${x1s.py})`, js: () => trapezoid(y.arr, { x: x1s.arr }) });
      cases.push({ py: `np.trapezoid(${y.py}, x=${x0.py}, axis=0)`, js: () => trapezoid(y.arr, { x: x0.arr, axis: 0 }) });
      cases.push({ py: `np.trapezoid(${y.py}, x=${xn.py}, axis=-2)`, js: () => trapezoid(y.arr, { x: xn.arr, axis: -2 }) });
      cases.push({ py: `np.trapezoid(${y.py}.ravel()[:7])`, js: () => trapezoid(y.arr.ravel().index('0:7')) });
    }
    const c = data([6], 9);
    cases.push({ py: `np.trapezoid(${c.py} * (1 - 2j), dx=0.5)`, js: () => trapezoid(c.arr.multiply(asarray({ re: 1, im: -2 })), { dx: 0.5 }) });
    cases.push({ py: `np.trapezoid(np.zeros(0))`, js: () => trapezoid(asarray([], '<f8')) });
    expectCasesLikeNumpy(cases);
  });
});

describe('trapezoid (NumPy TestTrapezoid)', () => {
  test('simple: a sampled Gaussian', () => {
    const x = arange(-10, 10, 0.1);
    const y = x.multiply(x).multiply(-0.5).toArray() as number[];
    const g = asarray(y.map((v) => Math.exp(v) / Math.sqrt(2 * Math.PI)));
    expect(trapezoid(g, { dx: 0.1 }).get() as number).toBeCloseTo(1, 7);
  });
  test('an axis outside y is NumPy\'s IndexError from its list of slices (AxisError when an N-d x\'s diff sees it first)', () => {
    expect(() => trapezoid(asarray([1, 2, 3]), { axis: 1 })).toThrow(new IndexError('list assignment index out of range'));
    expect(() => trapezoid(asarray([1, 2, 3]), { axis: -2 })).toThrow(new IndexError('list assignment index out of range'));
    expect(() => trapezoid(asarray(1), { dx: 0.5 })).toThrow(new IndexError('list assignment index out of range'));
    expect(() => trapezoid(asarray(1), { x: [1, 2, 3] })).toThrow(new IndexError('list assignment index out of range'));
    expect(() => trapezoid(ones([2, 3]), { x: ones([2, 3]), axis: 2 })).toThrow(AxisError);
  });
});
