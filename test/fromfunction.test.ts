// fromfunction (lib/fromfunction.ts) against NumPy: the coordinate arrays
// the function gets (float64 by default, the dtype asked), one call, and
// what it returns passed through.
import { add, fromfunction, multiply, equal } from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : typeof v === 'bigint' ? Number(v) : v);

describeWithNumpy('fromfunction against NumPy', () => {
  test('values and dtypes for float64 and int coordinates, 1-d to 3-d, and an empty shape', () => {
    const want = runNumpy<unknown[]>(`
out = []
for r in (np.fromfunction(lambda i, j: i * 10 + j, (2, 3)), np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int),
          np.fromfunction(lambda i, j, k: i * 100 + j * 10 + k, (2, 2, 3), dtype='u1'), np.fromfunction(lambda i: i * 2.5, (4,)),
          np.fromfunction(lambda i, j: i + j, (0, 3))):
    out.append([list(r.shape), r.dtype.str, r.tolist()])
print(json.dumps(out))
`);
    const got = [
      fromfunction((i, j) => add(multiply(i, 10), j), [2, 3]),
      fromfunction((i, j) => equal(i, j), [3, 3], { dtype: 'i8' }),
      fromfunction((i, j, k) => add(add(multiply(i, 100), multiply(j, 10)), k), [2, 2, 3], { dtype: 'u1' }),
      fromfunction((i) => multiply(i, 2.5), [4]),
      fromfunction((i, j) => add(i, j), [0, 3]),
    ].map((r: NdArray) => [r.shape, r.dtype.str, plain(r.toArray())]);
    expect(got).toEqual(want);
  });
});

describe('fromfunction: the call', () => {
  test('fn is called once with whole arrays and its value is returned as it is', () => {
    const calls: (readonly number[])[][] = [];
    const r = fromfunction((i, j) => {
      calls.push([i.shape, j.shape]);
      return 'done';
    }, [2, 4]);
    expect(r).toBe('done');
    expect(calls).toEqual([[[2, 4], [2, 4]]]);
    expect(() => fromfunction(3 as never, [2])).toThrow(TypeError);
    expect(() => fromfunction((i) => i, [2], { dtpye: 'i8' } as never)).toThrow(TypeError);
  });
});
