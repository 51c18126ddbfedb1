// takeAlongAxis, putAlongAxis (lib/along-axis.ts) against NumPy (values,
// shapes, broadcasting, negative indices, errors), and NumPy's
// TestTakeAlongAxis / TestPutAlongAxis (lib/tests/test_shape_base.py), ported.
import { putAlongAxis, takeAlongAxis } from '../lib/along-axis';
import { argmax, argmin, argsort, array, arange, full, max, min, ones, sort } from '../lib';
import { AxisError, IndexError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';

describeWithNumpy('take/putAlongAxis against NumPy', () => {
  test('every axis (and null) of a 3-d array, negative and broadcast indices, a strided arr', () => {
    const want = runNumpy<{ take: unknown[]; put: unknown[] }>(`
a = np.arange(60).reshape(3, 4, 5)[:, ::-1, :]
take, put = [], []
for axis in [0, 1, 2, -1, None]:
    n = a.size if axis is None else a.shape[axis]
    shape = [7] if axis is None else [1 if d != (axis % 3) else 2 for d in range(3)]
    ind = (np.arange(int(np.prod(shape))).reshape(shape) * 5 % (2 * n)) - n
    take.append(np.take_along_axis(a, ind, axis=axis).tolist())
    b = a.copy()
    np.put_along_axis(b, ind, -np.arange(ind.size).reshape(ind.shape), axis=axis)
    put.append(b.tolist())
print(json.dumps({'take': take, 'put': put}))
`);
    const a = arange(60).reshape([3, 4, 5]).index(':, ::-1, :');
    [0, 1, 2, -1, null].forEach((axis, k) => {
      const n = axis === null ? a.size : a.shape[(axis + 3) % 3];
      const shape = axis === null ? [7] : [0, 1, 2].map((d) => (d === (axis + 3) % 3 ? 2 : 1));
      const size = shape.reduce((x, y) => x * y, 1);
      const ind = array(Array.from({ length: size }, (_, i) => ((i * 5) % (2 * n)) - n)).reshape(shape);
      expect(vals(takeAlongAxis(a, ind, axis))).toEqual(want.take[k]);
      const b = a.copy();
      putAlongAxis(b, ind, array(Array.from({ length: size }, (_, i) => -i)).reshape(shape), axis);
      expect(vals(b)).toEqual(want.put[k]);
    });
  });
});

test('an index out of range: IndexError, nothing written', () => {
  const a = arange(6).reshape([2, 3]);
  expect(() => takeAlongAxis(a, array([[5]]), 1)).toThrow(new IndexError('index 5 is out of bounds for axis 1 with size 3'));
  expect(() => putAlongAxis(a, array([[0, 5]]), 9, 1)).toThrow(IndexError);
  expect(vals(a)).toEqual([[0, 1, 2], [3, 4, 5]]);
  // axis null over a non-contiguous arr writes through.
  const t = arange(6).reshape([2, 3]).T;
  putAlongAxis(t, array([0, 5]), -1, null);
  expect(vals(t)).toEqual([[-1, 3], [1, 4], [2, -1]]);
});

// numpy/lib/tests/test_shape_base.py TestTakeAlongAxis / TestPutAlongAxis.
describe('ported: test_shape_base TestTakeAlongAxis / TestPutAlongAxis', () => {
  test('test_argequivalent (sort/argsort, min/argmin, max/argmax with keepdims)', () => {
    const a = array(Array.from({ length: 60 }, (_, i) => Math.sin(i * 7.3))).reshape([3, 4, 5]);
    for (const axis of [0, 1, 2]) {
      expect(vals(takeAlongAxis(a, argsort(a, { axis }), axis))).toEqual(vals(sort(a, { axis })));
      expect(vals(takeAlongAxis(a, argmin(a, { axis, keepdims: true }), axis))).toEqual(vals(min(a, { axis, keepdims: true })));
      expect(vals(takeAlongAxis(a, argmax(a, { axis, keepdims: true }), axis))).toEqual(vals(max(a, { axis, keepdims: true })));
    }
    expect(vals(takeAlongAxis(a, argsort(a, { axis: null }), null))).toEqual(vals(sort(a, { axis: null })));
  });
  test('test_invalid', () => {
    const a = ones([10, 10]);
    const ai = ones([10, 2], 'i8');
    expect(takeAlongAxis(a, ai, 1).shape).toEqual([10, 2]);
    expect(() => takeAlongAxis(a, array(1), 1)).toThrow(ValueError);
    expect(() => takeAlongAxis(a, ai.astype('?'), 1)).toThrow(IndexError);
    expect(() => takeAlongAxis(a, ai.astype('f8'), 1)).toThrow(IndexError);
    expect(() => takeAlongAxis(a, ai, 10)).toThrow(AxisError);
    expect(() => takeAlongAxis(a, ai, null)).toThrow(ValueError);
  });
  test('test_empty / test_broadcast', () => {
    expect(takeAlongAxis(ones([3, 4, 5]), ones([3, 0, 5], 'i8'), 1).shape).toEqual([3, 0, 5]);
    expect(takeAlongAxis(ones([3, 4, 1]), ones([1, 2, 5], 'i8'), 1).shape).toEqual([3, 2, 5]);
  });
  test('put: test_replace_max', () => {
    const base = array([[10, 30, 20], [60, 40, 50]]);
    // NumPy's _add_keepdims: keepdims, or for axis None the flat index as a 1-d array.
    const keep = (f: typeof argmax, a: ReturnType<typeof array>, axis: number | null): ReturnType<typeof array> => (axis === null ? f(a).reshape([1]) : f(a, { axis, keepdims: true }));
    for (const axis of [0, 1, null]) {
      const a = base.copy();
      const iMax = keep(argmax, a, axis);
      putAlongAxis(a, iMax, -99, axis);
      const iMin = keep(argmin, a, axis);
      expect(vals(iMin)).toEqual(vals(iMax));
    }
  });
  test('put: test_broadcast / test_invalid', () => {
    const a = ones([3, 4, 1]);
    const ai = arange(10).reshape([1, 2, 5]);
    const ai4 = array((vals(ai) as number[][][]).map((r) => r.map((c) => c.map((v) => v % 4))));
    putAlongAxis(a, ai4, 20, 1);
    expect(vals(takeAlongAxis(a, ai4, 1))).toEqual(vals(full([3, 2, 5], 20)));
    const b = array([[10, 30, 20], [60, 40, 50]]);
    putAlongAxis(b, array([[0], [1]]), array([[2], [1]]), 0);
    expect(vals(b)).toEqual([[2, 2, 2], [1, 1, 1]]);
    expect(() => putAlongAxis(b, array([[0], [1]]), array([[2], [1]]), null)).toThrow(/single dimension/);
  });
});
