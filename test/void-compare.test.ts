// lib/ufuncs/void-compare.ts: equal / notEqual of record and void arrays are
// NumPy's `a == b` / `a != b` (its _void_compare), cross-checked against numpy
// when python3 + numpy are installed.
import { dtype, equal, notEqual, zeros, type DTypeLike } from '../lib';
import { array, vals } from './helpers/np-array';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

describe('record comparisons', () => {
  test('fields compare across dtypes and byte orders; nested records and bytes fields', () => {
    const dt: DTypeLike = [
      ['a', '>i4'],
      ['n', [['x', 'f8'], ['y', 'u1']]],
      ['s', 'S3'],
    ];
    const dt2: DTypeLike = [
      ['a', '<f8'],
      ['n', [['x', '<f4'], ['y', 'i2']]],
      ['s', 'S5'],
    ];
    const a = array(
      [
        [1, [0.5, 2], 'ab'],
        [2, [1.5, 3], 'cd'],
        [3, [2.5, 4], 'ef'],
      ],
      dt,
      [3],
    );
    const b = array(
      [
        [1, [0.5, 2], 'ab'],
        [2, [1.5, 9], 'cd'],
        [3, [2.5, 4], 'efg'],
      ],
      dt2,
      [3],
    );
    expect(vals(equal(a, b))).toEqual([true, false, false]);
    expect(vals(notEqual(a, b))).toEqual([false, true, true]);
    expect(vals(equal(b, a))).toEqual([true, false, false]);
  });

  test('a record with no fields: == is all true, != all false, broadcast', () => {
    const a = zeros([2, 1], dtype({ names: [], formats: [], itemsize: 4 } as never));
    const b = zeros(3, dtype({ names: [], formats: [], itemsize: 4 } as never));
    expect(vals(equal(a, b))).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
    expect(vals(notEqual(a, b))).toEqual([
      [false, false, false],
      [false, false, false],
    ]);
  });

  test('plain voids compare their bytes; other sizes, records with voids, voids with numbers: TypeError', () => {
    const a = zeros(3, 'V2');
    const b = zeros(3, 'V2');
    b.view('u1').set(3, 7);
    expect(vals(equal(a, b))).toEqual([true, false, true]);
    expect(vals(notEqual(a, b))).toEqual([false, true, false]);
    expect(() => equal(a, zeros(3, 'V3'))).toThrow('cannot compare unstructured voids of different length');
    expect(() => equal(zeros(3, [['a', 'i2']]), a)).toThrow(TypeError);
    expect(() => equal(a, 1)).toThrow('Cannot compare structured or void to non-void arrays.');
    expect(() => notEqual(zeros(3, 'f8'), a)).toThrow('Cannot compare structured or void to non-void arrays.');
    expect(() => equal(zeros(3, [['a', 'i2']]), zeros(3, [['b', 'i2']]))).toThrow('Cannot compare structured arrays unless they have a common dtype.');
  });

  test('options are refused (NumPy has no void loop for np.equal)', () => {
    const a = zeros(2, [['a', 'i2']]);
    expect(() => equal(a, a, { out: zeros(2, '?') })).toThrow(TypeError);
  });
});

describeWithNumpy('record comparisons against NumPy', () => {
  test('== and != of broadcast record arrays with subarray fields equal NumPy', () => {
    const got = (() => {
      const a = zeros([2, 1], [['a', 'i4', [2]], ['b', 'f8']]);
      const b = zeros(3, [['a', '>i8', [2]], ['b', 'f4']]);
      a.field('a').set([[[1, 2]], [[3, 4]]]);
      a.field('b').set([[0.5], [1.5]]);
      b.field('a').set([[1, 2], [3, 4], [1, 2]]);
      b.field('b').set([0.5, 1.5, 1.5]);
      return [vals(equal(a, b)), vals(notEqual(a, b))];
    })();
    const want = runNumpy<unknown[]>(`
a = np.zeros((2, 1), [('a', 'i4', (2,)), ('b', 'f8')])
b = np.zeros(3, [('a', '>i8', (2,)), ('b', 'f4')])
a['a'] = [[[1, 2]], [[3, 4]]]
a['b'] = [[0.5], [1.5]]
b['a'] = [[1, 2], [3, 4], [1, 2]]
b['b'] = [0.5, 1.5, 1.5]
print(json.dumps([(a == b).tolist(), (a != b).tolist()]))
`);
    expect(got).toEqual(want);
  });
});
