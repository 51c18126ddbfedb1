// extract, place (lib/extract-place.ts) against NumPy, and NumPy's
// TestExtins (lib/tests/test_function_base.py), ported.
import { extract, place } from '../lib/extract-place';
import { arange, array, greater, multiply, remainder, type NdArray } from '../lib';
import { IndexError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';

describeWithNumpy('extract / place against NumPy', () => {
  test('a strided 2-d array, a non-bool condition, values repeated', () => {
    const want = runNumpy<{ ext: number[]; placed: number[][] }>(`
a = np.arange(24).reshape(4, 6)[:, ::-2]
cond = (a % 3) * (a % 2)
b = a.copy()
np.place(b, cond, [100, 200, 300, 400, 500])
print(json.dumps({'ext': np.extract(cond, a).tolist(), 'placed': b.tolist()}))
`);
    const a = arange(24).reshape([4, 6]).index(':, ::-2');
    const cond = multiply(remainder(a, 3), remainder(a, 2));
    expect(vals(extract(cond, a))).toEqual(want.ext);
    const b = a.copy();
    place(b, cond, [100, 200, 300, 400, 500]);
    expect(vals(b)).toEqual(want.placed);
  });
});

test("NumPy's errors: mask size, empty values, an index past arr", () => {
  const a = arange(6);
  expect(() => place(a, array([true]), [1])).toThrow(new ValueError('place: mask and data must be the same size'));
  expect(() => place(a, greater(a, 0), [])).toThrow(new ValueError('Cannot insert from an empty array!'));
  place(a, greater(a, 100), []);
  expect(vals(a)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(() => extract(array([1, 0, 1]), arange(2))).toThrow(new IndexError('index 2 is out of bounds for axis 0 with size 2'));
});

// numpy/lib/tests/test_function_base.py TestExtins.
describe('ported: test_function_base TestExtins', () => {
  test('test_basic', () => {
    const a = array([1, 3, 2, 1, 2, 3, 3]);
    expect(vals(extract(greater(a, 1), a))).toEqual([3, 2, 2, 3, 3]);
  });
  test('test_place', () => {
    const a = array([1, 4, 3, 2, 5, 8, 7]);
    place(a, array([0, 1, 0, 1, 0, 1, 0], '?'), [2, 4, 6]);
    expect(vals(a)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    place(a, array(Array(7).fill(false), '?'), []);
    expect(vals(a)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    place(a, array([1, 0, 1, 0, 1, 0, 1], '?'), [8, 9]);
    expect(vals(a)).toEqual([8, 2, 9, 4, 8, 6, 9]);
    expect(() => place(a, array([1, 0, 1, 0, 1, 0, 1], '?'), [])).toThrow(/Cannot insert from an empty array/);
  });
  test('test_both', () => {
    const a = array(Array.from({ length: 50 }, (_, i) => Math.sin(i * 3.7)));
    const mask = greater(a, 0.5);
    const ac = a.copy();
    const c = extract(mask, a);
    place(a, mask, [0]);
    place(a, mask, c);
    expect(vals(a)).toEqual(vals(ac));
  });
});

describeWithNumpy('place converts vals as NumPy\'s arr_place (PyArray_FromAny to arr\'s dtype)', () => {
  test('arrays cast safely (even under an all-false mask), lists and scalars convert to the dtype', () => {
    const rows: [string, string, boolean[], () => unknown][] = [
      ['np.arange(4)', 'np.array([1.5])', [true, false, true, false], () => array([1.5])],
      ['np.arange(4)', '[1.5]', [true, false, true, false], () => [1.5]],
      ['np.arange(4)', 'np.array([1], np.uint64)', [true, false, true, false], () => array([1], '<u8')],
      ['np.arange(4)', 'np.array([1j])', [false, false, false, false], () => array([{ re: 0, im: 1 }])],
      ['np.arange(4)', '5.5', [true, false, true, false], () => 5.5],
      ['np.arange(4, dtype=np.float32)', 'np.array([2.0])', [true, false, true, false], () => array([2])],
      ['np.arange(4, dtype=">i8")', 'np.array([2, 3], "<i8")', [true, false, true, false], () => array([2, 3], '<i8')],
      ['np.arange(4, dtype=np.int8)', '300', [true, false, true, false], () => 300],
    ];
    const want = runNumpy<(number[] | string)[]>(`
out = []
for arr, vals, mask in json.loads(sys.stdin.read()):
    a = eval(arr)
    try:
        np.place(a, mask, eval(vals))
        out.append(a.tolist())
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))`, JSON.stringify(rows.map(([a, v, m]) => [a, v, m])));
    const mk: { [py: string]: () => NdArray } = {
      'np.arange(4)': () => arange(4),
      'np.arange(4, dtype=np.float32)': () => arange(4, '<f4'),
      'np.arange(4, dtype=">i8")': () => arange(4, '>i8'),
      'np.arange(4, dtype=np.int8)': () => arange(4, '|i1'),
    };
    const got = rows.map(([a, , m, v]) => {
      const x = mk[a]();
      try {
        place(x, m, v());
        return vals(x);
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(got).toEqual(want);
  });
});
