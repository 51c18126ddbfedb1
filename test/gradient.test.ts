// gradient against NumPy 2, byte for byte: uniform and uneven spacing,
// scalar and 0-d spacings, edge_order 1 and 2, axes, int/float32/complex f;
// the ported TestGradient cases (basic, args, badargs).
import { gradient } from '../lib/gradient';
import { asarray } from '../lib/array-coerce';
import { arange, ones } from '../lib/create';
import { ValueError } from '../lib/errors';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(shape: number[], seed: number, dtype = '<f8', sorted = false): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  const ints = /[iu]/.test(dtype);
  const v = Array.from({ length: n }, () => (ints ? Math.floor(r() * 50) : (r() - 0.3) * 9));
  if (sorted) v.sort((a, b) => a - b);
  return shared(v, dtype, shape);
}

describeWithNumpy('gradient against NumPy', () => {
  test('spacings, edge orders, axes, dtypes', () => {
    const cases: Case[] = [];
    const pick = (r: NdArray | NdArray[], i: number): NdArray => (Array.isArray(r) ? r[i] : r);
    for (const dt of ['<f8', '<f4', '<i8', '|u1', '<f2']) {
      const f = data([4, 6], 1, dt);
      const xs = data([4], 2, '<f8', true);
      const ys = data([6], 3, '<f8', true);
      const yi = shared([1, 2, 4, 7, 8, 13], '<i4', [6]);
      for (const eo of [1, 2] as const) {
        for (const i of [0, 1]) {
          cases.push({ py: `np.gradient(${f.py}, edge_order=${eo})[${i}]`, js: () => pick(gradient(f.arr, { edgeOrder: eo }), i) });
          cases.push({ py: `np.gradient(${f.py}, 0.7, edge_order=${eo})[${i}]`, js: () => pick(gradient(f.arr, 0.7, { edgeOrder: eo }), i) });
          cases.push({ py: `np.gradient(${f.py}, ${xs.py}, ${ys.py}, edge_order=${eo})[${i}]`, js: () => pick(gradient(f.arr, xs.arr, ys.arr, { edgeOrder: eo }), i) });
          cases.push({ py: `np.gradient(${f.py}, 2.5, ${yi.py}, edge_order=${eo})[${i}]`, js: () => pick(gradient(f.arr, 2.5, yi.arr, { edgeOrder: eo }), i) });
          cases.push({ py: `np.gradient(${f.py}, np.float64(1.5), edge_order=${eo})[${i}]`, js: () => pick(gradient(f.arr, asarray(1.5, '<f8'), { edgeOrder: eo }), i) });
        }
        cases.push({ py: `np.gradient(${f.py}, ${ys.py}, axis=-1, edge_order=${eo})`, js: () => gradient(f.arr, ys.arr, { axis: -1, edgeOrder: eo }) });
        cases.push({ py: `np.gradient(${f.py}, [0, 2, 4, 6], axis=0, edge_order=${eo})`, js: () => gradient(f.arr, [0, 2, 4, 6], { axis: 0, edgeOrder: eo }) });
      }
    }
    const c = data([7], 8);
    cases.push({ py: `np.gradient(${c.py} * (2 - 1j), edge_order=2)`, js: () => gradient(c.arr.multiply(asarray({ re: 2, im: -1 })), { edgeOrder: 2 }) });
    cases.push({ py: `np.gradient(${c.py}, 0.0)`, js: () => gradient(c.arr, 0.0) });
    cases.push({ py: `np.gradient(${c.py}, 0.0, edge_order=2)`, js: () => gradient(c.arr, 0.0, { edgeOrder: 2 }) });
    cases.push({ py: `np.gradient(np.arange(2.), edge_order=2)`, js: () => gradient(arange(2, '<f8'), { edgeOrder: 2 }) });
    cases.push({ py: `np.gradient(np.arange(5.), edge_order=3)`, js: () => gradient(arange(5, '<f8'), { edgeOrder: 3 as 2 }) });
    cases.push({ py: `np.gradient(np.arange(5.), [1, 2, 3])`, js: () => gradient(arange(5, '<f8'), [1, 2, 3]) });
    cases.push({ py: `np.gradient(np.arange(5.), axis=1)`, js: () => gradient(arange(5, '<f8'), { axis: 1 }) });
    expectCasesLikeNumpy(cases);
  });
});

describe('gradient (NumPy TestGradient)', () => {
  test('basic', () => {
    const r = gradient(asarray([[1, 1], [3, 4]])) as NdArray[];
    expect(r.map((a) => a.toArray())).toEqual([[[2, 3], [2, 3]], [[0, 0], [1, 1]]]);
    expect(r[0].dtype.str).toBe('<f8');
    expect((gradient([[1, 1], [3, 4]]) as NdArray[])[1].toArray()).toEqual([[0, 0], [1, 1]]);
  });
  test('args', () => {
    const dx = [1, 2, 3, 4, 5];
    const uneven = [1, 2, 5, 9, 11];
    const f2d = arange(25).reshape(5, 5);
    expect(() => gradient(arange(5), 3)).not.toThrow();
    expect(() => gradient(arange(5), asarray(3.0))).not.toThrow();
    expect(() => gradient(arange(5), dx)).not.toThrow();
    expect(() => gradient(f2d, 1.5)).not.toThrow();
    expect(() => gradient(f2d, uneven, uneven)).not.toThrow();
    expect(() => gradient(f2d, dx, 2)).not.toThrow();
    expect(() => gradient(f2d, dx, { axis: 1 })).not.toThrow();
    expect(() => gradient(f2d, asarray([dx, dx]).transpose(), 1)).toThrow(/scalars or 1d/);
  });
  test('badargs', () => {
    const f2d = arange(25).reshape(5, 5);
    const x = [1, 2, 3, 4, 5];
    expect(() => gradient(f2d, x, ones(2))).toThrow(ValueError);
    expect(() => gradient(f2d, 1, ones(2))).toThrow(ValueError);
    expect(() => gradient(f2d, ones(2), ones(2))).toThrow(ValueError);
    expect(() => gradient(f2d, x)).toThrow(TypeError);
    expect(() => gradient(f2d, x, { axis: [0, 1] })).toThrow(TypeError);
    expect(() => gradient(f2d, x, x, x)).toThrow(TypeError);
    expect(() => gradient(f2d, 1, 1, 1)).toThrow(TypeError);
    expect(() => gradient(f2d, x, x, { axis: 1 })).toThrow(TypeError);
    expect(() => gradient(f2d, 1, 1, { axis: 1 })).toThrow(TypeError);
  });
  test('second order accurate (relative error under 3%)', () => {
    const n = 10;
    const xs = Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = asarray(xs.map((v) => 2 * v ** 3 + 4 * v ** 2 + 2 * v));
    const an = xs.map((v) => 6 * v ** 2 + 8 * v + 2);
    const num = (gradient(y, 1 / (n - 1), { edgeOrder: 2 }) as NdArray).toArray() as number[];
    an.forEach((v, i) => expect(Math.abs(num[i] - v) / v).toBeLessThan(0.03));
  });
});
