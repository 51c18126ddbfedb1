// fromiter against NumPy's np.fromiter: dtype, shape, bytes for arrays,
// generators (endless ones with a count), subarray and structured dtypes;
// NumPy's errors for a short iterable.
import * as lib from '../lib';
import { fromiter } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

function* squares(): Generator<number> {
  for (let i = 0; ; i++) yield i * i;
}

describeWithNumpy('fromiter against NumPy', () => {
  const I = inputs(lib);
  test('iterables, dtypes, count', () => {
    expectLikeNumpy(
      [
        ['np.fromiter((x * x for x in range(5)), dtype=float)', () => fromiter([0, 1, 4, 9, 16], 'f8')],
        ['np.fromiter((x * x for x in range(10**9)), dtype=np.int32, count=7)', () => fromiter(squares(), 'i4', 7)],
        ['np.fromiter(iter([1.5, 2.7, -3.2]), dtype=np.int16)', () => fromiter([1.5, 2.7, -3.2], 'i2')],
        ['np.fromiter([True, False, True], dtype=bool)', () => fromiter([true, false, true], '?')],
        ['np.fromiter([], dtype=np.float32)', () => fromiter([], 'f4')],
        ['np.fromiter([1, 2, 3], dtype="u1", count=0)', () => fromiter([1, 2, 3], 'u1', 0)],
        ['np.fromiter([[1, 2], [3, 4], [5, 6]], dtype="(2,)i4")', () => fromiter([[1, 2], [3, 4], [5, 6]], '(2,)i4')],
        ['np.fromiter([(1, 2.5), (3, 4.5)], dtype=[("a", "i4"), ("b", "f8")])', () => fromiter([[1, 2.5], [3, 4.5]], [['a', 'i4'], ['b', 'f8']] as never)],
        ['np.fromiter(range(3), dtype=float, count=5)', () => fromiter([0, 1, 2], 'f8', 5)],
        ['np.fromiter([1, 2], dtype=">f8")', () => fromiter(new Set([1, 2]), '>f8')],
        ['np.fromiter(iter([1, 2]), dtype="i4", count=-2)', () => fromiter([1, 2], 'i4', -2)],
      ],
      I,
    );
  });
});

test('fromiter stops an endless generator at count and refuses bad arguments', () => {
  expect(fromiter(squares(), 'f8', 4).toArray()).toEqual([0, 1, 4, 9]);
  expect(() => fromiter([1], undefined as never)).toThrow(TypeError);
  expect(() => fromiter(5 as never, 'f8')).toThrow(TypeError);
  // A count below -1 reads nothing (NumPy's): the generator is not started.
  let started = false;
  const gen = (function* () {
    started = true;
    yield 1;
  })();
  expect(fromiter(gen, 'f8', -5).shape).toEqual([0]);
  expect(started).toBe(false);
});
