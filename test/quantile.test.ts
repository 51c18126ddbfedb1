// median / quantile / percentile / ptp against NumPy 2: dtype, shape and
// every byte over dtypes, every method, scalar and array q (NumPy's weak
// scalar promotion), axes (none, one, several, negative), keepdims, NaN
// lanes, ties, strided views, and NumPy's errors (class and message).
import { median, quantile, percentile, ptp, type QuantileMethod } from '../lib/quantile';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import * as lib from '../lib';
import { type Case, expectCasesLikeNumpy as check, pyAxis } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

const METHODS: QuantileMethod[] = ['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest'];
const DTYPES = ['<f8', '<f4', '<f2', '<i8', '<i1', '<u2', '>f8'];

function data(dtype: string, shape: number[], seed: number, nans = false): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  const ints = dtype.includes('i') || dtype.includes('u');
  const vals = Array.from({ length: n }, () => {
    if (ints) return Math.floor(r() * (dtype.includes('u') ? 200 : 240)) - (dtype.includes('u') ? 0 : 120);
    if (nans && r() < 0.08) return NaN;
    return Math.round((r() - 0.4) * 1000) / (r() < 0.5 ? 7 : 1);
  });
  return shared(vals, dtype, shape);
}

describeWithNumpy('quantile and percentile against NumPy', () => {
  test('every method, dtype, q form and axis, bit for bit', () => {
    const cases: Case[] = [];
    DTYPES.forEach((dt, k) => {
      const d = data(dt, [3, 4, 5], 10 + k, true);
      for (const method of METHODS) {
        for (const [qjs, qpy] of [[0.3, '0.3'], [[0, 0.25, 0.5, 0.999, 1], '[0, 0.25, 0.5, 0.999, 1]'], [1, '1'], [0, '0']] as const) {
          for (const axis of [null, 0, -1, [0, 2]] as const) {
            cases.push({
              py: `np.quantile(${d.py}, ${qpy}, axis=${pyAxis(axis)}, method='${method}')`,
              js: () => quantile(d.arr, qjs as number, { axis: axis as never, method }),
            });
          }
        }
      }
      cases.push({ py: `np.percentile(${d.py}, [12.5, 50, 99], axis=1, keepdims=True)`, js: () => percentile(d.arr, [12.5, 50, 99], { axis: 1, keepdims: true }) });
      cases.push({ py: `np.percentile(${d.py}, 37, axis=(1, 2), method='midpoint')`, js: () => percentile(d.arr, 37, { axis: [1, 2], method: 'midpoint' }) });
    });
    check(cases);
  });

  test('a strided view, a 0-d array, q as a 2-d array, and ties', () => {
    const d = data('<f8', [6, 8], 3);
    const t = shared([1, 1, 1, 2, 2, 3, 3, 3, 3, 9], '<f8', [10]);
    const z = shared([4.5], '<f8', []);
    check([
      { py: `np.quantile(${d.py}[::-2, 1::3], [0.1, 0.9], axis=0)`, js: () => quantile(d.arr.index('::-2, 1::3'), [0.1, 0.9], { axis: 0 }) },
      { py: `np.quantile(${z.py}, 0.5)`, js: () => quantile(z.arr, 0.5) },
      { py: `np.quantile(${t.py}, np.array([[0.2, 0.4], [0.6, 0.8]]))`, js: () => quantile(t.arr, quantileGrid()) },
      ...METHODS.map((m) => ({ py: `np.quantile(${t.py}, [0.1, 0.3, 0.5, 0.7], method='${m}')`, js: () => quantile(t.arr, [0.1, 0.3, 0.5, 0.7], { method: m }) })),
    ]);
  });

  test("NumPy's errors: q out of range, unknown method, complex input, empty lane, bool lerp", () => {
    const d = data('<f8', [4], 1);
    const c = shared([1, 2], '<c16', [2]);
    const e = shared([], '<f8', [0]);
    const b = shared([1, 0, 1], '|b1', [3]);
    check([
      { py: `np.quantile(${d.py}, 1.5)`, js: () => quantile(d.arr, 1.5) },
      { py: `np.quantile(${d.py}, [-0.1, 0.5])`, js: () => quantile(d.arr, [-0.1, 0.5]) },
      { py: `np.percentile(${d.py}, 101)`, js: () => percentile(d.arr, 101) },
      { py: `np.quantile(${d.py}, float('nan'))`, js: () => quantile(d.arr, NaN) },
      { py: `np.quantile(${c.py}, 0.5)`, js: () => quantile(c.arr, 0.5) },
      { py: `np.quantile(${e.py}, 0.5)`, js: () => quantile(e.arr, 0.5) },
      { py: `np.quantile(${b.py}, 0.3)`, js: () => quantile(b.arr, 0.3) },
      { py: `np.quantile(${b.py}, 0.3, method='lower')`, js: () => quantile(b.arr, 0.3, { method: 'lower' }) },
    ]);
    expect(() => quantile(d.arr, 0.5, { method: 'bogus' as never })).toThrow("'bogus' is not a valid method. Use one of: dict_keys(['inverted_cdf',");
  });
});

function quantileGrid(): NdArray {
  return shared([0.2, 0.4, 0.6, 0.8], '<f8', [2, 2]).arr;
}

describeWithNumpy('median and ptp against NumPy', () => {
  test('dtypes, axes, keepdims, NaN lanes, empty arrays', () => {
    const cases: Case[] = [];
    DTYPES.forEach((dt, k) => {
      for (const shape of [[3, 4, 5], [2, 6, 4]]) {
        const d = data(dt, shape, 40 + k, true);
        for (const axis of [null, 0, 1, -1, [0, 2]] as const) {
          cases.push({ py: `np.median(${d.py}, axis=${pyAxis(axis)})`, js: () => median(d.arr, { axis: axis as never }) });
          cases.push({ py: `np.ptp(${d.py}, axis=${pyAxis(axis)})`, js: () => ptp(d.arr, { axis: axis as never }) });
        }
        cases.push({ py: `np.median(${d.py}, axis=1, keepdims=True)`, js: () => median(d.arr, { axis: 1, keepdims: true }) });
        cases.push({ py: `np.ptp(${d.py}, axis=(0, 1), keepdims=True)`, js: () => ptp(d.arr, { axis: [0, 1], keepdims: true }) });
      }
    });
    const e = shared([], '<f8', [0, 3]);
    cases.push({ py: `np.median(${e.py}, axis=0)`, js: () => median(e.arr, { axis: 0 }) });
    cases.push({ py: `np.median(${e.py})`, js: () => median(e.arr) });
    cases.push({ py: `np.median(${e.py}, axis=1)`, js: () => median(e.arr, { axis: 1 }) });
    const b = shared([1, 0, 1, 1], '|b1', [4]);
    cases.push({ py: `np.median(${b.py})`, js: () => median(b.arr) });
    cases.push({ py: `np.ptp(${b.py})`, js: () => ptp(b.arr) });
    check(cases);
  });
});

describeWithNumpy('median of complex input with NaNs (fuzz seed 1000142)', () => {
  test("a lane holding a complex NaN is that item (NumPy's _median_nancheck), over axes and keepdims", () => {
    const c = shared([1, 1, NaN, 10, 0.5, -1, 2, 0, 3, 3, 1, NaN, 4, 4, 5, 5], '<f8', [16]);
    const cases: Case[] = [];
    for (const dt of ['<c16', '<c8']) {
      const d = { arr: c.arr.view('<c16').astype(dt).reshape(2, 4), py: `${c.py}.view('<c16').astype('${dt}').reshape(2, 4)` };
      for (const axis of [null, 0, 1] as const) {
        cases.push({ py: `np.median(${d.py}, axis=${pyAxis(axis)})`, js: () => median(d.arr, { axis }) });
        cases.push({ py: `np.median(${d.py}, axis=${pyAxis(axis)}, keepdims=True)`, js: () => median(d.arr, { axis, keepdims: true }) });
      }
    }
    check(cases);
  });
});

describeWithNumpy('quantile layout, byte order and gamma dtype (fuzz pass 6)', () => {
  test("NumPy's C-ordered result over (q, kept axes), keepdims inserted, scalars native, int64 gamma", () => {
    // Fuzz seeds 1017409/1008074 (F-ordered results), 1009592 (a '>u4' scalar kept its order
    // under keepdims), 1000926 (a record scalar is np.void: its dtype is kept), 1009465 (an
    // integer q array with interpolated_inverted_cdf/weibull/averaged_inverted_cdf: gamma is int64).
    const f = data('>f8', [4, 3, 2], 41);
    const t = { arr: f.arr.transpose([2, 0, 1]), py: `${f.py}.transpose(2, 0, 1)` };
    const u = data('>u4', [1], 42);
    const i = data('<u2', [3, 4], 43);
    const cases: Case[] = [];
    for (const [axis, keepdims] of [[-1, false], [1, true], [[0, 2], false], [0, true]] as const) {
      for (const q of [0.3, [0.1, 0.9]]) {
        for (const method of ['linear', 'lower', 'interpolated_inverted_cdf'] as const) {
          cases.push({ py: `np.quantile(${t.py}, ${JSON.stringify(q)}, axis=${pyAxis(axis)}, keepdims=${keepdims ? 'True' : 'False'}, method='${method}')`, js: () => quantile(t.arr, q, { axis: axis as never, keepdims, method }) });
        }
      }
      cases.push({ py: `np.median(${t.py}, axis=${pyAxis(axis)}, keepdims=${keepdims ? 'True' : 'False'})`, js: () => median(t.arr, { axis: axis as never, keepdims }) });
    }
    cases.push({ py: `np.quantile(${u.py}, 1, keepdims=True, method='lower')`, js: () => quantile(u.arr, 1, { keepdims: true, method: 'lower' }) });
    for (const method of ['interpolated_inverted_cdf', 'weibull', 'averaged_inverted_cdf', 'hazen'] as const) {
      cases.push({ py: `np.quantile(${i.py}, [0, 1], axis=1, method='${method}')`, js: () => quantile(i.arr, [0, 1], { axis: 1, method }) });
      cases.push({ py: `np.quantile(${i.py}.astype('<f4'), [0, 1], axis=0, method='${method}')`, js: () => quantile(i.arr.astype('<f4'), [0, 1], { axis: 0, method }) });
    }
    // Fuzz seeds 1005657/1002703: axis 0 of a 0-d array is NumPy's AxisError (_ureduce).
    const z = data('<f8', [1], 44);
    cases.push({ py: `np.quantile(${z.py}.reshape(()), 0.5, axis=0)`, js: () => quantile(z.arr.reshape([]), 0.5, { axis: 0 }) });
    cases.push({ py: `np.median(${z.py}.reshape(()), axis=0)`, js: () => median(z.arr.reshape([]), { axis: 0 }) });
    check(cases);
  });
});

describeWithNumpy('quantile/percentile/median of an empty kept part over two or more axes: NumPy\'s _ureduce reshape error', () => {
  test('error or shape as NumPy, nanquantile/nanmedian unaffected', () => {
    const cases: [number[], number[]][] = [[[0, 3, 4], [1, 2]], [[3, 0, 4], [0, 2]], [[2, 3, 0], [0, 1]], [[0, 3, 4], [1]], [[0, 5, 3, 4], [2, 3]], [[5, 0, 3, 4], [3, 2]], [[0, 0], [0, 1]], [[0, 3, 0], [1, 2]]];
    const want = runNumpy<string[][]>(`
import warnings
warnings.simplefilter('ignore')
out = []
for sh, ax in json.loads(sys.stdin.read()):
    row = []
    for f in (lambda a: np.quantile(a, 0.5, axis=tuple(ax)), lambda a: np.percentile(a, [50, 10], axis=tuple(ax)), lambda a: np.median(a, axis=tuple(ax), keepdims=True), lambda a: np.nanquantile(a, 0.5, axis=tuple(ax)), lambda a: np.nanmedian(a, axis=tuple(ax))):
        try:
            row.append('ok ' + str(list(f(np.zeros(sh)).shape)))
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    out.append(row)
print(json.dumps(out))`, JSON.stringify(cases));
    const got = cases.map(([sh, ax]) =>
      [
        (a: NdArray) => lib.quantile(a, 0.5, { axis: ax }),
        (a: NdArray) => lib.percentile(a, [50, 10], { axis: ax }),
        (a: NdArray) => lib.median(a, { axis: ax, keepdims: true }),
        (a: NdArray) => lib.nanquantile(a, 0.5, { axis: ax }),
        (a: NdArray) => lib.nanmedian(a, { axis: ax }),
      ].map((f) => {
        try {
          return `ok [${f(lib.zeros(sh)).shape.join(', ')}]`;
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        }
      }),
    );
    expect(got).toEqual(want);
  });
});

describeWithNumpy('ptp with out: NumPy writes the max into out before reading the min', () => {
  test('out overlapping a (rows, columns), a separate out, a wrong-shaped and an int out', () => {
    const want = runNumpy<unknown[]>(`
def run(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
out = []
for ax, row in ((0, 0), (1, None), (0, 1)):
    a = np.array([[3., 1., 7.], [2., 9., 4.]])
    o = a[row] if row is not None else a[:, 0]
    r = np.ptp(a, axis=ax, out=o)
    out.append([r.tolist(), a.tolist()])
a = np.array([[3., 1., 7.], [2., 9., 4.]]); o = np.zeros(3); np.ptp(a, axis=0, out=o); out.append(o.tolist())
out.append(run(lambda: np.ptp(np.ones((2, 3)), axis=0, out=np.zeros(2))))
o = np.zeros(3, np.int64); out.append(run(lambda: np.ptp(np.ones((2, 3)), axis=0, out=o)))
print(json.dumps(out))`);
    const got: unknown[] = [];
    for (const [ax, row] of [[0, 0], [1, null], [0, 1]] as [number, number | null][]) {
      const a = lib.asarray([[3, 1, 7], [2, 9, 4]], '<f8');
      const o = row !== null ? a.index(row) : a.index(lib.slice(null), 0);
      const r = ptp(a, { axis: ax, out: o });
      got.push([r.toArray(), a.toArray()]);
    }
    const o = lib.zeros([3]);
    ptp(lib.asarray([[3, 1, 7], [2, 9, 4]], '<f8'), { axis: 0, out: o });
    got.push(o.toArray());
    const name = (f: () => unknown): string => {
      try {
        f();
        return 'none';
      } catch (e) {
        return (e as Error).name === 'UFuncTypeError' ? 'UFuncTypeError' : (e as Error).name;
      }
    };
    got.push(name(() => ptp(lib.ones([2, 3]), { axis: 0, out: lib.zeros([2]) })));
    got.push(name(() => ptp(lib.ones([2, 3]), { axis: 0, out: lib.zeros([3], '<i8') })));
    expect(got).toEqual(want);
  });
});

describe('the axis slot, as every reduction has it', () => {
  const { array, average, nanmedian, nanquantile, nanpercentile } = lib;
  const a = array([[1, 5, 2], [7, 3, 9]], 'f8');
  test('median, quantile, percentile, ptp, average and the nan forms take the axis second, options third, or the axis in the options', () => {
    const calls: [string, (ax: number, o?: object) => NdArray, (o: object) => NdArray][] = [
      ['median', (ax, o) => median(a, ax, o), (o) => median(a, o)],
      ['quantile', (ax, o) => quantile(a, 0.25, ax, o), (o) => quantile(a, 0.25, o)],
      ['percentile', (ax, o) => percentile(a, 75, ax, o), (o) => percentile(a, 75, o)],
      ['ptp', (ax, o) => ptp(a, ax, o), (o) => ptp(a, o)],
      ['average', (ax, o) => average(a, ax, o), (o) => average(a, o)],
      ['nanmedian', (ax, o) => nanmedian(a, ax, o), (o) => nanmedian(a, o)],
      ['nanquantile', (ax, o) => nanquantile(a, 0.25, ax, o), (o) => nanquantile(a, 0.25, o)],
      ['nanpercentile', (ax, o) => nanpercentile(a, 75, ax, o), (o) => nanpercentile(a, 75, o)],
    ];
    for (const [name, positional, keyword] of calls) {
      for (const ax of [0, 1, -1]) {
        const want = keyword({ axis: ax }).toArray();
        expect([name, ax, positional(ax).toArray()]).toEqual([name, ax, want]);
        expect([name, ax, positional(ax, { keepdims: true }).shape]).toEqual([name, ax, keyword({ axis: ax, keepdims: true }).shape]);
      }
      // The axis in both places is Python's "got multiple values".
      expect(() => positional(0, { axis: 1 })).toThrow(`${name}() got multiple values for argument 'axis'`);
    }
    // The values themselves (NumPy's, by hand).
    expect(median(a, 0).toArray()).toEqual([4, 4, 5.5]);
    expect(ptp(a, 1).toArray()).toEqual([4, 6]);
    expect(average(a, 1, { weights: array([1, 2, 3], 'f8') }).toArray()).toEqual([(1 + 10 + 6) / 6, (7 + 6 + 27) / 6]);
  });

  test('a number where a call takes a flag is a TypeError, not silently true', () => {
    expect(() => lib.unique(a, 1 as never)).toThrow(TypeError);
    expect(() => lib.unique(a, 1 as never)).toThrow('unique(): returnIndex must be a boolean, got 1');
  });
});
