// resize (lib/resize.ts) against NumPy, and NumPy's TestResize
// (numpy/_core/tests/test_numeric.py), ported.
import { resize } from '../lib/resize';
import { arange, array, zeros } from '../lib';
import { ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';

describeWithNumpy('resize against NumPy', () => {
  test('growing, shrinking, to 0-d shapes, from a strided view', () => {
    const shapes = [[3, 3], [2], [7], [2, 0], [1, 1, 5], []];
    const want = runNumpy<unknown[]>(`
a = np.arange(12).reshape(3, 4)[::2, ::-1]
print(json.dumps([np.resize(a, s).tolist() for s in ${JSON.stringify(shapes)}]))
`);
    const a = arange(12).reshape([3, 4]).index('::2, ::-1');
    shapes.forEach((s, k) => expect(vals(resize(a, s))).toEqual(want[k]));
  });
});

// numpy/_core/tests/test_numeric.py TestResize.
describe('ported: test_numeric TestResize', () => {
  test('test_copies / test_repeats / test_zeroresize / test_negative_resize', () => {
    const A = array([[1, 2], [3, 4]]);
    expect(vals(resize(A, [2, 4]))).toEqual([[1, 2, 3, 4], [1, 2, 3, 4]]);
    expect(vals(resize(A, [4, 2]))).toEqual([[1, 2], [3, 4], [1, 2], [3, 4]]);
    expect(vals(resize(array([1, 2, 3]), [2, 4]))).toEqual([[1, 2, 3, 1], [2, 3, 1, 2]]);
    expect(resize(A, [0]).shape).toEqual([0]);
    expect(resize(A, [0, 2]).shape).toEqual([0, 2]);
    expect(resize(A, [2, 0]).shape).toEqual([2, 0]);
    expect(vals(resize(zeros([0], 'f8'), [10]))).toEqual(Array(10).fill(0));
    expect(() => resize(array([1, 2]), [-1, 2])).toThrow(new ValueError('all elements of `new_shape` must be non-negative'));
    expect(resize(array([1, 2], 'i2'), 3).dtype.str).toBe('<i2');
  });
});

describe('resize: the dtype of NumPy\'s concatenate', () => {
  test('a big-endian input gives the native byte order (concatenate), an empty result keeps the dtype (zeros_like)', () => {
    const a = array([1, 2, 3, 4], '>u4');
    for (const shape of [5, 3, [2, 2], 4]) {
      const r = resize(a, shape as number);
      expect(r.dtype.str).toBe('<u4');
      expect(r.toArray()).toEqual((Array.isArray(shape) ? [[1, 2], [3, 4]] : [1, 2, 3, 4, 1].slice(0, shape)));
    }
    expect(resize(a, 0).dtype.str).toBe('>u4');
    expect(resize(array([], '>u4'), 3).dtype.str).toBe('>u4');
  });
});
