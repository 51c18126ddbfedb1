// average against NumPy 2: plain and weighted, weights along an axis or
// shaped like a, returned, keepdims, integer/float32 promotion, and
// NumPy's errors (TypeError, ValueError, ZeroDivisionError).
import { average } from '../lib/average';
import { AxisError, ZeroDivisionError } from '../lib/errors';
import { describeWithNumpy } from './helpers/numpy';
import { numpyOutcomes, jsOutcome, type Case, type Outcome } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(dtype: string, shape: number[], seed: number): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  const ints = dtype.includes('i') || dtype.includes('u');
  return shared(Array.from({ length: n }, () => (ints ? Math.floor(r() * 90) : (r() - 0.3) * 77)), dtype, shape);
}

function strip(o: Outcome): Outcome {
  const { strides: _s, ...rest } = o;
  // The library's UFuncTypeError is a TypeError, as NumPy's is.
  if (rest.error === 'UFuncTypeError') rest.error = 'TypeError';
  return rest;
}

describeWithNumpy('average against NumPy', () => {
  test('plain, weighted, returned, keepdims', () => {
    const cases: Case[] = [];
    ['<f8', '<f4', '<i4', '|b1'].forEach((dt, k) => {
      const a = data(dt === '|b1' ? '<u1' : dt, [3, 4, 5], 100 + k);
      const x = dt === '|b1' ? { arr: a.arr.astype('|b1'), py: `${a.py}.astype(bool)` } : a;
      const w = data('<f4', [3, 4, 5], 110 + k);
      const w1 = data('<i8', [4], 120 + k);
      const w2 = data('<f8', [3, 5], 130 + k);
      cases.push({ py: `np.average(${x.py})`, js: () => average(x.arr) });
      cases.push({ py: `np.average(${x.py}, axis=1)`, js: () => average(x.arr, { axis: 1 }) });
      cases.push({ py: `np.average(${x.py}, axis=1, returned=True)[1]`, js: () => average(x.arr, { axis: 1, returned: true })[1] });
      cases.push({ py: `np.average(${x.py}, weights=${w.py})`, js: () => average(x.arr, { weights: w.arr }) });
      cases.push({ py: `np.average(${x.py}, axis=(0, 2), weights=${w.py}, keepdims=True)`, js: () => average(x.arr, { axis: [0, 2], weights: w.arr, keepdims: true }) });
      cases.push({ py: `np.average(${x.py}, axis=1, weights=${w1.py})`, js: () => average(x.arr, { axis: 1, weights: w1.arr }) });
      cases.push({ py: `np.average(${x.py}, axis=1, weights=${w1.py}, returned=True)[1]`, js: () => average(x.arr, { axis: 1, weights: w1.arr, returned: true })[1] });
      cases.push({ py: `np.average(${x.py}, axis=(2, 0), weights=${w2.py}.T)`, js: () => average(x.arr, { axis: [2, 0], weights: w2.arr.transpose() }) });
      cases.push({ py: `np.average(${x.py}, weights=${w1.py})`, js: () => average(x.arr, { weights: w1.arr }) });
      cases.push({ py: `np.average(${x.py}, axis=0, weights=${w1.py})`, js: () => average(x.arr, { axis: 0, weights: w1.arr }) });
      cases.push({ py: `np.average(${x.py}, axis=1, weights=np.zeros(4))`, js: () => average(x.arr, { axis: 1, weights: [0, 0, 0, 0] }) });
    });
    const want = numpyOutcomes(cases).map(strip);
    const got = cases.map((c) => strip(jsOutcome(c)));
    const bad = cases.map((c, i) => ({ py: c.py, want: want[i], got: got[i] })).filter((x) => JSON.stringify(x.want) !== JSON.stringify(x.got));
    if (process.env.STATS4_DEBUG) require('fs').writeFileSync(process.env.STATS4_DEBUG, JSON.stringify(bad.map((b) => ({ ...b, py: b.py.replace(/bytes\.fromhex\('[0-9a-f]*'\)/g, 'B') })), null, 1));
  expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe("average's errors as NumPy's (fuzz seeds 1000525, 1000722)", () => {
  test('an empty result without weights is ZeroDivisionError; axis 0 of a 0-d array is an AxisError', () => {
    const e = shared([], '|i1', [3, 0, 2]);
    // np.average(np.zeros((3, 0, 2), 'i1'), axis=0): ZeroDivisionError division by zero (scl = a.size / avg.size)
    expect(() => average(e.arr, { axis: 0 })).toThrow(new ZeroDivisionError('division by zero'));
    expect(average(e.arr, { axis: 1 }).shape).toEqual([3, 2]);
    // an empty input with a non-empty result is NaN, not an error (np.average(np.zeros((0, 3)), axis=0))
    expect(average(shared([], '<f8', [0, 3]).arr, { axis: 0 }).toArray()).toEqual([NaN, NaN, NaN]);
    // np.average(np.array(5), axis=0): AxisError axis 0 is out of bounds for array of dimension 0
    expect(() => average(shared([5], '<i8', []).arr, { axis: 0 })).toThrow(AxisError);
    expect(average(shared([5], '<i8', []).arr).toArray()).toBe(5);
  });
});
