// lib/reduce-out.ts: out= of quantile, percentile, median, ptp and the nan*
// forms against NumPy (the values written, out's dtype kept, out returned),
// and NumPy's errors for a wrong shape, a refused cast, a read-only out.
import { AccessError, arange, asarray, median, nanmedian, nanpercentile, nanquantile, percentile, ptp, quantile, zeros, ValueError } from '../lib';
import { UFuncTypeError } from '../lib/ufunc';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

const A = () => arange(12, 'f8').reshape(3, 4);
const N = () => asarray([[1, NaN, 3, 4], [NaN, NaN, 2, 8], [5, 6, 7, NaN]]);
const APY = 'np.arange(12.).reshape(3, 4)';
const NPY = 'np.array([[1, np.nan, 3, 4], [np.nan, np.nan, 2, 8], [5, 6, 7, np.nan]])';

describeWithNumpy('out= of the order statistics against NumPy', () => {
  test('values into out (its dtype kept), out returned', () => {
    const cases: Case[] = [
      { py: `(lambda o: (np.median(${APY}, axis=0, out=o), o)[1])(np.zeros(4, 'f4'))`, js: () => { const o = zeros(4, 'f4'); const r = median(A(), { axis: 0, out: o }); expect(r).toBe(o); return o; } },
      { py: `(lambda o: (np.median(${APY}, axis=1, out=o), o)[1])(np.zeros(3, 'i8'))`, js: () => { const o = zeros(3, 'i8'); median(A(), { axis: 1, out: o }); return o; } },
      { py: `(lambda o: (np.median(${APY}, out=o), o)[1])(np.zeros(()))`, js: () => { const o = zeros([]); median(A(), { out: o }); return o; } },
      { py: `(lambda o: (np.quantile(${APY}, [0.5, 0.2], axis=0, out=o), o)[1])(np.zeros((2, 4), 'f4'))`, js: () => { const o = zeros([2, 4], 'f4'); const r = quantile(A(), [0.5, 0.2], { axis: 0, out: o }); expect(r).toBe(o); return o; } },
      { py: `(lambda o: (np.percentile(${APY}, 30, axis=1, keepdims=True, out=o), o)[1])(np.zeros((3, 1)))`, js: () => { const o = zeros([3, 1]); percentile(A(), 30, { axis: 1, keepdims: true, out: o }); return o; } },
      { py: `(lambda o: (np.ptp(${APY}, axis=0, out=o), o)[1])(np.zeros(4, 'f4'))`, js: () => { const o = zeros(4, 'f4'); ptp(A(), { axis: 0, out: o }); return o; } },
      { py: `(lambda o: (np.nanmedian(${NPY}, axis=1, out=o), o)[1])(np.zeros(3))`, js: () => { const o = zeros(3); nanmedian(N(), { axis: 1, out: o }); return o; } },
      { py: `(lambda o: (np.nanquantile(${NPY}, 0.25, axis=0, out=o), o)[1])(np.zeros(4))`, js: () => { const o = zeros(4); nanquantile(N(), 0.25, { axis: 0, out: o }); return o; } },
      { py: `(lambda o: (np.nanpercentile(${NPY}, [10, 90], axis=1, out=o), o)[1])(np.zeros((2, 3)))`, js: () => { const o = zeros([2, 3]); nanpercentile(N(), [10, 90], { axis: 1, out: o }); return o; } },
      { py: `np.quantile(${APY}, 0.5, axis=0, out=np.zeros(4, 'i8'))`, js: () => quantile(A(), 0.5, { axis: 0, out: zeros(4, 'i8') }) },
      { py: `np.ptp(${APY}, axis=0, out=np.zeros(4, 'i8'))`, js: () => ptp(A(), { axis: 0, out: zeros(4, 'i8') }) },
    ];
    expectCasesLikeNumpy(cases);
  });
});

describe('out= errors', () => {
  test('a wrong shape, a refused cast, a read-only out', () => {
    expect(() => median(A(), { axis: 0, out: zeros(3) })).toThrow(ValueError);
    expect(() => quantile(A(), 0.5, { axis: 0, out: zeros(3) })).toThrow("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (4,)");
    expect(() => quantile(A(), 0.5, { axis: 0, out: zeros(4, 'i8') })).toThrow(UFuncTypeError);
    const ro = zeros(4);
    ro.flags.writeable = false;
    expect(() => median(A(), { axis: 0, out: ro })).toThrow(AccessError);
    expect(() => median(A(), { axis: 0, out: [1, 2] as never })).toThrow(TypeError);
  });
});
