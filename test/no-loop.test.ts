// lib/no-loop.ts: a reduction over a dtype its ufunc has no loop for (records,
// void, bytes) raises NumPy 2.4's error, class and message, whichever function
// reduces: sum, prod, mean, min, max (whole or along an axis), nanmin, nanmax, cumsum, cumprod
// and the reduceat functions.
import * as mm from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const DTYPES: [string, unknown][] = [['S3', 'S3'], ['V8', 'V8'], ['record', [['a', '<f8'], ['b', '<i4']]]];
const CALLS: [string, (a: NdArray) => unknown][] = [
  ['a.sum()', (a) => a.sum()],
  ['a.sum(0)', (a) => a.sum(0)],
  ['a.prod()', (a) => a.prod()],
  ['a.prod(1)', (a) => a.prod(1)],
  // A where mask that does not broadcast: the missing loop is reported first (fuzz seed 9208048).
  ['a.sum(where=np.ones(4, bool))', (a) => a.sum({ where: mm.ones([4], '?') })],
  ['a.prod(where=np.ones(4, bool), initial=2)', (a) => a.prod({ where: mm.ones([4], '?'), initial: 2 })],
  ['a.mean()', (a) => a.mean()],
  ['a.min()', (a) => a.min()],
  ['a.max(0)', (a) => a.max(0)],
  ['np.nanmin(a)', (a) => mm.nanmin(a)],
  ['np.nanmax(a, 0, where=np.ones(3, bool))', (a) => mm.nanmax(a, 0, { where: mm.ones([3], '?') })],
  // An axis out of range is the reduction's AxisError first (fuzz seed 9175423).
  ['np.nanmin(a, axis=3, initial=5)', (a) => mm.nanmin(a, 3, { initial: 5 })],
  ['np.nanmax(a, axis=(1, -1))', (a) => mm.nanmax(a, [1, -1])],
  ['a.sum(axis=2)', (a) => a.sum(2)],
  ['a.max(axis=-3)', (a) => a.max(-3)],
  ['np.cumsum(a)', (a) => mm.cumsum(a)],
  ['np.cumprod(a, 1)', (a) => mm.cumprod(a, 1)],
  ['np.add.reduceat(a, [0])', (a) => mm.addReduceat(a, [0])],
  ['np.multiply.reduceat(a, [0])', (a) => mm.multiplyReduceat(a, [0])],
  ['np.maximum.reduceat(a, [0])', (a) => mm.maximumReduceat(a, [0])],
];

describeWithNumpy('a reduction with no loop for the dtype: NumPy\'s class and message', () => {
  const want = runNumpy<[string, string][]>(`
dts = [np.dtype('S3'), np.dtype('V8'), np.dtype([('a', '<f8'), ('b', '<i4')])]
calls = ${JSON.stringify(CALLS.map(([c]) => c))}
out = []
for dt in dts:
    a = np.zeros((2, 3), dt)
    for c in calls:
        try:
            eval(c)
            out.append(['none', ''])
        except Exception as e:
            # _UFuncNoLoopError is NumPy's private subclass of UFuncTypeError.
            name = 'UFuncTypeError' if isinstance(e, np._core._exceptions.UFuncTypeError) else type(e).__name__
            out.append([name, str(e)])
print(json.dumps(out))`);
  DTYPES.forEach(([label, dt], i) => {
    test(`${label}: ${CALLS.length} reductions`, () => {
      const a = mm.zeros([2, 3], dt as never) as NdArray;
      CALLS.forEach(([text, call], j) => {
        let got: [string, string] = ['none', ''];
        try {
          call(a);
        } catch (e) {
          const err = e as Error;
          // UFuncTypeError is a TypeError, as NumPy's.
          if (err.name === 'UFuncTypeError') expect(err).toBeInstanceOf(TypeError);
          got = [err.name, err.message];
        }
        expect([text, got]).toEqual([text, want[i * CALLS.length + j]]);
      });
    });
  });
});
