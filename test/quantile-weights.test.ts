// quantile / percentile with weights (lib/quantile-weights.ts) against NumPy
// 2 at run time, byte for byte: method 'inverted_cdf' over dtypes, axes
// (None, one, several, negative), weights of a's shape or of the reduced
// axes' shape (zeros included, ints and floats), scalar and array q,
// keepdims, a NaN lane; NumPy's errors in its order and words.
import * as lib from '../lib';
import { asarray, percentile, quantile, zeros } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(shape: number[], seed: number, dtype: string, lo: number, hi: number): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo))), dtype, shape);
}

describeWithNumpy('weighted quantile and percentile against NumPy', () => {
  test('records: the items in record order, field by field (fuzz 9001170 9004886)', () => {
    // The record (int32, float64) pairs with ties in the first field, the second deciding.
    const a = data([4, 6], 51, '<i4', 0, 4);
    const b = data([4, 6], 52, '<f8', -3, 3);
    const w = data([4, 6], 53, '<i8', 0, 4);
    const py = `np.rec.fromarrays([${a.py}, ${b.py}], names='a,b').view(np.ndarray)`;
    const rec = (): ReturnType<typeof asarray> => {
      const r = zeros([4, 6], [['a', '<i4'], ['b', '<f8']] as never);
      r.field('a').set(a.arr);
      r.field('b').set(b.arr);
      return r;
    };
    const cases: Case[] = [];
    for (const q of [0, 0.3, 0.5, 1]) {
      cases.push({ py: `np.quantile(${py}, ${q}, axis=1, weights=${w.py}, method='inverted_cdf')`, js: () => quantile(rec(), q, { axis: 1, weights: w.arr, method: 'inverted_cdf' }) });
      cases.push({ py: `np.quantile(${py}, ${q}, weights=${w.py}, method='inverted_cdf')`, js: () => quantile(rec(), q, { weights: w.arr, method: 'inverted_cdf' }) });
    }
    expectCasesLikeNumpy(cases);
  });

  test('inverted_cdf over dtypes, axes, weight shapes, q forms, keepdims; errors', () => {
    const cases: Case[] = [];
    const M = "method='inverted_cdf'";
    for (const [k, dt] of ['<f8', '<f4', '>i4', '|u1', '<f2'].entries()) {
      const a = data([3, 4, 5], 10 + k, dt, 0, 20);
      const w = data([3, 4, 5], 20 + k, '<i8', 0, 4);
      const w1 = data([5], 30 + k, '<f8', 0, 3);
      const w2 = data([3, 5], 40 + k, '<f4', 0, 3);
      for (const q of [0, 0.3, 0.5, 1]) {
        cases.push({ py: `np.quantile(${a.py}, ${q}, weights=${w.py}, ${M})`, js: () => quantile(a.arr, q, { weights: w.arr, method: 'inverted_cdf' }) });
        cases.push({ py: `np.quantile(${a.py}, ${q}, axis=-1, weights=${w1.py}, ${M})`, js: () => quantile(a.arr, q, { axis: -1, weights: w1.arr, method: 'inverted_cdf' }) });
      }
      cases.push({ py: `np.quantile(${a.py}, [0.1, 0.5, 0.9], axis=1, weights=${w.py}, ${M}, keepdims=True)`, js: () => quantile(a.arr, [0.1, 0.5, 0.9], { axis: 1, weights: w.arr, method: 'inverted_cdf', keepdims: true }) });
      cases.push({ py: `np.quantile(${a.py}, np.array([0.25, 0.75], 'f4'), axis=(0, 2), weights=${w2.py}, ${M})`, js: () => quantile(a.arr, asarray([0.25, 0.75], '<f4'), { axis: [0, 2], weights: w2.arr, method: 'inverted_cdf' }) });
      cases.push({ py: `np.quantile(${a.py}, 0.5, axis=(2, 0), weights=${w2.py}.T, ${M})`, js: () => quantile(a.arr, 0.5, { axis: [2, 0], weights: w2.arr.transpose(), method: 'inverted_cdf' }) });
      cases.push({ py: `np.percentile(${a.py}, 37, axis=0, weights=${w.py}, ${M})`, js: () => percentile(a.arr, 37, { axis: 0, weights: w.arr, method: 'inverted_cdf' }) });
      cases.push({ py: `np.percentile(${a.py}, [10, 90.5], weights=${w.py}, ${M})`, js: () => percentile(a.arr, [10, 90.5], { weights: w.arr, method: 'inverted_cdf' }) });
    }
    const f = data([4, 6], 50, '<f8', -5, 5);
    const fw = data([4, 6], 51, '<f8', 0, 3);
    cases.push({ py: `np.quantile(np.where(np.arange(24).reshape(4, 6) == 7, np.nan, ${f.py}), 0.5, axis=1, weights=${fw.py}, ${M})`, js: () => {
      const g = f.arr.copy();
      g.set([1, 1], NaN);
      return quantile(g, 0.5, { axis: 1, weights: fw.arr, method: 'inverted_cdf' });
    } });
    cases.push({ py: `np.quantile(${f.py}, 0.5, weights=np.zeros((4, 6)), ${M})`, js: () => quantile(f.arr, 0.5, { weights: new Array(4).fill(new Array(6).fill(0)), method: 'inverted_cdf' }) });
    cases.push({ py: `np.quantile(${f.py}, 0.5, weights=${fw.py})`, js: () => quantile(f.arr, 0.5, { weights: fw.arr }) });
    cases.push({ py: `np.quantile(${f.py}, 0.5, weights=${fw.py}, method='linear')`, js: () => quantile(f.arr, 0.5, { weights: fw.arr, method: 'linear' }) });
    cases.push({ py: `np.quantile(${f.py}, 0.5, weights=${fw.py}[0], ${M})`, js: () => quantile(f.arr, 0.5, { weights: fw.arr.index(0), method: 'inverted_cdf' }) });
    cases.push({ py: `np.quantile(${f.py}, 0.5, axis=0, weights=${fw.py}[0], ${M})`, js: () => quantile(f.arr, 0.5, { axis: 0, weights: fw.arr.index(0), method: 'inverted_cdf' }) });
    cases.push({ py: `np.quantile(${f.py}, 0.5, axis=1, weights=-${fw.py}[0] - 1, ${M})`, js: () => quantile(f.arr, 0.5, { axis: 1, weights: fw.arr.index(0).negative().subtract(1), method: 'inverted_cdf' }) });
    cases.push({ py: `np.quantile(${f.py}, 1.5, weights=${fw.py}, ${M})`, js: () => quantile(f.arr, 1.5, { weights: fw.arr, method: 'inverted_cdf' }) });
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy('weighted quantile of a byte-swapped lane holding a NaN (fuzz seed 9207412)', () => {
  test('a 0-d result (keepdims or not) is the NaN as a scalar: native byte order; other results keep the input\'s', () => {
    const want = runNumpy<[string, number[]][]>(`
x = np.array([[np.nan, 1], [2, 3]], '>f2'); w = np.ones((2, 2), 'i4')
out = []
for kd in [False, True]:
    for ax in [None, 0]:
        r = np.asarray(np.quantile(x, 0.25, method='inverted_cdf', weights=w, keepdims=kd, axis=ax))
        out.append([r.dtype.str, list(r.shape)])
r = np.quantile(x, [0.25], method='inverted_cdf', weights=w)
out.append([r.dtype.str, list(r.shape)])
print(json.dumps(out))`);
    const x = lib.asarray([[NaN, 1], [2, 3]], '>f2');
    const w = lib.ones([2, 2], 'i4');
    const got: [string, number[]][] = [];
    for (const keepdims of [false, true]) {
      for (const axis of [null, 0]) {
        const r = lib.quantile(x, 0.25, { method: 'inverted_cdf', weights: w, keepdims, axis });
        got.push([r.dtype.str, [...r.shape]]);
      }
    }
    const r = lib.quantile(x, [0.25], { method: 'inverted_cdf', weights: w });
    got.push([r.dtype.str, [...r.shape]]);
    expect(got).toEqual(want);
  });
});

describeWithNumpy('weighted nanquantile and nanpercentile against NumPy (each lane without its NaNs and their weights)', () => {
  test('NaNs scattered over lanes, a lane of NaNs only, axes, weight shapes, q forms, keepdims; errors', () => {
    const M = "method='inverted_cdf'";
    const cases: Case[] = [];
    const nanAt = 'np.isin(np.arange(60).reshape(3, 4, 5) % 7, [2, 5]) | (np.arange(60).reshape(3, 4, 5) < 5)';
    for (const [k, dt] of ['<f8', '<f4', '>f8', '<f2'].entries()) {
      const a = data([3, 4, 5], 60 + k, dt, -10, 10);
      const w = data([3, 4, 5], 70 + k, '<i8', 0, 4);
      const w1 = data([5], 80 + k, '<f8', 1, 3);
      const pyA = `np.where(${nanAt}, np.nan, ${a.py}).astype('${dt}')`;
      const withNaN = (): lib.NdArray => lib.where(lib.logicalOr(lib.isin(lib.remainder(lib.arange(60).reshape(3, 4, 5), 7), [2, 5]), lib.less(lib.arange(60).reshape(3, 4, 5), 5)), NaN, a.arr).astype(dt);
      for (const q of [0, 0.3, 0.5, 1]) {
        cases.push({ py: `np.nanquantile(${pyA}, ${q}, weights=${w.py}, ${M})`, js: () => lib.nanquantile(withNaN(), q, { weights: w.arr, method: 'inverted_cdf' }) });
        cases.push({ py: `np.nanquantile(${pyA}, ${q}, axis=-1, weights=${w.py}, ${M})`, js: () => lib.nanquantile(withNaN(), q, { axis: -1, weights: w.arr, method: 'inverted_cdf' }) });
        cases.push({ py: `np.nanquantile(${pyA}[0, 1], ${q}, weights=${w1.py}, ${M})`, js: () => lib.nanquantile(withNaN().index(0, 1), q, { weights: w1.arr, method: 'inverted_cdf' }) });
      }
      cases.push({ py: `np.nanquantile(${pyA}, [0.1, 0.5, 0.9], axis=1, weights=${w.py}, ${M}, keepdims=True)`, js: () => lib.nanquantile(withNaN(), [0.1, 0.5, 0.9], { axis: 1, weights: w.arr, method: 'inverted_cdf', keepdims: true }) });
      cases.push({ py: `np.nanquantile(${pyA}, [0.25, 0.75], axis=(0, 2), weights=${w.py}, ${M})`, js: () => lib.nanquantile(withNaN(), [0.25, 0.75], { axis: [0, 2], weights: w.arr, method: 'inverted_cdf' }) });
      cases.push({ py: `np.nanpercentile(${pyA}, 37, axis=2, weights=${w.py}, ${M})`, js: () => lib.nanpercentile(withNaN(), 37, { axis: 2, weights: w.arr, method: 'inverted_cdf' }) });
      cases.push({ py: `np.nanpercentile(${pyA}, [10, 90.5], weights=${w.py}, ${M})`, js: () => lib.nanpercentile(withNaN(), [10, 90.5], { weights: w.arr, method: 'inverted_cdf' }) });
    }
    const f = data([4, 6], 95, '<f8', -5, 5);
    const fw = data([4, 6], 96, '<f8', 0, 3);
    cases.push({ py: `np.nanquantile(${f.py}, 0.5, weights=${fw.py})`, js: () => lib.nanquantile(f.arr, 0.5, { weights: fw.arr }) });
    cases.push({ py: `np.nanquantile(${f.py}, 0.5, axis=1, weights=-${fw.py}[0] - 1, ${M})`, js: () => lib.nanquantile(f.arr, 0.5, { axis: 1, weights: lib.subtract(lib.negative(fw.arr.index(0)), 1), method: 'inverted_cdf' }) });
    cases.push({ py: `np.nanquantile(${f.py}, 0.5, weights=np.zeros((4, 6)), ${M})`, js: () => lib.nanquantile(f.arr, 0.5, { weights: lib.zeros([4, 6]), method: 'inverted_cdf' }) });
    cases.push({ py: `np.nanquantile(np.zeros((0, 3)), 0.5, axis=0, weights=np.zeros((0, 3)), ${M})`, js: () => lib.nanquantile(lib.zeros([0, 3]), 0.5, { axis: 0, weights: lib.zeros([0, 3]), method: 'inverted_cdf' }) });
    cases.push({ py: `np.nanquantile(np.full((2, 3), np.nan), [0.5], axis=1, weights=np.ones((2, 3)), ${M})`, js: () => lib.nanquantile(lib.full([2, 3], NaN), [0.5], { axis: 1, weights: lib.ones([2, 3]), method: 'inverted_cdf' }) });
    cases.push({ py: `np.nanquantile(np.array([1., np.nan, 3.]), 0.5, weights=np.array([0., 5., 0.]), ${M})`, js: () => lib.nanquantile(lib.asarray([1, NaN, 3]), 0.5, { weights: lib.asarray([0, 5, 0]), method: 'inverted_cdf' }) });
    expectCasesLikeNumpy(cases);
  });

  test("weights of the reduced axes' shape with an axis: each lane without its NaNs (NumPy 2.4's nanquantile indexes them as if of a's shape: an IndexError)", () => {
    const g = lib.asarray([[1, NaN, 3, 4], [NaN, NaN, 2, 0]]);
    const w = [1, 5, 1, 3];
    const got = lib.nanquantile(g, 0.5, { axis: 1, weights: w, method: 'inverted_cdf' });
    expect(got.toArray()).toEqual([0, 1].map((r) => lib.nanquantile(g.index(r), 0.5, { weights: w, method: 'inverted_cdf' }).get()));
    expect(got.toArray()).toEqual([4, 0]); // NumPy's answers for each lane alone
  });
});
