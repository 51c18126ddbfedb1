// NumPy's own numpy/lib/tests/test_nanfunctions.py (NumPy 2.4): classes
// TestNanFunctions_MinMax, _ArgminArgmax, _NumberTypes, _SumProd, _CumSumProd,
// _MeanVarStd (with SharedNanFunctionsTestsMixin), _Median and _Quantile,
// ported test by test: same names, same intent, the same values, shapes,
// dtypes and errors. (test_nanfunctions.test.ts holds an older condensed port;
// test_nanfunctions-percentile.test.ts is TestNanFunctions_Percentile.)
//
// Mapping: np.nanmin(a, axis=1, out=o, initial=, where=) -> nanmin(a, 1, { out: o,
// initial, where }) (the same for every nan function and its plain twin: np.min ->
// min, np.var -> variance ...); a Python float argument (f(0.)) -> a 0-d float64
// array; np.typecodes['AllFloat'] -> 'efdFD' (no long double 'g'/'G' here),
// ['AllInteger'] -> 'bBhHiIlLqQ' (no 'n'/'N'/'p'/'P' aliases); np.intp -> int64;
// ar[:5] = nan -> ar.set(':5', NaN); np.random -> the suite's seeded generator.
// `res.dtype.type is tgt` -> the two dtypes' `str` equal.
//
// NumPy's RuntimeWarnings (all-NaN slice, mean of empty slice, degrees of
// freedom) are not raised here (README 'Where JavaScript differs'): the values
// those tests check are ported, the warning counts are not.
//
// Skipped (not counted as passing):
// - the subclass tests (test_subclass of each class, the MyNDArray halves of
//   test_initial/test_where), test_masked (np.ma), test_object_array and the 'O'
//   parametrizations (no object dtype), the 'm8' ones of Median.test_allnans
//   (no timedelta64);
// - TestSignatureMatch (Python's inspect.signature), test__nan_mask and
//   test__replace_nan (NumPy's private helpers);
// - TestNanFunctions_Quantile.test_regression's weighted half (no `weights` here).
import {
  argmax, argmin, AxisError, compress, cumprod, cumsum, dtype, empty, equal, eye, full, greater, insert, isnan, less,
  logicalNot, max, mean, median, memmap, min, nanargmax, nanargmin, nancumprod, nancumsum, nanmax, nanmean, nanmedian, nanmin,
  nanpercentile, nanprod, nanquantile, nanstd, nansum, nanvar, NdArray, ones, onesLike, percentile, prod, quantile, std, sum,
  ValueError, variance, zeros, all, any, absolute, arange,
} from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAllclose, assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { hexOf } from '../helpers/np-compare';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('mmarray-np-nanfunctions-');

type Fn = (a: NdArray, axis?: unknown, options?: unknown) => NdArray;
const F = (f: unknown): Fn => f as Fn;

const NDAT = [
  [0.6244, NaN, 0.2692, 0.0116, NaN, 0.117],
  [0.5351, -0.9403, NaN, 0.21, 0.4759, 0.2833],
  [NaN, NaN, NaN, 0.1042, NaN, -0.5954],
  [0.161, NaN, NaN, 0.1859, 0.3146, NaN],
];
const RDAT = [
  [0.6244, 0.2692, 0.0116, 0.117],
  [0.5351, -0.9403, 0.21, 0.4759, 0.2833],
  [0.1042, -0.5954],
  [0.161, 0.1859, 0.3146],
];
const NDAT_ONES = NDAT.map((r) => r.map((x) => (Number.isNaN(x) ? 1 : x)));
const NDAT_ZEROS = NDAT.map((r) => r.map((x) => (Number.isNaN(x) ? 0 : x)));
const ndat = (): NdArray => arr(NDAT, 'f8');

const ALL_FLOAT = ['e', 'f', 'd', 'F', 'D'];
const ALL_INTEGER = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q'];
const str = (c: string): string => dtype(c).str;
/** np.array(nan) and np.full((3, 3), nan), as test_allnans parametrizes them. */
const ALLNAN_ARRAYS: [string, () => NdArray][] = [['0d', () => arr(NaN, 'f8')], ['2d', () => full([3, 3], NaN, 'f8')]];
/** test_allnans' (array, axis) pairs: axis != None is skipped for 0-d. */
function allnanCases(): [string, NdArray, number | null][] {
  const out: [string, NdArray, number | null][] = [];
  for (const [id, mk] of ALLNAN_ARRAYS) for (const axis of [null, 0, 1]) if (!(axis !== null && id === '0d')) out.push([id, mk(), axis]);
  return out;
}

/** d = ones((3, 5, 7, 11)) with about `share` of its items set to NaN (the tests' rs.rand(*d.shape) < 0.5). */
function onesWithNans(seed: number, share = 0.5): NdArray {
  const r = rng(seed);
  const d = ones([3, 5, 7, 11]);
  const flat = d.reshape(-1);
  for (let i = 0; i < flat.size; i++) if (r() < share) flat.set([i], NaN);
  return d;
}

/** SharedNanFunctionsTestsMixin, for a class's nan functions and their plain twins. */
function sharedMixin(nanfuncs: Fn[], stdfuncs: Fn[], opts: { skipKeepdims?: boolean; skipOut?: boolean; skipResultValues?: boolean } = {}): void {
  test('test_mutation', () => {
    const n = ndat();
    for (const f of nanfuncs) {
      f(n);
      assertEqual(n, NDAT);
    }
  });

  if (!opts.skipKeepdims) {
    test('test_keepdims', () => {
      const mat = eye(3);
      nanfuncs.forEach((nf, i) => {
        for (const axis of [null, 0, 1]) {
          const tgt = stdfuncs[i](mat, axis, { keepdims: true });
          const res = nf(mat, axis, { keepdims: true });
          expect(res.ndim).toBe(tgt.ndim);
        }
      });
    });
  }

  if (!opts.skipOut) {
    test('test_out', () => {
      const mat = eye(3);
      nanfuncs.forEach((nf, i) => {
        const resout = zeros(3);
        const tgt = stdfuncs[i](mat, 1);
        const res = nf(mat, 1, { out: resout });
        assertAlmostEqual(res, resout);
        assertAlmostEqual(res, tgt);
      });
    });
  }

  test('test_dtype_from_dtype', () => {
    const mat = eye(3);
    nanfuncs.forEach((nf, i) => {
      for (const c of ALL_FLOAT) {
        let tgt = stdfuncs[i](mat, 1, { dtype: dtype(c) }).dtype.str;
        let res = nf(mat, 1, { dtype: dtype(c) }).dtype.str;
        expect(res).toBe(tgt);
        // scalar case
        tgt = stdfuncs[i](mat, null, { dtype: dtype(c) }).dtype.str;
        res = nf(mat, null, { dtype: dtype(c) }).dtype.str;
        expect(res).toBe(tgt);
      }
    });
  });

  test('test_dtype_from_char', () => {
    const mat = eye(3);
    nanfuncs.forEach((nf, i) => {
      for (const c of ALL_FLOAT) {
        let tgt = stdfuncs[i](mat, 1, { dtype: c }).dtype.str;
        let res = nf(mat, 1, { dtype: c }).dtype.str;
        expect(res).toBe(tgt);
        tgt = stdfuncs[i](mat, null, { dtype: c }).dtype.str;
        res = nf(mat, null, { dtype: c }).dtype.str;
        expect(res).toBe(tgt);
      }
    });
  });

  test('test_dtype_from_input', () => {
    nanfuncs.forEach((nf, i) => {
      for (const c of ALL_FLOAT) {
        const mat = eye(3, null, 0, c);
        expect(nf(mat, 1).dtype.str).toBe(stdfuncs[i](mat, 1).dtype.str);
        expect(nf(mat, null).dtype.str).toBe(stdfuncs[i](mat, null).dtype.str);
      }
    });
  });

  if (!opts.skipResultValues) {
    test('test_result_values', () => {
      nanfuncs.forEach((nf, i) => {
        const tgt = RDAT.map((d) => vals(stdfuncs[i](arr(d, 'f8'))));
        const res = nf(ndat(), 1);
        assertAlmostEqual(res, tgt);
      });
    });
  }

  test('test_scalar', () => {
    for (const f of nanfuncs) expect(all(equal(f(arr(0, 'f8')), 0)).get()).toBe(true);
  });
}

describe('TestNanFunctions_MinMax', () => {
  const nanfuncs = [F(nanmin), F(nanmax)];
  const stdfuncs = [F(min), F(max)];

  test('test_mutation', () => {
    const n = ndat();
    for (const f of nanfuncs) {
      f(n);
      assertEqual(n, NDAT);
    }
  });

  test('test_keepdims', () => {
    const mat = eye(3);
    nanfuncs.forEach((nf, i) => {
      for (const axis of [null, 0, 1]) {
        const tgt = stdfuncs[i](mat, axis, { keepdims: true });
        const res = nf(mat, axis, { keepdims: true });
        expect(res.ndim).toBe(tgt.ndim);
      }
    });
  });

  test('test_out', () => {
    const mat = eye(3);
    nanfuncs.forEach((nf, i) => {
      const resout = zeros(3);
      const tgt = stdfuncs[i](mat, 1);
      const res = nf(mat, 1, { out: resout });
      assertAlmostEqual(res, resout);
      assertAlmostEqual(res, tgt);
    });
  });

  test('test_dtype_from_input', () => {
    nanfuncs.forEach((nf, i) => {
      for (const c of ALL_FLOAT) {
        const mat = eye(3, null, 0, c);
        expect(nf(mat, 1).dtype.str).toBe(stdfuncs[i](mat, 1).dtype.str);
        expect(nf(mat, null).dtype.str).toBe(stdfuncs[i](mat, null).dtype.str);
      }
    });
  });

  test('test_result_values', () => {
    nanfuncs.forEach((nf, i) => {
      const tgt = RDAT.map((d) => vals(stdfuncs[i](arr(d, 'f8'))));
      assertAlmostEqual(nf(ndat(), 1), tgt);
    });
  });

  test.each(ALL_FLOAT)('test_allnans[%s]', (c) => {
    for (const [, array0, axis] of allnanCases()) {
      const array = array0.astype(c);
      for (const func of nanfuncs) {
        const out = func(array, axis);
        expect(all(isnan(out)).get()).toBe(true);
        expect(out.dtype.str).toBe(array.dtype.str);
      }
    }
  });

  test('test_scalar', () => {
    for (const f of nanfuncs) assertEqual(f(arr(0, 'f8')), 0);
  });

  test.each(ALL_FLOAT)('test_initial[%s]', (c) => {
    const ar = arange(9).astype(c);
    ar.set(':5', NaN);
    for (const f of nanfuncs) {
      const initial = f === nanfuncs[1] ? 100 : 0;
      const ret1 = f(ar, { initial });
      expect(ret1.dtype.str).toBe(str(c));
      assertEqual(ret1, initial);
    }
  });

  test.each(ALL_FLOAT)('test_where[%s]', (c) => {
    const ar = arange(9).reshape(3, 3).astype(c);
    ar.set('0, :', NaN);
    const where = onesLike(ar, { dtype: '?' });
    where.set(':, 0', false);
    for (const f of nanfuncs) {
      const reference = f === nanfuncs[0] ? 4 : 8;
      const ret1 = f(ar, { where, initial: 5 });
      expect(ret1.dtype.str).toBe(str(c));
      assertEqual(ret1, reference);
    }
  });
});

describe('TestNanFunctions_ArgminArgmax', () => {
  const nanfuncs = [F(nanargmin), F(nanargmax)];

  test('test_mutation', () => {
    const n = ndat();
    for (const f of nanfuncs) {
      f(n);
      assertEqual(n, NDAT);
    }
  });

  test('test_result_values', () => {
    const fcmps = [greater, less];
    nanfuncs.forEach((f, i) => {
      const d = ndat();
      for (let r = 0; r < d.shape[0]; r++) {
        const row = d.index(String(r));
        const ind = Number(f(row).get());
        const val = row.get(ind) as number;
        expect(Number.isNaN(val)).toBe(false);
        expect(any(fcmps[i](val, row)).get()).toBe(false);
        expect(any(equal(val, row.index(`:${ind}`))).get()).toBe(false);
      }
    });
  });

  test.each(ALL_FLOAT)('test_allnans[%s]', (c) => {
    for (const [, array0, axis] of allnanCases()) {
      const array = array0.astype(c);
      for (const func of nanfuncs) expect(() => func(array, axis)).toThrow(new ValueError('All-NaN slice encountered'));
    }
  });

  test('test_empty', () => {
    const mat = zeros([0, 3]);
    for (const f of nanfuncs) {
      for (const axis of [0, null]) {
        let err: unknown;
        try {
          f(mat, axis);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(ValueError);
        expect((err as Error).message).toMatch(/attempt to get argm.. of an empty sequence/);
      }
      assertEqual(f(mat, 1), vals(zeros(0)));
      expect(f(mat, 1).shape).toEqual([0]);
    }
  });

  test('test_scalar', () => {
    for (const f of nanfuncs) assertEqual(f(arr(0, 'f8')), 0);
  });

  test.each(ALL_FLOAT)('test_keepdims[%s]', (c) => {
    const ar = arange(9).astype(c);
    ar.set(':5', NaN);
    for (const f of nanfuncs) {
      const reference = f === nanfuncs[0] ? 5 : 8;
      const ret = f(ar, { keepdims: true });
      expect(ret.ndim).toBe(ar.ndim);
      assertEqual(ret, reference);
    }
  });

  test.each(ALL_FLOAT)('test_out[%s]', (c) => {
    const ar = arange(9).astype(c);
    ar.set(':5', NaN);
    for (const f of nanfuncs) {
      const out = zeros([], '<i8');
      const reference = f === nanfuncs[0] ? 5 : 8;
      const ret = f(ar, { out });
      expect(ret).toBe(out);
      assertEqual(ret, reference);
    }
  });
});

describe('TestNanFunctions_NumberTypes', () => {
  const TEST_ARRAYS: [string, () => NdArray][] = [
    ['0d', () => arr(5, 'i8')],
    ['1d', () => arr([127, 39, 93, 87, 46], 'i8')],
  ];
  const nanfuncs: [string, Fn, Fn][] = [
    ['nanmin', F(nanmin), F(min)],
    ['nanmax', F(nanmax), F(max)],
    ['nanargmin', F(nanargmin), F(argmin)],
    ['nanargmax', F(nanargmax), F(argmax)],
    ['nansum', F(nansum), F(sum)],
    ['nanprod', F(nanprod), F(prod)],
    ['nancumsum', F(nancumsum), F(cumsum)],
    ['nancumprod', F(nancumprod), F(cumprod)],
    ['nanmean', F(nanmean), F(mean)],
    ['nanmedian', F(nanmedian), F(median)],
    ['nanvar', F(nanvar), F(variance)],
    ['nanstd', F(nanstd), F(std)],
  ];
  const DTYPES = [...ALL_INTEGER, ...ALL_FLOAT];
  const matOf = (mk: () => NdArray, c: string): NdArray => {
    const m = mk();
    m.flags.writeable = false;
    return m.astype(c);
  };

  for (const [id, mk] of TEST_ARRAYS) {
    test.each(DTYPES)(`test_nanfunc[${id}-%s]`, (c) => {
      for (const [, nanfunc, func] of nanfuncs) {
        const mat = matOf(mk, c);
        const tgt = func(mat);
        const out = nanfunc(mat);
        assertAlmostEqual(out, tgt);
        expect(out.dtype.str).toBe(tgt.dtype.str);
      }
    });

    test.each(DTYPES)(`test_nanfunc_q[${id}-%s]`, (c) => {
      const pairs: [Fn, Fn][] = [[F(nanquantile), F(quantile)], [F(nanpercentile), F(percentile)]];
      for (const [nanfunc, func] of pairs) {
        const mat = matOf(mk, c);
        if (mat.dtype.kind === 'c') {
          expect(() => func(mat, 1)).toThrow(TypeError);
          expect(() => nanfunc(mat, 1)).toThrow(TypeError);
        } else {
          const tgt = func(mat, 1);
          const out = nanfunc(mat, 1);
          assertAlmostEqual(out, tgt);
          expect(out.dtype.str).toBe(tgt.dtype.str);
        }
      }
    });

    test.each(DTYPES)(`test_nanfunc_ddof[${id}-%s]`, (c) => {
      for (const [nanfunc, func] of [[F(nanvar), F(variance)], [F(nanstd), F(std)]]) {
        const mat = matOf(mk, c);
        const tgt = func(mat, { ddof: 0.5 });
        const out = nanfunc(mat, { ddof: 0.5 });
        assertAlmostEqual(out, tgt);
        expect(out.dtype.str).toBe(tgt.dtype.str);
      }
    });

    test.each(DTYPES)(`test_nanfunc_correction[${id}-%s]`, (c) => {
      for (const nanfunc of [F(nanvar), F(nanstd)]) {
        const mat = matOf(mk, c);
        assertAlmostEqual(nanfunc(mat, { correction: 0.5 }), nanfunc(mat, { ddof: 0.5 }));
        const msg = "ddof and correction can't be provided simultaneously.";
        expect(() => nanfunc(mat, { ddof: 0.5, correction: 0.5 })).toThrow(new ValueError(msg));
        expect(() => nanfunc(mat, { ddof: 1, correction: 0 })).toThrow(new ValueError(msg));
      }
    });
  }
});

// The same calls as test_nanfunc, each checked against NumPy's value and dtype at run time
// (the ported test compares with this library's plain functions).
describeWithNumpy('TestNanFunctions_NumberTypes against NumPy', () => {
  test('test_nanfunc values and dtypes equal NumPy', () => {
    const names = ['nanmin', 'nanmax', 'nanargmin', 'nanargmax', 'nansum', 'nanprod', 'nancumsum', 'nancumprod', 'nanmean', 'nanmedian', 'nanvar', 'nanstd'];
    const fns: Record<string, Fn> = { nanmin: F(nanmin), nanmax: F(nanmax), nanargmin: F(nanargmin), nanargmax: F(nanargmax), nansum: F(nansum), nanprod: F(nanprod), nancumsum: F(nancumsum), nancumprod: F(nancumprod), nanmean: F(nanmean), nanmedian: F(nanmedian), nanvar: F(nanvar), nanstd: F(nanstd) };
    const mats: [string, unknown][] = [['0d', 5], ['1d', [127, 39, 93, 87, 46]]];
    const dts = [...ALL_INTEGER, ...ALL_FLOAT];
    const want = runNumpy<Record<string, { v: string; dt: string }>>(`
out = {}
with np.errstate(all='ignore'):
    for mid, m in ${JSON.stringify(mats)}:
        for c in ${JSON.stringify(dts)}:
            mat = np.array(m).astype(c)
            for n in ${JSON.stringify(names)}:
                r = np.asarray(getattr(np, n)(mat))
                out[f'{mid}-{c}-{n}'] = {'v': r.tobytes().hex(), 'dt': r.dtype.str}
print(json.dumps(out))
`);
    const bad: string[] = [];
    for (const [mid, m] of mats) {
      for (const c of dts) {
        for (const n of names) {
          const r = fns[n](arr(m, 'i8').astype(c));
          const w = want[`${mid}-${c}-${n}`];
          const got = hexOf(r);
          if (r.dtype.str !== w.dt || got !== w.v) bad.push(`${mid}-${c}-${n}: ${r.dtype.str} ${got} != ${w.dt} ${w.v}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('TestNanFunctions_SumProd', () => {
  const nanfuncs = [F(nansum), F(nanprod)];
  sharedMixin(nanfuncs, [F(sum), F(prod)]);

  test.each(ALL_FLOAT)('test_allnans[%s]', (c) => {
    for (const [, array0, axis] of allnanCases()) {
      const array = array0.astype(c);
      nanfuncs.forEach((func, i) => {
        const out = func(array, axis);
        expect(all(equal(out, [0, 1][i])).get()).toBe(true);
        expect(out.dtype.str).toBe(array.dtype.str);
      });
    }
  });

  test('test_empty', () => {
    nanfuncs.forEach((f, i) => {
      const tgtValue = [0, 1][i];
      const mat = zeros([0, 3]);
      assertEqual(f(mat, 0), [tgtValue, tgtValue, tgtValue]);
      const r1 = f(mat, 1);
      expect(r1.shape).toEqual([0]);
      assertEqual(r1, []);
      assertEqual(f(mat, null), tgtValue);
    });
  });

  test.each(ALL_FLOAT)('test_initial[%s]', (c) => {
    const ar = arange(9).astype(c);
    ar.set(':5', NaN);
    nanfuncs.forEach((f, i) => {
      const reference = [28, 3360][i];
      const ret = f(ar, { initial: 2 });
      expect(ret.dtype.str).toBe(str(c));
      assertEqual(ret, reference);
    });
  });

  test.each(ALL_FLOAT)('test_where[%s]', (c) => {
    const ar = arange(9).reshape(3, 3).astype(c);
    ar.set('0, :', NaN);
    const where = onesLike(ar, { dtype: '?' });
    where.set(':, 0', false);
    nanfuncs.forEach((f, i) => {
      const reference = [26, 2240][i];
      const ret = f(ar, { where, initial: 2 });
      expect(ret.dtype.str).toBe(str(c));
      assertEqual(ret, reference);
    });
  });
});

describe('TestNanFunctions_CumSumProd', () => {
  const nanfuncs = [F(nancumsum), F(nancumprod)];
  const stdfuncs = [F(cumsum), F(cumprod)];
  sharedMixin(nanfuncs, stdfuncs, { skipKeepdims: true, skipOut: true, skipResultValues: true });

  test.each(ALL_FLOAT)('test_allnans[%s]', (c) => {
    for (const [, array0] of allnanCases()) {
      const array = array0.astype(c);
      nanfuncs.forEach((func, i) => {
        const out = func(array);
        expect(all(equal(out, [0, 1][i])).get()).toBe(true);
        expect(out.dtype.str).toBe(array.dtype.str);
      });
    }
  });

  test('test_empty', () => {
    nanfuncs.forEach((f, i) => {
      const tgtValue = [0, 1][i];
      const mat = zeros([0, 3]);
      const r0 = f(mat, 0);
      expect(r0.shape).toEqual([0, 3]);
      assertEqual(r0, vals(ones([0, 3]).multiply(tgtValue)));
      const r1 = f(mat, 1);
      expect(r1.shape).toEqual([0, 3]);
      const rn = f(mat, null);
      expect(rn.shape).toEqual([0]);
    });
  });

  test('test_keepdims', () => {
    nanfuncs.forEach((f, i) => {
      const mat = eye(3);
      for (const axis of [null, 0, 1]) {
        const tgt = f(mat, axis, { out: null });
        const res = stdfuncs[i](mat, axis, { out: null });
        expect(res.ndim).toBe(tgt.ndim);
      }
    });
    nanfuncs.forEach((f, i) => {
      const d = onesWithNans(i);
      expect(f(d, null).shape).toEqual([1155]);
      for (let axis = 0; axis < 4; axis++) expect(f(d, axis).shape).toEqual([3, 5, 7, 11]);
    });
  });

  test('test_result_values', () => {
    for (const axis of [-2, -1, 0, 1, null]) {
      assertAlmostEqual(nancumprod(ndat(), axis), cumprod(arr(NDAT_ONES, 'f8'), axis));
      assertAlmostEqual(nancumsum(ndat(), axis), cumsum(arr(NDAT_ZEROS, 'f8'), axis));
    }
  });

  test('test_out', () => {
    const mat = eye(3);
    nanfuncs.forEach((nf, i) => {
      const resout = eye(3);
      for (const axis of [-2, -1, 0, 1]) {
        const tgt = stdfuncs[i](mat, axis);
        const res = nf(mat, axis, { out: resout });
        assertAlmostEqual(res, resout);
        assertAlmostEqual(res, tgt);
      }
    });
  });
});

describe('TestNanFunctions_MeanVarStd', () => {
  const nanfuncs = [F(nanmean), F(nanvar), F(nanstd)];
  const stdfuncs = [F(mean), F(variance), F(std)];
  sharedMixin(nanfuncs, stdfuncs);

  test('test_dtype_error', () => {
    for (const f of nanfuncs) for (const dt of ['?', 'l']) expect(() => f(ndat(), 1, { dtype: dt })).toThrow(new TypeError('If a is inexact, then dtype must be inexact'));
  });

  test('test_out_dtype_error', () => {
    for (const f of nanfuncs) {
      for (const dt of ['?', 'l']) {
        const out = empty(NDAT.length, dt);
        expect(() => f(ndat(), 1, { out })).toThrow(new TypeError('If a is inexact, then out must be inexact'));
      }
    }
  });

  test('test_ddof', () => {
    const pairs: [Fn, Fn][] = [[F(nanvar), F(variance)], [F(nanstd), F(std)]];
    for (const [nf, rf] of pairs) {
      for (const ddof of [0, 1]) {
        const tgt = RDAT.map((d) => vals(rf(arr(d, 'f8'), { ddof })));
        assertAlmostEqual(nf(ndat(), 1, { ddof }), tgt);
      }
    }
  });

  test('test_ddof_too_big', () => {
    const dsize = RDAT.map((d) => d.length);
    for (const nf of [F(nanvar), F(nanstd)]) {
      for (let ddof = 0; ddof < 5; ddof++) {
        const tgt = dsize.map((d) => ddof >= d);
        const res = nf(ndat(), 1, { ddof });
        assertEqual(isnan(res), tgt);
      }
    }
  });

  test.each(ALL_FLOAT)('test_allnans[%s]', (c) => {
    for (const [, array0, axis] of allnanCases()) {
      const array = array0.astype(c);
      for (const func of nanfuncs) {
        const out = func(array, axis);
        expect(all(isnan(out)).get()).toBe(true);
        // nanvar and nanstd convert complex inputs to their corresponding floating dtype
        if (func === nanfuncs[0]) expect(out.dtype.str).toBe(array.dtype.str);
        else expect(out.dtype.str).toBe(absolute(array).dtype.str);
      }
    }
  });

  test('test_empty', () => {
    const mat = zeros([0, 3]);
    for (const f of nanfuncs) {
      for (const axis of [0, null]) expect(all(isnan(f(mat, axis))).get()).toBe(true);
      assertEqual(f(mat, 1), vals(zeros([])));
    }
  });

  test.each(ALL_FLOAT)('test_where[%s]', (c) => {
    const ar = arange(9).reshape(3, 3).astype(c);
    ar.set('0, :', NaN);
    const where = onesLike(ar, { dtype: '?' });
    where.set(':, 0', false);
    nanfuncs.forEach((f, i) => {
      const reference = stdfuncs[i](ar.index(where).index('2:'));
      const dtypeReference = i === 0 ? str(c) : (ar.real as NdArray).dtype.str;
      const ret = f(ar, { where });
      expect(ret.dtype.str).toBe(dtypeReference);
      assertAllclose(ret, reference);
    });
  });

  test('test_nanstd_with_mean_keyword', () => {
    const r = rng(1234);
    const A = zeros([10, 20, 5]);
    const flat = A.reshape(-1);
    for (let i = 0; i < flat.size; i++) flat.set([i], r() * 2 - 1 + 0.5);
    A.set(':, 5, :', NaN);
    const meanOut = zeros([10, 1, 5]);
    const stdOut = zeros([10, 1, 5]);
    const m = nanmean(A, { out: meanOut, axis: 1, keepdims: true });
    // The returned object should be the object specified during calling
    expect(m).toBe(meanOut);
    const s = nanstd(A, { out: stdOut, axis: 1, keepdims: true, mean: m });
    expect(s).toBe(stdOut);
    // Shape of returned mean and std should be same
    expect(s.shape).toEqual(m.shape);
    expect(s.shape).toEqual([10, 1, 5]);
    // Output should be the same as from the individual algorithms
    const stdOld = nanstd(A, { axis: 1, keepdims: true });
    expect(stdOld.shape).toEqual(m.shape);
    assertAlmostEqual(s, stdOld);
  });
});

describe('TestNanFunctions_Median', () => {
  test('test_mutation', () => {
    const n = ndat();
    nanmedian(n);
    assertEqual(n, NDAT);
  });

  test('test_keepdims', () => {
    const mat = eye(3);
    for (const axis of [null, 0, 1]) {
      const tgt = median(mat, { axis, out: null, overwriteInput: false });
      const res = nanmedian(mat, { axis, out: null, overwriteInput: false });
      expect(res.ndim).toBe(tgt.ndim);
    }
    const d = onesWithNans(7, 200 / 1155);
    expect(nanmedian(d, { axis: null, keepdims: true }).shape).toEqual([1, 1, 1, 1]);
    expect(nanmedian(d, { axis: [0, 1], keepdims: true }).shape).toEqual([1, 1, 7, 11]);
    expect(nanmedian(d, { axis: [0, 3], keepdims: true }).shape).toEqual([1, 5, 7, 1]);
    expect(nanmedian(d, { axis: [1], keepdims: true }).shape).toEqual([3, 1, 7, 11]);
    expect(nanmedian(d, { axis: [0, 1, 2, 3], keepdims: true }).shape).toEqual([1, 1, 1, 1]);
    expect(nanmedian(d, { axis: [0, 1, 3], keepdims: true }).shape).toEqual([1, 1, 7, 1]);
  });

  test.each([[null], [1], [[1]], [[0, 1]], [[-3, -1]]] as (number | number[] | null)[][])('test_keepdims_out[%j]', (axis) => {
    const d = onesWithNans(11, 200 / 1155);
    let shapeOut: number[];
    if (axis === null) shapeOut = [1, 1, 1, 1];
    else {
      const norm = (Array.isArray(axis) ? axis : [axis]).map((x) => (x < 0 ? x + 4 : x));
      shapeOut = d.shape.map((n, i) => (norm.includes(i) ? 1 : n));
    }
    const out = empty(shapeOut);
    const result = nanmedian(d, { axis, keepdims: true, out });
    expect(result).toBe(out);
    expect(result.shape).toEqual(shapeOut);
  });

  test('test_out', () => {
    const r = rng(3);
    const mat = zeros([3, 3]);
    for (let i = 0; i < 9; i++) mat.reshape(-1).set([i], r());
    const nanMat = insert(mat, [0, 2], NaN, 1);
    let resout = zeros(3);
    let tgt = median(mat, { axis: 1 });
    let res = nanmedian(nanMat, { axis: 1, out: resout });
    assertAlmostEqual(res, resout);
    assertAlmostEqual(res, tgt);
    // 0-d output:
    resout = zeros([]);
    tgt = median(mat, { axis: null });
    res = nanmedian(nanMat, { axis: null, out: resout });
    assertAlmostEqual(res, resout);
    assertAlmostEqual(res, tgt);
    res = nanmedian(nanMat, { axis: [0, 1], out: resout });
    assertAlmostEqual(res, resout);
    assertAlmostEqual(res, tgt);
  });

  test('test_small_large', () => {
    // test the small and large code paths, current cutoff 400 elements
    const r = rng(5);
    for (const s of [5, 20, 51, 200, 1000]) {
      const d = zeros([4, s]);
      const flat = d.reshape(-1);
      for (let i = 0; i < d.size; i++) flat.set([i], r() * 2 - 1);
      // Randomly set some elements to NaN:
      for (let k = 0; k < Math.floor(d.size / 5); k++) flat.set([Math.floor(r() * d.size)], NaN);
      d.set(':, 0', 1); // ensure at least one good value
      // use normal median without nans to compare
      const tgt: unknown[] = [];
      for (let row = 0; row < 4; row++) {
        const x = d.index(String(row));
        tgt.push(vals(median(compress(logicalNot(isnan(x)), x))));
      }
      assertEqual(nanmedian(d, { axis: -1 }), tgt);
    }
  });

  test('test_result_values', () => {
    const tgt = RDAT.map((d) => vals(median(arr(d, 'f8'))));
    assertAlmostEqual(nanmedian(ndat(), { axis: 1 }), tgt);
  });

  test.each(ALL_FLOAT)('test_allnans[%s]', (c) => {
    for (const axis of [null, 0, 1]) {
      const mat = full([3, 3], NaN).astype(c);
      const output = nanmedian(mat, { axis });
      expect(output.dtype.str).toBe(mat.dtype.str);
      expect(all(isnan(output)).get()).toBe(true);
      // Check scalar
      const scalar = arr(NaN, 'f8').astype(c);
      const outputScalar = nanmedian(scalar);
      expect(outputScalar.dtype.str).toBe(scalar.dtype.str);
      expect(all(isnan(outputScalar)).get()).toBe(true);
    }
  });

  test('test_empty', () => {
    const mat = zeros([0, 3]);
    for (const axis of [0, null]) expect(all(isnan(nanmedian(mat, { axis }))).get()).toBe(true);
    assertEqual(nanmedian(mat, { axis: 1 }), vals(zeros([])));
  });

  test('test_scalar', () => {
    assertEqual(nanmedian(arr(0, 'f8')), 0);
  });

  test('test_extended_axis_invalid', () => {
    const d = ones([3, 5, 7, 11]);
    expect(() => nanmedian(d, { axis: -5 })).toThrow(AxisError);
    expect(() => nanmedian(d, { axis: [0, -5] })).toThrow(AxisError);
    expect(() => nanmedian(d, { axis: 4 })).toThrow(AxisError);
    expect(() => nanmedian(d, { axis: [0, 4] })).toThrow(AxisError);
    expect(() => nanmedian(d, { axis: [1, 1] })).toThrow(ValueError);
  });

  test('test_float_special', () => {
    for (const inf of [Infinity, -Infinity]) {
      let a = arr([[inf, NaN], [NaN, NaN]], 'f8');
      assertEqual(nanmedian(a, { axis: 0 }), [inf, NaN]);
      assertEqual(nanmedian(a, { axis: 1 }), [inf, NaN]);
      assertEqual(nanmedian(a), inf);

      // minimum fill value check
      a = arr([[NaN, NaN, inf], [NaN, NaN, inf]], 'f8');
      assertEqual(nanmedian(a), inf);
      assertEqual(nanmedian(a, { axis: 0 }), [NaN, NaN, inf]);
      assertEqual(nanmedian(a, { axis: 1 }), inf);

      // no mask path
      a = arr([[inf, inf], [inf, inf]], 'f8');
      assertEqual(nanmedian(a, { axis: 1 }), inf);

      a = arr([[inf, 7, -inf, -9], [-10, NaN, NaN, 5], [4, NaN, NaN, inf]], 'f4');
      if (inf > 0) {
        assertEqual(nanmedian(a, { axis: 0 }), [4, 7, -inf, 5]);
        assertEqual(nanmedian(a), 4.5);
      } else {
        assertEqual(nanmedian(a, { axis: 0 }), [-10, 7, -inf, -9]);
        assertEqual(nanmedian(a), -2.5);
      }
      assertEqual(nanmedian(a, { axis: -1 }), [-1, -2.5, inf]);

      for (let i = 0; i < 10; i++) {
        for (let j = 1; j < 10; j++) {
          const row = [...Array(i).fill(NaN), ...Array(j).fill(inf)];
          a = arr([row, row], 'f8');
          assertEqual(nanmedian(a), inf);
          assertEqual(nanmedian(a, { axis: 1 }), inf);
          assertEqual(nanmedian(a, { axis: 0 }), row);
          const nrow = [...Array(i).fill(NaN), ...Array(j).fill(-inf)];
          a = arr([nrow, nrow], 'f8');
          assertEqual(nanmedian(a), -inf);
          assertEqual(nanmedian(a, { axis: 1 }), -inf);
          assertEqual(nanmedian(a, { axis: 0 }), nrow);
        }
      }
    }
  });
});

describe('TestNanFunctions_Quantile', () => {
  test('test_regression', () => {
    const ar = arange(24).reshape(2, 3, 4).astype('f8');
    ar.set('0, 1', NaN);
    assertEqual(nanquantile(ar, 0.5), nanpercentile(ar, 50));
    assertEqual(nanquantile(ar, 0.5, { axis: 0 }), nanpercentile(ar, 50, { axis: 0 }));
    assertEqual(nanquantile(ar, 0.5, { axis: 1 }), nanpercentile(ar, 50, { axis: 1 }));
    assertEqual(nanquantile(ar, [0.5], { axis: 1 }), nanpercentile(ar, [50], { axis: 1 }));
    assertEqual(nanquantile(ar, [0.25, 0.5, 0.75], { axis: 1 }), nanpercentile(ar, [25, 50, 75], { axis: 1 }));
  });

  test('test_basic', () => {
    const x = arange(8).multiply(0.5);
    assertEqual(nanquantile(x, 0), 0);
    assertEqual(nanquantile(x, 1), 3.5);
    assertEqual(nanquantile(x, 0.5), 1.75);
  });

  test('test_complex', () => {
    for (const c of ['D', 'F']) {
      const arrC = arr([{ re: 0.5, im: 3 }, { re: 2.1, im: 0.5 }, { re: 1.6, im: 2.3 }], c);
      expect(() => nanquantile(arrC, 0.5)).toThrow(TypeError);
    }
  });

  test('test_no_p_overwrite', () => {
    // this is worth retesting, because quantile does not make a copy
    const p0 = arr([0, 0.75, 0.25, 0.5, 1.0], 'f8');
    const p = p0.copy();
    nanquantile(arange(100).astype('f8'), p, { method: 'midpoint' });
    assertEqual(p, p0);
    const pl = [0, 0.75, 0.25, 0.5, 1.0];
    nanquantile(arange(100).astype('f8'), pl, { method: 'midpoint' });
    assertEqual(pl, [0, 0.75, 0.25, 0.5, 1.0]);
  });

  test.each(['e', 'f', 'd'])('test_allnans[%s]', (c) => {
    for (const [, array0, axis] of allnanCases()) {
      const array = array0.astype(c);
      const out = nanquantile(array, 1, { axis });
      expect(all(isnan(out)).get()).toBe(true);
      expect(out.dtype.str).toBe(array.dtype.str);
    }
  });
});

describe('test_memmap_takes_fast_route', () => {
  // NumPy's nanmax/nanmin of a memmap run fmax/fmin.reduce (gh-28721): a bad out names fmax/fmin.
  test('test_memmap_takes_fast_route', () => {
    const p = tmp.file(new Uint8Array(new Float64Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).buffer), 'data.bin');
    const mm = memmap(p, { dtype: '<f8', mode: 'r+', shape: [10] });
    try {
      expect(() => nanmax(mm, { out: zeros(2) })).toThrow(/reduction operation fmax/);
      expect(() => nanmin(mm, { out: zeros(2) })).toThrow(/reduction operation fmin/);
    } finally {
      mm.close();
    }
  });
});
