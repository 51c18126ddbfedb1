// The NaN-ignoring reductions against NumPy 2 (np.nansum ... np.nanpercentile):
// dtype, shape and every byte over dtypes, axes, keepdims, ddof, dtype=,
// all-NaN lanes (NumPy's NaN; nanargmin's ValueError), empty arrays, and
// integer arrays (the plain reductions).
import * as nr from '../lib/nan-reduce';
import * as mm from '../lib';
import { dtype } from '../lib/dtype';
import { asarray as asarrayForNan } from '../lib/array-coerce';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check, hexOf, pyAxis } from './helpers/np-compare';
import { jsPath } from './helpers/kernels';
import { seeded, shared } from './helpers/np-data';
import { expectLayoutsLikeNumpy, jsView, pyView, type LayoutCase, type ViewSpec } from './helpers/np-layout';
import { asStrided, zeros } from '../lib/create';
import type { NdArray } from '../lib/ndarray';
import { AxisError } from '../lib/errors';

const DTYPES = ['<f8', '<f4', '>f8', '<f2', '<i4', '<u1'];

function data(dtype: string, shape: number[], seed: number): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  const ints = dtype.includes('i') || dtype.includes('u');
  const vals = Array.from({ length: n }, (_, i) => {
    if (ints) return Math.floor(r() * 100);
    // lane 0 of the last axis all-NaN in the first row, scattered NaNs elsewhere
    if (i < shape[shape.length - 1] || r() < 0.15) return NaN;
    return Math.round((r() - 0.4) * 1000) / 8;
  });
  return shared(vals, dtype, shape);
}

describeWithNumpy('NaN reductions against NumPy', () => {
  test('nansum, nanprod, nanmin, nanmax, nanmean, nanvar, nanstd over dtypes and axes', () => {
    const cases: Case[] = [];
    DTYPES.forEach((dt, k) => {
      const d = data(dt, [3, 5, 4], 20 + k);
      for (const axis of [null, 0, -1, [0, 2]] as const) {
        const ax = pyAxis(axis);
        for (const fn of ['nansum', 'nanprod', 'nanmin', 'nanmax', 'nanmean', 'nanvar', 'nanstd'] as const) {
          cases.push({ py: `np.${fn}(${d.py}, axis=${ax})`, js: () => (nr[fn] as (a: unknown, b: unknown) => unknown)(d.arr, axis) });
        }
        cases.push({ py: `np.nanvar(${d.py}, axis=${ax}, ddof=1, keepdims=True)`, js: () => nr.nanvar(d.arr, axis as never, { ddof: 1, keepdims: true }) });
        cases.push({ py: `np.nanstd(${d.py}, axis=${ax}, ddof=3)`, js: () => nr.nanstd(d.arr, axis as never, { ddof: 3 }) });
      }
      cases.push({ py: `np.nanmean(${d.py}, axis=1, dtype='f8')`, js: () => nr.nanmean(d.arr, 1, { dtype: 'f8' }) });
      cases.push({ py: `np.nansum(${d.py}, axis=2, keepdims=True)`, js: () => nr.nansum(d.arr, 2, { keepdims: true }) });
      for (const axis of [null, 0, 2]) {
        cases.push({ py: `np.nancumsum(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nancumsum(d.arr, axis) });
        cases.push({ py: `np.nancumprod(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nancumprod(d.arr, axis) });
      }
    });
    check(cases);
  });

  test("nanargmin / nanargmax, and NumPy's all-NaN ValueError", () => {
    const cases: Case[] = [];
    DTYPES.forEach((dt, k) => {
      const d = data(dt, [3, 5, 4], 30 + k);
      for (const axis of [null, 0, 1] as const) {
        cases.push({ py: `np.nanargmin(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nanargmin(d.arr, axis) });
        cases.push({ py: `np.nanargmax(${d.py}, axis=${pyAxis(axis)}, keepdims=True)`, js: () => nr.nanargmax(d.arr, axis, { keepdims: true }) });
      }
      cases.push({ py: `np.nanargmin(${d.py}, axis=2)`, js: () => nr.nanargmin(d.arr, 2) });
    });
    const e = shared([], '<f8', [0]);
    cases.push({ py: `np.nanmin(${e.py})`, js: () => nr.nanmin(e.arr) });
    // an empty array along non-empty axes is an empty result; an empty reduced axis is the ValueError
    const e2 = shared([], '<f4', [3, 0]);
    cases.push({ py: `np.nanmax(${e2.py}, axis=0)`, js: () => nr.nanmax(e2.arr, 0) });
    cases.push({ py: `np.nanmin(${e2.py}.T, axis=1, keepdims=True)`, js: () => nr.nanmin(e2.arr.T, 1, { keepdims: true }) });
    cases.push({ py: `np.nanmin(${e2.py}.T, axis=0)`, js: () => nr.nanmin(e2.arr.T, 0) });
    cases.push({ py: `np.nanmax(${e2.py})`, js: () => nr.nanmax(e2.arr) });
    cases.push({ py: `np.nanargmax(${e.py})`, js: () => nr.nanargmax(e.arr) });
    cases.push({ py: `np.nanmean(${e.py})`, js: () => nr.nanmean(e.arr) });
    check(cases);
  });

  test("nanmin / nanmax fold NumPy's fmin / fmax: signed zeros, complex NaNs, all-NaN lanes", () => {
    const cases: Case[] = [];
    // Ties keep the first item: nanmin([0, -0]) is 0, nanmin([-0, 0]) is -0 (min gives -0 for both).
    // Along the contiguous axis only: along an outer axis NumPy's fmin loop is element-wise
    // (SIMD), and which zero it keeps there depends on the dtype and the CPU.
    const z = shared([0, -0, 0, -0, 0, -0, NaN, 0, 1, NaN, -0, NaN], '<f8', [4, 3]);
    for (const dt of ['<f8', '<f4', '>f8', '<f2']) {
      const d = { arr: z.arr.astype(dt), py: `${z.py}.astype('${dt}')` };
      for (const axis of [null, 1, -1] as const) {
        cases.push({ py: `np.nanmin(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nanmin(d.arr, axis) });
        cases.push({ py: `np.nanmax(${d.py}, axis=${pyAxis(axis)}, keepdims=True)`, js: () => nr.nanmax(d.arr, axis, { keepdims: true }) });
      }
    }
    // Complex: NaN in either part is NaN; an all-NaN lane gives its first NaN, other part kept.
    // (1+nanj first, then a number smaller in its real part: fuzz seed 1024331)
    const c = shared([NaN, 1, 1, NaN, 2, -1, 2, 1, NaN, NaN, 3, NaN, -0, 0, 0, -0, 5, NaN, 1, 2, -1, 0, 7, NaN], '<f8', [24]);
    for (const dt of ['<c16', '>c8']) {
      const d = { arr: c.arr.view('<c16').astype(dt).reshape(3, 4), py: `${c.py}.view('<c16').astype('${dt}').reshape(3, 4)` };
      for (const axis of [null, 0, 1] as const) {
        cases.push({ py: `np.nanmin(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nanmin(d.arr, axis) });
        cases.push({ py: `np.nanmax(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nanmax(d.arr, axis) });
      }
    }
    check(cases);
  });

  test('nanmedian of complex input skips complex NaNs (1-d and small-axis paths)', () => {
    const cases: Case[] = [];
    const c = shared([NaN, 0, 1, 1, 2, 0, 0, 3, 0, NaN, 1, NaN, 5, 5, NaN, NaN, 4, -1, 2, 2, 1, 0, 3, 3], '<f8', [24]);
    for (const dt of ['<c16', '<c8']) {
      const d = { arr: c.arr.view('<c16').astype(dt).reshape(3, 4), py: `${c.py}.view('<c16').astype('${dt}').reshape(3, 4)` };
      for (const axis of [null, 0, 1, [0, 1]] as const) {
        cases.push({ py: `np.nanmedian(${d.py}, axis=${pyAxis(axis)})`, js: () => nr.nanmedian(d.arr, { axis: axis as never }) });
      }
      // lane 0 along axis 1 of the first two rows' NaN items only: NumPy's masked path gives nan+0j
      const nanRow = { arr: d.arr.index('0:1, 1::2'), py: `${d.py}[0:1, 1::2]` };
      cases.push({ py: `np.nanmedian(${nanRow.py}, axis=1)`, js: () => nr.nanmedian(nanRow.arr, { axis: 1 }) });
      cases.push({ py: `np.nanmedian(${nanRow.py})`, js: () => nr.nanmedian(nanRow.arr) });
    }
    check(cases);
  });

  test('nanmedian, nanquantile, nanpercentile over dtypes, axes and methods', () => {
    const cases: Case[] = [];
    DTYPES.forEach((dt, k) => {
      const d = data(dt, [3, 5, 6], 50 + k);
      for (const axis of [null, 0, -1, [0, 2]] as const) {
        const ax = pyAxis(axis);
        cases.push({ py: `np.nanmedian(${d.py}, axis=${ax})`, js: () => nr.nanmedian(d.arr, { axis: axis as never }) });
        cases.push({ py: `np.nanquantile(${d.py}, 0.3, axis=${ax})`, js: () => nr.nanquantile(d.arr, 0.3, { axis: axis as never }) });
        cases.push({ py: `np.nanpercentile(${d.py}, [10, 50, 95], axis=${ax}, keepdims=True)`, js: () => nr.nanpercentile(d.arr, [10, 50, 95], { axis: axis as never, keepdims: true }) });
      }
      for (const m of ['lower', 'higher', 'nearest', 'midpoint', 'hazen', 'inverted_cdf', 'closest_observation', 'averaged_inverted_cdf'] as const) {
        cases.push({ py: `np.nanquantile(${d.py}, [0.2, 0.7], axis=1, method='${m}')`, js: () => nr.nanquantile(d.arr, [0.2, 0.7], { axis: 1, method: m }) });
        // One lane (every axis reduced): partitioned at the positions read.
        cases.push({ py: `np.nanquantile(${d.py}, [0, 0.2, 0.5, 0.7, 1], method='${m}')`, js: () => nr.nanquantile(d.arr, [0, 0.2, 0.5, 0.7, 1], { method: m }) });
      }
    });
    // a list of q along an axis: NumPy's apply_along_axis layout, the q axis innermost (fuzz seed 1006632)
    const f = data('<f8', [2, 3, 4], 77);
    const layout: Case[] = [];
    for (const axis of [0, 1, -1]) {
      layout.push({ py: `np.nanquantile(${f.py}, [0.9, 0.1], axis=${axis})`, js: () => nr.nanquantile(f.arr, [0.9, 0.1], { axis }) });
      layout.push({ py: `np.nanpercentile(${f.py}.T, [50, 10, 5], axis=${axis}, method='nearest')`, js: () => nr.nanpercentile(f.arr.T, [50, 10, 5], { axis, method: 'nearest' }) });
    }
    const pyStrides = runNumpy<number[][]>(`print(json.dumps([list(np.asarray(eval(s)).strides) for s in json.load(sys.stdin)]))`, JSON.stringify(layout.map((c) => c.py)));
    expect(layout.map((c) => [...(c.js() as { strides: number[] }).strides])).toEqual(pyStrides);
    cases.push(...layout);
    // One lane: all NaN, one non-NaN item, an odd and an even count of them.
    for (const vals of [[NaN, NaN, NaN], [NaN, 4, NaN], [3, NaN, 1, 2, NaN], [NaN, 5, 1, 9, 2, NaN, 7, 7]]) {
      const l = shared(vals, '<f8', [vals.length]);
      cases.push({ py: `np.nanmedian(${l.py})`, js: () => nr.nanmedian(l.arr) });
      cases.push({ py: `np.nanpercentile(${l.py}, [0, 37, 50, 100])`, js: () => nr.nanpercentile(l.arr, [0, 37, 50, 100]) });
    }
    const e = shared([], '<f8', [0, 2]);
    cases.push({ py: `np.nanmedian(${e.py}, axis=0)`, js: () => nr.nanmedian(e.arr, { axis: 0 }) });
    cases.push({ py: `np.nanquantile(${e.py}, 0.5)`, js: () => nr.nanquantile(e.arr, 0.5) });
    check(cases);
  });
});

describeWithNumpy('nanquantile layout, byte order and errors (fuzz pass 6)', () => {
  test("apply_along_axis's layout under keepdims, native scalars, int64 gamma, records and 0-d axis errors", () => {
    // Fuzz seeds 1004379/1000736 (keepdims kept the q axes innermost), 1004480/1000756 (a
    // scalar q answers NumPy scalars: native, keepdims or not), 1009465 (int64 gamma),
    // 1006886 (records: isnan's TypeError), 1004464 (axis 0 of a 0-d array: AxisError).
    const f = shared([1, NaN, 3, 2, 5, 4, NaN, 0.5, 7, 8, 2.5, 6], '>f8', [3, 4]);
    const u = shared([4, 1, 3, 2, 9, 0, 7, 5], '>u2', [2, 4]);
    const r = shared([1, 2, 3, 4, 5, 6], '|u1', [6]);
    const rec = { arr: r.arr.view(dtype({ names: ['a', 'b'], formats: ['|u1', '|i1'] })), py: `${r.py}.view([('a', 'u1'), ('b', 'i1')])` };
    const cases: Case[] = [];
    for (const a of [f, u]) {
      for (const keepdims of [false, true]) {
        for (const q of [0.5, [0, 1], [0.25, 0.5, 0.75]]) {
          for (const method of ['linear', 'inverted_cdf', 'weibull'] as const) {
            const kd = keepdims ? 'True' : 'False';
            cases.push({ py: `np.nanquantile(${a.py}, ${JSON.stringify(q)}, axis=1, keepdims=${kd}, method='${method}')`, js: () => nr.nanquantile(a.arr, q, { axis: 1, keepdims, method }) });
            cases.push({ py: `np.nanquantile(${a.py}.T, ${JSON.stringify(q)}, axis=0, keepdims=${kd}, method='${method}')`, js: () => nr.nanquantile(a.arr.transpose(), q, { axis: 0, keepdims, method }) });
          }
        }
      }
    }
    cases.push({ py: `np.nanquantile(${rec.py}, [0.25, 0.75], method='inverted_cdf')`, js: () => nr.nanquantile(rec.arr, [0.25, 0.75], { method: 'inverted_cdf' }) });
    cases.push({ py: `np.nanpercentile(${rec.py}, 90, method='lower')`, js: () => nr.nanpercentile(rec.arr, 90, { method: 'lower' }) });
    cases.push({ py: `np.nanquantile(${u.py}[0, 0], 0.9, axis=0)`, js: () => nr.nanquantile(u.arr.index('0, 0'), 0.9, { axis: 0 }) });
    cases.push({ py: `np.nanmedian(${u.py}[0, 0], axis=0)`, js: () => nr.nanmedian(u.arr.index('0, 0'), { axis: 0 }) });
    check(cases);
  });
});

test("nancumsum/nancumprod name themselves in an unknown keyword's TypeError (NumPy's message)", () => {
  const a = asarrayForNan([1, 2]);
  expect(() => nr.nancumsum(a, { bogus: 1 } as never)).toThrow("nancumsum() got an unexpected keyword argument 'bogus'");
  expect(() => nr.nancumprod(a, { bogus: 1 } as never)).toThrow("nancumprod() got an unexpected keyword argument 'bogus'");
});

describeWithNumpy('nanmedian: +0 for an odd lane of -0, a complex NaN lane is its last item (fuzz pass 6)', () => {
  test("NumPy's mean of the middle item and _nanmedian1d's arr1d[-1]", () => {
    // Fuzz seeds 1072084/1079727 (-0 gave -0, NumPy's mean of one item is +0), 1073140/1066464
    // (a lone complex NaN such as 7+nanj: NumPy returns the item itself).
    const z = shared([-0, 1, -0, NaN, -0], '<f8', [5]);
    const c = shared([7, NaN, NaN, 100, 1, 2], '<f8', [6]);
    const cz = { arr: c.arr.view('<c16'), py: `${c.py}.view('<c16')` };
    const cases: Case[] = [
      { py: `np.nanmedian(${z.py}[[0]])`, js: () => nr.nanmedian(z.arr.index('0:1')) },
      { py: `np.nanmedian(${z.py}[[0, 2, 4]])`, js: () => nr.nanmedian(z.arr.index('::2')) },
      { py: `np.nanmedian(${z.py}.reshape(5, 1), axis=1)`, js: () => nr.nanmedian(z.arr.reshape([5, 1]), { axis: 1 }) },
      { py: `np.nanmedian(${z.py}[::2].astype('<c16'))`, js: () => nr.nanmedian(z.arr.index('::2').astype('<c16')) },
      { py: `np.nanmedian(${cz.py}[0])`, js: () => nr.nanmedian(cz.arr.index('0')) },
      { py: `np.nanmedian(${cz.py}[1], keepdims=True)`, js: () => nr.nanmedian(cz.arr.index('1'), { keepdims: true }) },
      { py: `np.nanmedian(${cz.py}[:2])`, js: () => nr.nanmedian(cz.arr.index(':2')) },
    ];
    // Fuzz seeds 3004194/3013282: an odd complex lane's middle item is NumPy's mean of it,
    // (x + 0) / (1 + 0j), so inf + 0j is inf + nanj and -inf + 1j is -inf + nanj.
    const inf = shared([Infinity, 0, -Infinity, 1, NaN, 2, 1, 1, Infinity, NaN], '<f8', [10]);
    const ci = { arr: inf.arr.view('<c16'), py: `${inf.py}.view('<c16')` };
    cases.push(
      { py: `np.nanmedian(${ci.py}[0])`, js: () => nr.nanmedian(ci.arr.index('0')) },
      { py: `np.nanmedian(${ci.py}[1:2])`, js: () => nr.nanmedian(ci.arr.index('1:2')) },
      { py: `np.nanmedian(${ci.py}[0:4:3])`, js: () => nr.nanmedian(ci.arr.index('0:4:3')) },
      { py: `np.nanmedian(${ci.py}.astype('>c8'))`, js: () => nr.nanmedian(ci.arr.astype('>c8')) },
    );
    check(cases);
  });
});

describeWithNumpy("nancumsum/nancumprod of a broadcast view: the result follows NumPy's copy (PyArray_NewLikeArray 'K': the broadcast axis innermost; fuzz seed 6003540)", () => {
  test('every axis, float and complex', () => {
    const views: ViewSpec[] = [{ shape: [3, 4], to: [2, 3, 4] }, { shape: [3, 1, 4], to: [3, 2, 4] }, { shape: [4, 3], perm: [1, 0], index: ':, None, :', to: [3, 2, 4] }, { shape: [2, 3] }];
    const cases: LayoutCase[] = [];
    for (const v of views) {
      for (const axis of [null, 0, 1, 2]) {
        for (const dt of ['<f8', '<c16', '<i4']) {
          cases.push({ py: `np.nancumsum(${pyView(v)}.astype('${dt}'), axis=${axis === null ? 'None' : axis})`, js: () => nr.nancumsum(jsView(v).astype(dt), axis) });
          cases.push({ py: `np.nancumprod(${pyView(v)}.astype('${dt}'), axis=${axis === null ? 'None' : axis})`, js: () => nr.nancumprod(jsView(v).astype(dt), axis) });
        }
      }
    }
    expectLayoutsLikeNumpy(cases);
  });
});

describeWithNumpy("nan reductions of an empty view with F-like strides: the result of NumPy's C-ordered copy (fuzz seed 9252026)", () => {
  test('nansum/nanprod of every axis, float and complex, with and without a mask', () => {
    const cases: LayoutCase[] = [];
    for (const axis of [0, 1, 2]) {
      for (const dt of ['<f8', '>c8']) {
        const py = `np.lib.stride_tricks.as_strided(np.zeros(10, '${dt}'), (2, 0, 3), (8, 16, 16))`;
        const js = (): NdArray => asStrided(zeros([10], dt as never), [2, 0, 3], [8, 16, 16]);
        const w = "np.zeros((2, 0, 3), bool)";
        cases.push({ py: `np.nansum(${py}, axis=${axis})`, js: () => nr.nansum(js(), axis) });
        cases.push({ py: `np.nanprod(${py}, axis=${axis})`, js: () => nr.nanprod(js(), axis) });
        cases.push({ py: `np.nansum(${py}, axis=${axis}, where=${w})`, js: () => nr.nansum(js(), axis, { where: zeros([2, 0, 3], '|b1') }) });
      }
    }
    expectLayoutsLikeNumpy(cases);
  });
});

test("nanmin/nanmax with a where mask and no initial: a bad axis is NumPy's AxisError first, then fmin's missing identity", () => {
  const a = asarrayForNan([1.5, 2, 3]);
  const where = asarrayForNan([true, false, false]);
  for (const f of [nr.nanmin, nr.nanmax]) {
    expect(() => f(a, 1, { where })).toThrow(AxisError);
    expect(() => f(a, 1, { where })).toThrow('axis 1 is out of bounds for array of dimension 1');
    expect(() => f(a, 0, { where })).toThrow(/does not have an identity, so to use a where mask one has to specify 'initial'/);
  }
});

describe('nanmean, nanvar and nanstd refuse an out that is not an array by name', () => {
  test("a number as out is reduce's TypeError (was V8's 'reading kind' of undefined)", () => {
    const a = mm.arange(6, '<f8').reshape([2, 3]);
    const fs: ((x: mm.NdArray, o: object) => mm.NdArray)[] = [mm.nanmean, mm.nanvar, mm.nanstd];
    for (const f of fs) expect(() => f(a, { out: 5 as never })).toThrow(new TypeError('output must be an array, got 5'));
  });
});

describeWithNumpy('nanmedian lays its result out as NumPy (fuzz seed 12151898)', () => {
  test("along one axis shorter than 600: the input's other axes in memory order (NumPy's masked-array path), ints too; longer: C order", () => {
    const f = "np.asfortranarray(np.arange(60, dtype='f8').reshape(3, 4, 5))";
    const jf = (): NdArray => mm.asfortranarray(mm.arange(60).astype('f8').reshape(3, 4, 5));
    const t = "np.arange(60, dtype='i4').reshape(3, 4, 5).transpose(2, 0, 1)";
    const jt = (): NdArray => mm.arange(60, 'i4').reshape(3, 4, 5).transpose(2, 0, 1);
    const big = "np.asfortranarray(np.arange(4200, dtype='f8').reshape(3, 700, 2))";
    const jbig = (): NdArray => mm.asfortranarray(mm.arange(4200).astype('f8').reshape(3, 700, 2));
    const bc = (dt: string): [string, () => NdArray] => [`np.broadcast_to(np.arange(5, dtype='${dt}').reshape(1, 5), (2, 2, 5))`, () => mm.broadcastTo(mm.arange(5, dt).reshape(1, 5), [2, 2, 5])];
    const cases: Case[] = [];
    for (const [py, js] of [[f, jf], [t, jt], [big, jbig], bc('i1'), bc('f8'), bc('f4')] as [string, () => NdArray][]) {
      cases.push({ py: `np.nanmedian(${py}, axis=1)`, js: () => mm.nanmedian(js(), { axis: 1 }) });
      cases.push({ py: `np.nanmedian(${py}, axis=1, keepdims=True)`, js: () => mm.nanmedian(js(), { axis: 1, keepdims: true }) });
      cases.push({ py: `np.nanmedian(${py}, axis=[-2])`, js: () => mm.nanmedian(js(), { axis: [-2] }) });
      cases.push({ py: `np.nanmedian(${py}, axis=(0, 2))`, js: () => mm.nanmedian(js(), { axis: [0, 2] }) });
    }
    check(cases);
    // The layouts: strides of the axes longer than 1 (check() compares values, not strides).
    const want = runNumpy<number[][]>(`print(json.dumps([[s for s, n in zip(r.strides, r.shape) if n > 1] for r in [${cases.map((c) => c.py).join(', ')}]]))`);
    const got = cases.map((c) => {
      const r = c.js() as NdArray;
      return r.strides.filter((_, i) => r.shape[i] > 1);
    });
    expect(got).toEqual(want);
  });
});

describeWithNumpy('nanmin/nanmax of a zero result along an axis with a kept axis innermost', () => {
  // One call of NumPy's fmax/fmin loop over the kept axis per reduced step:
  // its whole vectors keep the later zero of a tie, its scalar steps after
  // them either zero by position (README, nan functions).
  test("the zero NumPy's vector lanes and scalar steps keep: contiguous, strided and merged kept axes", () => {
    const cases: Case[] = [];
    for (const dt of ['<f8', '<f4']) {
      for (const n of [2, 3, 5, 8, 12, 17, 20, 23]) {
        // Rows -0, then -1, then +0 (and the reverse): each result is a zero.
        for (const rows of [[-0, -1, 0], [0, NaN, -0], [-1, -0, 0]]) {
          const d = shared(rows.flatMap((v) => new Array<number>(2 * n).fill(v)), dt, [rows.length, 2 * n]);
          for (const fn of ['nanmax', 'nanmin'] as const) {
            cases.push({ py: `np.${fn}(${d.py}, axis=0)`, js: () => nr[fn](d.arr, 0) });
            cases.push({ py: `np.${fn}(${d.py}[:, ::2], axis=0)`, js: () => nr[fn](d.arr.index(':, ::2'), 0) });
            cases.push({ py: `np.${fn}(${d.py}.reshape(${rows.length}, 2, ${n}).transpose(2, 1, 0), axis=2)`, js: () => nr[fn](d.arr.reshape(rows.length, 2, n).transpose(2, 1, 0), 2) });
          }
        }
      }
    }
    check(cases);
  });

  test('with NaNs, the native fold gives the JS fold\'s bytes over layouts, axes, initial and keepdims', () => {
    const r = seeded(4101);
    const pool = [0, -0, 1.5, -2, NaN, Infinity, -Infinity];
    const vals = Array.from({ length: 6 * 40 * 9 }, () => pool[Math.floor(r() * pool.length)]);
    for (const dt of ['<f8', '<f4']) {
      const base = shared(vals, dt, [6, 40, 9]).arr;
      const views = [base, base.transpose(2, 0, 1), base.index('::2, :, ::-1'), base.reshape(240, 9)];
      for (const a of views) {
        for (const axis of [null, 0, 1, -1, [0, a.ndim - 1]]) {
          for (const o of [{}, { keepdims: true }, { initial: -0.5 }, { initial: 0 }]) {
            for (const fn of ['nanmax', 'nanmin'] as const) {
              const got = nr[fn](a, axis as never, o);
              const want = jsPath(() => nr[fn](a, axis as never, o));
              expect([fn, dt, axis, o, got.shape, hexOf(got)]).toEqual([fn, dt, axis, o, want.shape, hexOf(want)]);
            }
          }
        }
      }
    }
  });
});

describeWithNumpy('nanmin/nanmax of every axis by the reduction kernel (native/kernels.cc kNanMin/kNanMax)', () => {
  // 300k items: units of 1 MiB, the first ones NaN only (the kernel skips
  // them), NaNs scattered after; values exact in float32 too.
  const n = 300000;
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = i < 150000 || i % 97 === 0 ? NaN : ((i * 7919) % 10007) - 5003.25;
  const PY = `(lambda i: np.where((i < 150000) | (i % 97 == 0), np.nan, ((i * 7919) % 10007) - 5003.25))(np.arange(${n}))`;
  const base = mm.fromBuffer(vals.buffer, '<f8');
  test('float64/float32, either byte order, reversed, strided, transposed, keepdims: the value, dtype and shape', () => {
    const cases: Case[] = [];
    for (const dt of ['<f8', '<f4', '>f8', '>f4']) {
      const views: [string, (a: NdArray) => NdArray][] = [
        ['', (a) => a],
        ['[::-1]', (a) => a.index('::-1')],
        ['[1::3]', (a) => a.index('1::3')],
        ['.reshape(600, 500).T', (a) => a.reshape(600, 500).T],
        ['.reshape(600, 500)[::2, 7:]', (a) => a.reshape(600, 500).index('::2, 7:')],
      ];
      for (const [pv, jv] of views) {
        for (const fn of ['nanmax', 'nanmin'] as const) {
          cases.push({ py: `np.${fn}(${PY}.astype('${dt}')${pv})`, js: () => nr[fn](jv(base.astype(dt))) });
          cases.push({ py: `np.${fn}(${PY}.astype('${dt}')${pv}, keepdims=True)`, js: () => nr[fn](jv(base.astype(dt)), null, { keepdims: true }) });
        }
      }
    }
    check(cases);
  });

  test('NaN only (its payload and shape from the fold), one sign of zero, both zeros (NumPy\'s tie)', () => {
    const cases: Case[] = [];
    const sets: [string, (i: number) => number][] = [
      ['np.full(1000, np.nan)', () => NaN],
      ['np.where(np.arange(1000) % 3 == 0, np.nan, -np.abs(np.arange(1000) % 5 - 0.0) - 0.0)', (i) => (i % 3 === 0 ? NaN : -Math.abs(i % 5) - 0)],
      ['np.where(np.arange(1000) % 3 == 0, np.nan, np.abs(np.arange(1000) % 5 * 1.0))', (i) => (i % 3 === 0 ? NaN : Math.abs(i % 5))],
      ['np.where(np.arange(1000) % 7 == 0, 0.0, np.where(np.arange(1000) % 3 == 0, np.nan, -np.abs(np.arange(1000) % 5 - 0.0) - 0.0))', (i) => (i % 7 === 0 ? 0 : i % 3 === 0 ? NaN : -Math.abs(i % 5) - 0)],
    ];
    for (const [py, f] of sets) {
      const a = mm.fromBuffer(Float64Array.from({ length: 1000 }, (_, i) => f(i)).buffer, '<f8');
      for (const dt of ['<f8', '<f4']) {
        for (const fn of ['nanmax', 'nanmin'] as const) {
          cases.push({ py: `np.${fn}((${py}).astype('${dt}'))`, js: () => nr[fn](a.astype(dt)) });
          cases.push({ py: `np.${fn}((${py}).astype('${dt}')[::-2])`, js: () => nr[fn](a.astype(dt).index('::-2')) });
        }
      }
    }
    check(cases);
  });

  test('the kernel gives the JS fold\'s bytes', () => {
    for (const dt of ['<f8', '<f4', '>f8']) {
      for (const a of [base.astype(dt), base.astype(dt).index('::-7'), base.astype(dt).reshape(600, 500).T]) {
        for (const fn of ['nanmax', 'nanmin'] as const) expect(hexOf(nr[fn](a))).toBe(hexOf(jsPath(() => nr[fn](a))));
      }
    }
  });
});
