// exp2 expm1 log2 log10 log1p cbrt logaddexp logaddexp2
// (lib/ufuncs/explog.ts) against NumPy over every input dtype: result dtypes,
// values within 4 ulp, special values exactly (log of 0 and negatives, -1
// for log1p, equal infinities for logaddexp), complex through NumPy's
// formulas; whole array, strided reversed view and small slice.
import * as explog from '../../lib/ufuncs/explog';
import { fromBuffer } from '../../lib/create';
import { describeWithNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';

describeWithNumpy('exp/log ufuncs against NumPy', () => {
  test.each(['exp2', 'expm1', 'log2', 'log10', 'log1p', 'cbrt'] as const)('%s: every dtype within 4 ulp, specials exact', (name) => {
    expect(checkMath(explog[name] as never, 1, numpyMath(name, 1), { ulps: 4 })).toEqual([]);
  });
  test.each(['logaddexp', 'logaddexp2'] as const)('%s: every dtype within 4 ulp, special pairs exact', (name) => {
    expect(checkMath(explog[name] as never, 2, numpyMath(name, 2), { ulps: 4 })).toEqual([]);
  });
});

test('logaddexp: equal infinities, a NaN, and no overflow for large inputs', () => {
  const x = fromBuffer(new Float64Array([Infinity, -Infinity, NaN, 1000, -1000]), '<f8');
  const y = fromBuffer(new Float64Array([Infinity, -Infinity, 1, 1000, -1000]), '<f8');
  const r = explog.logaddexp(x, y).toArray() as number[];
  expect(r.slice(0, 2)).toEqual([Infinity, -Infinity]);
  expect(r[2]).toBeNaN();
  expect(r[3]).toBe(1000 + Math.LN2);
  expect(r[4]).toBe(-1000 + Math.LN2);
  expect(explog.logaddexp2(x, y).toArray()).toEqual([Infinity, -Infinity, NaN, 1001, -999]);
});
